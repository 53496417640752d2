"""The OCR decision's look at a page with a thin text layer (:class:`..preview.PagePreview`),
taken from the page the loader has open: PDFium's grey rendering at 50 dpi, as
``load.render`` makes it through pypdfium2 (same size, fill, flags; forms not drawn), and the
image objects' area, found as ``load.render.pdf_page_has_images`` finds them (three levels of
form XObjects deep). The page's and its images' pixel counts are checked against the limit
first, with the same messages as rendering.
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Iterator
from typing import Any

import pypdfium2.raw as pdfium_c

from ..preview import PREVIEW_DPI, GrayRaster, PagePreview
from ..render import check_pixels
from .capi import (
    _form_object,
    _form_object_count,
    _image_pixel_size,
    _object_bounds,
    _object_type,
    _page_object,
    _PdfiumFailure,
)

_IMAGE_SEARCH_DEPTH = 3  # as load.render: images inside forms inside forms are still found
_WHITE = 0xFFFFFFFF
_FLAGS = pdfium_c.FPDF_GRAYSCALE | pdfium_c.FPDF_ANNOT  # pypdfium2's grayscale=True, draw_annots


def page_preview(page: Any, number: int, path: str, max_pixels: int) -> PagePreview:
    """Render ``page`` (an open FPDF_PAGE, 1-based ``number``) for the OCR decision."""
    width, height = pdfium_c.FPDF_GetPageWidthF(page), pdfium_c.FPDF_GetPageHeightF(page)
    images = list(_image_objects(page))
    check_pixels(number, PREVIEW_DPI, (width, height), (_pixel_size(obj, number) for obj in images),
                 path, max_pixels)
    area = 0.0
    for obj in images:
        left, bottom, right, top = (ctypes.c_float() for _ in range(4))
        if not _object_bounds(obj, *map(ctypes.byref, (left, bottom, right, top))):
            raise _PdfiumFailure(f"cannot render page {number}: the bounds of an image are unknown")
        area += max(0.0, right.value - left.value) * max(0.0, top.value - bottom.value)
    return PagePreview(image=_render(page, width, height, PREVIEW_DPI / 72), image_area=area,
                       width=width, height=height)


def _image_objects(parent: Any, level: int = 0, in_form: bool = False) -> Iterator[Any]:
    count = _form_object_count(parent) if in_form else pdfium_c.FPDFPage_CountObjects(parent)
    get = _form_object if in_form else _page_object
    for i in range(max(0, count)):
        obj = get(parent, i)
        kind = _object_type(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            yield obj
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and level < _IMAGE_SEARCH_DEPTH - 1:
            yield from _image_objects(obj, level + 1, in_form=True)


def _pixel_size(obj: Any, number: int) -> tuple[int, int]:
    width, height = ctypes.c_uint(), ctypes.c_uint()
    if not _image_pixel_size(obj, ctypes.byref(width), ctypes.byref(height)):
        raise _PdfiumFailure(f"cannot render page {number}: the size of an image is unknown")
    return width.value, height.value


def _render(page: Any, width_pt: float, height_pt: float, scale: float) -> GrayRaster:
    width, height = math.ceil(width_pt * scale), math.ceil(height_pt * scale)
    buffer = (ctypes.c_ubyte * (width * height))()
    bitmap = pdfium_c.FPDFBitmap_CreateEx(width, height, pdfium_c.FPDFBitmap_Gray, buffer, width)
    if not bitmap:
        raise _PdfiumFailure("cannot render a page: no memory for its bitmap")
    try:
        pdfium_c.FPDFBitmap_FillRect(bitmap, 0, 0, width, height, _WHITE)
        pdfium_c.FPDF_RenderPageBitmap(bitmap, page, 0, 0, width, height, 0, _FLAGS)
    finally:
        pdfium_c.FPDFBitmap_Destroy(bitmap)
    return GrayRaster(bytes(buffer), width)
