"""PDF pages rendered for OCR (pypdfium2), made in the test with pypdfium2 itself."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from vorlagenparser.errors import InputFileError
from vorlagenparser.load.render import (
    _grey_pictures_only,
    pdf_page_has_images,
    render_pdf_page,
    render_pdf_pages,
)


@pytest.fixture
def pdf(tmp_path: Path) -> str:
    doc = pdfium.PdfDocument.new()
    doc.new_page(595, 842)  # A4 portrait, blank
    page = doc.new_page(842, 595)  # landscape, with a full-page image (a "scan")
    bitmap = pdfium.PdfBitmap.from_pil(Image.new("RGB", (200, 140), "black"))
    image = pdfium.PdfImage.new(doc)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(842, 595))
    page.insert_obj(image)
    page.gen_content()
    path = tmp_path / "two.pdf"
    doc.save(str(path))
    return str(path)


def test_render_gives_grayscale_at_the_requested_dpi(pdf: str) -> None:
    img = render_pdf_page(pdf, 0, 150)
    assert img.dtype == np.uint8 and img.ndim == 2
    height, width = img.shape
    assert abs(height - 842 * 150 / 72) <= 1 and abs(width - 595 * 150 / 72) <= 1
    assert img.min() == 255  # blank page


def test_several_pages_in_one_pass(pdf: str) -> None:
    blank, scan = list(render_pdf_pages(pdf, [0, 1], 72))
    assert blank.shape == (842, 595) and scan.shape == (595, 842)
    assert scan[300, 400] == 0


def test_image_coverage(pdf: str) -> None:
    assert not pdf_page_has_images(pdf, 0)
    assert pdf_page_has_images(pdf, 1)


def test_bad_page_and_bad_file_are_input_errors(pdf: str, tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="page 5 does not exist"):
        render_pdf_page(pdf, 4, 72)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n garbage %%EOF")
    with pytest.raises(InputFileError, match="cannot open PDF"):
        render_pdf_page(str(broken), 0, 72)
    with pytest.raises(InputFileError, match="cannot read PDF"):
        render_pdf_page(str(tmp_path / "gone.pdf"), 0, 72)



# A scanned page as scanners and Pillow write it: one picture filling the page (DeviceGray and
# JPEG for "L", DeviceRGB for "RGB", a 1-bit image for "1").
def _scan_pdf(path: Path, pixels: np.ndarray, mode: str, resolution: float) -> str:
    Image.fromarray(pixels, "RGB" if pixels.ndim == 3 else "L").convert(mode).save(
        path, resolution=resolution)
    return str(path)


def _pdfium_grey(path: str, dpi: int) -> np.ndarray:
    """The page as PDFium draws it into a grey bitmap."""
    doc = pdfium.PdfDocument(path)
    try:
        pixels = doc[0].render(scale=dpi / 72, grayscale=True, may_draw_forms=True).to_numpy()
        return np.array(pixels.reshape(pixels.shape[:2]), dtype=np.uint8)
    finally:
        doc.close()


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), width=st.integers(8, 120), height=st.integers(8, 120),
       resolution=st.sampled_from([72.0, 96.0, 150.0, 200.0, 300.0]),
       dpi=st.sampled_from([72, 100, 150, 300]), mode=st.sampled_from(["L", "RGB", "1"]))
def test_a_scan_page_renders_as_pdfium_draws_it_in_grey(
        tmp_path_factory: pytest.TempPathFactory, seed: int, width: int, height: int,
        resolution: float, dpi: int, mode: str) -> None:
    # Grey scans are drawn into a colour bitmap (faster) and must come out exactly as PDFium's
    # grey drawing; colour and 1-bit scans are drawn in grey.
    rng = np.random.default_rng(seed)
    ramp = np.linspace(0, 255, width, dtype=np.float64)[None, :, None]
    pixels = np.clip(ramp + rng.normal(0, 40, (height, width, 3)), 0, 255).astype(np.uint8)
    path = _scan_pdf(tmp_path_factory.mktemp("scan") / "scan.pdf", pixels, mode, resolution)
    doc = pdfium.PdfDocument(path)
    try:
        assert _grey_pictures_only(doc[0]) is (mode == "L")
    finally:
        doc.close()
    assert np.array_equal(render_pdf_page(path, 0, dpi), _pdfium_grey(path, dpi))


def test_only_pages_of_grey_pictures_are_drawn_in_colour(pdf: str, tmp_path: Path) -> None:
    doc = pdfium.PdfDocument(pdf)
    try:
        assert not _grey_pictures_only(doc[0])  # blank: nothing to draw
        assert not _grey_pictures_only(doc[1])  # a colour picture
    finally:
        doc.close()
    grey = _scan_pdf(tmp_path / "grey.pdf", np.full((40, 30), 128, np.uint8), "L", 72.0)
    doc = pdfium.PdfDocument(grey)
    try:
        page = doc[0]
        assert _grey_pictures_only(page)
        note = pdfium_c.FPDFPage_CreateAnnot(page, pdfium_c.FPDF_ANNOT_SQUARE)  # an annotation
        assert not _grey_pictures_only(page)
        pdfium_c.FPDFPage_CloseAnnot(note)
        pdfium_c.FPDFPage_RemoveAnnot(page, 0)
        assert _grey_pictures_only(page)
        mark = pdfium_c.FPDFPageObj_CreateNewRect(5, 5, 10, 10)  # a drawn box on the scan
        pdfium_c.FPDFPath_SetDrawMode(mark, pdfium_c.FPDF_FILLMODE_NONE, True)
        pdfium_c.FPDFPage_InsertObject(page, mark)
        assert not _grey_pictures_only(page)
    finally:
        doc.close()
