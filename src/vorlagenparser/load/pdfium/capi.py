"""PDFium's C API as the loader calls it: plain and bare prototypes for the hot path, handle
addresses, and the failure that becomes an InputFileError."""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2  # noqa: F401  # importing the package initialises the PDFium library
import pypdfium2.raw as pdfium_c


def _plain(function: Any, restype: Any, *argtypes: Any) -> Any:
    """A second prototype of a PDFium function with plain ``c_void_p`` handles and results.

    The generated bindings wrap handles in typed pointer objects; plain integers are several
    times cheaper to pass, return and compare (font calls, once per text object).
    """
    address = ctypes.cast(function, ctypes.c_void_p).value
    if address is None:
        raise ImportError("PDFium function without an address")
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


def _bare(function: Any, restype: Any) -> Any:
    """A prototype of a PDFium function that converts no arguments, for the per-character loop.

    Without argument types ctypes passes a Python int as a C ``int`` and a ctypes object as
    itself, so a caller must pass handles as ``c_void_p`` and buffers by reference (``byref``
    for one call, a ``pointer`` kept for many); in exchange a call costs ~40 % less than
    through a typed prototype (~0.2 instead of ~0.3 µs), and a page makes two or three such
    calls per character.
    """
    address = ctypes.cast(function, ctypes.c_void_p).value
    if address is None:
        raise ImportError("PDFium function without an address")
    return ctypes.CFUNCTYPE(restype)(address)


_VP, _INT = ctypes.c_void_p, ctypes.c_int
# (c_void_p textpage, int index) -> the text object's address, 0 for none
_char_text_object = _bare(pdfium_c.FPDFText_GetTextObject, ctypes.c_size_t)
# (c_void_p textpage, int index, POINTER(FS_RECTF) box) -> success
_char_loose_box = _bare(pdfium_c.FPDFText_GetLooseCharBox, _INT)
# (c_void_p textpage, int index) -> 1 for a character PDFium made up
_char_is_generated = _bare(pdfium_c.FPDFText_IsGenerated, _INT)
# (c_void_p textpage, int index) -> 1 for a glyph without a Unicode mapping
_char_map_error = _bare(pdfium_c.FPDFText_HasUnicodeMapError, _INT)
# (c_void_p textpage, int index, POINTER(FS_MATRIX) matrix) -> success
_char_matrix = _bare(pdfium_c.FPDFText_GetMatrix, _INT)
# (c_void_p textpage, int index) -> the Tf operand
_char_font_size = _bare(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
# (c_void_p textpage, int index, POINTER(c_double) x, POINTER(c_double) y) -> success
_char_origin = _bare(pdfium_c.FPDFText_GetCharOrigin, _INT)


class _Handle(ctypes.c_void_p):
    """A handle returned by a bare prototype: ctypes keeps results of a ``c_void_p`` subclass as
    objects (false for NULL), so they pass on to the next bare call as they are."""


# Path objects and their segments (a page has dozens of paths, each a few segments).
# (page, int index) -> _Handle page object; (form object) -> count, (form object, int) -> child
_page_object = _bare(pdfium_c.FPDFPage_GetObject, _Handle)
_form_object_count = _bare(pdfium_c.FPDFFormObj_CountObjects, _INT)
_form_object = _bare(pdfium_c.FPDFFormObj_GetObject, _Handle)
# (page object) -> FPDF_PAGEOBJ_* type; (page object, POINTER(FS_MATRIX)) -> success
_object_type = _bare(pdfium_c.FPDFPageObj_GetType, _INT)
_object_matrix = _bare(pdfium_c.FPDFPageObj_GetMatrix, _INT)
# (path, POINTER(c_int) fill mode, POINTER(c_int) stroke) -> success
_path_draw_mode = _bare(pdfium_c.FPDFPath_GetDrawMode, _INT)
# (page object, POINTER(c_float)) -> success; (page object, 4 × POINTER(c_uint) r g b a) -> success
_stroke_width = _bare(pdfium_c.FPDFPageObj_GetStrokeWidth, _INT)
_fill_color = _bare(pdfium_c.FPDFPageObj_GetFillColor, _INT)
# (page object, 4 × POINTER(c_float) left bottom right top) -> success
_object_bounds = _bare(pdfium_c.FPDFPageObj_GetBounds, _INT)
# (image object, POINTER(c_uint) width, POINTER(c_uint) height) -> success
_image_pixel_size = _bare(pdfium_c.FPDFImageObj_GetImagePixelSize, _INT)
# (path object) -> number of segments; (path object, int index) -> _Handle segment
_path_segment_count = _bare(pdfium_c.FPDFPath_CountSegments, _INT)
_path_segment = _bare(pdfium_c.FPDFPath_GetPathSegment, _Handle)
# (segment, POINTER(c_float) x, POINTER(c_float) y) -> success; (segment) -> type; -> closes
_segment_point = _bare(pdfium_c.FPDFPathSegment_GetPoint, _INT)
_segment_type = _bare(pdfium_c.FPDFPathSegment_GetType, _INT)
_segment_closes = _bare(pdfium_c.FPDFPathSegment_GetClose, _INT)

_text_object_font = _plain(pdfium_c.FPDFTextObj_GetFont, _VP, _VP)
_font_descent = _plain(pdfium_c.FPDFFont_GetDescent, _INT, _VP, ctypes.c_float, _VP)
_font_is_embedded = _plain(pdfium_c.FPDFFont_GetIsEmbedded, _INT, _VP)


class _PdfiumFailure(Exception):
    """A PDFium call failed on this file (turned into an InputFileError with the path)."""


def _address(handle: Any) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0
