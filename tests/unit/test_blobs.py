"""blob_boxes gives the boxes cv2.connectedComponentsWithStats gives, row for row."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vorlagenparser.ocr import blobs
from vorlagenparser.ocr.blobs import blob_boxes


def _reference(mask: np.ndarray) -> np.ndarray:
    _count, _labels, stats, _centroids = cv2.connectedComponentsWithStats(mask, connectivity=8)
    return np.asarray(stats[1:, :4], dtype=np.int32)


@pytest.mark.parametrize("density", [0.0, 0.001, 0.05, 0.3, 0.6])
def test_blob_boxes_match_opencv(density: float) -> None:
    rng = np.random.default_rng(7)
    mask = np.where(rng.random((301, 457)) < density, 255, 0).astype(np.uint8)
    mask = np.asarray(cv2.dilate(mask, np.ones((1, 5), np.uint8)), dtype=np.uint8)  # blobs, some touching
    assert np.array_equal(blob_boxes(mask), _reference(mask))


def test_rules_and_rings() -> None:
    mask = np.zeros((200, 300), dtype=np.uint8)
    mask[10:13, 5:290] = 255  # a rule
    cv2.rectangle(mask, (50, 50), (150, 150), 255, 3)  # a ring
    mask[90:95, 90:120] = 255  # a blob inside the ring
    cv2.rectangle(mask, (95, 91), (105, 93), 0, -1)  # a hole in it, and a speck in the hole
    mask[92, 100] = 255
    mask[199, 299] = 255  # a speck in the corner
    mask[0, :] = 255  # a rule along the edge
    assert np.array_equal(blob_boxes(mask), _reference(mask))


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.floats(0.02, 0.8), st.integers(1, 70), st.integers(1, 70))
def test_blob_boxes_on_noise(seed: int, density: float, height: int, width: int) -> None:
    """Noise of every density, touching the edges: blobs in holes of blobs in holes."""
    rng = np.random.default_rng(seed)
    mask = np.where(rng.random((height, width)) < density, 255, 0).astype(np.uint8)
    assert np.array_equal(blob_boxes(mask), _reference(mask))
    count, labels = cv2.connectedComponents(mask, connectivity=8, ltype=cv2.CV_32S)
    if count > 1:  # the way round the borders, for blobs they do not fit
        assert np.array_equal(blobs._boxes_from_pixels(mask, labels, count - 1), _reference(mask))


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 80), st.integers(1, 80), st.integers(0, 12),
       st.floats(0.0, 0.3))
def test_sparse_blob_boxes_are_blob_boxes(seed: int, height: int, width: int, strokes: int,
                                          noise: float) -> None:
    """Rules and specks apart by every gap, and noise: the same boxes in the same order."""
    rng = np.random.default_rng(seed)
    mask = np.where(rng.random((height, width)) < noise * rng.random(), 255, 0).astype(np.uint8)
    for _ in range(strokes):
        y, x = rng.integers(0, height), rng.integers(0, width)
        long, thick = int(rng.integers(1, 30)), int(rng.integers(1, 4))
        if rng.random() < 0.5:
            mask[y:y + thick, x:x + long] = 255
        else:
            mask[y:y + long, x:x + thick] = 255
    assert np.array_equal(blobs.sparse_blob_boxes(mask), _reference(mask))
