"""The paper under the print: its brightness across a scanned page, and the page evened out.

Shadows at the spine, a darker corner or a yellowed sheet defeat one global threshold. The
paper's own brightness is the page with its print closed away; dividing it out makes the paper
even. Both OCR and the checkbox detector work on the evened page.
"""

from __future__ import annotations

import math
import weakref
from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from .pagemodel import GrayImage

# Light is uneven when the paper's brightness varies more than this across the page (grey
# levels, between its 2nd and 98th percentile); evenly lit pages are left as they are.
UNEVEN_LIGHT = 24.0


@dataclass(slots=True)
class _Light:
    """What the paper under one page image is like, worked out once for that image."""

    small: GrayImage  # the paper's brightness at a quarter of the size (_brightness)
    shape: tuple[int, int]  # the page image's
    even: bool  # evenly_lit
    evened: GrayImage | None = None  # evened, once asked for (uneven pages only)

    @property
    def paper(self) -> GrayImage:
        """The paper's brightness at the page image's size (paper_brightness), stretched on
        each call: only evening an unevenly lit page needs it, and ``evened`` keeps its result."""
        height, width = self.shape
        return np.asarray(cv2.resize(self.small, (width, height), interpolation=cv2.INTER_LINEAR),
                          dtype=np.uint8)


# The OCR recipe, its rule finder and the checkbox detector all look at the same upright page
# image, one page at a time: the paper under it is worked out for the first and kept for the
# others. Kept by the image's identity (page images are never written to) until the image goes.
_last: tuple[weakref.ref[GrayImage], _Light] | None = None


def _light(gray: GrayImage) -> _Light:
    global _last
    last = _last  # read once: another thread may replace it meanwhile
    if last is not None and last[0]() is gray:
        return last[1]
    small = _brightness(gray)
    # Judged at the small size: the full-size paper is only ever this picture stretched, and
    # an evenly lit page (most pages) never needs it.
    low, high = percentiles(small, (2, 98))
    light = _Light(small, (gray.shape[0], gray.shape[1]), bool(high - low < UNEVEN_LIGHT))
    _last = (weakref.ref(gray, _forget), light)
    return light


def _forget(gone: weakref.ref[GrayImage]) -> None:
    """The page image is gone: so is what was kept about its paper."""
    global _last
    last = _last
    if last is not None and last[0] is gone:
        _last = None


def paper_brightness(gray: GrayImage) -> GrayImage:
    """The paper's brightness without the print: closed over a window of about a centimetre (a
    twentieth of the page width), wider than any stroke, box or bold heading, so that only light
    and shadow remain."""
    return _light(gray).paper


def _brightness(gray: GrayImage) -> GrayImage:
    """:func:`paper_brightness` at a quarter of the size (where it is worked out: the same
    picture at a fraction of the cost)."""
    # fx, not a size: an exact factor takes OpenCV's fast path of area averaging (3x faster).
    small = cv2.resize(gray, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA) \
        if min(gray.shape) >= 4 else gray
    side = max(3, small.shape[1] // 20) | 1
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (side, side))
    return np.asarray(cv2.medianBlur(cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel), 5),
                      dtype=np.uint8)


def evenly_lit(gray: GrayImage) -> bool:
    """The paper is about equally bright all over the page."""
    return _light(gray).even


def evened(gray: GrayImage) -> GrayImage:
    """The page with uneven light divided out; an evenly lit page unchanged. (The same array
    for the same page: callers read it, never write to it.)"""
    light = _light(gray)
    if light.even:
        return gray
    if light.evened is None:
        light.evened = np.asarray(cv2.divide(gray, light.paper, scale=255), dtype=np.uint8)
    return light.evened


def evened_finely(gray: GrayImage) -> GrayImage:
    """Uneven light divided out at the scale of letters (a closing of 15 pixels): stains and
    blotches the size of a word go too, which OCR needs on a degraded scan. Heavy print loses
    some of its ink this way, so evenly lit pages are left alone."""
    if evenly_lit(gray):
        return gray
    # The median at full size costs about 170 ms. Taken on the closed page shrunk 4x it costs
    # about 10 and comes within half a grey level, but Tesseract then read some degraded scans
    # and photos differently: samples/ 9 fields lost, 2 won; the devset about even; all three
    # held-out sets worse (a degraded 200 dpi scan of one lost every box: its set's scanned
    # boxes 86.8 -> 75.8 %). At half the size (a median of 11, about 55 ms) scanned boxes still
    # fell on the devset (97.2 -> 96.6 %) and on two held-out sets (85.5 -> 84.2, 65.8 -> 63.0),
    # for fields won on two sets and lost on two. The exact median stays.
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (15, 15))
    background = cv2.medianBlur(cv2.morphologyEx(gray, cv2.MORPH_CLOSE, kernel), 21)
    return np.asarray(cv2.divide(gray, background, scale=255), dtype=np.uint8)


# Otsu's ink of a page image, kept by the image's identity while it lives (as ``_last``): the
# OCR recipe thresholds the upright page (its rules the evened one on unevenly lit pages) and the
# checkbox detector wants the same picture. A page has at most these two, a worker one page.
_inks: dict[int, tuple[weakref.ref[GrayImage], tuple[float, GrayImage]]] = {}
_MAX_INKS = 4


def otsu_ink(gray: GrayImage) -> tuple[float, GrayImage]:
    """Otsu's threshold of the image and its ink (255) at that threshold, worked out once per
    image. The ink is shared, so it is read-only: callers that draw on it copy it."""
    key = id(gray)
    kept = _inks.get(key)
    if kept is not None and kept[0]() is gray:
        return kept[1]
    otsu, binary = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    ink = np.asarray(binary, dtype=np.uint8)
    ink.flags.writeable = False
    if len(_inks) >= _MAX_INKS:
        _inks.clear()
    _inks[key] = (weakref.ref(gray, lambda _gone: _inks.pop(key, None)), (float(otsu), ink))
    return float(otsu), ink


# calcHist counts in float32, exact below 2**24: larger images are counted in slices.
_HIST_SLICE = 1 << 23


def percentiles(values: GrayImage, qs: tuple[float, ...]) -> tuple[float, ...]:
    """``np.percentile(values, qs)`` (linear interpolation) of 8-bit values, to the last bit,
    from their histogram: a page has millions of pixels but only 256 grey levels, and sorting
    them (what np.percentile does) takes 50 times longer."""
    return percentiles_of_counts(histogram(values), qs)


def histogram(values: GrayImage, mask: GrayImage | None = None) -> npt.NDArray[np.int64]:
    """How many of the 8-bit values (those where ``mask`` is not 0, if given) have each grey
    level: one pass, without gathering the masked values first."""
    flat = values if values.ndim == 2 else values.reshape(-1, 1)
    picked = None if mask is None else mask.reshape(flat.shape)
    rows = flat.shape[0]
    step = max(1, _HIST_SLICE // max(1, flat.shape[1]))  # whole rows: the mask slices alike
    counts = np.zeros(256, dtype=np.int64)
    for start in range(0, rows, step):
        part = flat[start:start + step]
        where = None if picked is None else picked[start:start + step]
        counts += cv2.calcHist([part], [0], where, [256], [0, 256]).ravel().astype(np.int64)
    return counts


def percentiles_of_counts(counts: npt.NDArray[np.int64], qs: tuple[float, ...]) -> tuple[float, ...]:
    """:func:`percentiles` of the values a histogram (``counts`` per grey level) counts."""
    below = np.cumsum(counts)  # below[v]: how many values are <= v
    n = int(below[-1])
    if n == 0:
        raise ValueError("percentiles of an empty image")

    def ranked(k: int) -> int:  # the k-th smallest value (0-based)
        return int(np.searchsorted(below, k, side="right"))

    out = []
    for q in qs:
        virtual = (n - 1) * (float(q) / 100)  # numpy's index into the sorted values
        if virtual >= n - 1:
            out.append(float(ranked(n - 1)))
            continue
        lower = math.floor(virtual)
        low, high = ranked(lower), ranked(lower + 1)
        gamma = virtual - lower
        # numpy's _lerp: from the nearer end, so the result matches to the bit
        out.append(high - (high - low) * (1 - gamma) if gamma >= 0.5 else low + (high - low) * gamma)
    return tuple(out)
