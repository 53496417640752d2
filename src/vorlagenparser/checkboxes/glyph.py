"""Checkboxes printed as characters: ☐ ☑ ☒, symbol-font code points, and typed "[ ]" / "[x]".

Symbol fonts (ZapfDingbats, Wingdings) put box shapes on ordinary letters ("o", "n", "x"), so the
font name decides what a character means. Detected glyphs are removed from the words, so they do
not end up in extracted text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..geometry import BBox
from ..pagemodel import Mark, Page, Word

# Unicode box glyphs: True = ticked, False = empty.
_UNICODE: dict[str, bool] = {
    "☐": False, "□": False, "▢": False, "❏": False, "❐": False, "❑": False, "❒": False,
    "◻": False, "⬜": False, "🗆": False,
    "☑": True, "☒": True, "■": True, "▣": True, "⊠": True, "🗷": True, "🗹": True, "◼": True,
    "⬛": True,
}
# Ticks without a box around them mean a ticked box.
_TICKS = frozenset("✓✔✗✘")
_ZAPF: dict[str, bool] = {
    "o": False, "p": False, "q": False, "r": False,  # ❏ ❐ ❑ ❒
    "n": True, "3": True, "4": True, "7": True, "8": True,  # ■ ✓ ✔ ✗ ✘
}
_WINGDINGS: dict[str, bool] = {
    "o": False, "q": False, "\xa8": False,  # □ ❑ and the ballot box
    "x": True, "ý": True, "þ": True, "ü": True, "û": True, "n": True,  # ☒ ☒ ☑ ✓ ✗ ■
}
_WINGDINGS2: dict[str, bool] = {
    "\xa3": False, "*": False,
    "Q": True, "R": True, "S": True, "T": True, "P": True, "O": True, "V": True,
}
# Boxes typed as text: "[ ]", "[x]", "( )", "(X)" (a typewriter's or a text editor's form).
_TYPED = re.compile(r"^(?:\[\s*([xX✓✔✗✘]?)\s*\]|\(\s*([xX✓✔✗✘]?)\s*\))$")
_TYPED_PREFIX = re.compile(r"^(\[\s*[xX✓✔✗✘]?\s*\])(.+)$")
_CLOSING = {"[": "]", "(": ")"}
_OPENING = frozenset(_CLOSING)


@lru_cache(maxsize=256)  # asked for every word; a document has a handful of fonts
def _symbol_table(fontname: str) -> dict[str, bool] | None:
    f = fontname.lower()
    if "dingbat" in f:
        return _ZAPF
    if "wingdings2" in f.replace(" ", "").replace("-", ""):
        return _WINGDINGS2
    if "wingding" in f:
        return _WINGDINGS
    return None


# Code points that draw a tick or cross with no box around it (symbol fonts by font family).
_BARE = {"zapf": frozenset("3478"), "wingdings": frozenset("üû"), "wingdings2": frozenset("PO"), "": _TICKS}


def _is_bare(ch: str, fontname: str) -> bool:
    """A tick or cross without a box: in a table cell it ticks the column; alone it is no box."""
    code = ord(ch)
    if 0xF020 <= code <= 0xF0FF:
        ch = chr(code - 0xF000)
    f = fontname.lower().replace(" ", "").replace("-", "")
    family = (
        "zapf"
        if "dingbat" in f
        else "wingdings2"
        if "wingdings2" in f
        else "wingdings"
        if "wingding" in f
        else ""
    )
    return ch in _BARE[family]


def _glyph_state(ch: str, fontname: str) -> bool | None:
    code = ord(ch)
    if 0xF020 <= code <= 0xF0FF:  # symbol fonts mapped into the private use area
        ch = chr(code - 0xF000)
    table = _symbol_table(fontname)
    if table is not None:
        return table.get(ch)
    if ch in _UNICODE:
        return _UNICODE[ch]
    if ch in _TICKS:
        return True
    return None


# OCR reads a typed "[ ]" as "[", "J", "1]", "]J", "[_" …: brackets with at most a tick inside.
_OCR_BOX = re.compile(r"^[\[(][\s_xX✓]*[\]JIl1|)]*$")
_OCR_CLOSE = re.compile(r"^[xX✓]?[\]JIl1|)]+$")


def detect_glyphs(page: Page) -> tuple[list[Mark], tuple[Word, ...]]:
    """Return the glyph checkboxes and the page's words with those glyphs taken out."""
    ocr_marks: list[Mark] = []
    if page.method == "ocr":
        ocr_marks, remaining = _ocr_brackets(page.words)
        page = replace(page, words=remaining)
    marks, words = _detect(page)
    return ocr_marks + marks, words


def _ocr_brackets(words: tuple[Word, ...]) -> tuple[list[Mark], tuple[Word, ...]]:
    """Typed boxes as OCR splits them: "[" + "J", "[x" + "]", "[_]"."""
    marks: list[Mark] = []
    kept: list[Word] = []
    i = 0
    while i < len(words):
        w = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else None
        if nxt is not None and w.text in ("[", "(", "[x", "[X", "(x", "(X") and _OCR_CLOSE.match(nxt.text) \
                and _close(w.bbox, nxt.bbox, reach=2.2):  # typewriter "[ ]" keeps a space inside
            box = BBox(w.bbox.x0, min(w.bbox.top, nxt.bbox.top), nxt.bbox.x1,
                       max(w.bbox.bottom, nxt.bbox.bottom))
            ticked = "x" in (w.text + nxt.text).lower() or "✓" in w.text + nxt.text
            marks.append(Mark(bbox=box, checked=ticked, confidence=0.8, source="glyph"))
            i += 2
            continue
        if len(w.text) >= 2 and _OCR_BOX.match(w.text):
            ticked = "x" in w.text.lower() or "✓" in w.text
            marks.append(Mark(bbox=w.bbox, checked=ticked, confidence=0.8, source="glyph"))
        else:
            kept.append(w)
        i += 1
    return marks, tuple(kept)


def _detect(page: Page) -> tuple[list[Mark], tuple[Word, ...]]:
    marks: list[Mark] = []
    words: list[Word] = []
    pending: Word | None = None  # a lone "[" waiting for its "]"
    for word in page.words:
        if pending is not None:
            if word.text == _CLOSING[pending.text] and _close(pending.bbox, word.bbox):
                box = BBox(pending.bbox.x0, min(pending.bbox.top, word.bbox.top), word.bbox.x1,
                           max(pending.bbox.bottom, word.bbox.bottom))
                marks.append(Mark(bbox=box, checked=False, confidence=0.9, source="glyph"))
                pending = None
                continue
            words.append(pending)
            pending = None
        if word.text in _CLOSING:
            pending = word
            continue
        found, rest = _split_word(word)
        marks.extend(found)
        if rest is not None:
            words.append(rest)
    if pending is not None:
        words.append(pending)
    return marks, tuple(words)


def _close(a: BBox, b: BBox, reach: float = 1.2) -> bool:
    return abs(a.cy - b.cy) < a.height * 0.5 and 0 <= b.x0 - a.x1 < a.height * reach


def _split_word(word: Word) -> tuple[list[Mark], Word | None]:
    text = word.text
    typed = text[:1] in _OPENING  # both typed forms open with a bracket: most words skip them
    m = _TYPED.match(text) if typed else None
    if m:
        ticked = bool(m.group(1) or m.group(2))
        return [Mark(bbox=word.bbox, checked=ticked, confidence=0.9, source="glyph")], None
    m = _TYPED_PREFIX.match(text) if typed else None
    if m:
        head = m.group(1)
        box, rest = _cut(word, len(head))
        return [Mark(bbox=box, checked=bool(head.strip("[] ")), confidence=0.9, source="glyph")], rest
    state = _glyph_state(text[0], word.fontname) if text else None
    if state is None:
        return [], word
    if len(text) == 1:
        return [Mark(bbox=_square(word.bbox), checked=state, confidence=0.95, source="glyph",
                     framed=not _is_bare(text, word.fontname))], None
    states = [_glyph_state(c, word.fontname) for c in text]
    if None not in states and word.bbox.width <= 1.5 * word.bbox.height:
        # Glyphs printed over each other (a box, then a tick on top): one box, ticked if any is.
        return [Mark(bbox=_square(word.bbox), checked=any(states), confidence=0.95, source="glyph")], None
    if _symbol_table(word.fontname) is not None:
        return [], word  # several symbol characters in a row: a decoration, not a box
    box, rest = _cut(word, 1)
    return [Mark(bbox=_square(box), checked=state, confidence=0.95, source="glyph")], rest


def _cut(word: Word, n: int) -> tuple[BBox, Word]:
    """Split a word after n characters, sharing its width in proportion to the characters."""
    b = word.bbox
    x = b.x0 + b.width * n / max(len(word.text), 1)
    rest = Word(text=word.text[n:].lstrip(), bbox=BBox(x, b.top, b.x1, b.bottom),
                fontname=word.fontname, size=word.size, bold=word.bold, confidence=word.confidence)
    return BBox(b.x0, b.top, x, b.bottom), rest


def _square(b: BBox) -> BBox:
    """A glyph's box is its line height; the visible square is about as wide as the glyph.

    Some fonts give box glyphs no advance width; the square then starts at the glyph origin.
    """
    if b.width < 0.3 * b.height:
        side = 0.7 * b.height
        return BBox(b.x0, b.cy - side / 2, b.x0 + side, b.cy + side / 2)
    side = min(b.width, b.height)
    return BBox(b.cx - side / 2, b.cy - side / 2, b.cx + side / 2, b.cy + side / 2)
