"""Round option buttons drawn as vector circles: chosen when a dot or a cross sits inside."""

from __future__ import annotations

import itertools
import math

from vorlagenparser.checkboxes.bare import detect_bare_vector
from vorlagenparser.pagemodel import Page, Segment


def _circle(cx: float, cy: float, r: float, arcs: int = 4) -> list[Segment]:
    """A circle as the loader gives it: chords between the end points of its Bézier arcs."""
    points = [(cx + r * math.cos(2 * math.pi * i / arcs), cy + r * math.sin(2 * math.pi * i / arcs))
              for i in range(arcs + 1)]
    return [Segment(x0, y0, x1, y1, 0.7) for (x0, y0), (x1, y1) in itertools.pairwise(points)]


def _page(segments: list[Segment]) -> Page:
    return Page(number=1, width=300, height=200, segments=tuple(segments))


def test_empty_and_chosen_radio_buttons() -> None:
    segments = [*_circle(50, 50, 4.25), *_circle(50, 50, 2.1),  # chosen: a dot inside
                *_circle(100, 50, 4.25),  # empty
                *_circle(150, 50, 4.25, arcs=8),  # chosen: a cross inside
                Segment(147, 47, 153, 53, 0.7), Segment(147, 53, 153, 47, 0.7)]
    marks = sorted(detect_bare_vector(_page(segments), []), key=lambda m: m.bbox.x0)
    assert [(round(m.bbox.cx), m.checked, m.framed) for m in marks] == [
        (50, True, True), (100, False, True), (150, True, True)]


def test_a_drawn_tick_stays_a_bare_mark() -> None:
    tick = [Segment(40, 50, 44, 55, 0.7), Segment(44, 55, 52, 43, 0.7)]
    (mark,) = detect_bare_vector(_page(tick), [])
    assert mark.checked and not mark.framed
