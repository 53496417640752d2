"""Ruled tables from line edges: pdfplumber's table-finding stages, without a pdfplumber page.

Used by the PDFium loader (drawn rules) and by OCR (rules found in a scan), so both build the
same :class:`~vorlagenparser.pagemodel.Grid` objects.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from itertools import pairwise
from typing import Any, cast

from ..geometry import BBox
from ..pagemodel import Grid, Rect

log = logging.getLogger(__name__)


def find_grids(lines: Sequence[tuple[float, float, float, float]], rects: Sequence[Rect] = (),
               curves: Sequence[Sequence[tuple[float, float]]] = ()) -> tuple[Grid, ...]:
    """pdfplumber's TableFinder stages ("lines" strategies, snap/join/intersection 3 pt) on the
    edges of drawn graphics (or of rules found in a scan), in pdfplumber's edge order: lines,
    rect sides, curve pieces. Lines are (x0, top, x1, bottom) in page points."""
    from pdfplumber import table as tables
    from pdfplumber.utils.geometry import filter_edges

    edges = _line_edges(lines) + _rect_edges(rects) + _curve_edges(curves)
    try:
        found = (filter_edges(edges, "v", min_length=1)
                 + filter_edges(edges, "h", min_length=1))
        merged = tables.merge_edges(found, snap_x_tolerance=3, snap_y_tolerance=3,
                                    join_x_tolerance=3, join_y_tolerance=3)
        merged = filter_edges(merged, min_length=3)
        cells = tables.intersections_to_cells(tables.edges_to_intersections(merged, 3, 3))
        # Table reads only its cells for rows and bbox; it needs no pdfplumber page.
        found_tables = [tables.Table(cast(Any, None), group) for group in tables.cells_to_tables(cells)]
    except Exception:  # table finding is a hint; a failure must not lose the page
        log.debug("table finding failed", exc_info=True)
        return ()
    return tuple(grid for t in found_tables if (grid := _grid(t)) is not None)


def _grid(table: Any) -> Grid | None:
    rows = tuple(tuple(BBox(*c) if c else None for c in row.cells) for row in table.rows)
    if not rows or max(len(r) for r in rows) < 2:
        return None
    return Grid(bbox=BBox(*table.bbox), rows=rows)


def _edge(x0: float, top: float, x1: float, bottom: float, orientation: str | None,
          kind: str) -> dict[str, Any]:
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
            "width": x1 - x0, "height": bottom - top, "orientation": orientation,
            "object_type": kind}


def _line_edges(lines: Sequence[tuple[float, float, float, float]]) -> list[dict[str, Any]]:
    out = []
    for x0, y0, x1, y1 in lines:
        top, bottom = min(y0, y1), max(y0, y1)
        # pdfplumber's line_to_edge: anything not exactly horizontal counts as vertical.
        out.append(_edge(min(x0, x1), top, max(x0, x1), bottom, "h" if top == bottom else "v", "line"))
    return out


def _rect_edges(rects: Sequence[Rect]) -> list[dict[str, Any]]:
    out = []
    for r in rects:
        b = r.bbox
        out += [_edge(b.x0, b.top, b.x1, b.top, "h", "rect_edge"),
                _edge(b.x0, b.bottom, b.x1, b.bottom, "h", "rect_edge"),
                _edge(b.x0, b.top, b.x0, b.bottom, "v", "rect_edge"),
                _edge(b.x1, b.top, b.x1, b.bottom, "v", "rect_edge")]
    return out


def _curve_edges(curves: Sequence[Sequence[tuple[float, float]]]) -> list[dict[str, Any]]:
    out = []
    for pts in curves:
        for (px, py), (qx, qy) in pairwise(pts):
            orientation = "v" if px == qx else ("h" if py == qy else None)
            out.append(_edge(min(px, qx), min(py, qy), max(px, qx), max(py, qy), orientation,
                             "curve_edge"))
    return out
