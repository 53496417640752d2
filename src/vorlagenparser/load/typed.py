"""Tables typed as text: rules drawn with characters ("Gremium |Datum |TOP", "-----+-----").

Typewriters and plain-text exports draw a grid with "|" between the columns and lines of "-"
or "=" (with "+" where a column crosses) between the rows. Such a page has no graphics, so no
ruled grid is found and the columns are read as running text. Here the drawing characters
become what a drawing would have given: a rule along each dashed line, a column rule through
each "+" (the bars of a hand-typed row may stand a character off), reaching up through the
header lines whose bars stand above it, and the table's outer edges; the grid is built from
them as from drawn rules, and the bars and dashes leave the words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..geometry import BBox
from ..pagemodel import Page, Segment, Word
from .grids import find_grids

_DASHED = re.compile(r"^[-=+_]*[-=][-=+_]*$")  # a row rule: "------+-----+---"

Line = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class TypedRuleSettings:
    min_dashes: int = 8  # a row rule is at least this many characters long
    min_rows: int = 2  # a typed table has at least this many row rules ...
    max_row_gap: float = 6.0  # ... at most this many text lines apart
    tolerance: float = 2.0  # points: "+" and "|" this close stand in one column


def with_typed_rules(page: Page, settings: TypedRuleSettings | None = None) -> Page:
    """The page with the rules of its typed tables as segments and grids, the bars and dashes
    out of its words; pages without a typed table unchanged."""
    s = settings or TypedRuleSettings()
    dashed = sorted((w for w in page.words if len(w.text) >= s.min_dashes and _DASHED.match(w.text)),
                    key=lambda w: w.bbox.top)
    if len(dashed) < s.min_rows:
        return page
    words: list[Word] = []
    bars: list[BBox] = []
    for w in page.words:
        if any(w is d for d in dashed):
            continue
        pieces, found = _split_at_bars(w)
        words.extend(pieces)
        bars.extend(found)
    lines: list[Line] = []
    for table in _tables(dashed, s):
        lines.extend(_table_rules(table, bars, s))
    if not lines:
        return page
    grids = find_grids(lines)
    if not grids:
        return page
    segments = tuple(Segment(x0, y0, x1, y1, 0.5) for x0, y0, x1, y1 in lines)
    return replace(page, words=tuple(words), segments=page.segments + segments, grids=page.grids + grids)


def _tables(dashed: Sequence[Word], s: TypedRuleSettings) -> list[list[Word]]:
    """Row rules close below each other, of about the same width, form one table."""
    out: list[list[Word]] = []
    for w in dashed:
        last = out[-1][-1] if out else None
        if last is not None and w.bbox.top - last.bbox.bottom <= s.max_row_gap * last.bbox.height \
                and abs(w.bbox.x0 - last.bbox.x0) <= 3 * s.tolerance:
            out[-1].append(w)
        else:
            out.append([w])
    return [t for t in out if len(t) >= s.min_rows]


def _table_rules(rows: list[Word], bars: Sequence[BBox], s: TypedRuleSettings) -> list[Line]:
    left = min(w.bbox.x0 for w in rows)
    right = max(w.bbox.x1 for w in rows)
    first, last = rows[0].bbox.cy, rows[-1].bbox.cy
    columns = _columns(rows, bars, left, right, s)
    if not columns:
        return []
    # Header lines above the first row rule: as far up as bars stand in the table's columns.
    top, edge = first, rows[0].bbox.top
    for bar in sorted((b for b in bars if b.bottom <= first + s.tolerance), key=lambda b: -b.top):
        if edge - bar.bottom <= 0.6 * bar.height and any(abs(bar.x0 - x) <= s.tolerance for x in columns):
            top = edge = min(top, bar.top)
    out: list[Line] = [(w.bbox.x0, w.bbox.cy, w.bbox.x1, w.bbox.cy) for w in rows]
    if top < first:
        out.append((left, top, right, top))
    out.extend((x, top, x, last) for x in [left, *columns, right])
    return out


def _columns(rows: Sequence[Word], bars: Sequence[BBox], left: float, right: float,
             s: TypedRuleSettings) -> list[float]:
    """Column rules: where "+" cross the row rules (in most of them), else where bars stand."""
    crossings = [x for w in rows for x in _char_centres(w, "+")]
    candidates = _clusters(crossings, s.tolerance, min_count=max(2, len(rows) // 2))
    if not candidates:
        inside = [b.x0 for b in bars if rows[0].bbox.top - 3 * b.height <= b.top <= rows[-1].bbox.bottom]
        candidates = _clusters(inside, s.tolerance, min_count=len(rows) + 1)
    return [x for x in candidates if left + s.tolerance < x < right - s.tolerance]


def _clusters(xs: Sequence[float], tolerance: float, min_count: int) -> list[float]:
    groups: list[list[float]] = []
    for x in sorted(xs):
        if groups and x - groups[-1][-1] <= tolerance:
            groups[-1].append(x)
        else:
            groups.append([x])
    return [sum(g) / len(g) for g in groups if len(g) >= min_count]


def _char_centres(word: Word, ch: str) -> list[float]:
    """x of each ``ch`` in the word, the box shared evenly among its characters (monospaced)."""
    step = word.bbox.width / max(len(word.text), 1)
    return [word.bbox.x0 + (i + 0.5) * step for i, c in enumerate(word.text) if c == ch]


def _split_at_bars(word: Word) -> tuple[list[Word], list[BBox]]:
    """A word without its "|" characters, and the bars' boxes (a line at each bar's x)."""
    if "|" not in word.text:
        return [word], []
    step = word.bbox.width / max(len(word.text), 1)
    pieces, bars = [], []
    start = 0
    for i, ch in enumerate(word.text + "|"):
        if ch != "|":
            continue
        if i > start:
            pieces.append(replace(word, text=word.text[start:i],
                                  bbox=BBox(word.bbox.x0 + start * step, word.bbox.top,
                                            word.bbox.x0 + i * step, word.bbox.bottom)))
        if i < len(word.text):
            x = word.bbox.x0 + (i + 0.5) * step
            bars.append(BBox(x, word.bbox.top, x, word.bbox.bottom))
        start = i + 1
    return pieces, bars
