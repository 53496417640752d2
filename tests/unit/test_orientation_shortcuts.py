"""The orientation and skew estimates' shortcuts give what the plain computations give.

Each plain version below is the straightforward way (two thresholds, int64 rows, one word at a
time, every reading counted afresh); the module's faster ways must agree with it exactly.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import cv2
import numpy as np
import numpy.typing as npt
from hypothesis import given, settings
from hypothesis import strategies as st

from vorlagenparser.ocr import orientation as orient

Image = npt.NDArray[np.uint8]
Boxes = npt.NDArray[np.int32]

_FONTS = (cv2.FONT_HERSHEY_SIMPLEX, cv2.FONT_HERSHEY_DUPLEX, cv2.FONT_HERSHEY_COMPLEX,
          cv2.FONT_HERSHEY_TRIPLEX)
_WORDS = ("Bebauungsplan", "die", "Gemeinde", "hat", "beschlossen", "Ja", "Nein", "Enthaltung",
          "neu", "man", "Antrag", "gqpy", "Sitzung", "vom", "Haushalt", "ABSTIMMUNG", "2024")


# --- the plain versions ---------------------------------------------------------------------

def _plain_word_votes(binary: Image, words: Boxes) -> tuple[int, int]:
    up = down = 0
    for x, y, w, h in words:
        profile = np.count_nonzero(binary[y:y + h, x:x + w], axis=1).astype(np.float64)
        core = np.nonzero(profile >= 0.5 * profile.max())[0]
        if not 0.3 * h <= core[-1] - core[0] + 1 <= 0.7 * h:
            continue
        above, below = profile[: core[0]].sum(), profile[core[-1] + 1:].sum()
        if max(above, below) < 0.05 * profile.sum():
            continue
        if above > 1.3 * below:
            up += 1
        elif below > 1.3 * above:
            down += 1
    return up, down


def _plain_ascender_votes(binary: Image) -> tuple[int, int]:
    stats = orient._word_blobs(binary)
    w_all, h_all = stats[:, 2], stats[:, 3]
    words = stats[(h_all >= 8) & (h_all <= 60) & (w_all >= 3.2 * h_all)]
    if len(words) > orient._MAX_VOTERS:
        words = words[np.linspace(0, len(words) - 1, orient._MAX_VOTERS).astype(np.intp)]
    return _plain_word_votes(binary, words)


def _plain_vote(b0: Image, b90: Callable[[], Image]) -> tuple[int, float]:
    # The decision itself is the module's; what is held to the plain version is the votes and
    # which readings are counted.
    return orient._vote(lambda: _plain_ascender_votes(b0), lambda: _plain_ascender_votes(b90()))


def _plain_orientation(analysis: orient.Analysis) -> tuple[int, float]:
    binary = analysis.binary
    rotation, conf = _plain_vote(binary, lambda: orient._rot90(binary, 90))
    if conf >= 0.35:
        return rotation, conf

    def straight(base: int) -> Image:
        return orient._straighten(orient._rot90(binary, base), orient.estimate_skew(analysis, base))

    return _plain_vote(straight(0), lambda: straight(90))


def _plain_binary(image: Image) -> Image:
    otsu, _ = cv2.threshold(image, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    _, binary = cv2.threshold(image, min(otsu, 200.0), 255, cv2.THRESH_BINARY_INV)
    return np.asarray(binary, dtype=np.uint8)


def _plain_scores(points: tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]],
                  angles: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    xs, ys = points
    out = np.empty(angles.size)
    for i, angle in enumerate(angles):
        rows = np.rint(ys - xs * math.tan(math.radians(angle))).astype(np.int64)
        hist = np.bincount(rows - rows.min())
        out[i] = float(np.dot(hist, hist))
    return out


# --- pictures -------------------------------------------------------------------------------

def _text_page(seed: int, skew: float, turn: int) -> Image:
    """Lines of words in Hershey fonts (Latin letters with ascenders and descenders)."""
    rng = np.random.default_rng(seed)
    height, width = int(rng.integers(300, 700)), int(rng.integers(300, 700))
    page = np.full((height, width), 255, np.uint8)
    y = int(rng.integers(20, 60))
    while y < height - 10:
        x, size = int(rng.integers(5, 60)), float(rng.uniform(0.4, 1.1))
        font = _FONTS[int(rng.integers(len(_FONTS)))]
        while x < width - 40:
            word = _WORDS[int(rng.integers(len(_WORDS)))]
            cv2.putText(page, word, (x, y), font, size, 0, int(rng.integers(1, 3)))
            x += int(len(word) * 20 * size) + int(rng.integers(8, 30))
        if rng.random() < 0.2:  # a frame round a line: blobs in a blob's hole
            cv2.rectangle(page, (2, y - 30), (width - 3, y + 12), 0, 1)
        y += int(rng.integers(28, 60))
    if skew:
        matrix = cv2.getRotationMatrix2D((width / 2, height / 2), -skew, 1.0)
        page = np.asarray(cv2.warpAffine(page, matrix, (width, height), borderValue=255), np.uint8)
    codes = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}
    return page if turn == 0 else np.asarray(cv2.rotate(page, codes[turn]), np.uint8)


def _banded(seed: int, height: int, width: int) -> Image:
    """Ink whose density changes row by row: x-height bands, ascenders, descenders, gaps."""
    rng = np.random.default_rng(seed)
    density = rng.choice([0.0, 0.05, 0.2, 0.5, 0.9], size=height)[:, None]
    return np.where(rng.random((height, width)) < density, 255, 0).astype(np.uint8)


# --- the tests ------------------------------------------------------------------------------

@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 80), st.integers(1, 120), st.integers(0, 40))
def test_word_votes_match_one_word_at_a_time(seed: int, height: int, width: int,
                                             count: int) -> None:
    binary = _banded(seed, height, width)
    rng = np.random.default_rng(seed + 1)
    x, y = rng.integers(0, width, count), rng.integers(0, height, count)
    w, h = rng.integers(1, width - x + 1), rng.integers(1, height - y + 1)
    words = np.stack([x, y, w, h], axis=1).astype(np.int32).reshape(-1, 4)
    assert orient._word_votes(binary, words) == _plain_word_votes(binary, words)


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 2**32 - 1), st.sampled_from([0.0, 0.05, 0.3, -1.5, 4.0]),
       st.sampled_from([0, 90, 180, 270]))
def test_orientation_matches_the_plain_check(seed: int, skew: float, turn: int) -> None:
    """Votes on text pages (one word at a time there), each reading counted afresh."""
    page = _text_page(seed, skew, turn)
    binary = orient.analyse(page).binary
    assert orient._ascender_votes(binary) == _plain_ascender_votes(binary)
    assert orient.estimate_orientation(orient.analyse(page)) == \
        _plain_orientation(orient.analyse(page))


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 90), st.integers(1, 90),
       st.integers(0, 255), st.integers(0, 255))
def test_analysis_binary_matches_two_thresholds(seed: int, height: int, width: int,
                                                low: int, high: int) -> None:
    """Dark and light pages alike: Otsu's level when under the cap, the cap otherwise."""
    rng = np.random.default_rng(seed)
    lo, hi = min(low, high), max(low, high)
    image = rng.integers(lo, hi + 1, size=(height, width)).astype(np.uint8)
    assert np.array_equal(orient.analyse(image).binary, _plain_binary(image))


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 3000), st.integers(1, 2000),
       st.integers(1, 2000), st.floats(-6.0, 6.0))
def test_scores_match_int64_rows(seed: int, count: int, height: int, width: int,
                                 centre: float) -> None:
    rng = np.random.default_rng(seed)
    points = (rng.integers(0, width, count).astype(np.float64),
              rng.integers(0, height, count).astype(np.float64))
    angles = centre + np.arange(-0.3, 0.3 + 1e-9, 0.05)
    assert np.array_equal(orient._scores(points, angles), _plain_scores(points, angles))
