"""The orientation and skew estimates' shortcuts give what the plain computations give.

Each plain version below is the straightforward way (two thresholds, int64 rows); the
module's faster ways must agree with it exactly.
"""

from __future__ import annotations

import math

import cv2
import numpy as np
import numpy.typing as npt
from hypothesis import given, settings
from hypothesis import strategies as st

from vorlagenparser.ocr import orientation as orient

Image = npt.NDArray[np.uint8]


# --- the plain versions ---------------------------------------------------------------------

def _plain_binary(image: Image) -> Image:
    otsu, _ = cv2.threshold(image, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    _, binary = cv2.threshold(image, min(otsu, 200.0), 255, cv2.THRESH_BINARY_INV)
    return np.asarray(binary, dtype=np.uint8)


def _plain_scores(points: tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]],
                  angles: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    xs, ys = points
    out = np.empty(angles.size)
    for i, angle in enumerate(angles):
        rows = np.rint(ys - xs * math.tan(math.radians(angle))).astype(np.int64)
        hist = np.bincount(rows - rows.min())
        out[i] = float(np.dot(hist, hist))
    return out


# --- the tests ------------------------------------------------------------------------------

@settings(max_examples=100, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 90), st.integers(1, 90),
       st.integers(0, 255), st.integers(0, 255))
def test_analysis_binary_matches_two_thresholds(seed: int, height: int, width: int,
                                                low: int, high: int) -> None:
    """Dark and light pages alike: Otsu's level when under the cap, the cap otherwise."""
    rng = np.random.default_rng(seed)
    lo, hi = min(low, high), max(low, high)
    image = rng.integers(lo, hi + 1, size=(height, width)).astype(np.uint8)
    assert np.array_equal(orient.analyse(image).binary, _plain_binary(image))


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 3000), st.integers(1, 2000),
       st.integers(1, 2000), st.floats(-6.0, 6.0))
def test_scores_match_int64_rows(seed: int, count: int, height: int, width: int,
                                 centre: float) -> None:
    rng = np.random.default_rng(seed)
    points = (rng.integers(0, width, count).astype(np.float64),
              rng.integers(0, height, count).astype(np.float64))
    angles = centre + np.arange(-0.3, 0.3 + 1e-9, 0.05)
    assert np.array_equal(orient._scores(points, angles), _plain_scores(points, angles))
