"""The fast paths of the raster stages agree with the plain computations they stand in for."""

from __future__ import annotations

import cv2
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from vorlagenparser.checkboxes import raster
from vorlagenparser.checkboxes.candidates import Run, four_edges, paired, propose, segments
from vorlagenparser.paper import percentiles

_pixels = st.lists(st.integers(0, 255), min_size=1, max_size=400)
_quantiles = st.lists(st.floats(0, 100, allow_nan=False), min_size=1, max_size=4)


@given(_pixels, _quantiles)
def test_percentiles_match_numpy_to_the_bit(pixels: list[int], qs: list[float]) -> None:
    values = np.array(pixels, dtype=np.uint8)
    assert percentiles(values, tuple(qs)) == tuple(float(v) for v in np.percentile(values, qs))


def test_percentiles_of_a_page_sized_image_match_numpy() -> None:
    rng = np.random.default_rng(3)
    page = np.clip(rng.normal(215, 25, (1754, 1240)), 0, 255).astype(np.uint8)
    assert percentiles(page, (2, 98)) == tuple(float(v) for v in np.percentile(page, (2, 98)))


def _paired_one_by_one(runs: list[Run], lo: int, hi: int) -> list[tuple[int, int, int, int]]:
    """The pairing rule written as the plain loop: each run, in order of its top, against the
    runs after it until one ends more than 1.4 box sides below its top."""
    ordered = sorted(runs, key=lambda r: r[1])
    out = []
    for i, (x, y, w, _h) in enumerate(ordered):
        for x2, y2, w2, h2 in ordered[i + 1:]:
            if y2 + h2 - y > 1.4 * hi:
                break
            left, right = max(x, x2), min(x + w, x2 + w2)
            width, height = right - left, y2 + h2 - y
            if width >= lo and 0.75 * width <= height <= 1.35 * width:
                out.append((left, y, right, y2 + h2))
    return out


_runs = st.lists(st.tuples(st.integers(0, 300), st.integers(0, 300), st.integers(1, 100),
                           st.sampled_from([1, 2, 3, 8, 30, 120])), max_size=60)


@given(_runs, st.integers(6, 30), st.integers(0, 60))
def test_pairing_all_at_once_matches_the_loop(runs: list[Run], lo: int, extra: int) -> None:
    hi = lo + extra
    found = paired(np.array(runs, dtype=np.int64).reshape(-1, 4), lo, hi).tolist()
    assert sorted(map(tuple, found)) == sorted(_paired_one_by_one(runs, lo, hi))


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.floats(0.02, 0.4))
def test_the_sieve_keeps_exactly_the_candidates_with_four_inked_sides(seed: int, ink: float) -> None:
    rng = np.random.default_rng(seed)
    binary = np.where(rng.random((90, 120)) < ink, 255, 0).astype(np.uint8)
    binary[20:23, 30:70] = binary[57:60, 30:70] = 255  # a drawn box among the noise
    binary[20:60, 30:33] = binary[20:60, 67:70] = 255
    candidates = sorted({(int(x), int(y), int(x + w), int(y + h))
                         for x, y, w, h in rng.integers(0, 100, (150, 4)) if w > 2 and h > 2}
                        | {(30, 20, 70, 60), (31, 21, 69, 59)})
    coverage = raster.RasterSettings().edge_coverage
    found = four_edges(binary, candidates, coverage).found.tolist()
    kept = [c for c, keep in zip(candidates, found, strict=True) if keep]
    img_h, img_w = binary.shape
    expected = []
    for x0, y0, x1, y1 in candidates:
        slack = max(2, (x1 - x0) // 6)
        if x0 - slack < 0 or y0 - slack < 0 or x1 + slack > img_w or y1 + slack > img_h:
            continue
        if all(raster._edge(binary, side, x0, y0, x1, y1, slack, coverage) is not None
               for side in ("left", "right", "top", "bottom")):
            expected.append((x0, y0, x1, y1))
    assert kept == expected
    assert (30, 20, 70, 60) in kept


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.floats(0.0, 0.3), st.integers(1, 5))
def test_fitting_all_at_once_matches_fitting_one_by_one(seed: int, ink: float, stroke: int) -> None:
    rng = np.random.default_rng(seed)
    binary = np.where(rng.random((110, 140)) < ink, 255, 0).astype(np.uint8)
    for x, y, side in ((30, 20, 40), (90, 60, 24)):  # drawn boxes, borders ``stroke`` thick
        binary[y:y + stroke, x:x + side] = binary[y + side - stroke:y + side, x:x + side] = 255
        binary[y:y + side, x:x + stroke] = binary[y:y + side, x + side - stroke:x + side] = 255
    candidates = sorted({(int(x), int(y), int(x + w), int(y + h))
                         for x, y, w, h in rng.integers(0, 120, (200, 4)) if w > 2 and h > 2}
                        | {(30, 20, 70, 60), (31, 21, 69, 59), (90, 60, 114, 84), (89, 59, 113, 83)})
    s = raster.RasterSettings()
    one_by_one = [b for c in candidates if (b := raster.fit(binary, c, 8, 60, s)) is not None]
    assert raster.fit_all(binary, candidates, 8, 60, s) == one_by_one
    assert one_by_one or ink > 0.1  # the drawn boxes are found on a clean page


def _propose_one_by_one(h_mask: np.ndarray, v_mask: np.ndarray, lo: int, hi: int
                        ) -> list[tuple[int, int, int, int]]:
    """The candidates written as the plain loop over each blob's boundingRect."""
    def blobs(mask: np.ndarray) -> list[Run]:
        contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        return [tuple(int(v) for v in cv2.boundingRect(c)) for c in contours]  # type: ignore[misc]

    runs = [r for r in blobs(h_mask) if 0.85 * lo <= r[2] <= 1.15 * hi]
    out = []
    for x, y, w, h in runs:
        out += [(x, y, x + w, y + w), (x, y + h - w, x + w, y + h)]
        if 0.6 * w <= h <= 1.4 * w:
            t = max(2, w // 8)
            out += [(x, y, x + w, y + h), (x + t, y + t, x + w - t, y + h - t)]
    out += _paired_one_by_one(runs, lo, hi)
    for x, y, w, h in blobs(v_mask):
        if 0.85 * lo <= h <= 1.15 * hi:
            out += [(x, y, x + h, y + h), (x + w - h, y, x + w, y + h)]
    return sorted(set(out))


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32 - 1), st.floats(0.0, 0.5))
def test_candidates_as_arrays_match_the_plain_loop(seed: int, ink: float) -> None:
    rng = np.random.default_rng(seed)
    h_mask = np.where(rng.random((80, 110)) < ink, 255, 0).astype(np.uint8)
    v_mask = np.where(rng.random((80, 110)) < ink, 255, 0).astype(np.uint8)
    h_mask[10:13, 5:40] = h_mask[40:42, 8:38] = v_mask[5:45, 60:63] = 255  # runs of box size
    for mask in (h_mask, v_mask):
        contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        assert segments(mask).tolist() == [list(cv2.boundingRect(c)) for c in contours]
    found = [tuple(c) for c in propose(segments(h_mask), segments(v_mask), 8, 40).tolist()]
    assert found == _propose_one_by_one(h_mask, v_mask, 8, 40)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32 - 1), st.floats(0.0, 1.0))
def test_the_darkest_border_from_counts_matches_the_gathered_pixels(seed: int, ink: float) -> None:
    rng = np.random.default_rng(seed)
    shape = tuple(int(n) for n in rng.integers(1, 120, 2))
    gray = rng.integers(0, 256, shape, dtype=np.uint8)
    binary = np.where(rng.random(shape) < ink, 255, 0).astype(np.uint8)
    sample_gray, sample_ink = gray[::3, ::3], binary[::3, ::3] > 0
    inked, paper = sample_gray[sample_ink], sample_gray[~sample_ink]
    if inked.size == 0 or paper.size == 0:
        expected = 255.0
    else:
        low, high = float(np.percentile(inked, 2)), float(np.percentile(paper, 90))
        expected = low + 0.5 * (high - low)
    assert raster._darkest_border(gray, binary) == expected


@given(st.lists(st.booleans(), min_size=1, max_size=3000))
def test_share_is_numpys_mean_to_the_bit(flags: list[bool]) -> None:
    array = np.array(flags, dtype=bool)
    assert raster._share(array) == float(array.mean())


_boxes = st.tuples(st.floats(0, 200), st.floats(0, 200), st.floats(0.1, 60), st.floats(0.1, 30))


@given(st.lists(_boxes, max_size=30), _boxes)
def test_drop_text_looks_at_every_word_that_can_make_a_box_a_letter(words: list[tuple[float, ...]],
                                                                    box: tuple[float, ...]) -> None:
    """Its tests need the word's box over the square or around it within a fifth of its width."""
    from vorlagenparser.geometry import BBox, contains, intersection_area
    from vorlagenparser.pagemodel import Word

    page = tuple(Word(text="Wort", bbox=BBox(x, y, x + w, y + h)) for x, y, w, h in words)
    x, y, w, h = box
    bb = BBox(x, y, x + w, y + h)
    near = raster._words_near(page, raster._word_edges(page), bb)
    assert near == [p for p in page if p in near]  # in the page's order
    for word in page:
        if intersection_area(word.bbox, bb) > 0 or contains(word.bbox, bb, tol=0.2 * bb.width):
            assert any(word is n for n in near)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.floats(0.0, 0.6))
def test_the_squares_plain_surroundings_all_at_once_match_the_box_by_box_looks(seed: int,
                                                                              ink: float) -> None:
    """Corners, ink around and buried sides on one integral image, boxes at the page's edges too."""
    from vorlagenparser.checkboxes.candidates import InkSums

    rng = np.random.default_rng(seed)
    height, width = (int(n) for n in rng.integers(20, 90, 2))
    binary = np.where(rng.random((height, width)) < ink, 255, 0).astype(np.uint8)
    boxes = []
    for _ in range(60):
        side = int(rng.integers(6, min(height, width) + 1))
        x0, y0 = int(rng.integers(0, width - side + 1)), int(rng.integers(0, height - side + 1))
        boxes.append(raster._Box(x0, y0, x0 + side, y0 + int(rng.integers(max(1, side - 3), side + 1)),
                                 int(rng.integers(1, 6))))
    columns = [np.array([getattr(b, f) for b in boxes], dtype=np.int64)
               for f in ("x0", "y0", "x1", "y1", "thickness")]
    s = raster.RasterSettings()
    found = raster._stands_plain(InkSums.of(binary), *columns, s).tolist()
    assert found == [raster._corners_inked(binary, b) and raster._surround_ink(binary, b)
                     <= s.max_surround_ink and raster._sides_buried(binary, b) < 3 for b in boxes]
