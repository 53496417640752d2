"""Rotated text runs (column headers printed at 90°) as words, from single characters.

Loaders hand in characters as dicts with x0, x1, top, bottom, text, size and the text matrix;
this module knows no PDF library.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import Any

from ..geometry import BBox
from ..pagemodel import Word


def vertical_words(chars: Sequence[Mapping[str, Any]]) -> list[Word]:
    """Group rotated characters by column; read bottom-to-top or top-to-bottom from the matrix."""
    columns: list[list[Mapping[str, Any]]] = []
    for ch in sorted(chars, key=lambda c: (float(c["x0"]), float(c["top"]))):
        if columns and abs(float(columns[-1][0]["x0"]) - float(ch["x0"])) <= 1.5:
            columns[-1].append(ch)
        else:
            columns.append([ch])
    out: list[Word] = []
    for column in columns:
        upward = float((column[0].get("matrix") or (0, 1))[1]) > 0  # rotated counter-clockwise
        column.sort(key=lambda c: float(c["top"]), reverse=upward)
        out.extend(_runs(column, upward))
    return out


def _runs(column: list[Mapping[str, Any]], upward: bool) -> list[Word]:
    """Split a column into runs at large gaps; a small gap is a space between words."""
    runs: list[list[Mapping[str, Any]]] = [[column[0]]]
    texts: list[str] = [str(column[0]["text"])]
    for prev, ch in itertools.pairwise(column):
        size = float(ch.get("size") or 8.0)
        lower, upper = (ch, prev) if upward else (prev, ch)
        gap = float(upper["top"]) - float(lower["bottom"])
        if gap > 1.5 * size:
            runs.append([ch])
            texts.append(str(ch["text"]))
            continue
        runs[-1].append(ch)
        texts[-1] += (" " if gap > 0.25 * size else "") + str(ch["text"])
    return [Word(text=text, bbox=BBox(min(float(c["x0"]) for c in run), min(float(c["top"]) for c in run),
                                      max(float(c["x1"]) for c in run), max(float(c["bottom"]) for c in run)),
                 fontname=str(run[0].get("fontname", "")), size=float(run[0].get("size") or 0.0))
            for run, text in zip(runs, texts, strict=True)]
