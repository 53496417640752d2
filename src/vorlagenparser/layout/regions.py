"""Stage 1, regions: the ruled cells and framed boxes that bound what belongs together.

A value never crosses a cell border, and a box's label is first sought inside its own cell, so
every later stage asks "which cell holds this?". Cells come from the page model's grids (drawn
rules in PDFs, rules found in the raster of scans, alike); frames are larger drawn rectangles
around text (result blocks, info boxes) that are no grid.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..geometry import BBox, BoxIndex, contains
from ..pagemodel import Page, Word
from .settings import LayoutSettings


@dataclass(frozen=True, slots=True)
class Cell:
    page: int
    bbox: BBox
    grid: int  # index of the grid on its page; -1 for a frame
    row: int
    col: int

    def holds(self, box: BBox, tol: float = 1.0) -> bool:
        """The box's centre lies inside the cell (OCR boxes may overhang the rules a little)."""
        b = self.bbox
        return b.x0 - tol <= box.cx <= b.x1 + tol and b.top - tol <= box.cy <= b.bottom + tol

    def held(self, words: BoxIndex[Word], tol: float = 1.0) -> list[Word]:
        """The indexed words the cell ``holds``, in their page order."""
        b = self.bbox
        return words.centred(b.top - tol, b.bottom + tol, lambda box: self.holds(box, tol))


@dataclass(frozen=True, slots=True)
class Regions:
    cells: tuple[tuple[Cell, ...], ...]  # per page (index = page number - 1)
    frames: tuple[tuple[Cell, ...], ...]
    tol: float = 1.0

    def cell_at(self, page: int, box: BBox) -> Cell | None:
        """The smallest ruled cell holding the box's centre."""
        return _smallest_holding(self.cells[page - 1], box, self.tol)

    def frame_at(self, page: int, box: BBox) -> Cell | None:
        return _smallest_holding(self.frames[page - 1], box, self.tol)

    def region_at(self, page: int, box: BBox) -> Cell | None:
        """The innermost region (cell, else frame) holding the box."""
        return self.cell_at(page, box) or self.frame_at(page, box)

    def same_region(self, page: int, a: BBox, b: BBox) -> bool:
        return self.region_at(page, a) == self.region_at(page, b)

    def row_cells(self, cell: Cell) -> tuple[Cell, ...]:
        return tuple(c for c in self.cells[cell.page - 1] if c.grid == cell.grid and c.row == cell.row)

    def grid_cells(self, page: int, grid: int) -> tuple[Cell, ...]:
        return tuple(c for c in self.cells[page - 1] if c.grid == grid)

    def right_of(self, cell: Cell) -> Cell | None:
        """The next cell of the same row to the right."""
        row = [c for c in self.row_cells(cell) if c.bbox.x0 >= cell.bbox.x1 - 1.5]
        return min(row, key=lambda c: c.bbox.x0) if row else None

    def below(self, cell: Cell) -> Cell | None:
        """The cell of the next row under the cell's centre."""
        under = [c for c in self.cells[cell.page - 1] if c.grid == cell.grid and c.row > cell.row
                 and c.bbox.x0 - 1 <= cell.bbox.cx <= c.bbox.x1 + 1]
        return min(under, key=lambda c: c.row) if under else None


def _smallest_holding(cells: tuple[Cell, ...], box: BBox, tol: float) -> Cell | None:
    """The first of the smallest cells that ``holds`` the box (asked for every box and label of
    a page: the box's centre is worked out once, not per cell)."""
    if not cells:
        return None
    cx, cy = box.cx, box.cy
    best: Cell | None = None
    for c in cells:
        b = c.bbox
        if b.x0 - tol <= cx <= b.x1 + tol and b.top - tol <= cy <= b.bottom + tol \
                and (best is None or b.area < best.bbox.area):
            best = c
    return best


def find_regions(pages: tuple[Page, ...], s: LayoutSettings) -> Regions:
    return Regions(cells=tuple(_cells(p) for p in pages), frames=tuple(_frames(p, s) for p in pages),
                   tol=s.cell_tol_pt)


def _cells(page: Page) -> tuple[Cell, ...]:
    out: list[Cell] = []
    for gi, grid in enumerate(page.grids):
        for ri, row in enumerate(grid.rows):
            for ci, box in enumerate(row):
                if box is not None:
                    out.append(Cell(page.number, box, gi, ri, ci))
    return tuple(out)


def _frames(page: Page, s: LayoutSettings) -> tuple[Cell, ...]:
    """Drawn rectangles holding text that are no part of a grid: result blocks, info boxes."""
    grid_boxes = [g.bbox for g in page.grids]
    out: list[Cell] = []
    for rect in page.rects:
        b = rect.bbox
        if b.width < s.frame_min_pt or b.height < s.frame_min_pt or not rect.stroke:
            continue
        if b.width > 0.98 * page.width and b.height > 0.98 * page.height:
            continue  # a page border
        if any(contains(g.expand(2), b) for g in grid_boxes):
            continue
        if any(contains(b, w.bbox, tol=0.5) for w in page.words):
            out.append(Cell(page.number, b, -1, len(out), 0))
    return tuple(out)
