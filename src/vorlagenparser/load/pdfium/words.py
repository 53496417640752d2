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


def _group_words(chars: list[_Char], run: _Run,
                 pieces: list[tuple[int, float]] | None = None) -> list[Word]:
    """pdfplumber's line clustering (chained tops within the tolerance) and word splitting.

    ``pieces``, when the caller knows them, are (first index, top) of stretches of ``chars`` at
    one top each, in order: lines are then made of stretches rather than character by character.
    """
    levels = {c[3] for c in chars} if pieces is None else {top for _, top in pieces}
    if len(levels) == 1:  # most groups: one line at one height, nothing to cluster
        chars.sort(key=_X0)  # stable: equal x keeps content order, as pdfplumber's sort
        return _line_words(chars, run)
    cluster_of: dict[float, int] = {}
    ordered = sorted(levels)
    cluster, last = 0, ordered[0]
    for top in ordered:
        if top > last + _Y_TOLERANCE:
            cluster += 1
        cluster_of[top] = cluster
        last = top
    lines: list[list[_Char]] = [[] for _ in range(cluster + 1)]
    if pieces is None:
        for c in chars:
            lines[cluster_of[c[3]]].append(c)
    else:
        ends = [start for start, _ in pieces[1:]]
        ends.append(len(chars))
        for (start, top), end in zip(pieces, ends, strict=True):
            lines[cluster_of[top]] += chars[start:end]
    words: list[Word] = []
    for line in lines:
        line.sort(key=_X0)  # stable: equal x keeps content order, as pdfplumber's sort
        words.extend(_line_words(line, run))
    return words


def _line_words(line: list[_Char], run: _Run) -> list[Word]:
    """pdfplumber's word split: at spaces, at a gap over 1.5 pt, at a step back or a jump in
    height (measured from the previous character). A word's box grows as its characters come
    (min and max by strict comparison, as min() and max() of its characters would give)."""
    words: list[Word] = []
    texts: list[str] = []  # the current word's characters; empty between words
    x0 = top = x1 = bottom = px0 = px1 = ptop = 0.0
    for text, cx0, cx1, ctop, cbottom in line:
        if text.isspace():
            if texts:
                words.append(_word(texts, x0, top, x1, bottom, run))
                texts = []
            continue
        if texts and (cx0 < px0 or cx0 > px1 + _X_TOLERANCE or abs(ctop - ptop) > _Y_TOLERANCE):
            words.append(_word(texts, x0, top, x1, bottom, run))
            texts = []
        if not texts:
            texts = [text]
            x0, top, x1, bottom = cx0, ctop, cx1, cbottom
        else:
            texts.append(text)
            if cx0 < x0:
                x0 = cx0
            if ctop < top:
                top = ctop
            if cx1 > x1:
                x1 = cx1
            if cbottom > bottom:
                bottom = cbottom
        px0, px1, ptop = cx0, cx1, ctop
    if texts:
        words.append(_word(texts, x0, top, x1, bottom, run))
    return words


def _word(texts: list[str], x0: float, top: float, x1: float, bottom: float, run: _Run) -> Word:
    text = "".join(texts)
    if not text.isascii():  # the ligatures are not (isascii looks at a flag, not the letters)
        text = text.translate(_LIGATURES)
    return Word(text, BBox(x0, top, x1, bottom), run.fontname, run.size, run.bold)
