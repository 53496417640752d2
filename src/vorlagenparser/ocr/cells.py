"""Second look at table cells and label values: page segmentation misses lone digits in grid
cells and write-in boxes ("Ja: [ 22 ]") and garbles text on shaded header cells. Each ruled cell
whose ink the first pass did not explain, or read with low confidence, and the space right of
each label ending in a colon that holds unexplained ink, is recognised again on its own —
cropped, cleaned, enlarged, as one block.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

import cv2
import numpy as np
import numpy.typing as npt

from ..errors import OcrError
from ..geometry import BBox, intersection_area
from ..inkblobs import blob_stats
from ..pagemodel import GrayImage, Grid, Word
from .engine import OcrEngine

_BLOCK_PSM = 6  # one uniform block of text
_MAX_LABELS = 30  # label values looked at again, per page
_VALUE_REACH = 8.0  # text heights right of a label
_MAX_CELLS = 40  # per page: a second look is for form fields and headers, not running text
# A cell the first pass read this many words in holds running text (a remark, a reasoning): read
# again it reads no better, and costs as much as its share of the page did.
_MAX_CELL_WORDS = 12
_LOW_CONFIDENCE = 0.75
_MIN_CONFIDENCE = 0.45
_LIGHTEST_INK = 215.0  # grey level: on a near-empty page Otsu's threshold splits paper noise


def recognise_cells(image: GrayImage, scale: float, grids: Sequence[Grid], words: list[Word],
                    engine: OcrEngine, dpi: int, timeout_s: float | None,
                    ink: GrayImage | None = None) -> list[Word]:
    """The page's words with badly read or missed cell text replaced by a second recognition.
    ``ink`` is :func:`page_ink` of ``image`` when the caller has it already."""
    if not grids or not words:
        return words
    text_height = statistics.median(w.bbox.height for w in words)
    ink = page_ink(image) if ink is None else ink
    out = list(words)
    looked = 0
    for grid in grids:
        for row in grid.rows:
            for cell in row:
                if (
                    cell is None
                    or looked >= _MAX_CELLS
                    or not _worth_a_look(cell, out, ink, scale, text_height)
                ):
                    continue
                looked += 1
                again = _recognise(image, scale, cell, engine, dpi, timeout_s, text_height)
                out = _merge(out, cell, again)
    return out


def recognise_after_labels(image: GrayImage, scale: float, words: list[Word], engine: OcrEngine, dpi: int,
                           timeout_s: float | None, ink: GrayImage | None = None) -> list[Word]:
    """The page's words plus what stands unread right of a label ("Ja:", "Datum:").
    ``ink`` is :func:`page_ink` of ``image`` when the caller has it already."""
    if not words:
        return words
    text_height = statistics.median(w.bbox.height for w in words)
    ink = page_ink(image) if ink is None else ink
    out = list(words)
    corners = _corners(out)
    looked = 0
    for word in words:
        if looked >= _MAX_LABELS or len(word.text) < 2 or not word.text.endswith(":"):
            continue
        region = _value_region(word, corners, text_height)
        if region is None or not _unread_ink(region, corners, ink, scale, text_height):
            continue
        looked += 1
        out = _merge(out, region, _recognise(image, scale, region.expand(1.6), engine, dpi, timeout_s,
                                             text_height))
        corners = _corners(out)
    return out


_Corners = npt.NDArray[np.float64]


def _corners(words: Sequence[Word]) -> _Corners:
    """The words' x0, top, x1 and bottom, one row each: every label looks at all of the page's
    words, and one array test per label replaces a loop over them."""
    return np.array([(w.bbox.x0, w.bbox.top, w.bbox.x1, w.bbox.bottom) for w in words],
                    dtype=np.float64).reshape(-1, 4)


def _value_region(label: Word, corners: _Corners, text_height: float) -> BBox | None:
    """From the label to the next word on its line (at most a few text heights); ``corners``
    are the page's words (:func:`_corners`)."""
    h = max(label.bbox.height, text_height)
    x0, top, bottom = corners[:, 0], corners[:, 1], corners[:, 3]
    right = x0[(x0 > label.bbox.x1) & (np.abs((top + bottom) / 2 - label.bbox.cy) < 0.5 * h)]
    end = min([label.bbox.x1 + _VALUE_REACH * h, *right.tolist()])
    if end - label.bbox.x1 < 1.2 * h:
        return None
    return BBox(label.bbox.x1 + 0.2 * h, label.bbox.cy - 0.9 * h, end - 0.2 * h, label.bbox.cy + 0.9 * h)


def _unread_ink(
    region: BBox, corners: _Corners, ink: GrayImage, scale: float, text_height: float
) -> bool:
    """Text-sized ink in ``region`` that none of the words (``corners``) covers."""
    x0, y0 = int(region.x0 * scale), int(region.top * scale)
    x1, y1 = int(region.x1 * scale), int(region.bottom * scale)
    if x1 <= x0 or y1 <= y0:
        return False
    patch = ink[max(0, y0):y1, max(0, x0):x1].copy()
    # Each word's pixels as int() gives them (toward zero), relative to the region; only the
    # words whose clipped slice of the patch is not empty clear anything.
    wx0, wy0, wx1, wy1 = ((corners * scale).astype(np.int64) - (x0, y0, x0, y0)).T
    height, width = patch.shape
    clears = (wy1 > 0) & (wy1 > wy0) & (wy0 < height) & (wx1 > 0) & (wx1 > wx0) & (wx0 < width)
    for left, top, right, bottom in zip(*(v[clears].tolist() for v in (wx0, wy0, wx1, wy1)),
                                        strict=True):
        patch[max(0, top):max(0, bottom), max(0, left):max(0, right)] = 0
    # A write-in box's border is ink too; a digit is a blob about as tall as the text.
    _, stats = blob_stats(patch)
    width, height = stats[:, 2], stats[:, 3]
    min_h, max_h = 0.4 * text_height * scale, 1.3 * text_height * scale
    return bool(((min_h <= height) & (height <= max_h) & (width <= max_h)).any())


def page_ink(image: GrayImage, otsu_ink: tuple[float, GrayImage] | None = None) -> GrayImage:
    """Ink = 255: Otsu's threshold, but never lighter than light grey. ``otsu_ink`` is the
    image's Otsu threshold and ink (255) when the caller has them: the same unless too light."""
    if otsu_ink is not None and otsu_ink[0] <= _LIGHTEST_INK:
        return otsu_ink[1]
    otsu, _ = cv2.threshold(image, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    _, binary = cv2.threshold(image, min(otsu, _LIGHTEST_INK), 255, cv2.THRESH_BINARY_INV)
    return np.asarray(binary, dtype=np.uint8)


def _inside(cell: BBox, scale: float, inset_pt: float = 1.5) -> tuple[int, int, int, int]:
    b = cell.expand(-inset_pt)
    return int(b.x0 * scale), int(b.top * scale), int(b.x1 * scale), int(b.bottom * scale)


def _in_cell(words: Sequence[Word], cell: BBox) -> list[Word]:
    return [w for w in words if cell.x0 <= w.bbox.cx <= cell.x1 and cell.top <= w.bbox.cy <= cell.bottom]


def _worth_a_look(
    cell: BBox, words: Sequence[Word], ink: GrayImage, scale: float, text_height: float
) -> bool:
    """Text-sized ink the first pass left unread, or text read with low confidence."""
    if cell.height > 6 * text_height or cell.width < 0.8 * text_height or cell.height < 0.8 * text_height:
        return False  # a box of running text, or a sliver between rules
    x0, y0, x1, y1 = _inside(cell, scale)
    if x1 <= x0 or y1 <= y0:
        return False
    inside = _in_cell(words, cell)
    if len(inside) > _MAX_CELL_WORDS:
        return False
    if inside and statistics.mean(w.confidence for w in inside) < _LOW_CONFIDENCE:
        return True
    patch = ink[y0:y1, x0:x1].copy()  # the words' ink is cleared from it: a copy
    for w in inside:
        wx0, wy0 = int(w.bbox.x0 * scale) - x0 - 2, int(w.bbox.top * scale) - y0 - 2
        wx1, wy1 = int(w.bbox.x1 * scale) - x0 + 2, int(w.bbox.bottom * scale) - y0 + 2
        patch[max(0, wy0):max(0, wy1), max(0, wx0):max(0, wx1)] = 0
    _, stats = blob_stats(patch)
    min_h = 0.35 * text_height * scale
    return bool(((stats[:, 3] >= min_h) & (stats[:, 4] >= 0.2 * min_h * min_h)).any())


def _recognise(image: GrayImage, scale: float, cell: BBox, engine: OcrEngine, dpi: int,
               timeout_s: float | None, text_height: float) -> list[Word]:
    x0, y0, x1, y1 = _inside(cell, scale)
    clean, factor = enlarged_binary(image[y0:y1, x0:x1], text_height * scale)
    clean = _without_rules(
        np.asarray(clean, dtype=np.uint8),
        int(1.4 * text_height * scale * factor),
        int(0.9 * text_height * scale * factor),
    )
    if int(clean.min()) == 255:
        return []  # nothing but paper once the rules are out: Tesseract finds no word in it
    pad = 12
    framed = cv2.copyMakeBorder(clean, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255)
    try:
        found = engine.recognise(np.ascontiguousarray(framed, dtype=np.uint8), dpi * factor,
                                 timeout_s=timeout_s, psm=_BLOCK_PSM)
    except OcrError:
        return []
    out = []
    for w in found:
        if w.confidence < _MIN_CONFIDENCE or not any(c.isalnum() for c in w.text):
            continue
        if len(w.text) < 3 and not any(c.isdigit() for c in w.text):
            continue  # "v", "NG": a tick or a speck read as letters, not a cell's text
        px0 = x0 + (w.left - pad) / factor
        py0 = y0 + (w.top - pad) / factor
        box = BBox(
            px0 / scale, py0 / scale, (px0 + w.width / factor) / scale, (py0 + w.height / factor) / scale
        )
        out.append(Word(text=w.text, bbox=box, size=box.height, confidence=round(w.confidence, 4)))
    return out


def enlarged_binary(crop: GrayImage, text_px: float) -> tuple[GrayImage, int]:
    """A crop for a second recognition: small print doubled in size, then Otsu's black and
    white (text = 0); and the enlargement factor."""
    factor = 2 if text_px < 40 else 1
    big = cv2.resize(crop, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)
    _, clean = cv2.threshold(np.asarray(big, dtype=np.uint8), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return np.asarray(clean, dtype=np.uint8), factor


def _without_rules(binary: GrayImage, across: int, down: int) -> GrayImage:
    """Paint out the borders of boxes and cells (straight strokes longer than a character is
    wide, or taller than a digit): tesseract reads a digit in a write-in box as nothing or "[22]"."""
    ink = cv2.bitwise_not(binary)
    rules = cv2.bitwise_or(cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, max(across, 8)), np.uint8)),
                           cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((max(down, 8), 1), np.uint8)))
    rules = cv2.dilate(rules, np.ones((3, 3), np.uint8))
    return np.asarray(cv2.bitwise_or(binary, rules), dtype=np.uint8)


def _merge(words: list[Word], cell: BBox, again: list[Word]) -> list[Word]:
    """Take the second reading where it is surer, and the words the first pass missed."""
    if not again:
        return words
    before = _in_cell(words, cell)
    if before:
        old = statistics.mean(w.confidence for w in before)
        new = statistics.mean(w.confidence for w in again)
        if new > old + 0.1:
            # A surer reading may still have lost words (a ticked box beside them garbles the
            # crop): words of the first pass it does not cover stay, unless they are short junk.
            gone = {id(w) for w in before if _covered(w, again) or not _wordlike(w)}
            return [w for w in words if id(w) not in gone] + again
    added = [
        a for a in again if not any(intersection_area(a.bbox, w.bbox) > 0.3 * a.bbox.area for w in before)
    ]
    return words + added


def _covered(word: Word, again: Sequence[Word]) -> bool:
    return any(intersection_area(word.bbox, a.bbox) > 0.3 * word.bbox.area for a in again)


def _wordlike(word: Word) -> bool:
    """Text worth keeping when a second look missed it: four letters or more."""
    return sum(c.isalpha() for c in word.text) >= 4
