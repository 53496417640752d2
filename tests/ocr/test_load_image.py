"""Image files → raster pages: formats, resolution, and clear errors for broken files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from vorlagenparser.errors import InputFileError, ResourceLimitError, UnsupportedFileError
from vorlagenparser.load.image import open_image
from vorlagenparser.options import ExtractOptions

OPTIONS = ExtractOptions()


def load(path: Path, options: ExtractOptions = OPTIONS):  # type: ignore[no-untyped-def]
    return open_image(str(path), path.name, "0" * 64, options)


def gray(width: int = 620, height: int = 877, value: int = 255) -> Image.Image:
    img = Image.new("L", (width, height), value)
    img.paste(0, (100, 100, 300, 140))
    return img


def test_png_with_resolution(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    gray().save(path, dpi=(150, 150))
    doc = load(path)
    assert doc.kind == "image" and len(doc.pages) == 1
    page = doc.pages[0]
    assert page.method == "ocr" and page.words == () and page.notes == ()
    assert page.image_scale == pytest.approx(150 / 72)
    assert (page.width, page.height) == pytest.approx((620 * 72 / 150, 877 * 72 / 150))
    assert (page.original_width, page.original_height) == (page.width, page.height)
    assert page.image.dtype == np.uint8 and page.image.shape == (877, 620)
    assert page.image[120, 200] == 0 and page.image[10, 10] == 255


def test_missing_resolution_assumes_300_dpi_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    gray().save(path)
    (page,) = load(path).pages
    assert page.image_scale == pytest.approx(300 / 72)
    assert page.notes == ("page 1: no resolution in the file; assuming 300 dpi",)


@pytest.mark.parametrize(("dpi", "note"), [(5, "implausible resolution 5 dpi"),
                                           (72, "72 dpi would make a 49-inch page")])
def test_implausible_resolution_is_replaced(tmp_path: Path, dpi: int, note: str) -> None:
    path = tmp_path / "scan.png"
    gray(2480, 3508).save(path, dpi=(dpi, dpi))
    (page,) = load(path).pages
    assert page.image_scale == pytest.approx(300 / 72) and note in page.notes[0]


def test_multi_page_tiff_gives_one_page_per_frame(tmp_path: Path) -> None:
    path = tmp_path / "scan.tif"
    frames = [gray(), gray(value=200), Image.new("1", (620, 877), 1)]
    frames[0].save(path, save_all=True, append_images=frames[1:], dpi=(200, 200),
                   compression="tiff_lzw")
    doc = load(path)
    assert [p.number for p in doc.pages] == [1, 2, 3]
    assert all(p.image_scale == pytest.approx(200 / 72) for p in doc.pages)
    assert doc.pages[1].image[10, 10] == 200 and doc.pages[2].image[10, 10] == 255


def test_colour_jpeg_and_transparent_png_become_grayscale_on_white(tmp_path: Path) -> None:
    jpeg = tmp_path / "scan.jpg"
    Image.new("RGB", (400, 500), (250, 250, 250)).save(jpeg, dpi=(300, 300), quality=90)
    assert load(jpeg).pages[0].image.ndim == 2
    png = tmp_path / "alpha.png"
    Image.new("RGBA", (400, 500), (0, 0, 0, 0)).save(png)
    assert load(png).pages[0].image[5, 5] == 255  # transparent is paper, not black


def test_sixteen_bit_scan_is_scaled_not_stretched(tmp_path: Path) -> None:
    path = tmp_path / "scan16.png"
    data = np.full((300, 200), 64000, np.uint16)
    data[10:20, 10:20] = 0
    Image.fromarray(data).save(path)
    img = load(path).pages[0].image
    assert img[0, 0] == round(64000 / 257) and img[15, 15] == 0


def test_truncated_image_is_an_input_file_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.png"
    gray().save(path)
    path.write_bytes(path.read_bytes()[:400])
    with pytest.raises(InputFileError, match="truncated or corrupt") as info:
        load(path)
    assert info.value.path == str(path)


def test_garbage_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "noise.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00garbage" * 40)
    with pytest.raises(InputFileError):
        load(path)
    other = tmp_path / "text.tif"
    other.write_bytes(b"just text, not an image")
    with pytest.raises(UnsupportedFileError):
        load(other)


def test_decompression_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.png"
    gray(3000, 3000).save(path)
    with pytest.raises(ResourceLimitError, match=r"page 1 \(3000 × 3000\) has 9 million pixels, "
                       r"above the limit of 1 million \(--max-megapixels\)"):
        load(path, ExtractOptions(max_megapixels=1))
    assert Image.MAX_IMAGE_PIXELS is not None  # Pillow's own check is back after loading


def test_the_pixel_limit_is_ours_not_pillows(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.png"
    gray(3000, 3000).save(path)
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1_000_000)  # Pillow would refuse 9 Mpx
    assert load(path, ExtractOptions(max_megapixels=10)).pages[0].image is not None


def test_too_many_frames_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "many.tif"
    gray().save(path, save_all=True, append_images=[gray(), gray()])
    with pytest.raises(ResourceLimitError, match="3 pages, above the limit of 2"):
        load(path, ExtractOptions(max_pages=2))
