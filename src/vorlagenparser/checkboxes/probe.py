"""Boxes typed or drawn before an option label on scans, found by looking at the ink there.

Typewritten forms print their options as "[ ] öffentlich", "( ) einstimmig" or "O vertagt",
ticked by an overtyped "x" or by hand. OCR reads such a box as "Ei", "[IM", "„X" or not at
all, so the text cannot say whether it was ticked. Where a known option label starts a phrase
and no box was found before it, the ink just left of the label is examined: a cluster of
strokes as tall as the text (brackets, a square, a circle) is a box; ink in its middle is a
tick. OCR's readings of the box go from the words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..geometry import BBox, intersection_area
from ..inkblobs import blob_stats
from ..pagemodel import GrayImage, Mark, Page, Word
from . import LabelMatcher
from .raster import binarise


@dataclass(frozen=True, slots=True)
class ProbeSettings:
    reach: float = 3.2  # look this many text heights left of the label
    gap: float = 0.12  # ... up to this close to it
    min_height: float = 0.45  # box strokes are at least this share of the text height
    min_width: float = 0.5  # a box is at least this wide (× text height) ...
    max_width: float = 2.6  # ... and at most this wide
    tick_threshold: float = 0.07  # ink share in the box's middle above which it is ticked
    ambiguous_band: float = 0.03


def probe_marks(page: Page, found: Sequence[Mark], is_label: LabelMatcher,
                settings: ProbeSettings | None = None,
                ink: GrayImage | None = None) -> tuple[list[Mark], tuple[Word, ...]]:
    """Marks found before option labels, and the page's words without OCR's readings of them.
    ``ink`` is ``binarise(page.image)`` when the caller has it already."""
    if page.image is None or page.method != "ocr":
        return [], page.words
    s = settings or ProbeSettings()
    ink = binarise(page.image) if ink is None else ink
    marks: list[Mark] = []
    readings: set[int] = set()
    cells = [c for g in page.grids for r in g.rows for c in r if c is not None]
    for row in _rows(page.words):
        for i, word in enumerate(row):
            # The word's own tests first: they are cheap and rule out most words, which the
            # vocabulary then need not look at (each test only skips the word).
            if len(word.text) <= 2 and word.confidence < 0.6:
                continue  # "N", "J" read from a dark page edge or a stain: too little to go on
            reading = _readings_before(row, i)
            if i and not reading and row[i].bbox.x0 - row[i - 1].bbox.x1 < 1.2 * max(word.bbox.height, 4.0):
                continue  # the label runs on from text before it
            if not is_label(row[i:]) or (i and is_label(row[i - 1:]) > 1):
                continue  # no label here, or the word before starts one that runs on ("zur Kenntnis …")
            if _header_cell(word, cells):
                continue  # a label in a table cell heads its column; its boxes are in the rows
            before = [w for w in row[:i] if all(w is not r for r in reading)]
            mark = _probe(ink, page.image_scale, word, before, [*found, *marks], s)
            if mark is not None:
                marks.append(mark)
                readings.update(id(r) for r in reading)
    if not marks:
        return [], page.words
    return marks, tuple(w for w in page.words if id(w) not in readings and not _reads_a_mark(w, marks))


def _rows(words: Sequence[Word]) -> list[list[Word]]:
    rows: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.bbox.cy, w.bbox.x0)):
        if rows and abs(rows[-1][-1].bbox.cy - w.bbox.cy) < 0.5 * max(w.bbox.height, 1.0):
            rows[-1].append(w)
        else:
            rows.append([w])
    return [sorted(r, key=lambda w: w.bbox.x0) for r in rows]


def _header_cell(word: Word, cells: Sequence[BBox]) -> bool:
    """The label stands in a ruled cell with no room for a box before it."""
    for c in cells:
        if c.x0 <= word.bbox.cx <= c.x1 and c.top <= word.bbox.cy <= c.bottom:
            return word.bbox.x0 - c.x0 < 1.2 * word.bbox.height
    return False


def _readings_before(row: list[Word], i: int) -> list[Word]:
    """Short tokens right before the label that open its option (first on the line or after a
    gap): OCR's reading of the box ("IM", "[IM", "„X", or "[" and "]" apart), whatever their
    confidence. Empty when the label runs on from text."""
    h = max(row[i].bbox.height, 4.0)
    run: list[Word] = []
    j = i - 1
    nxt = row[i]
    while j >= 0 and len(run) < 3:
        prev = row[j]
        # Two letters ("IM", "Ei"), or signs that are no letters ("[IM", "„X"); a word of three
        # letters read with confidence ("TOP") is text.
        boxlike = len(prev.text) <= 2 or not prev.text.isalpha() or prev.confidence < 0.6
        if not boxlike or len(prev.text) > 4 or nxt.bbox.x0 - prev.bbox.x1 > 1.5 * h:
            break
        run.append(prev)
        nxt = prev
        j -= 1
    if not run:
        return []
    opens = j < 0 or run[-1].bbox.x0 - row[j].bbox.x1 > 1.2 * h
    return run if opens else []


def _box_reading(word: Word) -> bool:
    """A short token that is no word: what OCR makes of a typed or ticked box."""
    return len(word.text) <= 4 and (word.confidence < 0.8 or not word.text.isalpha()
                                    or any(c in word.text for c in "[]()|{}„"))


def _probe(ink: GrayImage, scale: float, label: Word, before: Sequence[Word], found: Sequence[Mark],
           s: ProbeSettings) -> Mark | None:
    h = label.bbox.height
    region = BBox(label.bbox.x0 - s.reach * h, label.bbox.top, label.bbox.x0 - s.gap * h, label.bbox.bottom)
    if any(intersection_area(m.bbox, region) > 0.3 * m.bbox.area for m in found):
        return None  # the box before the label is found (the line above may touch the region)
    if any(intersection_area(w.bbox, region) > 0.3 * w.bbox.area and not _box_reading(w) for w in before):
        return None  # text stands there (a word of the line), no box
    x0, y0 = max(0, int(region.x0 * scale)), max(0, int(region.top * scale))
    x1, y1 = int(region.x1 * scale), int(region.bottom * scale)
    patch = ink[y0:y1, x0:x1]
    if patch.size == 0 or not patch.any():
        return None
    _, stats = blob_stats(patch)
    tall = [st for st in stats if st[3] >= s.min_height * h * scale]
    if not tall:
        return None
    # The box is the cluster of strokes that ends next to the label.
    tall.sort(key=lambda st: -(st[0] + st[2]))
    left, right = tall[0][0], tall[0][0] + tall[0][2]
    top, bottom = tall[0][1], tall[0][1] + tall[0][3]
    for st in tall[1:]:
        if st[0] + st[2] < left - 1.2 * h * scale:
            break  # brackets stand a typed space apart: "[ ]"
        left, top, bottom = min(left, st[0]), min(top, st[1]), max(bottom, st[1] + st[3])
    width = (right - left) / scale
    if not s.min_width * h <= width <= s.max_width * h:
        return None
    if not _boxlike(patch[top:bottom, left:right]):
        return None  # a letter or a scribble, not brackets, a square or a circle
    box = BBox((x0 + left) / scale, (y0 + top) / scale, (x0 + right) / scale, (y0 + bottom) / scale)
    share = _middle_ink(patch[top:bottom, left:right])
    checked = share >= s.tick_threshold
    distance = abs(share - s.tick_threshold)
    ambiguous = distance < s.ambiguous_band
    confidence = round(min(0.9, 0.55 + 3 * distance), 3)
    return Mark(bbox=box, checked=checked, confidence=confidence, source="raster", ambiguous=ambiguous)


def _boxlike(box: np.ndarray) -> bool:
    """Brackets, a square or a circle: ink stands on both sides over much of the height."""
    h, w = box.shape
    side = max(1, w // 6)
    left = np.count_nonzero(box[:, :side].any(axis=1))
    right = np.count_nonzero(box[:, -side:].any(axis=1))
    return bool(min(left, right) >= 0.5 * h)


def _middle_ink(box: np.ndarray) -> float:
    """Ink share of the box's middle: the space between brackets, inside a square or circle."""
    h, w = box.shape
    mid = box[
        int(0.2 * h) : max(int(0.2 * h) + 1, int(0.8 * h)),
        int(0.28 * w) : max(int(0.28 * w) + 1, int(0.72 * w)),
    ]
    return float(np.count_nonzero(mid)) / max(1, mid.size)


def _reads_a_mark(word: Word, marks: Sequence[Mark]) -> bool:
    area = word.bbox.area
    return area > 0 and _box_reading(word) and \
        max(intersection_area(word.bbox, m.bbox) for m in marks) >= 0.3 * area
