from __future__ import annotations

import math
import pickle

from hypothesis import given
from hypothesis import strategies as st

from vorlagenparser.geometry import (
    Affine,
    BBox,
    BoxIndex,
    contains,
    overlap_ratio,
    same_line,
    union,
    vertical_overlap,
)
from vorlagenparser.pagemodel import Word

coord = st.floats(min_value=-1000, max_value=1000, allow_nan=False)


@st.composite
def boxes(draw: st.DrawFn) -> BBox:
    x0, y0 = draw(coord), draw(coord)
    return BBox(x0, y0, x0 + draw(st.floats(0.1, 300)), y0 + draw(st.floats(0.1, 300)))


@given(boxes(), boxes())
def test_union_contains_both(a: BBox, b: BBox) -> None:
    u = union([a, b])
    assert contains(u, a) and contains(u, b)


@given(boxes())
def test_box_overlaps_itself_fully(a: BBox) -> None:
    assert math.isclose(overlap_ratio(a, a), 1.0)


def test_same_line() -> None:
    assert same_line(BBox(0, 10, 20, 20), BBox(30, 11, 50, 21))
    assert not same_line(BBox(0, 10, 20, 20), BBox(30, 19, 50, 29))


@given(st.floats(-10, 10), st.floats(0, 600), st.floats(0, 800), st.floats(0, 600), st.floats(0, 800))
def test_affine_inverse_round_trip(deg: float, cx: float, cy: float, x: float, y: float) -> None:
    t = Affine.rotation(deg, cx, cy).then(Affine.scale(0.24))
    back = t.inverse()
    px, py = back.point(*t.point(x, y))
    assert math.isclose(px, x, abs_tol=1e-6) and math.isclose(py, y, abs_tol=1e-6)


def test_rotation_by_90_moves_points_clockwise() -> None:
    x, y = Affine.rotation(90).point(1, 0)
    assert math.isclose(x, 0, abs_tol=1e-9) and math.isclose(y, 1, abs_tol=1e-9)


@given(st.lists(boxes(), max_size=30), boxes(), st.floats(0.01, 1.0))
def test_reaching_finds_what_a_scan_finds(items: list[BBox], band: BBox, overlap: float) -> None:
    """The height index leaves out only boxes that cannot reach the band: a same-line test
    (some overlap, or the band's centre within a point) answers as a scan over all boxes."""
    def on_line(b: BBox) -> bool:
        return vertical_overlap(b, band) >= overlap or b.top - 1 <= band.cy <= b.bottom + 1

    index = BoxIndex(items, lambda b: b)
    found = index.reaching(min(band.top, band.cy - 1), max(band.bottom, band.cy + 1), on_line)
    assert found == [b for b in items if on_line(b)]


_ODD = st.one_of(coord, st.sampled_from([math.nan, math.inf, -math.inf]))


@given(st.lists(st.one_of(boxes(), st.builds(BBox, _ODD, _ODD, _ODD, _ODD)), max_size=30),
       st.one_of(boxes(), st.builds(BBox, _ODD, _ODD, _ODD, _ODD)), st.sampled_from([0.0, 0.5, 1.0]))
def test_inside_finds_what_a_scan_finds(items: list[BBox], outer: BBox, tol: float) -> None:
    index = BoxIndex(items, lambda b: b)
    assert index.inside(outer, tol) == [b for b in items if contains(outer, b, tol)]


@given(boxes(), st.text(), st.text(), st.floats(allow_nan=False), st.booleans(),
       st.floats(0, 1))
def test_boxes_and_words_pickle_as_their_values(box: BBox, text: str, fontname: str, size: float,
                                                bold: bool, confidence: float) -> None:
    # The extract command sends page models from its child in pickles (see batch.isolated).
    word = Word(text, box, fontname, size, bold, confidence)
    again = pickle.loads(pickle.dumps(word, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == word and type(again.bbox) is BBox
    assert pickle.loads(pickle.dumps(box)) == box


@given(st.lists(st.sampled_from([0.0, -0.0, 1.0, 2.5, math.nan, math.inf]), min_size=6, max_size=6))
def test_is_identity_is_equality_with_the_identity(values: list[float]) -> None:
    transform = Affine(*values)
    assert transform.is_identity == (transform == Affine())
