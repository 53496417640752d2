"""blob_stats gives the labels and statistics cv2.connectedComponentsWithStats gives, row for row."""

from __future__ import annotations

import cv2
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from vorlagenparser import inkblobs
from vorlagenparser.inkblobs import blob_stats


def _reference(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    _count, labels, stats, _centroids = cv2.connectedComponentsWithStats(mask, connectivity=8)
    return labels, stats[1:]


def _same(mask: np.ndarray) -> None:
    labels, stats = blob_stats(mask)
    want_labels, want_stats = _reference(mask)
    assert labels.dtype == want_labels.dtype and stats.dtype == want_stats.dtype
    assert np.array_equal(labels, want_labels)
    assert np.array_equal(stats, want_stats)


@settings(max_examples=80, deadline=None)
@given(st.integers(0, 2**32 - 1), st.floats(0.0, 0.8), st.integers(1, 120), st.integers(1, 120))
def test_blob_stats_on_noise(seed: int, density: float, height: int, width: int) -> None:
    """Noise of every density and size (both ways of counting), touching the edges."""
    rng = np.random.default_rng(seed)
    mask = np.where(rng.random((height, width)) < density, 255, 0).astype(np.uint8)
    _same(mask)
    _same(np.asarray(cv2.dilate(mask, np.ones((1, 5), np.uint8)), dtype=np.uint8))  # touching blobs


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(0, 60), st.integers(0, 60))
def test_blob_stats_of_a_view(seed: int, top: int, left: int) -> None:
    """A patch cut out of a page (rows apart in memory), as the callers pass it."""
    rng = np.random.default_rng(seed)
    page = np.where(rng.random((160, 200)) < 0.05, 255, 0).astype(np.uint8)
    patch = page[top:top + 90, left:left + 130]
    assert patch.size > inkblobs._SMALL
    _same(patch)


def test_shapes() -> None:
    mask = np.zeros((200, 300), dtype=np.uint8)
    mask[10:13, 5:290] = 255  # a rule
    cv2.rectangle(mask, (50, 50), (150, 150), 255, 3)  # a ring, a blob inside it, a speck in its hole
    mask[90:95, 90:120] = 255
    cv2.rectangle(mask, (95, 91), (105, 93), 0, -1)
    mask[92, 100] = 255
    mask[199, 299] = 255
    _same(mask)
    _same(np.zeros((50, 60), dtype=np.uint8))
    _same(np.full((50, 60), 7, dtype=np.uint8))
