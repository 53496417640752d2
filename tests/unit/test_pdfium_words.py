"""The PDFium loader's word building: its short ways (a group of characters on one height, lines
made of the stretches the loader knows) give the words of the general one (line clustering,
then the step-by-step split), which the loader tests hold to pdfplumber's."""

from __future__ import annotations

import math
from operator import itemgetter

from hypothesis import given, settings
from hypothesis import strategies as st

from vorlagenparser.load.pdfium.runs import _NO_RUN
from vorlagenparser.load.pdfium.words import _Char, _group_words, _line_words
from vorlagenparser.pagemodel import Word

_RUN = _NO_RUN._replace(fontname="ABCDEF+Arial-BoldMT", size=10.0, bold=True, upright=True)
# Positions on a coarse grid, so that equal x, touching boxes and gaps right at the tolerance
# all come up; NaN and infinity as a hostile file's numbers would give them.
_POSITION = st.one_of(st.integers(-4, 40).map(lambda i: i * 0.5),
                      st.sampled_from([math.nan, math.inf, -math.inf, -0.0]))
_TEXT = st.sampled_from(["a", "B", "1", " ", "\xa0", "\u2003", "-", "ﬁ", "ä", "(cid:7)"])


def _chars(top: st.SearchStrategy[float]) -> st.SearchStrategy[list[_Char]]:
    char = st.tuples(_TEXT, _POSITION, st.floats(0.0, 6.0), top, st.sampled_from([2.0, 2.5, 3.0]))
    return st.lists(char, min_size=1, max_size=30).map(
        lambda cs: [(t, x0, x0 + w, y, y + h) for t, x0, w, y, h in cs])


def _general(chars: list[_Char]) -> list[Word]:
    """pdfplumber's way, step by step: lines of chained tops (characters in content order),
    each sorted by x and split."""
    line_of: dict[float, int] = {}
    last = None
    for top in sorted({c[3] for c in chars}):
        line_of[top] = line_of[last] + (top > last + 2.5) if last is not None else 0
        last = top
    lines = [[c for c in chars if line_of[c[3]] == n] for n in sorted(set(line_of.values()))]
    return [w for line in lines for w in _line_words(sorted(line, key=itemgetter(1)), _RUN)]


def _shown(words: list[Word]) -> list[str]:
    return [repr(w) for w in words]  # NaN boxes compare unequal; their text does not


@settings(max_examples=300, deadline=None)
@given(_chars(st.sampled_from([12.0, 0.0, -0.0, 13.0, 15.0, 20.0, 22.5, 25.5])))
def test_known_tops_give_the_same_words(chars: list[_Char]) -> None:
    # What the loader collects per run: where a stretch at one top starts (here: each change).
    pieces = [(i, c[3]) for i, c in enumerate(chars) if i == 0 or c[3] is not chars[i - 1][3]]
    assert _shown(_group_words(list(chars), _RUN, pieces)) == _shown(_general(chars))
    assert _shown(_group_words(list(chars), _RUN)) == _shown(_general(chars))


@settings(max_examples=300, deadline=None)
@given(_chars(st.sampled_from([12.0, -0.0, 0.0])))
def test_one_height_is_one_line(chars: list[_Char]) -> None:
    """With one top (0.0 and -0.0 are one), the words are those of the sorted line."""
    if len({c[3] for c in chars}) == 1:
        line = sorted(chars, key=itemgetter(1))
        assert _shown(_group_words(list(chars), _RUN)) == _shown(_line_words(line, _RUN))
