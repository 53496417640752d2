"""Path objects → pdfminer's rects, lines and curves (as segments), and ruled grids from them."""

from __future__ import annotations

import ctypes
import math
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import pypdfium2.raw as pdfium_c

from ...geometry import BBox
from ...pagemodel import Grid, Rect, Segment
from ..grids import find_grids
from .capi import (
    _fill_color,
    _form_object,
    _form_object_count,
    _object_matrix,
    _object_type,
    _page_object,
    _path_draw_mode,
    _path_segment,
    _path_segment_count,
    _segment_closes,
    _segment_point,
    _segment_type,
    _stroke_width,
)
from .frame import _Frame

_BEZIER, _MOVE = pdfium_c.FPDF_SEGMENT_BEZIERTO, pdfium_c.FPDF_SEGMENT_MOVETO
_SAME_POINT = 1e-3  # pdfminer compares path corners exactly; PDFium's floats need a hair of slack


@dataclass(slots=True)
class _Shapes:
    """Graphics of a page in pdfminer's three kinds, plus what table finding needs."""

    rects: list[Rect]
    line_segments: list[Segment]
    curve_segments: list[Segment]
    lines: list[tuple[float, float, float, float]]  # x0, y0, x1, y1 of one-piece paths
    curves: list[list[tuple[float, float]]]  # end points of the other paths

    @property
    def rule_count(self) -> int:
        return len(self.lines) + len(self.rects)

    @property
    def segments(self) -> tuple[Segment, ...]:
        """Lines first, then curve pieces: the pdfplumber loader's order."""
        return (*self.line_segments, *self.curve_segments)


@dataclass(frozen=True, slots=True)
class _Paint:
    stroke: bool
    fill: bool
    linewidth: float
    fill_gray: float | None


_Matrix = tuple[float, float, float, float, float, float]  # x' = a·x + c·y + e, y' = b·x + d·y + f
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class _Outputs:
    """The C variables PDFium's path calls write into, made once per page rather than per path
    or segment (ctypes objects and pointers to them cost more than the calls that fill them)."""

    __slots__ = ("fill_mode", "fill_mode_ptr", "matrix", "matrix_ptr", "stroke", "stroke_ptr", "width",
                 "width_ptr", "x", "x_ptr", "y", "y_ptr")

    def __init__(self) -> None:
        self.fill_mode, self.stroke = ctypes.c_int(), ctypes.c_int()
        self.fill_mode_ptr, self.stroke_ptr = ctypes.pointer(self.fill_mode), ctypes.pointer(self.stroke)
        self.width = ctypes.c_float()
        self.width_ptr = ctypes.pointer(self.width)
        self.x, self.y = ctypes.c_float(), ctypes.c_float()
        self.x_ptr, self.y_ptr = ctypes.pointer(self.x), ctypes.pointer(self.y)
        self.matrix = pdfium_c.FS_MATRIX()
        self.matrix_ptr = ctypes.pointer(self.matrix)


def _then(inner: _Matrix, outer: _Matrix) -> _Matrix:
    """The matrix applying ``inner`` first, then ``outer``."""
    a, b, c, d, e, f = inner
    oa, ob, oc, od, oe, of = outer
    return (a * oa + b * oc, a * ob + b * od, c * oa + d * oc, c * ob + d * od,
            e * oa + f * oc + oe, e * ob + f * od + of)


def _matrix_of(obj: Any, out: _Outputs) -> _Matrix:
    m = out.matrix
    if not _object_matrix(obj, out.matrix_ptr):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _path_objects(parent: Any, outer: _Matrix, in_form: bool, out: _Outputs,
                  ) -> Iterator[tuple[Any, _Matrix]]:
    """Every path object with its matrix to page space, descending into form XObjects
    (whose children's matrices are relative to the form)."""
    count = _form_object_count(parent) if in_form else pdfium_c.FPDFPage_CountObjects(parent)
    get = _form_object if in_form else _page_object
    for i in range(max(0, count)):
        obj = get(parent, i)
        kind = _object_type(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            yield obj, _then(_matrix_of(obj, out), outer)
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            yield from _path_objects(obj, _then(_matrix_of(obj, out), outer), True, out)


def _page_shapes(page: Any, frame: _Frame) -> _Shapes:
    shapes = _Shapes(rects=[], line_segments=[], curve_segments=[], lines=[], curves=[])
    out = _Outputs()
    for obj, matrix in _path_objects(page, _IDENTITY, False, out):
        paint = _paint(obj, matrix, out)
        if paint is None:
            continue
        for subpath in _subpaths(obj, matrix, frame, out):
            _classify(subpath, paint, shapes)
    return shapes


def _paint(obj: Any, matrix: _Matrix, out: _Outputs) -> _Paint | None:
    """How the path is drawn; None for paths that paint nothing (pdfminer ignores them)."""
    # Values as fresh variables would hold them where a call fails and leaves them unwritten.
    out.fill_mode.value = out.stroke.value = 0
    if not _path_draw_mode(obj, out.fill_mode_ptr, out.stroke_ptr):
        return None
    fill = out.fill_mode.value != pdfium_c.FPDF_FILLMODE_NONE
    stroke = out.stroke.value
    if not fill and not stroke:
        return None
    out.width.value = 0.0
    linewidth = out.width.value if _stroke_width(obj, out.width_ptr) else 1.0
    # pdfminer scales the width by the current matrix, as it looks on the page.
    linewidth *= math.hypot(matrix[0], matrix[1])
    return _Paint(stroke=bool(stroke), fill=fill, linewidth=linewidth,
                  fill_gray=_fill_gray(obj) if fill else None)


def _fill_gray(obj: Any) -> float | None:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not _fill_color(obj, *map(ctypes.byref, (r, g, b, a))):
        return None
    return (0.299 * r.value + 0.587 * g.value + 0.114 * b.value) / 255.0


# A path operation in pdfminer's terms: "m", "l", "c" (a curve's end point) or "h", at (x, top).
_Op = tuple[str, float, float]


def _subpaths(obj: Any, matrix: _Matrix, frame: _Frame, out: _Outputs) -> list[list[_Op]]:
    """The path as pdfminer sees it: split at every move, curves reduced to their end points,
    a close turned into an "h" back to the subpath's start."""
    a, b, c, d, e, f = matrix
    x, y, x_ptr, y_ptr = out.x, out.y, out.x_ptr, out.y_ptr
    subpaths: list[list[_Op]] = []
    bezier_points = 0
    for i in range(max(0, _path_segment_count(obj))):
        segment = _path_segment(obj, i)
        if not segment or not _segment_point(segment, x_ptr, y_ptr):
            continue
        kind = _segment_type(segment)
        if kind == _BEZIER:
            bezier_points += 1
            if bezier_points % 3:
                continue  # a control point
        else:
            bezier_points = 0
        px, py = frame.point(a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if kind == _MOVE or not subpaths:
            subpaths.append([("m", px, py)])
        else:
            subpaths[-1].append(("c" if kind == _BEZIER else "l", px, py))
        if _segment_closes(segment):
            start = subpaths[-1][0]
            subpaths[-1].append(("h", start[1], start[2]))
    return subpaths


def _same(p: tuple[float, float], q: tuple[float, float]) -> bool:
    return abs(p[0] - q[0]) <= _SAME_POINT and abs(p[1] - q[1]) <= _SAME_POINT


def _classify(ops: list[_Op], paint: _Paint, shapes: _Shapes) -> None:
    """pdfminer's ``paint_path``: a line, a rect or a curve."""
    shape = "".join(op[0] for op in ops)
    pts = [(op[1], op[2]) for op in ops]
    if len(shape) > 3 and shape[-2:] == "lh" and _same(pts[-2], pts[0]):
        shape = shape[:-2] + "h"  # PDFium closes with an explicit line back to the start
        pts.pop()
    if shape in ("ml", "mlh"):
        (x0, y0), (x1, y1) = pts[0], pts[1]
        shapes.lines.append((x0, y0, x1, y1))
        shapes.line_segments.append(Segment(x0, y0, x1, y1, paint.linewidth or 1.0))
    elif shape in ("mlllh", "mllll") and _same(pts[0], pts[4]) and _is_axis_aligned(pts[:4]):
        xs, ys = [p[0] for p in pts[:4]], [p[1] for p in pts[:4]]
        shapes.rects.append(Rect(bbox=BBox(min(xs), min(ys), max(xs), max(ys)), stroke=paint.stroke,
                                 fill=paint.fill, linewidth=paint.linewidth,
                                 fill_gray=paint.fill_gray))
    else:
        shapes.curves.append(pts)
        lw = paint.linewidth or 1.0
        shapes.curve_segments.extend(Segment(p[0], p[1], q[0], q[1], lw) for p, q in pairwise(pts))


def _is_axis_aligned(corners: list[tuple[float, float]]) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = corners

    def eq(u: float, v: float) -> bool:
        return abs(u - v) <= _SAME_POINT

    return (eq(x0, x1) and eq(y1, y2) and eq(x2, x3) and eq(y3, y0)) or (
        eq(y0, y1) and eq(x1, x2) and eq(y2, y3) and eq(x3, x0))


# --- ruled tables -----------------------------------------------------------------------------


def _grids(shapes: _Shapes) -> tuple[Grid, ...]:
    return find_grids(shapes.lines, shapes.rects, shapes.curves)
