"""The text stage's cheap first tests and indexes answer as the plain scans they replace."""

from __future__ import annotations

import math
import statistics
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from vorlagenparser.geometry import BBox, horizontal_overlap
from vorlagenparser.layout.text import _ID, _is_id, _median, _Splitters, _word_gaps, group_lines
from vorlagenparser.pagemodel import Mark, Page, Word


@given(st.text(alphabet="aZ19/-._ \nß", max_size=20))
def test_a_document_number_is_what_the_regex_finds(text: str) -> None:
    assert _is_id(text) == (_ID.search(text) is not None)


def _plain_group_lines(words: list[Word], min_overlap: float = 0.5) -> list[list[Word]]:
    """group_lines as first written, with min() and max() (the reference for the fast one)."""
    boxes = [w.bbox for w in words]
    order = sorted(range(len(boxes)), key=lambda i: (boxes[i].cy, boxes[i].x0))
    rows: list[list[int]] = []
    rights: list[float] = []
    for i in order:
        box = boxes[i]
        for r in range(len(rows) - 1, max(len(rows) - 4, -1), -1):
            last = boxes[rows[r][-1]]
            overlap = min(last.bottom, box.bottom) - max(last.top, box.top)
            if overlap > min_overlap * min(last.height, box.height) and (
                    box.x0 >= rights[r] or not any(horizontal_overlap(boxes[k], box) > 0.3 for k in rows[r])):
                rows[r].append(i)
                rights[r] = max(rights[r], box.x1)
                break
        else:
            rows.append([i])
            rights.append(box.x1 if box.x1 > -math.inf else -math.inf)
    return [[words[i] for i in sorted(r, key=lambda i: boxes[i].x0)] for r in rows]


_EDGE = st.one_of(st.floats(0, 60, allow_nan=False), st.sampled_from([math.nan, math.inf, -math.inf]))
_WORD = st.builds(lambda x, t, w, h: Word("w", BBox(x, t, x + w, t + h)), _EDGE, _EDGE,
                  st.floats(0, 30), st.floats(-2, 15))


@given(st.lists(_WORD, max_size=14))
def test_lines_are_grouped_as_the_plain_loop_groups_them(words: list[Word]) -> None:
    fast, plain = group_lines(words), _plain_group_lines(words)
    assert [[id(w) for w in row] for row in fast] == [[id(w) for w in row] for row in plain]


# Edges on a half-point grid (so that a splitter's centre meets a gap's end exactly), and the
# odd ones: NaN, infinities, both zeros.
_FLOAT = st.one_of(st.integers(-4, 60).map(lambda v: v / 2),
                   st.sampled_from([math.nan, math.inf, -math.inf, 0.0, -0.0]))
_BOX = st.builds(BBox, _FLOAT, _FLOAT, _FLOAT, _FLOAT)


def _same(a: float, b: float) -> bool:
    """The same float, NaN and the sign of zero included."""
    return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))


@given(st.lists(_FLOAT, min_size=1, max_size=9))
def test_a_lines_median_is_statistics_median(values: list[float]) -> None:
    assert _same(_median(list(values)), statistics.median(values))


def _row(steps: list[tuple[float, float, float, float]]) -> list[BBox]:
    """Boxes left to right: each ``gap`` after the one before, ``width`` wide."""
    boxes, x = [], 0.0
    for gap, width, top, height in steps:
        boxes.append(BBox(x + gap, top, x + gap + width, top + height))
        x += gap + width
    return boxes


_STEP = st.tuples(st.sampled_from([-1.0, 0.0, 0.5, 1.0, 1.2, 1.5, 2.0, 3.0, 9.0, math.nan]),
                  st.sampled_from([0.0, 5.0, 20.0]), _FLOAT,
                  st.sampled_from([-1.0, 0.0, 0.5, 1.0, 2.0, 8.0, math.nan, math.inf]))


@given(st.lists(st.lists(_STEP, max_size=12).map(_row), max_size=5))
def test_the_gaps_of_the_typical_space_are_those_a_plain_test_keeps(rows: list[list[BBox]]) -> None:
    plain = [gap for row in rows for a, b in pairwise(row)
             if 0 < (gap := b.x0 - a.x1) < 1.5 * max(a.height, 1.0)]
    assert all(_same(x, y) for x, y in zip(_word_gaps(rows), plain, strict=True))


# Rules and boxes across a line of words 10 to 20 pt down, or anywhere.
_SPLITTER = st.one_of(_BOX, st.builds(lambda x, w, top, bottom: BBox(x, top, x + w, bottom),
                                      _FLOAT, st.sampled_from([0.0, 1.0, 2.0]),
                                      st.sampled_from([0.0, 9.0, 16.0]), st.sampled_from([12.0, 18.0, 30.0])))
_ON_LINE = st.one_of(_BOX, st.builds(lambda x, w, top: BBox(x, top, x + w, top + 10), _FLOAT,
                                     st.sampled_from([0.5, 3.0, 8.0]), st.sampled_from([8.0, 10.0, 12.0])))


@settings(max_examples=400)  # a splitter in the gap and reaching the words' height is rare
@given(st.lists(_SPLITTER, max_size=6), _ON_LINE, _ON_LINE)
def test_a_splitter_parts_two_words_as_between_asks(splitters: list[BBox], a: BBox, b: BBox) -> None:
    page = Page(1, 100, 100)
    found = _Splitters(page, [Mark(box, False, 1.0, "vector") for box in splitters])
    assert found.parts(a, b) == found.between(a.x1 - 0.5, b.x0 + 0.5, (a.cy + b.cy) / 2)
