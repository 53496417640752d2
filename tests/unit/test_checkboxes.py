"""Vector, glyph and AcroForm checkbox detectors on hand-made page models."""

from __future__ import annotations

import pytest

from vorlagenparser.checkboxes import detect
from vorlagenparser.checkboxes.glyph import detect_glyphs
from vorlagenparser.checkboxes.vector import detect_vector
from vorlagenparser.geometry import BBox
from vorlagenparser.pagemodel import Page, Rect, Segment, Widget, Word

BOX = BBox(100, 100, 110, 110)


def _page(**kw: object) -> Page:
    return Page(number=1, width=595, height=842, **kw)  # type: ignore[arg-type]


def test_empty_vector_box() -> None:
    (mark,) = detect_vector(_page(rects=(Rect(BOX),)))
    assert not mark.checked and mark.source == "vector"


def test_cross_in_vector_box() -> None:
    cross = (Segment(101, 101, 109, 109), Segment(101, 109, 109, 101))
    (mark,) = detect_vector(_page(rects=(Rect(BOX),), segments=cross))
    assert mark.checked


def test_check_mark_overshooting_the_border() -> None:
    tick = (Segment(101, 105, 104, 109), Segment(104, 109, 112, 97))
    (mark,) = detect_vector(_page(rects=(Rect(BOX),), segments=tick))
    assert mark.checked


def test_filled_box_and_inner_square() -> None:
    (filled,) = detect_vector(_page(rects=(Rect(BOX, fill=True, fill_gray=0.0),)))
    assert filled.checked
    inner = Rect(BBox(102, 102, 108, 108), stroke=False, fill=True, fill_gray=0.1)
    marks = detect_vector(_page(rects=(Rect(BOX), inner)))
    assert len(marks) == 1 and marks[0].checked


def test_border_lines_are_not_ticks() -> None:
    border = (Segment(100, 100, 110, 100), Segment(100, 110, 110, 110),
              Segment(100, 100, 100, 110), Segment(110, 100, 110, 110))
    (mark,) = detect_vector(_page(rects=(Rect(BOX),), segments=border))
    assert not mark.checked


def test_table_cells_are_not_boxes() -> None:
    assert detect_vector(_page(rects=(Rect(BBox(50, 50, 200, 80)), Rect(BBox(0, 0, 30, 30))))) == []


@pytest.mark.parametrize(("text", "font", "checked"), [
    ("☐", "DejaVuSans", False), ("☒", "DejaVuSans", True), ("☑", "DejaVuSans", True),
    ("✔", "DejaVuSans", True), ("o", "ZapfDingbats", False), ("n", "ZapfDingbats", True),
    ("4", "ZapfDingbats", True), ("\uf0a8", "Wingdings-Regular", False), ("\uf0fe", "Wingdings", True),
    ("[x]", "Courier", True), ("[X]", "Courier", True), ("[]", "Courier", False),
])
def test_glyphs(text: str, font: str, checked: bool) -> None:
    word = Word(text, BBox(100, 100, 110, 111), fontname=font)
    marks, words = detect_glyphs(_page(words=(word,)))
    assert [m.checked for m in marks] == [checked]
    assert words == ()


def test_split_bracket_box_and_glued_label() -> None:
    words = (Word("[", BBox(100, 100, 104, 111)), Word("]", BBox(106, 100, 110, 111)),
             Word("[x]öffentlich", BBox(130, 100, 200, 111)))
    marks, rest = detect_glyphs(_page(words=words))
    assert [m.checked for m in marks] == [False, True]
    assert [w.text for w in rest] == ["öffentlich"]


def test_letters_in_text_fonts_are_not_boxes() -> None:
    words = (Word("o", BBox(100, 100, 105, 111), fontname="Helvetica"),
             Word("n", BBox(110, 100, 115, 111), fontname="Times-Roman"))
    marks, rest = detect_glyphs(_page(words=words))
    assert marks == [] and len(rest) == 2


def test_acroform_wins_over_a_drawn_border() -> None:
    page = _page(rects=(Rect(BOX),), widgets=(Widget(BOX, "cb1", "checkbox", checked=True),))
    _, marks = detect(page)
    assert len(marks) == 1 and marks[0].source == "acroform" and marks[0].checked


def test_box_drawn_as_four_lines_with_a_cross() -> None:
    edges = (Segment(100, 100, 110, 100), Segment(100, 110, 110, 110),
             Segment(100, 100, 100, 110), Segment(110, 100, 110, 110))
    (empty,) = detect_vector(_page(segments=edges))
    assert not empty.checked
    cross = (Segment(101, 101, 109, 109), Segment(101, 109, 109, 101))
    (ticked,) = detect_vector(_page(segments=edges + cross))
    assert ticked.checked


def test_page_views_do_not_change_the_page() -> None:
    words = (Word("links", BBox(10, 10, 40, 20)), Word("rechts", BBox(300, 10, 340, 20)))
    page = _page(words=words, rects=(Rect(BOX),))
    left = page.crop(BBox(0, 0, 200, 842))  # the box at x 100–110 lies inside
    assert [w.text for w in left.words] == ["links"] and len(left.rects) == 1
    assert [w.text for w in page.filter_words(lambda w: w.bbox.x0 > 100).words] == ["rechts"]
    assert len(page.words) == 2 and len(page.rects) == 1
