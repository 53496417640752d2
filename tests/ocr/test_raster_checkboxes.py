"""Raster checkbox detection on synthetic scans drawn in the test (no files, no tesseract)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from ocr_synth import SCALE, Drawn, blank, box, label, ruled_table, scanned, specks, text_lines

from vorlagenparser.checkboxes.raster import RasterSettings, detect_raster
from vorlagenparser.geometry import BBox
from vorlagenparser.pagemodel import Mark, Page, Word


def page_of(img: np.ndarray, words: tuple[Word, ...] = ()) -> Page:
    return Page(number=1, width=img.shape[1] / SCALE, height=img.shape[0] / SCALE,
                method="ocr", image=img, image_scale=SCALE, words=words)


def match(marks: list[Mark], drawn: Drawn, tol: float = 2.0) -> Mark | None:
    x0, top, x1, bottom = drawn.points()
    hits = [m for m in marks if abs(m.bbox.cx - (x0 + x1) / 2) <= tol
            and abs(m.bbox.cy - (top + bottom) / 2) <= tol]
    return hits[0] if len(hits) == 1 else None


KINDS = ["empty", "x", "tick", "scribble", "filled", "overshoot"]


def form(ink: int = 0, paper: int = 255, border: int = 3) -> tuple[np.ndarray, list[Drawn]]:
    img = blank(210, 80, paper=paper)
    text_lines(img, 10, 2, ink=ink)
    drawn = []
    for i, kind in enumerate(KINDS):
        d = box(img, 15 + i * 32, 35, kind, border=border, ink=ink)
        label(img, d.x1 + 15, d.y1 - 5, "ja", ink=ink)
        drawn.append(d)
    return img, drawn


@pytest.mark.parametrize("variant", ["clean", "scanned", "light", "thick"])
def test_every_mark_kind_is_told_from_an_empty_box(variant: str) -> None:
    if variant == "light":
        img, drawn = form(ink=175, paper=236)
        img = scanned(img, noise=4)
    elif variant == "thick":
        img, drawn = form(border=9)
        img = scanned(img)
    else:
        img, drawn = form()
        img = scanned(img) if variant == "scanned" else img
    marks = detect_raster(page_of(img))
    assert len(marks) == len(drawn)
    for d in drawn:
        mark = match(marks, d)
        assert mark is not None, d.kind
        assert mark.checked == d.checked, d.kind
        assert mark.source == "raster" and not mark.ambiguous and mark.confidence >= 0.8


def test_box_is_reported_in_frame_points() -> None:
    img = blank(60, 30)
    d = box(img, 20, 10, "x", side_mm=5.0)
    (mark,) = detect_raster(page_of(img))
    x0, top, x1, bottom = d.points()
    assert mark.bbox.x0 == pytest.approx(x0, abs=0.6) and mark.bbox.x1 == pytest.approx(x1, abs=0.6)
    assert mark.bbox.top == pytest.approx(top, abs=0.6)
    assert mark.bbox.bottom == pytest.approx(bottom, abs=0.6)


def test_noise_specks_do_not_tick_a_box_or_make_boxes() -> None:
    img = blank(80, 40)
    d = box(img, 20, 15, "empty")
    specks(img, 5, region=(d.x0 + 10, d.y0 + 10, d.x1 - 10, d.y1 - 10))
    specks(img, 400, seed=9)
    marks = detect_raster(page_of(scanned(img)))
    assert len(marks) == 1 and not marks[0].checked


def test_small_and_large_boxes_within_the_usual_range() -> None:
    img = blank(100, 40)
    small = box(img, 15, 15, "tick", side_mm=2.6, border=2)
    large = box(img, 50, 12, "empty", side_mm=6.0)
    marks = detect_raster(page_of(scanned(img)))
    assert (m := match(marks, small)) is not None and m.checked
    assert (m := match(marks, large)) is not None and not m.checked


def test_letters_touching_the_box_do_not_hide_it() -> None:
    img = blank(120, 40)
    empty = box(img, 20, 15, "empty")
    label(img, empty.x1 - 2, empty.y1 - 4, "lhein")  # the "l" touches the right border
    ticked = box(img, 80, 15, "x")
    label(img, ticked.x0 - 100, ticked.y1 - 4, "Neil")
    marks = detect_raster(page_of(scanned(img)))
    assert (m := match(marks, empty)) is not None and not m.checked
    assert (m := match(marks, ticked)) is not None and m.checked


def test_ruled_table_cells_are_not_checkboxes() -> None:
    img = blank(210, 80)
    ruled_table(img, 15, 10, [40, 25, 25, 6, 6], rows=5, row_mm=6.0)
    ruled_table(img, 150, 10, [6, 6, 6], rows=3, row_mm=6.0)
    ruled_table(img, 15, 50, [5, 5], rows=1, row_mm=5.0)  # two tiny cells side by side
    assert detect_raster(page_of(scanned(img))) == []


def test_a_checkbox_inside_a_table_cell_is_still_found() -> None:
    img = blank(120, 50)
    ruled_table(img, 10, 10, [60, 30], rows=2, row_mm=12.0)
    d = box(img, 80, 13, "x")
    marks = detect_raster(page_of(scanned(img)))
    assert len(marks) == 1 and (m := match(marks, d)) is not None and m.checked


@pytest.mark.parametrize(("text", "left"), [("HOOD", 12), ("Dr.", 0), ("DORF", 0)])
def test_square_letter_of_a_recognised_word_is_not_a_box(text: str, left: float) -> None:
    img = blank(100, 30)
    d = box(img, 20, 10, "empty", side_mm=3.0, border=2)  # a letter in a square font
    x0, top, x1, bottom = d.points()
    word = Word(text, BBox(x0 - left, top - 1, x1 + 12, bottom + 1), confidence=0.95)
    assert detect_raster(page_of(img, (word,))) == []


@pytest.mark.parametrize("text", ["B", "H.", "E"])
def test_a_letter_read_on_its_own_with_confidence_is_no_box(text: str) -> None:
    img = blank(100, 30)
    d = box(img, 20, 10, "filled", side_mm=3.0)  # "Grundsteuer B 380": the B's bowls closed up
    x0, top, x1, bottom = d.points()
    word = Word(text, BBox(x0, top, x1 + 2, bottom), confidence=0.93)
    assert detect_raster(page_of(img, (word,))) == []


@pytest.mark.parametrize("text", ["O", "Ü", "[]", "[]ja"])
def test_box_read_as_a_letter_of_its_own_is_kept(text: str) -> None:
    img = blank(100, 30)
    d = box(img, 20, 10, "empty", side_mm=3.0, border=2)
    x0, top, x1, bottom = d.points()
    glyph = Word(text, BBox(x0, top, x1 + 8 * (len(text) - 1), bottom), confidence=0.95)
    assert len(detect_raster(page_of(img, (glyph,)))) == 1


def test_round_glyphs_are_not_boxes() -> None:
    img = blank(100, 30)
    cv2.circle(img, (300, 200), 14, 0, 4)  # a bold "O" / the loop of a handwritten "9"
    cv2.ellipse(img, (500, 200), (16, 18), 0, 0, 360, 0, 3)
    # A "D": straight stem, straight top and bottom, rounded right corners.
    cv2.line(img, (700, 180), (700, 220), 0, 3)
    cv2.ellipse(img, (704, 200), (20, 20), 0, -90, 90, 0, 3)
    assert detect_raster(page_of(scanned(img))) == []


def test_faint_mark_near_the_threshold_is_ambiguous() -> None:
    img = blank(60, 30)
    d = box(img, 20, 10, "empty", side_mm=5.0)
    cv2.line(img, (d.x0 + 16, d.y0 + 28), (d.x0 + 40, d.y0 + 28), 0, 2)  # a short stray stroke
    (mark,) = detect_raster(page_of(img))
    assert mark.ambiguous and mark.confidence < 0.8


def test_page_without_image_has_no_raster_marks() -> None:
    assert detect_raster(Page(number=1, width=595, height=842)) == []


def test_settings_change_the_decision() -> None:
    img = blank(60, 30)
    box(img, 20, 10, "tick")
    strict = RasterSettings(tick_threshold=0.9, ambiguous_band=0.01)
    (mark,) = detect_raster(page_of(img), strict)
    assert not mark.checked


def test_map_like_drawings_give_no_boxes() -> None:
    """Trees (grey discs with an outline), shaded areas and rounded fields on a site plan."""
    img = blank(150, 80)
    text_lines(img, 8, 1)  # the plan's black title
    cv2.rectangle(img, (100, 500), (900, 900), 200, -1)  # a light grey area
    for i in range(8):
        centre = (150 + i * 90, 300 + (i % 2) * 60)
        cv2.circle(img, centre, 28, 150, -1)
        cv2.circle(img, centre, 28, 90, 3)
        cv2.circle(img, (200 + i * 90, 700), 26, 140, -1)
    cv2.rectangle(img, (1100, 200), (1160, 260), 160, -1)  # a small grey square (a building)
    assert detect_raster(page_of(scanned(img))) == []


def test_logo_of_packed_squares_is_no_checkbox_group() -> None:
    img = blank(100, 50)
    for row in range(5):  # a 5×5 block logo, 2 mm squares 0.6 mm apart
        for col in range(5):
            box(img, 20 + col * 2.6, 10 + row * 2.6, "filled", side_mm=2.0)
    row_of_boxes = [box(img, 50 + i * 12, 20, "empty") for i in range(3)]  # a real row
    marks = detect_raster(page_of(scanned(img)))
    assert len(marks) == 3 and all(match(marks, d) is not None for d in row_of_boxes)


@pytest.mark.parametrize("angle", [0.7, 2.0])
def test_residual_skew_is_tolerated(angle: float) -> None:
    img = blank(80, 40)
    empty, ticked = box(img, 20, 15, "empty"), box(img, 50, 15, "x")
    h, w = img.shape
    img = cv2.warpAffine(img, cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1), (w, h),
                         borderValue=255)
    marks = detect_raster(page_of(scanned(img)))
    assert len(marks) == 2
    assert (m := match(marks, empty, tol=4)) is not None and not m.checked
    assert (m := match(marks, ticked, tol=4)) is not None and m.checked


def test_borders_with_dropouts_are_found() -> None:
    img = blank(80, 40)
    drawn = [box(img, 20, 15, "empty", border=2), box(img, 50, 15, "tick", border=2)]
    holes = np.random.default_rng(2).random(img.shape) < 0.15
    img[holes & (img < 128)] = 255  # a worn toner: 15 % of the ink missing
    marks = detect_raster(page_of(scanned(img)))
    assert [(m := match(marks, d)) is not None and m.checked for d in drawn] == [False, True]


@pytest.mark.parametrize("dpi", [150, 200])
def test_lower_resolutions(dpi: int) -> None:
    img = blank(80, 40)
    drawn = [box(img, 20, 15, "empty"), box(img, 50, 15, "tick")]
    small = cv2.resize(img, None, fx=dpi / 300, fy=dpi / 300, interpolation=cv2.INTER_AREA)
    page = Page(number=1, width=small.shape[1] * 72 / dpi, height=small.shape[0] * 72 / dpi,
                method="ocr", image=small, image_scale=dpi / 72)
    marks = detect_raster(page)
    assert [(m := match(marks, d)) is not None and m.checked for d in drawn] == [False, True]
