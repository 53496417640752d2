"""Open any supported input as a :class:`~vorlagenparser.pagemodel.Document`.

PDFs are read by one of two interchangeable loaders that build the same page model:

* ``pdfium`` (default) — :func:`.pdfium.open_pdf_fast`, PDFium through pypdfium2, ~10× faster;
* ``pdfplumber`` — :func:`.pdf.open_pdf`, the pdfminer-based reference loader.

The environment variable ``VORLAGENPARSER_LOADER`` (``pdfium`` or ``pdfplumber``) selects one,
e.g. to compare outputs or to work around a file PDFium reads differently. It is read on every
call, so tests can switch it with ``monkeypatch.setenv``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import VorlagenparserError
from ..filenames import decoded
from .preview import PagePreview
from .sniff import Sniffed, sniff

if TYPE_CHECKING:
    from ..options import ExtractOptions
    from ..pagemodel import Document, Page

__all__ = ["LOADER_ENV", "PDF_LOADERS", "PagePreview", "open_document", "pdf_loader", "sniff"]

LOADER_ENV = "VORLAGENPARSER_LOADER"
PDF_LOADERS = ("pdfium", "pdfplumber")


def pdf_loader() -> str:
    """The PDF loader chosen by ``VORLAGENPARSER_LOADER`` (default ``pdfium``)."""
    name = os.environ.get(LOADER_ENV, "pdfium").strip().lower() or "pdfium"
    if name not in PDF_LOADERS:
        raise VorlagenparserError(
            f"{LOADER_ENV}={name!r} is not a PDF loader (choose {' or '.join(PDF_LOADERS)})")
    return name


def open_document(path: str | Path, options: ExtractOptions,
                  on_preview: Callable[[Page, PagePreview], None] | None = None) -> Document:
    """Dispatch on the sniffed file type: PDFs to the text-layer loader, images to the raster one.

    ``on_preview`` is shown the thin text pages of a PDF as the OCR decision looks at them,
    taken while the PDFium loader has the page open (the pdfplumber loader shows none: the
    decision then renders those pages itself)."""
    info: Sniffed = sniff(path, max_mb=options.max_file_mb)
    name = decoded(Path(path).name)  # source.filename: valid text even for Latin-1 names
    if info.kind == "pdf":
        if pdf_loader() == "pdfplumber":
            from .pdf import open_pdf

            return open_pdf(info.path, name, info.sha256, options)
        from .pdfium import open_pdf_fast

        return open_pdf_fast(info.path, name, info.sha256, options, on_preview)
    from .image import open_image

    return open_image(info.path, name, info.sha256, options)
