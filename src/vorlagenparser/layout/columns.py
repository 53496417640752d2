"""Reading order on pages set in two text columns (newspaper style, minutes, Wortprotokolle).

Rows of words come sorted top to bottom; where a run of rows has body text on both sides of a
clear vertical gutter, the left column is read to its end before the right one. Label/value
blocks and tables are left alone: their left side is narrow or sparse, not running text.
"""

from __future__ import annotations

import math
import statistics
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate, pairwise

from ..geometry import BBox
from ..pagemodel import Word

_MIN_BLOCK_ROWS = 6
_MIN_SIDE_WORDS = 4  # running text has several words on a line of each column
_MIN_GUTTER = 8.0  # points of white between the columns
_MIN_SIDE_ROWS = 3  # a column that ends early on the page still has a few lines


def reading_order(rows: list[list[Word]], width: float) -> list[list[Word]]:
    gutter = _gutter(rows, width)
    if gutter is None:
        return rows
    out: list[list[Word]] = []
    i = 0
    while i < len(rows):
        if _crosses(rows[i], gutter):
            out.append(rows[i])
            i += 1
            continue
        j = i
        while j < len(rows) and not _crosses(rows[j], gutter):
            j += 1
        out.extend(_split_block(rows[i:j], gutter, width))
        i = j
    return out


def _crosses(row: Sequence[Word], x: float) -> bool:
    return any(w.bbox.x0 < x < w.bbox.x1 for w in row)


def _sides(row: Sequence[Word], x: float) -> tuple[list[Word], list[Word]]:
    return [w for w in row if w.bbox.cx < x], [w for w in row if w.bbox.cx >= x]


def _is_text_block(block: list[list[Word]], x: float, width: float) -> bool:
    """Both sides hold running text: many rows of several words each, the left side wide and
    reaching up to the gutter (the columns' baselines need not line up)."""
    if len(block) < _MIN_BLOCK_ROWS:
        return False
    sides = [_sides(r, x) for r in block]
    # Running text has several words a side: with too few such rows on a side, no row's words
    # need be measured.
    if min(sum(len(lt) >= _MIN_SIDE_WORDS for lt, _ in sides),
           sum(len(rt) >= _MIN_SIDE_WORDS for _, rt in sides)) < _MIN_SIDE_ROWS:
        return False
    left = [lt for lt, _ in sides if _running_text(lt)]
    right = [rt for _, rt in sides if _running_text(rt)]
    if min(len(left), len(right)) < _MIN_SIDE_ROWS or len(left) + len(right) < 0.5 * len(block):
        return False
    # A real gutter is wide and empty in every row; a "river" of spaces in justified text is not.
    # Measured on the lines of running text: a centred page number may sit in the gutter.
    left_end = max(max(w.bbox.x1 for w in lt) for lt in left)
    right_start = min(min(w.bbox.x0 for w in rt) for rt in right)
    if right_start - left_end < _MIN_GUTTER:
        return False
    reach = statistics.median(x - max(w.bbox.x1 for w in lt) for lt in left)
    left_width = statistics.median(max(w.bbox.x1 for w in lt) - min(w.bbox.x0 for w in lt) for lt in left)
    return reach < 0.08 * width and left_width > 0.25 * width


def _running_text(words: list[Word]) -> bool:
    """Several words one space apart: a line of text, not the cells of a form or table."""
    if len(words) < _MIN_SIDE_WORDS:
        return False
    height = statistics.median(w.bbox.height for w in words)
    return all(b.bbox.x0 - a.bbox.x1 < height for a, b in pairwise(words))


def _split_block(block: list[list[Word]], x: float, width: float) -> list[list[Word]]:
    if not _is_text_block(block, x, width):
        return block
    sides = [_sides(r, x) for r in block]
    return [lt for lt, _ in sides if lt] + [rt for _, rt in sides if rt]


def _gutter(rows: list[list[Word]], width: float) -> float | None:
    """The x in the middle of the page that the fewest rows cross, if rows lie on both sides.

    Candidates every 3 pt; one counts when at least a few rows, free there, have words on
    either side of it. Counted in plain Python over runs of candidates (some dozens of rows
    and candidates per page: not worth loading numpy for on a digital page).
    """
    if len(rows) < 2 * _MIN_SIDE_ROWS:
        return None
    xs = _candidates(0.3 * width, 0.7 * width, 3.0)
    n = len(xs)
    # Differences of the counts per candidate; a run [lo, hi) adds 1 at lo and takes it at hi.
    crossings, left, right = [0] * (n + 1), [0] * (n + 1), [0] * (n + 1)
    for row in rows:
        boxes = [w.bbox for w in row]  # each box read once: every page's rows pass here
        centres = [(b.x0 + b.x1) / 2 for b in boxes]
        left_from = bisect_right(xs, min(centres))  # candidates > the leftmost word
        right_to = bisect_right(xs, max(centres))  # candidates <= the rightmost
        _add(left, left_from, n, 1)
        _add(right, 0, right_to, 1)
        for lo, hi in _crossed(boxes, xs):  # a crossed candidate is not free: taken back
            # _add written out (a run or two per word of every row): the run itself is not
            # empty, its parts left of the leftmost and right of the rightmost word may be.
            crossings[lo] += 1
            crossings[hi] -= 1
            start = lo if lo > left_from else left_from  # max(lo, left_from)
            if hi > start:
                left[start] -= 1
                left[hi] += 1
            stop = right_to if right_to < hi else hi  # min(hi, right_to)
            if stop > lo:
                right[lo] -= 1
                right[stop] += 1
    crossed, lefts, rights = (list(accumulate(d[:n])) for d in (crossings, left, right))
    usable = [k for k in range(n) if min(lefts[k], rights[k]) >= _MIN_SIDE_ROWS]
    if not usable:
        return None
    return xs[min(usable, key=crossed.__getitem__)]  # the first of the fewest crossings


def _crossed(boxes: Sequence[BBox], xs: list[float]) -> list[tuple[int, int]]:
    """The runs of candidates lying strictly inside a box of the row (x0 < x < x1), merged."""
    # A box that ends at or before the first candidate, or starts at or after the last, holds
    # none (its run would be empty): most words of a page lie outside the middle searched.
    if not xs:
        return []
    first, last = xs[0], xs[-1]
    runs = sorted([(bisect_right(xs, b.x0), bisect_left(xs, b.x1)) for b in boxes
                   if not (b.x1 <= first or b.x0 >= last)])
    merged: list[tuple[int, int]] = []
    end = -1  # the last merged run's end (runs are never empty: lo < hi, lo >= 0)
    for lo, hi in runs:
        if hi <= lo:
            continue
        if merged and lo <= end:
            if hi > end:
                end = hi
                merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
            end = hi
    return merged


def _add(differences: list[int], lo: int, hi: int, value: int) -> None:
    if hi > lo:
        differences[lo] += value
        differences[hi] -= value


def _candidates(start: float, stop: float, step: float) -> list[float]:
    """numpy.arange(start, stop, step), value for value: the step is taken as the difference
    of the first two values, and the k-th value is start + k * that step."""
    count = max(0, math.ceil((stop - start) / step))
    delta = (start + step) - start
    return [start + k * delta for k in range(count)]
