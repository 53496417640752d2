"""Ticks and crosses written into bare table cells on scans (no box printed around them).

Result grids are often ticked by hand in plain cells under their column headers. Inside each
ruled cell of a scan, what ink is left once the cell's rules and the confidently read words are
taken away is a mark — if it is mark-sized: larger than a speck, smaller than the cell, and no
thin remnant of a rule. OCR's readings of such ticks ("v", "NV", "J") go from the words.
The marks are unframed (``Mark.framed`` False): only a table column gives them a meaning.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from ..geometry import BBox, intersection_area
from ..inkblobs import blob_stats
from ..pagemodel import Mark, Page, Word
from .raster import binarise


@dataclass(frozen=True, slots=True)
class TickSettings:
    min_mm: float = 1.8  # a mark is at least this tall or wide
    max_share: float = 0.8  # of the cell's width
    max_height_share: float = 0.97  # of its height: a hand tick may fill a low row (rules are thin)
    border_pt: float = 1.6  # the rules' width, cut off the cell's inside
    min_ink: float = 0.04  # share of the mark's box that is ink
    max_aspect: float = 5.0  # a longer, thinner blob is a rule remnant or an underline
    word_confidence: float = 0.6  # words read at least this well are text, not ticks


def detect_raster_ticks(page: Page, framed: list[Mark], settings: TickSettings | None = None,
                        ink: np.ndarray | None = None) -> list[Mark]:
    """Ticks in the page's ruled cells. ``ink`` is ``binarise(page.image)`` when the caller has
    it already; it is only read (the words and boxes are cleared from a copy)."""
    if page.image is None or not page.grids:
        return []
    s = settings or TickSettings()
    scale = page.image_scale
    # Copied only for pages with a table: binarise's ink is shared and read-only.
    ink = (binarise(page.image) if ink is None else ink).copy()
    cells = [c for g in page.grids for r in g.rows for c in r if c is not None]
    for w in page.words:
        # Cheap tests first: the page's words are many, its short unsure readings few.
        if _text(w, s) and not (_short_unsure(w) and _alone(w, page.words, cells)
                                and _one_stroke(ink, w, scale)):
            _clear(ink, w.bbox.expand(0.5), scale)
    for w in page.vertical_words:  # column headers turned 90°
        _clear(ink, w.bbox.expand(0.5), scale)
    for m in framed:
        _clear(ink, m.bbox.expand(1.0), scale)
    min_px = s.min_mm / 25.4 * 72 * scale
    out = []
    for grid in page.grids:
        for row in grid.rows:
            for cell in row:
                if cell is not None:
                    out += _cell_marks(ink, cell, scale, min_px, s)
    # Ink right beside a printed box is a tick that overran it or a letter of its label: the
    # box answers for it.
    out = [t for t in out if not any(_near(t.bbox, m.bbox) for m in framed)]
    # Ink touching a word on its line is a letter OCR's box left out ("nicht" without its "t").
    return [t for t in out if not any(_touches(t.bbox, w.bbox) for w in page.words)]


def _touches(tick: BBox, word: BBox) -> bool:
    gap = max(word.x0 - tick.x1, tick.x0 - word.x1)
    overlap = min(tick.bottom, word.bottom) - max(tick.top, word.top)
    return -1.0 <= gap <= 1.0 and overlap > 0.5 * min(tick.height, word.height)  # beside, not over it


def _near(tick: BBox, box: BBox) -> bool:
    reach = max(box.width, box.height)
    dx = max(box.x0 - tick.x1, tick.x0 - box.x1, 0.0)
    dy = max(box.top - tick.bottom, tick.top - box.bottom, 0.0)
    return dx <= reach and dy <= reach


def _text(word: Word, s: TickSettings) -> bool:
    """Words that are text, not OCR's reading of a tick: numbers (written counts), and words
    read with some confidence."""
    if any(c.isdigit() for c in word.text):
        return True
    alnum = sum(c.isalnum() for c in word.text)
    return (word.confidence >= s.word_confidence and alnum >= 2) or (word.confidence >= 0.9 and alnum >= 1)


def _alone(word: Word, words: tuple[Word, ...], cells: list[BBox]) -> bool:
    """The word is the only one in its ruled cell (a tick stands alone; "lt." of a header
    "lt. Vorlage" does not)."""
    def inside(w: Word, c: BBox) -> bool:
        return c.x0 <= w.bbox.cx <= c.x1 and c.top <= w.bbox.cy <= c.bottom

    cell = next((c for c in cells if inside(word, c)), None)
    return cell is not None and not any(w is not word and inside(w, cell) for w in words)


def _short_unsure(word: Word) -> bool:
    """Two or three signs with a letter, read without much confidence: a count ("12") or a sure
    reading ("TOP", "Ja" whose letters a worn scan joins) is text."""
    signs = sum(c.isalnum() for c in word.text)
    return 2 <= signs <= 3 and any(c.isalpha() for c in word.text) and word.confidence < 0.9


def _one_stroke(ink: np.ndarray, word: Word, scale: float) -> bool:
    """A short "word" whose ink is one connected stroke across its width is a hand tick OCR read
    as letters ("NG", "v4"): printed letters and digits stand apart."""
    h, w = ink.shape
    x0, y0 = max(0, int(word.bbox.x0 * scale)), max(0, int(word.bbox.top * scale))
    x1, y1 = min(w, int(word.bbox.x1 * scale) + 1), min(h, int(word.bbox.bottom * scale) + 1)
    patch = ink[y0:y1, x0:x1]
    if patch.size == 0 or not patch.any():
        return False
    _, stats = blob_stats(patch)
    widest = max(int(st[2]) for st in stats)
    return bool(widest >= 0.8 * patch.shape[1])


def _clear(ink: np.ndarray, box: BBox, scale: float) -> None:
    h, w = ink.shape
    x0, y0 = max(0, int(box.x0 * scale)), max(0, int(box.top * scale))
    x1, y1 = min(w, int(box.x1 * scale) + 1), min(h, int(box.bottom * scale) + 1)
    if x1 > x0 and y1 > y0:
        ink[y0:y1, x0:x1] = 0


def _cell_marks(ink: np.ndarray, cell: BBox, scale: float, min_px: float, s: TickSettings) -> list[Mark]:
    inner = cell.expand(-s.border_pt)
    if inner.width <= 0 or inner.height <= 0:
        return []
    x0, y0 = int(inner.x0 * scale), int(inner.top * scale)
    x1, y1 = int(inner.x1 * scale), int(inner.bottom * scale)
    patch = ink[y0:y1, x0:x1]
    if patch.size == 0 or not patch.any():
        return []
    _, stats = blob_stats(np.asarray(cv2.dilate(patch, np.ones((3, 3), np.uint8)), dtype=np.uint8))
    out = []
    for bx, by, bw, bh, _area in stats.tolist():
        too_big = bw > s.max_share * patch.shape[1] or bh > s.max_height_share * patch.shape[0]
        if max(bw, bh) < min_px or too_big:
            continue
        if max(bw, bh) > s.max_aspect * max(1, min(bw, bh)):
            continue
        blob = patch[by:by + bh, bx:bx + bw]
        if np.count_nonzero(blob) < s.min_ink * bw * bh or _outline(blob):
            continue
        box = BBox((x0 + bx) / scale, (y0 + by) / scale, (x0 + bx + bw) / scale, (y0 + by + bh) / scale)
        out.append(Mark(bbox=box, checked=True, confidence=0.85, source="raster", framed=False))
    return out


def _outline(blob: np.ndarray) -> bool:
    """A drawn write-in box: ink runs along all four of its sides (a tick touches two)."""
    edge = max(2, min(blob.shape) // 8)
    sides = (blob[:edge, :], blob[-edge:, :], blob[:, :edge], blob[:, -edge:])
    return all(
        np.count_nonzero(side.any(axis=0 if i < 2 else 1))
        >= 0.7 * (side.shape[1] if i < 2 else side.shape[0])
        for i, side in enumerate(sides)
    )


def words_outside_ticks(words: tuple[Word, ...], ticks: list[Mark]) -> tuple[Word, ...]:
    """The words minus OCR's readings of the ticks ("v", "NV", "J" over a hand tick)."""
    if not ticks:
        return words

    def on_a_tick(word: Word) -> bool:
        area = word.bbox.area
        return area > 0 and max(intersection_area(word.bbox, m.bbox) for m in ticks) / area >= 0.4

    return tuple(w for w in words if not on_a_tick(w))
