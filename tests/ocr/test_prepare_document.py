"""prepare_document with fake engines: the recipe, the transforms, notes and failures."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium
import pytest
from ocr_synth import SCALE, blank, scanned, specks, text_lines
from PIL import Image, ImageDraw, ImageFont

from fakes import CrashingOcrEngine, FakeOcrEngine, SlowOcrEngine
from vorlagenparser.errors import MissingDependencyError, OcrError
from vorlagenparser.geometry import BBox
from vorlagenparser.load.preview import GrayRaster
from vorlagenparser.ocr import missing_text_share, prepare_document
from vorlagenparser.ocr import tesseract as tess
from vorlagenparser.ocr.engine import OcrTimeoutError, OcrWord, default_engine
from vorlagenparser.options import ExtractOptions
from vorlagenparser.pagemodel import Document, Page, Rect, Word

OPTIONS = ExtractOptions()
WORD = OcrWord("Beschluss", left=300, top=400, width=240, height=50, confidence=0.9)


def image_doc(*images: np.ndarray) -> Document:
    pages = tuple(Page(number=i, width=img.shape[1] / SCALE, height=img.shape[0] / SCALE,
                       method="ocr", image=img, image_scale=SCALE,
                       original_width=img.shape[1] / SCALE, original_height=img.shape[0] / SCALE)
                  for i, img in enumerate(images, start=1))
    return Document(path="scan.tif", filename="scan.tif", sha256="0" * 64, pages=pages,
                    kind="image")


@pytest.fixture(scope="module")
def text_image() -> np.ndarray:
    img = blank(150, 120)
    text_lines(img, 15, 14)
    return scanned(img)


def test_upright_page_gets_words_in_points(text_image: np.ndarray) -> None:
    engine = FakeOcrEngine(words=[WORD])
    (page,) = prepare_document(image_doc(text_image), OPTIONS, engine).pages
    assert page.method == "ocr" and page.rotation == 0 and page.transform.is_identity
    (word,) = page.words
    assert word.text == "Beschluss" and word.confidence == pytest.approx(0.9)
    assert word.bbox == BBox(300 / SCALE, 400 / SCALE, 540 / SCALE, 450 / SCALE)
    assert page.to_original(word.bbox) == word.bbox
    assert page.ocr_confidence == pytest.approx(0.9)
    assert engine.calls == [(text_image.shape, 300)]
    assert engine.orientation_calls == 0  # our own check was sure: no OSD call


def test_turned_page_is_made_upright_and_maps_back(text_image: np.ndarray) -> None:
    turned = cv2.rotate(text_image, cv2.ROTATE_90_CLOCKWISE)
    (page,) = prepare_document(image_doc(turned), OPTIONS, FakeOcrEngine(words=[WORD])).pages
    assert page.rotation == 270
    assert page.image.shape == text_image.shape  # the upright frame
    assert (page.width, page.height) == pytest.approx(
        (turned.shape[0] / SCALE, turned.shape[1] / SCALE))
    assert (page.original_width, page.original_height) == pytest.approx(
        (turned.shape[1] / SCALE, turned.shape[0] / SCALE))
    # A frame box maps to where the same pixels are in the turned original.
    back = page.to_original(page.words[0].bbox)
    h = text_image.shape[0]
    expected = BBox((h - 450) / SCALE, 300 / SCALE, (h - 400) / SCALE, 540 / SCALE)
    for got, want in zip(back.as_list(), expected.as_list(), strict=True):
        assert got == pytest.approx(want, abs=0.01)


def test_skewed_page_is_deskewed_with_an_exact_transform(text_image: np.ndarray) -> None:
    h, w = text_image.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), -2.0, 1.0)
    skewed = cv2.warpAffine(text_image, matrix, (w, h), borderValue=255)
    (page,) = prepare_document(image_doc(skewed), OPTIONS, FakeOcrEngine(words=[WORD])).pages
    assert page.skew_degrees == pytest.approx(2.0, abs=0.3)
    assert page.image.shape[0] > h and page.image.shape[1] > w
    # The frame centre maps to the original centre (rotation about the centre).
    cx, cy = page.transform.point(page.width / 2, page.height / 2)
    assert (cx, cy) == pytest.approx((w / 2 / SCALE, h / 2 / SCALE), abs=0.3)


@pytest.fixture(scope="module")
def sparse_image() -> np.ndarray:
    """A page of one word, turned by 180°: too little text for our own orientation check."""
    sparse = blank(150, 120)
    cv2.putText(sparse, "Anlage", (300, 600), cv2.FONT_HERSHEY_SIMPLEX, 1.5, 0, 3)
    return cv2.rotate(sparse, cv2.ROTATE_180)


def test_unsure_orientation_asks_the_engine(sparse_image: np.ndarray) -> None:
    engine = FakeOcrEngine(words=[WORD], rotation=(180, 9.5))
    (page,) = prepare_document(image_doc(sparse_image), OPTIONS, engine).pages
    assert engine.orientation_calls == 1 and page.rotation == 180
    assert len(engine.calls) == 2  # read as it is first, then again turned as OSD said


def _line_of_words(width: int, height: int, confidence: float) -> list[OcrWord]:
    return [OcrWord(f"Wort{i}", left=300 + i * (width + 40), top=400, width=width, height=height,
                    confidence=confidence, block=1, paragraph=1, line=1) for i in range(4)]


UPRIGHT = _line_of_words(200, 50, 0.93)
GARBAGE = _line_of_words(200, 50, 0.30)  # text upside down: words, but none read with confidence
VERTICAL = _line_of_words(50, 200, 0.93)  # text turned by a quarter: read as vertical lines


def test_a_reading_of_upright_text_spares_the_osd(sparse_image: np.ndarray) -> None:
    """Well-read words lying across the page show it is upright: OSD is not asked."""
    engine = FakeOcrEngine(words=UPRIGHT, rotation=(180, 9.5))
    (page,) = prepare_document(image_doc(sparse_image), OPTIONS, engine).pages
    assert engine.orientation_calls == 0 and len(engine.calls) == 1
    assert page.rotation == 0 and len(page.words) == 4


@pytest.mark.parametrize("words", [VERTICAL, GARBAGE], ids=["vertical", "unsure"])
def test_a_reading_that_shows_no_upright_text_asks_the_osd(
        sparse_image: np.ndarray, words: list[OcrWord]) -> None:
    engine = FakeOcrEngine(words=words, rotation=(180, 9.5))
    (page,) = prepare_document(image_doc(sparse_image), OPTIONS, engine).pages
    assert engine.orientation_calls == 1 and page.rotation == 180


def test_an_unsure_osd_leaves_the_first_reading(sparse_image: np.ndarray) -> None:
    engine = FakeOcrEngine(words=[WORD], rotation=(180, 1.0))
    (page,) = prepare_document(image_doc(sparse_image), OPTIONS, engine).pages
    assert engine.orientation_calls == 1 and len(engine.calls) == 1 and page.rotation == 0


@dataclass
class ReadingsEngine(FakeOcrEngine):
    """Gives each recognition the next of ``readings`` (what the page reads as it is turned)."""

    readings: list[list[OcrWord]] = field(default_factory=list)

    def recognise(self, image, dpi: int, *, timeout_s: float | None = None,
                  psm: int | None = None) -> list[OcrWord]:
        super().recognise(image, dpi, timeout_s=timeout_s, psm=psm)
        return list(self.readings[len(self.calls) - 1])


@pytest.mark.parametrize(("readings", "rotation"), [
    ([GARBAGE, UPRIGHT], 180),
    ([VERTICAL, UPRIGHT], 90),
    ([VERTICAL, GARBAGE, UPRIGHT], 270),
], ids=["upside-down", "quarter", "quarter-other-way"])
def test_when_osd_is_unsure_the_page_is_read_turned(
        sparse_image: np.ndarray, readings: list[list[OcrWord]], rotation: int) -> None:
    """OSD is often unsure of a few lines: the words read suggest how the page may lie, and
    the turned reading that shows upright text is kept."""
    engine = ReadingsEngine(readings=readings, rotation=(0, 0.5))
    (page,) = prepare_document(image_doc(sparse_image), OPTIONS, engine).pages
    assert page.rotation == rotation and len(engine.calls) == len(readings)
    assert [w.confidence for w in page.words] == [pytest.approx(0.93)] * 4


def test_a_turned_reading_no_better_leaves_the_first(sparse_image: np.ndarray) -> None:
    engine = ReadingsEngine(readings=[GARBAGE, GARBAGE], rotation=(0, 0.5))
    (page,) = prepare_document(image_doc(sparse_image), OPTIONS, engine).pages
    assert page.rotation == 0 and len(engine.calls) == 2
    assert [w.confidence for w in page.words] == [pytest.approx(0.30)] * 4


def test_next_to_nothing_read_is_not_read_turned(sparse_image: np.ndarray) -> None:
    """Specks or a stamp read as a word or two: a turned reading would read no more."""
    engine = ReadingsEngine(readings=[GARBAGE[:2]], rotation=(0, 0.5))
    (page,) = prepare_document(image_doc(sparse_image), OPTIONS, engine).pages
    assert page.rotation == 0 and len(engine.calls) == 1


def test_blank_page_gets_a_note_and_no_engine_call() -> None:
    engine = FakeOcrEngine(words=[WORD])
    dusty = blank()
    specks(dusty, 40)
    (page,) = prepare_document(image_doc(scanned(dusty, noise=3)), OPTIONS, engine).pages
    assert page.words == () and engine.calls == []
    assert page.notes == ("page 1: blank page, no text recognised",)
    assert page.ocr_confidence is None and page.method == "ocr"


def test_nothing_recognised_gives_a_note(text_image: np.ndarray) -> None:
    (page,) = prepare_document(image_doc(text_image), OPTIONS, FakeOcrEngine()).pages
    assert page.words == () and page.notes == ("page 1: no text recognised",)


def test_low_confidence_gives_a_note_and_noise_is_dropped(text_image: np.ndarray) -> None:
    words = [OcrWord("Bcschlu", 10, 10, 100, 40, 0.35), OcrWord("~", 200, 10, 10, 10, 0.2),
             OcrWord("|", 300, 10, 4, 40, 0.95), OcrWord("______", 320, 10, 200, 8, 0.9),
             OcrWord("Ü", 600, 10, 40, 40, 0.01), OcrWord("-", 700, 10, 10, 5, 0.8)]
    (page,) = prepare_document(image_doc(text_image), OPTIONS, FakeOcrEngine(words=words)).pages
    assert [w.text for w in page.words] == ["Bcschlu", "-"]
    assert page.notes == ("page 1: OCR confidence 0.57 is low",)


def test_words_of_one_line_share_its_height(text_image: np.ndarray) -> None:
    words = [OcrWord("an", 100, 420, 40, 22, 0.9, block=1, paragraph=1, line=1, word=1),
             OcrWord("Bebauungsplan", 150, 400, 300, 52, 0.9, block=1, paragraph=1, line=1, word=2),
             OcrWord("Satzung", 100, 500, 160, 45, 0.9, block=1, paragraph=1, line=2, word=1)]
    (page,) = prepare_document(image_doc(text_image), OPTIONS, FakeOcrEngine(words=words)).pages
    an, plan, satzung = page.words
    assert (an.bbox.top, an.bbox.bottom) == (plan.bbox.top, plan.bbox.bottom)
    assert an.bbox.top == pytest.approx(400 / SCALE) and an.size == pytest.approx(52 / SCALE)
    assert an.bbox.x0 == pytest.approx(100 / SCALE) and an.bbox.x1 == pytest.approx(140 / SCALE)
    assert satzung.bbox.top == pytest.approx(500 / SCALE)


def test_engine_crash_is_an_ocr_error(text_image: np.ndarray) -> None:
    with pytest.raises(OcrError, match="crashed"):
        prepare_document(image_doc(text_image), OPTIONS, CrashingOcrEngine())


def test_slow_engine_times_out_into_a_note(text_image: np.ndarray) -> None:
    options = ExtractOptions(ocr_timeout_s=0.05)
    engine = SlowOcrEngine(words=[WORD], delay=5.0)
    (page,) = prepare_document(image_doc(text_image), options, engine).pages
    assert page.words == () and "gave up after 0.05 s" in page.notes[0]


@dataclass
class TimingOutEngine(FakeOcrEngine):
    """Every recognition stops at the time limit."""

    def recognise(self, image, dpi: int, *, timeout_s: float | None = None,
                  psm: int | None = None) -> list[OcrWord]:
        super().recognise(image, dpi, timeout_s=timeout_s, psm=psm)
        raise OcrTimeoutError(f"stopped after {timeout_s:g} s")


def test_a_reading_that_timed_out_is_not_tried_again(sparse_image: np.ndarray) -> None:
    """Our own check is unsure of the sparse page, and OSD would be sure of another turn; but
    another reading would take as long as the one tesseract gave up on."""
    engine = TimingOutEngine(rotation=(180, 9.5))
    (page,) = prepare_document(image_doc(sparse_image), ExtractOptions(ocr_timeout_s=0.05),
                               engine).pages
    assert len(engine.calls) == 1 and engine.orientation_calls == 0
    assert page.words == () and "gave up after 0.05 s" in page.notes[0]


def test_multi_page_document_keeps_page_order(text_image: np.ndarray) -> None:
    doc = image_doc(text_image, scanned(blank(), noise=2), text_image)
    pages = prepare_document(doc, OPTIONS, FakeOcrEngine(words=[WORD])).pages
    assert [p.number for p in pages] == [1, 2, 3]
    assert [len(p.words) for p in pages] == [1, 0, 1]


def blank_pdf(tmp_path: Path) -> str:
    doc = pdfium.PdfDocument.new()
    doc.new_page(595, 842)
    path = tmp_path / "blank.pdf"
    doc.save(str(path))
    return str(path)


def test_text_pages_pass_unchanged_without_an_engine(monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    text = "Der Gemeinderat beschließt den Bebauungsplan in der Fassung vom 7.2.2023"
    words = tuple(Word(w, BBox(10, 10, 50, 20)) for w in text.split(" "))
    doc = Document(path=blank_pdf(tmp_path), filename="x.pdf", sha256="0" * 64,
                   pages=(Page(number=1, width=595, height=842, words=words),))

    def no_engine(languages: str) -> None:
        raise AssertionError("no engine may be created for a text-only document")

    monkeypatch.setattr("vorlagenparser.ocr.default_engine", no_engine)
    assert prepare_document(doc, OPTIONS) is doc


def test_ocr_never_leaves_scans_alone_with_a_note(text_image: np.ndarray) -> None:
    (page,) = prepare_document(image_doc(text_image), ExtractOptions(ocr="never")).pages
    assert page.words == () and page.notes == ("page 1: OCR disabled, the scan has no text",)


def test_missing_tesseract_is_a_missing_dependency(monkeypatch: pytest.MonkeyPatch,
                                                     text_image: np.ndarray) -> None:
    nothing = tess.TesseractInfo(binary=None, version=None, tessdata=None,
                                 languages=frozenset(), tesserocr_version=None)
    monkeypatch.setattr(tess, "probe", lambda: nothing)
    default_engine.cache_clear()
    try:
        with pytest.raises(MissingDependencyError, match="not installed"):
            prepare_document(image_doc(text_image), OPTIONS)
    finally:
        default_engine.cache_clear()


def test_missing_language_pack_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    info = tess.TesseractInfo(binary="/usr/bin/tesseract", version="5.3.0", tessdata=None,
                              languages=frozenset({"eng", "osd"}), tesserocr_version=None)
    monkeypatch.setattr(tess, "probe", lambda: info.__class__(
        binary=info.binary, version=info.version, tessdata=__import__("pathlib").Path("/"),
        languages=info.languages, tesserocr_version=None))
    with pytest.raises(MissingDependencyError, match="deu missing"):
        tess.create_engine("deu+eng")


def test_vector_objects_of_a_pdf_page_follow_the_frame(monkeypatch: pytest.MonkeyPatch,
                                                       text_image: np.ndarray) -> None:
    turned = cv2.rotate(text_image, cv2.ROTATE_90_CLOCKWISE)
    h, w = turned.shape
    rect = Rect(BBox(10, 20, 30, 40))
    pdf_page = Page(number=1, width=w / SCALE, height=h / SCALE, rects=(rect,))
    doc = Document(path="x.pdf", filename="x.pdf", sha256="0" * 64, pages=(pdf_page,))
    monkeypatch.setattr("vorlagenparser.load.render.render_pdf_pages",
                        lambda path, indices, dpi, max_pixels: iter([turned for _ in indices]))
    (page,) = prepare_document(doc, OPTIONS, FakeOcrEngine(words=[WORD])).pages
    assert page.rotation == 270
    back = page.to_original(page.rects[0].bbox)
    assert back.as_list() == pytest.approx(rect.bbox.as_list(), abs=0.01)


def test_text_layer_missing_most_printed_text_is_detected() -> None:
    img = blank(210, 150)
    text_lines(img, 15, 20)  # 20 lines of print, every 6 mm from 15 mm
    small = cv2.resize(img, None, fx=50 / 300, fy=50 / 300, interpolation=cv2.INTER_AREA)
    scale = 50 / 72
    line_pt = 6 * 72 / 25.4

    def words_for(lines: int) -> tuple[Word, ...]:
        return tuple(Word("x", BBox(30, (15 - 5) * 72 / 25.4 + i * line_pt, 580,
                                    (15 + 1.5) * 72 / 25.4 + i * line_pt)) for i in range(lines))

    assert missing_text_share(GrayRaster.of(small), scale, words_for(20)) == 0.0
    assert missing_text_share(GrayRaster.of(small), scale, words_for(5)) > 0.6
    assert missing_text_share(GrayRaster.of(small), scale, ()) == 1.0


def test_bold_words_are_told_by_stroke_width() -> None:
    font = ImageFont.load_default(size=50)
    canvas = Image.new("L", (2480, 1200), 255)
    draw = ImageDraw.Draw(canvas)
    words = []
    for i in range(16):
        text, x, y = f"Wort{i:02d}", 100 + (i % 4) * 520, 150 + (i // 4) * 150
        stroke = 2 if i in (3, 4, 11) else 0  # PIL's stroke thickens every line of the glyphs
        draw.text((x, y), text, font=font, fill=0, stroke_width=stroke, stroke_fill=0)
        x0, y0, x1, y1 = draw.textbbox((x, y), text, font=font, stroke_width=stroke)
        words.append(OcrWord(text, x0, y0, x1 - x0, y1 - y0, 0.95, 1, 1, 1 + i // 4, 1 + i % 4))
    doc = image_doc(np.array(canvas))
    (page,) = prepare_document(doc, OPTIONS, FakeOcrEngine(words=words)).pages
    assert [w.text for w in page.words if w.bold] == ["Wort03", "Wort04", "Wort11"]


def test_a_large_regular_title_is_not_bold() -> None:
    canvas = Image.new("L", (2480, 1400), 255)
    draw = ImageDraw.Draw(canvas)
    words = []
    for i in range(13):
        size = 110 if i == 0 else 45  # a big title over body text, all regular
        text, x, y = f"Wort{i:02d}", 100 + (i % 4) * 560, 150 + (i // 4) * 220
        font = ImageFont.load_default(size=size)
        draw.text((x, y), text, font=font, fill=0)
        x0, y0, x1, y1 = draw.textbbox((x, y), text, font=font)
        words.append(OcrWord(text, x0, y0, x1 - x0, y1 - y0, 0.95, 1, 1, 1 + i, 1))
    (page,) = prepare_document(image_doc(np.array(canvas)), OPTIONS,
                               FakeOcrEngine(words=words)).pages
    assert not any(w.bold for w in page.words)
