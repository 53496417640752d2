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
from .blobs import blob_boxes

if TYPE_CHECKING:
    from ..pagemodel import GrayImage

Line = tuple[float, float, float, float]  # x0, top, x1, bottom in page points

_MIN_RULE_PT = 40.0  # shorter runs are box sides, underlines of single words, or letters
_MAX_THICKNESS_PT = 3.0


_WORK_SCALE = 100 / 72  # rules are long: 100 dpi is enough to find them, at a ninth of the work


def find_rules(image: GrayImage, scale: float, ink: GrayImage | None = None) -> list[Line]:
    """Horizontal and vertical rules of the (upright) image, in page points. ``ink`` is the
    image's Otsu ink (255) when the caller has it already."""
    ink = _binarise(image) if ink is None else ink
    if scale > _WORK_SCALE * 1.5:
        factor = _WORK_SCALE / scale
        # Area averaging keeps a one-pixel rule as a faint line; any coverage counts as ink.
        small = cv2.resize(ink, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
        ink = np.asarray(cv2.threshold(small, 40, 255, cv2.THRESH_BINARY)[1], dtype=np.uint8)  # > 40
        scale = scale * factor
    length = max(15, int(_MIN_RULE_PT * scale))
    out: list[Line] = []
    for kernel, horizontal in (((length, 1), True), ((1, length), False)):
        element = cv2.getStructuringElement(cv2.MORPH_RECT, kernel)
        mask = cv2.morphologyEx(ink, cv2.MORPH_OPEN, element)
        # Close small gaps that noise or faded toner leave in a rule.
        mask = cv2.dilate(mask, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
        out.extend(_runs(np.asarray(mask, dtype=np.uint8), scale, horizontal))
    return out


def rules_as_segments(lines: list[Line]) -> list[Segment]:
    """Vertical rules also separate phrases; the layout reads them as segments."""
    return [Segment(x0, top, x1, bottom) for x0, top, x1, bottom in lines]


def _binarise(image: GrayImage) -> GrayImage:
    return otsu_ink(evened(image))[1]  # the checkbox detector's ink too (read-only, shared)


def _runs(mask: GrayImage, scale: float, horizontal: bool) -> list[Line]:
    out: list[Line] = []
    for x, y, w, h in blob_boxes(mask).tolist():
        thickness, length = (h, w) if horizontal else (w, h)
        if thickness > _MAX_THICKNESS_PT * scale + 3 or length < _MIN_RULE_PT * scale:
            continue
        box = BBox(x / scale, y / scale, (x + w) / scale, (y + h) / scale)
        if horizontal:
            out.append((box.x0, box.cy, box.x1, box.cy))
        else:
            out.append((box.cx, box.top, box.cx, box.bottom))
    return out
