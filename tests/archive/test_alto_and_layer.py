"""ALTO writer, line grouping and text-layer placement on synthetic pages (no OCR, fast)."""

from __future__ import annotations

from typing import Any

import pytest

from vorlagenparser.archive.alto import ALTO_NS, alto_xml
from vorlagenparser.archive.lines import group_blocks, group_lines
from vorlagenparser.archive.textlayer import displayed_to_user, placement
from vorlagenparser.geometry import Affine, BBox
from vorlagenparser.model import Checkbox, PageInfo, Source, Vorlage
from vorlagenparser.pagemodel import Document, Page, Word

etree = pytest.importorskip("lxml.etree")
NS = {"a": ALTO_NS}


def _word(text: str, x0: float, top: float, conf: float = 0.9) -> Word:
    return Word(text, BBox(x0, top, x0 + 8 * len(text), top + 12), confidence=conf)


def _page(**changes: Any) -> Page:
    words = (_word("Betreff:", 50, 100), _word("Ausbau", 120, 100), _word("Schulstraße", 180, 100),
             _word("Begründung", 50, 116, 0.5), _word("Seite", 50, 400))
    return Page(number=1, width=595, height=842, method="ocr", words=words, image_scale=300 / 72,
                original_width=595, original_height=842, ocr_confidence=0.8).with_(**changes)


def _vorlage(pages: int = 1) -> Vorlage:
    return Vorlage(
        source=Source(filename="x.png", sha256="0" * 64, page_count=pages,
                      pages=[PageInfo(number=n, method="ocr", width=595, height=842)
                             for n in range(1, pages + 1)]),
        checkboxes=[Checkbox(label="einstimmig", checked=True, page=1, bbox=[60, 300, 70, 310],
                             confidence=0.95, source="raster",
                             field="beratungsergebnis[0].einstimmig")])


def _alto(page: Page, kind: str = "image") -> Any:
    doc = Document(path="x.png", filename="x.png", sha256="0" * 64, pages=(page,), kind=kind)  # type: ignore[arg-type]
    return etree.fromstring(alto_xml(_vorlage(), doc, software="vorlagenparser", version="t"))


def test_words_group_into_lines_and_blocks() -> None:
    lines = group_lines(_page().words)
    assert [[w.text for w in line.words] for line in lines] == [
        ["Betreff:", "Ausbau", "Schulstraße"], ["Begründung"], ["Seite"]]
    assert [len(b.lines) for b in group_blocks(lines)] == [2, 1]


def test_a_wide_gap_splits_a_line() -> None:
    words = (_word("Datum", 50, 100), _word("12.03.1928", 400, 100))
    assert len(group_lines(words)) == 2


def test_alto_validates_and_keeps_confidences(alto_schema: Any) -> None:
    root = _alto(_page())
    alto_schema.assertValid(root)
    strings = root.findall(".//a:String", NS)
    assert [s.get("CONTENT") for s in strings][:3] == ["Betreff:", "Ausbau", "Schulstraße"]
    assert strings[3].get("WC") == "0.5"
    assert root.find(".//a:MeasurementUnit", NS).text == "pixel"
    # positions are pixels of the scanned image: 50 pt at 300 dpi
    assert float(strings[0].get("HPOS")) == pytest.approx(50 * 300 / 72, abs=0.01)
    assert root.find(".//a:Page", NS).get("PC") == "0.8"


def test_alto_records_checkboxes_as_tagged_illustrations(alto_schema: Any) -> None:
    root = _alto(_page())
    (box,) = root.findall(".//a:Illustration", NS)
    assert box.get("TYPE") == "checkbox"
    (tag,) = root.findall(".//a:OtherTag", NS)
    assert tag.get("ID") == box.get("TAGREFS")
    assert (tag.get("LABEL"), tag.get("DESCRIPTION")) == ("checked", "einstimmig")
    extra = tag.find(".//{urn:vorlagenparser:alto:checkbox:1}checkbox")
    assert extra.get("field") == "beratungsergebnis[0].einstimmig"


def test_alto_positions_are_in_the_original_page_of_a_turned_scan(alto_schema: Any) -> None:
    # The frame is the upright page; the original is the same page turned 180°.
    turned = _page(transform=Affine.rotation(180, 595 / 2, 842 / 2), rotation=180)
    root = _alto(turned, kind="pdf")
    alto_schema.assertValid(root)
    first = root.find(".//a:String", NS)
    x0 = 595 - (50 + 8 * len("Betreff:"))
    assert float(first.get("HPOS")) == pytest.approx(x0 * 1200 / 72, abs=0.1)
    assert root.find(".//a:TextBlock", NS).get("ROTATION") == "180"


def test_control_characters_do_not_break_the_xml(alto_schema: Any) -> None:
    root = _alto(_page(words=(_word("A\x0cB", 50, 100),)))
    alto_schema.assertValid(root)
    assert root.find(".//a:String", NS).get("CONTENT") == "AB"


@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
def test_displayed_corners_land_on_the_mediabox(rotate: int) -> None:
    box = (10.0, 20.0, 610.0, 862.0)  # 600 × 842 with an offset origin
    shown_w, shown_h = (842.0, 600.0) if rotate in (90, 270) else (600.0, 842.0)
    m = displayed_to_user(box, rotate)
    corners = {m.point(x, y) for x in (0, shown_w) for y in (0, shown_h)}
    assert corners == {(10.0, 20.0), (610.0, 20.0), (10.0, 862.0), (610.0, 862.0)}


def test_placement_maps_the_text_layer_onto_the_original_words() -> None:
    # A frame twice as large as the image page (the original was scanned at another size).
    page = _page(original_width=297.5, original_height=421.0,
                 transform=Affine.scale(0.5))
    m = placement(page, (0, 0, 595, 842), 0)
    # a point at the frame's top left (text-layer y = page height) → PDF top left
    assert m.point(0, 842) == pytest.approx((0, 842))
    assert m.point(100, 842 - 50) == pytest.approx((100, 842 - 50))


def test_loading_ocrmypdf_leaves_pdfminer_alone() -> None:
    """Regression: importing OCRmyPDF patched pdfminer's fonts process-wide, so the
    pdfplumber loader read later files' glyphs as (cid:NN)."""
    import importlib.util

    if importlib.util.find_spec("ocrmypdf") is None:
        pytest.skip("OCRmyPDF is not installed")
    import ocrmypdf  # noqa: F401  (even imported first, load() undoes the patch)
    from pdfminer.pdffont import PDFSimpleFont

    from vorlagenparser.archive._ocrmypdf import load

    load()
    assert PDFSimpleFont.__init__.__module__ == "pdfminer.pdffont"
