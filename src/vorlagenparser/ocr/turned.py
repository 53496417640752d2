"""Column headers printed at 90° in a scan's ruled grids ("einstimmig", "laut Beschluss-
vorschlag" turned to fit narrow columns). Tesseract reads a page's horizontal lines only; what it
makes of turned letters is noise ("=", "E", "5"). A header cell much taller than wide whose ink no
sure horizontal reading explains is recognised again, turned upright both ways; the surer reading
wins over the noise. Each line of it becomes a turned word of the page (``Page.vertical_words``),
as a text layer's turned characters do.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np

from ..errors import OcrError
from ..geometry import BBox
from ..pagemodel import GrayImage, Grid, Word
from .cells import enlarged_binary
from .engine import OcrEngine, OcrWord


@dataclass(frozen=True, slots=True)
class TurnedSettings:
    header_rows: int = 2  # a grid's headers stand in its top rows
    min_aspect: float = 1.6  # a cell this many times taller than wide may hold turned text
    min_height: float = 3.0  # ... and at least this many text heights tall
    sure: float = 0.8  # a horizontal reading this sure (with a real word) is the cell's text
    min_confidence: float = 0.6  # a turned reading must be at least this sure
    max_cells: int = 24  # per page


def recognise_turned(image: GrayImage, scale: float, grids: Sequence[Grid], words: list[Word],
                     engine: OcrEngine, dpi: int, timeout_s: float | None, ink: GrayImage,
                     settings: TurnedSettings | None = None) -> tuple[list[Word], list[Word]]:
    """The page's words without OCR's noise in turned header cells, and the turned words."""
    s = settings or TurnedSettings()
    if not grids or not words:
        return words, []
    text_height = statistics.median(w.bbox.height for w in words)
    out, turned = list(words), []
    looked = 0
    for grid in grids:
        for row in grid.rows[:s.header_rows]:
            for cell in row:
                if cell is None or looked >= s.max_cells or not _may_hold_turned_text(cell, text_height, s):
                    continue
                inside = [w for w in out if cell.x0 <= w.bbox.cx <= cell.x1
                          and cell.top <= w.bbox.cy <= cell.bottom]
                if _read_well(inside, s) or not _inked(ink, cell, scale, text_height):
                    continue
                looked += 1
                lines = _read_turned(image, scale, cell, engine, dpi, timeout_s, text_height, s)
                if not lines:
                    continue
                sure = statistics.mean(w.confidence for w in lines)
                if inside and sure <= statistics.mean(w.confidence for w in inside) + 0.1:
                    continue
                gone = {id(w) for w in inside}
                out = [w for w in out if id(w) not in gone]
                turned.extend(lines)
    return out, turned


def _may_hold_turned_text(cell: BBox, text_height: float, s: TurnedSettings) -> bool:
    return cell.height >= s.min_aspect * cell.width and cell.height >= s.min_height * text_height


def _read_well(inside: Sequence[Word], s: TurnedSettings) -> bool:
    """A horizontal reading with a sure word of three letters or more ("Nein", "TOP")."""
    return any(w.confidence >= s.sure and sum(c.isalpha() for c in w.text) >= 3 for w in inside)


def _inked(ink: GrayImage, cell: BBox, scale: float, text_height: float) -> bool:
    """Ink as tall as a few letters stands in the cell (not only a tick or a speck)."""
    b = cell.expand(-1.5)
    patch = ink[max(0, int(b.top * scale)):int(b.bottom * scale), max(0, int(b.x0 * scale)):int(b.x1 * scale)]
    if patch.size == 0:
        return False
    rows = np.flatnonzero(patch.any(axis=1))
    return rows.size > 0 and (rows[-1] - rows[0]) >= 2.5 * text_height * scale


def _read_turned(image: GrayImage, scale: float, cell: BBox, engine: OcrEngine, dpi: int,
                 timeout_s: float | None, text_height: float, s: TurnedSettings) -> list[Word]:
    b = cell.expand(-1.5)
    x0, y0 = max(0, int(b.x0 * scale)), max(0, int(b.top * scale))
    x1, y1 = int(b.x1 * scale), int(b.bottom * scale)
    patch = image[y0:y1, x0:x1]
    if patch.size == 0:
        return []
    clean, factor = enlarged_binary(patch, text_height * scale)
    best: list[Word] = []
    best_sure = s.min_confidence
    # Text read upwards (the usual way) is upright turned clockwise; downwards, the other way.
    for turn in (cv2.ROTATE_90_CLOCKWISE, cv2.ROTATE_90_COUNTERCLOCKWISE):
        upright = cv2.copyMakeBorder(cv2.rotate(clean, turn), 12, 12, 12, 12, cv2.BORDER_CONSTANT, value=255)
        try:
            found = engine.recognise(np.ascontiguousarray(upright, dtype=np.uint8), dpi * factor,
                                     timeout_s=timeout_s, psm=6)
        except OcrError:
            continue
        lines = _lines(found, turn, clean.shape, factor, (x0, y0), scale)
        if lines:
            sure = statistics.mean(w.confidence for w in lines)
            if sure > best_sure:
                best, best_sure = lines, sure
    return best


def _lines(found: Sequence[OcrWord], turn: int, shape: tuple[int, ...], factor: int,
           origin: tuple[int, int], scale: float) -> list[Word]:
    """One turned word per recognised line, boxed in page points, in reading order."""
    groups: dict[tuple[int, int, int], list[OcrWord]] = {}
    for w in found:
        if any(c.isalnum() for c in w.text):
            groups.setdefault((w.block, w.paragraph, w.line), []).append(w)
    height, width = shape[0], shape[1]
    out = []
    for line in groups.values():
        text = " ".join(w.text for w in sorted(line, key=lambda w: w.left))
        if sum(c.isalpha() for c in text) < 2:
            continue
        left = min(w.left for w in line) - 12
        right = max(w.left + w.width for w in line) - 12
        top = min(w.top for w in line) - 12
        bottom = max(w.top + w.height for w in line) - 12
        if turn == cv2.ROTATE_90_CLOCKWISE:  # upright (xr, yr) = (height - 1 - y, x)
            xs, ys = (top, bottom), (height - 1 - right, height - 1 - left)
        else:  # upright (xr, yr) = (y, width - 1 - x)
            xs, ys = (width - 1 - bottom, width - 1 - top), (left, right)
        box = BBox((origin[0] + max(0, xs[0]) / factor) / scale, (origin[1] + max(0, ys[0]) / factor) / scale,
                   (origin[0] + max(0, xs[1]) / factor) / scale, (origin[1] + max(0, ys[1]) / factor) / scale)
        confidence = statistics.mean(w.confidence for w in line)
        out.append(Word(text=text, bbox=box, size=box.width, confidence=round(confidence, 4)))
    return sorted(out, key=lambda w: w.bbox.x0)
