"""Ruled tables (header shading, wrapped cells, callable cells for checkboxes)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from _samples.common import cell_text, lines_needed
from _samples.flow import Flow

# A cell is text, nothing, or a function drawing into the cell (flow, x, top, width, height).
CellFn = Callable[[Flow, float, float, float, float], None]
Cell = str | CellFn | None


@dataclass(frozen=True)
class TableStyle:
    font: str
    bold: str
    size: float
    header_fill: float | None = 0.88  # grey level of the header row, None = no shading
    pad: float = 3.0
    lw: float = 0.5
    inner_rules: bool = True  # vertical rules between columns
    center_from: int = 99  # columns with this index or higher are centred


def table(
    flow: Flow,
    x0: float,
    widths: list[float],
    rows: list[list[Cell]],
    style: TableStyle,
    header_rows: int = 1,
    min_height: float = 0.0,
) -> list[float]:
    """Draw the table at the flow cursor (kept on one page); returns the row tops."""
    lead = style.size * 1.2
    heights = []
    for r, row in enumerate(rows):
        font = style.bold if r < header_rows else style.font
        n = max(
            [
                lines_needed(c, font, style.size, w - 2 * style.pad)
                for c, w in zip(row, widths, strict=True)
                if isinstance(c, str) and c
            ]
            or [1]
        )
        heights.append(max(n * lead + 2 * style.pad, min_height))
    flow.ensure(sum(heights) + 2)
    top = flow.y
    x1 = x0 + sum(widths)
    tops = []
    y = top
    for r, (row, h) in enumerate(zip(rows, heights, strict=True)):
        tops.append(y)
        if r < header_rows and style.header_fill is not None:
            flow.rect(x0, y, x1, y + h, lw=0, fill_gray=style.header_fill, stroke=False)
        x = x0
        for c, (cell, w) in enumerate(zip(row, widths, strict=True)):
            font = style.bold if r < header_rows else style.font
            if isinstance(cell, str) and cell:
                align = "center" if c >= style.center_from else "left"
                cell_text(
                    flow,
                    cell,
                    x + style.pad,
                    y + style.pad - 0.5,
                    w - 2 * style.pad,
                    font,
                    style.size,
                    lead,
                    align=align,
                )
            elif callable(cell):
                cell(flow, x, y, w, h)
            x += w
        y += h
    bottom = y
    for y_rule in [*tops, bottom]:
        flow.line(x0, y_rule, x1, y_rule, lw=style.lw)
    x = x0
    edges = [x0]
    for w in widths:
        x += w
        edges.append(x)
    for i, xe in enumerate(edges):
        if style.inner_rules or i in (0, len(edges) - 1):
            flow.line(xe, top, xe, bottom, lw=style.lw)
    flow.y = bottom
    return tops
