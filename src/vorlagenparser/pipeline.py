"""THE composition: one call per stage, data flowing one way."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import limits
from .checkboxes import detect
from .layout.assemble import assemble
from .load import open_document
from .model import Vorlage
from .ocr import prepare_pages
from .options import ExtractOptions
from .pagemodel import Document
from .profiles import load_profile, load_profile_dir, select_profile
from .validate import to_vorlage


@dataclass(frozen=True, slots=True)
class Extraction:
    """A converted document together with the page model it was read from.

    ``document`` holds every page's words (recognised or from the text layer) in frame points
    with ``Page.transform`` back to the original page, but no page images: archival writers
    (PDF/A text layer, ALTO) need the words, not the pixels.
    """

    vorlage: Vorlage
    document: Document


def extract_document(path: str | Path, options: ExtractOptions | None = None) -> Extraction:
    """Extract one document and keep its page model (see :class:`Extraction`)."""
    from . import __version__

    options = options or ExtractOptions()
    profile = load_profile(options.profile) if options.profile else None
    with limits.timed(str(path), options.page_timeout_s):
        document = open_document(path, options)
        pages, marks = [], []
        for page in prepare_pages(document, options):
            page, found = detect(page)
            pages.append(page.with_(image=None))  # the raster is done with: free it page by page
            marks.append(list(found))
            limits.step(f"page {page.number + 1}")  # an image file's next page is OCR'd now
        document = document.with_pages(pages)
        if profile is None:
            candidates = load_profile_dir(options.profiles) if options.profiles else ()
            profile = select_profile(pages[0].text if pages else "", candidates)
        limits.step("the layout")
        raw = assemble(pages, marks, profile)
        return Extraction(to_vorlage(raw, document, profile, __version__), document)


def extract(path: str | Path, options: ExtractOptions | None = None) -> Vorlage:
    """Extract one document (PDF, TIFF, PNG or JPEG) into a validated Vorlage."""
    return extract_document(path, options).vorlage
