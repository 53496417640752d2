"""The fast paths of the OCR recipe agree with the plain computations they stand in for."""

from __future__ import annotations

import cv2
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from vorlagenparser.ocr.rules import coarse_ink, rule_mask
from vorlagenparser.ocr.shrink import edge_means, output_size, whole_factor

_FACTORS = st.sampled_from([1 / 3, 0.25, 0.2, 1 / 7, 100 / 72 / (300 / 72), 0.5, 0.3333, 0.4])


def _plain_coarse_ink(ink: np.ndarray, factor: float) -> np.ndarray:
    small = cv2.resize(ink, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    return np.asarray(cv2.threshold(small, 40, 255, cv2.THRESH_BINARY)[1], dtype=np.uint8)


@settings(max_examples=300, deadline=None)
@given(st.integers(2, 70), st.integers(2, 70), st.floats(0.0, 1.0), st.integers(0, 2**32 - 1), _FACTORS)
def test_coarse_ink_is_area_averaging_thresholded(height: int, width: int, share: float, seed: int,
                                                  factor: float) -> None:
    rng = np.random.default_rng(seed)
    ink = np.where(rng.random((height, width)) < share, 255, 0).astype(np.uint8)
    if round(height * factor) < 1 or round(width * factor) < 1:
        return  # OpenCV refuses an empty output
    assert np.array_equal(coarse_ink(ink, factor), _plain_coarse_ink(ink, factor))


def test_coarse_ink_of_a_page_sized_picture() -> None:
    rng = np.random.default_rng(5)
    for shape in ((3508, 2482), (3509, 2480), (3510, 2481)):
        ink = np.where(rng.random(shape) < 0.08, 255, 0).astype(np.uint8)
        factor = 100 / 72 / (300 / 72)
        assert np.array_equal(coarse_ink(ink, factor), _plain_coarse_ink(ink, factor))


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 70), st.integers(1, 70), st.integers(0, 2**32 - 1), st.integers(2, 16),
       st.sampled_from(["noise", "flat", "ties"]))
def test_edge_means_are_opencvs_cut_blocks(height: int, width: int, seed: int, n: int, kind: str) -> None:
    rng = np.random.default_rng(seed)
    if kind == "noise":
        image = rng.integers(0, 256, (height, width), dtype=np.uint8)
    elif kind == "flat":  # paper with a little print
        image = np.where(rng.random((height, width)) < 0.1, rng.integers(0, 80), 250).astype(np.uint8)
    else:  # sums that fall halfway between two grey levels
        image = rng.choice(np.array([0, 1, 127, 128, 255], dtype=np.uint8), (height, width))
    factor = 1 / n
    assert whole_factor(factor) == n
    if round(height * factor) < 1 or round(width * factor) < 1:
        return  # OpenCV refuses an empty output
    plain = cv2.resize(image, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    assert plain.shape == output_size(image.shape, factor)
    out = plain.copy()
    out[height // n:] = 0
    out[:, width // n:] = 0
    edge_means(out, image, n)
    assert np.array_equal(out, plain)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 60), st.integers(1, 60), st.integers(1, 25), st.booleans(),
       st.floats(0.0, 0.5))
def test_rule_mask_is_the_opening_widened(seed: int, height: int, width: int, length: int,
                                          horizontal: bool, noise: float) -> None:
    rng = np.random.default_rng(seed)
    ink = np.where(rng.random((height, width)) < noise, 255, 0).astype(np.uint8)
    for _ in range(int(rng.integers(0, 6))):  # rules of both kinds, some at the edges
        y, x = int(rng.integers(0, height)), int(rng.integers(0, width))
        if rng.random() < 0.5:
            ink[y:y + int(rng.integers(1, 3)), x:x + int(rng.integers(1, 40))] = 255
        else:
            ink[y:y + int(rng.integers(1, 40)), x:x + int(rng.integers(1, 3))] = 255
    line = cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1) if horizontal else (1, length))
    plain = cv2.dilate(cv2.morphologyEx(ink, cv2.MORPH_OPEN, line),
                       cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    assert np.array_equal(rule_mask(ink, length, horizontal), plain)
