"""Pen marks drawn into a greyscale raster: ticks, crosses, scribbles, filled boxes, digits.

Strokes vary in width along their length (pen pressure), overshoot the printed box a little and
never line up exactly with it, because that is what raster checkbox detection meets in real
scans. Sizes are given in millimetres and converted with the raster's dpi.
"""

from __future__ import annotations

import math
import random

import cv2
import numpy as np

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in pixels


def _mm(value: float, dpi: int) -> float:
    return value * dpi / 25.4


def _spline(points: list[tuple[float, float]], steps: int = 10) -> np.ndarray:
    """Catmull-Rom through the points, so strokes curve like handwriting instead of kinking."""
    pts = np.array([points[0], *points, points[-1]], dtype=float)
    out = []
    for i in range(1, len(pts) - 2):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[i + 1], pts[i + 2]
        for t in np.linspace(0, 1, steps, endpoint=False):
            t2, t3 = t * t, t * t * t
            out.append(
                0.5
                * (
                    2 * p1
                    + (-p0 + p2) * t
                    + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2
                    + (-p0 + 3 * p1 - 3 * p2 + p3) * t3
                )
            )
    out.append(pts[-2])
    return np.array(out)


def stroke(
    image: np.ndarray,
    points: list[tuple[float, float]],
    rng: random.Random,
    dpi: int,
    width_mm: float = 0.45,
    ink: int | None = None,
) -> None:
    ink = rng.randint(25, 85) if ink is None else ink
    path = _spline(points)
    base = _mm(width_mm, dpi) * rng.uniform(0.8, 1.25)
    phase = rng.uniform(0, math.pi)
    for i in range(len(path) - 1):
        pressure = 0.7 + 0.45 * math.sin(phase + math.pi * i / max(1, len(path) - 1))
        thickness = max(1, round(base * pressure))
        a = (round(path[i][0]), round(path[i][1]))
        b = (round(path[i + 1][0]), round(path[i + 1][1]))
        cv2.line(image, a, b, ink, thickness, cv2.LINE_AA)


def _jit(rng: random.Random, size: float, amount: float = 0.08) -> float:
    return rng.uniform(-amount, amount) * size


def tick(image: np.ndarray, box: Box, rng: random.Random, dpi: int) -> None:
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    stroke(
        image,
        [
            (x0 + 0.05 * w + _jit(rng, w), y0 + 0.45 * h + _jit(rng, h)),
            (x0 + 0.3 * w, y0 + 0.8 * h),
            (x0 + 0.42 * w + _jit(rng, w), y1 + 0.18 * h),
            (x0 + 0.8 * w, y0 + 0.2 * h),
            (x1 + 0.45 * w + _jit(rng, w), y0 - 0.5 * h + _jit(rng, h)),
        ],
        rng,
        dpi,
    )


def cross(image: np.ndarray, box: Box, rng: random.Random, dpi: int) -> None:
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    ink = rng.randint(25, 85)
    stroke(
        image,
        [
            (x0 - 0.15 * w + _jit(rng, w), y0 - 0.12 * h + _jit(rng, h)),
            (x0 + 0.5 * w + _jit(rng, w, 0.05), y0 + 0.5 * h),
            (x1 + 0.2 * w + _jit(rng, w), y1 + 0.18 * h + _jit(rng, h)),
        ],
        rng,
        dpi,
        ink=ink,
    )
    stroke(
        image,
        [
            (x1 + 0.1 * w + _jit(rng, w), y0 - 0.2 * h + _jit(rng, h)),
            (x0 + 0.5 * w, y0 + 0.5 * h + _jit(rng, h, 0.05)),
            (x0 - 0.12 * w + _jit(rng, w), y1 + 0.1 * h + _jit(rng, h)),
        ],
        rng,
        dpi,
        ink=ink,
    )


def scribble(image: np.ndarray, box: Box, rng: random.Random, dpi: int) -> None:
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    points = []
    for i in range(7):
        y = y0 + h * (0.05 + 0.9 * i / 6) + _jit(rng, h)
        x = (x0 - 0.1 * w if i % 2 == 0 else x1 + 0.1 * w) + _jit(rng, w)
        points.append((x, y))
    stroke(image, points, rng, dpi, width_mm=0.4)


def filled(image: np.ndarray, box: Box, rng: random.Random, dpi: int) -> None:
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    corners = [
        (x0 + _jit(rng, w, 0.12), y0 + _jit(rng, h, 0.12)),
        (x1 + _jit(rng, w, 0.15), y0 + _jit(rng, h, 0.12)),
        (x1 + _jit(rng, w, 0.15), y1 + _jit(rng, h, 0.15)),
        (x0 + _jit(rng, w, 0.12), y1 + _jit(rng, h, 0.15)),
    ]
    ink = rng.randint(30, 70)
    cv2.fillPoly(image, [np.array(corners, dtype=np.int32)], ink, cv2.LINE_AA)
    # a few pen strokes sticking out of the fill, as when a box is coloured in quickly
    stroke(image, [corners[0], corners[2], (x1 + 0.25 * w, y0 + 0.4 * h)], rng, dpi, ink=ink)


MARKS = {"tick": tick, "cross": cross, "scribble": scribble, "filled": filled}


def handwrite(image: np.ndarray, text: str, box: Box, rng: random.Random, dpi: int) -> None:
    """Write ``text`` into ``box`` with OpenCV's script Hershey font (a stand-in for a pen)."""
    x0, y0, x1, y1 = box
    font = cv2.FONT_HERSHEY_SCRIPT_SIMPLEX
    target = (y1 - y0) * 0.9
    (_, base_h), _ = cv2.getTextSize(text, font, 1.0, 1)
    scale = target / max(1, base_h)
    thickness = max(1, round(_mm(0.35, dpi)))
    origin = (round(x0 + (x1 - x0) * 0.15 + _jit(rng, x1 - x0, 0.05)), round(y1 - (y1 - y0) * 0.12))
    cv2.putText(image, text, origin, font, scale, rng.randint(25, 80), thickness, cv2.LINE_AA)


def signature(image: np.ndarray, box: Box, rng: random.Random, dpi: int) -> None:
    """An illegible signature: one long looping stroke across the box."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    points = [
        (x0 + w * t, y0 + h * (0.5 + 0.35 * math.sin(t * 13 + rng.uniform(0, 1))))
        for t in np.linspace(0, 1, 14)
    ]
    stroke(image, points, rng, dpi, width_mm=0.35)
