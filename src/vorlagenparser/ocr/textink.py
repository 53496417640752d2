"""Text-like ink on a small grey picture of a page, counted by runs of ink pixels.

The OCR decision asks how much of a thin page's printed text lies outside its text-layer
words (:func:`..decision.missing_text_share`). It asks on a 50 dpi picture, where a page holds
a few thousand runs of ink; labelling those runs in plain Python takes a few milliseconds,
while loading numpy and OpenCV for it would take over 100 ms of every one-page conversion.

The steps are those of an image-processing pipeline, done on runs: ink is grey level
``<= ink_level``; ink is smeared one pixel left and right (a 1×3 dilation, so the letters of a
word join); smeared pixels that touch, diagonals included (8-connectivity), form one blob;
blobs of text height that are at least as wide as high are text-like.

OpenCV does the same in about a fifth of the time once it is loaded, so a process that has it (a
batch worker, any process that read a scan) uses it, and so does one that has labelled enough
pages by runs to have paid for loading it (ski rental: never more than twice the better
choice). Both ways count the same pixels; the tests hold them to each other.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..disjoint import DisjointSets
from ..load.preview import GrayRaster

if TYPE_CHECKING:  # numpy loads with OpenCV, only when a process labels that way
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["TextInk", "covered_mask", "ink_outside", "text_ink", "text_ink_by_runs",
           "text_ink_opencv"]

_SMEARED = re.compile(rb"\x01(?:\x00{0,2}\x01)*")
# Pages labelled by runs (~5 ms each at 50 dpi) before loading numpy and OpenCV (~100 ms,
# then ~1 ms a page) has paid for itself.
_RUN_LOOKS = 20
_looks_by_runs = 0


@dataclass(frozen=True, slots=True)
class TextInk:
    """Ink pixels in text-like blobs: all of them, and those outside the covered areas."""

    total: int
    outside: int


# Row spans are half-open column ranges [start, stop).
Span = tuple[int, int]
# A box of pixels: row start, row stop, column start, column stop (Python slice meaning).
Box = tuple[int, int, int, int]


def covered_mask(boxes: Iterable[Box], width: int, height: int) -> bytes:
    """One byte per pixel, row by row as a raster's: 1 under any of ``boxes``, 0 elsewhere.
    Boxes are (row start, row stop, column start, column stop) with Python slice meaning (a
    stop may be negative and counts from the end), as ``picture[r0:r1, c0:c1] = 1`` would mark
    them. A mask, not spans per row: ink outside is then one operation over the whole picture."""
    mask = bytearray(width * height)
    for r0, r1, c0, c1 in boxes:
        c_start, c_stop, _ = slice(c0, c1).indices(width)
        if c_start >= c_stop:
            continue
        cover = b"\x01" * (c_stop - c_start)
        for start in range(*slice(r0, r1).indices(height)):
            offset = start * width
            mask[offset + c_start:offset + c_stop] = cover
    return bytes(mask)


def ink_outside(raster: GrayRaster, ink_level: int, covered: bytes) -> int:
    """Ink pixels (text-like or not) outside ``covered`` (see :func:`covered_mask`): an upper
    bound of :attr:`TextInk.outside` that needs no labelling."""
    return _outside(_ink(raster, ink_level), covered).bit_count()


def text_ink(raster: GrayRaster, ink_level: int, max_height: float, boxes: Sequence[Box],
             enough: float = 0) -> TextInk | None:
    """Count the ink of text-like blobs (height 3 … ``max_height`` pixels, width >= height),
    in all and outside ``boxes`` (see :func:`covered_mask`).

    None when less than ``enough`` ink of any kind lies outside the boxes (so less text-like
    ink does): the bound costs a fraction of the labelling either way. Labelling by OpenCV,
    also None when a second bound, from the ink outside the boxes alone, says less text-like
    ink than ``enough`` lies there."""
    global _looks_by_runs
    if "cv2" in sys.modules or _looks_by_runs >= _RUN_LOOKS:
        return _opencv_count(raster, ink_level, max_height, boxes, enough)
    covered = covered_mask(boxes, raster.width, raster.height)
    if ink_outside(raster, ink_level, covered) < enough:
        return None
    _looks_by_runs += 1
    return text_ink_by_runs(raster, ink_level, max_height, covered)


def text_ink_opencv(raster: GrayRaster, ink_level: int, max_height: float,
                    boxes: Sequence[Box]) -> TextInk:
    """:func:`text_ink` with OpenCV's threshold, dilation and connected components (the boxes
    marked with numpy's slices, whose meaning :func:`covered_mask` follows)."""
    ink = _opencv_count(raster, ink_level, max_height, boxes, enough=0)
    assert ink is not None  # nothing is less than no ink
    return ink


def _opencv_count(raster: GrayRaster, ink_level: int, max_height: float, boxes: Sequence[Box],
                  enough: float) -> TextInk | None:
    """:func:`text_ink_opencv`, or None when less than ``enough`` text-like ink lies outside
    ``boxes``: where less ink of any kind does (a count over the picture), or where the pieces
    of ink outside say so (:func:`_outside_bound`), before labelling the whole picture."""
    import cv2
    import numpy as np

    image = np.frombuffer(raster.pixels, dtype=np.uint8).reshape(raster.height, raster.width)
    _, binary = cv2.threshold(image, ink_level, 255, cv2.THRESH_BINARY_INV)
    # Blobs are labelled within the ink's bounding box (the page's white margins hold none),
    # widened by the pixel the smear adds on either side.
    x, y, width, height = cv2.boundingRect(binary)
    inside = np.zeros(image.shape, dtype=np.bool_)
    for r0, r1, c0, c1 in boxes:
        inside[r0:r1, c0:c1] = True
    if width == 0:
        return None if enough > 0 else TextInk(0, 0)
    left, right = max(0, x - 1), min(raster.width, x + width + 1)
    rows = _inked_rows(binary[y:y + height, left:right])
    binary = binary[y:y + height, left:right][rows]
    inside = inside[y:y + height, left:right][rows]
    ink = binary > 0
    outside = ink & ~inside
    if np.count_nonzero(outside) < enough:
        return None
    smeared = cv2.dilate(binary, np.ones((1, 3), np.uint8))  # along rows: unmoved by the cut
    if enough > 0:
        bound = _outside_bound(smeared, inside, outside, max_height)
        if bound is not None and bound < enough:
            return None
    n, labels, stats = _blobs(smeared)
    w, h = stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT]
    text_like = (h >= 3) & (h <= max_height) & (w >= h)
    text_like[0] = False  # the background
    # Ink per blob, counted over the ink pixels only (a tenth of the picture), then summed over
    # the text-like blobs.
    total = int(np.bincount(labels[ink], minlength=n)[text_like].sum())
    return TextInk(total, int(np.bincount(labels[outside], minlength=n)[text_like].sum()))


def _blobs(smeared: NDArray[Any]) -> tuple[int, NDArray[Any], NDArray[Any]]:
    """OpenCV's 8-connected labelling with statistics: count, labels, stats."""
    import cv2
    import numpy as np

    # 16-bit labels are several times faster; they hold any picture with fewer ink pixels.
    label_type = cv2.CV_16U if np.count_nonzero(smeared) < 65535 else cv2.CV_32S
    n, labels, stats, _c = cv2.connectedComponentsWithStats(smeared, connectivity=8,
                                                            ltype=label_type)
    return n, labels, stats


def _outside_bound(smeared: NDArray[Any], inside: NDArray[np.bool_], outside: NDArray[np.bool_],
                   max_height: float) -> int | None:
    """An upper bound of the text-like ink outside the boxes, from the smeared ink outside
    them alone: on a sound page mostly rules and logos in a few of the rows, labelled in a
    fraction of the time all rows take. None where those pieces of ink fill most rows (a bound
    would save little). The picture is one whose empty rows are cut (:func:`_inked_rows`):
    that leaves every pixel's neighbours as they were.

    Each piece of smeared ink outside the boxes lies in one blob of the whole picture. A piece
    that touches no smeared ink inside the boxes (8-connectivity) is that whole blob and is
    judged as the labelling judges it; one that touches is part of a blob at least as high,
    which is no text if the piece is already too high. Counting the outside ink of every piece
    that may be text thus counts at least the text-like ink outside."""
    import cv2
    import numpy as np

    pieces = smeared * ~inside
    rows = _inked_rows(pieces)  # blobs and their heights stay as they are (see there)
    if 4 * np.count_nonzero(rows) > 3 * len(rows):
        return None
    inner = smeared * inside  # smeared ink inside the boxes
    near = cv2.dilate(inner, np.ones((3, 3), np.uint8)) > 0
    n, labels, stats = _blobs(pieces[rows])
    w, h = stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT]
    touching = np.bincount(labels[near[rows]], minlength=n) > 0
    may_be_text = np.where(touching, h <= max_height, (h >= 3) & (h <= max_height) & (w >= h))
    may_be_text[0] = False  # the background
    return int(np.bincount(labels[outside[rows]], minlength=n)[may_be_text].sum())


def _inked_rows(binary: NDArray[Any]) -> NDArray[np.bool_]:
    """The rows to label: those with ink, and one empty row after each inked stretch.

    Blobs never cross an empty row, and one parts them as well as many do, so cutting longer
    stretches of empty rows to one leaves every blob's pixels, width and height as they were;
    on a page of text the labelling then sees about 40 % of the rows."""
    import numpy as np

    inked = np.asarray(binary.any(axis=1), dtype=np.bool_)
    rows = inked.copy()
    rows[1:] |= inked[:-1]
    return rows


def text_ink_by_runs(raster: GrayRaster, ink_level: int, max_height: float,
                     covered: bytes) -> TextInk:
    """:func:`text_ink` in plain Python, over the smeared runs of ink in each row."""
    width = raster.width
    ink = _ink(raster, ink_level)
    size = len(ink)
    ink_out = _outside(ink, covered).to_bytes(size, "big")
    smeared: list[list[Span]] = []  # per row, column spans
    for start in range(0, size, width):
        stop = start + width
        # Runs of ink with gaps of up to two pixels are one smeared run once each side grows by
        # a pixel; the regular expression finds them in one pass.
        smeared.append([(max(0, m.start() - 1 - start), min(width, m.end() + 1 - start))
                        for m in _SMEARED.finditer(ink, start, stop)]
                       if ink.find(1, start, stop) >= 0 else [])
    text_like = _Blobs(smeared).text_like(max_height)
    total = outside = 0
    i = 0
    for start, spans in zip(range(0, size, width), smeared, strict=True):
        for a, b in spans:
            if text_like[i]:
                total += ink.count(1, start + a, start + b)
                outside += ink_out.count(1, start + a, start + b)
            i += 1
    return TextInk(total, outside)


def _ink(raster: GrayRaster, ink_level: int) -> bytes:
    """The picture as 1 for ink, 0 for paper, a byte per pixel."""
    return raster.pixels.translate(_ink_table(ink_level))


def _outside(ink: bytes, covered: bytes) -> int:
    """Ink outside ``covered``, as one big number: byte i of the picture is bit 8·i from the
    end (pictures of 0 and 1 combine bytewise in a single integer operation)."""
    return int.from_bytes(ink, "big") & ~int.from_bytes(covered, "big")


def _ink_table(ink_level: int) -> bytes:
    return bytes(1 if v <= ink_level else 0 for v in range(256))


class _Blobs:
    """8-connected blobs of smeared spans (union-find over spans)."""

    def __init__(self, rows: list[list[Span]]) -> None:
        self._first: list[int] = []  # index of each row's first span
        spans: list[tuple[int, int, int]] = []  # (row, start, stop)
        for y, row in enumerate(rows):
            self._first.append(len(spans))
            spans.extend((y, a, b) for a, b in row)
        self._sets = DisjointSets(len(spans))
        for y in range(1, len(rows)):
            self._join_rows(rows[y - 1], self._first[y - 1], rows[y], self._first[y])
        self._spans = spans

    def text_like(self, max_height: float) -> list[bool]:
        """Per span, in order: whether its blob is text-like (height 3 … ``max_height``,
        width >= height)."""
        boxes: dict[int, list[int]] = {}  # root -> [x0, x1, y0, y1]
        roots = [self._sets.find(i) for i in range(len(self._spans))]
        for root, (y, a, b) in zip(roots, self._spans, strict=True):
            box = boxes.get(root)
            if box is None:
                boxes[root] = [a, b, y, y]
            else:
                box[0], box[1], box[3] = min(box[0], a), max(box[1], b), max(box[3], y)
        fits = {root: 3 <= (h := y1 - y0 + 1) <= max_height and x1 - x0 >= h
                for root, (x0, x1, y0, y1) in boxes.items()}
        return [fits[root] for root in roots]

    def _join_rows(self, upper: list[Span], u0: int, lower: list[Span], l0: int) -> None:
        # Spans in neighbouring rows touch when they overlap or meet at a corner (8-connectivity).
        i = j = 0
        while i < len(upper) and j < len(lower):
            (a, b), (c, d) = upper[i], lower[j]
            if c <= b and a <= d:
                self._sets.union(u0 + i, l0 + j)
            if b < d:
                i += 1
            else:
                j += 1
