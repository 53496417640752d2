"""Tables typed as text ("|" and "---+---") become ruled grids; their boxes "( )" are boxes."""

from __future__ import annotations

from vorlagenparser.checkboxes.glyph import detect_glyphs
from vorlagenparser.geometry import BBox
from vorlagenparser.load.typed import with_typed_rules
from vorlagenparser.ocr.decision import needs_ocr
from vorlagenparser.options import ExtractOptions
from vorlagenparser.pagemodel import Page, Word

CHAR, LINE = 6.0, 12.0  # a monospaced face


def _page(lines: list[str]) -> Page:
    words = []
    for i, text in enumerate(lines):
        col = 0
        for token in text.split(" "):
            if token:
                x0 = 60 + col * CHAR
                words.append(Word(token, BBox(x0, 100 + i * LINE, x0 + len(token) * CHAR, 110 + i * LINE),
                                  fontname="DejaVuSansMono", size=10))
            col += len(token) + 1
    return Page(number=1, width=595, height=842, words=tuple(words))


TABLE = [
    "Beratungsergebnisse:",
    "                    |        |ein- |mit  |wie  |",
    "Gremium             |Datum   |stim-|Mehr-|Vor- |",
    "                    |        |mig  |heit |lage |",
    "--------------------+--------+-----+-----+-----+",
    "Gemeindevorstand    |07.09.98| (X) | ( ) | (X) |",
    "--------------------+--------+-----+-----+-----+",
    "Haupt- und Finanz- |15.09.98|  ( ) | (X) | ( ) |",  # typed a character off, as by hand
    "ausschuß            |        |     |     |     |",
    "--------------------+--------+-----+-----+-----+",
]


def test_a_typed_table_becomes_a_grid_with_its_header_row() -> None:
    page = with_typed_rules(_page(TABLE))
    (grid,) = page.grids
    assert len(grid.rows) == 3 and all(len(r) == 5 for r in grid.rows)
    header = grid.rows[0]
    assert header[0] is not None and header[0].top <= 112  # the header's three lines are inside
    assert not any("|" in w.text or set(w.text) <= set("-+") for w in page.words)
    texts = [w.text for w in page.words]
    assert "Gremium" in texts and "stim-" in texts and "07.09.98" in texts


def test_typed_round_boxes_are_boxes() -> None:
    marks, words = detect_glyphs(with_typed_rules(_page(TABLE)))
    assert [m.checked for m in marks] == [True, False, True, False, True, False]
    assert not any(w.text in ("(", ")", "(X)") for w in words)


def test_a_page_without_a_typed_table_is_unchanged() -> None:
    page = _page(["Betreff: Neubau | Umbau", "----------", "Text"])
    assert with_typed_rules(page) is page


def test_a_typed_table_is_no_broken_text_layer() -> None:
    ocr, why = needs_ocr(_page(TABLE * 3), ExtractOptions())
    assert not ocr, why
