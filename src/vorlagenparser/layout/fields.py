"""Labelled values: a label's value is to its right on the same line, or below it."""

from __future__ import annotations

from dataclasses import dataclass

from ..geometry import horizontal_overlap
from .context import Context, Found
from .lines import Line, Phrase
from .normalize import join_lines, strip_label_punct


@dataclass(frozen=True, slots=True)
class LabelHit:
    name: str
    line: Line
    phrase_index: int
    label: Phrase
    rest: Phrase | None  # words after the label in the same phrase


def find_labels(ctx: Context, lines: list[Line]) -> list[LabelHit]:
    """Every phrase that starts with a field label (strong: colon, or the phrase is the label)."""
    out = []
    for line in lines:
        for i, phrase in enumerate(line.phrases):
            hit = ctx.fields.prefix(phrase.words)
            if hit is None:
                continue
            rest_words = phrase.words[hit.nwords:]
            rest = Phrase(phrase.page, rest_words) if rest_words else None
            if not (hit.strong or i == 0 and rest is not None and _value_like(rest.text)):
                continue
            out.append(LabelHit(hit.name, line, i, Phrase(phrase.page, phrase.words[:hit.nwords]), rest))
    return out


def _value_like(text: str) -> bool:
    """Without a colon, only a value with a digit ("Drucksache Nr. 0457/2021") shows a label."""
    return any(c.isdigit() for c in text.split(" ", 1)[0])


def is_label_phrase(ctx: Context, phrase: Phrase) -> bool:
    hit = ctx.fields.prefix(phrase.words)
    return hit is not None and hit.strong


def value_of(ctx: Context, hit: LabelHit, multiline: bool = False) -> Found | None:
    phrases = _right_value(ctx, hit)
    if phrases is None:
        phrases = _below_value(ctx, hit)
    if not phrases:
        return None
    texts = [strip_label_punct(p.text) for p in phrases]
    if multiline:
        extra = _continuation(ctx, phrases[-1], hit)
        phrases += extra
        texts += [p.text for p in extra]
    text = join_lines(texts)
    return ctx.found(phrases, text) if text else None


def _right_value(ctx: Context, hit: LabelHit) -> list[Phrase] | None:
    if hit.rest is not None and strip_label_punct(hit.rest.text):
        return [hit.rest]
    following = hit.line.phrases[hit.phrase_index + 1:]
    if following and not is_label_phrase(ctx, following[0]) and not _is_column_label(ctx, following[0]):
        gap = following[0].bbox.x0 - hit.label.bbox.x1
        if gap < ctx.page(hit.line.page).width * 0.45:
            return [following[0]]
    return None


def _is_column_label(ctx: Context, phrase: Phrase) -> bool:
    return ctx.sections.whole(phrase.text) is not None


def _below_value(ctx: Context, hit: LabelHit) -> list[Phrase]:
    """Header tables: the value sits in the row below, under the label."""
    label = hit.label.bbox
    height = ctx.line_height(hit.line)
    for line in ctx.lines_after(hit.line)[:3]:
        if line.page != hit.line.page or line.bbox.top - label.bottom > 2.6 * height:
            break
        under = [p for p in line.phrases if horizontal_overlap(p.bbox, label) > 0.3
                 or (p.bbox.x0 <= label.cx <= p.bbox.x1)]
        if under:
            if is_label_phrase(ctx, under[0]) or line.index in ctx.boundaries:
                return []
            return [under[0]]
    return []


def _continuation(ctx: Context, last: Phrase, hit: LabelHit) -> list[Phrase]:
    """Wrapped lines of a long value: aligned with the value's start, no gap, no new label."""
    out: list[Phrase] = []
    x0 = last.bbox.x0
    prev_bottom = last.bbox.bottom
    start = next((ln for ln in ctx.lines if ln.page == last.page and last in ln.phrases), hit.line)
    for line in ctx.lines_after(start):
        first = line.phrases[0]
        if line.page != last.page or ctx.is_boundary(line):
            break
        if first.bbox.top - prev_bottom > 0.7 * ctx.line_height(line) or abs(first.bbox.x0 - x0) > 6:
            break
        out.append(first)
        prev_bottom = first.bbox.bottom
    return out
