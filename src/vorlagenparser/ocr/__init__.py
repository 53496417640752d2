"""The OCR stage: decide which pages need OCR, then make them upright and recognise them.

Two public functions compose the stage: :func:`needs_ocr` (a decision with a reason, logged;
:mod:`.decision`) and :func:`prepare_document` (the recipe, :mod:`.recipe`: image →
orientation → skew → upright frame → engine → words in frame points + the transform back to
the original page). Pages that need no OCR pass through unchanged. Uncertainty becomes
``Page.notes``; only "this file cannot be processed" raises (MissingDependencyError, OcrError
from a broken engine).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..errors import OcrError
from ..pagemodel import Document, GrayImage, Page
from .decision import LoaderEvidence, missing_text_share, needs_ocr, pdf_evidence
from .engine import OcrEngine, OcrWord, default_engine

if TYPE_CHECKING:
    from ..options import ExtractOptions

__all__ = ["LoaderEvidence", "OcrEngine", "OcrWord", "missing_text_share", "needs_ocr", "ocr_page",
           "prepare_document", "prepare_pages"]


def prepare_document(doc: Document, options: ExtractOptions,
                     engine: OcrEngine | None = None) -> Document:
    """OCR every page that needs it; the others are returned unchanged.

    ``engine`` defaults to tesseract (:func:`default_engine`), created only when a page needs
    OCR, so text-only PDFs work without tesseract installed.
    """
    pages = tuple(prepare_pages(doc, options, engine))
    unchanged = all(a is b for a, b in zip(pages, doc.pages, strict=True))
    return doc if unchanged else doc.with_pages(pages)


def prepare_pages(doc: Document, options: ExtractOptions, engine: OcrEngine | None = None,
                  evidence: LoaderEvidence | None = None) -> Iterator[Page]:
    """Like :func:`prepare_document`, one page at a time, so a caller can drop each page's
    image when it is done with it instead of holding every scan of a long file at once.

    ``evidence`` holds what the loader showed of thin text pages (see :mod:`.decision`); the
    pages it did not show are rendered here for the decision."""
    looks = pdf_evidence(doc, options, evidence.by_page if evidence is not None else None)
    todo = [needs_ocr(page, options, has_images=has_images, missing_text=missing)[0]
            for page, (has_images, missing) in zip(doc.pages, looks, strict=True)]
    if not any(todo):
        yield from _with_skipped_notes(doc, options).pages
        return
    engine = engine or default_engine(options.languages)
    images = _images(doc, [p for p, need in zip(doc.pages, todo, strict=True) if need], options)
    for page, need in zip(doc.pages, todo, strict=True):
        yield ocr_page(page, *next(images), engine, options) if need else page


def _with_skipped_notes(doc: Document, options: ExtractOptions) -> Document:
    """With --ocr never, image pages stay without text: say so instead of failing silently."""
    if options.ocr != "never":
        return doc
    return doc.with_pages(
        p.with_(notes=(*p.notes, f"page {p.number}: OCR disabled, the scan has no text"))
        if p.image is not None and not p.words else p
        for p in doc.pages)


def _images(doc: Document, pages: list[Page],
            options: ExtractOptions) -> Iterator[tuple[GrayImage, float]]:
    """(original image, its pixels per point) for each page, rendering PDF pages in one pass."""
    if doc.kind == "image" or all(p.image is not None for p in pages):
        for page in pages:
            if page.image is None:  # a loader bug, not a property of the file
                raise OcrError(f"page {page.number} of an image file has no pixels", doc.path)
            yield page.image, page.image_scale
        return
    from ..load.render import render_pdf_pages

    for image in render_pdf_pages(doc.path, [p.number - 1 for p in pages], options.dpi,
                                  options.max_pixels):
        yield image, options.dpi / 72.0




def ocr_page(page: Page, image: GrayImage, scale: float, engine: OcrEngine,
             options: ExtractOptions) -> Page:
    """One page through the recipe (:mod:`.recipe`, which loads OpenCV: text pages never do).
    ``scale`` = pixels of ``image`` per original page point."""
    from .recipe import ocr_page as recognise_page

    return recognise_page(page, image, scale, engine, options)
