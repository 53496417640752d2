"""The PDFium loader against the pdfplumber loader: same page model, same pipeline output.

Inputs: every digital sample PDF (samples/**/*.pdf without samples/scans); when there are none,
../shared/realworld/*.pdf; skipped when neither exists. Hand-made PDFs cover what the samples may
lack: turned pages, MediaBox offsets, form XObjects, inherited fields, ZapfDingbats, encryption.

Known, accepted differences (see the module docstring of load/pdfium/):
* pdfminer has no width for "€" in the standard-14 fonts and none for ZapfDingbats/Symbol glyphs
  read through StandardEncoding, so pdfplumber misplaces the rest of such a line; PDFium measures
  them. Word boxes after such a glyph are not compared.
* pdfplumber starts a new word group wherever pdfminer's computed font size differs in the
  15th digit, so its word order (not the words) depends on float noise; words are compared after
  grouping into lines, and checkbox lists (ordered by word order) as multisets.
"""

from __future__ import annotations

import difflib
import functools
import json
import resource
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.helpers import SAMPLES, SHARED

from vorlagenparser.errors import (
    EncryptedPdfError,
    InputFileError,
    ResourceLimitError,
    VorlagenparserError,
)
from vorlagenparser.geometry import BBox
from vorlagenparser.layout.text import group_lines
from vorlagenparser.load import LOADER_ENV, open_document, pdf_loader
from vorlagenparser.load.pdf import open_pdf
from vorlagenparser.load.pdfium import open_pdf_fast
from vorlagenparser.options import ExtractOptions
from vorlagenparser.pagemodel import Document, Page, Word
from vorlagenparser.pipeline import extract

OPTIONS = ExtractOptions(ocr="never")


def _inputs() -> list[Path]:
    samples = sorted(p for p in SAMPLES.rglob("*.pdf") if "scans" not in p.relative_to(SAMPLES).parts)
    if samples:
        return samples
    realworld = SHARED / "realworld"
    return sorted(realworld.glob("*.pdf")) if realworld.is_dir() else []


PDFS = _inputs()
needs_pdfs = pytest.mark.skipif(not PDFS, reason="no sample or realworld PDFs present")
by_pdf = pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.name)


@functools.cache
def _both(path: Path) -> tuple[Document, Document]:
    """(pdfplumber loader, PDFium loader) for one file, loaded once per test session."""
    return (open_pdf(str(path), path.name, "0", OPTIONS),
            open_pdf_fast(str(path), path.name, "0", OPTIONS))


def _distance(a: BBox, b: BBox) -> float:
    return max(abs(a.x0 - b.x0), abs(a.x1 - b.x1), abs(a.top - b.top), abs(a.bottom - b.bottom))


def _line_words(page: Page) -> list[Word]:
    return [w for line in group_lines(page.words) for w in line]


def _matched_words(a: Page, b: Page) -> tuple[int, list[tuple[Word, Word]]]:
    """All words of the larger side, and the pairs equal in text, in line order."""
    wa, wb = _line_words(a), _line_words(b)
    matcher = difflib.SequenceMatcher(None, [w.text for w in wa], [w.text for w in wb],
                                      autojunk=False)
    pairs = [(wa[m.a + i], wb[m.b + i]) for m in matcher.get_matching_blocks() for i in range(m.size)]
    return max(len(wa), len(wb)), pairs


def _unmeasured_by_pdfminer(word: Word) -> bool:
    font = word.fontname.rsplit("+", 1)[-1]
    return "€" in word.text or font in ("ZapfDingbats", "Symbol")


def _comparable_pairs(a: Page, b: Page) -> Iterator[tuple[Word, Word]]:
    """Word pairs whose pdfplumber box is trustworthy: none after an unmeasured glyph."""
    _, pairs = _matched_words(a, b)
    poisoned: list[BBox] = []
    for wa, wb in pairs:
        if any(abs(p.cy - wa.bbox.cy) < 2 and wa.bbox.x0 >= p.x0 - 0.5 for p in poisoned):
            continue
        if _unmeasured_by_pdfminer(wa):
            poisoned.append(wa.bbox)
            continue
        yield wa, wb


# --- the page model, file by file -------------------------------------------------------------

@needs_pdfs
@by_pdf
def test_pages_and_metadata_match(pdf: Path) -> None:
    a, b = _both(pdf)
    assert [(p.number, p.rotation) for p in a.pages] == [(p.number, p.rotation) for p in b.pages]
    for pa, pb in zip(a.pages, b.pages, strict=True):
        assert pa.width == pytest.approx(pb.width, abs=0.01)
        assert pa.height == pytest.approx(pb.height, abs=0.01)
    assert a.created == b.created


@needs_pdfs
@by_pdf
def test_words_match_line_by_line(pdf: Path) -> None:
    a, b = _both(pdf)
    for pa, pb in zip(a.pages, b.pages, strict=True):
        total, pairs = _matched_words(pa, pb)
        assert len(pairs) >= 0.99 * total, f"page {pa.number}: {len(pairs)} of {total} words equal"


@needs_pdfs
@by_pdf
def test_word_boxes_and_fonts_match(pdf: Path) -> None:
    a, b = _both(pdf)
    for pa, pb in zip(a.pages, b.pages, strict=True):
        for wa, wb in _comparable_pairs(pa, pb):
            where = f"page {pa.number} {wa.text!r}"
            assert _distance(wa.bbox, wb.bbox) <= 2.0, f"{where}: {wa.bbox} vs {wb.bbox}"
            assert wa.size == pytest.approx(wb.size, abs=0.01), where
            assert (wa.bold, wa.fontname.rsplit("+", 1)[-1]) == (
                wb.bold, wb.fontname.rsplit("+", 1)[-1]), where


@needs_pdfs
@by_pdf
def test_rects_and_segments_match(pdf: Path) -> None:
    a, b = _both(pdf)
    for pa, pb in zip(a.pages, b.pages, strict=True):
        assert len(pa.rects) == len(pb.rects), f"page {pa.number}"
        for ra, rb in zip(pa.rects, pb.rects, strict=True):
            assert _distance(ra.bbox, rb.bbox) <= 1.0
            assert (ra.stroke, ra.fill) == (rb.stroke, rb.fill)
            if ra.fill_gray is not None and rb.fill_gray is not None:
                assert ra.fill_gray == pytest.approx(rb.fill_gray, abs=0.02)
        assert len(pa.segments) == len(pb.segments), f"page {pa.number}"
        for sa, sb in zip(pa.segments, pb.segments, strict=True):
            assert _distance(sa.bbox, sb.bbox) <= 1.0


@needs_pdfs
@by_pdf
def test_vertical_words_match(pdf: Path) -> None:
    a, b = _both(pdf)
    for pa, pb in zip(a.pages, b.pages, strict=True):
        assert [w.text for w in pa.vertical_words] == [w.text for w in pb.vertical_words]
        for wa, wb in zip(pa.vertical_words, pb.vertical_words, strict=True):
            assert _distance(wa.bbox, wb.bbox) <= 2.0, wa.text


@needs_pdfs
@by_pdf
def test_widgets_and_grids_match(pdf: Path) -> None:
    a, b = _both(pdf)
    for pa, pb in zip(a.pages, b.pages, strict=True):
        assert [(w.name, w.kind, w.checked, w.value) for w in pa.widgets] == [
            (w.name, w.kind, w.checked, w.value) for w in pb.widgets]
        for wa, wb in zip(pa.widgets, pb.widgets, strict=True):
            assert _distance(wa.bbox, wb.bbox) <= 1.0
        assert [(len(g.rows), len(g.rows[0])) for g in pa.grids] == [
            (len(g.rows), len(g.rows[0])) for g in pb.grids]
        for ga, gb in zip(pa.grids, pb.grids, strict=True):
            assert _distance(ga.bbox, gb.bbox) <= 1.0


# --- the whole pipeline -----------------------------------------------------------------------

def _without_boxes(value: Any) -> Any:
    """The output minus bounding boxes (which may differ by a point between the loaders)."""
    if isinstance(value, dict):
        out = {k: _without_boxes(v) for k, v in value.items() if k not in ("bbox", "label_bbox")}
        if "checkboxes" in out:  # ordered by word order, which pdfplumber's float noise shuffles
            out["checkboxes"] = sorted(out["checkboxes"], key=lambda c: json.dumps(c, sort_keys=True))
        return out
    if isinstance(value, list):
        return [_without_boxes(v) for v in value]
    return value


def _extract_with(loader: str, pdf: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv(LOADER_ENV, loader)
    return _without_boxes(json.loads(extract(pdf, OPTIONS).model_dump_json()))


@needs_pdfs
@by_pdf
def test_pipeline_output_is_identical(pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pdfium = _extract_with("pdfium", pdf, monkeypatch)
    plumber = _extract_with("pdfplumber", pdf, monkeypatch)
    # Confidences measured from the boxes carry the same float noise: equal to 0.01.
    assert _floats_only_differ(pdfium, plumber), (pdfium, plumber)


def _floats_only_differ(a: Any, b: Any) -> bool:
    """The two outputs have the same shape and differ, if at all, in float values only."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_floats_only_differ(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_floats_only_differ(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) <= 0.01
    return bool(a == b)


def test_loader_is_chosen_by_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(LOADER_ENV, raising=False)
    assert pdf_loader() == "pdfium"
    monkeypatch.setenv(LOADER_ENV, "PDFPlumber")
    assert pdf_loader() == "pdfplumber"
    monkeypatch.setenv(LOADER_ENV, "pymupdf")
    with pytest.raises(VorlagenparserError, match=LOADER_ENV):
        pdf_loader()


# --- hand-made PDFs ---------------------------------------------------------------------------

def _pdf(objects: dict[int, bytes], info: bool = True) -> bytes:
    """A PDF from numbered object bodies (1 = catalog), with a correct cross-reference table."""
    if info:
        objects = {**objects, 99: b"<< /CreationDate (D:20230102030405+01'00') /Producer (test) >>"}
    out = bytearray(b"%PDF-1.7\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        size, b" /Info 99 0 R" if info else b"", xref)
    return bytes(out)


def _stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(content), extra, content)


_CONTENT = b"""
BT /F1 1 Tf 12 0 0 12 72 760 Tm (Vorlage Nr. 12/2024) Tj ET
q 2 0 0 2 0 0 cm BT /F1 6 Tf 36 360 Td (Doppelt skaliert) Tj ET Q
BT /F2 11 Tf 72 690 Td (Zeilen-) Tj 0 -13 Td (umbruch und [\\(Kern\\)] mehr) Tj ET
BT /F1 10 Tf 72 650 Td [(Ab) -300 (stand) -2500 (weit)] TJ ET
BT /F1 10 Tf 0 1 -1 0 560 300 Tm (Eingangsstempel) Tj ET
BT /F3 10 Tf 72 620 Td (o 4) Tj ET
BT /F1 4 Tf 72 600 Td (winzige Schrift hier) Tj ET
0.2 0.4 0.6 rg 72 560 120 20 re f
0 G 1 w 72 540 m 300 540 l S
0.5 w 320 540 m 340 560 360 520 380 540 c S
0 0 1 RG 400 520 m 420 520 l 420 540 l 400 540 l h S
q 1 0 0 1 30 10 cm /Fx Do Q
0 G 0.5 w 72 400 m 372 400 l S 72 380 m 372 380 l S 72 360 m 372 360 l S
72 400 m 72 360 l S 222 400 m 222 360 l S 372 400 m 372 360 l S
BT /F1 9 Tf 76 386 Td (Gremium) Tj 150 0 Td (Sitzung) Tj 0 -20 Td (12.03.2024) Tj ET
"""


def _handmade(rotate: int = 0, media: bytes = b"0 0 595 842") -> bytes:
    form = _stream(b"0 0 0 RG 2 w 0 0 m 0 40 l S 5 5 10 10 re S",
                   b" /Type /XObject /Subtype /Form /BBox [0 0 100 100] /Matrix [1 0 0 1 10 0]")
    return _pdf({
        1: b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [20 0 R 21 0 R 23 0 R] >> >>",
        # The MediaBox is inherited from the page tree (PDFium does not resolve that itself).
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [%s] >>" % media,
        3: b"<< /Type /Page /Parent 2 0 R /Rotate %d /Contents 4 0 R /Resources << /Font"
           b" << /F1 10 0 R /F2 11 0 R /F3 12 0 R >> /XObject << /Fx 5 0 R >> >>"
           b" /Annots [20 0 R 22 0 R 23 0 R] >>" % rotate,
        4: _stream(_CONTENT),
        5: form,
        10: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        11: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        12: b"<< /Type /Font /Subtype /Type1 /BaseFont /ZapfDingbats >>",
        20: b"<< /Type /Annot /Subtype /Widget /FT /Btn /T (oeffentlich) /V /Yes /AS /Yes"
            b" /Rect [400 700 412 712] /P 3 0 R >>",
        21: b"<< /FT /Btn /Ff 32768 /T (ergebnis) /V /ja /Kids [22 0 R] >>",
        22: b"<< /Type /Annot /Subtype /Widget /Parent 21 0 R /AS /Off /Rect [420 700 432 712]"
            b" /P 3 0 R >>",
        23: b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (aktenzeichen) /V (27.3-05)"
            b" /Rect [440 700 540 714] /P 3 0 R >>",
    })


HANDMADE = {f"rotate{r}-{name}": (r, media) for r in (0, 90, 180, 270)
            for name, media in (("origin", b"0 0 595 842"), ("offset", b"10 20 605 862"))}


@pytest.mark.parametrize("case", sorted(HANDMADE))
def test_handmade_pdf_matches_pdfplumber(case: str, tmp_path: Path) -> None:
    rotate, media = HANDMADE[case]
    path = tmp_path / "handmade.pdf"
    path.write_bytes(_handmade(rotate, media))
    a, b = _both(path)
    pa, pb = a.pages[0], b.pages[0]
    assert (pb.width, pb.height, pb.rotation, b.created) == (pa.width, pa.height, pa.rotation,
                                                             a.created)
    assert sorted(w.text for w in pb.words) == sorted(w.text for w in pa.words)
    assert [w.text for w in pb.vertical_words] == [w.text for w in pa.vertical_words]
    assert all(_distance(wa.bbox, wb.bbox) <= 1.0
               for wa, wb in zip(pa.vertical_words, pb.vertical_words, strict=True)
               if not _unmeasured_by_pdfminer(wa))
    if rotate == 0:  # on turned pages, the turned stamp is the upright text
        assert "Eingangsstempel" not in {w.text for w in pb.words}
        assert [w.text for w in pb.vertical_words] == ["Eingangsstempel"]
        assert {"Zeilen-", "o", "4", "Ab", "stand", "weit"} <= {w.text for w in pb.words}
    for wa, wb in _comparable_pairs(pa, pb):
        assert _distance(wa.bbox, wb.bbox) <= 1.5, wa.text
        assert (wa.size, wa.bold) == (pytest.approx(wb.size, abs=0.01), wb.bold), wa.text
    assert [(r.stroke, r.fill) for r in pb.rects] == [(r.stroke, r.fill) for r in pa.rects]
    assert all(_distance(ra.bbox, rb.bbox) <= 0.01 for ra, rb in zip(pa.rects, pb.rects, strict=True))
    assert all(_distance(sa.bbox, sb.bbox) <= 0.01
               for sa, sb in zip(pa.segments, pb.segments, strict=True))
    assert [(w.name, w.kind, w.checked, w.value) for w in pb.widgets] == [
        ("oeffentlich", "checkbox", True, None), ("ergebnis", "radio", False, None),
        ("aktenzeichen", "text", None, "27.3-05")]
    assert [(w.name, w.kind, w.checked, w.value) for w in pa.widgets] == [
        (w.name, w.kind, w.checked, w.value) for w in pb.widgets]
    assert all(_distance(wa.bbox, wb.bbox) <= 0.01
               for wa, wb in zip(pa.widgets, pb.widgets, strict=True))
    assert len(pb.grids) == len(pa.grids) == 1
    cells_a = [c for row in pa.grids[0].rows for c in row]
    cells_b = [c for row in pb.grids[0].rows for c in row]
    assert [c is None for c in cells_b] == [c is None for c in cells_a]
    assert all(_distance(ca, cb) <= 0.01 for ca, cb in zip(cells_a, cells_b, strict=True)
               if ca and cb)


def test_fill_colour_becomes_grey_level(tmp_path: Path) -> None:
    path = tmp_path / "colour.pdf"
    path.write_bytes(_handmade())
    (rect,) = [r for r in open_pdf_fast(str(path), "x", "0", OPTIONS).pages[0].rects if r.fill]
    assert rect.fill_gray == pytest.approx(0.299 * 0.2 + 0.587 * 0.4 + 0.114 * 0.6, abs=0.01)


# --- errors and resources ---------------------------------------------------------------------

def test_encrypted_pdf(tmp_path: Path) -> None:
    pytest.importorskip("reportlab")
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    pdf = canvas.Canvas(str(path), encrypt=StandardEncryption("user", "owner"))
    pdf.drawString(72, 720, "geheim")
    pdf.save()
    with pytest.raises(EncryptedPdfError) as caught:
        open_pdf_fast(str(path), path.name, "0", OPTIONS)
    assert str(path) in str(caught.value)
    with pytest.raises(EncryptedPdfError):
        open_document(path, OPTIONS)


@pytest.mark.parametrize("body", [
    b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n%%EOF\n",
    b"%PDF-1.4\n" + zlib.compress(b"not a pdf at all" * 200) + b"\n%%EOF\n",
], ids=["no-pages", "garbage"])
def test_damaged_pdf_is_an_input_error(body: bytes, tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(body)
    with pytest.raises(InputFileError) as caught:
        open_pdf_fast(str(path), path.name, "0", OPTIONS)
    assert str(path) in str(caught.value)


def test_page_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    kids = b" ".join(b"%d 0 R" % n for n in range(3, 6))
    pages = dict.fromkeys(range(3, 6), b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>")
    path.write_bytes(_pdf({1: b"<< /Type /Catalog /Pages 2 0 R >>",
                           2: b"<< /Type /Pages /Kids [%s] /Count 3 >>" % kids, **pages}))
    assert len(open_pdf_fast(str(path), path.name, "0", OPTIONS).pages) == 3
    with pytest.raises(ResourceLimitError, match=r"3 pages, above the limit of 2 \(--max-pages\)"):
        open_pdf_fast(str(path), path.name, "0", ExtractOptions(ocr="never", max_pages=2))


def _rss_mb() -> float:
    with Path("/proc/self/statm").open() as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2**20


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="needs /proc")
def test_no_leak_over_many_files(tmp_path: Path) -> None:
    path = tmp_path / "handmade.pdf"
    path.write_bytes(_handmade())
    for _ in range(50):  # warm up allocator pools and caches
        open_pdf_fast(str(path), path.name, "0", OPTIONS)
    before = _rss_mb()
    for _ in range(1500):
        open_pdf_fast(str(path), path.name, "0", OPTIONS)
    assert _rss_mb() - before < 20
