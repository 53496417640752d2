"""blob_stats gives what cv2.connectedComponentsWithStats gives, row for row."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from vorlagenparser.ocr.blobs import blob_stats


def _reference(mask: np.ndarray) -> np.ndarray:
    _count, _labels, stats, _centroids = cv2.connectedComponentsWithStats(mask, connectivity=8)
    return np.asarray(stats[1:], dtype=np.int32)


@pytest.mark.parametrize("density", [0.0, 0.001, 0.05, 0.3, 0.6])
def test_blob_stats_match_opencv(density: float) -> None:
    rng = np.random.default_rng(7)
    mask = np.where(rng.random((301, 457)) < density, 255, 0).astype(np.uint8)
    mask = np.asarray(cv2.dilate(mask, np.ones((1, 5), np.uint8)), dtype=np.uint8)  # blobs, some touching
    assert np.array_equal(blob_stats(mask), _reference(mask))


def test_rules_and_rings() -> None:
    mask = np.zeros((200, 300), dtype=np.uint8)
    mask[10:13, 5:290] = 255  # a rule
    cv2.rectangle(mask, (50, 50), (150, 150), 255, 3)  # a ring
    mask[90:95, 90:120] = 255  # a blob inside the ring
    mask[199, 299] = 255  # a speck in the corner
    assert np.array_equal(blob_stats(mask), _reference(mask))
