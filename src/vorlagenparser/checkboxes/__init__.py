"""Checkbox detection: every detector over a page, in a fixed order, with duplicates merged."""

from __future__ import annotations

from dataclasses import replace

from ..geometry import overlap_ratio
from ..pagemodel import Mark, Page
from .acroform import detect_acroform
from .glyph import detect_glyphs
from .vector import detect_vector

__all__ = ["detect"]

# When two detectors see the same box, the more direct evidence wins.
_PRIORITY = {"acroform": 0, "glyph": 1, "vector": 2, "raster": 3}


def detect(page: Page) -> tuple[Page, tuple[Mark, ...]]:
    """Find the page's checkboxes; return the page without glyph boxes in its words, and the marks."""
    glyph_marks, words = detect_glyphs(page)
    page = page.with_(words=words)
    marks = [*detect_acroform(page), *glyph_marks, *detect_vector(page)]
    # Raster boxes need the recognised words to tell a box from a letter: no OCR, no raster boxes.
    if page.method == "ocr" and page.image is not None and page.words:
        from .raster import detect_raster, words_outside_marks

        raster = detect_raster(page)
        marks.extend(raster)
        # OCR reads printed boxes as "[_]", "LI]", "O": they are boxes, not words.
        page = page.with_(words=words_outside_marks(page.words, raster))
    return page, tuple(_merge(marks))


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
    return sorted(kept, key=lambda m: (round(m.bbox.top), m.bbox.x0))
