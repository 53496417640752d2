"""Blobs of ink: the bounding box of each 8-connected blob of a binary picture.

``cv2.connectedComponentsWithStats`` gives these, but it also adds up centroids over every pixel
of the picture, ink or not: on a page of thin rules that takes ten times as long as the labelling
itself. Here the labels come from the same labelling (``cv2.connectedComponents``, the same
algorithm and numbering) and the boxes from each blob's outer border (``cv2.findContours``, which
traces 8-connected ink as the labelling joins it): a blob's extreme pixels all lie on its outer
border, so the boxes are the same, in the same order, for a few border points per blob instead
of every ink pixel.
"""

from __future__ import annotations

import cv2
import numpy as np
import numpy.typing as npt

from ..inkblobs import pixel_stats
from ..pagemodel import GrayImage

__all__ = ["blob_boxes", "sparse_blob_boxes"]

Boxes = npt.NDArray[np.int32]


def blob_boxes(mask: GrayImage) -> Boxes:
    """One row (x, y, width, height) per blob of ``mask`` (ink ≠ 0), in the order of
    ``cv2.connectedComponentsWithStats(mask, connectivity=8)``'s labels 1, 2, …; without its
    row for the background."""
    count, found = cv2.connectedComponents(mask, connectivity=8, ltype=cv2.CV_32S)
    labels = np.asarray(found, dtype=np.int32)
    n = count - 1
    if n <= 0:
        return np.zeros((0, 4), dtype=np.int32)
    # Two levels: outer borders (no parent) and holes. A blob inside another's hole is again an
    # outer border, so there is one outer border per blob.
    contours, hierarchy = cv2.findContours(mask, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    outer = [contours[i] for i in np.flatnonzero(hierarchy[0, :, 3] < 0).tolist()]
    if len(outer) == n:
        points = np.concatenate(outer).reshape(-1, 2)
        sizes = np.fromiter((len(c) for c in outer), dtype=np.int64, count=n)
        starts = np.cumsum(sizes) - sizes
        first = points[starts]  # a pixel of each blob tells its label
        label = labels[first[:, 1], first[:, 0]] - 1
        if np.array_equal(np.sort(label), np.arange(n)):
            low = np.minimum.reduceat(points, starts, axis=0)
            high = np.maximum.reduceat(points, starts, axis=0)
            boxes = np.empty((n, 4), dtype=np.int32)
            boxes[label] = np.column_stack([low, high - low + 1])
            return boxes
    return _boxes_from_pixels(mask, labels, n)  # not seen: borders and labels disagree


def _boxes_from_pixels(mask: GrayImage, labels: npt.NDArray[np.int32], n: int) -> Boxes:
    """The same boxes from every ink pixel's label."""
    boxes: Boxes = pixel_stats(mask, labels, n + 1)[:, :4]
    return boxes


def sparse_blob_boxes(mask: GrayImage) -> Boxes:
    """:func:`blob_boxes` of a mostly empty ``mask`` (a page's rules), the same rows in the same
    order, from the mask without most of its empty rows and columns.

    The labelling numbers blobs in the order it meets them, scanning aligned 2×2 blocks row pair
    by row pair. Dropping an aligned pair of empty rows (or columns) keeps that order as long as
    one empty pair stays in each gap, so that blobs that did not touch still do not; a blob's
    extreme pixels map back through the kept rows and columns.
    """
    rows = _kept_lines(mask.max(axis=1) > 0)
    cols = _kept_lines(mask.max(axis=0) > 0)
    if rows.size == 0 or cols.size == 0:
        return np.zeros((0, 4), dtype=np.int32)
    boxes = blob_boxes(np.ascontiguousarray(mask[np.ix_(rows, cols)]))
    x0, y0 = cols[boxes[:, 0]], rows[boxes[:, 1]]
    x1, y1 = cols[boxes[:, 0] + boxes[:, 2] - 1], rows[boxes[:, 1] + boxes[:, 3] - 1]
    return np.stack([x0, y0, x1 - x0 + 1, y1 - y0 + 1], axis=1).astype(np.int32)


def _kept_lines(inked: npt.NDArray[np.bool_]) -> npt.NDArray[np.intp]:
    """The rows (or columns) to keep: each aligned pair that holds ink, and the first empty
    aligned pair after it."""
    n = inked.shape[0]
    padded = np.zeros((n + 1) // 2 * 2, dtype=bool)
    padded[:n] = inked
    pairs: npt.NDArray[np.bool_] = np.asarray(padded.reshape(-1, 2).any(axis=1), dtype=bool)
    keep = pairs.copy()
    keep[1:] |= pairs[:-1]
    lines = np.flatnonzero(np.repeat(keep, 2))
    kept: npt.NDArray[np.intp] = lines[lines < n]
    return kept
