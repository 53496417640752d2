"""Import OCRmyPDF without its side effect on pdfminer.six.

Importing ``ocrmypdf`` replaces ``pdfminer.pdffont.PDFSimpleFont.__init__`` process-wide
(``ocrmypdf/pdfinfo/layout.py``: fonts without /ToUnicode and /Encoding lose their Unicode
map). Our pdfplumber loader runs in the same worker process and would then read such glyphs as
``(cid:NN)`` for every later file. We use none of OCRmyPDF's pdfminer code, so pdfminer's own
method is put back (OCRmyPDF keeps it as ``original_pdfsimplefont_init``). Every use of
OCRmyPDF goes through :func:`load`.
"""

from __future__ import annotations

import functools

from ..errors import MissingDependencyError


@functools.cache
def load() -> None:
    """Import OCRmyPDF once, restoring pdfminer; MissingDependencyError when not installed."""
    from pdfminer.pdffont import PDFSimpleFont

    before = PDFSimpleFont.__init__
    try:
        import ocrmypdf  # noqa: F401
    except ImportError as exc:
        raise MissingDependencyError(
            "archival outputs need OCRmyPDF (pip install 'vorlagenparser[archive]')") from exc
    from ocrmypdf.pdfinfo import layout

    original = getattr(layout, "original_pdfsimplefont_init", before)
    PDFSimpleFont.__init__ = original  # type: ignore[method-assign]
