"""Stage 5, tables: Beratungsfolge and Beratungsergebnis found by their header rows.

A header row is a line whose phrases (or, in a ruled grid, whose cells) are column labels of a
table's vocabulary, in any order and wording. Rows come from the grid's rules where there are
rules, else from column alignment (a row starts where a new entry fills its columns). A table
runs on across a page break (with or without a repeated header); a document may hold several.
Marks in the rows — boxes, and ticks or crosses printed in bare cells — are read per column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache

from ..geometry import BBox, contains, horizontal_overlap, union
from ..pagemodel import Grid, Mark, Word
from ..parsing.dates import find_dates
from .document import Doc
from .headings import Heading
from .normalize import join_lines
from .text import Line
from .vocab import Vocabulary

FOLGE_ANY = frozenset({"sitzung_am", "zustaendigkeit", "top", "zustaendigkeit=Vorberatung",
                       "zustaendigkeit=Entscheidung", "zustaendigkeit=Kenntnisnahme"})
# Öffentlich/nichtöffentlich also head Beratungsfolge tables: a result table needs more.
RESULT_COLUMNS = frozenset({"einstimmig", "mit_stimmenmehrheit", "ja_stimmen", "nein_stimmen", "enthaltungen",
                            "laut_beschlussvorschlag", "abweichender_beschluss", "kenntnisnahme",
                            "stellungnahme_beigefuegt", "ergebnis", "abgelehnt", "vertagt"})
_FILL_IN = re.compile(r"\.{4,}|_{3,}|…{2,}")
TICK_TEXT = frozenset({"x", "X", "✓", "✔", "✗", "✘", "×"})

Label = tuple[str | None, str, BBox]  # (column name or None, printed text, where)
_REQUIRED = frozenset({"gremium"})  # every table the header rows head has a Gremium column


@dataclass(frozen=True, slots=True)
class Column:
    name: str | None
    label: str
    header: BBox
    start: float
    end: float


@dataclass(frozen=True, slots=True)
class Row:
    page: int
    bbox: BBox
    cells: tuple[tuple[Word, ...], ...]  # per column
    marks: tuple[tuple[Mark, ...], ...]  # per column
    # text() per column, once read: the table, result and folge stages ask each cell again.
    _texts: dict[int, str] = field(default_factory=dict, compare=False, repr=False)

    def text(self, col: int) -> str:
        text = self._texts.get(col)
        if text is None:
            words = sorted(self.cells[col], key=lambda w: (round(w.bbox.top / 3), w.bbox.x0))
            text = self._texts[col] = join_lines(_text_lines(words)).strip()
        return text

    @property
    def confidence(self) -> float:
        return min((w.confidence for ws in self.cells for w in ws), default=1.0)


@dataclass(frozen=True, slots=True)
class Table:
    kind: str  # beratungsfolge | beratungsergebnis
    header: Line
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    lines: frozenset[int]  # every line index the table covers (header included)

    def col(self, name: str) -> int | None:
        return next((i for i, c in enumerate(self.columns) if c.name == name), None)


def find_tables(
    doc: Doc, headings: tuple[Heading, ...], stops: frozenset[int] = frozenset()
) -> tuple[Table, ...]:
    """``stops`` are lines (headings, labelled lines) where an unruled table ends."""
    vocab_e, vocab_f = doc.vocab.ergebnis_columns, doc.vocab.folge_columns
    out: list[Table] = []
    covered: set[int] = set()
    for line in doc.lines:
        if line.index in covered or _has_marks(doc, line):
            continue
        grid = grid_for(doc, line)  # asked once per line, for each test below
        if _grid_row_has_marks(doc, line, grid) or _form_line(line, grid):
            continue
        labels_e = _header_row(doc, line, grid, vocab_e, 3, RESULT_COLUMNS)
        labels_f = _header_row(doc, line, grid, vocab_f, 2, FOLGE_ANY)
        if labels_e is not None and labels_f is not None:
            # Both vocabularies fit: the heading above decides, else the better fit.
            above = _heading_above(line, headings)
            if above == "beratungsergebnis" or (above != "beratungsfolge"
                                                and _named(labels_e) > _named(labels_f)):
                labels_f = None
            else:
                labels_e = None
        if labels_e is not None:
            kind, labels = "beratungsergebnis", labels_e
        elif labels_f is not None:
            kind, labels = "beratungsfolge", labels_f
        else:
            continue
        table = read_table(doc, kind, line, labels, stops)
        if table.rows:
            out.append(table)
            covered |= table.lines
    return tuple(out)


def _named(labels: Sequence[Label]) -> int:
    return sum(1 for name, _, _ in labels if name)


def _heading_above(line: Line, headings: tuple[Heading, ...]) -> str | None:
    above = [h for h in headings if h.line.index < line.index]
    return max(above, key=lambda h: h.line.index).name if above else None


def _has_marks(doc: Doc, line: Line) -> bool:
    return line.index in doc.mark_lines


def _form_line(line: Line, grid: Grid | None) -> bool:
    """"Gremium: ……  Sitzung am: ……  TOP: ……": a line of labels to fill in, not a table header
    (``grid``: the ruled grid the line lies in)."""
    if grid is not None:
        return False
    colons = sum(1 for w in line.words if w.text.endswith(":"))
    return colons >= 2 and colons * 2 >= len(line.phrases)


def _grid_row_has_marks(doc: Doc, line: Line, grid: Grid | None) -> bool:
    """In a ruled grid, a row that holds boxes is a row of options, not a header."""
    row = _grid_row_of(grid, line.bbox) if grid is not None else None
    if row is None:
        return False
    cells = [c for c in row if c]
    top, bottom = min(c.top for c in cells), max(c.bottom for c in cells)
    return any(top <= m.bbox.cy <= bottom and m.framed for m in doc.page_marks(line.page))


def phrase_labels(line: Line, vocab: Vocabulary) -> list[Label]:
    """Split a line's phrases into column labels; unknown phrases become unnamed columns."""
    return [_label(name, words) for name, words in _label_runs(line, vocab)]


def _label_runs(line: Line, vocab: Vocabulary) -> list[tuple[str | None, Sequence[Word]]]:
    """The words of phrase_labels' labels, each run with its column name (None: unknown)."""
    out: list[tuple[str | None, Sequence[Word]]] = []
    for phrase in line.phrases:
        words: Sequence[Word] = phrase.words
        while words:
            hit = vocab.prefix(words)
            if hit is None:
                out.append((None, words))
                break
            out.append((hit.name, words[:hit.nwords]))
            words = words[hit.nwords:]
    return out


def _label(name: str | None, words: Sequence[Word]) -> Label:
    text = " ".join(w.text for w in words)
    return name, text.rstrip(":") if name is not None else text, _span(words)


def header_labels(doc: Doc, line: Line, vocab: Vocabulary) -> list[Label]:
    """Header labels of a line; inside a ruled grid, one label per cell (headers may wrap)."""
    return _header_labels(doc, line, grid_for(doc, line), vocab)


def _header_row(doc: Doc, line: Line, grid: Grid | None, vocab: Vocabulary, min_named: int,
                any_of: frozenset[str]) -> list[Label] | None:
    """The line's header labels (see is_header) when they make a header row of ``vocab``'s
    table (one with a Gremium column), else None."""
    if not vocab:
        return None
    row = _grid_row_of(grid, line.bbox) if grid is not None else None
    if row is None:
        # Most lines name too few columns: counted before their labels' texts and boxes are made.
        runs = _label_runs(line, vocab)
        if not _names_enough({name for name, _ in runs if name}, _REQUIRED, min_named):
            return None
        labels = [_label(name, words) for name, words in runs]
    else:
        labels = _header_labels(doc, line, grid, vocab)
    share = doc.settings.table_header_share
    return labels if is_header(labels, _REQUIRED, min_named, any_of, share) else None


def _header_labels(doc: Doc, line: Line, grid: Grid | None, vocab: Vocabulary) -> list[Label]:
    """header_labels with the ruled grid the line lies in (``grid_for``)."""
    row = _grid_row_of(grid, line.bbox) if grid is not None else None
    if row is None:
        return phrase_labels(line, vocab)
    slot = ("header_labels", line.page, row, id(vocab))  # every line of the row asks alike
    if slot not in doc.memo:
        doc.memo[slot] = _cell_labels(doc, line.page, row, vocab)
    return list(doc.memo[slot])


def _cell_labels(doc: Doc, page: int, row: tuple[BBox | None, ...], vocab: Vocabulary) -> list[Label]:
    out: list[Label] = []
    for cell, read in zip((c for c in row if c is not None), _cell_texts(doc, page, row), strict=True):
        if read is None:
            out.append((None, "", cell))
            continue
        text, wrapped = read
        match = vocab.fuzzy(text)
        # A header cell may wrap ("Kennt-/nis/genom-/men"); one holding digits is a value.
        ok = match is not None and match[1] >= 0.8 and (not wrapped or not any(c.isdigit() for c in text))
        out.append((match[0] if match and ok else None, text.rstrip(":"), cell))
    return out


def _cell_texts(doc: Doc, page: int, row: tuple[BBox | None, ...]) -> list[tuple[str, bool] | None]:
    """Each cell's text (wrapped lines rejoined: "einstim-|mig", "Vor-|schlag") and whether it
    wraps; None for an empty cell. Read once per grid row: the row is asked for the header
    labels of either table, by each of its lines."""
    slot = ("cell_texts", page, row)
    if slot not in doc.memo:
        words = doc.word_index(page, vertical=True)
        out: list[tuple[str, bool] | None] = []
        for cell in row:
            if cell is None:
                continue
            inside = words.inside(cell, tol=1.0)
            lines = _text_lines(inside) if inside else []
            out.append((join_lines(lines), len(lines) > 1) if inside else None)
        doc.memo[slot] = out
    texts: list[tuple[str, bool] | None] = doc.memo[slot]
    return texts


def _text_lines(words: Sequence[Word]) -> list[str]:
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (round(w.bbox.top / 3), w.bbox.x0)):
        if lines and abs(lines[-1][-1].bbox.cy - w.bbox.cy) < 0.5 * max(w.bbox.height, 1.0):
            lines[-1].append(w)
        else:
            lines.append([w])
    return [" ".join(w.text for w in sorted(ln, key=lambda w: w.bbox.x0)) for ln in lines]


def _grid_row_of(grid: Grid, box: BBox) -> tuple[BBox | None, ...] | None:
    for row in grid.rows:
        cells = [c for c in row if c]
        if cells and min(c.top for c in cells) - 1 <= box.cy <= max(c.bottom for c in cells) + 1:
            return row
    return None


def _span(words: Sequence[Word]) -> BBox:
    return union(w.bbox for w in words)


def is_header(labels: list[Label], required: AbstractSet[str], min_named: int,
              any_of: frozenset[str] | None = None, share: float = 0.75) -> bool:
    """Enough known column names, the required ones among them, and no data (dates, fill-in
    lines "……", "___") in the row."""
    names = [n for n, _, _ in labels if n]
    named = set(names)
    if not _names_enough(named, required, min_named):
        return False  # asked first: most lines name too few columns, and it is cheap
    if any_of is not None and not (any_of & named):
        return False
    if any(_has_date(text) or _FILL_IN.search(text) for _, text, _ in labels):
        return False
    # Many known columns make a header even when OCR garbled a few of its cells.
    needed = share if len(named) < 5 else min(share, 0.5)
    return len(names) >= needed * len([t for _, t, _ in labels if t])


def _names_enough(named: AbstractSet[str], required: AbstractSet[str], min_named: int) -> bool:
    return len(named) >= min_named and required <= named


@lru_cache(maxsize=4096)
def _has_date(text: str) -> bool:
    """Whether a date is written in the text (the same header texts are asked of each vocabulary
    and of each line of a grid row)."""
    return bool(find_dates(text))


def grid_for(doc: Doc, line: Line) -> Grid | None:
    for grid in doc.page(line.page).grids:
        if contains(grid.bbox, line.bbox, tol=2.0):
            return grid
    return None


def _columns(labels: list[Label], grid: Grid | None, height: float) -> tuple[Column, ...]:
    cols = []
    cells = [c for row in grid.rows for c in row if c] if grid else []
    for i, (name, label, box) in enumerate(labels):
        cell = next((c for c in cells if contains(c, box, tol=1.5)), None)
        if cell is not None:
            start, end = cell.x0, cell.x1
        else:
            start = box.x0 - 0.6 * height
            end = labels[i + 1][2].x0 - 0.6 * height if i + 1 < len(labels) else float("inf")
        cols.append(Column(name, label, box, start, end))
    if cells:  # merge neighbouring labels that fell into the same cell
        merged: list[Column] = []
        for c in cols:
            if merged and merged[-1].start == c.start and merged[-1].end == c.end:
                m = merged[-1]
                merged[-1] = Column(m.name or c.name, f"{m.label} {c.label}", m.header, m.start, m.end)
            else:
                merged.append(c)
        cols = merged
    return tuple(cols)


def _column_of(columns: Sequence[Column], box: BBox) -> int | None:
    best, best_overlap = None, 0.0
    for i, c in enumerate(columns):
        overlap = min(box.x1, c.end) - max(box.x0, c.start)
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


def read_table(
    doc: Doc, kind: str, header: Line, labels: list[Label], stops: frozenset[int] = frozenset()
) -> Table:
    # A section heading printed in a label column on the header's line is no column: nothing
    # stands under it. ("Beratungsfolge" over the Gremium names is one.)
    below = [
        w for ln in doc.lines[header.index + 1 : header.index + 4] if ln.page == header.page for w in ln.words
    ]
    labels = [lab for lab in labels if doc.vocab.sections.whole(lab[1]) is None
              or any(horizontal_overlap(w.bbox, lab[2]) > 0.3 for w in below)] or labels
    grid = grid_for(doc, header)
    height = doc.line_height(header)
    columns = _columns(labels, grid, height)
    rows: list[Row] = []
    covered = {header.index}
    candidates = [ln for ln in doc.after(header) if ln.page == header.page]
    first_header: Line | None = header
    while True:
        body = _body_lines(doc, first_header, candidates, columns, grid, stops)
        covered |= {ln.index for ln in body}
        page = (body[0] if body else header).page
        if grid is not None:
            covered |= {ln.index for ln in doc.on_page(page) if contains(grid.bbox, ln.bbox, tol=2.0)}
            rows += _grid_rows(doc, first_header, page, grid, columns)
        else:
            rows += _aligned_rows(doc, body, columns)
        nxt = _continuation(doc, kind, body or [header], columns, labels)
        if nxt is None:
            break
        line, grid, repeated = nxt
        covered.add(line.index)
        first_header = line if repeated else None
        candidates = [ln for ln in doc.on_page(line.page) if ln.index > line.index or
                      (not repeated and ln.index == line.index)]
    return Table(kind, header, columns, tuple(rows), frozenset(covered))


def _body_lines(doc: Doc, header: Line | None, candidates: Sequence[Line], columns: Sequence[Column],
                grid: Grid | None, stops: frozenset[int]) -> list[Line]:
    out: list[Line] = []
    prev = header
    for line in candidates:
        if grid is not None:
            if not contains(grid.bbox, line.bbox, tol=2.0):
                break
        else:
            if line.index in stops:
                break
            left = columns[0].start - 2 * doc.line_height(line)
            gap = line.bbox.top - prev.bbox.bottom if prev is not None else 0.0
            if gap > doc.settings.table_row_gap_lines * doc.line_height(line) or line.bbox.x0 < left:
                break
            if len(line.phrases) == 1 and len(columns) > 2 and _spans_columns(line, columns) > 2:
                break  # running text across the columns: the table has ended
            first = line.phrases[0].words
            if doc.vocab.sections.prefix(first) is not None and first[-1].text.endswith(":"):
                break  # a section heading ends an unruled table
        out.append(line)
        prev = line
    return out


def _spans_columns(line: Line, columns: Sequence[Column]) -> int:
    return sum(1 for c in columns if min(line.bbox.x1, c.end) - max(line.bbox.x0, c.start) > 4)


def _continuation(doc: Doc, kind: str, body: list[Line], columns: Sequence[Column],
                  labels: list[Label]) -> tuple[Line, Grid | None, bool] | None:
    """A table that reaches the end of its page goes on at the top of the next: after a repeated
    header row (returned with True), or with rows under the same columns (the first row, False)."""
    last = body[-1]
    if any(ln.index > last.index for ln in doc.on_page(last.page)) or last.page >= len(doc.pages):
        return None
    top = doc.on_page(last.page + 1)[:doc.settings.page_break_lines]
    if not top:
        return None
    vocab = doc.vocab.folge_columns if kind == "beratungsfolge" else doc.vocab.ergebnis_columns
    named = {n for n, _, _ in labels if n}
    for line in top:
        again = {n for n, _, _ in header_labels(doc, line, vocab) if n}
        if len(again & named) >= max(2, len(named) - 1):
            return line, grid_for(doc, line), True
    first = top[0]
    if _fits_columns(first, columns) and not doc.vocab.sections.prefix(first.phrases[0].words):
        return first, grid_for(doc, first), False
    return None


def _fits_columns(line: Line, columns: Sequence[Column]) -> bool:
    """Every phrase of the line starts within a column, and it fills two or more."""
    cols = [_column_of(columns, p.bbox) for p in line.phrases]
    inside = all(
        c is not None and columns[c].start - 4 <= p.bbox.x0 for p, c in zip(line.phrases, cols, strict=True)
    )
    return inside and len(set(cols) - {None}) >= 2


def _grid_rows(doc: Doc, header: Line | None, page: int, grid: Grid, columns: Sequence[Column]) -> list[Row]:
    rows = []
    words = doc.word_index(page).inside(grid.bbox, tol=1)
    marks = [m for m in doc.page_marks(page) if contains(grid.bbox, m.bbox, tol=1)]
    for cells in grid.rows:
        boxes = [c for c in cells if c]
        if not boxes:
            continue
        band = BBox(min(c.x0 for c in boxes), min(c.top for c in boxes), max(c.x1 for c in boxes),
                    max(c.bottom for c in boxes))
        if header is not None and (band.bottom <= header.bbox.bottom + 1 or
                                   band.top - 1 <= header.bbox.cy <= band.bottom + 1):
            continue  # the header row itself, or rows above it
        row = _row(page, band, words, marks, columns)
        if any(row.cells) or any(row.marks):
            if _repeats_header(row, columns):
                continue
            rows.append(row)
    return rows


def _repeats_header(row: Row, columns: Sequence[Column]) -> bool:
    named = [i for i, c in enumerate(columns) if c.name and c.label]
    return bool(named) and all(row.text(i).rstrip(":") == columns[i].label for i in named)


def _row(
    page: int, band: BBox, words: Sequence[Word], marks: Sequence[Mark], columns: Sequence[Column]
) -> Row:
    cells: list[list[Word]] = [[] for _ in columns]
    for w in words:
        if band.top - 0.5 <= w.bbox.cy <= band.bottom + 0.5:
            col = _column_of(columns, w.bbox)
            if col is not None:
                cells[col].append(w)
    return Row(page, band, tuple(tuple(c) for c in cells), _marks_in(band, marks, columns))


def _marks_in(band: BBox, marks: Sequence[Mark], columns: Sequence[Column]) -> tuple[tuple[Mark, ...], ...]:
    out: list[list[Mark]] = [[] for _ in columns]
    for m in marks:
        if band.top - 1 <= m.bbox.cy <= band.bottom + 1:
            col = _column_of(columns, m.bbox)
            if col is not None and columns[col].start - 1 <= m.bbox.cx <= columns[col].end + 1:
                out[col].append(m)
    return tuple(tuple(c) for c in out)


def _aligned_rows(doc: Doc, body: list[Line], columns: Sequence[Column]) -> list[Row]:
    groups: list[tuple[BBox, list[list[Word]]]] = []
    for line in body:
        cells: list[list[Word]] = [[] for _ in columns]
        for w in line.words:
            col = _column_of(columns, w.bbox)
            if col is not None:
                cells[col].append(w)
        if groups and _continues_row(groups[-1], cells, line):
            box, prev = groups[-1]  # a wrapped cell continues the row above
            groups[-1] = (BBox(box.x0, box.top, max(box.x1, line.bbox.x1), line.bbox.bottom),
                          [p + c for p, c in zip(prev, cells, strict=True)])
            continue
        groups.append((line.bbox, cells))
    rows = []
    page = body[0].page if body else 1
    marks = doc.page_marks(page)
    for i, (box, cells) in enumerate(groups):
        # A row's band reaches halfway to its neighbours, so a box between lines finds one row.
        h = box.height
        top = (groups[i - 1][0].bottom + box.top) / 2 if i else box.top - h
        bottom = (box.bottom + groups[i + 1][0].top) / 2 if i + 1 < len(groups) else box.bottom + h
        band = BBox(box.x0, top, box.x1, bottom)
        rows.append(Row(page, box, tuple(tuple(c) for c in cells), _marks_in(band, marks, columns)))
    return rows


def _continues_row(prev: tuple[BBox, list[list[Word]]], cells: list[list[Word]], line: Line) -> bool:
    """A wrapped cell: close below the row, no date of its own, and fewer filled columns than
    a row's first line has (a new row fills its columns again)."""
    box, prev_cells = prev
    filled = {i for i, c in enumerate(cells) if c}
    before = {i for i, c in enumerate(prev_cells) if c}
    if line.bbox.top - box.bottom > 0.8 * line.height or find_dates(line.text):
        return False
    if len(filled) >= 2 and len(filled) * 2 > len(before):
        return False
    return filled <= before or 0 not in filled
