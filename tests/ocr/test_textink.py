"""The OCR decision's text-like ink, counted by runs, against OpenCV's labelling pixel for pixel."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vorlagenparser.geometry import BBox
from vorlagenparser.load.preview import GrayRaster
from vorlagenparser.ocr.decision import missing_text_share
from vorlagenparser.ocr.textink import (
    covered_mask,
    ink_outside,
    text_ink,
    text_ink_by_runs,
    text_ink_opencv,
)
from vorlagenparser.pagemodel import Word

INK = 160
ROOT = Path(__file__).resolve().parents[2]


def opencv_counts(image: np.ndarray, max_height: float, covered: np.ndarray) -> tuple[int, int]:
    """(text-like ink, text-like ink outside ``covered``) with OpenCV: the yardstick."""
    _, binary = cv2.threshold(image, INK, 255, cv2.THRESH_BINARY_INV)
    smeared = cv2.dilate(binary, np.ones((1, 3), np.uint8))
    _n, labels, stats, _c = cv2.connectedComponentsWithStats(smeared, connectivity=8,
                                                             ltype=cv2.CV_32S)
    w, h = stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT]
    word_like = (h >= 3) & (h <= max_height) & (w >= h)
    word_like[0] = False
    text = word_like[labels] & (binary > 0)
    return int(np.count_nonzero(text)), int(np.count_nonzero(text & ~covered))


def numpy_covered(shape: tuple[int, int], boxes: list[tuple[int, int, int, int]]) -> np.ndarray:
    covered = np.zeros(shape, dtype=bool)
    for r0, r1, c0, c1 in boxes:
        covered[r0:r1, c0:c1] = True
    return covered


def check(image: np.ndarray, boxes: list[tuple[int, int, int, int]], max_height: float) -> None:
    covered = numpy_covered(image.shape, boxes)
    mask = covered_mask(boxes, image.shape[1], image.shape[0])
    assert (np.frombuffer(mask, np.uint8).reshape(image.shape) == covered).all()
    assert ink_outside(GrayRaster.of(image), INK, mask) == np.count_nonzero((image <= INK) & ~covered)
    expected = opencv_counts(image, max_height, covered)
    by_runs = text_ink_by_runs(GrayRaster.of(image), INK, max_height, mask)
    assert (by_runs.total, by_runs.outside) == expected
    by_opencv = text_ink_opencv(GrayRaster.of(image), INK, max_height, boxes)
    assert (by_opencv.total, by_opencv.outside) == expected
    # With OpenCV loaded (as here), text_ink labels by it, and skips the labelling where less
    # text-like ink than enough can lie outside the boxes: less ink of any kind (the bound by
    # runs), or less by the bound from the ink outside alone. Right at the text-like ink
    # outside, neither bound may skip.
    outside = ink_outside(GrayRaster.of(image), INK, mask)
    for enough in (0, outside, outside + 1, expected[1], expected[1] + 1):
        found = text_ink(GrayRaster.of(image), INK, max_height, boxes, enough=enough)
        if outside < enough:
            assert found is None
        if expected[1] >= enough:
            assert found is not None
        assert found is None or (found.total, found.outside) == expected


@st.composite
def pictures(draw: st.DrawFn) -> tuple[np.ndarray, list[tuple[int, int, int, int]]]:
    height, width = draw(st.integers(1, 40)), draw(st.integers(1, 60))
    image = np.full((height, width), 255, np.uint8)
    for _ in range(draw(st.integers(0, 12))):
        y, x = draw(st.integers(0, height - 1)), draw(st.integers(0, width - 1))
        h, w = draw(st.integers(1, 12)), draw(st.integers(1, 20))
        image[y:y + h, x:x + w] = draw(st.sampled_from([0, 100, 160, 161, 200]))
    noise = draw(st.lists(st.tuples(st.integers(0, height - 1), st.integers(0, width - 1)),
                          max_size=30))
    for y, x in noise:
        image[y, x] = 0
    coordinate = st.integers(-70, 70)
    boxes = draw(st.lists(st.tuples(coordinate, coordinate, coordinate, coordinate), max_size=5))
    return image, boxes


@settings(max_examples=300, deadline=None)
@given(pictures(), st.sampled_from([2.0, 3.0, 8.0, 17.4, 100.0]))
def test_runs_count_what_opencv_labels(picture: tuple[np.ndarray, list[tuple[int, int, int, int]]],
                                       max_height: float) -> None:
    image, boxes = picture
    check(image, boxes, max_height)


def test_rendered_pages_count_alike() -> None:
    """Real pages at 50 dpi (the samples' digital PDFs), with their words as covered areas."""
    from vorlagenparser.load import open_document
    from vorlagenparser.load.render import render_pdf_pages
    from vorlagenparser.options import ExtractOptions

    files = sorted(p for p in (ROOT / "samples").rglob("*.pdf") if p.parent.name != "scans")[:12]
    assert files
    scale = 50 / 72
    for path in files:
        doc = open_document(path, ExtractOptions())
        images = render_pdf_pages(str(path), range(len(doc.pages)), 50, 10**9)
        for page, image in zip(doc.pages, images, strict=True):
            boxes = []
            for word in page.words[::2]:  # half the words: plenty of ink both in and out
                b = word.bbox.expand(2.0)
                boxes.append((max(0, int(b.top * scale)), int(b.bottom * scale) + 1,
                              max(0, int(b.x0 * scale)), int(b.x1 * scale) + 1))
            check(image, boxes, 25.0)


def test_share_of_missing_text() -> None:
    image = np.full((200, 300), 255, np.uint8)
    for y in range(20, 180, 20):  # eight lines of "text": word-like bars 6 px high
        for x in range(10, 290, 40):
            image[y:y + 6, x:x + 30] = 0
    scale = 50 / 72
    words = tuple(Word("x", BBox(0, 0, 300 / scale, 96 / scale)) for _ in range(1))
    raster = GrayRaster.of(image)
    assert missing_text_share(raster, scale, ()) == 1.0
    share = missing_text_share(raster, scale, words)
    assert share == pytest.approx(4 / 8, abs=0.01)  # lines at 100 … 160 lie below the word
    assert missing_text_share(raster, scale, (Word("x", BBox(0, 0, 300 / scale, 200 / scale)),)) == 0.0


def test_the_loaders_preview_is_the_rendered_page() -> None:
    """The PDFium loader's own 50 dpi look equals ``load.render``'s picture of the page."""
    from vorlagenparser.load import open_document
    from vorlagenparser.load.preview import PagePreview
    from vorlagenparser.load.render import render_pdf_pages
    from vorlagenparser.options import ExtractOptions
    from vorlagenparser.pagemodel import Page

    path = ROOT / "samples" / "antrag" / "antrag_01.pdf"
    shown: list[PagePreview] = []

    def keep(_page: Page, preview: PagePreview) -> None:
        shown.append(preview)

    open_document(path, ExtractOptions(), on_preview=keep)
    [image] = render_pdf_pages(str(path), [0], 50, 10**9)
    assert [p.image for p in shown] == [GrayRaster.of(image)]
