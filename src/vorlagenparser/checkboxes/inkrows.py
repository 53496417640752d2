"""The rows of a page picture that hold ink, packed together, for the raster stages' work along rows.

Most rows of a scanned page hold no ink at all (the margins, the space between lines): on the
devset's scans three rows in five. Work that runs along rows needs none of them: a horizontal
stroke (a morphological run along a row) sees only its own row, and a blank row adds nothing to
an ink sum. :func:`pack` keeps each run of ink rows and the blank row after it, which keeps the
blobs of different runs apart as the blank rows between them did; :class:`InkRows` maps what is
found in the packed picture back to page rows. The results are the page's own, to the pixel.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ..pagemodel import GrayImage

__all__ = ["InkRows", "inked_rows", "pack"]

_Rows = npt.NDArray[np.int64]  # one (x, y, w, h) row per blob


@dataclass(frozen=True, slots=True)
class InkRows:
    """A page picture's ink rows packed together (see the module)."""

    picture: GrayImage  # the kept rows, in page order
    rows: npt.NDArray[np.intp]  # the page row of each kept row
    height: int  # the page picture's

    def unpacked(self, packed: GrayImage) -> GrayImage:
        """A picture of the packed rows at the page's size, blank in the rows left out."""
        page = np.zeros((self.height, packed.shape[1]), dtype=packed.dtype)
        page[self.rows] = packed
        return page

    def page_boxes(self, boxes: _Rows) -> _Rows:
        """Boxes (x, y, w, h rows) of blobs in the packed picture, in page rows. A blob lies
        within one run of ink rows, which the packing kept whole."""
        x, y, w, h = boxes.T
        top, bottom = self.rows[y], self.rows[y + h - 1] + 1
        return np.column_stack([x, top, w, bottom - top]).astype(np.int64, copy=False)

    def above(self, page_rows: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """How many kept rows lie above each page row: an integral image of the packed picture
        at that row holds the page's sums (the rows left out hold no ink)."""
        return np.searchsorted(self.rows, page_rows).astype(np.int64, copy=False)


def inked_rows(binary: GrayImage) -> npt.NDArray[np.bool_]:
    """Which rows of ``binary`` hold ink (≠ 0)."""
    return np.asarray(binary.max(axis=1) > 0, dtype=bool)


def pack(binary: GrayImage, inked: npt.NDArray[np.bool_] | None = None,
         margin: int = 0) -> InkRows:
    """The ink rows of ``binary`` (ink ≠ 0; ``inked`` when the caller has them) and the rows
    within ``margin`` of them, each run of these followed by one blank row.

    With a margin, work that looks up and down as far as ``margin`` rows gives the page's
    results in the kept rows too: next to a left-out stretch it sees blank rows, as the page
    has there (a vertical run, a closing of gaps along columns)."""
    inked = inked_rows(binary) if inked is None else inked
    if margin > 0:  # rows with an ink row within the margin (a running count of ink rows)
        count = np.concatenate([[0], np.cumsum(inked)])
        at = np.arange(inked.size)
        near = count[np.minimum(inked.size, at + margin + 1)] - count[np.maximum(0, at - margin)]
        inked = near > 0
    kept = inked.copy()
    kept[1:] |= inked[:-1]
    kept[:1] |= not kept.any()  # a blank page keeps a blank row: OpenCV takes no empty picture
    rows = np.flatnonzero(kept)
    return InkRows(np.take(binary, rows, axis=0), rows, binary.shape[0])
