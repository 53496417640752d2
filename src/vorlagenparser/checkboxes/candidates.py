"""Where printed boxes may be: candidate squares from the line masks, and a sieve over them.

Stage 3 of :mod:`.raster` proposes thousands of squares per scanned page (every horizontal
stroke of box width proposes a few); stage 4 (``raster.fit``) examines each one's four sides.
Most fail at once, so :func:`four_edges` asks, for all candidates together and on one
integral image, what ``fit`` asks of each side — is there an inked line along it, and which is
the outermost? — and ``raster.fit_all`` looks further only at the candidates where all four
have one. The answers are computed exactly as ``raster._edge`` computes them, so the boxes
found are the same, at a fraction of the cost (one ``fit`` call is a dozen small numpy calls).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from ..pagemodel import GrayImage
from .inkrows import InkRows

Run = tuple[int, int, int, int]  # x, y, w, h in pixels
Candidate = tuple[int, int, int, int]  # x0, y0, x1, y1 in pixels
_Ints = npt.NDArray[np.int64]
_Rows = npt.NDArray[np.int64]  # one row per run or candidate


def segments(mask: GrayImage) -> _Rows:
    """Bounding boxes (x, y, w, h rows) of the mask's blobs: the outer contours' extremes
    (findContours is ~20× faster than connected-component statistics on a mostly empty page,
    and the extremes of all contours at once spare a boundingRect call for each)."""
    contours, _hierarchy = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return np.zeros((0, 4), dtype=np.int64)
    points = np.concatenate(contours).reshape(-1, 2).astype(np.int64)
    sizes = np.fromiter((len(c) for c in contours), dtype=np.int64, count=len(contours))
    starts = np.cumsum(sizes) - sizes
    low = np.minimum.reduceat(points, starts, axis=0)
    high = np.maximum.reduceat(points, starts, axis=0)
    return np.column_stack([low, high - low + 1])


def propose(h_runs: _Rows, v_runs: _Rows, lo: int, hi: int) -> _Rows:
    """Candidate squares (x0, y0, x1, y1 rows, sorted, each once) from runs of box width: the
    blobs (:func:`segments`) of the horizontal and of the vertical line mask."""
    runs = h_runs
    x, y, w, h = runs.T
    wide = (0.85 * lo <= w) & (w <= 1.15 * hi)
    runs, x, y, w, h = runs[wide], x[wide], y[wide], w[wide], h[wide]
    # A run is a top edge (or a filled square's top), or a bottom edge.
    out = [_rows(x, y, x + w, y + w), _rows(x, y + h - w, x + w, y + h)]
    # A box blackened by a heavy cross is one blob; the blob, shrunk by a stroke, may be it.
    blob = (0.6 * w <= h) & (h <= 1.4 * w)
    x, y, w, h = x[blob], y[blob], w[blob], h[blob]
    t = np.maximum(2, w // 8)
    out += [_rows(x, y, x + w, y + h), _rows(x + t, y + t, x + w - t, y + h - t)]
    out.append(paired(runs, lo, hi))
    # Vertical runs catch boxes whose top and bottom edges merged with neighbouring strokes.
    x, y, w, h = v_runs.T
    tall = (0.85 * lo <= h) & (h <= 1.15 * hi)
    x, y, w, h = x[tall], y[tall], w[tall], h[tall]
    out += [_rows(x, y, x + h, y + h), _rows(x + w - h, y, x + w, y + h)]
    return _sorted_once(np.concatenate(out))  # several runs propose the same square


def _rows(*columns: _Ints) -> _Rows:
    return np.column_stack(columns).astype(np.int64, copy=False).reshape(-1, len(columns))


def _sorted_once(rows: _Rows) -> _Rows:
    """The distinct rows in ascending order (as ``sorted(set(...))`` orders tuples)."""
    if len(rows) == 0:
        return rows
    rows = rows[np.lexsort(rows.T[::-1])]
    fresh = np.ones(len(rows), dtype=bool)
    fresh[1:] = (rows[1:] != rows[:-1]).any(axis=1)
    return rows[fresh]


def paired(runs: _Rows, lo: int, hi: int) -> _Rows:
    """Top and bottom edges: runs (x, y, w, h rows) overlapping in x, one box side apart.

    Runs are taken in order of their top; each pairs with the runs after it until the first
    one whose bottom lies more than 1.4 box sides below its top. All pairs at once: a page has
    hundreds of runs, each with a few dozen within reach.
    """
    none = np.zeros((0, 4), dtype=np.int64)
    if len(runs) < 2:
        return none
    x, y, w, h = runs[np.argsort(runs[:, 1], kind="stable")].T
    reach = 1.4 * hi
    # Beyond a run whose top is a full reach below, every bottom is too: the last partner.
    ends = np.searchsorted(y, y + reach, side="left")
    counts = np.maximum(0, ends - np.arange(len(y)) - 1)
    if not counts.any():
        return none
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
    return _rows(left[keep], y[first][keep], right[keep], bottom[keep])


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


@dataclass(frozen=True, slots=True)
class InkSums:
    """How many ink pixels any rectangle of a binary picture holds, from one integral image;
    worked out over the picture's packed ink rows when it has them (the rows left out hold
    no ink, so the sums are the same)."""

    table: npt.NDArray[np.int32]
    at_row: _Ints  # the table's row for each page row 0 .. height
    shape: tuple[int, int]  # the picture's

    @classmethod
    def of(cls, binary: GrayImage, rows: InkRows | None = None) -> InkSums:
        img_h = binary.shape[0]
        ones = cv2.threshold(binary if rows is None else rows.picture, 0, 1, cv2.THRESH_BINARY)[1]
        table = np.asarray(cv2.integral(ones, sdepth=cv2.CV_32S), dtype=np.int32)
        at_row = np.arange(img_h + 1, dtype=np.int64) if rows is None else rows.above(np.arange(img_h + 1))
        return cls(table, at_row, (img_h, binary.shape[1]))

    def count(self, x0: _Ints, y0: _Ints, x1: _Ints, y1: _Ints) -> _Ints:
        """Ink pixels in columns x0 .. x1 and rows y0 .. y1 (exclusive, inside the picture)."""
        top, bottom, t = self.at_row[y0], self.at_row[y1], self.table
        return np.asarray(t[bottom, x1] - t[top, x1] - t[bottom, x0] + t[top, x0], dtype=np.int64)


def _as_rows(candidates: list[Candidate] | _Rows) -> _Rows:
    return np.asarray(candidates, dtype=np.int64).reshape(-1, 4)


def four_edges(binary: GrayImage, candidates: list[Candidate] | _Rows, coverage: float,
               sums: InkSums | None = None) -> Edges:
    """The four sides of every candidate as ``raster.fit`` snaps them, on one integral image.

    ``_edge`` looks at the band of lines parallel to a side within ``slack`` of it, over the
    side's length less an inset at both corners, and needs one line inked over at least
    ``coverage`` of that length; the outermost such line is the side, and the lines inward of
    it inked over half their length add to its thickness. A side is looked at only for the
    candidates whose sides before it were found, as ``fit`` stops at the first side missing.
    ``sums`` are ``binary``'s when the caller has them (over its packed ink rows, a fraction
    of the page).
    """
    n = len(candidates)
    if n == 0:
        empty = np.zeros(0, dtype=np.int64)
        return Edges(np.zeros(0, dtype=bool), empty, empty, empty, empty, empty)
    img_h, img_w = binary.shape
    x0, y0, x1, y1 = _as_rows(candidates).T
    slack = np.maximum(2, (x1 - x0) // 6)
    found = (x0 - slack >= 0) & (y0 - slack >= 0) & (x1 + slack <= img_w) & (y1 + slack <= img_h)
    sums = InkSums.of(binary) if sums is None else sums
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
        pos, thick = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64)
        for index in _by_slack(np.flatnonzero(found), slack):
            shares, valid = _shares(sums.table, sums.at_row, start[index], slack[index],
                                    low[index], high[index], vertical)
            hit, at, run = _outer_line(shares, valid, coverage, outward)
            found[index] = hit
            pos[index] = start[index] + at + (0 if outward else 1)
            thick[index] = run
        positions.append(pos)
        thickness = np.maximum(thickness, thick)
    return Edges(found, positions[0], positions[2], positions[1], positions[3], thickness)


# Slack groups (upper bounds): a candidate's band is 2·slack + 1 lines wide, from 5 for the
# smallest boxes to about 40 for the largest; each group's rows are as wide as its widest band.
_SLACK_GROUPS = (4, 8, 13)


def _by_slack(index: _Ints, slack: _Ints) -> list[_Ints]:
    """``index`` in groups of similar slack (each in order); the groups' rows are looked at
    alike, so a small box's band is not padded to the largest box's."""
    if index.size == 0:
        return []
    group = np.searchsorted(np.array(_SLACK_GROUPS), slack[index])
    return [part for g in range(len(_SLACK_GROUPS) + 1) if (part := index[group == g]).size]


def _shares(table: npt.NDArray[np.int32], at_row: _Ints, start: _Ints, slack: _Ints, low: _Ints,
            high: _Ints, vertical: bool) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
    """Ink share of each line ``start + k`` (k up to 2·slack; columns if ``vertical``) over its
    span ``low..high``, one row per candidate, and which entries are such lines. ``at_row`` is
    the integral ``table``'s row for each page row."""
    width = int(2 * slack.max() + 1)
    steps = np.arange(width + 1)
    valid = steps[None, :width] <= 2 * slack[:, None]
    # The table at the lines' edges start .. start + width: the ink before each edge over the
    # span, whose differences are the lines' ink (two look-ups per line instead of four).
    # Edges past a candidate's band only pad its row; they are kept inside the table.
    edges = start[:, None] + steps[None, :]
    if vertical:  # ink in columns < c over rows low..high
        edges = np.minimum(edges, table.shape[1] - 1)
        top, bottom = at_row[low][:, None], at_row[high][:, None]
        before = table[bottom, edges] - table[top, edges]
    else:  # ink in rows < r over columns low..high
        edges = at_row[np.minimum(edges, at_row.size - 1)]
        before = table[edges, high[:, None]] - table[edges, low[:, None]]
    counts = np.diff(before, axis=1)
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
