"""The gutter search's runs of candidates a row crosses, as a plain test of every candidate."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from vorlagenparser.geometry import BBox
from vorlagenparser.layout.columns import _candidates, _crossed

_X = st.one_of(st.floats(0, 120, allow_nan=False), st.sampled_from([math.nan, math.inf, -math.inf]))
# Boxes with an edge on or beside a candidate (every 3 pt from 30 on a page 100 wide).
_NEAR = st.tuples(st.integers(-2, 15), st.sampled_from([-1.0, -0.5, 0.0, 0.5]),
                  st.sampled_from([0.5, 1.0, 2.0, 3.0, 6.0])).map(lambda t: (30.0 + 3 * t[0] + t[1], t[2]))


def _plain_runs(boxes: list[BBox], xs: list[float]) -> list[tuple[int, int]]:
    """Maximal runs of the candidates some box holds strictly inside (x0 < x < x1)."""
    runs: list[tuple[int, int]] = []
    for k, x in enumerate(xs):
        if any(b.x0 < x < b.x1 for b in boxes):
            if runs and runs[-1][1] == k:
                runs[-1] = (runs[-1][0], k + 1)
            else:
                runs.append((k, k + 1))
    return runs


@given(st.lists(st.one_of(_NEAR, st.tuples(_X, st.floats(0, 40))), max_size=10),
       st.one_of(st.just(100.0), st.floats(0, 200)))
def test_the_runs_a_row_crosses_are_those_a_plain_test_finds(spans: list[tuple[float, float]],
                                                             width: float) -> None:
    boxes = [BBox(x0, 0.0, x0 + w, 10.0) for x0, w in spans]
    xs = _candidates(0.3 * width, 0.7 * width, 3.0)
    assert _crossed(boxes, xs) == _plain_runs(boxes, xs)
