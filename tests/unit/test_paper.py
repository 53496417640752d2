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
