"""The raster stages' work on the packed ink rows gives the page's own results, to the pixel."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from vorlagenparser.checkboxes import raster
from vorlagenparser.checkboxes.candidates import InkSums, four_edges, segments
from vorlagenparser.checkboxes.inkrows import inked_rows, pack


def _page(seed: int, ink: float) -> np.ndarray:
    """Noise in bands of rows with blank rows between (one, a few, many), boxes and strokes."""
    rng = np.random.default_rng(seed)
    height, width = (int(n) for n in rng.integers(20, 140, 2))
    binary = np.where(rng.random((height, width)) < ink, 255, 0).astype(np.uint8)
    for _ in range(int(rng.integers(0, 8))):
        top = int(rng.integers(0, height))
        binary[top:top + int(rng.choice([1, 2, 5, 30, 60]))] = 0
    for _ in range(int(rng.integers(0, 4))):  # strokes and drawn boxes across the bands
        x, y = int(rng.integers(0, width)), int(rng.integers(0, height))
        side = int(rng.integers(3, 40))
        binary[y:y + side, x:x + 2] = binary[y:y + side, x + side:x + side + 2] = 255
        binary[y:y + 2, x:x + side] = binary[y + side:y + side + 2, x:x + side + 2] = 255
    return binary


@settings(max_examples=80, deadline=None)
@given(st.integers(0, 2**32 - 1), st.floats(0.0, 0.6), st.integers(6, 40))
def test_strokes_and_their_blobs_from_the_ink_rows_are_the_pages(seed: int, ink: float,
                                                                min_side: int) -> None:
    binary = _page(seed, ink)
    rows = pack(binary)
    packed = raster.horizontal_strokes(rows.picture, min_side)
    full = raster.horizontal_strokes(binary, min_side)
    assert np.array_equal(rows.unpacked(packed), full)
    assert rows.page_boxes(segments(packed)).tolist() == segments(full).tolist()


@settings(max_examples=80, deadline=None)
@given(st.integers(0, 2**32 - 1), st.floats(0.0, 0.6), st.integers(6, 40))
def test_vertical_strokes_from_the_rows_near_ink_are_the_pages(seed: int, ink: float,
                                                                min_side: int) -> None:
    binary = _page(seed, ink)
    near = pack(binary, inked_rows(binary), raster.stroke_reach(min_side))
    packed = raster.vertical_strokes(near.picture, min_side)
    full = raster.vertical_strokes(binary, min_side)
    assert np.array_equal(near.unpacked(packed), full)
    assert near.page_boxes(segments(packed)).tolist() == segments(full).tolist()


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.floats(0.0, 0.5))
def test_four_edges_over_the_ink_rows_are_the_pages(seed: int, ink: float) -> None:
    binary = _page(seed, ink)
    height, width = binary.shape
    rng = np.random.default_rng(seed)
    corners = rng.integers(0, max(height, width), (300, 2))
    sides = rng.integers(3, 40, (300, 1))
    candidates = np.hstack([corners, corners + sides]).astype(np.int64)
    coverage = raster.RasterSettings().edge_coverage
    plain = four_edges(binary, candidates, coverage)
    packed = four_edges(binary, candidates, coverage, InkSums.of(binary, pack(binary)))
    for name in ("found", "left", "top", "right", "bottom", "thickness"):
        a, b = getattr(plain, name), getattr(packed, name)
        assert np.array_equal(a[plain.found], b[packed.found]), name
    assert np.array_equal(plain.found, packed.found)


def test_a_blank_page_packs_to_nothing() -> None:
    blank = np.zeros((30, 20), dtype=np.uint8)
    rows = pack(blank)
    assert rows.picture.shape == (1, 20)
    assert np.array_equal(rows.unpacked(raster.horizontal_strokes(rows.picture, 8)), blank)
    assert segments(rows.picture).size == 0
    edges = four_edges(blank, np.array([[5, 5, 15, 15]]), 0.8, InkSums.of(blank, rows))
    assert not edges.found.any()
