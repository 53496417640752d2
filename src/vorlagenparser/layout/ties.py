"""Stage 3, marks → labels: every box gets exactly one label.

Candidates, each scored, best pairs taken first (a label serves one box, a column header many):

- **cell**: text in the box's own ruled cell — on its line (left "Öffentlich: ☐" or right
  "☐ einstimmig"), else stacked above it ("Laut / Beschlussvorschlag:" over the box);
- **line**: the boxes and phrases of the box's line split it into segments; a line whose text
  follows its last box reads "☐ label ☐ label" (each box takes the phrase after it, and text
  before the first box is the group's question: "Finanzielle Auswirkungen: ☐ Ja ☒ Nein"), one
  that ends in a box reads "label ☐ label ☐";
- **column**: a box in a grid cell without text takes its column's header (wrapped, hyphenated
  or turned 90°);
- **above**: the nearest phrase stacked above the box.

Labels wrapped over two lines ("Mit" / "Stimmenmehrheit:") are joined when the joined text is a
known label. The vocabulary decides between candidates; it never decides where text is.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ..geometry import BBox, BoxIndex, gap_x, horizontal_overlap, union, vertical_overlap
from ..pagemodel import Mark, Word
from .document import Doc
from .normalize import clean, join_lines
from .regions import Cell, Regions
from .text import Line, Phrase

_BASE = {"cell": 3.0, "line": 2.0, "column": 1.5, "above": 1.0}


@dataclass(frozen=True, slots=True)
class Tie:
    mark: Mark
    page: int
    label: str  # the printed label ("" when none was found)
    label_bbox: BBox | None
    key: str | None  # the checkbox vocabulary key ("einstimmig"), None for an unknown label
    how: str  # cell | line | column | above | none
    quality: float  # 0..1: how clear the tie is (vocabulary match, distance, competitors)
    group: str | None = None  # the question an option group answers ("Finanzielle Auswirkungen")
    cell: Cell | None = None
    phrases: tuple[Phrase, ...] = ()  # the label's phrases (claimed: they are no field value)


@dataclass(frozen=True, slots=True)
class _Candidate:
    score: float
    mark: int
    phrases: tuple[Phrase, ...]  # empty for a column header
    text: str
    bbox: BBox
    how: str
    key: str | None
    match: float
    group: str | None = None
    shared: bool = False  # a column header serves every box under it


@dataclass(frozen=True, slots=True)
class _Ctx:
    doc: Doc
    regions: Regions
    page: int
    phrases: tuple[tuple[Phrase, Line], ...]
    marks: tuple[Mark, ...]
    grids: tuple[int | None, ...]  # per phrase, the index of the grid it lies in (_grid_index)
    heights: BoxIndex[int]  # positions in ``phrases`` by height on the page
    # Per mark: the grid it lies in, and the marks on its line (positions in ``marks`` of those
    # ``_on_line(m.bbox, mark, 0.3)``, itself included): asked for each mark by several
    # candidates, found once per page.
    mark_grids: tuple[int | None, ...]
    peers: tuple[tuple[int, ...], ...]
    mark_heights: BoxIndex[int]  # positions in ``marks`` by height on the page
    mark_cells: tuple[Cell | None, ...]  # per mark, the ruled cell holding it (cell_at)
    tallest: float  # the tallest phrase's height (bounds how far above a box a label may end)


def tie_marks(doc: Doc, regions: Regions) -> tuple[Tie, ...]:
    out: list[Tie] = []
    for page in doc.pages:
        marks = doc.page_marks(page.number)
        if not marks:
            continue
        phrases = tuple((p, ln) for ln in doc.on_page(page.number) for p in ln.phrases)
        grid_boxes = [g.bbox for g in page.grids]
        grids = tuple(_grid_index(grid_boxes, p.bbox) for p, _ in phrases) if grid_boxes \
            else (None,) * len(phrases)
        boxes = [p.bbox for p, _ in phrases]
        heights = BoxIndex(range(len(boxes)), boxes.__getitem__)
        mark_grids = tuple(_grid_index(grid_boxes, m.bbox) for m in marks)
        mark_heights = BoxIndex(range(len(marks)), [m.bbox for m in marks].__getitem__)
        peers = tuple(tuple(_on_line_items(mark_heights, mark, 0.3)) for mark in marks)
        cells = tuple(regions.cell_at(page.number, m.bbox) for m in marks)
        tallest = max((b.height for b in boxes), default=0.0)
        out.extend(_tie_page(_Ctx(doc, regions, page.number, phrases, marks, grids, heights,
                                  mark_grids, peers, mark_heights, cells, tallest)))
    return tuple(out)


def _tie_page(ctx: _Ctx) -> list[Tie]:
    candidates: list[_Candidate] = []
    for mi, mark in enumerate(ctx.marks):
        found = _candidates(ctx, mi, mark)
        if not mark.framed:
            # A tick or cross without a box is an option beside a known label, or among boxes on
            # its line ("✘ Ja  ❏ Nein"); in a bare table cell it is read by the table, under its column.
            group = any(ctx.marks[j].framed for j in ctx.peers[mi] if j != mi)
            found = [c for c in found if (c.key is not None or group) and c.how in ("line", "cell")]
        candidates.extend(found)
    candidates.sort(key=lambda c: -c.score)
    chosen: dict[int, _Candidate] = {}
    used: set[int] = set()
    for c in candidates:
        if c.mark in chosen or (not c.shared and any(id(p) in used for p in c.phrases)):
            continue
        chosen[c.mark] = c
        used.update(id(p) for p in c.phrases)
    out = []
    for mi, mark in enumerate(ctx.marks):
        best = chosen.get(mi)
        if best is None and not mark.framed:
            continue
        cell = ctx.mark_cells[mi]
        if best is None:
            out.append(Tie(mark, ctx.page, "", None, None, "none", 0.0, cell=cell))
            continue
        quality = max(0.0, min(1.0, 0.5 + 0.25 * best.match + 0.1 * (best.score - 2.0)))
        out.append(
            Tie(
                mark,
                ctx.page,
                best.text,
                best.bbox,
                best.key,
                best.how,
                round(quality, 3),
                best.group,
                cell,
                best.phrases,
            )
        )
    return out


def _candidates(ctx: _Ctx, mi: int, mark: Mark) -> list[_Candidate]:
    cell = ctx.mark_cells[mi]
    in_cell = [] if cell is None else [ctx.phrases[i] for i in ctx.heights.centred(
        cell.bbox.top - 1.0, cell.bbox.bottom + 1.0, lambda box: cell.holds(box, 1.0))]
    out: list[_Candidate] = []
    if in_cell:
        out += _cell_candidates(ctx, mi, mark, in_cell)
    else:
        out += _line_candidates(ctx, mi, mark)
        if cell is not None:
            out += _column_candidates(ctx, mi, mark, cell)
    out += _above_candidates(ctx, mi, mark, in_cell)
    return out


def _side(mark: Mark) -> float:
    return max(mark.bbox.width, mark.bbox.height, 6.0)


def _on_line(box: BBox, mark: Mark, s: float) -> bool:
    return vertical_overlap(box, mark.bbox) >= s or box.top - 1 <= mark.bbox.cy <= box.bottom + 1


def _framed_on_line(ctx: _Ctx, box: BBox) -> list[Mark]:
    """The framed marks ``_on_line`` with the box, in page order. Asked of the marks' height
    index: such a mark overlaps the box's height or has its centre within a point of it, so it
    reaches into the box's height ±1 (the index leaves out no other)."""
    near = ctx.mark_heights.reaching(box.top - 1, box.bottom + 1, lambda _: True)
    return [ctx.marks[j] for j in near if ctx.marks[j].framed and _on_line(box, ctx.marks[j], 0.3)]


# --- cell: the box's own ruled cell holds its label -------------------------------------------


def _cell_candidates(ctx: _Ctx, mi: int, mark: Mark, in_cell: list[tuple[Phrase, Line]]) -> list[_Candidate]:
    s = ctx.doc.settings
    out = []
    others = [ctx.marks[j] for j in ctx.peers[mi] if j != mi]  # the other boxes of the mark's line
    for phrase, _ in in_cell:
        b = phrase.bbox
        if _on_line(b, mark, s.tie_same_line):
            blocked = any(_between(m.bbox, b, mark.bbox) for m in others)
            if blocked:
                continue
            if b.x1 <= mark.bbox.cx:
                text, phrases = _wrapped_label(ctx, mi, phrase, in_cell)
                out.append(_scored(ctx, mi, mark, phrases, text, "cell", colon_left=True))
            elif b.x0 >= mark.bbox.cx:
                text, phrases = _after_label(ctx, phrase)
                out.append(_scored(ctx, mi, mark, phrases, text, "cell", colon_left=False))
    return out


def _between(m: BBox, a: BBox, b: BBox) -> bool:
    lo, hi = min(a.x1, b.x1), max(a.x0, b.x0)
    return lo - 0.5 <= m.cx <= hi + 0.5


# --- line: boxes and phrases of one line ------------------------------------------------------


def _line_candidates(ctx: _Ctx, mi: int, mark: Mark) -> list[_Candidate]:
    s = ctx.doc.settings
    marks = sorted((ctx.marks[j] for j in ctx.peers[mi] if ctx.mark_grids[j] == ctx.mark_grids[mi]),
                   key=lambda m: m.bbox.x0)
    texts = sorted(_on_line_phrases(ctx, mi, s.tie_same_line), key=lambda p: p.bbox.x0)
    if not texts:
        return []
    pos = next(i for i, m in enumerate(marks) if m is mark)
    prev_x = marks[pos - 1].bbox.x1 if pos > 0 else -1e9
    next_x = marks[pos + 1].bbox.x0 if pos + 1 < len(marks) else 1e9
    # Text after the last box makes "☐ label ☐ label" — unless it is a labelled value of its own
    # ("Öffentlich: ☐  Ja-Stimmen: 21").
    after_last = [p for p in texts if p.bbox.x0 >= marks[-1].bbox.x1 - 1]
    trailing = bool(after_last) and not after_last[0].text.rstrip().endswith(":")
    leading = [p for p in texts if p.bbox.x1 <= marks[0].bbox.x0 + 1]
    side = _side(mark)
    out = []
    # OCR boxes may overlap a box's edge: a phrase is after the box when it starts past its middle.
    after = [p for p in texts if mark.bbox.cx <= p.bbox.x0 < next_x]
    if after and gap_x(after[0].bbox, mark.bbox) <= s.tie_side_sides * side:
        text, phrases = _after_label(ctx, after[0])
        group = clean(" ".join(p.text for p in leading)).rstrip(":") or None if trailing else None
        out.append(_scored(ctx, mi, mark, phrases, text, "line", colon_left=False, group=group,
                           bonus=0.8 if trailing else 0.0))
    before = [p for p in texts if prev_x - 1 <= p.bbox.x1 <= mark.bbox.cx]
    if before and gap_x(before[-1].bbox, mark.bbox) <= s.tie_side_sides * side:
        phrase = before[-1]
        text, phrases = _wrapped_label(ctx, mi, phrase, [])
        text = _tail_label(ctx, text)
        out.append(_scored(ctx, mi, mark, phrases, text, "line", colon_left=True,
                           bonus=0.0 if trailing else 0.8))
    return out


def _on_line_phrases(ctx: _Ctx, mi: int, min_overlap: float) -> list[Phrase]:
    """The phrases of the mark's line scope ``_on_line`` with it, in page order: a box may take
    those inside its ruled grid (a box in an empty cell takes the label in the next cell), or, a
    box outside any grid, those outside too. Asked of the height index: with some overlap
    required, a phrase on the line reaches into the band of the mark's height and its centre ±1
    (the index leaves out no other)."""
    scope = ctx.mark_grids[mi]
    near = _on_line_items(ctx.heights, ctx.marks[mi], min_overlap)
    return [ctx.phrases[i][0] for i in near if ctx.grids[i] == scope]


def _on_line_items(index: BoxIndex[int], mark: Mark, min_overlap: float) -> list[int]:
    """The indexed items whose box is ``_on_line`` with the mark, in their order. With some
    overlap required, such a box reaches into the band of the mark's height and its centre ±1
    (the index leaves out no other)."""
    b = mark.bbox
    if min_overlap > 0:
        return index.reaching(min(b.top, b.cy - 1), max(b.bottom, b.cy + 1),
                              lambda box: _on_line(box, mark, min_overlap))
    return index.reaching(-math.inf, math.inf, lambda box: _on_line(box, mark, min_overlap))


def _pool(ctx: _Ctx, mi: int, in_cell: list[tuple[Phrase, Line]], low: float,
          high: float) -> list[tuple[Phrase, Line]]:
    """Where a box's label is sought: the phrases in its cell, else those of its line scope
    (see :func:`_on_line_phrases`) — of these, asked of the height index, only those reaching
    into the band from ``low`` to ``high``. The callers test each phrase as they would test the whole
    scope; the band holds the bottom of every phrase that can pass (a phrase's top is above its
    bottom, or the index asks every phrase)."""
    if in_cell:
        return in_cell
    scope = ctx.mark_grids[mi]
    return [ctx.phrases[i] for i in ctx.heights.reaching(low, high, _any_box) if ctx.grids[i] == scope]


def _any_box(_: BBox) -> bool:
    return True


def _grid_index(grids: Sequence[BBox], box: BBox) -> int | None:
    """The index of the first of the page's grids (boxed ``grids``) holding the box's centre."""
    for i, g in enumerate(grids):
        if g.x0 - 1 <= box.cx <= g.x1 + 1 and g.top - 1 <= box.cy <= g.bottom + 1:
            return i
    return None


# --- column: a box in a grid cell without text ------------------------------------------------


def _column_candidates(ctx: _Ctx, mi: int, mark: Mark, cell: Cell) -> list[_Candidate]:
    header = column_header(ctx.doc, ctx.regions, cell)
    if header is None:
        return []
    text, box = header
    match = ctx.doc.vocab.checkboxes.fuzzy(text)
    key, quality = (match[0], match[1]) if match else (None, 0.0)
    score = _BASE["column"] + 2.0 * quality
    return [_Candidate(score, mi, (), text, box, "column", key, quality, shared=True)]


def column_header(doc: Doc, regions: Regions, cell: Cell) -> tuple[str, BBox] | None:
    """The text of the header cell above a cell: the topmost cell of its column holding text
    and no box (header words may wrap, be hyphenated or be turned 90°)."""
    column = sorted((c for c in regions.grid_cells(cell.page, cell.grid)
                     if c.row < cell.row and horizontal_overlap(c.bbox, cell.bbox) > 0.6
                     and c.bbox.width < 2.5 * max(cell.bbox.width, 1.0)), key=lambda c: c.row)
    marks = doc.page_marks(cell.page)
    for c in column:
        if any(c.holds(m.bbox) for m in marks):
            continue
        words = c.held(doc.word_index(cell.page, vertical=True))
        if words:
            return join_lines(_text_lines(words)).rstrip(":"), c.bbox
    return None


def _text_lines(words: Sequence[Word]) -> list[str]:
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (round(w.bbox.top / 3), w.bbox.x0)):
        if lines and abs(lines[-1][-1].bbox.cy - w.bbox.cy) < 0.5 * max(w.bbox.height, 1.0):
            lines[-1].append(w)
        else:
            lines.append([w])
    return [" ".join(w.text for w in ln) for ln in lines]


# --- above: a label stacked over its box ------------------------------------------------------


def _above_candidates(ctx: _Ctx, mi: int, mark: Mark,
                      in_cell: list[tuple[Phrase, Line]]) -> list[_Candidate]:
    s = ctx.doc.settings
    side = _side(mark)
    # A label ends at most tie_above_lines heights (of itself, at most the tallest phrase's) above.
    reach = abs(s.tie_above_lines) * max(ctx.tallest, 6.0)
    pool = _pool(ctx, mi, in_cell, mark.bbox.top - reach - 1.0, mark.bbox.top + 2.0)
    above = [(p, ln) for p, ln in pool if p.bbox.bottom <= mark.bbox.top + 1
             and p.bbox.x0 - side <= mark.bbox.cx <= p.bbox.x1 + side
             and mark.bbox.top - p.bbox.bottom <= s.tie_above_lines * max(p.bbox.height, 6.0)]
    if not above:
        return []
    phrase, _ = max(above, key=lambda t: t[0].bbox.bottom)
    if _framed_on_line(ctx, phrase.bbox):
        return []  # the phrase above labels a box of its own line
    stack = _stack(ctx, mi, in_cell, phrase)
    text = join_lines([p.text for p in stack])
    gap = (mark.bbox.top - phrase.bbox.bottom) / max(phrase.bbox.height, 6.0)
    how = "cell" if in_cell else "above"
    base = 2.5 if in_cell else _BASE["above"]
    return [_scored(ctx, mi, mark, tuple(stack), text, how, colon_left=True, distance=1.0 + gap,
                    bonus=base - _BASE[how])]


def _stack(ctx: _Ctx, mi: int, in_cell: list[tuple[Phrase, Line]], bottom: Phrase) -> list[Phrase]:
    """A label wrapped over several lines, read top to bottom (from the box's _pool)."""
    stack = [bottom]
    while len(stack) < 4:
        cur = stack[-1]
        height = abs(cur.bbox.height)
        pool = _pool(ctx, mi, in_cell, cur.bbox.top - 0.8 * height - 1.0, cur.bbox.top + 0.2 * height + 1.0)
        # Lines of one label start at one x; scans jitter by a fraction of a line height.
        above = [
            p
            for p, _ in pool
            if -0.2 * cur.bbox.height <= cur.bbox.top - p.bbox.bottom < 0.8 * cur.bbox.height
            and abs(p.bbox.x0 - cur.bbox.x0) < max(2.0, 0.5 * cur.bbox.height)
            and p not in stack
        ]
        if not above:
            break
        stack.append(max(above, key=lambda p: p.bbox.bottom))
    return list(reversed(stack))


# --- label text and score ---------------------------------------------------------------------


def _after_label(ctx: _Ctx, phrase: Phrase) -> tuple[str, tuple[Phrase, ...]]:
    """A label right of its box is as long as the known label it starts with, else the phrase."""
    hit = ctx.doc.vocab.checkboxes.prefix(phrase.words)
    if hit is not None and hit.nwords < len(phrase.words):
        return " ".join(w.text for w in phrase.words[:hit.nwords]), (phrase,)
    return phrase.text, (phrase,)


def _tail_label(ctx: _Ctx, text: str) -> str:
    """For a label left of its box, the known label that ends the phrase ("… Einstimmig:")."""
    words = text.split(" ")
    for start in range(len(words)):
        tail = " ".join(words[start:])
        if ctx.doc.vocab.checkboxes.whole(tail):
            return tail
    return text


def _wrapped_label(ctx: _Ctx, mi: int, phrase: Phrase,
                   in_cell: list[tuple[Phrase, Line]]) -> tuple[str, tuple[Phrase, ...]]:
    """"Mit" over "Stimmenmehrheit:": a label wrapped onto the box's line from the line above
    (a phrase of the box's _pool)."""
    vocab = ctx.doc.vocab.checkboxes
    alone = vocab.fuzzy(phrase.text)
    top, height = phrase.bbox.top, abs(phrase.bbox.height)
    pool = _pool(ctx, mi, in_cell, top - 1.2 * height - 1.0, top + 1.0)
    above = [p for p, _ in pool if 0 <= phrase.bbox.top - p.bbox.bottom < 1.2 * phrase.bbox.height
             and abs(p.bbox.x0 - phrase.bbox.x0) < 2 * phrase.bbox.height]
    for q in above:
        if vocab.fuzzy(q.text) is not None or q.text.rstrip().endswith(":"):
            continue  # the line above is a label of its own
        if any(horizontal_overlap(m.bbox, q.bbox.expand(40)) > 0 for m in _framed_on_line(ctx, q.bbox)):
            continue
        joined = vocab.fuzzy(f"{q.text} {phrase.text}")
        if joined and joined[1] >= 0.85 and (alone is None or joined[1] > alone[1] or joined[0] != alone[0]):
            return f"{q.text} {phrase.text}", (q, phrase)
    return phrase.text, (phrase,)


def _scored(ctx: _Ctx, mi: int, mark: Mark, phrases: tuple[Phrase, ...], text: str, how: str,
            colon_left: bool, group: str | None = None, distance: float | None = None,
            bonus: float | None = None) -> _Candidate:
    """A candidate label with its score (plus ``bonus``: a line's reading, a label in the cell)."""
    text = clean(text)
    box = union(p.bbox for p in phrases)
    match = ctx.doc.vocab.checkboxes.fuzzy(text)
    key, quality = (match[0], match[1]) if match else (None, 0.0)
    colon = text.endswith(":")
    # A label ending in a colon precedes its box ("Öffentlich: ☐"); after a box it labels the next.
    fit = (1.0 if colon_left else -1.0) if colon else 0.0
    dist = distance if distance is not None else gap_x(box, mark.bbox) / _side(mark)
    score = _BASE[how] + 2.0 * quality + fit - 0.35 * dist
    if bonus is not None:
        score += bonus
    return _Candidate(score, mi, phrases, text.rstrip(": "), box, how, key, quality, group)
