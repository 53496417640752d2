"""pdfplumber's word building: characters of one run → lines → words."""

from __future__ import annotations

from operator import itemgetter

from ...geometry import BBox
from ...pagemodel import Word
from .runs import _Run

_X_TOLERANCE = 1.5  # as the pdfplumber loader's extract_words
_Y_TOLERANCE = 2.5
# pdfplumber expands these ligatures in words (str.translate table).
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st",
                            "ﬅ": "st"})

# A character: text, x0, x1, top, bottom (tuples: the per-character loop is the hot path).
_Char = tuple[str, float, float, float, float]
_X0 = itemgetter(1)


def _group_words(chars: list[_Char], run: _Run) -> list[Word]:
    """pdfplumber's line clustering (chained tops within the tolerance) and word splitting."""
    cluster_of: dict[float, int] = {}
    tops = sorted({c[3] for c in chars})
    cluster, last = 0, tops[0]
    for top in tops:
        if top > last + _Y_TOLERANCE:
            cluster += 1
        cluster_of[top] = cluster
        last = top
    lines: list[list[_Char]] = [[] for _ in range(cluster + 1)]
    for c in chars:
        lines[cluster_of[c[3]]].append(c)
    words: list[Word] = []
    for line in lines:
        line.sort(key=_X0)  # stable: equal x keeps content order, as pdfplumber's sort
        words.extend(_line_words(line, run))
    return words


def _line_words(line: list[_Char], run: _Run) -> list[Word]:
    """pdfplumber's word split: at spaces, at a gap over 1.5 pt, at a step back or a jump in
    height (measured from the previous character)."""
    words: list[Word] = []
    start = -1  # index of the current word's first character
    px0 = px1 = ptop = 0.0
    for i, (text, x0, x1, top, _) in enumerate(line):
        if text.isspace():
            if start >= 0:
                words.append(_word(line[start:i], run))
                start = -1
            continue
        if start < 0:
            start = i
        elif x0 < px0 or x0 > px1 + _X_TOLERANCE or abs(top - ptop) > _Y_TOLERANCE:
            words.append(_word(line[start:i], run))
            start = i
        px0, px1, ptop = x0, x1, top
    if start >= 0:
        words.append(_word(line[start:], run))
    return words


def _word(chars: list[_Char], run: _Run) -> Word:
    texts, x0s, x1s, tops, bottoms = zip(*chars, strict=True)
    text = "".join(texts).translate(_LIGATURES)
    box = BBox(min(x0s), min(tops), max(x1s), max(bottoms))
    return Word(text=text, bbox=box, fontname=run.fontname, size=run.size, bold=run.bold)
