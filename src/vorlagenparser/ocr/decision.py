"""Which pages need OCR: no text layer, a garbled one, or one that misses much of the print.

The last two are judged from the page as printed (a picture at 50 dpi, and the image objects'
area), for text layers thin enough to be suspect. The PDFium loader shows those pages while it
has them open (:class:`LoaderEvidence` collects what it shows); for other inputs, or pages it
did not show, :func:`pdf_evidence` renders them itself.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from ..load.preview import PREVIEW_DPI, THIN_TEXT, GrayRaster, PagePreview
from ..pagemodel import Document, Page, Word
from .textink import text_ink

if TYPE_CHECKING:
    from ..options import ExtractOptions

__all__ = ["Evidence", "LoaderEvidence", "missing_text_share", "needs_ocr", "pdf_evidence"]

log = logging.getLogger(__name__)

# (has_images, missing_text) of a page: see needs_ocr; None where not looked at.
Evidence = tuple[bool | None, float | None]

_CID = re.compile(r"\(cid:\d+\)")
_MIN_CHARS = 40  # fewer characters than a short sentence: a stamp or page number on a scan
_MISSING_TEXT = 0.3  # share of printed text the text layer lacks before we OCR the page
_MIN_MISSING_INK = 1200  # pixels at 50 dpi: about three short lines of 10 pt text
_INK_LEVEL = 160  # grey values up to this are ink
_IMAGE_COVER = 0.2  # share of the page images cover: a scan inside


def needs_ocr(page: Page, options: ExtractOptions, *, has_images: bool | None = None,
              missing_text: float | None = None) -> tuple[bool, str]:
    """Whether ``page`` must be OCR'd, with the reason (also logged at INFO).

    Evidence from the rendered PDF page, when the caller has it: ``has_images`` tells whether
    image objects cover the page (a sparse text layer on a scan, such as a stamp, needs OCR; a
    sparse digital page does not); ``missing_text`` is the share of text-like ink that no word
    of the text layer covers (text drawn as outlines or pasted in as pictures).
    """
    decision = _decide(page, options, has_images, missing_text)
    log.info("page %d: %s OCR (%s)", page.number, "needs" if decision[0] else "no", decision[1])
    return decision


def _decide(page: Page, options: ExtractOptions, has_images: bool | None,
            missing_text: float | None) -> tuple[bool, str]:
    if options.ocr == "never":
        return False, "OCR disabled by --ocr never"
    if page.method == "ocr" and page.words:
        return False, "already recognised"
    if options.ocr == "always":
        return True, "forced by --ocr always"
    text = "".join([w.text for w in page.words])
    if not text.strip():
        return True, "no text layer"
    garbage = _garbage_reason(page, text)
    if garbage:
        return True, f"unusable text layer: {garbage}"
    if len(text) < _MIN_CHARS and has_images is not False:
        return True, f"text layer has only {len(text)} characters"
    if missing_text is not None and missing_text >= _MISSING_TEXT:
        return True, f"text layer misses {missing_text:.0%} of the printed text"
    return False, "usable text layer"


def _garbage_reason(page: Page, text: str) -> str | None:
    """Why a text layer is unusable (broken font encodings, glyph names), or None."""
    cids = len(_CID.findall(text))
    if cids >= 3 and cids * 8 > len(text) * 0.1:
        return f"{cids} (cid:NN) glyphs"
    # The counts run over strings with regular expressions, not character by character.
    chars = "".join(_CID.sub("", text).split())  # without white space (as str.isspace)
    if not chars:
        return "only unmapped glyphs"
    bad = len(_BAD.findall(chars))
    if bad > 0.05 * len(chars):
        return f"{bad} replacement or private-use characters"
    # Tables typed as text ("---+---", "|", "( )") are drawing, not broken glyphs.
    chars = _DRAWN.sub("", chars)
    alnum = len(_NOT_ALNUM.sub("", chars))
    if len(chars) >= 20 and alnum < 0.5 * len(chars):
        return f"only {alnum / len(chars):.0%} letters and digits"
    words = [w for w in page.words if w.text.strip(_DRAWING)]
    singles = sum(1 for w in words if len(w.text.strip()) == 1)
    if len(words) >= 20 and singles > 0.6 * len(words):
        return f"{singles / len(words):.0%} one-character words"
    return None


_DRAWING = "|-+=_()[]─│┼┌┐└┘├┤┬┴═║╔╗╚╝"
_DRAWN = re.compile(f"[{re.escape(_DRAWING)}]")
_BAD = re.compile(r"[\ufffd\ue000-\uf8ff\x00-\x1f]")  # replacement, private use, control
# Not a word character, or "_": exactly the characters str.isalnum() refuses.
_NOT_ALNUM = re.compile(r"[\W_]+")


def _characters(page: Page) -> int:
    return sum(len(w.text) for w in page.words)


def _is_thin(page: Page) -> bool:
    return bool(page.words) and page.method == "text" and _characters(page) < THIN_TEXT


class LoaderEvidence:
    """Collects the evidence of the pages the loader shows (``open_document(on_preview=…)``),
    keeping numbers only, so a long file's pictures never pile up."""

    def __init__(self) -> None:
        self.by_page: dict[int, Evidence] = {}

    def __call__(self, page: Page, preview: PagePreview) -> None:
        sparse = _characters(page) < _MIN_CHARS
        has_images = preview.images_cover(_IMAGE_COVER) if sparse else None
        self.by_page[page.number] = (has_images,
                                     missing_text_share(preview.image, PREVIEW_DPI / 72, page.words))


def pdf_evidence(doc: Document, options: ExtractOptions,
                 known: dict[int, Evidence] | None = None) -> list[Evidence]:
    """(has_images, missing_text) per page, looked at only where the text layer is thin.

    Full text pages (>= 1500 characters) cost nothing; thinner ones the loader did not show
    (``known``, by page number) are rendered once at 50 dpi (a few ms) to see whether their
    print holds text the layer lacks.
    """
    evidence: list[Evidence] = [(None, None)] * len(doc.pages)
    if doc.kind != "pdf" or options.ocr != "auto":
        return evidence
    known = known or {}
    unseen = []
    for i, page in enumerate(doc.pages):
        if _is_thin(page):
            if page.number in known:
                evidence[i] = known[page.number]
            else:
                unseen.append(i)
    if not unseen:
        return evidence
    from ..load.render import pdf_page_has_images, render_pdf_pages

    images = render_pdf_pages(doc.path, unseen, PREVIEW_DPI, options.max_pixels)
    for i, image in zip(unseen, images, strict=True):
        page = doc.pages[i]
        sparse = _characters(page) < _MIN_CHARS
        has_images = pdf_page_has_images(doc.path, i, _IMAGE_COVER) if sparse else None
        evidence[i] = (has_images, missing_text_share(GrayRaster.of(image), PREVIEW_DPI / 72,
                                                          page.words))
    return evidence


def missing_text_share(image: GrayRaster, scale: float, words: tuple[Word, ...]) -> float:
    """Share of the page's text-like ink (word-sized blobs) outside every text-layer word box.

    ``image`` is the page rendered at ``scale`` pixels per point. Logos and rules are not
    text-like, so a sound digital page scores near 0; a page whose body text is drawn as
    outlines or pasted in as a picture scores high. Fewer than a few lines of missing text
    (about 1200 ink pixels at 50 dpi) count as nothing.
    """
    boxes = []
    for word in words:
        b = word.bbox  # grown by 2 pt on each side, as b.expand(2.0) would (without its box)
        boxes.append((max(0, int((b.top - 2.0) * scale)), int((b.bottom + 2.0) * scale) + 1,
                      max(0, int((b.x0 - 2.0) * scale)), int((b.x1 + 2.0) * scale) + 1))
    least = _MIN_MISSING_INK * (scale * 72 / 50) ** 2
    ink = text_ink(image, _INK_LEVEL, 25 * scale * 72 / 50, boxes, enough=least)
    if ink is None or ink.outside < least:
        return 0.0
    return round(ink.outside / ink.total, 3)
