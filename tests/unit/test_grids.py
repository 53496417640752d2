"""Our grid finder against pdfplumber's table finder (the oracle) on the drawn edges of every
page of samples/, the devset and the real-world files (the shared folders when present)."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any, cast

import pypdfium2.raw as pdfium_c
import pytest

from vorlagenparser.geometry import BBox
from vorlagenparser.load.grids import find_grids
from vorlagenparser.load.pdfium.frame import _frame
from vorlagenparser.load.pdfium.graphics import _page_shapes, _Shapes
from vorlagenparser.pagemodel import Grid, Rect

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = (ROOT / "samples", ROOT.parent / "shared" / "devset" / "data", ROOT.parent / "shared" / "realworld")

log = logging.getLogger(__name__)


def pdfplumber_grids(lines: Sequence[tuple[float, float, float, float]], rects: Sequence[Rect] = (),
                     curves: Sequence[Sequence[tuple[float, float]]] = ()) -> tuple[Grid, ...]:
    """pdfplumber's TableFinder stages ("lines" strategies, snap/join/intersection 3 pt) on the
    same edges, in its edge order: lines, rect sides, curve pieces."""
    from pdfplumber import table as tables
    from pdfplumber.utils.geometry import filter_edges

    edges = _line_edges(lines) + _rect_edges(rects) + _curve_edges(curves)
    try:
        found = filter_edges(edges, "v", min_length=1) + filter_edges(edges, "h", min_length=1)
        merged = tables.merge_edges(found, snap_x_tolerance=3, snap_y_tolerance=3,
                                    join_x_tolerance=3, join_y_tolerance=3)
        merged = filter_edges(merged, min_length=3)
        cells = tables.intersections_to_cells(tables.edges_to_intersections(merged, 3, 3))
        found_tables = [tables.Table(cast(Any, None), group) for group in tables.cells_to_tables(cells)]
    except Exception:
        return ()
    out = []
    for t in found_tables:
        rows = tuple(tuple(BBox(*c) if c else None for c in row.cells) for row in t.rows)
        if rows and max(len(r) for r in rows) >= 2:
            out.append(Grid(bbox=BBox(*t.bbox), rows=rows))
    return tuple(out)


def _edge(x0: float, top: float, x1: float, bottom: float, orientation: str | None,
          kind: str) -> dict[str, Any]:
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
            "width": x1 - x0, "height": bottom - top, "orientation": orientation, "object_type": kind}


def _line_edges(lines: Sequence[tuple[float, float, float, float]]) -> list[dict[str, Any]]:
    out = []
    for x0, y0, x1, y1 in lines:
        top, bottom = min(y0, y1), max(y0, y1)
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
            out.append(_edge(min(px, qx), min(py, qy), max(px, qx), max(py, qy), orientation, "curve_edge"))
    return out


def _pdfs() -> list[Path]:
    return sorted(p for folder in FOLDERS if folder.is_dir() for p in folder.rglob("*.pdf"))


def _page_shapes_of(path: Path) -> Iterator[tuple[int, _Shapes]]:
    doc = pdfium_c.FPDF_LoadDocument(os.fsencode(str(path)), None)
    if not doc:
        return
    try:
        for index in range(pdfium_c.FPDF_GetPageCount(doc)):
            page = pdfium_c.FPDF_LoadPage(doc, index)
            if not page:
                continue
            try:
                yield index + 1, _page_shapes(page, _frame(page))
            finally:
                pdfium_c.FPDF_ClosePage(page)
    finally:
        pdfium_c.FPDF_CloseDocument(doc)


@pytest.mark.parametrize("path", _pdfs(), ids=lambda p: p.name)
def test_grids_as_pdfplumber_finds_them(path: Path) -> None:
    for number, shapes in _page_shapes_of(path):
        if shapes.rule_count == 0:
            continue
        ours = find_grids(shapes.lines, shapes.rects, shapes.curves)
        assert ours == pdfplumber_grids(shapes.lines, shapes.rects, shapes.curves), f"page {number}"


def test_grids_of_crossing_rules_and_joined_pieces() -> None:
    """A 2×2 table drawn as lines, one rule in two pieces and one a hair off: pdfplumber's
    result, and a plain reading of it."""
    lines = [(10, 10, 110, 10), (10, 50, 60, 50), (61.5, 50, 110, 50), (10, 90, 110, 90.0),
             (10, 10, 10, 90), (60, 10, 60, 90), (110.8, 10, 110.8, 90)]
    lines = [(x0, y0, x1, y1) for x0, y0, x1, y1 in lines]
    grids = find_grids(lines)
    assert grids == pdfplumber_grids(lines)
    assert len(grids) == 1 and len(grids[0].rows) == 2 and all(len(r) == 2 for r in grids[0].rows)


def test_odd_edges_make_no_grid() -> None:
    nan = float("nan")
    assert find_grids([(nan, 0, nan, 50), (0, 0, 50, 0)]) == ()
