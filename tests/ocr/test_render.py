"""PDF pages rendered for OCR (pypdfium2), made in the test with pypdfium2 itself."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image

from vorlagenparser.errors import InputFileError
from vorlagenparser.load.render import pdf_page_has_images, render_pdf_page, render_pdf_pages


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
