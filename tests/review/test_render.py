"""Page images: the original page rendered so that page points map onto it (1 point = 1/72
inch of the image at its resolution), cached, and never drawn from another file."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from PIL import Image

from vorlagenparser.model import PageInfo, Source, Vorlage
from vorlagenparser.review.render import DISPLAY_DPI, PageImageError, page_image
from vorlagenparser.review.store import ReviewStore

from .conftest import small_vorlage

DPI = 100
SIZE_PX = (400, 600)
INK_PX = (100, 300, 200, 350)  # x0, top, x1, bottom in the scan's pixels


def scan(path: Path, frames: int = 1, ink_on: int = 1, **save: object) -> Path:
    images = []
    for number in range(1, frames + 1):
        img = Image.new("L", SIZE_PX, 255)
        if number == ink_on:
            img.paste(0, INK_PX)
        images.append(img)
    images[0].save(path, dpi=(DPI, DPI), save_all=frames > 1, append_images=images[1:], **save)
    return path


def folder_with(tmp_path: Path, source: Path,
                pages: list[tuple[float, float]]) -> tuple[ReviewStore, Vorlage]:
    """An output folder whose run record names ``source`` as the input of one document."""
    out = tmp_path / "out"
    out.mkdir()
    sha = hashlib.sha256(source.read_bytes()).hexdigest()
    vorlage = small_vorlage(source=Source(
        filename=source.name, sha256=sha, page_count=len(pages),
        pages=[PageInfo(number=i, method="ocr", width=w, height=h) for i, (w, h) in enumerate(pages, 1)]))
    (out / "scan.json").write_text(vorlage.model_dump_json(indent=2))
    record = {"format": "vorlagenparser-run-record", "version": 1, "status": "complete",
              "inputs": [{"path": str(source), "sha256": sha, "status": "done", "outputs": []}]}
    (out / "run-20250101T000000.000000Z.json").write_text(json.dumps(record))
    return ReviewStore(out), vorlage


def points_to_px(value: float) -> int:
    return round(value * DISPLAY_DPI / 72)


def test_an_image_page_lies_under_its_points(tmp_path: Path) -> None:
    source = scan(tmp_path / "scan.png")
    width, height = (px * 72 / DPI for px in SIZE_PX)  # what the loader reports: 288 × 432 pt
    store, vorlage = folder_with(tmp_path, source, [(width, height)])
    with Image.open(page_image(store, vorlage, 1)) as img:
        assert img.size == (points_to_px(width), points_to_px(height))
        # The ink at 100..200 × 300..350 px of the scan is at 72..144 × 216..252 pt.
        x0, top, x1, bottom = (points_to_px(v * 72 / DPI) for v in INK_PX)
        assert img.convert("L").getpixel(((x0 + x1) // 2, (top + bottom) // 2)) < 60
        assert img.convert("L").getpixel(((x0 + x1) // 2, top - 20)) > 200


def test_each_frame_of_a_tiff_is_a_page_and_renders_are_cached(tmp_path: Path) -> None:
    source = scan(tmp_path / "scan.tif", frames=2, ink_on=2, compression="tiff_lzw")
    size = (SIZE_PX[0] * 72 / DPI, SIZE_PX[1] * 72 / DPI)
    store, vorlage = folder_with(tmp_path, source, [size, size])
    first, second = page_image(store, vorlage, 1), page_image(store, vorlage, 2)
    center = (points_to_px(108), points_to_px(234))
    with Image.open(first) as one, Image.open(second) as two:
        assert one.convert("L").getpixel(center) > 200 and two.convert("L").getpixel(center) < 60
    assert first.parent == store.cache_dir()
    source.unlink()  # rendered once: the cache answers from now on
    assert page_image(store, vorlage, 2) == second
    with pytest.raises(PageImageError, match="no page 3"):
        page_image(store, vorlage, 3)


def test_an_exif_rotated_photo_is_shown_upright(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # stored sideways: turn 90° clockwise to view
    source = scan(tmp_path / "photo.jpg", exif=exif)
    width, height = SIZE_PX[1] * 72 / DPI, SIZE_PX[0] * 72 / DPI  # upright, as the loader reads it
    store, vorlage = folder_with(tmp_path, source, [(width, height)])
    with Image.open(page_image(store, vorlage, 1)) as img:
        assert img.size == (points_to_px(width), points_to_px(height))
        # Turned clockwise, the ink at x 100..200, y 300..350 lies at x 250..300, y 100..200.
        ink = (points_to_px(275 * 72 / DPI), points_to_px(150 * 72 / DPI))
        assert img.convert("L").getpixel(ink) < 60


def test_a_changed_or_missing_input_gives_no_image(tmp_path: Path) -> None:
    source = scan(tmp_path / "scan.png")
    store, vorlage = folder_with(tmp_path, source, [(288.0, 432.0)])
    scan(source, ink_on=0)  # same name, other pixels: another file now
    with pytest.raises(PageImageError, match="no longer at"):
        page_image(store, vorlage, 1)
    assert not store.cache_dir().exists()


def test_without_its_input_a_document_is_shown_on_blank_pages(tmp_path: Path) -> None:
    pytest.importorskip("flask", reason="the review tool needs Flask (the 'review' extra)")
    from vorlagenparser.review.app import create_app

    source = scan(tmp_path / "scan.png")
    store, _ = folder_with(tmp_path, source, [(288.0, 432.0)])
    source.unlink()
    client = create_app(store, ["localhost"]).test_client()
    html = client.get("/doc/scan").get_data(as_text=True)
    assert "No page image: the input file is no longer at" in html and 'class="blank"' in html
    assert 'data-path="betreff"' in html  # the overlay is still drawn from the JSON
    assert client.get("/doc/scan/page/1.png").status_code == 404


def test_a_pdf_page_is_rendered_at_its_size(out: Path) -> None:
    store = ReviewStore(out)
    vorlage = store.load("allris_01")
    page = vorlage.source.pages[1]
    with Image.open(page_image(store, vorlage, 2)) as img:
        assert abs(img.size[0] - page.width * DISPLAY_DPI / 72) <= 1
        assert abs(img.size[1] - page.height * DISPLAY_DPI / 72) <= 1
