"""Stage 8, key/value pairs: a field label and its value.

The value is right of its label on the same line or in the neighbouring cell, below it in the
same cell or column (header rows), wrapped over several lines. A value never crosses a cell
border, another label, or a box's label. The first label of a field that yields a valid value
wins; a label that yields none is reported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..geometry import BBox, horizontal_overlap, same_line
from ..pagemodel import Word
from ..parsing.dates import find_dates, parse_date
from .document import Doc, Found
from .normalize import join_lines, key, strip_label_punct
from .regions import Cell, Regions
from .text import Line, Phrase


@dataclass(frozen=True, slots=True)
class LabelHit:
    name: str
    line: Line
    phrase_index: int
    label: Phrase
    rest: Phrase | None  # words after the label in the same phrase


@dataclass(frozen=True, slots=True)
class Pair:
    hit: LabelHit
    value: Found
    how: str  # rest | cell | cell-right | cell-below | right | below


@dataclass(frozen=True, slots=True)
class Pairs:
    labels: tuple[LabelHit, ...]  # every field label found (a boundary for sections)
    pairs: tuple[Pair, ...]  # the labels that gave a field its value
    fields: dict[str, Found]
    warnings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Ctx:
    doc: Doc
    regions: Regions
    claimed: frozenset[int]  # id() of phrases that are box labels
    label_phrases: frozenset[int]  # id() of phrases that start with a field label
    stops: frozenset[int]  # lines no value runs into (headings, tables)


def find_labels(
    doc: Doc, regions: Regions, skip: frozenset[int], claimed: frozenset[int]
) -> tuple[LabelHit, ...]:
    """Every phrase that starts with a field label (strong: colon, or the phrase is the label)."""
    out = _cell_labels(doc, regions, skip)
    in_cells = {id(w) for h in out for w in h.label.words}
    for line in doc.lines:
        if line.index in skip:
            continue
        for i, phrase in enumerate(line.phrases):
            if id(phrase) in claimed or (in_cells and any(id(w) in in_cells for w in phrase.words)):
                continue
            hit = doc.vocab.fields.prefix(phrase.words)
            if hit is None or phrase.words[0].text.startswith(("(", "[")):
                continue  # "(Drucksache 95/61)": a document cited in brackets, no label
            rest_words = phrase.words[hit.nwords:]
            rest = Phrase(phrase.page, rest_words) if rest_words else None
            weak_ok = doc.profile.fields[hit.name].kind in ("id", "date")
            if not (hit.strong or (weak_ok and rest is not None and _value_like(rest.text))):
                continue
            out.append(LabelHit(hit.name, line, i, Phrase(phrase.page, phrase.words[:hit.nwords]), rest))
    return tuple(sorted(out, key=lambda h: (h.line.index, h.phrase_index)))


def _cell_labels(doc: Doc, regions: Regions, skip: frozenset[int]) -> list[LabelHit]:
    """Header-table cells whose whole text is a label, also when it wraps ("Drucksachen-/Nr.:")."""
    out = []
    first_line: dict[int, Line] | None = None  # each word's line, made once a cell reads as a label
    for page in doc.pages:
        for cell in regions.cells[page.number - 1]:
            words = doc.word_index(page.number).inside(cell.bbox, tol=1.0)
            if len(words) < 2 or len({round(w.bbox.top) for w in words}) < 2:
                continue  # one-line cells are found phrase by phrase
            words.sort(key=lambda w: (round(w.bbox.top / 3), w.bbox.x0))
            name = doc.vocab.fields.whole(" ".join(w.text for w in words))
            if name is None:
                continue
            if first_line is None:
                first_line = {id(w): ln for ln in doc.lines for w in ln.words}
            line = first_line.get(id(words[0]))
            if line is not None and line.index not in skip:
                out.append(LabelHit(name, line, 0, Phrase(page.number, tuple(words)), None))
    return out


def _value_like(text: str) -> bool:
    """Without a colon, only a value with a digit ("Drucksache Nr. 0457/2021", "Nr. GR 2022-138")
    shows a label."""
    return any(c.isdigit() for token in text.split(" ")[:2] for c in token)


def find_pairs(doc: Doc, regions: Regions, labels: tuple[LabelHit, ...], claimed: frozenset[int],
               stops: frozenset[int] = frozenset()) -> Pairs:
    """``stops`` are lines a wrapped value never runs into: headings, tables, result blocks."""
    ctx = _Ctx(doc, regions, claimed, frozenset(id(h.line.phrases[h.phrase_index]) for h in labels
                                                if h.phrase_index < len(h.line.phrases)), stops)
    fields: dict[str, Found] = {}
    pairs: list[Pair] = []
    warnings: list[str] = []
    for hit in labels:
        if hit.name in fields:
            continue
        rule = doc.profile.fields[hit.name]
        got = value_of(ctx, hit, multiline=rule.kind == "multiline")
        if got is None:
            continue
        found, how = got
        if rule.pattern and not re.search(rule.pattern, str(found.value)):
            continue
        if rule.kind == "id" and isinstance(found.value, str):
            found = Found(
                doc.identifier(found.value, found.page), found.page, found.bbox, found.confidence, found.raw
            )
        if rule.kind == "date":
            dated = _as_date(doc, found)
            if dated is None:
                continue
            found = dated
            if found.value is None:
                warnings.append(f"{hit.name}: '{found.raw}' is not a valid date")
        fields[hit.name] = found
        pairs.append(Pair(hit, found, how))
    for name in doc.profile.fields:
        if name not in fields and any(h.name == name for h in labels) and name != "hinweis":
            warnings.append(f"{name}: label printed but no value found")
    return Pairs(labels, tuple(pairs), fields, tuple(warnings))


def _as_date(doc: Doc, found: Found) -> Found | None:
    text = doc.typed(str(found.value), found.page)
    dates = find_dates(text)
    if dates and dates[0][0].value is not None:
        return Found(dates[0][0].value, found.page, found.bbox, found.confidence)
    parsed = parse_date(text)
    if parsed.value is not None:
        return Found(parsed.value, found.page, found.bbox, found.confidence)
    if dates or any(c.isdigit() for c in str(found.value)):
        return Found(None, found.page, found.bbox, found.confidence, raw=str(found.value))
    return None


def is_label_phrase(doc: Doc, phrase: Phrase) -> bool:
    hit = doc.vocab.fields.prefix(phrase.words)
    return hit is not None and hit.strong


def value_of(ctx: _Ctx, hit: LabelHit, multiline: bool = False) -> tuple[Found, str] | None:
    doc = ctx.doc
    cell = ctx.regions.cell_at(hit.line.page, hit.label.bbox)
    if cell is not None:  # in a ruled table the value is in the grid, never beside it
        return _cell_value(ctx, hit, cell)
    phrases, how = _right_value(ctx, hit)
    if phrases is None:
        phrases, how = _below_value(ctx, hit), "below"
    if not phrases:
        return None
    texts = [strip_label_punct(p.text) for p in phrases]
    below = phrases[0].bbox.top > hit.label.bbox.bottom - 0.5
    # Long values wrap: under the value's start, or (Betreff, values below labels) the label's.
    starts = (phrases[0].bbox.x0, hit.label.bbox.x0) if multiline or below else (phrases[0].bbox.x0,)
    if len(phrases) == 1:
        extra = _continuation(ctx, phrases[-1], hit, starts)
        phrases += extra
        texts += [p.text for p in extra]
    text = join_lines(texts)
    return (doc.found(phrases, text), how) if any(c.isalnum() for c in text) else None


def _cell_value(ctx: _Ctx, hit: LabelHit, cell: Cell) -> tuple[Found, str] | None:
    """In a ruled table the value shares the label's cell, or fills the next cell (labels in a
    column) or the cell below (a row of labels)."""
    doc = ctx.doc
    page = doc.page(hit.line.page)
    index = doc.word_index(page.number)
    in_cell = cell.held(index)
    label = hit.label.bbox
    label_ids = {id(w) for w in hit.label.words}
    beside = [
        w
        for w in in_cell
        if w.bbox.x0 >= label.x1 - 0.5 and same_line(w.bbox, label) and id(w) not in label_ids
    ]
    under = [w for w in in_cell if w.bbox.top >= label.bottom - 0.5 and id(w) not in label_ids]
    how = "cell"
    if beside or under:
        words = beside + [w for w in under if w not in beside] if beside else under
    else:
        right = ctx.regions.right_of(cell)
        below = ctx.regions.below(cell)
        if right is not None and (_labels_in_a_column(ctx, cell) or below is None):
            words, how = right.held(index), "cell-right"
        elif below is not None:
            words, how = below.held(index), "cell-below"
        else:
            return None
        if words and is_label_phrase(doc, Phrase(page.number, tuple(_sorted(words)))):
            return None  # the next cell holds the next label: this one is blank
    words = _sorted(words)
    text = strip_label_punct(join_lines(_by_line(words)))
    if not text:
        return None
    return doc.found([Phrase(hit.line.page, tuple(words))], text), how


def _sorted(words: Sequence[Word]) -> list[Word]:
    return sorted(words, key=lambda w: (round(w.bbox.top / 3), w.bbox.x0))


def _labels_in_a_column(ctx: _Ctx, cell: Cell) -> bool:
    """A key/value table (labels down a column) rather than a header row of labels."""
    # A property of the cell's grid, asked for each label in it: every cell is read once.
    slot = ("labels_in_a_column", cell.page, cell.grid)
    if slot not in ctx.doc.memo:
        ctx.doc.memo[slot] = _grid_labels_in_a_column(ctx, cell)
    answer: bool = ctx.doc.memo[slot]
    return answer


def _grid_labels_in_a_column(ctx: _Ctx, cell: Cell) -> bool:
    index = ctx.doc.word_index(cell.page)
    hits: list[tuple[int, int]] = []
    for c in ctx.regions.grid_cells(cell.page, cell.grid):
        words = _sorted(c.held(index))
        hit = ctx.doc.vocab.fields.prefix(words) if words else None
        if hit is not None and hit.nwords == len(words):
            hits.append((c.row, c.col))
    rows = {r for r, _ in hits}
    cols = {c for _, c in hits}
    return len(hits) >= 2 and len(cols) < len(hits) and len(rows) == len(hits)


def _by_line(words: list[Word]) -> list[str]:
    lines: list[list[Word]] = []
    for w in words:
        if lines and same_line(lines[-1][-1].bbox, w.bbox):
            lines[-1].append(w)
        else:
            lines.append([w])
    return [" ".join(w.text for w in ln) for ln in lines]


def _right_value(ctx: _Ctx, hit: LabelHit) -> tuple[list[Phrase] | None, str]:
    if hit.rest is not None and strip_label_punct(hit.rest.text):
        return [hit.rest], "rest"
    following = hit.line.phrases[hit.phrase_index + 1:]
    if not following:
        return None, "right"
    nxt = following[0]
    if id(nxt) in ctx.claimed or _label_row(ctx, hit, nxt):
        return None, "right"
    if is_label_phrase(ctx.doc, nxt) or _heading_text(ctx.doc, nxt.text):
        return None, "right"
    if _box_between(ctx, hit.label.bbox, nxt.bbox, hit.line.page):
        return None, "right"
    gap = nxt.bbox.x0 - hit.label.bbox.x1
    if gap < ctx.doc.page(hit.line.page).width * ctx.doc.settings.right_value_max_share:
        return [nxt], "right"
    return None, "right"


def _heading_text(doc: Doc, text: str) -> bool:
    """A section heading in its own right (a colon-only heading like "Antrag" needs its colon)."""
    if doc.vocab.sections.whole(text) is None:
        return False
    return key(text) not in doc.vocab.colon_only or text.rstrip().endswith(":")


def _box_between(ctx: _Ctx, a: BBox, b: BBox, page: int) -> bool:
    return any(a.x1 - 1 <= m.bbox.cx <= b.x0 + 1 and m.bbox.top - 2 <= a.cy <= m.bbox.bottom + 2
               for m in ctx.doc.page_marks(page))


def _label_row(ctx: _Ctx, hit: LabelHit, neighbour: Phrase) -> bool:
    """"Aktenzeichen | Sachbearbeitung" over "20.3-39 | Name": a row of labels above their values.

    A bare label (no colon) whose neighbour is printed like it (bold, no digits) and which has
    a phrase right under it heads a column; its value is below, not beside it.
    """
    if hit.label.words[-1].text.endswith(":") or hit.rest is not None:
        return False
    styled_alike = neighbour.bold == hit.label.bold and not any(c.isdigit() for c in neighbour.text)
    return styled_alike and hit.label.bold and bool(_below_value(ctx, hit))


def _below_value(ctx: _Ctx, hit: LabelHit) -> list[Phrase]:
    """Header tables: the value sits in the row below, under the label."""
    doc = ctx.doc
    label = hit.label.bbox
    height = doc.line_height(hit.line)
    for line in doc.after(hit.line)[:3]:
        if line.page != hit.line.page or line.bbox.top - label.bottom > doc.settings.below_gap_lines * height:
            break
        under = [p for p in line.phrases if horizontal_overlap(p.bbox, label) > 0.3
                 or (p.bbox.x0 <= label.cx <= p.bbox.x1)]
        if under:
            if (
                is_label_phrase(doc, under[0])
                or id(under[0]) in ctx.label_phrases
                or id(under[0]) in ctx.claimed
                or doc.vocab.sections.prefix(under[0].words) is not None
            ):
                return []
            return [under[0]]
    return []


def _continuation(ctx: _Ctx, last: Phrase, hit: LabelHit, starts: tuple[float, ...]) -> list[Phrase]:
    """Wrapped lines of a long value: aligned with the value or the label, no gap, no new label;
    a "hier:" line under a title always continues it."""
    doc = ctx.doc
    s = doc.settings
    out: list[Phrase] = []
    prev_bottom = last.bbox.bottom
    start = doc.line_of(last) or hit.line
    for line in doc.after(start):
        if line.page != last.page or line.bbox.top - prev_bottom > s.wrap_gap_lines * doc.line_height(line):
            break
        if line.index in ctx.stops:
            break
        aligned = [p for p in line.phrases if min(abs(p.bbox.x0 - x) for x in starts) <= s.wrap_align_pt]
        if not aligned:
            break
        phrase = aligned[0]
        left = [p for p in line.phrases if p.bbox.x1 <= phrase.bbox.x0]
        if left or id(phrase) in ctx.label_phrases or id(phrase) in ctx.claimed:
            break  # text in the label column: the next label's line, not a wrapped value
        if is_label_phrase(doc, phrase) or doc.vocab.sections.prefix(phrase.words) is not None:
            break
        if phrase.bold and not last.bold and not phrase.text.lower().startswith("hier:") \
                and (doc.page(phrase.page).method != "ocr" or phrase.text.rstrip().endswith(":")):
            break  # the next label of a column of labels and values (OCR's bold is a guess)
        out.append(phrase)
        prev_bottom = phrase.bbox.bottom
        last = phrase
    return out
