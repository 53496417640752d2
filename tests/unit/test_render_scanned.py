"""A scanned PDF page is read from its image, and only where that shows what rendering shows."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pikepdf
import pypdfium2 as pdfium
import pytest

from vorlagenparser.load.render import render_pdf_page, scanned_page

_W, _H = 500, 700  # image pixels; placed at 100 dpi
_SCALE = 300 / 72


def _scan() -> np.ndarray:
    rng = np.random.default_rng(7)
    image = np.clip(rng.normal(232, 6, (_H, _W)), 0, 255).astype(np.uint8)
    image[100:140, 50:450] = 30  # a heading
    image[300:600, 200:220] = 60  # a rule
    return image


def _pdf(tmp_path: Path, *, decode: list[int] | None = None, smask: bool = False,
         bits: int = 8, margin: float = 0.0, rotate: int = 0, text: bool = False) -> Path:
    pdf = pikepdf.new()
    if bits == 24:  # a colour scan: the print in dark blue on yellowish paper
        colour = cv2.merge([_scan() // 2, _scan() - 10, _scan()])
        data = cv2.imencode(".jpg", colour)[1].tobytes()  # OpenCV writes BGR as RGB JPEG
        image = pikepdf.Stream(pdf, data, Filter=pikepdf.Name.DCTDecode)
    elif bits == 8:
        data = cv2.imencode(".jpg", _scan())[1].tobytes()
        image = pikepdf.Stream(pdf, data, Filter=pikepdf.Name.DCTDecode)
    else:  # bilevel, uncompressed: a row of bits per image row
        data = np.packbits(_scan() > 128, axis=1).tobytes()
        image = pikepdf.Stream(pdf, data)
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width, image.Height, image.BitsPerComponent = _W, _H, min(bits, 8)
    image.ColorSpace = pikepdf.Name.DeviceRGB if bits == 24 else pikepdf.Name.DeviceGray
    if decode:
        image.Decode = pikepdf.Array(decode)
    if smask:
        mask = np.zeros((_H, _W), np.uint8)
        mask[:, : _W // 2] = 255
        image.SMask = pikepdf.Stream(pdf, mask.tobytes(), Type=pikepdf.Name.XObject,
                                     Subtype=pikepdf.Name.Image, Width=_W, Height=_H,
                                     ColorSpace=pikepdf.Name.DeviceGray, BitsPerComponent=8)
    width, height = _W * 72 / 100, _H * 72 / 100
    # A margin leaves more paper below the image than above it, so a flipped place shows.
    content = f"q {width - 2 * margin} 0 0 {height - 3 * margin} {margin} {2 * margin} cm /Im0 Do Q"
    if text:
        content += " BT /F1 12 Tf 20 20 Td (Seite 1) Tj ET"
    font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                              BaseFont=pikepdf.Name.Helvetica)
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page, MediaBox=[0, 0, width, height], Rotate=rotate,
        Contents=pikepdf.Stream(pdf, content.encode()),
        Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image),
                                     Font=pikepdf.Dictionary(F1=font)))
    pdf.pages.append(pikepdf.Page(page))
    path = tmp_path / "scan.pdf"
    pdf.save(path)
    return path


def _both(path: Path) -> tuple[np.ndarray | None, np.ndarray]:
    doc = pdfium.PdfDocument(str(path))
    try:
        page = doc[0]
        rendered = page.render(scale=_SCALE, grayscale=True, may_draw_forms=True).to_numpy()
        return scanned_page(page, _SCALE), np.asarray(rendered).reshape(rendered.shape[:2])
    finally:
        doc.close()


@pytest.mark.parametrize("kind", ["grey", "inverted by its decode array", "pasted with a margin"])
def test_a_plain_scan_is_its_image_stretched_as_rendering_would(tmp_path: Path,
                                                                kind: str) -> None:
    options = {"grey": {}, "inverted by its decode array": {"decode": [1, 0]},
               "pasted with a margin": {"margin": 30.0}}[kind]
    scanned, rendered = _both(_pdf(tmp_path, **options))  # type: ignore[arg-type]
    assert scanned is not None and scanned.dtype == np.uint8
    assert scanned.shape == rendered.shape
    # Stretched 3x, PDFium and OpenCV interpolate differently pixel by pixel (noise makes
    # that a few grey levels); over blocks of 10 x 10 pixels they agree.
    assert np.abs(scanned.astype(int) - rendered.astype(int)).mean() < 4.0
    blocks = [cv2.resize(a, (150, 210), interpolation=cv2.INTER_AREA) for a in (scanned, rendered)]
    assert np.abs(blocks[0].astype(int) - blocks[1].astype(int)).mean() < 1.0
    assert np.abs(blocks[0].astype(int) - blocks[1].astype(int)).max() <= 40  # in its place


@pytest.mark.parametrize("kind", ["soft mask", "bilevel", "colour", "partly off the page",
                                  "turned page", "text on it"])
def test_anything_else_is_rendered(tmp_path: Path, kind: str) -> None:
    options = {"soft mask": {"smask": True}, "bilevel": {"bits": 1}, "colour": {"bits": 24},
               "partly off the page": {"margin": -20.0}, "turned page": {"rotate": 90},
               "text on it": {"text": True}}[kind]
    path = _pdf(tmp_path, **options)  # type: ignore[arg-type]
    scanned, rendered = _both(path)
    assert scanned is None
    assert np.array_equal(render_pdf_page(str(path), 0, 300), rendered)


def test_the_loader_reads_a_plain_scan_from_its_image(tmp_path: Path) -> None:
    path = _pdf(tmp_path)
    scanned, _ = _both(path)
    assert scanned is not None
    assert np.array_equal(render_pdf_page(str(path), 0, 300), scanned)


def test_an_image_finer_than_the_rendering_is_left_to_pdfium_to_shrink(tmp_path: Path) -> None:
    doc = pdfium.PdfDocument(str(_pdf(tmp_path)))
    try:
        page = doc[0]
        assert scanned_page(page, 100 / 72) is not None  # the image's own resolution
        assert scanned_page(page, 50 / 72) is None  # more pixels than the raster it is drawn for
    finally:
        doc.close()
