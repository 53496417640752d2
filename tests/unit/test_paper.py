"""The paper under a page is worked out once per page image, and never mixed up between pages."""

from __future__ import annotations

import gc

import numpy as np

from vorlagenparser import paper


def _shaded_page(dark: int) -> np.ndarray:
    page = np.full((400, 300), 230, dtype=np.uint8)
    page[:, 150:] = dark  # a shadow over the right half: uneven light
    page[100:104, 20:280] = 20  # a line of print
    return page


def test_the_same_page_gets_the_same_evened_picture() -> None:
    page = _shaded_page(150)
    first = paper.evened(page)
    assert paper.evened(page) is first
    assert not paper.evenly_lit(page)


def test_another_page_gets_its_own_paper() -> None:
    shaded, even = _shaded_page(150), _shaded_page(230)
    assert not paper.evenly_lit(shaded)
    assert paper.evenly_lit(even)
    assert paper.evened(even) is even
    assert not paper.evenly_lit(shaded)


def test_what_is_kept_goes_with_the_page_image() -> None:
    page = _shaded_page(150)
    paper.evened(page)
    del page
    gc.collect()
    assert paper._last is None


def test_otsu_ink_is_cv2s_worked_out_once_and_read_only() -> None:
    import cv2

    page = _shaded_page(150)
    otsu, ink = paper.otsu_ink(page)
    expected_otsu, expected = cv2.threshold(page, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    assert otsu == expected_otsu and np.array_equal(ink, expected)
    assert paper.otsu_ink(page)[1] is ink
    assert not ink.flags.writeable  # shared by OCR and the checkbox detector: nobody draws on it
    assert paper.otsu_ink(page.copy())[1] is not ink  # another picture, even of the same pixels


def test_checkbox_ink_is_otsus_capped_at_light_grey() -> None:
    """binarise takes the shared ink where Otsu's threshold is dark enough, else caps it."""
    import cv2

    from vorlagenparser.checkboxes.raster import binarise

    for page in (_shaded_page(150), _shaded_page(230), np.full((50, 60), 250, dtype=np.uint8)):
        page[0, 0] = 240  # a nearly blank page: Otsu splits the paper's noise above the cap
        flat = paper.evened(page)
        otsu, _ = cv2.threshold(flat, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        _, expected = cv2.threshold(flat, min(otsu, 215.0), 255, cv2.THRESH_BINARY_INV)
        assert np.array_equal(binarise(page), expected)


def _letter_page(seed: int) -> np.ndarray:
    """A page of small dark strokes (letters) under light that falls off across the page."""
    rng = np.random.default_rng(seed)
    h, w = 700, 500
    light = np.linspace(240, 150, w)[None, :] - np.linspace(0, 30, h)[:, None]
    page = light + rng.normal(0, 4, (h, w))
    for _ in range(900):
        y, x = int(rng.integers(0, h - 12)), int(rng.integers(0, w - 4))
        page[y:y + int(rng.integers(6, 12)), x:x + int(rng.integers(1, 4))] -= 110
    return np.clip(page, 0, 255).astype(np.uint8)


def test_finely_evened_print_is_dark_on_paper_equally_light_in_light_and_shadow() -> None:
    page = _letter_page(1)
    assert not paper.evenly_lit(page)
    flat = paper.evened_finely(page)
    strokes = page < 60
    papers = []
    for half in (slice(0, 120), slice(380, 500)):  # the bright and the shaded side
        papers.append(float(np.median(flat[:, half][~strokes[:, half]])))
        assert np.median(flat[:, half][strokes[:, half]]) < 140
    assert min(papers) >= 230 and abs(papers[0] - papers[1]) <= 5


def test_the_paper_is_kept_at_a_quarter_of_the_size_and_stretched_only_to_even_a_page() -> None:
    import cv2

    page = _letter_page(2)
    light = paper._light(page)
    assert light.small.shape == (175, 125)  # 700 x 500 shrunk by 4
    assert paper.paper_brightness(page).shape == page.shape
    assert not light.even
    assert np.array_equal(paper.evened(page), cv2.divide(page, light.paper, scale=255))
