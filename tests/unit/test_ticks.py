"""Hand ticks in bare grid cells of a scan: OCR's reading of a tick as letters is no text."""

from __future__ import annotations

import cv2
import numpy as np

from vorlagenparser.checkboxes.ticks import detect_raster_ticks
from vorlagenparser.geometry import BBox
from vorlagenparser.pagemodel import Grid, Page, Word

SCALE = 4.0  # pixels per point


def _page(words: tuple[Word, ...], ink: list[tuple[str, BBox]]) -> Page:
    """A page with one ruled row of two cells; ``ink`` draws a tick ('v') or printed letters."""
    image = np.full((int(120 * SCALE), int(240 * SCALE)), 255, np.uint8)
    cells = (BBox(20, 20, 120, 60), BBox(120, 20, 220, 60))
    for c in cells:
        corners = (int(c.x0 * SCALE), int(c.top * SCALE)), (int(c.x1 * SCALE), int(c.bottom * SCALE))
        cv2.rectangle(image, *corners, 0, 3)
    for kind, box in ink:
        x0, y0, x1, y1 = (int(v * SCALE) for v in box.as_list())
        if kind == "tick":  # one stroke down and up
            stroke = np.array([(x0, (y0 + y1) // 2), ((x0 + x1) // 2, y1), (x1, y0)])
            cv2.polylines(image, [stroke], False, 0, 5)
        else:  # letters apart: short bars with gaps
            step = (x1 - x0) // len(kind)
            for i in range(len(kind)):
                cv2.rectangle(image, (x0 + i * step, y0), (x0 + i * step + step // 2, y1), 0, -1)
    grid = Grid(bbox=BBox(20, 20, 220, 60), rows=(cells,))
    return Page(number=1, width=240, height=120, method="ocr", words=words, grids=(grid,), image=image,
                image_scale=SCALE)


def _word(text: str, box: BBox, confidence: float) -> Word:
    return Word(text, box, confidence=confidence)


def test_a_tick_read_as_two_letters_is_a_tick() -> None:
    box = BBox(60, 30, 72, 46)
    page = _page((_word("NG", box, 0.8),), [("tick", box)])
    ticks = detect_raster_ticks(page, [])
    assert len(ticks) == 1 and ticks[0].checked and ticks[0].bbox.x0 < 66 < ticks[0].bbox.x1


def test_letters_apart_and_text_beside_a_word_stay_text() -> None:
    apart = BBox(60, 30, 72, 40)
    joined = BBox(150, 26, 160, 36)
    vorlage = BBox(150, 40, 190, 50)
    words = (_word("NG", apart, 0.8), _word("kt.", joined, 0.78), _word("Vorlage", vorlage, 0.96))
    page = _page(words, [("NG", apart), ("tick", joined), ("Vorlage", vorlage)])
    assert detect_raster_ticks(page, []) == []


def test_a_tick_filling_a_low_row_is_a_tick() -> None:
    box = BBox(150, 24, 164, 56)  # most of the cell's height (row 20..60)
    ticks = detect_raster_ticks(_page((), [("tick", box)]), [])
    assert len(ticks) == 1 and ticks[0].bbox.x1 > 150


def test_ink_touching_a_word_is_a_letter_left_out_of_its_box() -> None:
    stroke = BBox(150, 30, 153, 42)  # the "t" of "nicht", outside OCR's box of the word
    words = (_word("nich", BBox(130, 30, 149.5, 42), 0.95), _word("öffentlich", BBox(157, 30, 200, 42), 0.95))
    page = _page(words, [("tick", stroke)])
    assert detect_raster_ticks(page, []) == []
