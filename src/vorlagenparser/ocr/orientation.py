"""Page orientation and skew: estimates and the upright image, with exact transform bookkeeping.

Pure functions on grayscale images (numpy/OpenCV only, no tesseract). Conventions:

* pixel coordinates are *continuous*: pixel ``(i, j)`` covers ``[j, j+1) × [i, i+1)``, y down;
* ``rotation`` is the clockwise quarter turn that makes the page upright (as ``Page.rotation``);
* ``skew`` is the small clockwise angle of the text lines on the screen after that quarter turn;
  the upright frame undoes it by turning ``-skew`` about the centre of an enlarged canvas, so no
  corner of the scan is cut off.

:func:`upright` returns the frame image and the :class:`Affine` from frame pixels back to
original pixels; :func:`frame_to_original` turns that into page points.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import cv2
import numpy as np
import numpy.typing as npt

from ..geometry import Affine
from ..pagemodel import GrayImage
from .blobs import blob_boxes

__all__ = [
    "Analysis",
    "analyse",
    "estimate_orientation",
    "estimate_skew",
    "frame_to_original",
    "ink_fraction",
    "quadrant_affine",
    "upright",
]

_ANALYSIS_LONG_SIDE = 1600  # px at most; 100-140 dpi for A4, enough for 0.05° of skew
_MIN_SKEW = 0.1  # degrees; smaller skews are left alone (a warp would only blur)
_MAX_POINTS_COARSE = 20_000
_MAX_POINTS_FINE = 50_000
_MIN_SHARPNESS = 1.03  # profile peak vs half a degree aside; below it the page has no text lines
_MAX_VOTERS = 150  # word blobs consulted for up/down
_CLEAR_MARGIN = 20  # up-minus-down votes that no sideways reading comes near
_MAX_INK_LEVEL = 200.0  # grey level above which nothing is ink, whatever Otsu says

Floats = npt.NDArray[np.float64]
Votes = Callable[[], tuple[int, int]]  # a reading's (up, down) votes, counted when called


@dataclass(frozen=True, slots=True)
class Analysis:
    """A small binary copy of the page (ink = 255) shared by the estimates below."""

    binary: GrayImage
    scale: float  # analysis pixels per original pixel
    # The skew after each quarter turn, once estimated: an unsure orientation check straightens
    # the page with the skew the upright frame then asks for again (the same points, the same
    # seed, the same answer).
    skews: dict[tuple[int, float], float] = field(default_factory=dict, compare=False, repr=False)


def analyse(image: GrayImage) -> Analysis:
    """Downscale (area-averaging keeps thin strokes) and binarise with Otsu."""
    height, width = image.shape
    # An integer factor: OpenCV's area averaging has a fast path for it (3× faster).
    factor = max(1, math.ceil(max(height, width) / _ANALYSIS_LONG_SIDE))
    scale = 1.0 / factor
    small = image
    if factor > 1:
        small = _u8(cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA))
    otsu, binary = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    # A near-empty page makes Otsu split paper noise; never call light grey "ink".
    if otsu > _MAX_INK_LEVEL:
        _, binary = cv2.threshold(small, _MAX_INK_LEVEL, 255, cv2.THRESH_BINARY_INV)
    return Analysis(binary=_u8(binary), scale=scale)


def ink_fraction(analysis: Analysis) -> float:
    """Share of ink pixels, ignoring a 3 % margin where scanner edges and punch holes live."""
    b = analysis.binary
    my, mx = max(1, b.shape[0] * 3 // 100), max(1, b.shape[1] * 3 // 100)
    inner = b[my:-my, mx:-mx]
    return float(np.count_nonzero(inner)) / max(1, inner.size)


def _u8(array: object) -> GrayImage:
    """OpenCV's stubs type results loosely; every image here is uint8 (no copy is made)."""
    return np.asarray(array, dtype=np.uint8)


def _rot90(binary: GrayImage, rotation: int) -> GrayImage:
    codes = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180,
             270: cv2.ROTATE_90_COUNTERCLOCKWISE}
    return binary if rotation % 360 == 0 else _u8(cv2.rotate(binary, codes[rotation % 360]))


# --- skew ---------------------------------------------------------------------------------

def estimate_skew(analysis: Analysis, rotation: int = 0, max_degrees: float = 5.0) -> float:
    """Clockwise skew of the text lines (degrees) after turning the page by ``rotation``.

    Projection profiles: ink points are projected along lines tilted by each candidate angle;
    the angle whose profile is sharpest (largest sum of squared bin counts) follows the text
    lines. Coarse search over ±max_degrees, then two refinements and a parabolic fit.
    """
    key = (rotation % 360, max_degrees)
    if key not in analysis.skews:
        analysis.skews[key] = _skew(_rot90(analysis.binary, rotation), max_degrees)
    return analysis.skews[key]


def _skew(binary: GrayImage, max_degrees: float) -> float:
    # The ink's (x, y) in row-major order, as np.nonzero gives them, at an eighth of its cost.
    found = cv2.findNonZero(binary)
    points = np.zeros((0, 2), dtype=np.int32) if found is None else np.asarray(found, dtype=np.int32)
    xs, ys = points.reshape(-1, 2)[:, 0], points.reshape(-1, 2)[:, 1]
    if xs.size < 200:
        return 0.0
    rng = np.random.default_rng(0)  # a fixed seed keeps results reproducible
    coarse = _subsample(xs, ys, _MAX_POINTS_COARSE, rng)
    fine = _subsample(xs, ys, _MAX_POINTS_FINE, rng)
    best = _best_angle(coarse, np.arange(-max_degrees, max_degrees + 1e-9, 0.25))
    best = _best_angle(fine, best + np.arange(-0.3, 0.3 + 1e-9, 0.05))
    angles = best + np.arange(-0.06, 0.06 + 1e-9, 0.01)
    scores = _scores(fine, angles)
    # Text lines give a sharp peak; drawings and photos a flat ridge that only looks like a
    # skew. Half a degree off the peak, text loses at least 10 % (plans: under 1 %).
    aside = _scores(fine, np.array([best - 0.5, best + 0.5]))
    if scores.max() < _MIN_SHARPNESS * aside.max():
        return 0.0
    return float(np.clip(_parabolic_peak(angles, scores), -max_degrees, max_degrees))


def _subsample(xs: npt.NDArray[np.int32], ys: npt.NDArray[np.int32], limit: int,
               rng: np.random.Generator) -> tuple[Floats, Floats]:
    if xs.size > limit:
        pick = rng.integers(0, xs.size, size=limit)  # with replacement: O(limit), not O(n)
        xs, ys = xs[pick], ys[pick]
    return xs.astype(np.float64), ys.astype(np.float64)


def _scores(points: tuple[Floats, Floats], angles: Floats) -> Floats:
    xs, ys = points
    out = np.empty(angles.size)
    row = np.empty_like(xs)  # one buffer for every angle's projection
    # Rows counted from the lowest (whole numbers in float64: the subtraction is exact) are
    # small, which int32 holds; float64 converts to it four times as fast as to int64.
    rows = np.empty(xs.size, dtype=np.int32)
    for i, angle in enumerate(angles):
        # A text line tilted clockwise by `angle` satisfies y - x*tan(angle) = const.
        np.multiply(xs, math.tan(math.radians(angle)), out=row)
        np.rint(np.subtract(ys, row, out=row), out=row)
        np.subtract(row, row.min(), out=row)
        np.copyto(rows, row, casting="unsafe")
        hist = np.bincount(rows)
        out[i] = float(np.dot(hist, hist))
    return out


def _best_angle(points: tuple[Floats, Floats], angles: Floats) -> float:
    return float(angles[int(np.argmax(_scores(points, angles)))])


def _parabolic_peak(angles: Floats, scores: Floats) -> float:
    i = int(np.argmax(scores))
    if 0 < i < angles.size - 1:
        left, mid, right = scores[i - 1], scores[i], scores[i + 1]
        denom = left - 2 * mid + right
        if denom < 0:
            return float(angles[i] + 0.5 * (left - right) / denom * (angles[1] - angles[0]))
    return float(angles[i])


# --- orientation --------------------------------------------------------------------------

def estimate_orientation(analysis: Analysis) -> tuple[int, float]:
    """Our own quick check: (clockwise quarter turn making the page upright, confidence 0..1).

    Latin script is asymmetric: ascenders and capitals (b d f h k l t, every German noun)
    outweigh descenders (g j p q y). Each word blob votes "up" or "down" by comparing its ink
    above and below its x-height band. Upright text gives many votes with a clear majority;
    text turned by 90° gives few, muddled ones (its "words" are smeared letters across lines).
    Confidence 0 means "no idea" (blank page, drawings); callers then ask tesseract's OSD.
    """
    binary = analysis.binary
    # Votes per reading (quarter turn, skew straightened). A skew too small to straighten
    # leaves the reading as it was: its votes are counted once.
    votes: dict[tuple[int, float], tuple[int, int]] = {}

    def reading(base: int, skew: float) -> tuple[int, int]:
        key = (base, skew if abs(skew) >= _MIN_SKEW else 0.0)
        if key not in votes:
            votes[key] = _ascender_votes(_straighten(_rot90(binary, base), key[1]))
        return votes[key]

    rotation, conf = _vote(lambda: reading(0, 0.0), lambda: reading(90, 0.0))
    if conf >= 0.35:
        return rotation, conf
    # A strong skew tilts every word and blurs its profile: straighten the readings, vote again.

    def straight(base: int) -> tuple[int, int]:
        return reading(base, estimate_skew(analysis, base))

    return _vote(lambda: straight(0), lambda: straight(90))


def _vote(votes0: Votes, votes90: Votes) -> tuple[int, float]:
    """Decide from the page's (up, down) votes as it is and turned clockwise by 90° (counted
    only if needed)."""
    v0 = votes0()
    # Text read across its lines gives almost no votes (under 10 on every sample page), so a
    # clear margin on the page as it is settles the direction without the second reading.
    clear = abs(v0[0] - v0[1]) >= _CLEAR_MARGIN and abs(v0[0] - v0[1]) >= 0.5 * sum(v0)
    v90 = (0, 0) if clear else votes90()
    m0, m90 = v0[0] - v0[1], v90[0] - v90[1]
    base, (up, down) = (0, v0) if abs(m0) >= abs(m90) else (90, v90)
    if up + down < 8:
        return base, 0.0
    rotation = base if up > down else (base + 180) % 360
    direction = abs(abs(m0) - abs(m90)) / max(1, abs(m0) + abs(m90))
    agreement = abs(up - down) / (up + down)
    return rotation, round(direction * agreement, 3)


def _straighten(binary: GrayImage, skew: float) -> GrayImage:
    if abs(skew) < _MIN_SKEW:
        return binary
    height, width = binary.shape
    # OpenCV's positive angles turn counter-clockwise, which undoes a clockwise skew.
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), skew, 1.0)
    return _u8(cv2.warpAffine(binary, matrix, (width, height), flags=cv2.INTER_NEAREST,
                              borderMode=cv2.BORDER_CONSTANT, borderValue=0))


def _word_blobs(binary: GrayImage) -> npt.NDArray[np.int32]:
    """Horizontal smear → connected components (rows: x, y, w, h)."""
    smeared = cv2.dilate(binary, np.ones((1, 5), np.uint8))
    return blob_boxes(_u8(smeared))


def _ascender_votes(binary: GrayImage) -> tuple[int, int]:
    """Per word blob, compare ink above and below its x-height band (the densest rows)."""
    stats = _word_blobs(binary)
    w_all, h_all = stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT]
    # Wider than a letter lying on its side (those reach 3× their height): words, not letters.
    words = stats[(h_all >= 8) & (h_all <= 60) & (w_all >= 3.2 * h_all)]
    if len(words) > _MAX_VOTERS:  # plenty of evidence; an even sample keeps this fast
        words = words[np.linspace(0, len(words) - 1, _MAX_VOTERS).astype(np.intp)]
    return _word_votes(binary, words)


def _word_votes(binary: GrayImage, words: npt.NDArray[np.int32]) -> tuple[int, int]:
    """(up, down) votes of the words (rows: x, y, w, h; each at least one row high).

    All words at once: each word row's ink count from an integral image, the per-word
    figures by segment reductions (the counts are whole numbers, so every sum is exact).
    """
    if len(words) == 0:
        return 0, 0
    x, y, w, h = (words[:, i].astype(np.intp) for i in range(4))
    starts = np.cumsum(h) - h  # each word's first row in the rows of all words
    word = np.repeat(np.arange(len(words)), h)
    local = np.arange(int(h.sum())) - starts[word]  # row index within its word
    ones = cv2.threshold(binary, 0, 1, cv2.THRESH_BINARY)[1]  # ink ≠ 0 counts 1
    integral = np.asarray(cv2.integral(ones, sdepth=cv2.CV_32S), dtype=np.int32)
    top, left, right = y[word] + local, x[word], (x + w)[word]
    profile = ((integral[top + 1, right] - integral[top + 1, left])
               - (integral[top, right] - integral[top, left])).astype(np.float64)
    peak = np.maximum.reduceat(profile, starts)
    core = profile >= 0.5 * peak[word]  # the x-height band: the word's densest rows
    first = np.minimum.reduceat(np.where(core, local, h.max()), starts)
    last = np.maximum.reduceat(np.where(core, local, -1), starts)
    band = last - first + 1
    # A word without an x-height band (capitals and digits, or letters lying on their side)
    # has no say, nor has an all-x-height word ("neu", "man").
    above = np.add.reduceat(np.where(local < first[word], profile, 0.0), starts)
    below = np.add.reduceat(np.where(local > last[word], profile, 0.0), starts)
    total = np.add.reduceat(profile, starts)
    says = (0.3 * h <= band) & (band <= 0.7 * h) & ~(np.maximum(above, below) < 0.05 * total)
    up = says & (above > 1.3 * below)
    down = says & ~up & (below > 1.3 * above)
    return int(np.count_nonzero(up)), int(np.count_nonzero(down))


# --- the upright frame --------------------------------------------------------------------

def quadrant_affine(rotation: int, width: float, height: float) -> Affine:
    """Original → turned image (continuous coordinates) for a clockwise quarter turn."""
    r = rotation % 360
    if r == 0:
        return Affine()
    turned = Affine.rotation(float(r))
    # The turn around (0, 0) puts the page left of / above the origin; shift it back.
    shift = {90: (height, 0.0), 180: (width, height), 270: (0.0, width)}[r]
    return turned.then(Affine(c=shift[0], f=shift[1]))


def _skew_affine(skew: float, width: float, height: float) -> tuple[Affine, int, int]:
    """Turn by -skew about the centre into an enlarged canvas; returns (affine, new w, new h)."""
    r = math.radians(skew)
    cos, sin = abs(math.cos(r)), abs(math.sin(r))
    new_w, new_h = math.ceil(width * cos + height * sin), math.ceil(width * sin + height * cos)
    affine = (Affine(c=-width / 2, f=-height / 2)
              .then(Affine.rotation(-skew))
              .then(Affine(c=new_w / 2, f=new_h / 2)))
    return affine, new_w, new_h


def upright(image: GrayImage, rotation: int, skew: float) -> tuple[GrayImage, Affine]:
    """The upright, deskewed image and the affine mapping its pixels back to ``image`` pixels.

    One resampling at most: the quarter turn is exact, and with a skew both are done in a
    single warp. Skews under 0.1° are ignored (tesseract copes; a warp would only blur).
    """
    height, width = image.shape
    forward = quadrant_affine(rotation, width, height)
    turned_w, turned_h = (height, width) if rotation % 180 else (width, height)
    if abs(skew) < _MIN_SKEW:
        return _rot90(image, rotation), forward.inverse()
    deskew, out_w, out_h = _skew_affine(skew, turned_w, turned_h)
    forward = forward.then(deskew)
    # OpenCV addresses pixel centres at integers: shift by half a pixel on both sides.
    m = Affine(c=0.5, f=0.5).then(forward).then(Affine(c=-0.5, f=-0.5))
    matrix = np.array([[m.a, m.b, m.c], [m.d, m.e, m.f]], dtype=np.float64)
    frame = cv2.warpAffine(image, matrix, (out_w, out_h), flags=cv2.INTER_LINEAR,
                           borderMode=cv2.BORDER_CONSTANT, borderValue=255)
    return _u8(frame), forward.inverse()


def frame_to_original(pixels: Affine, frame_scale: float, original_scale: float) -> Affine:
    """Frame points → original page points, from the frame-pixel → original-pixel affine.

    ``frame_scale`` / ``original_scale`` are pixels per point of the two images (equal unless
    a caller resampled one of them).
    """
    return (Affine.scale(frame_scale)
            .then(pixels)
            .then(Affine.scale(1.0 / original_scale)))
