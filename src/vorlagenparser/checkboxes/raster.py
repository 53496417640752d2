"""Checkboxes on scans: printed squares found in the page image, ticked or empty by ink inside.

The recipe, one named stage each (habit 5):

1. ``binarise``       global Otsu threshold (light scans included), never above light grey;
2. ``horizontal_strokes``, ``vertical_strokes``: line masks, morphological opening keeps
                      horizontal / vertical runs of box-side length: diagonal ticks, crosses,
                      scribbles and specks fall away, box borders stay;
3. ``propose``        runs of checkbox width propose the square beside them, and pairs of runs
                      (top + bottom edge) the square between them;
4. ``fit``            each side must be an inked straight line along the whole square, snapped
                      to its outer edge, with square corners, paper around it and not buried
                      inside a filled shape (tree symbols, discs, letters' loops);
5. ``drop_cells``     squares whose borders run on past a corner are cells of a ruled table;
6. ``drop_faint``     borders lighter than half-way from the page's text ink to its paper are
                      grey fills of maps and shaded cells, not printed boxes;
7. ``drop_round``     discs and rings (punched holes, stamps) have no ink in their corners;
8. ``drop_patterns``  squares packed tightly in a grid are a logo or pattern;
9. ``drop_text``      squares that are letters of confidently read words ("D" of "Dr.") go;
10. ``classify``       the ink share inside the box minus its border (eroded inward by the
                      border's measured thickness), ignoring specks, against a threshold; the
                      distance from the threshold is the confidence, and a narrow band around
                      it is "ambiguous".

All work is in image pixels; marks are returned in page-frame points.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from ..geometry import BBox, contains, intersection_area, overlap_ratio
from ..inkblobs import blob_stats
from ..pagemodel import GrayImage, Mark, Page, Word
from ..paper import evened, otsu_ink, percentiles_of_counts
from .candidates import Candidate, InkSums, four_edges, propose, segments
from .inkrows import InkRows, inked_rows, pack

__all__ = ["RasterSettings", "detect_raster", "words_outside_marks"]


# Tokens that look like a box to OCR; a square under one of these may well be a real checkbox.
_BOX_LIKE = frozenset({"o", "O", "0", "D", "x", "X", "□", "☐", "☒", "☑", "[]", "[", "]", "El"})


@dataclass(frozen=True, slots=True)
class RasterSettings:
    min_side_mm: float = 2.0
    max_side_mm: float = 7.5  # larger squares are table cells or frames
    max_aspect: float = 1.3
    edge_coverage: float = 0.8  # share of a side that must be ink (broken scans lose some)
    max_overrun: float = 0.35  # a border continuing this far (× side) past a corner is a rule
    max_surround_ink: float = 0.3  # ink share around a box; more means a drawing or map
    tick_threshold: float = 0.045  # ink share inside the box above which it is ticked
    ambiguous_band: float = 0.02  # |share - threshold| below this is flagged ambiguous
    speck_mm: float = 0.3  # ink blobs inside the box smaller than this square are noise


@dataclass(frozen=True, slots=True)
class _Box:
    x0: int
    y0: int
    x1: int  # exclusive
    y1: int
    thickness: int  # the border's, in pixels

    @property
    def side(self) -> int:
        return min(self.x1 - self.x0, self.y1 - self.y0)


def detect_raster(page: Page, settings: RasterSettings | None = None,
                  binary: GrayImage | None = None) -> list[Mark]:
    """Checkbox marks found in ``page.image`` (frame points); [] for pages without an image.
    ``binary`` is ``binarise(page.image)`` when the caller has it already."""
    if page.image is None:
        return []
    s = settings or RasterSettings()
    scale = page.image_scale
    lo, hi = _side_range(page.words, scale, s)
    gray = page.image
    binary = binarise(gray) if binary is None else binary
    # Horizontal strokes and the sides' ink sums need only the rows with ink, vertical strokes
    # the rows within their reach of ink (inkrows).
    inked = inked_rows(binary)
    rows, near_rows = pack(binary, inked), pack(binary, inked, stroke_reach(lo))
    h_packed = horizontal_strokes(rows.picture, lo)
    v_packed = vertical_strokes(near_rows.picture, lo)
    h_mask, v_mask = rows.unpacked(h_packed), near_rows.unpacked(v_packed)
    candidates = propose(rows.page_boxes(segments(h_packed)),
                         near_rows.page_boxes(segments(v_packed)), lo, hi)
    boxes = drop_cells(fit_all(binary, candidates, lo, hi, s, rows), h_mask, v_mask, s)
    boxes = drop_patterns(_dedupe(drop_round(drop_faint(boxes, gray, binary), binary)), binary)
    boxes = drop_text(boxes, page.words, scale, binary)
    return [classify(gray, binary, b, scale, s) for b in boxes]


def drop_cells(boxes: list[_Box], h_mask: GrayImage, v_mask: GrayImage,
               s: RasterSettings) -> list[_Box]:
    """Drop squares that are cells of a ruled grid (their borders continue past a corner)."""
    return [b for b in boxes if not _overruns(h_mask, v_mask, b, s.max_overrun)]


def drop_faint(boxes: list[_Box], gray: GrayImage, binary: GrayImage) -> list[_Box]:
    """Drop squares drawn lighter than the page's print: grey fills, not printed boxes."""
    if not boxes:
        return boxes
    darkest = _darkest_border(gray, binary)
    return [b for b in boxes if _border_level(gray, binary, b) <= darkest]


def _side_range(words: tuple[Word, ...], scale: float,
                s: RasterSettings) -> tuple[int, int]:
    """Box side limits in pixels: millimetre bounds, widened for large print."""
    px_per_mm = scale * 72 / 25.4
    lo, hi = s.min_side_mm * px_per_mm, s.max_side_mm * px_per_mm
    heights = [w.bbox.height * scale for w in words if len(w.text) >= 3]
    if len(heights) >= 10:
        text = statistics.median(heights)  # ascender to descender of the body text
        lo = min(max(lo, 0.45 * text), 3.0 * px_per_mm)
        hi = max(hi, 2.2 * text)
    return max(6, round(lo)), round(hi)


_LIGHTEST_INK = 215.0  # grey level: the cap on Otsu's threshold


def binarise(gray: GrayImage) -> GrayImage:
    """Ink = 255. Uneven light is divided out first; Otsu adapts to light scans; the cap keeps
    paper texture out on empty pages. No smoothing: it closes the gap between a heavy tick and
    its box's border, and the box is lost."""
    flat = evened(gray)
    otsu, ink = otsu_ink(flat)  # OCR's rules have thresholded the same picture: shared, read-only
    if otsu <= _LIGHTEST_INK:
        return ink
    _, binary = cv2.threshold(flat, _LIGHTEST_INK, 255, cv2.THRESH_BINARY_INV)
    return np.asarray(binary, dtype=np.uint8)


def horizontal_strokes(binary: GrayImage, min_side: int) -> GrayImage:
    """Horizontal strokes at least ~half a box side long (small gaps bridged): line mask, one
    row at a time (so the ink rows alone give the page's, see :mod:`.inkrows`)."""
    return _strokes(binary, min_side, horizontal=True)


def vertical_strokes(binary: GrayImage, min_side: int) -> GrayImage:
    """Vertical strokes at least ~half a box side long (small gaps bridged)."""
    return _strokes(binary, min_side, horizontal=False)


def stroke_reach(min_side: int) -> int:
    """How far a stroke mask looks along its direction: its gap bridging and its run."""
    length, gap = _stroke_sizes(min_side)
    return length + gap


def _stroke_sizes(min_side: int) -> tuple[int, int]:
    return max(5, round(0.55 * min_side)), max(2, min_side // 10)


def _strokes(binary: GrayImage, min_side: int, horizontal: bool) -> GrayImage:
    length, gap = _stroke_sizes(min_side)
    bridge, run = ((1, gap), (1, length)) if horizontal else ((gap, 1), (length, 1))
    closed = cv2.morphologyEx(binary, cv2.MORPH_CLOSE, np.ones(bridge, np.uint8))
    return np.asarray(cv2.morphologyEx(closed, cv2.MORPH_OPEN, np.ones(run, np.uint8)), dtype=np.uint8)


def fit_all(binary: GrayImage, candidates: list[Candidate] | npt.NDArray[np.int64], lo: int, hi: int,
            s: RasterSettings, rows: InkRows | None = None) -> list[_Box]:
    """``fit`` of every candidate, the boxes in the candidates' order: the sides are snapped for
    all at once (``four_edges``, one integral image), and only the squares of box size and shape
    among them get the per-box looks. ``rows`` is ``binary``'s ink rows when the caller has them.
    Of ``_free_standing``'s tests, those that count ink in rectangles are made for all these
    squares at once on the same integral image; the sides' cover for the squares that pass."""
    sums = InkSums.of(binary, rows)
    edges = four_edges(binary, candidates, s.edge_coverage, sums)
    w, h = edges.right - edges.left, edges.bottom - edges.top
    short, long = np.minimum(w, h), np.maximum(w, h)
    sized = edges.found & (lo <= short) & (long <= hi) & ~(long > s.max_aspect * short)
    left, top, right, bottom, thickness = (column[sized] for column in (
        edges.left, edges.top, edges.right, edges.bottom, edges.thickness))
    plain = _stands_plain(sums, left, top, right, bottom, thickness, s).tolist()
    boxes = (_Box(*values) for values, ok in zip(zip(
        left.tolist(), top.tolist(), right.tolist(), bottom.tolist(), thickness.tolist(), strict=True),
        plain, strict=True) if ok)
    return [box for box in boxes if _sides_covered(binary, box, s.edge_coverage)]


def _stands_plain(sums: InkSums, x0: npt.NDArray[np.int64], y0: npt.NDArray[np.int64],
                  x1: npt.NDArray[np.int64], y1: npt.NDArray[np.int64],
                  thickness: npt.NDArray[np.int64], s: RasterSettings) -> npt.NDArray[np.bool_]:
    """``_corners_inked``, ``_surround_ink`` and ``_sides_buried`` of many squares at once, as
    those compute them (the same rectangles, counts and comparisons)."""
    img_h, img_w = sums.shape
    count = sums.count
    side = np.minimum(x1 - x0, y1 - y0)
    c = np.maximum(3, np.minimum(thickness, side // 6))  # _corners_inked
    need = 0.25 * (c * c)
    corners = ((count(x0, y0, x0 + c, y0 + c) >= need) & (count(x1 - c, y0, x1, y0 + c) >= need)
               & (count(x0, y1 - c, x0 + c, y1) >= need) & (count(x1 - c, y1 - c, x1, y1) >= need))
    pad = np.maximum(2, side // 4)  # _surround_ink
    oy0, oy1 = np.maximum(0, y0 - pad), np.minimum(img_h, y1 + pad)
    ox0, ox1 = np.maximum(0, x0 - pad), np.minimum(img_w, x1 + pad)
    ring = (oy1 - oy0) * (ox1 - ox0) - (y1 - y0) * (x1 - x0)
    around = (count(ox0, oy0, ox1, oy1) - count(x0, y0, x1, y1)) / np.maximum(1, ring)
    w = np.maximum(2, thickness)  # _sides_buried
    my, mx = (y1 - y0) // 5, (x1 - x0) // 5
    buried = np.zeros(x0.size, dtype=np.int64)
    for sx0, sy0, sx1, sy1 in ((np.maximum(0, x0 - w), y0 + my, x0, y1 - my),
                               (x1, y0 + my, np.minimum(img_w, x1 + w), y1 - my),
                               (x0 + mx, np.maximum(0, y0 - w), x1 - mx, y0),
                               (x0 + mx, y1, x1 - mx, np.minimum(img_h, y1 + w))):
        size = (sy1 - sy0) * (sx1 - sx0)
        buried += (size > 0) & (count(sx0, sy0, sx1, sy1) >= 0.5 * size)
    return np.asarray(corners & ~(around > s.max_surround_ink) & ~(buried >= 3), dtype=bool)


# The stage for one candidate, as plainly as it reads: fit, _free_standing and the looks they
# make (_edge, _profile, _corners_inked, _surround_ink, _sides_buried). detect_raster runs
# fit_all, which asks the same of all candidates at once and is held to this by the tests.


def fit(binary: GrayImage, cand: Candidate, lo: int, hi: int,
        s: RasterSettings) -> _Box | None:
    """Snap a candidate to four inked sides; None if it is not a free-standing square."""
    x0, y0, x1, y1 = cand
    img_h, img_w = binary.shape
    slack = max(2, (x1 - x0) // 6)
    if x0 - slack < 0 or y0 - slack < 0 or x1 + slack > img_w or y1 + slack > img_h:
        return None
    edges = []
    for side in ("left", "right", "top", "bottom"):  # stop at the first side without a line
        edge = _edge(binary, side, x0, y0, x1, y1, slack, s.edge_coverage)
        if edge is None:
            return None
        edges.append(edge)
    left, right, top, bottom = edges
    box = _Box(left[0], top[0], right[0], bottom[0],
               max(left[1], right[1], top[1], bottom[1]))
    w, h = box.x1 - box.x0, box.y1 - box.y0
    if not (lo <= min(w, h) and max(w, h) <= hi) or max(w, h) > s.max_aspect * min(w, h):
        return None
    return box if _free_standing(binary, box, s) else None


def _free_standing(binary: GrayImage, box: _Box, s: RasterSettings) -> bool:
    """Full sides, square corners, paper around it and not buried inside a filled shape."""
    if not _sides_covered(binary, box, s.edge_coverage) or not _corners_inked(binary, box):
        return False
    return not (_surround_ink(binary, box) > s.max_surround_ink or _sides_buried(binary, box) >= 3)


def _profile(binary: GrayImage, side: str, x0: int, y0: int, x1: int, y1: int,
             slack: int) -> tuple[npt.NDArray[np.float64], int]:
    """Ink coverage of each line parallel to ``side`` near it (outermost first), and its origin."""
    if side in ("left", "right"):
        start = x0 - slack if side == "left" else x1 - 1 - slack
        band = binary[y0:y1, start:start + 2 * slack + 1]
        return np.count_nonzero(band, axis=0) / max(1, y1 - y0), start
    start = y0 - slack if side == "top" else y1 - 1 - slack
    band = binary[start:start + 2 * slack + 1, x0:x1]
    return np.count_nonzero(band, axis=1) / max(1, x1 - x0), start


def _edge(binary: GrayImage, side: str, x0: int, y0: int, x1: int, y1: int, slack: int,
          coverage: float) -> tuple[int, int] | None:
    """(outer position, thickness) of an inked line parallel to ``side``, or None."""
    inset = max(1, (x1 - x0) // 8)  # measure away from the corners, where neighbours touch
    if side in ("left", "right"):
        prof, start = _profile(binary, side, x0, y0 + inset, x1, y1 - inset, slack)
    else:
        prof, start = _profile(binary, side, x0 + inset, y0, x1 - inset, y1, slack)
    strong = np.nonzero(prof >= coverage)[0]
    if strong.size == 0:
        return None
    outward_first = side in ("left", "top")
    idx = int(strong[0]) if outward_first else int(strong[-1])
    step = 1 if outward_first else -1
    thick = 1
    while 0 <= idx + step * thick < prof.size and prof[idx + step * thick] >= 0.5:
        thick += 1
    pos = start + idx
    return (pos, thick) if outward_first else (pos + 1, thick)


def _sides_covered(binary: GrayImage, box: _Box, coverage: float) -> bool:
    """Each side, over its full length, lies within the border band of ink."""
    t = max(2, box.thickness + 1)
    region = binary[box.y0:box.y1, box.x0:box.x1] > 0
    sides = (region[:, :t].any(axis=1), region[:, -t:].any(axis=1),
             region[:t, :].any(axis=0), region[-t:, :].any(axis=0))
    return all(_share(side) >= coverage for side in sides)


def _share(flags: npt.NDArray[np.bool_] | np.bool_) -> float:
    """``float(flags.mean())`` to the bit (both divide the exact count once), without the cost
    of numpy's mean machinery on these short runs, looked at thousands of times per page."""
    return np.count_nonzero(flags) / flags.size


def _darkest_border(gray: GrayImage, binary: GrayImage) -> float:
    """The lightest grey a printed border may have: half-way from the page's text ink to its
    paper. Grey fills of maps and shaded cells are lighter and so are no boxes."""
    ink, paper = _sample_counts(gray, binary)
    if not ink.any() or not paper.any():
        return 255.0
    ink_level = percentiles_of_counts(ink, (2,))[0]  # the darkest strokes (text), not grey fills
    paper_level = percentiles_of_counts(paper, (90,))[0]
    return ink_level + 0.5 * (paper_level - ink_level)


def _sample_counts(gray: GrayImage, binary: GrayImage) -> tuple[npt.NDArray[np.int64],
                                                                  npt.NDArray[np.int64]]:
    """How many pixels of each grey level are ink, and how many paper, among every third pixel
    of every third row (``binary`` is 0 or 255).

    Counted in place, in one pass: seen three pixels at a time, every third row is a picture
    of three channels whose first channel is the sample (a view, nothing copied out); a last
    column the threes do not reach is counted on its own."""
    width = gray.shape[1] // 3 * 3

    def threes(image: GrayImage) -> GrayImage:
        rows = image[::3, :width]
        return rows.reshape(rows.shape[0], width // 3, 3)

    counts = np.zeros((256, 2), dtype=np.int64)
    if width:
        # Two bins for the ink's channel: 0 (paper) and 255 (ink).
        both = cv2.calcHist([threes(gray), threes(binary)], [0, 3], None, [256, 2], [0, 256, 0, 256])
        counts += np.asarray(both, dtype=np.float32).astype(np.int64)  # exact below 2**24
    if width < gray.shape[1]:
        column, inked = gray[::3, width], binary[::3, width] > 0
        counts[:, 1] += np.bincount(column[inked], minlength=256)
        counts[:, 0] += np.bincount(column[~inked], minlength=256)
    return counts[:, 1], counts[:, 0]


def _border_level(gray: GrayImage, binary: GrayImage, box: _Box) -> float:
    """Median grey of the box's inked pixels along its four sides."""
    t = max(2, box.thickness)
    region = gray[box.y0:box.y1, box.x0:box.x1]
    inked = binary[box.y0:box.y1, box.x0:box.x1] > 0
    band = np.zeros(region.shape, dtype=bool)
    band[:t, :] = band[-t:, :] = True
    band[:, :t] = band[:, -t:] = True
    values = region[band & inked]
    return float(np.median(values)) if values.size else 255.0


def _sides_buried(binary: GrayImage, box: _Box) -> int:
    """How many sides have ink right outside them: a square fitted inside a filled disc or blob
    has four, a real box at most one or two (a letter touching it, a tick running out)."""
    w = max(2, box.thickness)
    my, mx = (box.y1 - box.y0) // 5, (box.x1 - box.x0) // 5
    img_h, img_w = binary.shape
    strips = (binary[box.y0 + my:box.y1 - my, max(0, box.x0 - w):box.x0],
              binary[box.y0 + my:box.y1 - my, box.x1:min(img_w, box.x1 + w)],
              binary[max(0, box.y0 - w):box.y0, box.x0 + mx:box.x1 - mx],
              binary[box.y1:min(img_h, box.y1 + w), box.x0 + mx:box.x1 - mx])
    return sum(1 for strip in strips
               if strip.size and np.count_nonzero(strip) >= 0.5 * strip.size)


def _surround_ink(binary: GrayImage, box: _Box) -> float:
    """Ink share in a ring around the box: a printed box stands on paper, not in a drawing."""
    pad = max(2, box.side // 4)
    img_h, img_w = binary.shape
    y0, y1 = max(0, box.y0 - pad), min(img_h, box.y1 + pad)
    x0, x1 = max(0, box.x0 - pad), min(img_w, box.x1 + pad)
    outer = int(np.count_nonzero(binary[y0:y1, x0:x1]))
    inner = int(np.count_nonzero(binary[box.y0:box.y1, box.x0:box.x1]))
    ring_area = (y1 - y0) * (x1 - x0) - (box.y1 - box.y0) * (box.x1 - box.x0)
    return float((outer - inner) / max(1, ring_area))


def _corners_inked(binary: GrayImage, box: _Box) -> bool:
    """Printed boxes have sharp corners; loops of letters and digits ("O", "D", "9") do not."""
    # At most a sixth of the side: thick or filled shapes must still have square corners.
    c = max(3, min(box.thickness, box.side // 6))
    corners = (binary[box.y0:box.y0 + c, box.x0:box.x0 + c],
               binary[box.y0:box.y0 + c, box.x1 - c:box.x1],
               binary[box.y1 - c:box.y1, box.x0:box.x0 + c],
               binary[box.y1 - c:box.y1, box.x1 - c:box.x1])
    # Rounded corners (▢, some form fonts) still ink part of the corner; a letter loop inks none.
    return all(np.count_nonzero(part) >= 0.25 * part.size for part in corners)


def _overruns(h_mask: GrayImage, v_mask: GrayImage, box: _Box, max_overrun: float) -> bool:
    """True when a border line runs on past a corner: the square is a cell of a ruled grid.

    Looked for in the line masks, so a thick pen stroke leaving the box is no "line".
    """
    reach = max(3, round(max_overrun * box.side))
    t = box.thickness
    h, v = h_mask, v_mask
    # Looked at from the box's outer edge on: a rule runs on without a gap, while text stacked
    # close above or beside a box ("Laut Beschlussvorschlag:" over it) is a stroke apart. With a
    # heavy border the thickness must not shorten the look to nothing.
    checks = (
        h[box.y0:box.y0 + t, box.x1 + 1:box.x1 + reach],  # top edge, to the right
        h[box.y0:box.y0 + t, max(0, box.x0 - reach):box.x0 - 1],  # top edge, to the left
        h[box.y1 - t:box.y1, box.x1 + 1:box.x1 + reach],
        h[box.y1 - t:box.y1, max(0, box.x0 - reach):box.x0 - 1],
        v[max(0, box.y0 - reach):box.y0 - 1, box.x0:box.x0 + t],  # left edge, upwards
        v[box.y1 + 1:box.y1 + reach, box.x0:box.x0 + t],
        v[max(0, box.y0 - reach):box.y0 - 1, box.x1 - t:box.x1],
        v[box.y1 + 1:box.y1 + reach, box.x1 - t:box.x1],
    )
    for i, part in enumerate(checks):
        if part.size == 0 or min(part.shape) == 0:
            continue
        along = part.any(axis=0) if i < 4 else part.any(axis=1)
        if _share(along) >= 0.9 and along.size >= reach - 2:
            return True
    return False


def _dedupe(boxes: list[_Box]) -> list[_Box]:
    """One box per place: proposals from several runs find the same square."""
    kept: list[tuple[_Box, BBox]] = []  # with its box, made once
    for b in sorted(boxes, key=lambda b: (b.x1 - b.x0) * (b.y1 - b.y0), reverse=True):
        bb = _bbox(b, 1.0)
        if not any(overlap_ratio(bb, k) > 0.5 for _, k in kept):
            kept.append((b, bb))
    return [b for b, _ in kept]


def drop_round(boxes: list[_Box], binary: GrayImage) -> list[_Box]:
    """Drop discs and rings: a printed box has ink in its corners, a punched hole or a stamp's
    circle has paper there (the light of a fax or a faded scan can still square them off)."""
    def cornered(b: _Box) -> bool:
        k = max(2, b.side // 6)
        cx, cy = (b.x0 + b.x1 - k) // 2, (b.y0 + b.y1 - k) // 2
        corners = (binary[b.y0:b.y0 + k, b.x0:b.x0 + k], binary[b.y0:b.y0 + k, b.x1 - k:b.x1],
                   binary[b.y1 - k:b.y1, b.x0:b.x0 + k], binary[b.y1 - k:b.y1, b.x1 - k:b.x1])
        edges = (binary[b.y0:b.y0 + k, cx:cx + k], binary[b.y1 - k:b.y1, cx:cx + k],
                 binary[cy:cy + k, b.x0:b.x0 + k], binary[cy:cy + k, b.x1 - k:b.x1])
        corner = sum(float(np.count_nonzero(c)) for c in corners)
        edge = sum(float(np.count_nonzero(e)) for e in edges)
        return corner >= 0.6 * edge

    return [b for b in boxes if cornered(b)]


def drop_patterns(boxes: list[_Box], binary: GrayImage | None = None) -> list[_Box]:
    """Drop tight clusters of squares: logos (a grid of blocks) and patterns, not a form.

    Checkboxes stand apart, separated by their labels; squares packed closer than half a side
    to two or more neighbours form a pattern. The neighbours are the boxes found and, in the
    ``binary`` picture, solid squares of the same size (a logo's inner blocks fit no box).
    """
    def close(a: _Box, b: _Box) -> bool:
        gap = 0.5 * min(a.side, b.side)
        dx = max(a.x0, b.x0) - min(a.x1, b.x1)
        dy = max(a.y0, b.y0) - min(a.y1, b.y1)
        return (dx <= gap and dy < 0) or (dy <= gap and dx < 0)

    crowded = {i for i, a in enumerate(boxes)
               if sum(close(a, b) for j, b in enumerate(boxes) if j != i) >= 2
               or (binary is not None and _solid_neighbours(binary, a) >= 2)}
    # Their close neighbours belong to the same pattern, even at its edge.
    members = crowded | {j for i in crowded for j, b in enumerate(boxes) if close(boxes[i], b)}
    return [b for i, b in enumerate(boxes) if i not in members]


def _solid_neighbours(binary: GrayImage, box: _Box) -> int:
    """Solid squares of the box's size within half a side of it (a logo's blocks; letters are
    neither square nor solid)."""
    side = box.side
    reach = side + side // 2
    img_h, img_w = binary.shape
    x0, y0 = max(0, box.x0 - reach), max(0, box.y0 - reach)
    x1, y1 = min(img_w, box.x1 + reach), min(img_h, box.y1 + reach)
    labels, stats = blob_stats(binary[y0:y1, x0:x1])
    own = labels[(box.y0 + box.y1) // 2 - y0, (box.x0 + box.x1) // 2 - x0]
    n = 0
    for i, (x, y, w, h, area) in enumerate(stats.tolist(), start=1):
        if i == own or not (0.7 * side <= min(w, h) and max(w, h) <= 1.3 * side) or area < 0.6 * w * h:
            continue
        gap_x = max(box.x0 - (x0 + x + w), x0 + x - box.x1)
        gap_y = max(box.y0 - (y0 + y + h), y0 + y - box.y1)
        n += max(gap_x, gap_y) <= side // 2
    return n


def _bbox(box: _Box, scale: float) -> BBox:
    return BBox(box.x0 / scale, box.y0 / scale, box.x1 / scale, box.y1 / scale)


def drop_text(boxes: list[_Box], words: tuple[Word, ...], scale: float,
              binary: GrayImage | None = None) -> list[_Box]:
    """Drop squares that are letters of confidently read words ("D" of "Dr.", "O" of "HOOD").

    A word OCR made of the box alone ("O", "Ü", "[]") does not count: that is how tesseract
    reads many real checkboxes; nor does a word OCR ran from a box into its label ("Xnein",
    "_ja"): a space's gap parts the box from the next letter, where a word's letters stand close.
    """
    if not boxes:
        return boxes
    edges = _word_edges(words)

    def is_letter(box: _Box) -> bool:
        bb = _bbox(box, scale)
        for w in _words_near(words, edges, bb):  # the others pass every test below
            text = w.text.strip()
            alnum = sum(c.isalnum() for c in text)
            if _sure_letter(w, text) and intersection_area(w.bbox, bb) >= 0.5 * bb.area:
                return True  # "B" of "Grundsteuer B 380": its bowls closed into a square
            if alnum < 2 or alnum < 0.6 * len(text) or text in _BOX_LIKE:
                continue
            if not (contains(w.bbox, bb, tol=0.2 * bb.width) and bb.width < 0.8 * w.bbox.width):
                continue
            if w.confidence >= 0.8:
                return not (binary is not None and _opens_word(w, bb) and _spaced_from_text(binary, box))
            # A word OCR was unsure of: still a letter where it is taller than wide and letters
            # follow it closely ("Brauereigelände" of a faded fax, its "B" closed into a box).
            if binary is not None and alnum >= 5 and w.bbox.x1 - bb.x1 > 2 * bb.width \
                    and bb.width < 0.85 * bb.height and not _spaced_from_text(binary, box):
                return True
        return False

    return [b for b in boxes if not is_letter(b)]


def _word_edges(words: tuple[Word, ...]) -> npt.NDArray[np.float64]:
    """The words' x0, top, x1 and bottom as four rows."""
    return np.array([(w.bbox.x0, w.bbox.top, w.bbox.x1, w.bbox.bottom) for w in words],
                    dtype=np.float64).reshape(-1, 4).T


def _words_near(words: tuple[Word, ...], edges: npt.NDArray[np.float64], bb: BBox) -> list[Word]:
    """The words, in order, that may tell ``bb`` for a letter: drop_text's tests need a word's
    box over it, or around it within a fifth of its width; a point's margin more here. One
    array test per box instead of a Python loop over the page's words."""
    reach = 0.2 * bb.width + 1.0
    x0, top, x1, bottom = edges
    close = (x0 - reach <= bb.x1) & (x1 + reach >= bb.x0) & (top - reach <= bb.bottom) \
        & (bottom + reach >= bb.top)
    return [words[i] for i in np.flatnonzero(close).tolist()]


def _sure_letter(word: Word, text: str) -> bool:
    """A word of one letter or digit read with confidence ("B", a written count "6"), and no
    reading OCR gives a box ("O", "0", "Ü")."""
    core = text.strip(".,;:()")
    return (len(core) == 1 and core.isalnum() and core not in _BOX_LIKE and core not in _BOX_LETTERS
            and word.confidence >= 0.9)


_BOX_LETTERS = frozenset("ÜÖÄUüöäuLlIJ")


def _opens_word(word: Word, box: BBox) -> bool:
    """The box is the word's first character, read as a box would be ("X", "_", "["), and
    a lower-case word follows ("Xnein", "_ja"); OCR is less sure of such a word than of a real
    one ("Die": 0.97)."""
    text = word.text.strip()
    rest = text[1:].lstrip("]|)")
    return (word.confidence < 0.92 and box.x0 - word.bbox.x0 < 0.5 * box.width
            and text[:1] in _OPENING_READINGS
            and len(rest) >= 2 and rest.isalpha() and rest.islower())


# Not "D" or "O": a capital's loop closed into a square starts many a real word ("Oswald").
_OPENING_READINGS = frozenset("_[|(Xx")


def _spaced_from_text(binary: GrayImage, box: _Box) -> bool:
    """A space's width of (nearly) blank columns right of the box, then ink: the box stands
    before its label, where a word's letters stand close together. A tick running out of the
    box crosses the gap as a thin stroke: a quarter of the height inked is still a gap."""
    gap = max(2, round(0.2 * box.side))
    top, bottom = box.y0 + box.thickness, box.y1 - box.thickness
    strip = binary[top:bottom, box.x1 + 1:box.x1 + 1 + gap]
    after = binary[top:bottom, box.x1 + 1 + gap:box.x1 + 1 + gap + box.side]
    if strip.shape[1] != gap or not after.any():
        return False
    return bool((np.count_nonzero(strip, axis=0) <= 0.25 * strip.shape[0]).all())


def classify(gray: GrayImage, binary: GrayImage, box: _Box, scale: float,
             s: RasterSettings) -> Mark:
    """Ticked or empty by the ink share inside the border, with a confidence from the margin."""
    share = _inside_ink(gray, binary, box, scale, s)
    checked = share >= s.tick_threshold
    if checked:
        conf = 0.5 + 0.5 * min(1.0, (share - s.tick_threshold) / s.tick_threshold)
    else:
        conf = 0.5 + 0.5 * min(1.0, (s.tick_threshold - share) / (0.6 * s.tick_threshold))
    ambiguous = abs(share - s.tick_threshold) < s.ambiguous_band
    return Mark(bbox=_bbox(box, scale), checked=checked, confidence=round(conf, 3),
                source="raster", ambiguous=ambiguous)


def _inside_ink(gray: GrayImage, binary: GrayImage, box: _Box, scale: float,
                s: RasterSettings) -> float:
    # Erode inward by the border thickness plus a blur margin, so the border never counts.
    inset = box.thickness + max(1, round(0.06 * box.side))
    inner_gray = gray[box.y0 + inset:box.y1 - inset, box.x0 + inset:box.x1 - inset]
    if inner_gray.size == 0:
        return 0.0
    border = gray[box.y0:box.y1, box.x0:box.x1][binary[box.y0:box.y1, box.x0:box.x1] > 0]
    ink_level = float(np.median(border)) if border.size else 0.0
    paper = _paper_level(gray, box)
    # Half-way between the paper around this box and its printed border: adapts to light
    # scans; a filled box stays dark against the paper outside it.
    threshold = (paper + ink_level) / 2 if paper - ink_level > 40 else paper - 20
    ink = (inner_gray < threshold).astype(np.uint8)
    _labels, stats = blob_stats(ink)
    speck = (s.speck_mm * scale * 72 / 25.4) ** 2
    area = sum(int(a) for a in stats[:, cv2.CC_STAT_AREA] if a >= speck)
    return area / inner_gray.size


def _paper_level(gray: GrayImage, box: _Box) -> float:
    """The paper's grey level in a ring just outside the box (bright percentile: text-proof)."""
    pad = max(3, box.side // 3)
    img_h, img_w = gray.shape
    y0, y1 = max(0, box.y0 - pad), min(img_h, box.y1 + pad)
    x0, x1 = max(0, box.x0 - pad), min(img_w, box.x1 + pad)
    ring = gray[y0:y1, x0:x1].copy()
    ring[box.y0 - y0:box.y1 - y0, box.x0 - x0:box.x1 - x0] = 0  # mask the box itself
    values = ring[ring > 0]
    return float(np.percentile(values, 90)) if values.size else 255.0


def words_outside_marks(words: tuple[Word, ...], marks: list[Mark]) -> tuple[Word, ...]:
    """The words minus OCR's readings of the printed boxes themselves.

    Tesseract reads a printed square as "[J", "LI]", "L_]", "[_]", "|", "O" or "Ü"; left in
    the page's words, these end up inside labels and field values. A word goes when at least
    half of it lies on a raster mark (a third for one- to three-character tokens).
    """
    if not marks:
        return words

    def on_a_box(word: Word) -> bool:
        area = word.bbox.area
        if area <= 0:
            return False
        share = max(intersection_area(word.bbox, m.bbox) for m in marks) / area
        return share >= (0.3 if len(word.text) <= 3 else 0.5)

    return tuple(w for w in words if not on_a_box(w))
