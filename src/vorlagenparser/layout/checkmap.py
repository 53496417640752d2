"""Tie each checkbox to its label: nearest text on the same line (either side) or just above.

Candidates are scored by distance, by whether the text is a known checkbox label, and by the
usual print conventions (a label ending in a colon precedes its box; a bare label follows it).
Every label phrase serves one box; the best pairs are taken first.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..geometry import BBox, contains, gap_x, union, vertical_overlap
from ..pagemodel import Mark, Word
from .context import Context, TiedMark
from .lines import Line, Phrase

_MAX_SIDE_GAP = 4.0  # box sides
_MAX_ABOVE_GAP = 4.0  # line heights


def tie_marks(ctx: Context, page_no: int, marks: list[Mark], lines: list[Line]) -> list[TiedMark]:
    phrases = [p for ln in lines if ln.page == page_no for p in ln.phrases
               if not any(contains(m.bbox.expand(1), p.bbox) for m in marks)]
    pairs: list[tuple[float, int, int, str, str | None, BBox]] = []
    for mi, mark in enumerate(marks):
        for pi, phrase in enumerate(phrases):
            scored = _score(ctx, mark, phrase, phrases)
            if scored is not None:
                score, label, key, box = scored
                pairs.append((score, mi, pi, label, key, box))
    pairs.sort(key=lambda t: -t[0])
    taken_m: dict[int, TiedMark] = {}
    taken_p: set[int] = set()
    for _score_v, mi, pi, label, key, box in pairs:
        if mi in taken_m or pi in taken_p:
            continue
        taken_m[mi] = TiedMark(marks[mi], page_no, label, box, key)
        taken_p.add(pi)
    return [taken_m.get(i) or TiedMark(m, page_no, "", None, None) for i, m in enumerate(marks)]


def _score(ctx: Context, mark: Mark, phrase: Phrase,
           phrases: list[Phrase]) -> tuple[float, str, str | None, BBox] | None:
    b, p = mark.bbox, phrase.bbox
    side = max(b.width, b.height, 6.0)
    text = phrase.text
    if vertical_overlap(b, p) >= 0.3:
        gap = gap_x(b, p)
        if gap > _MAX_SIDE_GAP * side:
            return None
        if p.x0 >= b.x1 - 1:
            position = 0.6 if not _ends_colon(text) else 0.0  # bare label after its box
            words = phrase.words[:_label_words(ctx, phrase)]
            text = " ".join(w.text for w in words)
            p = _span(words)
            gap = gap_x(b, p)
        elif p.x1 <= b.x0 + 1:
            position = 1.0 if _ends_colon(text) else 0.2  # "Öffentlich: ☐"
            text = _tail_label(ctx, phrase)
        else:
            return None
        distance = gap / side
    elif p.bottom <= b.top + 1 and (p.x0 - side <= b.cx <= p.x1 + side):
        gap = b.top - p.bottom
        if gap > _MAX_ABOVE_GAP * max(p.height, 6.0):
            return None
        position, distance = 0.3, 1.5 + gap / max(p.height, 6.0)
        text = _stacked_label(phrase, phrases)
    else:
        return None
    match = _match(ctx, text, phrase, phrases)
    known = 2.0 * match[1] if match else 0.0
    key = match[0] if match else None
    label = match[2] if match else text
    return known + position - 0.35 * distance, label.rstrip(": "), key, p


def _stacked_label(bottom: Phrase, phrases: list[Phrase]) -> str:
    """A label wrapped over several lines above its box, read top to bottom."""
    stack = [bottom]
    while True:
        cur = stack[-1]
        above = [q for q in phrases if 0 <= cur.bbox.top - q.bbox.bottom < 0.8 * cur.bbox.height
                 and abs(q.bbox.x0 - cur.bbox.x0) < 2.0 and q not in stack]
        if not above or len(stack) >= 4:
            break
        stack.append(max(above, key=lambda q: q.bbox.bottom))
    return " ".join(q.text for q in reversed(stack))


def _ends_colon(text: str) -> bool:
    return text.rstrip().endswith(":")


def _span(words: Sequence[Word]) -> BBox:
    return union(w.bbox for w in words)


def _label_words(ctx: Context, phrase: Phrase) -> int:
    """A label to the right of a box is as long as the known label it starts with, else whole."""
    hit = ctx.checkbox_labels.prefix(phrase.words)
    return hit.nwords if hit else len(phrase.words)


def _tail_label(ctx: Context, phrase: Phrase) -> str:
    """For a label left of its box, the known label that ends the phrase ("… Einstimmig:")."""
    words = phrase.words
    for start in range(len(words)):
        tail = " ".join(w.text for w in words[start:])
        if ctx.checkbox_labels.whole(tail):
            return tail
    return phrase.text


def _match(ctx: Context, text: str, phrase: Phrase,
           phrases: list[Phrase]) -> tuple[str, float, str] | None:
    """(key, match quality, label text) of the best vocabulary match for a candidate label."""
    match = ctx.checkbox_labels.fuzzy(text)
    if match and match[1] >= 0.85:
        return (*match, text)
    # Labels wrap: "Mit" above "Stimmenmehrheit:", "Protokollanmerkungen und Änderungen" / "siehe Rückseite".
    above = [q for q in phrases if 0 <= phrase.bbox.top - q.bbox.bottom < 1.2 * phrase.bbox.height
             and abs(q.bbox.x0 - phrase.bbox.x0) < 2 * phrase.bbox.height]
    for q in above:
        if ctx.checkbox_labels.fuzzy(q.text) is not None:
            continue  # the line above is a label of its own, not the start of this one
        joined = ctx.checkbox_labels.fuzzy(f"{q.text} {text}")
        if joined and joined[1] >= 0.85:
            return (*joined, f"{q.text} {text}")
    return (*match, text) if match else None
