"""Every tolerance of the layout stage in one validated settings object.

Distances are in line heights (``*_lines``), box sides (``*_sides``) or points (``*_pt``), so
one set of numbers serves 8-point forms and 12-point typewriter pages alike. Like pdfplumber's
``TableSettings``, a caller may pass a dict of overrides (``LayoutSettings.resolve``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any


@dataclass(frozen=True, slots=True)
class LayoutSettings:
    # --- text lines and phrases
    phrase_gap_lines: float = 0.9  # a gap wider than this (× line height) ends a phrase
    phrase_gap_spaces: float = 2.2  # ... or wider than this many typical word spaces
    line_overlap: float = 0.5  # words share a line when they overlap this much vertically
    running_margin: float = 0.09  # share of the page height where running headers/footers live
    running_outer: float = 0.15  # footers set a little higher, repeated in place

    # --- regions
    cell_tol_pt: float = 1.0  # a word belongs to a cell when its centre is this close inside
    frame_min_pt: float = 24.0  # a rect this large on both sides that holds text is a frame

    # --- key/value pairs
    wrap_gap_lines: float = 0.7  # a wrapped value line follows within this gap
    wrap_align_pt: float = 6.0  # ... and starts this close to the value's (or label's) left edge
    below_gap_lines: float = 2.6  # a value under its label (header rows) is at most this far down
    right_value_max_share: float = 0.45  # of the page width, between a label and its value
    paragraph_gap_lines: float = 0.75  # a gap wider than this starts a new paragraph
    list_gap_lines: float = 3.0  # a list (Anlagen) ends at a gap of this many lines

    # --- marks and their labels
    tie_side_sides: float = 4.0  # a label beside its box is at most this many box sides away
    tie_above_lines: float = 4.0  # a label above its box, in line heights
    tie_same_line: float = 0.3  # vertical overlap for a label on the box's line
    stack_gap_lines: float = 0.8  # lines of a label wrapped above its box
    group_gap_sides: float = 6.0  # boxes on a line this close belong to one option group
    count_box_min_aspect: float = 1.35  # a wider box is a write-in field (vote counts)
    count_box_max_height_pt: float = 30.0

    # --- tables
    table_row_gap_lines: float = 2.2  # rows of an unruled table follow within this gap
    table_min_columns: int = 2
    table_header_share: float = 0.75  # share of a header row's cells that must be known columns
    page_break_lines: int = 4  # a table continues on the next page within its first lines

    # --- result blocks
    block_header_lines: int = 3  # lines above a block's first box that may head it
    block_tail_lines: float = 4.0  # a block ends this many line heights below its last box

    # --- document extent
    attachment_probe_lines: int = 3  # lines at the top of a page that may announce an Anlage

    @classmethod
    def resolve(cls, overrides: LayoutSettings | Mapping[str, Any] | None) -> LayoutSettings:
        """Settings from None (defaults), a settings object, or a dict of overrides."""
        if overrides is None:
            return cls()
        if isinstance(overrides, LayoutSettings):
            return overrides
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise ValueError(f"unknown layout settings: {', '.join(unknown)}")
        return replace(cls(), **dict(overrides))
