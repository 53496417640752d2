"""Where printed boxes may be: candidate squares from the line masks, and a sieve over them.

Stage 3 of :mod:`.raster` proposes thousands of squares per scanned page (every horizontal
stroke of box width proposes a few); stage 4 (``raster.fit``) examines each one's four sides.
Most fail at once, so :func:`with_four_edges` first asks, for all candidates together and on
one integral image, the question ``fit`` asks of each side first — is there an inked line
along it? — and passes on only the candidates where all four have one. The answer is computed
exactly as ``raster._edge`` computes it, so the boxes found are the same, at a fraction of the
cost (one ``fit`` call is a dozen small numpy calls).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from ..pagemodel import GrayImage

Run = tuple[int, int, int, int]  # x, y, w, h in pixels
Candidate = tuple[int, int, int, int]  # x0, y0, x1, y1 in pixels
_Ints = npt.NDArray[np.int64]


def segments(mask: GrayImage) -> list[Run]:
    """Bounding boxes of the mask's blobs (outer contours: ~20× faster than connected-component
    statistics on a mostly empty page)."""
    contours, _hierarchy = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    runs: list[Run] = []
    for contour in contours:
        x, y, w, h = cv2.boundingRect(contour)
        runs.append((int(x), int(y), int(w), int(h)))
    return runs


def propose(h_mask: GrayImage, v_mask: GrayImage, lo: int, hi: int) -> list[Candidate]:
    """Candidate squares (x0, y0, x1, y1) from horizontal runs of box width."""
    runs = [r for r in segments(h_mask) if 0.85 * lo <= r[2] <= 1.15 * hi]
    out: list[Candidate] = []
    for x, y, w, h in runs:
        out.append((x, y, x + w, y + w))  # the run is a top edge (or a filled square's top)
        out.append((x, y + h - w, x + w, y + h))  # ... or a bottom edge
        if 0.6 * w <= h <= 1.4 * w:
            # A box blackened by a heavy cross is one blob; the blob, shrunk by a stroke, may be it.
            t = max(2, w // 8)
            out.extend([(x, y, x + w, y + h), (x + t, y + t, x + w - t, y + h - t)])
    out.extend(paired(runs, lo, hi))
    # Vertical runs catch boxes whose top and bottom edges merged with neighbouring strokes.
    for x, y, w, h in segments(v_mask):
        if 0.85 * lo <= h <= 1.15 * hi:
            out.append((x, y, x + h, y + h))
            out.append((x + w - h, y, x + w, y + h))
    return sorted(set(out))  # several runs propose the same square


def paired(runs: list[Run], lo: int, hi: int) -> list[Candidate]:
    """Top and bottom edges: runs overlapping in x, one box side apart.

    Runs are taken in order of their top; each pairs with the runs after it until the first
    one whose bottom lies more than 1.4 box sides below its top. All pairs at once: a page has
    hundreds of runs, each with a few dozen within reach.
    """
    ordered = sorted(runs, key=lambda r: r[1])
    if len(ordered) < 2:
        return []
    x, y, w, h = (np.array(column, dtype=np.int64) for column in zip(*ordered, strict=True))
    reach = 1.4 * hi
    # Beyond a run whose top is a full reach below, every bottom is too: the last partner.
    ends = np.searchsorted(y, y + reach, side="left")
    counts = np.maximum(0, ends - np.arange(len(y)) - 1)
    if not counts.any():
        return []
    first = np.repeat(np.arange(len(y)), counts)
    second = first + 1 + np.arange(len(first)) - np.repeat(np.cumsum(counts) - counts, counts)
    bottom = y[second] + h[second]
    too_far = bottom - y[first] > reach
    # Only the partners before the first one too far down count (the loop stopped there).
    far_so_far = np.cumsum(too_far)
    far_before_group = _group_offsets(far_so_far, too_far, counts)
    reached = far_so_far - far_before_group == 0
    left = np.maximum(x[first], x[second])
    right = np.minimum(x[first] + w[first], x[second] + w[second])
    width, height = right - left, bottom - y[first]
    keep = reached & (width >= lo) & (0.75 * width <= height) & (height <= 1.35 * width)
    return list(zip(left[keep].tolist(), y[first][keep].tolist(), right[keep].tolist(),
                    bottom[keep].tolist(), strict=True))


def _group_offsets(running: _Ints, flags: npt.NDArray[np.bool_], counts: _Ints) -> _Ints:
    """For each element, the running total of ``flags`` before its group began."""
    starts = np.cumsum(counts) - counts
    nonempty = counts > 0
    before = np.zeros(len(counts), dtype=np.int64)
    first_of_group = starts[nonempty]
    before[nonempty] = running[first_of_group] - flags[first_of_group]
    return np.repeat(before, counts)


@dataclass(frozen=True, slots=True)
class Edges:
    """What ``raster._edge`` finds along the four sides of each candidate, for all at once:
    ``found`` where every side has an inked line; there the outer positions (``right`` and
    ``bottom`` exclusive) and the thickest side's thickness. Other entries are meaningless."""

    found: npt.NDArray[np.bool_]
    left: _Ints
    top: _Ints
    right: _Ints
    bottom: _Ints
    thickness: _Ints


def with_four_edges(binary: GrayImage, candidates: list[Candidate],
                    coverage: float) -> list[Candidate]:
    """The candidates ``raster.fit`` can accept: inside the image with their search margin,
    and with an inked line along each side (``raster._edge`` finds one), in their order."""
    found = four_edges(binary, candidates, coverage).found.tolist()
    return [c for c, keep in zip(candidates, found, strict=True) if keep]


def four_edges(binary: GrayImage, candidates: list[Candidate], coverage: float) -> Edges:
    """The four sides of every candidate as ``raster.fit`` snaps them, on one integral image.

    ``_edge`` looks at the band of lines parallel to a side within ``slack`` of it, over the
    side's length less an inset at both corners, and needs one line inked over at least
    ``coverage`` of that length; the outermost such line is the side, and the lines inward of
    it inked over half their length add to its thickness. A side is looked at only for the
    candidates whose sides before it were found, as ``fit`` stops at the first side missing.
    """
    n = len(candidates)
    if n == 0:
        empty = np.zeros(0, dtype=np.int64)
        return Edges(np.zeros(0, dtype=bool), empty, empty, empty, empty, empty)
    img_h, img_w = binary.shape
    x0, y0, x1, y1 = (np.array(c, dtype=np.int64) for c in zip(*candidates, strict=True))
    slack = np.maximum(2, (x1 - x0) // 6)
    found = (x0 - slack >= 0) & (y0 - slack >= 0) & (x1 + slack <= img_w) & (y1 + slack <= img_h)
    ones = cv2.threshold(binary, 0, 1, cv2.THRESH_BINARY)[1]
    table = np.asarray(cv2.integral(ones, sdepth=cv2.CV_32S), dtype=np.int32)
    inset = np.maximum(1, (x1 - x0) // 8)
    top, bottom = y0 + inset, np.maximum(y0 + inset, y1 - inset)
    left, right = x0 + inset, np.maximum(x0 + inset, x1 - inset)
    positions, thickness = [], np.ones(n, dtype=np.int64)
    # Left and right sides: columns from start to start + 2·slack, over the rows top..bottom;
    # top and bottom sides: rows, over the columns left..right. Left and top look outside in.
    for start, low, high, vertical, outward in ((x0 - slack, top, bottom, True, True),
                                                (x1 - 1 - slack, top, bottom, True, False),
                                                (y0 - slack, left, right, False, True),
                                                (y1 - 1 - slack, left, right, False, False)):
        index = np.flatnonzero(found)
        pos, thick = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64)
        if index.size:
            shares, valid = _shares(table, start[index], slack[index], low[index], high[index],
                                    vertical)
            hit, at, run = _outer_line(shares, valid, coverage, outward)
            found[index] = hit
            pos[index] = start[index] + at + (0 if outward else 1)
            thick[index] = run
        positions.append(pos)
        thickness = np.maximum(thickness, thick)
    return Edges(found, positions[0], positions[2], positions[1], positions[3], thickness)


def _shares(table: npt.NDArray[np.int32], start: _Ints, slack: _Ints, low: _Ints, high: _Ints,
            vertical: bool) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
    """Ink share of each line ``start + k`` (k up to 2·slack; columns if ``vertical``) over its
    span ``low..high``, one row per candidate, and which entries are such lines."""
    steps = np.arange(int(2 * slack.max() + 1))
    lines = start[:, None] + steps[None, :]
    valid = steps[None, :] <= 2 * slack[:, None]
    lines = np.where(valid, lines, start[:, None])  # padding lines repeat the first one
    lo, hi = low[:, None], high[:, None]
    if vertical:  # ink in column c over rows lo..hi
        counts = table[hi, lines + 1] - table[hi, lines] - table[lo, lines + 1] + table[lo, lines]
    else:  # ink in row r over columns lo..hi
        counts = table[lines + 1, hi] - table[lines, hi] - table[lines + 1, lo] + table[lines, lo]
    # The same division as _profile's, so the comparisons agree to the last bit.
    return counts / np.maximum(1, high - low)[:, None], valid


def _outer_line(shares: npt.NDArray[np.float64], valid: npt.NDArray[np.bool_], coverage: float,
                outward: bool) -> tuple[npt.NDArray[np.bool_], _Ints, _Ints]:
    """Per row: is a line inked over ``coverage``; the first such (the last unless ``outward``);
    and 1 + the number of lines right after it, going inward, inked over half."""
    strong = (shares >= coverage) & valid
    hit: npt.NDArray[np.bool_] = np.asarray(strong.any(axis=1), dtype=bool)
    width = shares.shape[1]
    cols = np.arange(width)[None, :]
    half = (shares >= 0.5) & valid
    if outward:
        at = np.argmax(strong, axis=1)
        # The first line past ``at`` not inked over half (or the band's end) ends the run.
        stops = np.concatenate([~half & (cols > at[:, None]),
                                np.ones((len(at), 1), dtype=bool)], axis=1)
        run = np.argmax(stops, axis=1) - at
    else:
        at = width - 1 - np.argmax(strong[:, ::-1], axis=1)
        stops = np.concatenate([np.ones((len(at), 1), dtype=bool),
                                ~half & (cols < at[:, None])], axis=1)
        last_stop = width - 1 - np.argmax(stops[:, ::-1], axis=1)  # -1: none, the band's end
        run = at - last_stop
    return hit, at, run
