"""One page through OCR: orientation → skew → upright frame → engine → words in frame points,
table rules from the picture, second looks at cells and label values, bold flags, and the
transform back to the original page.

The picture is read once into ink (Otsu's threshold of the upright frame), which the rules,
the second looks and the bold flags share.
"""

from __future__ import annotations

import logging
import os
import re
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, NamedTuple

import cv2
import numpy as np

from ..errors import OcrError
from ..geometry import Affine, BBox
from ..load.grids import find_grids
from ..pagemodel import GrayImage, Grid, Page, Segment, Word
from ..paper import evened_finely, evenly_lit, otsu_ink
from . import orientation as orient
from .cells import page_ink, recognise_after_labels, recognise_cells
from .engine import OcrEngine, OcrTimeoutError, OcrWord
from .rules import find_rules, rules_as_segments
from .turned import recognise_turned

if TYPE_CHECKING:
    from ..options import ExtractOptions

log = logging.getLogger(__name__)

# OpenCV on one thread, as Tesseract (OMP_THREAD_LIMIT=1): documents are what runs in parallel
# (batch --jobs). Its thread pool costs more than it gains on a page's many short calls: on two
# shared cores a scan page's work beside Tesseract took 25-65 ms longer with two threads (and
# more CPU time). Who sets OPENCV_FOR_THREADS_NUM decides for themselves.
if "OPENCV_FOR_THREADS_NUM" not in os.environ:
    cv2.setNumThreads(1)

# Table rules and form lines as OCR sees them: "|", "||", "¦", "____", "-----", "======".
_RULE_TOKEN = re.compile(r"[|¦]+|[_\-—–=.]{3,}")
_JUNK_CONFIDENCE = 0.05
_MIN_WORDS_FOR_BOLD = 10  # fewer words give no reliable "body text" stroke width
_LOW_CONFIDENCE = 0.6
_BLANK_INK = 0.0002  # share of ink pixels below which a page is blank (dust, scanner noise)
_OWN_ORIENTATION_OK = 0.35  # our own check is trusted above this; else tesseract OSD decides
_OWN_ORIENTATION_LEANS = 0.15  # ... and below that it has no idea: the page is read as it is
_UPRIGHT_WORDS = 3  # well-read words across the frame that show the page upright without OSD
_UPRIGHT_CONFIDENCE = 0.8
_OSD_OK = 2.0  # OSD confidence worth acting on (tesseract's scale; 15 is "very sure")


@dataclass(frozen=True, slots=True)
class _Upright:
    image: GrayImage
    rotation: int
    skew: float
    pixel_transform: Affine  # frame pixels → original pixels


def ocr_page(page: Page, image: GrayImage, scale: float, engine: OcrEngine,
             options: ExtractOptions) -> Page:
    """One page through the recipe. ``scale`` = pixels of ``image`` per original page point."""
    started = time.perf_counter()
    analysis = orient.analyse(image)
    notes = list(page.notes)
    if orient.ink_fraction(analysis) < _BLANK_INK:
        notes.append(f"page {page.number}: blank page, no text recognised")
        return _result(page, image, scale, _Upright(image, 0, 0.0, Affine()), [], notes)
    frame, words, said, _ = _read_upright(page.number, image, analysis, scale, engine, options)
    notes += said
    # The frame's ink (Otsu), worked out once for the reading's bold flags and kept with the
    # image: the rules and the second looks share it, and on an evenly lit page it is the
    # checkbox detector's ink as well.
    otsu, ink = otsu_ink(frame.image)
    # A scan's table rules, found in the image, serve the layout as a PDF's drawn rules do.
    # On an unevenly lit page Otsu takes the shadow for ink: rules are sought with the light evened.
    rules = find_rules(frame.image, scale, ink if evenly_lit(frame.image) else None) if words else []
    grids = find_grids(rules) if rules else ()
    cell_ink = page_ink(frame.image, (otsu, ink))
    if rules:  # table cells get a second look: lone digits, text on shaded headers
        words = recognise_cells(frame.image, scale, grids, words, engine, round(scale * 72),
                                options.ocr_timeout_s, cell_ink)
    # ... and so do labels whose value was not read ("Ja: [ 22 ]").
    words = recognise_after_labels(
        frame.image, scale, words, engine, round(scale * 72), options.ocr_timeout_s, cell_ink
    )
    turned: list[Word] = []
    if grids:  # column headers turned 90° to fit narrow columns
        words, turned = recognise_turned(frame.image, scale, grids, words, engine, round(scale * 72),
                                         options.ocr_timeout_s, cell_ink)
    log.debug("page %d: OCR %.0f ms, %d words", page.number,
              (time.perf_counter() - started) * 1000, len(words))
    return _result(page, image, scale, frame, words, notes, rules, grids, turned)



class _Reading(NamedTuple):
    frame: _Upright
    words: list[Word]
    notes: list[str]
    gave_up: bool  # tesseract stopped at the time limit: the page is not read again


def _read_upright(number: int, image: GrayImage, analysis: orient.Analysis, scale: float,
                  engine: OcrEngine, options: ExtractOptions) -> _Reading:
    """The page turned upright and its words, with what is to be noted of the reading.

    Our cheap check decides the orientation when it is sure. When it is not (a page of a few
    lines gives it too few words to vote), the page is read as the check leans, and tesseract's
    OSD (0.1-0.25 s a page) is asked only when that reading does not show upright text; if
    OSD is sure of another turn, the page is read again that way. If OSD is not sure either
    (it often is not of a few lines), and the reading found words but no upright text, the
    page is read turned as those words suggest (round, or by a quarter either way), and a
    turned reading is kept if it shows upright text. A reading tesseract gave up on at the
    time limit is kept as it is: another would take as long.
    """
    def read(rotation: int) -> _Reading:
        frame = _upright_at(image, analysis, rotation)
        notes: list[str] = []
        words = _recognise(number, frame.image, scale, engine, options, notes,
                           otsu_ink(frame.image)[1])
        return _Reading(frame, words or [], notes, words is None)

    own, own_conf = orient.estimate_orientation(analysis)
    rotation = own if own_conf > _OWN_ORIENTATION_LEANS else 0
    first = read(rotation)
    if first.gave_up or own_conf >= _OWN_ORIENTATION_OK or _reads_upright(first.words):
        return first
    osd = _osd_rotation(number, image, engine)
    log.debug("page %d: orientation own=%d (%.2f) osd=%s", number, own, own_conf, osd)
    if osd is not None:
        return first if osd == rotation else read(osd)
    long = _long_words(first.words)
    if len(long) < _UPRIGHT_WORDS:
        return first  # next to nothing read (specks, a stamp): turning it reads no more
    # Text read as vertical lines lies turned by a quarter (either way); else it may be upside down.
    vertical = 2 * sum(w.bbox.height > w.bbox.width for w in long) > len(long)
    for turn in (90, 270) if vertical else (180,):
        turned = read((rotation + turn) % 360)
        if _reads_upright(turned.words):
            return turned
    return first


def _upright_at(image: GrayImage, analysis: orient.Analysis, rotation: int) -> _Upright:
    skew = orient.estimate_skew(analysis, rotation)
    frame, pixels = orient.upright(image, rotation, skew)
    return _Upright(frame, rotation, round(skew, 2), pixels)


def _osd_rotation(number: int, image: GrayImage, engine: OcrEngine) -> int | None:
    """Tesseract's OSD: the turn making the page upright, or None when it is not sure."""
    try:
        osd, osd_conf = engine.orientation(image)
    except OcrError as exc:
        log.warning("page %d: orientation detection failed: %s", number, exc)
        return None
    return osd if osd_conf >= _OSD_OK else None


def _reads_upright(words: Sequence[Word]) -> bool:
    """The words read show upright text: at least three words of three letters or digits are
    read with confidence and lie across the frame, and they are half of all such words.
    Tesseract reads text turned by 90° too, but as vertical lines (boxes taller than wide);
    turned by 180° it reads garbage with low confidence, of which only a few words look sure
    ("und" upside down is "pun")."""
    long = _long_words(words)
    sure = [w for w in long
            if w.confidence >= _UPRIGHT_CONFIDENCE and w.bbox.width > w.bbox.height]
    return len(sure) >= _UPRIGHT_WORDS and 2 * len(sure) >= len(long)


def _long_words(words: Sequence[Word]) -> list[Word]:
    """Words of three letters or digits or more: what a reading's orientation is judged by."""
    return [w for w in words if sum(c.isalnum() for c in w.text) >= 3]


def _recognise(number: int, image: GrayImage, scale: float, engine: OcrEngine,
               options: ExtractOptions, notes: list[str], ink: GrayImage) -> list[Word] | None:
    """The page's words; None when tesseract gave up at the time limit (noted)."""
    dpi = round(scale * 72)
    try:
        found = engine.recognise(_clean_for_ocr(image), dpi, timeout_s=options.ocr_timeout_s)
    except OcrTimeoutError as exc:
        notes.append(
            f"page {number}: OCR gave up after {options.ocr_timeout_s:g} s ({exc.message})")
        return None
    kept = [w for w in found if _keep(w)]
    lines = _line_extents(kept)
    boxes = [_pixel_box(w, lines.get(id(w))) for w in kept]
    bold = _bold_flags(ink, boxes, [w.text for w in kept])
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


def _bold_flags(ink: GrayImage, boxes: list[tuple[int, int, int, int]],
                texts: list[str]) -> list[bool]:
    """Bold words by stroke width (ink area / half its outline), against the page's body text.

    A word is bold when its strokes are 30 % wider than the median word's *and* wider for its
    height (so a large regular title, thick only because it is large, stays regular). ``ink``
    is the page's Otsu ink (255).
    """
    if len(boxes) < _MIN_WORDS_FOR_BOLD:
        return [False] * len(boxes)
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
    # A table rule touching a word is read into it ("Jugendhilfeausschuss|"): German has no "|".
    if "|" in text and any(c.isalnum() for c in text):
        text = text.strip("|")
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
    grids: tuple[Grid, ...] = (),
    turned: Sequence[Word] = (),
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
        method="ocr", words=tuple(words), vertical_words=tuple(turned),
        image=frame.image, image_scale=scale,
        segments=framed.segments + tuple(rules_as_segments(rules)), grids=framed.grids + grids,
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
