"""The OCR stage: decide which pages need OCR, then make them upright and recognise them.

Two public functions compose the stage: :func:`needs_ocr` (a decision with a reason, logged) and
:func:`prepare_document` (the recipe: image → orientation → skew → upright frame → engine →
words in frame points + the transform back to the original page). Pages that need no OCR pass
through unchanged. Uncertainty becomes ``Page.notes``; only "this file cannot be processed"
raises (MissingDependencyError, OcrError from a broken engine).
"""

from __future__ import annotations

import logging
import re
import statistics
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace

import cv2
import numpy as np

from ..errors import OcrError
from ..geometry import Affine, BBox
from ..load.grids import find_grids
from ..options import ExtractOptions
from ..pagemodel import Document, GrayImage, Grid, Page, Segment, Word
from ..paper import evened_finely
from . import orientation as orient
from .cells import recognise_after_labels, recognise_cells
from .engine import OcrEngine, OcrTimeoutError, OcrWord, default_engine
from .rules import find_rules, rules_as_segments

__all__ = ["OcrEngine", "OcrWord", "missing_text_share", "needs_ocr", "ocr_page",
           "prepare_document"]

log = logging.getLogger(__name__)

# --- the decision ---------------------------------------------------------------------------

_CID = re.compile(r"\(cid:\d+\)")
# Table rules and form lines as OCR sees them: "|", "||", "¦", "____", "-----", "======".
_RULE_TOKEN = re.compile(r"[|¦]+|[_\-—–=.]{3,}")
_JUNK_CONFIDENCE = 0.05
_MIN_WORDS_FOR_BOLD = 10  # fewer words give no reliable "body text" stroke width
_MIN_CHARS = 40  # fewer characters than a short sentence: a stamp or page number on a scan
_LOW_CONFIDENCE = 0.6
_BLANK_INK = 0.0002  # share of ink pixels below which a page is blank (dust, scanner noise)
_OWN_ORIENTATION_OK = 0.35  # our own check is trusted above this; else tesseract OSD decides
_COVERAGE_DPI = 50
_MISSING_TEXT = 0.3  # share of printed text the text layer lacks before we OCR the page
_MIN_MISSING_INK = 1200  # pixels at 50 dpi: about three short lines of 10 pt text
_OSD_OK = 2.0  # OSD confidence worth acting on (tesseract's scale; 15 is "very sure")


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
    text = "".join(w.text for w in page.words)
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
    chars = [c for c in _CID.sub("", text) if not c.isspace()]
    if not chars:
        return "only unmapped glyphs"
    bad = sum(1 for c in chars if c == "\ufffd" or "\ue000" <= c <= "\uf8ff" or ord(c) < 32)
    if bad > 0.05 * len(chars):
        return f"{bad} replacement or private-use characters"
    alnum = sum(1 for c in chars if c.isalnum())
    if len(chars) >= 20 and alnum < 0.5 * len(chars):
        return f"only {alnum / len(chars):.0%} letters and digits"
    singles = sum(1 for w in page.words if len(w.text.strip()) == 1)
    if len(page.words) >= 20 and singles > 0.6 * len(page.words):
        return f"{singles / len(page.words):.0%} one-character words"
    return None


# --- the recipe -----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Upright:
    image: GrayImage
    rotation: int
    skew: float
    pixel_transform: Affine  # frame pixels → original pixels


def prepare_document(doc: Document, options: ExtractOptions,
                     engine: OcrEngine | None = None) -> Document:
    """OCR every page that needs it; the others are returned unchanged.

    ``engine`` defaults to tesseract (:func:`default_engine`), created only when a page needs
    OCR, so text-only PDFs work without tesseract installed.
    """
    pages = tuple(prepare_pages(doc, options, engine))
    unchanged = all(a is b for a, b in zip(pages, doc.pages, strict=True))
    return doc if unchanged else doc.with_pages(pages)


def prepare_pages(doc: Document, options: ExtractOptions,
                  engine: OcrEngine | None = None) -> Iterator[Page]:
    """Like :func:`prepare_document`, one page at a time, so a caller can drop each page's
    image when it is done with it instead of holding every scan of a long file at once."""
    evidence = _pdf_evidence(doc, options)
    todo = [needs_ocr(page, options, has_images=has_images, missing_text=missing)[0]
            for page, (has_images, missing) in zip(doc.pages, evidence, strict=True)]
    if not any(todo):
        yield from _with_skipped_notes(doc, options).pages
        return
    engine = engine or default_engine(options.languages)
    images = _images(doc, [p for p, need in zip(doc.pages, todo, strict=True) if need], options)
    for page, need in zip(doc.pages, todo, strict=True):
        yield ocr_page(page, *next(images), engine, options) if need else page


def _pdf_evidence(doc: Document,
                  options: ExtractOptions) -> list[tuple[bool | None, float | None]]:
    """(has_images, missing_text) per page, looked at only where the text layer is thin.

    Full text pages (>= 1500 characters) cost nothing; thinner ones are rendered once at
    50 dpi (a few ms) to see whether their print holds text the layer lacks.
    """
    evidence: list[tuple[bool | None, float | None]] = [(None, None)] * len(doc.pages)
    if doc.kind != "pdf" or options.ocr != "auto":
        return evidence
    from ..load.render import pdf_page_has_images, render_pdf_pages

    thin = [i for i, p in enumerate(doc.pages)
            if p.words and p.method == "text" and sum(len(w.text) for w in p.words) < 1500]
    images = render_pdf_pages(doc.path, thin, _COVERAGE_DPI, options.max_pixels)
    for i, image in zip(thin, images, strict=True):
        page = doc.pages[i]
        sparse = sum(len(w.text) for w in page.words) < _MIN_CHARS
        has_images = pdf_page_has_images(doc.path, i) if sparse else None
        evidence[i] = (has_images, missing_text_share(image, _COVERAGE_DPI / 72, page.words))
    return evidence


def missing_text_share(image: GrayImage, scale: float, words: tuple[Word, ...]) -> float:
    """Share of the page's text-like ink (word-sized blobs) outside every text-layer word box.

    ``image`` is the page rendered at ``scale`` pixels per point. Logos and rules are not
    text-like, so a sound digital page scores near 0; a page whose body text is drawn as
    outlines or pasted in as a picture scores high. Fewer than a few lines of missing text
    (about 1200 ink pixels at 50 dpi) count as nothing.
    """
    _, binary = cv2.threshold(image, 160, 255, cv2.THRESH_BINARY_INV)
    smeared = cv2.dilate(binary, np.ones((1, 3), np.uint8))
    _n, labels, stats, _c = cv2.connectedComponentsWithStats(smeared, connectivity=8)
    w, h = stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT]
    word_like = (h >= 3) & (h <= 25 * scale * 72 / 50) & (w >= h)
    word_like[0] = False  # the background
    text_ink = word_like[labels] & (binary > 0)
    covered = np.zeros(binary.shape, dtype=bool)
    for word in words:
        b = word.bbox.expand(2.0)
        covered[max(0, int(b.top * scale)):int(b.bottom * scale) + 1,
                max(0, int(b.x0 * scale)):int(b.x1 * scale) + 1] = True
    total = int(np.count_nonzero(text_ink))
    missing = int(np.count_nonzero(text_ink & ~covered))
    if missing < _MIN_MISSING_INK * (scale * 72 / 50) ** 2:
        return 0.0
    return round(missing / total, 3)


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
    """One page through the recipe. ``scale`` = pixels of ``image`` per original page point."""
    started = time.perf_counter()
    analysis = orient.analyse(image)
    notes = list(page.notes)
    if orient.ink_fraction(analysis) < _BLANK_INK:
        notes.append(f"page {page.number}: blank page, no text recognised")
        return _result(page, image, scale, _Upright(image, 0, 0.0, Affine()), [], notes)
    frame = _make_upright(page.number, image, analysis, engine)
    words = _recognise(page.number, frame.image, scale, engine, options, notes)
    # A scan's table rules, found in the image, serve the layout as a PDF's drawn rules do.
    rules = find_rules(frame.image, scale) if words else []
    if rules:  # table cells get a second look: lone digits, text on shaded headers
        words = recognise_cells(frame.image, scale, find_grids(rules), words, engine, round(scale * 72),
                                options.ocr_timeout_s)
    # ... and so do labels whose value was not read ("Ja: [ 22 ]").
    words = recognise_after_labels(
        frame.image, scale, words, engine, round(scale * 72), options.ocr_timeout_s
    )
    log.debug("page %d: OCR %.0f ms, %d words", page.number,
              (time.perf_counter() - started) * 1000, len(words))
    return _result(page, image, scale, frame, words, notes, rules)


def _make_upright(number: int, image: GrayImage, analysis: orient.Analysis,
                  engine: OcrEngine) -> _Upright:
    rotation = _orientation(number, image, analysis, engine)
    skew = orient.estimate_skew(analysis, rotation)
    frame, pixels = orient.upright(image, rotation, skew)
    return _Upright(frame, rotation, round(skew, 2), pixels)


def _orientation(number: int, image: GrayImage, analysis: orient.Analysis,
                 engine: OcrEngine) -> int:
    """Our cheap check first; tesseract's OSD (about 0.2 s) only when that is unsure."""
    own, own_conf = orient.estimate_orientation(analysis)
    if own_conf >= _OWN_ORIENTATION_OK:
        return own
    try:
        osd, osd_conf = engine.orientation(image)
    except OcrError as exc:
        log.warning("page %d: orientation detection failed: %s", number, exc)
        osd, osd_conf = 0, 0.0
    log.debug("page %d: orientation own=%d (%.2f) osd=%d (%.1f)",
              number, own, own_conf, osd, osd_conf)
    if osd_conf >= _OSD_OK:
        return osd
    return own if own_conf > 0.15 else 0


def _recognise(number: int, image: GrayImage, scale: float, engine: OcrEngine,
               options: ExtractOptions, notes: list[str]) -> list[Word]:
    dpi = round(scale * 72)
    try:
        found = engine.recognise(_clean_for_ocr(image), dpi, timeout_s=options.ocr_timeout_s)
    except OcrTimeoutError as exc:
        notes.append(
            f"page {number}: OCR gave up after {options.ocr_timeout_s:g} s ({exc.message})")
        return []
    kept = [w for w in found if _keep(w)]
    lines = _line_extents(kept)
    boxes = [_pixel_box(w, lines.get(id(w))) for w in kept]
    bold = _bold_flags(image, boxes, [w.text for w in kept])
    words = [_to_word(w, box, scale, is_bold)
             for w, box, is_bold in zip(kept, boxes, bold, strict=True)]
    if not words:
        notes.append(f"page {number}: no text recognised")
    return words


def _clean_for_ocr(image: GrayImage) -> GrayImage:
    """Uneven light (a shadow at the spine, a darker corner) hides faint print from tesseract's
    global threshold: divide the paper's own brightness out first. Evenly lit scans are passed
    as they are: heavy print (Fraktur, bold headings) reads best untouched."""
    return evened_finely(image)


def _keep(word: OcrWord) -> bool:
    """Drop noise: symbol-only 'words' tesseract is unsure of (specks), ruling lines read as
    "|" or "____", and short tokens tesseract itself gives (almost) no confidence."""
    if word.width <= 0 or word.height <= 0:
        return False
    if word.confidence < _JUNK_CONFIDENCE and sum(c.isalpha() for c in word.text) < 5:
        return False  # tesseract gives some clear bold words no confidence ("Anlage(n):" as 0.0)
    if _RULE_TOKEN.fullmatch(word.text):
        return False
    if len(word.text) >= 2 and word.height > 2 * word.width and word.confidence < 0.5:
        return False  # a streak down the page edge or a fold read as letters ("ETEELUEEEROEDERETTN")
    rule_chars = sum(c in "_-—–=.·:" for c in word.text)
    if rule_chars >= 3 and sum(c.isalnum() for c in word.text) <= 1 and word.confidence < 0.5:
        return False  # a dotted or dashed rule with a speck read as a letter ("0...")
    return any(c.isalnum() for c in word.text) or word.confidence >= 0.5


def _line_key(word: OcrWord) -> tuple[int, int, int] | None:
    return (word.block, word.paragraph, word.line) if word.line > 0 else None


def _line_extents(words: list[OcrWord]) -> dict[int, tuple[int, int]]:
    """Top and bottom of each word's visual text line, in pixels (by ``id`` of the word).

    Tesseract's lines are the unit, but in tables it may run one "line" through cells whose
    text sits at different heights: only words whose centres lie close together share a band.
    """
    groups: dict[tuple[int, int, int], list[OcrWord]] = {}
    for w in words:
        key = _line_key(w)
        if key is not None:
            groups.setdefault(key, []).append(w)
    extents: dict[int, tuple[int, int]] = {}
    for group in groups.values():
        height = statistics.median(w.height for w in group)
        bands: list[list[OcrWord]] = []
        for w in sorted(group, key=lambda w: w.top + w.height / 2):
            cy = w.top + w.height / 2
            if bands and abs(cy - statistics.median(b.top + b.height / 2 for b in bands[-1])) < 0.5 * height:
                bands[-1].append(w)
            else:
                bands.append([w])
        for band in bands:
            top, bottom = min(w.top for w in band), max(w.top + w.height for w in band)
            for w in band:
                extents[id(w)] = (top, bottom)
    return extents


def _pixel_box(word: OcrWord, line: tuple[int, int] | None) -> tuple[int, int, int, int]:
    """The word's box in pixels, spanning its whole text line vertically, as a text layer's
    does (ascender to descender of the font): "an" and "Bebauungsplan" on one line get the
    same top, bottom and size, where tesseract's own boxes hug each word's ink."""
    top, bottom = line or (word.top, word.top + word.height)
    return word.left, top, word.left + word.width, bottom


def _bold_flags(image: GrayImage, boxes: list[tuple[int, int, int, int]],
                texts: list[str]) -> list[bool]:
    """Bold words by stroke width (ink area / half its outline), against the page's body text.

    A word is bold when its strokes are 30 % wider than the median word's *and* wider for its
    height (so a large regular title, thick only because it is large, stays regular).
    """
    if len(boxes) < _MIN_WORDS_FOR_BOLD:
        return [False] * len(boxes)
    _, ink = cv2.threshold(image, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    core = cv2.erode(ink, cv2.getStructuringElement(cv2.MORPH_CROSS, (3, 3)))
    widths: list[float] = []
    ratios: list[float] = []
    for x0, y0, x1, y1 in boxes:
        area = int(np.count_nonzero(ink[y0:y1, x0:x1]))
        outline = area - int(np.count_nonzero(core[y0:y1, x0:x1]))  # the core lies in the ink
        width = 2.0 * area / max(1, outline)
        widths.append(width)
        ratios.append(width / max(1, y1 - y0))
    body = [i for i, text in enumerate(texts) if len(text) >= 3]
    if len(body) < _MIN_WORDS_FOR_BOLD:
        return [False] * len(boxes)
    median_width = statistics.median(widths[i] for i in body)
    median_ratio = statistics.median(ratios[i] for i in body)
    return [w >= 1.3 * median_width and r >= 1.2 * median_ratio
            for w, r in zip(widths, ratios, strict=True)]


def _to_word(word: OcrWord, box: tuple[int, int, int, int], scale: float, bold: bool) -> Word:
    x0, top, x1, bottom = box
    # German text has paragraph signs, not dollars: tesseract reads "§ 34" as "$ 34".
    text = word.text.replace("$", "§") if set(word.text) <= {"$"} else word.text
    return Word(text=text, bbox=BBox(x0 / scale, top / scale, x1 / scale, bottom / scale),
                size=(bottom - top) / scale, bold=bold, confidence=round(word.confidence, 4))


def _result(
    page: Page,
    image: GrayImage,
    scale: float,
    frame: _Upright,
    words: list[Word],
    notes: list[str],
    rules: list[tuple[float, float, float, float]] | None = None,
) -> Page:
    height_px, width_px = frame.image.shape
    confidence = (sum(w.confidence for w in words) / len(words)) if words else None
    if confidence is not None and confidence < _LOW_CONFIDENCE:
        notes.append(f"page {page.number}: OCR confidence {confidence:.2f} is low")
    transform = (Affine() if frame.pixel_transform.is_identity
                 else orient.frame_to_original(frame.pixel_transform, scale, scale))
    rules = rules or []
    framed = _into_frame(page, transform.inverse())
    return framed.with_(
        method="ocr", words=tuple(words), image=frame.image, image_scale=scale,
        segments=framed.segments + tuple(rules_as_segments(rules)), grids=framed.grids + find_grids(rules),
        width=width_px / scale, height=height_px / scale,
        rotation=frame.rotation, skew_degrees=frame.skew, transform=transform,
        original_width=page.original_width or page.width,
        original_height=page.original_height or page.height,
        ocr_confidence=None if confidence is None else round(confidence, 4),
        notes=tuple(notes))


def _into_frame(page: Page, to_frame: Affine) -> Page:
    """Move a PDF page's vector objects (original points) into the new upright frame."""
    if to_frame.is_identity or not (page.rects or page.segments or page.widgets or page.grids):
        return page

    def seg(s: Segment) -> Segment:
        (x0, y0), (x1, y1) = to_frame.point(s.x0, s.y0), to_frame.point(s.x1, s.y1)
        return replace(s, x0=x0, y0=y0, x1=x1, y1=y1)

    def grid(g: Grid) -> Grid:
        rows = tuple(tuple(None if c is None else to_frame.box(c) for c in row) for row in g.rows)
        return Grid(bbox=to_frame.box(g.bbox), rows=rows)

    return page.with_(
        rects=tuple(replace(r, bbox=to_frame.box(r.bbox)) for r in page.rects),
        segments=tuple(seg(s) for s in page.segments),
        widgets=tuple(replace(w, bbox=to_frame.box(w.bbox)) for w in page.widgets),
        grids=tuple(grid(g) for g in page.grids))
