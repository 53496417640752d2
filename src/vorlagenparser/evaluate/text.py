"""Text normalisation for comparison, and similarity as 1 − character error rate (Levenshtein)."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

# Typographic variants that differ between PDF producers, OCR and hand-typed truth.
_TYPOGRAPHY: Final = str.maketrans({
    **dict.fromkeys("„“”‟«»″", '"'),
    **dict.fromkeys("‚‘’‛‹›′`´", "'"),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    "\u00ad": None,  # soft hyphen
    "ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl",
})


def normalise_text(text: str) -> str:
    """NFC, typographic quotes/dashes/ligatures folded, whitespace collapsed and stripped."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_TYPOGRAPHY).split())


# A note in brackets at the end of a printed label ("abweichender Beschluss (siehe Anlage)")
# says where to look, not which box it is.
_TRAILING_NOTE: Final = re.compile(r"\s*\([^()]*\)\s*$")


def label_key(text: str) -> str:
    """A checkbox label reduced to what identifies it: case, whitespace, hyphens (line-break
    hyphenation: "Beschl.- Vorschl."), a closing colon and a trailing bracketed note do not count."""
    folded = _TRAILING_NOTE.sub("", normalise_text(text)).casefold()
    return "".join(ch for ch in folded if not ch.isspace() and ch != "-").removesuffix(":")


def _normalise(value: object) -> object:
    if isinstance(value, str):
        return normalise_text(value) or None  # the model stores empty text as null
    return value


def _text(value: object) -> str:
    return normalise_text(value) if isinstance(value, str) else ""


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not normalise_text(value))


def text_similarity(reference: str, hypothesis: str) -> float:
    """1 − CER: edit distance relative to the reference length, clipped to [0, 1]."""
    if not reference:
        return 1.0 if not hypothesis else 0.0
    return max(0.0, 1.0 - levenshtein(reference, hypothesis) / len(reference))


def levenshtein(a: str, b: str) -> int:
    """Edit distance by Myers' bit-parallel algorithm (Hyyrö's global variant).

    One pass over ``b`` with Python integers as bit vectors as long as ``a``: linear in practice
    for page-long texts, where the textbook O(n·m) table takes seconds.
    """
    if len(a) > len(b):
        a, b = b, a  # the shorter string becomes the bit pattern
    if not a:
        return len(b)
    peq: dict[str, int] = {}
    for i, char in enumerate(a):
        peq[char] = peq.get(char, 0) | (1 << i)
    mask, top = (1 << len(a)) - 1, 1 << (len(a) - 1)
    pv, mv, score = mask, 0, len(a)
    for char in b:
        eq = peq.get(char, 0)
        xv = eq | mv
        xh = ((((eq & pv) + pv) & mask) ^ pv) | eq
        ph = (mv | ~(xh | pv)) & mask
        mh = pv & xh
        if ph & top:
            score += 1
        elif mh & top:
            score -= 1
        ph = ((ph << 1) | 1) & mask  # row 0 of the table grows by one per column
        mh = (mh << 1) & mask
        pv = (mh | ~(xv | ph)) & mask
        mv = ph & xv
    return score
