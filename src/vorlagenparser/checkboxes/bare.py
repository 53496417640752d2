"""Ticks and crosses drawn without a box: "✓" or "X" strokes in a bare table cell.

A result grid often has no boxes at all; a tick or cross is drawn into the cell under the
column's header. Such marks are found as small clusters of slanted strokes that lie in no box
and over no text. They are reported as unframed marks (``Mark.framed`` False): on their own
they mean nothing, so only a table column gives them a label.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..geometry import BBox, contains, intersection_area
from ..pagemodel import Mark, Page, Segment


@dataclass(frozen=True, slots=True)
class BareSettings:
    min_extent: float = 3.5  # points: a tick is at least this tall and wide
    max_extent: float = 30.0  # larger stroke clusters are drawings or signatures
    join: float = 1.5  # strokes this close belong to one mark
    max_strokes: int = 40


def detect_bare_vector(page: Page, framed: list[Mark], settings: BareSettings | None = None) -> list[Mark]:
    s = settings or BareSettings()
    strokes = [g for g in page.segments if not g.is_horizontal and not g.is_vertical
               and not any(contains(m.bbox.expand(3), g.bbox) for m in framed)]
    out = []
    for cluster in _clusters(strokes, s.join):
        box = _union([g.bbox for g in cluster])
        if not (s.min_extent <= box.width <= s.max_extent and s.min_extent <= box.height <= s.max_extent):
            continue
        if len(cluster) > s.max_strokes or any(
            intersection_area(w.bbox, box) > 0.3 * box.area for w in page.words
        ):
            continue
        out.append(Mark(bbox=box, checked=True, confidence=0.9, source="vector", framed=False))
    return out


def _clusters(strokes: list[Segment], join: float) -> list[list[Segment]]:
    """Strokes whose boxes touch (within ``join``) form one cluster (union-find)."""
    parent = list(range(len(strokes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    boxes = [g.bbox.expand(join) for g in strokes]
    order = sorted(range(len(strokes)), key=lambda i: boxes[i].x0)
    for n, i in enumerate(order):
        for j in order[n + 1:]:
            if boxes[j].x0 > boxes[i].x1:
                break
            if intersection_area(boxes[i], boxes[j]) > 0 or _touch(boxes[i], boxes[j]):
                parent[find(i)] = find(j)
    groups: dict[int, list[Segment]] = {}
    for i, g in enumerate(strokes):
        groups.setdefault(find(i), []).append(g)
    return list(groups.values())


def _touch(a: BBox, b: BBox) -> bool:
    return a.x0 <= b.x1 and b.x0 <= a.x1 and a.top <= b.bottom and b.top <= a.bottom


def _union(boxes: list[BBox]) -> BBox:
    return BBox(min(b.x0 for b in boxes), min(b.top for b in boxes), max(b.x1 for b in boxes),
                max(b.bottom for b in boxes))
