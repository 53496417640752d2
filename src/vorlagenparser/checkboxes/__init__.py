"""Checkbox detection: every detector over a page, in a fixed order, with duplicates merged."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from ..geometry import BBox, overlap_ratio, vertical_overlap
from ..pagemodel import Mark, Page, Word
from .acroform import detect_acroform
from .bare import detect_bare_vector
from .glyph import detect_glyphs
from .vector import detect_vector

__all__ = ["LabelMatcher", "detect"]

# Given the words from a phrase's start, how many of them form a known option label (0: none).
LabelMatcher = Callable[[Sequence[Word]], int]

# When two detectors see the same box, the more direct evidence wins.
_PRIORITY = {"acroform": 0, "glyph": 1, "vector": 2, "raster": 3}


def detect(page: Page, is_label: LabelMatcher | None = None) -> tuple[Page, tuple[Mark, ...]]:
    """Find the page's checkboxes; return the page without glyph boxes in its words, and the marks.

    ``is_label`` tells option labels ("einstimmig") from other words: on scans, the ink before
    such a label is probed for a typed or drawn box (:mod:`.probe`)."""
    glyph_marks, words = detect_glyphs(page)
    page = page.with_(words=words)
    marks = [*detect_acroform(page), *glyph_marks, *detect_vector(page)]
    marks += detect_bare_vector(page, [m for m in marks if m.framed])
    # Raster boxes need the recognised words to tell a box from a letter: no OCR, no raster boxes.
    # (OpenCV loads with them: digital pages never need it.)
    if page.method == "ocr" and page.image is not None and page.words:
        from .probe import probe_marks
        from .raster import binarise, detect_raster, words_outside_marks

        ink = binarise(page.image)  # one ink picture for the three raster detectors
        raster = detect_raster(page, binary=ink)
        marks.extend(raster)
        # OCR reads printed boxes as "[_]", "LI]", "O": they are boxes, not words. A marked box
        # may also be read as the first letters of its label ("Kluie" for "☒ wie"): cut them off.
        words = words_outside_marks(page.words, raster)
        page = page.with_(words=tuple(_without_box_prefix(w, raster) for w in words))
        from .ticks import detect_raster_ticks, words_outside_ticks

        ticks = detect_raster_ticks(page, [m for m in marks if m.framed], ink=ink)
        marks.extend(ticks)
        page = page.with_(words=words_outside_ticks(page.words, ticks))
        if is_label is not None:
            probed, words = probe_marks(page, marks, is_label, ink=ink)
            marks.extend(probed)
            page = page.with_(words=words)
    return page, tuple(_merge(marks))


# Characters OCR makes of a box or a tick in it ("Döffentlich", "[Kenntnis", "Xlaut").
_BOX_READINGS = frozenset("[](){}|IlJLDOoQ0XxKkMNWV✓✔☐☒®@")


def _without_box_prefix(word: Word, marks: list[Mark]) -> Word:
    """A word OCR ran over a box: its box starts on the mark. The part over the mark goes;
    of its text only characters that read a box ("D", "[", "X") go, never letters of the label."""
    b = word.bbox
    for m in marks:
        starts_on_box = m.bbox.x0 - 2 <= b.x0 < m.bbox.x1 < b.x1 and vertical_overlap(m.bbox, b) > 0.5
        if starts_on_box and len(word.text) > 2:
            n = round((m.bbox.x1 - b.x0) / b.width * len(word.text))
            if not 0 < n < len(word.text):
                continue
            cut = 0
            while cut < n and word.text[cut] in _BOX_READINGS:
                cut += 1
            return replace(word, text=word.text[cut:], bbox=BBox(m.bbox.x1, b.top, b.x1, b.bottom))
    return word


def _merge(marks: list[Mark]) -> list[Mark]:
    """One mark per box. A tick printed over an empty box (two glyphs, or a glyph on a drawn
    square) ticks it; the larger box is kept as the box."""
    kept: list[Mark] = []
    for mark in sorted(marks, key=lambda m: _PRIORITY[m.source]):
        same = next((i for i, k in enumerate(kept) if overlap_ratio(k.bbox, mark.bbox) > 0.5), None)
        if same is None:
            kept.append(mark)
            continue
        k = kept[same]
        if mark.checked and not k.checked and k.source != "acroform":
            box = k.bbox if k.bbox.area >= mark.bbox.area else mark.bbox
            kept[same] = replace(k, bbox=box, checked=True, confidence=min(k.confidence, mark.confidence))
        if mark.framed and not kept[same].framed:  # a tick printed over a box ticks the box
            kept[same] = replace(kept[same], bbox=mark.bbox, framed=True)
    return sorted(kept, key=lambda m: (round(m.bbox.top), m.bbox.x0))
