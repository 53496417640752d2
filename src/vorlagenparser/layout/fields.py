"""Labelled values: a label's value is to its right on the same line, or below it."""

from __future__ import annotations

from dataclasses import dataclass

from ..geometry import BBox, contains, horizontal_overlap, same_line
from ..pagemodel import Grid, Page, Word
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
    out = _cell_labels(ctx, lines)
    in_cells = {id(w) for h in out for w in h.label.words}
    for line in lines:
        for i, phrase in enumerate(line.phrases):
            if any(id(w) in in_cells for w in phrase.words):
                continue
            hit = ctx.fields.prefix(phrase.words)
            if hit is None:
                continue
            rest_words = phrase.words[hit.nwords:]
            rest = Phrase(phrase.page, rest_words) if rest_words else None
            weak_ok = ctx.profile.fields[hit.name].kind in ("id", "date")
            if not (hit.strong or (weak_ok and rest is not None and _value_like(rest.text))):
                continue
            out.append(LabelHit(hit.name, line, i, Phrase(phrase.page, phrase.words[:hit.nwords]), rest))
    return out


def _cell_labels(ctx: Context, lines: list[Line]) -> list[LabelHit]:
    """Header-table cells whose whole text is a label, also when it wraps ("Drucksachen-/Nr.:")."""
    out = []
    first_line = {id(w): ln for ln in lines for w in ln.words}
    for page in ctx.pages:
        for grid in page.grids:
            for row in grid.rows:
                for cell in row:
                    words = [w for w in page.words if cell is not None and contains(cell, w.bbox, tol=1.0)]
                    if not words or len({round(w.bbox.top) for w in words}) < 2:
                        continue  # one-line cells are found phrase by phrase
                    words.sort(key=lambda w: (round(w.bbox.top / 3), w.bbox.x0))
                    name = ctx.fields.whole(" ".join(w.text for w in words))
                    line = first_line.get(id(words[0]))
                    if name is not None and line is not None:
                        label = Phrase(page.number, tuple(words))
                        out.append(LabelHit(name, line, 0, label, None))
    return out


def _value_like(text: str) -> bool:
    """Without a colon, only a value with a digit ("Drucksache Nr. 0457/2021", "Nr. GR 2022-138")
    shows a label."""
    return any(c.isdigit() for token in text.split(" ")[:2] for c in token)


def is_label_phrase(ctx: Context, phrase: Phrase) -> bool:
    hit = ctx.fields.prefix(phrase.words)
    return hit is not None and hit.strong


def value_of(ctx: Context, hit: LabelHit, multiline: bool = False) -> Found | None:
    cell = cell_of(ctx, hit.line.page, hit.label.bbox)
    if cell is not None:
        return _cell_value(ctx, hit, cell)
    phrases = _right_value(ctx, hit)
    if phrases is None:
        phrases = _below_value(ctx, hit)
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
    return ctx.found(phrases, text) if any(c.isalnum() for c in text) else None


def cell_of(ctx: Context, page_no: int, box: BBox) -> tuple[Grid, int, BBox] | None:
    """The ruled-table cell holding a box: (grid, row index, cell)."""
    for grid in ctx.page(page_no).grids:
        for ri, row in enumerate(grid.rows):
            for cell in row:
                if cell is not None and contains(cell, box, tol=1.0):
                    return grid, ri, cell
    return None


def _cell_value(ctx: Context, hit: LabelHit, where: tuple[Grid, int, BBox]) -> Found | None:
    """In a ruled header table the value shares the label's cell, or fills the cell below it."""
    grid, ri, cell = where
    page = ctx.page(hit.line.page)
    in_cell = [w for w in page.words if contains(cell, w.bbox, tol=1.0)]
    label = hit.label.bbox
    beside = [w for w in in_cell if w.bbox.x0 >= label.x1 - 0.5 and same_line(w.bbox, label)]
    under = [w for w in in_cell if w.bbox.top >= hit.label.bbox.bottom - 0.5]
    if beside or under:
        words = beside or under  # the value shares the label's cell: beside it, or under it
    elif _labels_in_a_column(ctx, page, grid):
        right = [c for c in grid.rows[ri] if c is not None and c.x0 >= cell.x1 - 1]
        words = [w for c in right[:1] for w in page.words if contains(c, w.bbox, tol=1.0)]
    else:
        below = next((c for c in (grid.rows[ri + 1] if ri + 1 < len(grid.rows) else ())
                      if c is not None and c.x0 - 1 <= hit.label.bbox.cx <= c.x1 + 1), None)
        if below is None:
            return None
        words = [w for w in page.words if contains(below, w.bbox, tol=1.0)]
    words.sort(key=lambda w: (round(w.bbox.top / 3), w.bbox.x0))
    text = strip_label_punct(join_lines(_by_line(words)))
    if not text:
        return None
    return ctx.found([Phrase(hit.line.page, tuple(words))], text)


def _labels_in_a_column(ctx: Context, page: Page, grid: Grid) -> bool:
    """A key/value table (labels down the first column) rather than a header row of labels."""
    hits: list[tuple[int, int]] = []
    for ri, row in enumerate(grid.rows):
        for ci, cell in enumerate(row):
            if cell is None:
                continue
            words = sorted((w for w in page.words if contains(cell, w.bbox, tol=1.0)),
                           key=lambda w: (round(w.bbox.top / 3), w.bbox.x0))
            hit = ctx.fields.prefix(words) if words else None
            if hit is not None and hit.nwords == len(words):
                hits.append((ri, ci))
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


def _right_value(ctx: Context, hit: LabelHit) -> list[Phrase] | None:
    if hit.rest is not None and strip_label_punct(hit.rest.text):
        return [hit.rest]
    following = hit.line.phrases[hit.phrase_index + 1:]
    if following and _label_row(ctx, hit, following[0]):
        return None
    if following and not is_label_phrase(ctx, following[0]) and not _is_column_label(ctx, following[0]):
        gap = following[0].bbox.x0 - hit.label.bbox.x1
        if gap < ctx.page(hit.line.page).width * 0.45:
            return [following[0]]
    return None


def _label_row(ctx: Context, hit: LabelHit, neighbour: Phrase) -> bool:
    """"Aktenzeichen | Sachbearbeitung" over "20.3-39 | Name": a row of labels above their values.

    A bare label (no colon) whose neighbour is printed like it (bold, no digits) and which has
    a phrase right under it heads a column; its value is below, not beside it.
    """
    label_words = hit.label.words
    if label_words[-1].text.endswith(":") or hit.rest is not None:
        return False
    styled_alike = neighbour.bold == hit.label.bold and not any(c.isdigit() for c in neighbour.text)
    return styled_alike and hit.label.bold and bool(_below_value(ctx, hit))


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


def _continuation(ctx: Context, last: Phrase, hit: LabelHit, starts: tuple[float, ...]) -> list[Phrase]:
    """Wrapped lines of a long value: aligned with the value or the label, no gap, no new label."""
    out: list[Phrase] = []
    prev_bottom = last.bbox.bottom
    start = next((ln for ln in ctx.lines if ln.page == last.page and last in ln.phrases), hit.line)
    for line in ctx.lines_after(start):
        if line.page != last.page or line.bbox.top - prev_bottom > 0.7 * ctx.line_height(line):
            break
        aligned = [p for p in line.phrases if min(abs(p.bbox.x0 - x) for x in starts) <= 6]
        if not aligned:
            break
        phrase = aligned[0]
        left = [p for p in line.phrases if p.bbox.x1 <= phrase.bbox.x0]
        if left or (phrase is line.phrases[0] and ctx.is_boundary(line)):
            break  # text in the label column: the next label's line, not a wrapped value
        if is_label_phrase(ctx, phrase) or (phrase.bold and not last.bold):
            break  # the next label of a column of labels and values
        out.append(phrase)
        prev_bottom = phrase.bbox.bottom
    return out
