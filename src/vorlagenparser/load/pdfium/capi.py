"""PDFium's C API as the loader calls it: plain prototypes for the hot path, handle addresses,
and the failure that becomes an InputFileError."""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2  # noqa: F401  # importing the package initialises the PDFium library
import pypdfium2.raw as pdfium_c


def _plain(function: Any, restype: Any, *argtypes: Any) -> Any:
    """A second prototype of a PDFium function with plain ``c_void_p`` handles and results.

    The generated bindings wrap handles in typed pointer objects; in the per-character loop,
    plain integers are several times cheaper to pass, return and compare.
    """
    address = ctypes.cast(function, ctypes.c_void_p).value
    if address is None:
        raise ImportError("PDFium function without an address")
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


_VP, _INT = ctypes.c_void_p, ctypes.c_int
_char_text_object = _plain(pdfium_c.FPDFText_GetTextObject, _VP, _VP, _INT)
_char_loose_box = _plain(pdfium_c.FPDFText_GetLooseCharBox, _INT, _VP, _INT, _VP)
_char_is_generated = _plain(pdfium_c.FPDFText_IsGenerated, _INT, _VP, _INT)
_char_map_error = _plain(pdfium_c.FPDFText_HasUnicodeMapError, _INT, _VP, _INT)
_char_matrix = _plain(pdfium_c.FPDFText_GetMatrix, _INT, _VP, _INT, _VP)
_char_font_size = _plain(pdfium_c.FPDFText_GetFontSize, ctypes.c_double, _VP, _INT)
_char_origin = _plain(pdfium_c.FPDFText_GetCharOrigin, _INT, _VP, _INT, _VP, _VP)
_text_object_font = _plain(pdfium_c.FPDFTextObj_GetFont, _VP, _VP)
_font_descent = _plain(pdfium_c.FPDFFont_GetDescent, _INT, _VP, ctypes.c_float, _VP)
_font_is_embedded = _plain(pdfium_c.FPDFFont_GetIsEmbedded, _INT, _VP)


class _PdfiumFailure(Exception):
    """A PDFium call failed on this file (turned into an InputFileError with the path)."""


def _address(handle: Any) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0
