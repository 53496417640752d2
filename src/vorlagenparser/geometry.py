"""Boxes and small pure geometry functions, in PDF points with the origin at the top left.

A leaf module: it imports nothing from the package.
"""

from __future__ import annotations

import math
import operator
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True, init=False)
class BBox:
    x0: float
    top: float
    x1: float
    bottom: float

    def __init__(self, x0: float, top: float, x1: float, bottom: float) -> None:
        # A frozen dataclass's own __init__ goes through object.__setattr__ per field; the slots'
        # setters are twice as fast, and pages build boxes by the thousand.
        _SET_X0(self, x0)
        _SET_TOP(self, top)
        _SET_X1(self, x1)
        _SET_BOTTOM(self, bottom)

    def __reduce__(self) -> tuple[type[BBox], tuple[float, float, float, float]]:
        # Pickled as its four numbers: a slotted dataclass's own state goes through fields() per
        # box (about three times slower), and the extract command sends page models between
        # processes.
        return BBox, (self.x0, self.top, self.x1, self.bottom)

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def area(self) -> float:
        return max(0.0, self.width) * max(0.0, self.height)

    def as_list(self, ndigits: int = 2) -> list[float]:
        return [round(self.x0, ndigits), round(self.top, ndigits),
                round(self.x1, ndigits), round(self.bottom, ndigits)]

    def expand(self, dx: float, dy: float | None = None) -> BBox:
        dy = dx if dy is None else dy
        return BBox(self.x0 - dx, self.top - dy, self.x1 + dx, self.bottom + dy)


_SET_X0, _SET_TOP, _SET_X1, _SET_BOTTOM = (BBox.__dict__[name].__set__
                                          for name in ("x0", "top", "x1", "bottom"))


def union(boxes: Iterable[BBox]) -> BBox:
    """The box around ``boxes``: min() and max() per side in one pass (same comparisons, so the
    same result even with NaN: a value replaces the current one only when strictly beyond it)."""
    it = iter(boxes)
    first = next(it, None)
    if first is None:
        raise ValueError("union of no boxes")
    x0, top, x1, bottom = first.x0, first.top, first.x1, first.bottom
    for b in it:
        if b.x0 < x0:
            x0 = b.x0
        if b.top < top:
            top = b.top
        if b.x1 > x1:
            x1 = b.x1
        if b.bottom > bottom:
            bottom = b.bottom
    return BBox(x0, top, x1, bottom)


def intersection_area(a: BBox, b: BBox) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.bottom, b.bottom) - max(a.top, b.top)
    return w * h if w > 0 and h > 0 else 0.0


def overlap_ratio(a: BBox, b: BBox) -> float:
    """Intersection over the smaller box's area (1.0 when one contains the other)."""
    smaller = min(a.area, b.area)
    return intersection_area(a, b) / smaller if smaller > 0 else 0.0


def contains(outer: BBox, inner: BBox, tol: float = 0.0) -> bool:
    return (inner.x0 >= outer.x0 - tol and inner.x1 <= outer.x1 + tol
            and inner.top >= outer.top - tol and inner.bottom <= outer.bottom + tol)


def vertical_overlap(a: BBox, b: BBox) -> float:
    """Shared height as a fraction of the lower of the two heights."""
    h = min(a.bottom, b.bottom) - max(a.top, b.top)
    lower = min(a.height, b.height)
    return h / lower if lower > 0 and h > 0 else 0.0


def horizontal_overlap(a: BBox, b: BBox) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    narrower = min(a.width, b.width)
    return w / narrower if narrower > 0 and w > 0 else 0.0


def same_line(a: BBox, b: BBox, min_overlap: float = 0.5) -> bool:
    return vertical_overlap(a, b) >= min_overlap


def gap_x(a: BBox, b: BBox) -> float:
    """Horizontal distance between the boxes (0 when they overlap in x)."""
    return max(0.0, max(a.x0, b.x0) - min(a.x1, b.x1))


def gap_y(a: BBox, b: BBox) -> float:
    return max(0.0, max(a.top, b.top) - min(a.bottom, b.bottom))


def distance(a: BBox, b: BBox) -> float:
    return math.hypot(gap_x(a, b), gap_y(a, b))


class BoxIndex(Generic[T]):
    """Items with boxes, sorted by height on the page once, to ask which lie in a box without a
    scan over all of them (layout asks "which words are in this cell?" hundreds of times a page).

    Answers keep the items' own order, and each candidate is tested with the same predicate a
    full scan would use: the index only leaves out items that cannot pass it. With an odd box
    (NaN, infinite, bottom above top) the index is not built and every question scans.
    """

    def __init__(self, items: Sequence[T], box_of: Callable[[T], BBox]) -> None:
        self._items = tuple(items)
        boxes = [box_of(item) for item in self._items]
        self._boxes = boxes
        # The edges read once into lists (an index is built per page and stage): the sorts and
        # tests below take their values from them.
        tops = [b.top for b in boxes]
        bottoms = [b.bottom for b in boxes]
        self._sorted = (all(map(math.isfinite, tops)) and all(map(math.isfinite, bottoms))
                        and all(map(operator.le, tops, bottoms)))
        if self._sorted:
            self._by_top = sorted(range(len(boxes)), key=tops.__getitem__)
            self._tops = [tops[i] for i in self._by_top]
            cys = [(top + bottom) / 2 for top, bottom in zip(tops, bottoms, strict=True)]  # BBox.cy
            self._by_cy = sorted(range(len(boxes)), key=cys.__getitem__)
            self._cys = [cys[i] for i in self._by_cy]
            self._tallest = max(map(operator.sub, bottoms, tops), default=0.0)

    def inside(self, outer: BBox, tol: float = 0.0) -> list[T]:
        """The items whose box ``contains(outer, box, tol)``."""
        if not self._sorted:
            return [item for item, b in zip(self._items, self._boxes, strict=True)
                    if contains(outer, b, tol)]
        # A box inside starts below outer.top - tol and, its top above its bottom, above
        # outer.bottom + tol.
        left, top, right, bottom = outer.x0 - tol, outer.top - tol, outer.x1 + tol, outer.bottom + tol
        lo, hi = bisect_left(self._tops, top), bisect_right(self._tops, bottom)
        boxes = self._boxes
        # contains() written out, its bounds worked out once (asked for every cell of a page).
        return [self._items[i] for i in sorted(self._by_top[lo:hi])
                if (b := boxes[i]).x0 >= left and b.x1 <= right and b.top >= top and b.bottom <= bottom]

    def centred(self, top: float, bottom: float, holds: Callable[[BBox], bool]) -> list[T]:
        """The items whose box passes ``holds``, a test that needs the box's centre between
        ``top`` and ``bottom``."""
        if not self._sorted:
            return [item for item, b in zip(self._items, self._boxes, strict=True) if holds(b)]
        lo, hi = bisect_left(self._cys, top), bisect_right(self._cys, bottom)
        return [self._items[i] for i in sorted(self._by_cy[lo:hi]) if holds(self._boxes[i])]

    def reaching(self, top: float, bottom: float, holds: Callable[[BBox], bool]) -> list[T]:
        """The items whose box passes ``holds``, a test that needs the box to reach into the
        band from ``top`` to ``bottom`` (its top at most ``bottom``, its bottom at least ``top``)."""
        if not (self._sorted and math.isfinite(top) and math.isfinite(bottom)):
            return [item for item, b in zip(self._items, self._boxes, strict=True) if holds(b)]
        # A box reaching down to the band starts at most the tallest box's height above it (a
        # point more: the height is a rounded difference).
        lo = bisect_left(self._tops, top - self._tallest - 1.0)
        hi = bisect_right(self._tops, bottom)
        return [self._items[i] for i in sorted(self._by_top[lo:hi]) if holds(self._boxes[i])]


@dataclass(frozen=True, slots=True)
class Affine:
    """x' = a*x + b*y + c ; y' = d*x + e*y + f. Maps a page frame to original page points."""

    a: float = 1.0
    b: float = 0.0
    c: float = 0.0
    d: float = 0.0
    e: float = 1.0
    f: float = 0.0

    @classmethod
    def identity(cls) -> Affine:
        return cls()

    @classmethod
    def scale(cls, sx: float, sy: float | None = None) -> Affine:
        return cls(a=sx, e=sx if sy is None else sy)

    @classmethod
    def rotation(cls, degrees: float, cx: float = 0.0, cy: float = 0.0) -> Affine:
        """Rotation by `degrees` (clockwise on screen, y pointing down) around (cx, cy)."""
        r = math.radians(degrees)
        cos, sin = math.cos(r), math.sin(r)
        return cls(a=cos, b=-sin, c=cx - cos * cx + sin * cy,
                   d=sin, e=cos, f=cy - sin * cx - cos * cy)

    @property
    def is_identity(self) -> bool:
        # Field by field, as == Affine() compares (asked for every box given back in original
        # page points: building an Affine to compare with cost more than the comparison).
        return (self.a == 1.0 and self.b == 0.0 and self.c == 0.0 and self.d == 0.0 and self.e == 1.0
                and self.f == 0.0)

    def then(self, other: Affine) -> Affine:
        """The transform that applies self first, then other."""
        return Affine(
            a=other.a * self.a + other.b * self.d,
            b=other.a * self.b + other.b * self.e,
            c=other.a * self.c + other.b * self.f + other.c,
            d=other.d * self.a + other.e * self.d,
            e=other.d * self.b + other.e * self.e,
            f=other.d * self.c + other.e * self.f + other.f,
        )

    def inverse(self) -> Affine:
        det = self.a * self.e - self.b * self.d
        if det == 0:
            raise ValueError("singular transform")
        a, b, d, e = self.e / det, -self.b / det, -self.d / det, self.a / det
        return Affine(a=a, b=b, c=-(a * self.c + b * self.f), d=d, e=e, f=-(d * self.c + e * self.f))

    def point(self, x: float, y: float) -> tuple[float, float]:
        return self.a * x + self.b * y + self.c, self.d * x + self.e * y + self.f

    def box(self, bbox: BBox) -> BBox:
        """The axis-aligned box around the transformed corners."""
        if self.is_identity:
            return bbox
        pts = [self.point(x, y) for x in (bbox.x0, bbox.x1) for y in (bbox.top, bbox.bottom)]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        return BBox(min(xs), min(ys), max(xs), max(ys))
