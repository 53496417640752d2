"""The second look at ruled cells: which cells are read again."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from fakes import FakeOcrEngine
from vorlagenparser.geometry import BBox
from vorlagenparser.ocr.cells import recognise_cells
from vorlagenparser.pagemodel import Grid, Word

SCALE = 300 / 72  # pixels per point


def _page_with_cell(n_words: int) -> tuple[np.ndarray, Grid, list[Word]]:
    """A ruled cell (100 x 40 pt at 300 dpi) holding ``n_words`` words read with low confidence
    (0.5): two lines of small words, a letter of ink printed where the first pass saw them."""
    image = np.full((400, 800), 255, dtype=np.uint8)
    cell = BBox(20, 20, 170, 60)
    cv2.rectangle(image, (int(cell.x0 * SCALE), int(cell.top * SCALE)),
                  (int(cell.x1 * SCALE), int(cell.bottom * SCALE)), 0, 3)
    words = []
    for i in range(n_words):
        line, col = divmod(i, 10)
        x0, top = 24 + 14 * col, 26 + 14 * line
        box = BBox(x0, top, x0 + 10, top + 8)
        cv2.putText(image, "w", (int(box.x0 * SCALE), int(box.bottom * SCALE)),
                    cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 3)
        words.append(Word(text="wort", bbox=box, size=8, confidence=0.5))
    # Body text elsewhere on the page sets the text height the cell is judged by.
    words += [Word(text="text", bbox=BBox(20, 80 + 10 * i, 40, 88 + 10 * i), size=8)
              for i in range(5)]
    return image, Grid(bbox=cell, rows=((cell,),)), words


@pytest.mark.parametrize(("n_words", "looked"), [(3, True), (12, True), (13, False), (20, False)])
def test_a_cell_of_running_text_gets_no_second_look(n_words: int, looked: bool) -> None:
    """Badly read words in a cell are read again, unless there are so many that the cell holds
    running text (a second reading costs as much as the first and reads it no better)."""
    image, grid, words = _page_with_cell(n_words)
    engine = FakeOcrEngine()
    recognise_cells(image, SCALE, [grid], words, engine, 300, None)
    assert bool(engine.calls) is looked
