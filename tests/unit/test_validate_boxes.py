"""Validation's boxes given back: the written-out clamp answers as min() and max() do."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from vorlagenparser.validate import _clamp

_FLOAT = st.one_of(st.integers(-4, 8).map(lambda v: v / 2),
                   st.sampled_from([math.nan, math.inf, -math.inf, 0.0, -0.0]), st.floats())


def _same(a: float, b: float) -> bool:
    """The same float, NaN and the sign of zero included."""
    return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))


@given(_FLOAT, _FLOAT)
def test_a_clamped_edge_is_min_of_max(value: float, limit: float) -> None:
    assert _same(_clamp(value, limit), min(max(value, 0.0), limit))
