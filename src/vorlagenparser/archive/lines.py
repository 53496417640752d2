"""Words → text lines → text blocks, the structure ALTO and a PDF text layer are written in.

Pure geometry on a page's words in their reading order (tesseract's order for scans, the text
layer's order for digital pages). A word continues the current line when it overlaps it
vertically and follows it closely on the right; a line continues the current block when it
starts below it, overlaps it horizontally and leaves no more than a line's height between.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..geometry import BBox
from ..pagemodel import Word

# A gap wider than this many line heights splits a line (table cells, two columns).
_MAX_WORD_GAP = 2.5
# A vertical gap wider than this many line heights starts a new block (a paragraph break).
_MAX_LINE_GAP = 0.9


@dataclass(frozen=True, slots=True)
class TextLine:
    words: tuple[Word, ...]

    @property
    def bbox(self) -> BBox:
        return union_box(w.bbox for w in self.words)


@dataclass(frozen=True, slots=True)
class TextBlock:
    lines: tuple[TextLine, ...]

    @property
    def bbox(self) -> BBox:
        return union_box(line.bbox for line in self.lines)


def union_box(boxes: Iterable[BBox]) -> BBox:
    items = list(boxes)
    return BBox(min(b.x0 for b in items), min(b.top for b in items),
                max(b.x1 for b in items), max(b.bottom for b in items))


def _vertical_overlap(a: BBox, b: BBox) -> float:
    """Shared height as a share of the smaller of the two heights."""
    shared = min(a.bottom, b.bottom) - max(a.top, b.top)
    smaller = min(a.bottom - a.top, b.bottom - b.top)
    return shared / smaller if smaller > 0 else 0.0


def _continues_line(line: BBox, word: BBox, max_gap: float) -> bool:
    height = max(line.bottom - line.top, word.bottom - word.top, 1.0)
    gap = word.x0 - line.x1
    return _vertical_overlap(line, word) >= 0.5 and -0.25 * height <= gap <= max_gap * height


def _continues_block(block: BBox, last: BBox, line: BBox) -> bool:
    height = max(last.bottom - last.top, 1.0)
    gap = line.top - last.bottom
    overlaps = min(block.x1, line.x1) > max(block.x0, line.x0)
    return overlaps and -0.3 * height <= gap <= _MAX_LINE_GAP * height


def group_lines(words: Sequence[Word], max_gap: float = _MAX_WORD_GAP) -> list[TextLine]:
    """Consecutive words that sit on one line, in reading order; empty words are skipped.

    ``max_gap`` (in line heights) splits a line at wide gaps; ``math.inf`` keeps a printed line
    whole, as a text layer wants it (extractors then read it left to right in one piece)."""
    lines: list[list[Word]] = []
    current: BBox | None = None
    for word in words:
        if not word.text.strip():
            continue
        if current is not None and _continues_line(current, word.bbox, max_gap):
            lines[-1].append(word)
            current = union_box((current, word.bbox))
        else:
            lines.append([word])
            current = word.bbox
    return [TextLine(tuple(line)) for line in lines]


def group_blocks(lines: Sequence[TextLine]) -> list[TextBlock]:
    """Consecutive lines stacked closely under each other."""
    blocks: list[list[TextLine]] = []
    for line in lines:
        if blocks:
            block = blocks[-1]
            if _continues_block(union_box(x.bbox for x in block), block[-1].bbox, line.bbox):
                block.append(line)
                continue
        blocks.append([line])
    return [TextBlock(tuple(block)) for block in blocks]
