"""The text stage's cheap first tests and indexes answer as the plain scans they replace."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from vorlagenparser.geometry import BBox, horizontal_overlap
from vorlagenparser.layout.text import _ID, _is_id, group_lines
from vorlagenparser.pagemodel import Word


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
