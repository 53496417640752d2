"""Open a PDF under the PDFium lock, read its metadata and every page into the page model."""

from __future__ import annotations

import ctypes
import math
import os
import threading
from collections.abc import Callable
from typing import Any

import pypdfium2.raw as pdfium_c

from ... import limits
from ...errors import EncryptedPdfError, InputFileError, ResourceLimitError, TruncatedPdfError
from ...options import ExtractOptions
from ...pagemodel import Document, Page
from ..preview import THIN_TEXT, PagePreview
from .capi import _PdfiumFailure
from .forms import _FormEnv, _page_widgets
from .frame import _frame
from .graphics import _grids, _page_shapes
from .preview import page_preview
from .text import _page_text_layer

OnPreview = Callable[[Page, PagePreview], None]

_MIN_RULES_FOR_GRID = 6  # as the pdfplumber loader: table finding only on ruled pages
_LOCK = threading.Lock()  # PDFium is not thread-safe: one lock for every document opened here
_ERRORS = {pdfium_c.FPDF_ERR_FILE: "the file cannot be opened",
           pdfium_c.FPDF_ERR_FORMAT: "the PDF structure is damaged",
           pdfium_c.FPDF_ERR_SECURITY: "the PDF uses an unsupported security handler",
           pdfium_c.FPDF_ERR_PAGE: "a page cannot be read"}


def open_pdf_fast(path: str, filename: str, sha256: str, options: ExtractOptions,
                  on_preview: OnPreview | None = None) -> Document:
    """Load every page of a PDF into the page model (InputFileError subclasses for bad files).

    With ``on_preview`` (and ``--ocr auto``), each page with a thin text layer is also shown
    to it as the OCR decision looks at it (see :mod:`..preview`), while the page is open."""
    with _LOCK:
        doc = _open_document(path)
        try:
            pages, created = _read_document(doc, path, options,
                                            on_preview if options.ocr == "auto" else None)
        finally:
            pdfium_c.FPDF_CloseDocument(doc)
    return Document(path=path, filename=filename, sha256=sha256, pages=pages, kind="pdf",
                    created=created)


def _open_document(path: str) -> Any:
    doc = pdfium_c.FPDF_LoadDocument(os.fsencode(path), None)
    if doc:
        return doc
    code = pdfium_c.FPDF_GetLastError()
    if code == pdfium_c.FPDF_ERR_PASSWORD:
        raise EncryptedPdfError("PDF is encrypted with a password", path)
    if code == pdfium_c.FPDF_ERR_FORMAT:
        raise TruncatedPdfError("PDF is damaged (PDFium cannot parse its structure)", path)
    raise InputFileError(f"PDF cannot be read ({_ERRORS.get(code, f'PDFium error {code}')})", path)


def _read_document(doc: Any, path: str, options: ExtractOptions,
                   on_preview: OnPreview | None) -> tuple[tuple[Page, ...], str | None]:
    n = pdfium_c.FPDF_GetPageCount(doc)
    if n <= 0:
        raise InputFileError("PDF has no pages", path)
    if n > options.max_pages:
        raise ResourceLimitError(limits.too_many_pages("PDF", n, options.max_pages), path)
    forms = _FormEnv(doc)
    try:
        pages = tuple(_load_page(doc, forms, index, path, options.max_pixels, on_preview)
                      for index in range(n))
    except _PdfiumFailure as exc:
        raise InputFileError(str(exc), path) from exc
    except (ValueError, ArithmeticError, IndexError) as exc:
        # Hostile numbers in a page (NaN coordinates, absurd counts) must not end in a traceback.
        raise InputFileError(f"PDF page cannot be read ({type(exc).__name__}: {exc})", path) from exc
    finally:
        forms.close()
    return pages, _meta_text(doc, "CreationDate")


def _check_size(width: float, height: float, number: int) -> None:
    """A page without area cannot be laid out (nor be printed): the file is damaged."""
    if not (math.isfinite(width) and math.isfinite(height)) or width < 1 or height < 1:
        raise _PdfiumFailure(f"page {number} has no usable size ({width:g} × {height:g} pt)")


def _meta_text(doc: Any, tag: str) -> str | None:
    size = pdfium_c.FPDF_GetMetaText(doc, tag.encode("ascii"), None, 0)
    if size <= 2:  # just the terminating NUL: the key is absent or empty
        return None
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDF_GetMetaText(doc, tag.encode("ascii"), buffer, size)
    return buffer.raw[: size - 2].decode("utf-16-le", errors="replace") or None


def _load_page(doc: Any, forms: _FormEnv, index: int, path: str, max_pixels: int,
               on_preview: OnPreview | None) -> Page:
    limits.step(f"page {index + 1}")
    page = pdfium_c.FPDF_LoadPage(doc, index)
    if not page:
        raise _PdfiumFailure(f"page {index + 1} cannot be read")
    preview = None
    try:
        frame = _frame(page)
        _check_size(frame.width, frame.height, index + 1)
        words, vertical = _page_text_layer(page, frame)
        shapes = _page_shapes(page, frame)
        widgets = tuple(_page_widgets(page, forms, frame))
        if on_preview is not None and words and sum(len(w.text) for w in words) < THIN_TEXT:
            preview = page_preview(page, index + 1, path, max_pixels)
    finally:
        pdfium_c.FPDF_ClosePage(page)
    grids = _grids(shapes) if shapes.rule_count >= _MIN_RULES_FOR_GRID else ()
    loaded = Page(number=index + 1, width=frame.width, height=frame.height,
                  rotation=frame.rotation, method="text", words=words, rects=tuple(shapes.rects),
                  segments=shapes.segments, widgets=widgets, grids=grids, vertical_words=vertical)
    if on_preview is not None and preview is not None:
        on_preview(loaded, preview)
    return loaded
