"""The page frame: PDF user space → the upright page with a top-left origin, as pdfplumber."""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Any

import pypdfium2.raw as pdfium_c

from ...geometry import BBox
from .capi import _PdfiumFailure

# pdfminer's page matrix for each /Rotate (a, b, c, d): it maps PDF user space onto the upright page.
_ROTATION_CTM = {0: (1.0, 0.0, 0.0, 1.0), 90: (0.0, -1.0, 1.0, 0.0),
                 180: (-1.0, 0.0, 0.0, -1.0), 270: (0.0, 1.0, -1.0, 0.0)}


@dataclass(frozen=True, slots=True)
class _Frame:
    """PDF user space → the upright page, top-left origin, as pdfplumber reports coordinates.

    ``X = a·x + b·y + c`` and ``T = d·x + e·y + f``. pdfplumber keeps the MediaBox's own x offset
    and measures top as (page height − y), which this reproduces (not the mathematically
    neutral frame).
    """

    width: float
    height: float
    rotation: int
    a: float
    b: float
    c: float
    d: float
    e: float
    f: float

    @property
    def is_plain(self) -> bool:
        return self.rotation == 0

    def point(self, x: float, y: float) -> tuple[float, float]:
        return self.a * x + self.b * y + self.c, self.d * x + self.e * y + self.f

    def box(self, left: float, bottom: float, right: float, top: float) -> BBox:
        xs, ts = zip(*(self.point(x, y) for x in (left, right) for y in (bottom, top)), strict=True)
        return BBox(min(xs), min(ts), max(xs), max(ts))

    def display(self, a: float, b: float, c: float, d: float) -> tuple[float, float, float, float]:
        """A glyph matrix as pdfminer sees it: on the turned page, y pointing up."""
        ra, rb, rc, rd = _ROTATION_CTM[self.rotation]
        return a * ra + b * rc, a * rb + b * rd, c * ra + d * rc, c * rb + d * rd


def _frame(page: Any) -> _Frame:
    x0, y0, x1, y1 = _media_box(page)
    rotation = (pdfium_c.FPDFPage_GetRotation(page) % 4) * 90
    # pdfminer's device matrix for the rotation (translation part), then pdfplumber's flip.
    ra, rb, rc, rd = _ROTATION_CTM[rotation]
    re_, rf = {0: (-x0, -y0), 90: (-y0, x1), 180: (x1, y1), 270: (y1, -x0)}[rotation]
    nx0, ny0, nx1, ny1 = (x0, y0, x1, y1) if rotation in (0, 180) else (y0, x0, y1, x1)
    width, height = round(nx1 - nx0, 4), round(ny1 - ny0, 4)
    return _Frame(width=width, height=height, rotation=rotation,
                  a=ra, b=rc, c=re_ + nx0, d=-rb, e=-rd, f=height - rf + (height - ny1))


def _media_box(page: Any) -> tuple[float, float, float, float]:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not pdfium_c.FPDFPage_GetMediaBox(page, left, bottom, right, top):
        # The MediaBox is inherited from the page tree; PDFium's page box resolves inheritance.
        rect = pdfium_c.FS_RECTF()
        if not pdfium_c.FPDF_GetPageBoundingBox(page, rect):
            raise _PdfiumFailure("page has no usable MediaBox")
        left.value, bottom.value, right.value, top.value = rect.left, rect.bottom, rect.right, rect.top
    xs = sorted((left.value, right.value))
    ys = sorted((bottom.value, top.value))
    return xs[0], ys[0], xs[1], ys[1]
