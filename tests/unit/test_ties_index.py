"""The ties stage asks height indexes which marks and phrases are on a mark's line, and which
phrases may label a box from above: each answer holds what a scan over all of them finds, odd
boxes (NaN, infinite, upside down) included."""

from __future__ import annotations

import math
from typing import Any, cast

from hypothesis import given
from hypothesis import strategies as st

from vorlagenparser.geometry import BBox, BoxIndex
from vorlagenparser.layout.text import Phrase
from vorlagenparser.layout.ties import _Ctx, _framed_on_line, _on_line, _on_line_items, _pool
from vorlagenparser.pagemodel import Mark, Word

_EDGE = st.one_of(st.floats(0, 60, allow_nan=False), st.sampled_from([math.nan, math.inf]))
_BOX = st.builds(lambda x, t, w, h: BBox(x, t, x + w, t + h), st.floats(0, 100), _EDGE,
                 st.floats(0, 20), st.floats(-2, 15))
_MARK = st.builds(lambda b, framed: Mark(bbox=b, checked=False, confidence=1.0, source="vector",
                                         framed=framed), _BOX, st.booleans())


@given(st.lists(_BOX, max_size=12), _MARK, st.sampled_from([0.0, 0.3, 0.5]))
def test_the_items_on_a_marks_line_are_those_a_scan_finds(boxes: list[BBox], mark: Mark,
                                                           overlap: float) -> None:
    index = BoxIndex(range(len(boxes)), boxes.__getitem__)
    assert _on_line_items(index, mark, overlap) == \
        [i for i, b in enumerate(boxes) if _on_line(b, mark, overlap)]


@given(st.lists(_MARK, max_size=12), _BOX)
def test_the_framed_marks_beside_a_box_are_those_a_scan_finds(marks: list[Mark], box: BBox) -> None:
    index = BoxIndex(range(len(marks)), [m.bbox for m in marks].__getitem__)
    nothing = cast(Any, None)  # the question reads only the marks and their index
    ctx = _Ctx(nothing, nothing, 1, (), tuple(marks), (), nothing, (), (), index, (), 0.0)
    assert _framed_on_line(ctx, box) == [m for m in marks if m.framed and _on_line(box, m, 0.3)]


@given(st.lists(st.tuples(_BOX, st.sampled_from([None, 0, 1])), max_size=12), st.sampled_from([None, 0]),
       _EDGE, st.floats(0, 40))
def test_a_boxs_pool_holds_every_phrase_of_its_scope_ending_in_the_band(
        placed: list[tuple[BBox, int | None]], scope: int | None, low: float, span: float) -> None:
    phrases = tuple((Phrase(1, (Word("w", box),)), cast(Any, None)) for box, _ in placed)
    boxes = [box for box, _ in placed]
    nothing = cast(Any, None)
    ctx = _Ctx(nothing, nothing, 1, phrases, (), tuple(g for _, g in placed),
               BoxIndex(range(len(boxes)), boxes.__getitem__), (scope,), (), nothing, (), 0.0)
    pool = [p for p, _ in _pool(ctx, 0, [], low, low + span)]
    ending = [p for (p, _), (box, grid) in zip(phrases, placed, strict=True)
              if grid == scope and low <= box.bottom <= low + span]
    assert all(any(p is q for q in pool) for p in ending)
    order = [i for i, (p, _) in enumerate(phrases) if any(p is q for q in pool)]
    assert [phrases[i][0] for i in order] == pool  # page order, each once
