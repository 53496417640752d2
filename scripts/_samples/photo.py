"""A phone photo of one printed page lying on a desk: perspective, lamp light, shadow, colour.

The page raster is warped into a larger 3:4 frame by a perspective transform (the camera held a
little tilted and turned), so straight lines converge, the page's edges and the desk show, and
the light falls off from one side. :func:`photograph` returns the transform too, so the checkbox
corners can follow the pixels exactly.
"""

from __future__ import annotations

import math
import random

import cv2
import numpy as np

# Desk tones (RGB): dark wood, grey laminate, light oak.
DESKS = ((66, 50, 38), (74, 76, 80), (150, 122, 88))


def _smooth_field(gen: np.random.Generator, shape: tuple[int, int], cells: tuple[int, int]
                  ) -> np.ndarray:
    """Low-frequency noise in [-1, 1]-ish: a coarse random grid scaled up smoothly."""
    coarse = gen.normal(0, 1, cells).astype(np.float32)
    field: np.ndarray = cv2.resize(coarse, (shape[1], shape[0]), interpolation=cv2.INTER_CUBIC)
    return field


def _target_quad(rng: random.Random, page_w: int, page_h: int, frame_w: int, frame_h: int
                 ) -> np.ndarray:
    """Where the page's corners land in the frame: scaled to fill most of it, shifted a
    little, the far edge shorter (keystone), turned by a few degrees, each corner jittered."""
    scale = frame_h * rng.uniform(0.80, 0.86) / page_h
    w, h = page_w * scale, page_h * scale
    ox = (frame_w - w) / 2 + rng.uniform(-0.03, 0.03) * frame_w
    oy = (frame_h - h) / 2 + rng.uniform(-0.025, 0.025) * frame_h
    keystone = rng.uniform(0.02, 0.05) * w
    lean = rng.uniform(-0.015, 0.015) * h

    def jitter() -> float:
        return rng.uniform(-0.004, 0.004) * w

    quad = np.array([
        [ox + keystone + jitter(), oy + lean + jitter()],
        [ox + w - keystone + jitter(), oy - lean + jitter()],
        [ox + w + jitter(), oy + h + lean / 2 + jitter()],
        [ox + jitter(), oy + h - lean / 2 + jitter()],
    ], dtype=np.float32)
    angle = math.radians(rng.uniform(-3.0, 3.0))
    turn = np.array([[math.cos(angle), -math.sin(angle)], [math.sin(angle), math.cos(angle)]],
                    dtype=np.float32)
    centre = quad.mean(axis=0)
    turned: np.ndarray = (quad - centre) @ turn.T + centre
    return turned.astype(np.float32)


def photograph(page: np.ndarray, rng: random.Random, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The greyscale ``page`` photographed: an RGB uint8 frame and the 3×3 page→frame matrix.

    The page keeps about its resolution (it fills 80–86 % of the frame's height), so the
    frame's dpi is the page raster's dpi, give or take the perspective.
    """
    gen = np.random.default_rng(seed)
    page_h, page_w = page.shape
    frame_h = round(page_h / 0.83)
    frame_w = round(frame_h * 3 / 4)
    src = np.array([[0, 0], [page_w, 0], [page_w, page_h], [0, page_h]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(src, _target_quad(rng, page_w, page_h, frame_w, frame_h))
    size = (frame_w, frame_h)
    warped = cv2.warpPerspective(page.astype(np.float32), matrix, size, flags=cv2.INTER_AREA)
    cover = cv2.warpPerspective(np.ones((page_h, page_w), np.float32), matrix, size,
                                flags=cv2.INTER_LINEAR)
    # the desk: a base tone with broad blotches and fine grain
    desk = np.array(rng.choice(DESKS), dtype=np.float32)
    shade = 1 + 0.08 * _smooth_field(gen, (frame_h, frame_w), (9, 7))
    grain = 1 + 0.03 * _smooth_field(gen, (frame_h, frame_w), (frame_h // 6, 5))
    background = desk[None, None, :] * (shade * grain)[..., None]
    # the page casts a soft shadow down and to the right of it
    shadow = np.roll(cv2.GaussianBlur(cover, (0, 0), frame_h / 140), (frame_h // 160,
                                                                       frame_w // 200), (0, 1))
    background *= (1 - 0.5 * shadow)[..., None]
    paper = np.repeat(warped[..., None], 3, axis=2)
    image = background * (1 - cover[..., None]) + paper * cover[..., None]
    # a lamp to one side: light falls off with distance; a warm cast
    yy, xx = np.mgrid[0:frame_h, 0:frame_w].astype(np.float32)
    lamp_x, lamp_y = rng.uniform(0.0, 1.0) * frame_w, rng.uniform(-0.2, 0.3) * frame_h
    distance = np.hypot(xx - lamp_x, yy - lamp_y) / math.hypot(frame_w, frame_h)
    light = np.clip(1.06 - 0.5 * distance, 0.6, 1.0)
    warm = np.array([1.0, 0.96, 0.88], dtype=np.float32)
    image = image * light[..., None] * warm[None, None, :]
    image = cv2.GaussianBlur(image, (0, 0), 0.8)  # the phone's lens and its denoiser
    image += gen.normal(0, 2.5, image.shape).astype(np.float32)
    return np.clip(image, 0, 255).astype(np.uint8), matrix


def move_corners(corners: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """Pixel corners (n×2) of the page mapped into the photo by the perspective ``matrix``."""
    moved: np.ndarray = cv2.perspectiveTransform(
        corners.reshape(-1, 1, 2).astype(np.float64), matrix.astype(np.float64)
    ).reshape(-1, 2)
    return moved
