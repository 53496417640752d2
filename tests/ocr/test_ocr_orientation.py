"""Skew and orientation estimates on synthetic pages, and the exact Affine bookkeeping."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from ocr_synth import SCALE, blank, scanned, text_lines

from vorlagenparser.geometry import Affine, BBox
from vorlagenparser.ocr.orientation import (
    analyse,
    estimate_orientation,
    estimate_skew,
    frame_to_original,
    ink_fraction,
    quadrant_affine,
    upright,
)

TURNS = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}


@pytest.fixture(scope="module")
def text_page() -> np.ndarray:
    img = blank(150, 120)
    text_lines(img, 15, 14)
    return img


def skewed(img: np.ndarray, clockwise: float) -> np.ndarray:
    h, w = img.shape
    # OpenCV turns counter-clockwise for positive angles.
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), -clockwise, 1.0)
    return cv2.warpAffine(img, matrix, (w, h), borderValue=255)


@pytest.mark.parametrize("angle", [-4.6, -2.0, -0.4, 0.0, 0.25, 1.3, 3.7])
def test_skew_estimate_is_within_a_third_of_a_degree(text_page: np.ndarray, angle: float) -> None:
    estimate = estimate_skew(analyse(scanned(skewed(text_page, angle))))
    assert estimate == pytest.approx(angle, abs=0.3)


def test_skew_on_text_like_stripes() -> None:
    img = blank(150, 100)
    for i in range(12):  # dashed stripes: word-sized blocks on a line
        y = 60 + i * 90
        for x in range(120, 1600, 160):
            cv2.rectangle(img, (x, y), (x + 120, y + 30), 0, -1)
    assert estimate_skew(analyse(skewed(img, 2.2))) == pytest.approx(2.2, abs=0.3)


def test_blank_page_has_no_skew_and_no_ink() -> None:
    analysis = analyse(scanned(blank(), noise=3))
    assert estimate_skew(analysis) == 0.0
    assert ink_fraction(analysis) < 0.0002


@pytest.mark.parametrize("turn", [0, 90, 180, 270])
def test_own_orientation_check_finds_the_correction(text_page: np.ndarray, turn: int) -> None:
    img = text_page if turn == 0 else cv2.rotate(text_page, TURNS[turn])
    rotation, confidence = estimate_orientation(analyse(scanned(img)))
    assert rotation == (360 - turn) % 360
    assert confidence >= 0.35


def test_orientation_survives_a_strong_skew(text_page: np.ndarray) -> None:
    rotation, confidence = estimate_orientation(analyse(skewed(text_page, 4.8)))
    assert (rotation, confidence >= 0.35) == (0, True)


def test_orientation_of_a_blank_page_is_unknown() -> None:
    assert estimate_orientation(analyse(blank())) == (0, 0.0)


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_quadrant_affine_matches_opencv_pixels(turn: int) -> None:
    img = np.zeros((30, 50), np.uint8)
    img[7, 11] = 255  # one marked pixel; its centre is (11.5, 7.5) in continuous coordinates
    turned = cv2.rotate(img, TURNS[turn])
    x, y = quadrant_affine(turn, 50, 30).point(11.5, 7.5)
    assert turned[int(y), int(x)] == 255


@pytest.mark.parametrize(("turn", "skew"), [(0, 0.0), (90, 0.0), (180, 2.5), (270, -3.0), (0, 1.2)])
def test_box_in_the_frame_maps_back_onto_the_original(turn: int, skew: float) -> None:
    # A black square at a known place in the original; find it in the upright frame, map back.
    original = blank(100, 140)
    cv2.rectangle(original, (300, 500), (420, 560), 0, -1)
    frame, to_original = upright(original, turn, skew)
    ys, xs = np.nonzero(frame < 128)
    found = BBox(float(xs.min()), float(ys.min()), float(xs.max() + 1), float(ys.max() + 1))
    back = to_original.box(found)
    # The axis-aligned hull of a turned box grows by at most side*sin(skew) on each axis.
    tol = 2.0 + 120 * abs(np.sin(np.radians(skew)))
    assert back.x0 == pytest.approx(300, abs=tol) and back.x1 == pytest.approx(421, abs=tol)
    assert back.top == pytest.approx(500, abs=tol) and back.bottom == pytest.approx(561, abs=tol)
    centre = to_original.point((found.x0 + found.x1) / 2, (found.top + found.bottom) / 2)
    assert centre == pytest.approx((360.5, 530.5), abs=1.5)


def test_deskew_enlarges_the_canvas_so_corners_survive() -> None:
    original = blank(100, 140)
    frame, to_original = upright(original, 0, 4.0)
    assert frame.shape[0] > original.shape[0] and frame.shape[1] > original.shape[1]
    h, w = frame.shape
    corners = [to_original.point(x, y) for x, y in ((0, 0), (w, 0), (0, h), (w, h))]
    oh, ow = original.shape
    assert min(x for x, _ in corners) <= 0 and max(x for x, _ in corners) >= ow
    assert min(y for _, y in corners) <= 0 and max(y for _, y in corners) >= oh


def test_small_skews_are_not_resampled() -> None:
    original = blank(50, 50)
    frame, to_original = upright(original, 0, 0.05)
    assert frame is original and to_original.is_identity


def test_frame_to_original_converts_pixels_to_points() -> None:
    pixels = Affine(c=10.0, f=20.0)  # frame pixel → original pixel: a shift of (10, 20) px
    points = frame_to_original(pixels, SCALE, SCALE)
    assert points.point(0.0, 0.0) == pytest.approx((10 / SCALE, 20 / SCALE))
    assert points.point(72.0, 0.0) == pytest.approx((72 + 10 / SCALE, 20 / SCALE))


def test_drawing_without_text_lines_is_not_deskewed() -> None:
    img = blank(150, 120)
    rng = np.random.default_rng(4)
    for _ in range(60):  # a plan: circles and blobs, nothing line-like
        centre = (int(rng.integers(100, 1700)), int(rng.integers(100, 1300)))
        cv2.circle(img, centre, int(rng.integers(10, 120)), 0, int(rng.integers(2, 6)))
    assert estimate_skew(analyse(img)) == 0.0
