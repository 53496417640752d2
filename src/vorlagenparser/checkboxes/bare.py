"""Ticks and crosses drawn without a box: "✓" or "X" strokes in a bare table cell.

A result grid often has no boxes at all; a tick or cross is drawn into the cell under the
column's header. Such marks are found as small clusters of slanted strokes that lie in no box
and over no text. They are reported as unframed marks (``Mark.framed`` False): on their own
they mean nothing, so only a table column gives them a label.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..disjoint import DisjointSets
from ..geometry import BBox, contains, intersection_area, union
from ..pagemodel import Mark, Page, Segment, Word


@dataclass(frozen=True, slots=True)
class BareSettings:
    min_extent: float = 3.5  # points: a tick is at least this tall and wide
    max_extent: float = 30.0  # larger stroke clusters are drawings or signatures
    join: float = 1.5  # strokes this close belong to one mark
    max_strokes: int = 40
    max_radio: float = 16.0  # points: a round option button is at most this wide
    ring_tolerance: float = 0.15  # a ring's points lie this close to the circle (share of radius)


def detect_bare_vector(page: Page, framed: list[Mark], settings: BareSettings | None = None) -> list[Mark]:
    s = settings or BareSettings()
    slanted = [g for g in page.segments if not g.is_horizontal and not g.is_vertical]
    if not slanted:
        return []  # most pages: only rules and box sides
    around = [m.bbox.expand(3) for m in framed]
    strokes = [g for g in slanted if not _inside_any(g.bbox, around)]
    out = []
    for cluster in _clusters(strokes, s.join):
        box = union(g.bbox for g in cluster)
        if not (s.min_extent <= box.width <= s.max_extent and s.min_extent <= box.height <= s.max_extent):
            continue
        radio = _radio(cluster, box, s)
        if radio is not None:
            out.append(radio)
            continue
        if len(cluster) > s.max_strokes or _over_text(box, page.words):
            continue
        out.append(Mark(bbox=box, checked=True, confidence=0.9, source="vector", framed=False))
    return out


def _inside_any(box: BBox, around: list[BBox]) -> bool:
    return any(contains(a, box) for a in around)


def _over_text(box: BBox, words: tuple[Word, ...]) -> bool:
    """A word covers over 30 % of the box: the strokes lie over text, so they are no mark.
    Only the words that reach into the box are measured."""
    least = 0.3 * box.area
    x0, top, x1, bottom = box.x0, box.top, box.x1, box.bottom
    return any(intersection_area(b, box) > least for b in (w.bbox for w in words)
               if b.x0 < x1 and b.x1 > x0 and b.top < bottom and b.bottom > top)


def _radio(cluster: list[Segment], box: BBox, s: BareSettings) -> Mark | None:
    """A round option button: a circle (its arcs reach us as chords between their end points)
    with, when chosen, a dot or a cross inside. Its chords' ends lie on the circle; what is
    drawn inside lies near the centre."""
    if box.width > s.max_radio or max(box.width, box.height) > 1.3 * min(box.width, box.height):
        return None
    cx, cy, rx, ry = box.cx, box.cy, box.width / 2, box.height / 2

    def radius(x: float, y: float) -> float:
        return math.hypot((x - cx) / rx, (y - cy) / ry)

    ring, inside = [], []
    for g in cluster:
        if radius((g.x0 + g.x1) / 2, (g.y0 + g.y1) / 2) < 0.55:
            inside.append(g)
        elif all(abs(radius(x, y) - 1) <= s.ring_tolerance for x, y in ((g.x0, g.y0), (g.x1, g.y1))):
            ring.append(g)
        else:
            return None  # a stroke that is neither the circle nor inside it: a tick, a drawing
    if len(ring) < 4:
        return None
    return Mark(bbox=box, checked=bool(inside), confidence=0.95, source="vector")


def _clusters(strokes: list[Segment], join: float) -> list[list[Segment]]:
    """Strokes whose boxes touch (within ``join``) form one cluster (union-find)."""
    sets = DisjointSets(len(strokes))
    boxes = [g.bbox.expand(join) for g in strokes]
    order = sorted(range(len(strokes)), key=lambda i: boxes[i].x0)
    for n, i in enumerate(order):
        for j in order[n + 1:]:
            if boxes[j].x0 > boxes[i].x1:
                break
            if intersection_area(boxes[i], boxes[j]) > 0 or _touch(boxes[i], boxes[j]):
                sets.union(i, j)
    return [[strokes[i] for i in group] for group in sets.groups()]


def _touch(a: BBox, b: BBox) -> bool:
    return a.x0 <= b.x1 and b.x0 <= a.x1 and a.top <= b.bottom and b.top <= a.bottom
