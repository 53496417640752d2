"""OpenCV's area averaging by a whole number, spelled out where shortcuts need it to the bit.

``cv2.resize(image, None, fx=1/n, fy=1/n, interpolation=cv2.INTER_AREA)`` with a whole n takes
a fast path: each output pixel is the average of an n×n block of the picture. The output size
is the input's times 1/n, rounded, so the pixels beyond the last whole block are either left out
or shrunk into a block cut by the right or bottom edge, whose average is that of its pixels
inside the picture. A shortcut that works out the whole blocks its own way (the rule finder's
coarse ink) takes the size and the cut blocks from here.
"""

from __future__ import annotations

import sys

import numpy as np
import numpy.typing as npt

from ..pagemodel import GrayImage

__all__ = ["edge_means", "output_size", "whole_factor"]


def whole_factor(factor: float) -> int | None:
    """The whole n with ``factor`` = 1/n as OpenCV tells it (its fast path), if there is one."""
    if factor <= 0:
        return None
    n = round(1 / factor)
    return n if n >= 1 and abs(1 / factor - n) < sys.float_info.epsilon else None


def output_size(shape: tuple[int, ...], factor: float) -> tuple[int, int]:
    """(height, width) of OpenCV's output for ``fx = fy = factor``: rounded to the nearest."""
    return round(shape[0] * factor), round(shape[1] * factor)


def edge_means(out: GrayImage, image: GrayImage, n: int) -> None:
    """Fill ``out``'s blocks cut by the right and bottom edges of ``image`` (an extra column or
    row of ``out`` beyond the whole blocks): the sum of their pixels inside the picture over
    their number, in single precision, rounded, as OpenCV has them."""
    height, width = image.shape
    full_h, full_w = height // n, width // n
    cut_w, cut_h = width - full_w * n, height - full_h * n
    if out.shape[1] > full_w:
        right = image[:full_h * n, full_w * n:].astype(np.int64).reshape(full_h, n * cut_w)
        out[:full_h, full_w] = _means(right.sum(axis=1), n * cut_w)
    if out.shape[0] > full_h:
        bottom = image[full_h * n:].astype(np.int64)
        out[full_h, :full_w] = _means(bottom[:, :full_w * n].reshape(cut_h, full_w, n).sum(axis=(0, 2)),
                                      cut_h * n)
        if out.shape[1] > full_w:
            out[full_h, full_w] = _means(bottom[:, full_w * n:].sum(keepdims=True).ravel(), cut_h * cut_w)[0]


def _means(sums: npt.NDArray[np.int64], count: int) -> npt.NDArray[np.uint8]:
    means: npt.NDArray[np.uint8] = np.rint(sums.astype(np.float32) / np.float32(count)).astype(np.uint8)
    return means
