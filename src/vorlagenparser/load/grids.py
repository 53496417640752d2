"""Ruled tables from line edges, as pdfplumber's table finder ("lines" strategies) finds them.

Used by the PDFium loader (drawn rules), by the typed-table reader and by OCR (rules found in a
scan), so all build the same :class:`~vorlagenparser.pagemodel.Grid` objects. The steps are
pdfplumber's, so that either loader finds the same tables (``tests/unit/test_grids.py`` holds
pdfplumber to this on every page of the samples): edges are snapped onto shared rule
positions, joined where they continue each other, crossed into intersections, the intersections
closed into cells and the cells grouped into tables by shared corners. Tolerances are 3 pt.

pdfplumber works on dicts and scans every pair of points; this works on small records and looks
points up by their row and column, which is what makes it cheap enough to run on every page.
Floating-point steps are taken in pdfplumber's order (a snapped position is ``x + (mean - x)``,
not the mean) so that equal positions stay equal exactly where they are equal there.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby, pairwise

from ..disjoint import DisjointSets
from ..geometry import BBox, union
from ..pagemodel import Grid, Rect

_SNAP = 3.0  # rule positions this close are one rule
_JOIN = 3.0  # rule pieces with a gap this small are one rule
_CROSS = 3.0  # a vertical and a horizontal rule this close cross
_MIN_EDGE = 1.0  # pieces shorter than this are no rules at all
_MIN_RULE = 3.0  # joined rules shorter than this are dropped
_SLACK = 0.01  # bisect bounds are widened by this; the exact test decides

Point = tuple[float, float]
Cell = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass(slots=True)
class _Edge:
    """One rule piece. ``length`` is the width of a horizontal rule or the height of a vertical
    one as pdfplumber carries it along (snapping moves a rule without changing it)."""

    vertical: bool
    x0: float
    top: float
    x1: float
    bottom: float
    length: float

    @property
    def box(self) -> Cell:
        return (self.x0, self.top, self.x1, self.bottom)


def find_grids(lines: Sequence[tuple[float, float, float, float]], rects: Sequence[Rect] = (),
               curves: Sequence[Sequence[tuple[float, float]]] = ()) -> tuple[Grid, ...]:
    """Grids on the edges of drawn graphics (or of rules found in a scan), in pdfplumber's edge
    order: lines, rect sides, curve pieces. Lines are (x0, top, x1, bottom) in page points."""
    edges = [e for e in _edges(lines, rects, curves) if e.length >= _MIN_EDGE]
    # Vertical pieces first, as pdfplumber filters them; then the horizontal ones.
    rules = _join(_snap([e for e in edges if e.vertical]) + _snap([e for e in edges if not e.vertical]))
    if rules is None:
        return ()
    rules = [e for e in rules if e.length >= _MIN_RULE]
    crossings = _intersections(rules)
    cells = _cells(crossings)
    return tuple(grid for table in _tables(cells) if (grid := _grid(table)) is not None)


# --- edges ------------------------------------------------------------------------------------


def _edges(lines: Sequence[tuple[float, float, float, float]], rects: Sequence[Rect],
           curves: Sequence[Sequence[tuple[float, float]]]) -> list[_Edge]:
    """Oriented edges of finite position (an edge at NaN or infinity crosses nothing; it is left
    out rather than let into the sorting)."""
    out: list[_Edge] = []
    for x0, y0, x1, y1 in lines:
        top, bottom = min(y0, y1), max(y0, y1)
        # As pdfplumber: a line that is not exactly horizontal counts as vertical.
        out.append(_edge(min(x0, x1), top, max(x0, x1), bottom, top != bottom))
    for r in rects:
        b = r.bbox
        out += [_edge(b.x0, b.top, b.x1, b.top, False), _edge(b.x0, b.bottom, b.x1, b.bottom, False),
                _edge(b.x0, b.top, b.x0, b.bottom, True), _edge(b.x1, b.top, b.x1, b.bottom, True)]
    for pts in curves:
        for (px, py), (qx, qy) in pairwise(pts):
            if px == qx or py == qy:  # slanted pieces have no orientation: no rule
                out.append(_edge(min(px, qx), min(py, qy), max(px, qx), max(py, qy), px == qx))
    return [e for e in out if all(map(math.isfinite, (e.x0, e.top, e.x1, e.bottom)))]


def _edge(x0: float, top: float, x1: float, bottom: float, vertical: bool) -> _Edge:
    return _Edge(vertical, x0, top, x1, bottom, bottom - top if vertical else x1 - x0)


# --- snap and join ----------------------------------------------------------------------------


def _snap(edges: list[_Edge]) -> list[_Edge]:
    """Rules whose positions (x of vertical, top of horizontal ones) chain within the tolerance
    move onto their mean position; returned cluster by cluster, in input order within one."""
    positions = [e.x0 if e.vertical else e.top for e in edges]
    cluster_of: dict[float, int] = {}
    cluster = 0
    previous: float | None = None
    for value in sorted(set(positions)):
        if previous is not None and value > previous + _SNAP:
            cluster += 1
        cluster_of[value] = cluster
        previous = value
    clusters: list[list[int]] = [[] for _ in range(cluster + 1)] if edges else []
    for i, position in enumerate(positions):
        clusters[cluster_of[position]].append(i)
    out: list[_Edge] = []
    for members in clusters:
        mean = sum(positions[i] for i in members) / len(members)
        for i in members:
            e, shift = edges[i], mean - positions[i]
            if e.vertical:
                out.append(_Edge(True, e.x0 + shift, e.top, e.x1 + shift, e.bottom, e.length))
            else:
                out.append(_Edge(False, e.x0, e.top + shift, e.x1, e.bottom + shift, e.length))
    return out


def _join(edges: list[_Edge]) -> list[_Edge] | None:
    """Rules on one line (horizontal ones first, by top; then vertical ones, by x) that overlap
    or nearly touch become one. None where pdfplumber's own consistency check would fail."""
    def line_of(e: _Edge) -> tuple[bool, float]:
        return (e.vertical, e.x0 if e.vertical else e.top)

    out: list[_Edge] = []
    for (vertical, _), members in groupby(sorted(edges, key=line_of), key=line_of):
        ordered = sorted(members, key=(lambda e: e.top) if vertical else (lambda e: e.x0))
        joined = [ordered[0]]
        for e in ordered[1:]:
            last = joined[-1]
            start, end, last_start, last_end = (e.top, e.bottom, last.top, last.bottom) if vertical \
                else (e.x0, e.x1, last.x0, last.x1)
            if start > last_end + _JOIN:
                joined.append(e)
            elif end > last_end:
                if not end >= last_start:
                    return None
                if vertical:
                    joined[-1] = _Edge(True, last.x0, last.top, last.x1, end,
                                       last.length + (end - last_end))
                else:
                    joined[-1] = _Edge(False, last.x0, last.top, end, last.bottom, end - last.x0)
        out += joined
    return out


# --- intersections and cells ------------------------------------------------------------------


@dataclass(slots=True)
class _Crossing:
    """The rules through one intersection point, by their boxes."""

    vertical: set[Cell]
    horizontal: set[Cell]


def _intersections(rules: list[_Edge]) -> dict[Point, _Crossing]:
    verticals = sorted((e for e in rules if e.vertical), key=lambda e: (e.x0, e.top))
    horizontals = sorted((e for e in rules if not e.vertical), key=lambda e: (e.top, e.x0))
    tops = [h.top for h in horizontals]
    boxes = [h.box for h in horizontals]
    out: dict[Point, _Crossing] = {}
    for v in verticals:
        x, top, bottom, box = v.x0, v.top, v.bottom, v.box
        # Only horizontal rules at the height of the vertical one can cross it.
        lo = bisect_left(tops, top - _CROSS - _SLACK)
        hi = bisect_right(tops, bottom + _CROSS + _SLACK)
        for j in range(lo, hi):
            h = horizontals[j]
            if top <= h.top + _CROSS and bottom >= h.top - _CROSS \
                    and h.x0 - _CROSS <= x <= h.x1 + _CROSS:
                crossing = out.setdefault((x, h.top), _Crossing(set(), set()))
                crossing.vertical.add(box)
                crossing.horizontal.add(boxes[j])
    return out


def _cells(crossings: dict[Point, _Crossing]) -> list[Cell]:
    """For each intersection (in x, then y order), the smallest cell with it as the top-left
    corner: a rule runs down to a point below, one runs right to a point on the same line,
    and the fourth corner is ruled to both."""
    points = sorted(crossings)
    column: dict[float, list[Point]] = {}
    row: dict[float, list[Point]] = {}
    # Each point's place in its column and row: the points after it there are those below it
    # and right of it (both lists are built in sorted order).
    place: dict[Point, tuple[int, int]] = {}
    for p in points:
        down, across = column.setdefault(p[0], []), row.setdefault(p[1], [])
        place[p] = (len(down), len(across))
        down.append(p)
        across.append(p)

    def ruled(p: Point, q: Point) -> bool:
        a, b = crossings[p], crossings[q]
        return (p[0] == q[0] and not a.vertical.isdisjoint(b.vertical)) or \
            (p[1] == q[1] and not a.horizontal.isdisjoint(b.horizontal))

    out: list[Cell] = []
    for p in points:
        in_column, in_row = place[p]
        cell = _smallest_cell(p, column[p[0]][in_column + 1:], row[p[1]][in_row + 1:], crossings,
                              ruled)
        if cell is not None:
            out.append(cell)
    return out


def _smallest_cell(p: Point, below: list[Point], right: list[Point],
                   crossings: dict[Point, _Crossing], ruled: Callable[[Point, Point], bool],
                   ) -> Cell | None:
    for down in below:
        if not ruled(p, down):
            continue
        for across in right:
            if not ruled(p, across):
                continue
            corner = (across[0], down[1])
            if corner in crossings and ruled(corner, across) and ruled(corner, down):
                return (p[0], p[1], corner[0], corner[1])
    return None


# --- tables -----------------------------------------------------------------------------------


def _tables(cells: list[Cell]) -> list[list[Cell]]:
    """Cells grouped by shared corners (transitively), top-most then left-most table first;
    a table of one cell is none."""
    sets = DisjointSets(len(cells))
    owner: dict[Point, int] = {}
    for i, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            sets.union(i, owner.setdefault(corner, i))
    groups = [[cells[i] for i in group] for group in sets.groups()]
    tables = sorted(groups, key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


def _grid(cells: list[Cell]) -> Grid | None:
    """Rows of the table: cells by top, each row spread over every left edge of the table
    (None where a merged cell leaves a gap)."""
    lefts = sorted({c[0] for c in cells})
    rows = []
    for _, members in groupby(sorted(cells, key=lambda c: (c[1], c[0])), key=lambda c: c[1]):
        by_left = {c[0]: c for c in members}
        rows.append(tuple(BBox(*by_left[x]) if x in by_left else None for x in lefts))
    if not rows or max(len(r) for r in rows) < 2:
        return None
    return Grid(bbox=union(BBox(*c) for c in cells), rows=tuple(rows))
