"""Ruling lines in a scan: long thin horizontal and vertical ink runs, found by morphology.

Scans have no vector graphics, so the rules of a table (header tables, Beratungsergebnis grids)
are recovered from the upright page image and handed to the same grid builder the PDF loaders
use. Checkbox borders are far shorter than a rule and are not found here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import cv2
import numpy as np

from ..geometry import BBox
from ..pagemodel import Segment
from ..paper import evened, otsu_ink
from .blobs import sparse_blob_boxes
from .shrink import edge_means, output_size, whole_factor

if TYPE_CHECKING:
    from ..pagemodel import GrayImage

Line = tuple[float, float, float, float]  # x0, top, x1, bottom in page points

_MIN_RULE_PT = 40.0  # shorter runs are box sides, underlines of single words, or letters
_MAX_THICKNESS_PT = 3.0


_WORK_SCALE = 100 / 72  # rules are long: 100 dpi is enough to find them, at a ninth of the work
_SQUARE = cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3))


def find_rules(image: GrayImage, scale: float, ink: GrayImage | None = None) -> list[Line]:
    """Horizontal and vertical rules of the (upright) image, in page points. ``ink`` is the
    image's Otsu ink (255) when the caller has it already."""
    ink = _binarise(image) if ink is None else ink
    if scale > _WORK_SCALE * 1.5:
        factor = _WORK_SCALE / scale
        ink = coarse_ink(ink, factor)
        scale = scale * factor
    length = max(15, int(_MIN_RULE_PT * scale))
    out: list[Line] = []
    for horizontal in (True, False):
        out.extend(_runs(rule_mask(ink, length, horizontal), scale, horizontal))
    return out


def rule_mask(ink: GrayImage, length: int, horizontal: bool) -> GrayImage:
    """The ink's straight runs at least ``length`` long (an opening by a line), widened by a
    pixel all round to close small gaps that noise or faded toner leave in a rule.

    The same picture as ``cv2.dilate(cv2.morphologyEx(ink, cv2.MORPH_OPEN, line), 3×3)``, with the
    dilations done only on the rows (columns, for vertical rules) within a pixel of what the
    erosion left: the rest stays empty, a line widens each row (column) on its own, and a row
    (column) left out next to a kept one holds no eroded ink, as the empty row the 3×3 square
    then meets instead of it.
    """
    line = cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1) if horizontal else (1, length))
    eroded = np.asarray(cv2.erode(ink, line), dtype=np.uint8)
    inked = eroded.max(axis=1 if horizontal else 0) > 0
    near = inked.copy()
    near[1:] |= inked[:-1]
    near[:-1] |= inked[1:]
    keep = np.flatnonzero(near)
    out = np.zeros_like(eroded)
    if keep.size == 0:
        return out
    part = eroded[keep] if horizontal else np.ascontiguousarray(eroded[:, keep])
    part = np.asarray(cv2.dilate(cv2.dilate(part, line), _SQUARE), dtype=np.uint8)
    if horizontal:
        out[keep] = part
    else:
        out[:, keep] = part
    return out


def coarse_ink(ink: GrayImage, factor: float) -> GrayImage:
    """``ink`` (0 or 255) shrunk by ``factor`` as area averaging sees it: ink (255) where the
    average over the pixels shrunk into one is above 40, so a one-pixel rule stays a line.

    The same picture as thresholding ``cv2.resize(ink, None, fx=factor, fy=factor,
    interpolation=cv2.INTER_AREA)`` (see :mod:`.shrink`): with one over a whole number n of 3 or
    more, a whole n×n block's average above 40 only says how many ink pixels it holds, and those
    counts come from adding every n-th row of ones (vectorised) and then every n-th column.
    """
    n = whole_factor(factor)
    if n is None or not 3 <= n <= 15:  # OpenCV's own (vectorised for halving)
        small = cv2.resize(ink, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
        return np.asarray(cv2.threshold(small, 40, 255, cv2.THRESH_BINARY)[1], dtype=np.uint8)
    out = np.zeros(output_size(ink.shape, factor), dtype=np.uint8)
    full_h, full_w = ink.shape[0] // n, ink.shape[1] // n
    if full_h and full_w:
        ones = np.asarray(cv2.threshold(ink[:full_h * n, :full_w * n], 0, 1, cv2.THRESH_BINARY)[1],
                          dtype=np.uint8)  # n² <= 225 per block: 8 bits
        rows = ones[0::n]
        for i in range(1, n):
            rows = np.asarray(cv2.add(rows, ones[i::n]), dtype=np.uint8)
        counts = rows[:, 0::n] + rows[:, 1::n]
        for i in range(2, n):
            counts += rows[:, i::n]
        # A whole block's average is its sum times 1/n² in single precision, rounded.
        fewest = next(k for k in range(n * n + 1)
                      if np.rint(np.float32(255 * k) * np.float32(1 / (n * n))) > 40)
        out[:full_h, :full_w] = cv2.threshold(counts, fewest - 1, 255, cv2.THRESH_BINARY)[1]
    edge_means(out, ink, n)  # the blocks cut by the edges: their averages, then thresholded
    out[full_h:] = np.where(out[full_h:] > 40, 255, 0)
    out[:full_h, full_w:] = np.where(out[:full_h, full_w:] > 40, 255, 0)
    return out


def rules_as_segments(lines: list[Line]) -> list[Segment]:
    """Vertical rules also separate phrases; the layout reads them as segments."""
    return [Segment(x0, top, x1, bottom) for x0, top, x1, bottom in lines]


def _binarise(image: GrayImage) -> GrayImage:
    return otsu_ink(evened(image))[1]  # the checkbox detector's ink too (read-only, shared)


def _runs(mask: GrayImage, scale: float, horizontal: bool) -> list[Line]:
    out: list[Line] = []
    for x, y, w, h in sparse_blob_boxes(mask).tolist():  # a rule mask is mostly empty
        thickness, length = (h, w) if horizontal else (w, h)
        if thickness > _MAX_THICKNESS_PT * scale + 3 or length < _MIN_RULE_PT * scale:
            continue
        box = BBox(x / scale, y / scale, (x + w) / scale, (y + h) / scale)
        if horizontal:
            out.append((box.x0, box.cy, box.x1, box.cy))
        else:
            out.append((box.cx, box.top, box.cx, box.bottom))
    return out
