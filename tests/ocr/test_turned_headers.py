"""Column headers turned 90° in a scanned grid are read as turned words, not as noise."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from ocr_synth import PX_PER_MM, blank

from vorlagenparser.geometry import BBox
from vorlagenparser.ocr.engine import default_engine
from vorlagenparser.ocr.turned import recognise_turned
from vorlagenparser.pagemodel import Grid, Word

pytestmark = pytest.mark.tesseract

SCALE = PX_PER_MM * 25.4 / 72  # pixels per point


def _turned_text(img: np.ndarray, text: str, cell: BBox, upwards: bool) -> None:
    """Print ``text`` turned 90° into the middle of ``cell``."""
    strip = np.full((60, 30 * len(text)), 255, np.uint8)
    cv2.putText(strip, text, (10, 45), cv2.FONT_HERSHEY_SIMPLEX, 1.3, 0, 3, cv2.LINE_AA)
    turned = cv2.rotate(strip, cv2.ROTATE_90_COUNTERCLOCKWISE if upwards else cv2.ROTATE_90_CLOCKWISE)
    h, w = turned.shape
    x = int(cell.cx * SCALE) - w // 2
    y = int(cell.bottom * SCALE) - h - 12
    img[y:y + h, x:x + w] = np.minimum(img[y:y + h, x:x + w], turned)


def _grid(img: np.ndarray, cells: list[BBox]) -> Grid:
    for c in cells:
        corners = (int(c.x0 * SCALE), int(c.top * SCALE)), (int(c.x1 * SCALE), int(c.bottom * SCALE))
        cv2.rectangle(img, *corners, 0, 3)
    return Grid(bbox=BBox(cells[0].x0, cells[0].top, cells[-1].x1, cells[-1].bottom), rows=(tuple(cells),))


@pytest.mark.parametrize("upwards", [True, False])
def test_a_turned_header_replaces_the_noise_read_over_it(upwards: bool) -> None:
    img = blank(120, 80)
    cells = [BBox(30, 30, 100, 150), BBox(100, 30, 125, 150), BBox(125, 30, 150, 150)]
    grid = _grid(img, cells)
    cv2.putText(img, "Gremium", (int(35 * SCALE), int(140 * SCALE)), cv2.FONT_HERSHEY_SIMPLEX, 1.3, 0, 3)
    _turned_text(img, "einstimmig", cells[1], upwards)
    _turned_text(img, "vertagt", cells[2], upwards)
    words = [Word("Gremium", BBox(35, 130, 75, 141), confidence=0.95),
             Word("=", BBox(105, 80, 118, 95), confidence=0.3),  # what the page pass made of it
             Word("ii", BBox(130, 90, 145, 100), confidence=0.2)]
    ink = np.asarray(cv2.threshold(img, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)[1], np.uint8)
    kept, turned = recognise_turned(img, SCALE, [grid], words, default_engine("deu"), 300, 30.0, ink)
    assert [w.text for w in kept] == ["Gremium"]
    assert [w.text for w in turned] == ["einstimmig", "vertagt"]
    assert all(c.x0 <= w.bbox.cx <= c.x1 for w, c in zip(turned, cells[1:], strict=True))
