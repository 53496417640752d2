"""Stage 0, text: words → text lines → phrases (runs of words without a wide gap or a rule
between them), in reading order over the whole document, without running headers and footers."""

from __future__ import annotations

import math
import re
import statistics
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from ..geometry import BBox, horizontal_overlap, union
from ..pagemodel import Mark, Page, Word
from .columns import reading_order
from .normalize import fold
from .settings import LayoutSettings


@dataclass(frozen=True, slots=True, eq=False, init=False)  # identity: a phrase is one place on a page
class Phrase:
    page: int
    words: tuple[Word, ...]
    # Derived once: layout asks for them constantly.
    bbox: BBox = field(init=False, compare=False)
    text: str = field(init=False, compare=False)

    def __init__(self, page: int, words: tuple[Word, ...]) -> None:
        # Through the slots' setters (as BBox): a frozen dataclass's own __init__ and a
        # __post_init__ go through object.__setattr__ per field, and pages make phrases by the dozen.
        _SET_PHRASE_PAGE(self, page)
        _SET_PHRASE_WORDS(self, words)
        if len(words) == 1:  # most phrases: a word's box and text are the phrase's, as they are
            _SET_PHRASE_BBOX(self, words[0].bbox)
            _SET_PHRASE_TEXT(self, words[0].text)
            return
        _SET_PHRASE_BBOX(self, union(w.bbox for w in words))
        _SET_PHRASE_TEXT(self, " ".join(w.text for w in words))

    @property
    def bold(self) -> bool:
        """Most of its letters are bold (OCR judges boldness word by word, not always alike)."""
        total = bold = 0  # one pass, no generators: asked of most phrases by several stages
        for w in self.words:
            letters = len(w.text)
            total += letters
            if w.bold:
                bold += letters
        return bold >= 0.6 * max(total, 1)

    @property
    def confidence(self) -> float:
        return min(w.confidence for w in self.words)


@dataclass(frozen=True, slots=True, eq=False, init=False)
class Line:
    page: int
    index: int  # reading order over the whole document
    phrases: tuple[Phrase, ...]
    # The median height of its words, as build_lines measured them to part the phrases: every
    # stage that asks how tall a line is asks this.
    height: float
    bbox: BBox = field(init=False, compare=False)
    words: tuple[Word, ...] = field(init=False, compare=False)
    text: str = field(init=False, compare=False)

    def __init__(self, page: int, index: int, phrases: tuple[Phrase, ...], height: float) -> None:
        _SET_LINE_PAGE(self, page)  # the slots' setters, as in Phrase
        _SET_LINE_INDEX(self, index)
        _SET_LINE_PHRASES(self, phrases)
        _SET_LINE_HEIGHT(self, height)
        if len(phrases) == 1:  # most lines: one phrase, whose box, words and text they are
            only = phrases[0]
            _SET_LINE_BBOX(self, only.bbox)
            _SET_LINE_WORDS(self, only.words)
            _SET_LINE_TEXT(self, only.text)
            return
        _SET_LINE_BBOX(self, union(p.bbox for p in phrases))
        _SET_LINE_WORDS(self, tuple(w for p in phrases for w in p.words))
        _SET_LINE_TEXT(self, " ".join(p.text for p in phrases))

    @property
    def bold(self) -> bool:
        return all(p.bold for p in self.phrases)

    def with_index(self, index: int) -> Line:
        return Line(self.page, index, self.phrases, self.height)


_SET_PHRASE_PAGE, _SET_PHRASE_WORDS, _SET_PHRASE_BBOX, _SET_PHRASE_TEXT = (
    Phrase.__dict__[name].__set__ for name in ("page", "words", "bbox", "text"))
_SET_LINE_PAGE, _SET_LINE_INDEX, _SET_LINE_PHRASES, _SET_LINE_HEIGHT, _SET_LINE_BBOX, _SET_LINE_WORDS, \
    _SET_LINE_TEXT = (Line.__dict__[name].__set__
                      for name in ("page", "index", "phrases", "height", "bbox", "words", "text"))


def read_text(pages: Sequence[Page], marks: Sequence[Sequence[Mark]], s: LayoutSettings) -> tuple[Line, ...]:
    """The document's lines in reading order, running headers, footers and page numbers removed;
    ``Line.index`` is the position in the result."""
    lines = build_lines(pages, marks, s)
    drop = running_lines(lines, pages, s)
    # Lines before the first dropped one keep their place, and so their index and object.
    first = min(drop, default=len(lines))
    kept = (ln for ln in lines[first:] if ln.index not in drop)
    return (*lines[:first], *(ln.with_index(i) for i, ln in enumerate(kept, start=first)))


def group_lines(words: Sequence[Word], min_overlap: float = 0.5) -> list[list[Word]]:
    """Cluster words into lines by vertical overlap, each line sorted left to right."""
    # The loop runs for every word of every page (twice) and compares it with up to three rows'
    # last words: each box's edges and height are read once into lists, a row holds the indexes
    # of its words, and per row its last word and the rightmost x1 among them are kept. min()
    # and max() of two are written out as the comparisons they make (``min(a, b)`` is
    # ``b if b < a else a``: the same value, NaN included).
    boxes = [w.bbox for w in words]
    tops = [b.top for b in boxes]
    bottoms = [b.bottom for b in boxes]
    x0s = [b.x0 for b in boxes]
    heights = [bottom - top for top, bottom in zip(tops, bottoms, strict=True)]
    order = [((top + bottom) / 2, x0) for top, bottom, x0 in zip(tops, bottoms, x0s, strict=True)]  # (cy, x0)
    rows: list[list[int]] = []
    lasts: list[int] = []
    rights: list[float] = []
    for i in sorted(range(len(boxes)), key=order.__getitem__):
        top, bottom, height = tops[i], bottoms[i], heights[i]
        r = len(rows) - 1
        stop = max(r - 3, -1)
        while r > stop:
            last = lasts[r]
            low, high = bottoms[last], tops[last]  # the last word's bottom and top
            overlap = (bottom if bottom < low else low) - (top if top > high else high)
            shorter = height if height < heights[last] else heights[last]
            # Words of one line never overlap side by side: "Mit" over "Stimmenmehrheit:" in a
            # cell are two lines, however tall OCR drew their boxes. Words come left to right
            # within a line, so a word right of all the row's words overlaps none of them.
            if overlap > min_overlap * shorter and (
                    x0s[i] >= rights[r]
                    or not any(horizontal_overlap(boxes[k], boxes[i]) > 0.3 for k in rows[r])):
                rows[r].append(i)
                lasts[r] = i
                x1 = boxes[i].x1
                if x1 > rights[r]:
                    rights[r] = x1
                break
            r -= 1
        else:
            rows.append([i])
            lasts.append(i)
            x1 = boxes[i].x1
            rights.append(x1 if x1 > -math.inf else -math.inf)  # NaN overlaps nothing
    return [[words[i] for i in sorted(r, key=x0s.__getitem__)] for r in rows]


class _Splitters:
    """Vertical rules and checkboxes split phrases: text on either side belongs apart. Kept in
    order of their centre's x, as the question is always "is one between these two words?"."""

    def __init__(self, page: Page, marks: Iterable[Mark]) -> None:
        pts = [s.bbox for s in page.segments if s.is_vertical and s.bbox.height > 4]
        pts += [r.bbox for r in page.rects if r.bbox.width < 2.5 and r.bbox.height > 4]
        pts += [m.bbox for m in marks]
        # A splitter whose centre is NaN is between no words (every comparison is false).
        pts = sorted((b for b in pts if b.cx == b.cx), key=lambda b: b.cx)
        self._cxs = [b.cx for b in pts]
        self._boxes = pts

    def __bool__(self) -> bool:
        return bool(self._boxes)

    def between(self, lo: float, hi: float, cy: float) -> bool:
        """A splitter with its centre from ``lo`` to ``hi`` across, reaching ``cy`` (±2 pt)."""
        start, end = bisect_left(self._cxs, lo), bisect_right(self._cxs, hi)
        if start >= end:  # most word gaps: no splitter's centre in them
            return False
        # The x test again: bisect with a NaN bound returns every splitter.
        return any(lo <= b.cx <= hi and b.top - 2 <= cy <= b.bottom + 2
                   for b in self._boxes[start:end])

    def parts(self, a: BBox, b: BBox) -> bool:
        """``between`` the word boxes ``a`` and ``b``: from a's right edge to b's left (±0.5 pt),
        reaching their mean centre height. Asked of every pair of neighbours on a page with
        splitters, where most gaps hold no splitter's centre: the first centre from the gap's
        start on lies past its end, which tells without the second search (``bisect_right(cxs,
        hi) > start`` exactly when ``hi < cxs[start]`` does not hold, a NaN ``hi`` included) nor
        the words' centres."""
        lo, hi = a.x1 - 0.5, b.x0 + 0.5
        cxs = self._cxs
        start = bisect_left(cxs, lo)
        if start == len(cxs) or hi < cxs[start]:
            return False
        return self.between(lo, hi, (a.cy + b.cy) / 2)


def _typical_space(rows: list[list[BBox]]) -> float:
    """The page's usual gap between words of a phrase (the rows given by their words' boxes):
    wide on typewriter pages and in scans."""
    gaps = _word_gaps(rows)
    return statistics.median(gaps) if len(gaps) >= 20 else 0.0


def _word_gaps(rows: list[list[BBox]]) -> list[float]:
    """The gaps between neighbours narrower than one and a half times the left word's height
    (at least a point's)."""
    gaps = []
    for boxes in rows:  # ``1.5 * max(a.height, 1.0)`` written out: asked of every pair of words
        for a, b in pairwise(boxes):
            gap = b.x0 - a.x1
            if gap > 0:
                height = a.bottom - a.top
                if gap < 1.5 * (1.0 if height < 1.0 else height):
                    gaps.append(gap)
    return gaps


def build_lines(pages: Sequence[Page], marks: Sequence[Sequence[Mark]], s: LayoutSettings) -> list[Line]:
    out: list[Line] = []
    for page, page_marks in zip(pages, marks, strict=True):
        splitters = _Splitters(page, page_marks)
        words = [_without_overstrike(w) if "_" in w.text else w for w in page.words]
        rows = reading_order(group_lines([w for w in words if w.text], s.line_overlap), page.width)
        row_boxes = [[w.bbox for w in row] for row in rows]  # read once for both passes below
        spaced = s.phrase_gap_spaces * _typical_space(row_boxes)
        number = page.number
        for row, boxes in zip(rows, row_boxes, strict=True):
            height = _median([b.bottom - b.top for b in boxes])
            gap = max(s.phrase_gap_lines * height, spaced)
            phrases = tuple(Phrase(number, run) for run in _phrase_runs(row, boxes, splitters, gap))
            out.append(Line(number, len(out), phrases, height))
    return out


def _median(values: list[float]) -> float:
    """statistics.median of a non-empty list, value for value (the middle of the sorted values,
    or the mean of the middle two), without its checks and conversions: asked of every line."""
    values = sorted(values)
    n = len(values)
    if n % 2:
        return values[n // 2]
    return (values[n // 2 - 1] + values[n // 2]) / 2


def _phrase_runs(row: list[Word], boxes: list[BBox], splitters: _Splitters,
                 gap: float) -> list[tuple[Word, ...]]:
    """The row's words (boxed ``boxes``) in runs that no gap wider than ``gap`` and no splitter
    parts. Every pair of neighbours of every page is asked: a page without splitters asks only
    the gap."""
    words = tuple(row)  # runs are its slices (a slice of a tuple is one)
    runs: list[tuple[Word, ...]] = []
    start = 0
    parts = splitters.parts if splitters else None
    for k, (a, b) in enumerate(pairwise(boxes), start=1):
        if b.x0 - a.x1 > gap or (parts is not None and parts(a, b)):
            runs.append(words[start:k])
            start = k
    runs.append(words[start:])
    return runs


def _without_overstrike(word: Word) -> Word:
    """Typewriter underlining: every letter overstruck with "_", which the text layer interleaves
    ("B_e_g_r_ü_n_d_u_n_g_:"). The underscores go; the word is the letters."""
    text = word.text
    if text.count("_") < 3 or "__" in text:
        return word
    letters = text.replace("_", "")
    if len(letters) < 2 or text.count("_") < 0.4 * len(text):
        return word
    return replace(word, text=letters)


# A document number: digits with a slash or dash, five characters or more ("22/12922", "VO/2023/1").
_ID = re.compile(r"(?=.*\d)(?=.*[/-])[\w/.-]{5,}")
_PAGE_NUMBER = re.compile(
    r"^(?:-\s*\d+\s*-|seite\s*\d+(\s*(von|/)\s*\d+)?|\d+\s*(/|von)\s*\d+|\d+|page\s*\d+.*)$")


def _is_id(text: str) -> bool:
    """A document number is written in the text (``_ID``)."""
    # Most words hold no slash or dash, and the regex's lookaheads read on from every letter
    # of the word before it fails.
    return ("/" in text or "-" in text) and _ID.search(text) is not None


# "Anlage 2", "Anlage 1 zur Beschlussvorlage …", "Anhang A", "Beilage II": the page's own title,
# not an item of an Anlagen list ("Anlage 1: Lageplan", "1. Anlage …").
_ANNOUNCE = re.compile(r"^(?:Anlage|Anhang|Beilage)\s+(?:Nr\.\s*)?(?:\d{1,2}[a-z]?|[IVX]{1,4}|[A-H])"
                       r"(?:\s+(?:zu|zur|zum)\b.*)?$")


def announces_attachment(text: str) -> bool:
    """The line names its page an Anlage of the Vorlage ("Anlage 1 zur Sitzungsvorlage …")."""
    return _ANNOUNCE.match(text.strip()) is not None


def running_lines(lines: Sequence[Line], pages: Sequence[Page], s: LayoutSettings) -> set[int]:
    """Indexes of running headers, footers and page numbers (repeated in the page margins)."""
    margin = s.running_margin
    heights = {p.number: p.height for p in pages}
    in_margin = [ln for ln in lines
                 if ln.bbox.bottom < heights[ln.page] * margin
                 or ln.bbox.top > heights[ln.page] * (1 - margin)]
    drop = {ln.index for ln in in_margin if _PAGE_NUMBER.match(fold(ln.text))}
    # Text repeated in the margins of several pages (digits ignored: "Seite 2", "VO/2023/1 – 3").
    shapes: dict[str, set[int]] = {}
    for ln in in_margin:
        shapes.setdefault(re.sub(r"\d+", "#", fold(ln.text)), set()).add(ln.page)
    repeated = {s for s, pgs in shapes.items() if len(pgs) >= 2}
    # The first page keeps its letterhead; later pages repeat it as a running header.
    drop |= {ln.index for ln in in_margin if ln.page > 1 and re.sub(r"\d+", "#", fold(ln.text)) in repeated}
    # Running headers and footers name the page ("Seite 2 von 3", "Ausdruck vom … / Seite 1").
    # OCR reads a page's "1" as "l" or "I" ("Seite l von 2").
    drop |= {ln.index for ln in in_margin if re.search(r"\bseite (\d+|[li|]\b)", fold(ln.text))}
    # A later page's header repeating a line of the first page ("Vorlage-Nr. VO/2022/343"), or
    # naming the document by a number of the first page ("Drucksache 22/12922 | Bürgerschaft …").
    first_page = {fold(ln.text).replace(" ", "") for ln in lines if ln.page == 1}
    drop |= {ln.index for ln in in_margin if ln.page > 1 and fold(ln.text).replace(" ", "") in first_page}
    headers = [ln for ln in in_margin if ln.page > 1 and ln.bbox.bottom < heights[ln.page] * margin]
    if headers:  # the first page's numbers are gathered only for a later page's header
        first_ids = {w.text.strip(".,;:") for ln in lines if ln.page == 1 for w in ln.words
                     if _is_id(w.text)}
        drop |= {ln.index for ln in headers if any(w.text.strip(".,;:") in first_ids for w in ln.words)}
    drop |= _repeated_in_place(lines, heights, s.running_outer)
    # A header that names its page an Anlage ("Anlage 1 zur Sitzungsvorlage Nr. 2024/0417") also
    # names the Vorlage's number, but it tells where the Vorlage ends: it stays.
    return drop - {ln.index for ln in lines
                   if ln.index in drop and ln.page > 1 and announces_attachment(ln.phrases[0].text)}


def _repeated_in_place(lines: Sequence[Line], heights: dict[int, float], outer: float) -> set[int]:
    """Footers set a little higher than the margin: the same text at the same height on two or
    more pages, in the outer part of the page."""
    spots: dict[tuple[str, int], set[int]] = {}
    outer_lines = [ln for ln in lines if ln.bbox.bottom < heights[ln.page] * outer
                   or ln.bbox.top > heights[ln.page] * (1 - outer)]
    for ln in outer_lines:
        spot = (re.sub(r"\d+", "#", fold(ln.text)), round(ln.bbox.top / 4))
        spots.setdefault(spot, set()).add(ln.page)
    return {ln.index for ln in outer_lines
            if len(spots[(re.sub(r"\d+", "#", fold(ln.text)), round(ln.bbox.top / 4))]) >= 2}
