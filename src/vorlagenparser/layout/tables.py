"""Tables found by their header row: columns from header synonyms, rows from rulings or alignment.

A header row is a line whose phrases decompose into column labels of a table's vocabulary. With
ruling lines (a Grid from the loader) the cells give columns and rows; without them, columns run
from one header's left edge to the next, and a row starts where the first column has text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..geometry import BBox, contains, horizontal_overlap
from ..pagemodel import Grid, Mark, Word
from ..parsing.dates import find_dates
from .context import Context
from .lines import Line
from .normalize import join_lines
from .vocab import Vocabulary


@dataclass(frozen=True, slots=True)
class Column:
    name: str | None
    label: str
    header: BBox
    start: float
    end: float


@dataclass
class Row:
    page: int
    bbox: BBox
    cells: dict[int, list[Word]] = field(default_factory=dict)
    marks: dict[int, list[Mark]] = field(default_factory=dict)

    def text(self, col: int) -> str:
        words = sorted(self.cells.get(col, []), key=lambda w: (round(w.bbox.top / 3), w.bbox.x0))
        return " ".join(w.text for w in words).strip()


@dataclass
class Table:
    header: Line
    columns: list[Column]
    rows: list[Row]
    lines: list[int]  # every line index the table covers (header included)

    def col(self, name: str) -> int | None:
        for i, c in enumerate(self.columns):
            if c.name == name:
                return i
        return None


def header_labels(line: Line, vocab: Vocabulary) -> list[tuple[str | None, str, BBox]]:
    """Split a line's phrases into column labels; unknown phrases become unnamed columns."""
    out: list[tuple[str | None, str, BBox]] = []
    for phrase in line.phrases:
        words = list(phrase.words)
        while words:
            hit = vocab.prefix(words)
            if hit is None:
                out.append((None, " ".join(w.text for w in words), _span(words)))
                break
            taken = words[:hit.nwords]
            out.append((hit.name, " ".join(w.text for w in taken).rstrip(":"), _span(taken)))
            words = words[hit.nwords:]
    return out


def table_header_labels(ctx: Context, line: Line, vocab: Vocabulary) -> list[tuple[str | None, str, BBox]]:
    """Header labels of a line; inside a ruled grid, one label per cell (headers may wrap)."""
    grid = _grid_for(ctx, line)
    row = _grid_row_of(grid, line.bbox) if grid is not None else None
    if row is None:
        return header_labels(line, vocab)
    page = ctx.page(line.page)
    words = page.words + page.vertical_words
    out: list[tuple[str | None, str, BBox]] = []
    for cell in row:
        if cell is None:
            continue
        inside = sorted((w for w in words if contains(cell, w.bbox, tol=1.0)),
                        key=lambda w: (round(w.bbox.top / 3), w.bbox.x0))
        if not inside:
            out.append((None, "", cell))
            continue
        text = join_lines(_text_lines(inside))  # "einstim-|mig", "Vor-|schlag" rejoined
        match = vocab.fuzzy(text)
        out.append((match[0] if match else None, text.rstrip(":"), cell))
    return out


def _text_lines(words: list[Word]) -> list[str]:
    lines: list[list[Word]] = []
    for w in words:
        if lines and abs(lines[-1][-1].bbox.cy - w.bbox.cy) < 0.5 * w.bbox.height:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [" ".join(w.text for w in ln) for ln in lines]


def _grid_row_of(grid: Grid, box: BBox) -> tuple[BBox | None, ...] | None:
    for row in grid.rows:
        cells = [c for c in row if c]
        if cells and min(c.top for c in cells) - 1 <= box.cy <= max(c.bottom for c in cells) + 1:
            return row
    return None


def _span(words: Sequence[Word]) -> BBox:
    return BBox(min(w.bbox.x0 for w in words), min(w.bbox.top for w in words),
                max(w.bbox.x1 for w in words), max(w.bbox.bottom for w in words))


def is_header(labels: list[tuple[str | None, str, BBox]], required: set[str], min_named: int,
              any_of: set[str] | None = None) -> bool:
    """Enough known column names, the required ones among them, and no data (dates) in the row."""
    if any(find_dates(text) for _, text, _ in labels):
        return False
    names = [n for n, _, _ in labels if n]
    if len(set(names)) < min_named or not required <= set(names):
        return False
    if any_of is not None and not (any_of & set(names)):
        return False
    return len(names) >= 0.75 * len(labels)


def _grid_for(ctx: Context, line: Line) -> Grid | None:
    for grid in ctx.page(line.page).grids:
        if contains(grid.bbox, line.bbox, tol=2.0):
            return grid
    return None


def _columns(labels: list[tuple[str | None, str, BBox]], grid: Grid | None, height: float) -> list[Column]:
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
    return cols


def _column_of(columns: list[Column], box: BBox) -> int | None:
    best, best_overlap = None, 0.0
    for i, c in enumerate(columns):
        overlap = min(box.x1, c.end) - max(box.x0, c.start)
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


def read_table(ctx: Context, header: Line, labels: list[tuple[str | None, str, BBox]],
               stop: set[int]) -> Table:
    # A section heading printed in a label column on the header's line is no column: nothing
    # stands under it. ("Beratungsfolge" over the Gremium names is one.)
    below = [w for ln in ctx.lines[header.index + 1:header.index + 4] if ln.page == header.page
             for w in ln.words]
    labels = [lab for lab in labels if ctx.sections.whole(lab[1]) is None
              or any(horizontal_overlap(w.bbox, lab[2]) > 0.3 for w in below)] or labels
    grid = _grid_for(ctx, header)
    height = ctx.line_height(header)
    columns = _columns(labels, grid, height)
    body = _body_lines(ctx, header, columns, grid, stop)
    marks = [m for m in ctx.marks[header.page - 1] if m.bbox.top > header.bbox.bottom - 1]
    rows = _grid_rows(ctx, header, grid, columns, marks) if grid else _aligned_rows(body, columns, marks)
    covered = [header.index, *[ln.index for ln in body]]
    if grid is not None:  # every line in the grid belongs to it, a wrapped header line too
        covered += [ln.index for ln in ctx.lines if ln.page == header.page
                    and contains(grid.bbox, ln.bbox, tol=2.0)]
    return Table(header=header, columns=columns, rows=rows, lines=sorted(set(covered)))


def _body_lines(ctx: Context, header: Line, columns: list[Column], grid: Grid | None,
                stop: set[int]) -> list[Line]:
    out: list[Line] = []
    prev = header
    left = columns[0].start - 2 * ctx.line_height(header)
    for line in ctx.lines_after(header):
        if line.page != header.page or line.index in stop or ctx.boundaries.get(
                line.index, "").startswith(("section", "field", "signature")):
            break
        if grid is not None:
            if not contains(grid.bbox, line.bbox, tol=2.0):
                break
        else:
            gap = line.bbox.top - prev.bbox.bottom
            if gap > 2.2 * ctx.line_height(line) or line.bbox.x0 < left:
                break
            if len(line.phrases) == 1 and len(columns) > 2 and _spans_columns(line, columns) > 2:
                break  # running text across the columns: the table has ended
        out.append(line)
        prev = line
    return out


def _spans_columns(line: Line, columns: list[Column]) -> int:
    return sum(1 for c in columns if min(line.bbox.x1, c.end) - max(line.bbox.x0, c.start) > 4)


def _grid_rows(ctx: Context, header: Line, grid: Grid, columns: list[Column],
               marks: list[Mark]) -> list[Row]:
    rows = []
    words = [w for w in ctx.page(header.page).words if contains(grid.bbox, w.bbox, tol=1)]
    for cells in grid.rows:
        boxes = [c for c in cells if c]
        if not boxes:
            continue
        band = BBox(min(c.x0 for c in boxes), min(c.top for c in boxes),
                    max(c.x1 for c in boxes), max(c.bottom for c in boxes))
        if band.bottom <= header.bbox.bottom + 1 or band.top - 1 <= header.bbox.cy <= band.bottom + 1:
            continue  # the header row itself, or rows above it
        row = Row(page=header.page, bbox=band)
        for w in words:
            if band.top - 0.5 <= w.bbox.cy <= band.bottom + 0.5:
                col = _column_of(columns, w.bbox)
                if col is not None:
                    row.cells.setdefault(col, []).append(w)
        _add_marks(row, columns, marks)
        if row.cells or row.marks:
            rows.append(row)
    return rows


def _aligned_rows(body: list[Line], columns: list[Column], marks: list[Mark]) -> list[Row]:
    rows: list[Row] = []
    for line in body:
        cells: dict[int, list[Word]] = {}
        for w in line.words:
            col = _column_of(columns, w.bbox)
            if col is not None:
                cells.setdefault(col, []).append(w)
        if rows and _continues_row(rows[-1], cells, line):
            row = rows[-1]  # a wrapped cell continues the row above
            row.bbox = BBox(row.bbox.x0, row.bbox.top, max(row.bbox.x1, line.bbox.x1), line.bbox.bottom)
            for col, ws in cells.items():
                row.cells.setdefault(col, []).extend(ws)
            continue
        rows.append(Row(page=line.page, bbox=line.bbox, cells=cells))
    for i, row in enumerate(rows):
        # A row's band reaches halfway to its neighbours, so a box between lines finds one row.
        h = row.bbox.height
        top = (rows[i - 1].bbox.bottom + row.bbox.top) / 2 if i else row.bbox.top - h
        bottom = (row.bbox.bottom + rows[i + 1].bbox.top) / 2 if i + 1 < len(rows) else row.bbox.bottom + h
        _add_marks(Row(row.page, BBox(row.bbox.x0, top, row.bbox.x1, bottom), row.cells, row.marks),
                   columns, marks)
    return rows


def _continues_row(prev: Row, cells: dict[int, list[Word]], line: Line) -> bool:
    """A wrapped cell: close below the row, no date of its own, and fewer filled columns than
    a row's first line has (a new row fills its columns again)."""
    if line.bbox.top - prev.bbox.bottom > 0.8 * line.height or find_dates(line.text):
        return False
    if len(cells) >= 2 and len(cells) * 2 > len(prev.cells):
        return False
    return all(c in prev.cells for c in cells) or 0 not in cells


def _add_marks(row: Row, columns: list[Column], marks: list[Mark]) -> None:
    for m in marks:
        if row.bbox.top - 1 <= m.bbox.cy <= row.bbox.bottom + 1:
            col = _column_of(columns, m.bbox)
            if col is not None and horizontal_overlap(m.bbox, BBox(columns[col].start, 0,
                                                                   min(columns[col].end, 1e6), 1)) > 0:
                row.marks.setdefault(col, []).append(m)
