"""Stage 0b, typed marks: boxes printed as letters right before a box label.

Typewriters and plain-text exports print options as "O öffentlich", "(x) einstimmig",
"( ) vertagt"; OCR reads a typed "[ ]" as "Ei", "LI", "[" or "2]". A token like that, set
before a known checkbox label at the start of a line or after a gap, is a box: ticked when it
shows a cross. Where the text cannot say whether a garbled box was ticked, the mark is flagged
ambiguous rather than guessed with confidence. The tokens become marks and leave the words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..geometry import BBox
from ..pagemodel import Mark, Page, Word
from ..profiles.model import Profile
from .document import Vocabularies
from .text import group_lines
from .vocab import Vocabulary

_EMPTY = frozenset({"O", "o", "0", "○", "◯", "◦", "()", "( )", "[]", "[ ]"})
_TICKED = frozenset({"(x)", "(X)", "(×)", "⊗", "⊠", "⊕", "[x]", "[X]"})
# OCR's readings of a typed box: brackets, bars and letters that look like them.
_GARBLED = re.compile(r"^(?=.*[\[\](){}|])[\[\](){}|lI1JLEiP2xX]{1,3}$|^(?:Ei|EP|El|LI|IJ|L\]|Li)$")
_COUNTS = frozenset({"ja_stimmen", "nein_stimmen", "enthaltungen"})  # "0 Nein-Stimmen" is a count
_OCR_TICKED = frozenset({"Ø", "ø", "®", "©", "@", "&", "%", "8", "X", "x", "K", "*", "Q"})
_BOX_TOKENS = _EMPTY | _TICKED  # the tokens that print a box on a text page (see _state)


def typed_marks(pages: Sequence[Page], marks: Sequence[Sequence[Mark]],
                profile: Profile) -> tuple[tuple[Page, ...], tuple[tuple[Mark, ...], ...]]:
    vocab = Vocabularies.of(profile).checkboxes
    out_pages, out_marks = [], []
    for page, found in zip(pages, marks, strict=True):
        new, drop = _page_marks(page, found, vocab)
        out_pages.append(
            replace(page, words=tuple(w for w in page.words if id(w) not in drop)) if drop else page
        )
        out_marks.append(tuple(sorted((*found, *new), key=lambda m: (round(m.bbox.top), m.bbox.x0))))
    return tuple(out_pages), tuple(out_marks)


def _page_marks(page: Page, found: Sequence[Mark], vocab: Vocabulary) -> tuple[list[Mark], set[int]]:
    new: list[Mark] = []
    drop: set[int] = set()
    ocr = page.method == "ocr"
    if not _prints_a_box(page.words, ocr):
        return new, drop  # no word prints a box: the page's lines need not be formed
    for row in group_lines(page.words):
        for i, word in enumerate(row[:-1]):
            if not ocr and word.text not in _BOX_TOKENS:
                continue  # (what _state says of it, without the call: most words)
            state = _state(word.text, ocr)
            if state is None or not _starts_option(row, i):
                continue
            label = row[i + 1]
            gap = label.bbox.x0 - word.bbox.x1
            hit = vocab.prefix(row[i + 1:])
            if not 0 <= gap <= 2.0 * max(word.bbox.height, 4.0) or hit is None or hit.name in _COUNTS:
                continue
            box = _square(word.bbox)
            if any(_overlaps(m.bbox, box) for m in (*found, *new)):
                continue
            checked, ambiguous = state
            conf = 0.5 if ambiguous else (0.75 if ocr else 0.9)
            new.append(Mark(bbox=box, checked=checked, confidence=conf, source="glyph", ambiguous=ambiguous))
            drop.add(id(word))
    return new, drop


def _prints_a_box(words: Sequence[Word], ocr: bool) -> bool:
    """Some word's ``_state`` is not None: on a text page only a box's own token has one, looked
    up in one pass over the texts."""
    if not ocr:
        return not _BOX_TOKENS.isdisjoint(w.text for w in words)
    return any(_state(w.text, ocr) is not None for w in words)


def _state(text: str, ocr: bool) -> tuple[bool, bool] | None:
    """(ticked, ambiguous) for a token that prints a box, else None."""
    if text in _EMPTY:
        return False, False
    if text in _TICKED:
        return True, False
    if ocr and text in _OCR_TICKED:
        return True, True
    if ocr and _GARBLED.match(text):
        return "x" in text.lower(), True
    return None


def _starts_option(row: list[Word], i: int) -> bool:
    """The token opens an option: first on its line, or after a gap wider than a word space."""
    if i == 0:
        return True
    prev = row[i - 1]
    return row[i].bbox.x0 - prev.bbox.x1 > 1.2 * max(row[i].bbox.height, 4.0)


def _square(b: BBox) -> BBox:
    side = min(max(b.width, 0.6 * b.height), b.height)
    return BBox(b.cx - side / 2, b.cy - side / 2, b.cx + side / 2, b.cy + side / 2)


def _overlaps(a: BBox, b: BBox) -> bool:
    return not (a.x1 < b.x0 or b.x1 < a.x0 or a.bottom < b.top or b.bottom < a.top)
