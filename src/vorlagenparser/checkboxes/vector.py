"""Checkboxes drawn as vector graphics: small square rects, ticked by strokes, fills or glyphs inside."""

from __future__ import annotations

from dataclasses import dataclass

from ..geometry import BBox, contains, overlap_ratio
from ..pagemodel import Mark, Page, Rect, Segment

# Marks drawn inside a box ("X", "✓", "✔") count as ticks.
_TICK_TEXT = frozenset("xX✓✔✗✘×")


@dataclass(frozen=True, slots=True)
class VectorSettings:
    min_side: float = 4.5  # points; 1.6 mm
    max_side: float = 22.0  # points; 7.8 mm, larger squares are table cells
    max_aspect: float = 1.35
    min_stroke_fraction: float = 0.35  # of the box side, for a stroke to count as a tick
    dark_fill: float = 0.55  # grey level below which a fill is ink


def detect_vector(page: Page, settings: VectorSettings | None = None) -> list[Mark]:
    s = settings or VectorSettings()
    candidates = _square_rects(page.rects, s) + _squares_from_segments(page.segments + _rules(page.rects), s)
    marks = []
    boxes = _dedupe(candidates)
    # A segment's box is made anew on each ask: once per page here, not once per box; so are
    # the words that read as a tick.
    strokes = [seg.bbox for seg in page.segments] if boxes else []
    ticks = [w.bbox for w in page.words if w.text.strip() in _TICK_TEXT] if boxes else []
    for box in boxes:
        checked, confidence = _is_ticked(page, box, s, strokes, ticks)
        marks.append(Mark(bbox=box.bbox, checked=checked, confidence=confidence, source="vector"))
    return marks


def _square_rects(rects: tuple[Rect, ...], s: VectorSettings) -> list[Rect]:
    out = []
    for r in rects:
        w, h = r.bbox.width, r.bbox.height
        if not (s.min_side <= w <= s.max_side and s.min_side <= h <= s.max_side):
            continue
        if max(w, h) / max(min(w, h), 0.01) > s.max_aspect:
            continue
        # An unstroked, unfilled or white-filled rect without a border is invisible: no box.
        if not r.stroke and not (r.fill and (r.fill_gray is None or r.fill_gray < s.dark_fill)):
            continue
        out.append(r)
    return out


def _rules(rects: tuple[Rect, ...], thin: float = 1.5) -> tuple[Segment, ...]:
    """Word and other exporters draw rules as thin filled rectangles: each is a line segment."""
    out = []
    for r in rects:
        b = r.bbox
        if b.height <= thin < b.width:
            out.append(Segment(b.x0, b.cy, b.x1, b.cy, b.height))
        elif b.width <= thin < b.height:
            out.append(Segment(b.cx, b.top, b.cx, b.bottom, b.width))
    return tuple(out)


def _squares_from_segments(segments: tuple[Segment, ...], s: VectorSettings) -> list[Rect]:
    """Boxes drawn as four separate lines (or an open path): two horizontals closed by verticals."""
    def fits(length: float) -> bool:
        return s.min_side <= length <= s.max_side

    horizontal = [g.bbox for g in segments if g.is_horizontal and fits(g.bbox.width)]
    vertical = [g.bbox for g in segments if g.is_vertical and fits(g.bbox.height)]
    if len(horizontal) < 2 or len(vertical) < 2:
        return []
    tol = 1.0
    out = []
    horizontal.sort(key=lambda b: (b.x0, b.top))
    for i, top in enumerate(horizontal):
        for bottom in horizontal[i + 1:]:
            if bottom.x0 - top.x0 > tol:
                break
            height = bottom.top - top.top
            if abs(bottom.x1 - top.x1) > tol or not fits(height):
                continue
            if max(top.width, height) / max(min(top.width, height), 0.01) > s.max_aspect:
                continue
            sides = [v for v in vertical if v.top <= top.top + tol and v.bottom >= bottom.top - tol]
            left = any(abs(v.x0 - top.x0) <= tol for v in sides)
            if left and any(abs(v.x0 - top.x1) <= tol for v in sides):
                out.append(Rect(BBox(top.x0, top.top, top.x1, bottom.top), stroke=True))
    return out


def _dedupe(rects: list[Rect]) -> list[Rect]:
    """Boxes drawn twice (border + fill, or an inner filled square) are one box: keep the outer."""
    rects = sorted(rects, key=lambda r: -r.bbox.area)
    kept: list[Rect] = []
    for r in rects:
        if any(contains(k.bbox, r.bbox, tol=1.0) or overlap_ratio(k.bbox, r.bbox) > 0.6 for k in kept):
            continue
        kept.append(r)
    return kept


def _is_ticked(page: Page, box: Rect, s: VectorSettings, segments: list[BBox],
               ticks: list[BBox]) -> tuple[bool, float]:
    """Whether the box holds a tick; ``segments`` are the boxes of the page's segments,
    ``ticks`` those of its words that read as a tick ("x", "✓")."""
    b = box.bbox
    if box.fill and box.fill_gray is not None and box.fill_gray < s.dark_fill:
        return True, 0.97
    inner = b.expand(-0.8)
    reach = b.expand(2.5)  # hand-drawn style ticks overshoot the border a little
    side = min(b.width, b.height)
    for r in page.rects:
        if r is box or not r.fill or (r.fill_gray is not None and r.fill_gray >= s.dark_fill):
            continue
        if contains(reach, r.bbox) and r.bbox.area >= 0.2 * b.area and r.bbox.area < b.area * 1.05:
            return True, 0.97
    strokes = [seg for seg in segments if contains(reach, seg)
               and overlap_ratio(seg.expand(0.3), inner) > 0.3
               and max(seg.width, seg.height) >= s.min_stroke_fraction * side
               and not _is_border(seg, b)]
    if strokes:
        return True, 0.97 if len(strokes) >= 2 else 0.9
    if any(contains(reach, tick, tol=1.0) for tick in ticks):
        return True, 0.95
    return False, 0.97


def _is_border(seg: BBox, box: BBox, tol: float = 1.2) -> bool:
    """A straight segment lying on the box's own edge is its border, not a tick."""
    on_h = seg.height <= tol and (abs(seg.top - box.top) <= tol or abs(seg.bottom - box.bottom) <= tol)
    on_v = seg.width <= tol and (abs(seg.x0 - box.x0) <= tol or abs(seg.x1 - box.x1) <= tol)
    return on_h or on_v
