"""Integers and vote counts as printed: "12", "12 Stimmen", "1.234", "keine", "–".

Nothing here raises on bad input; text that is not clearly one number gives None.
"""

from __future__ import annotations

import re
from typing import Final

_NUMBER_WORDS: Final[dict[str, int]] = {
    "keine": 0, "kein": 0, "null": 0,
    "eine": 1, "ein": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
    "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12,
}

# One-to-one folding: dashes and the minus sign to "-", exotic spaces to " ".
_FOLD: Final = str.maketrans({
    **dict.fromkeys("‐‑‒–—―−", "-"),
    **dict.fromkeys("\u00a0\u2007\u2009\u202f", " "),
})
_PLAIN_INT = re.compile(r"[+-]?[0-9]+")
# German thousands grouping: "1.234", "1 234", "1.234.567"; "12.3" stays ambiguous.
_GROUPED_INT = re.compile(r"[+-]?[0-9]{1,3}(?:([. ])[0-9]{3})(?:\1[0-9]{3})*")
# Cells meaning "nothing recorded": empty, dashes, "./.", "x".
_BLANK = re.compile(r"[\s\-./x]*", re.IGNORECASE)
_LEADING_COUNT = re.compile(r"(?P<number>[0-9]{1,6})(?P<rest>.*)", re.DOTALL)
_LEADING_WORD = re.compile(r"(?P<word>[^\W\d_]+)(?P<rest>.*)", re.DOTALL)
_TRAILING: Final = " \t\n\r\f\v.,;:!?"


def parse_int(text: str) -> int | None:
    """A whole integer, optionally signed or with German thousands separators; else None."""
    folded = text.translate(_FOLD).strip()
    if _PLAIN_INT.fullmatch(folded) is None and _GROUPED_INT.fullmatch(folded) is None:
        return None
    try:
        return int(folded.replace(".", "").replace(" ", ""))
    except ValueError:  # more digits than int() accepts from a string
        return None


def parse_count(text: str) -> int | None:
    """A vote count from a table cell: "12", "12 Stimmen", "keine" → 0; blank or "–" → None.

    A count followed by words is accepted; a second number ("12 3", "12/3", "12,5") makes the
    cell ambiguous, so it gives None rather than a guess.
    """
    # Write-in lines ("__9__", "….12") surround a handwritten or typed count.
    folded = text.translate(_FOLD).strip().strip("_.…").strip().rstrip(_TRAILING)
    if _BLANK.fullmatch(folded):
        return None
    match = _LEADING_COUNT.fullmatch(folded)
    if match:
        return _unless_more_digits(int(match.group("number")), match.group("rest"))
    word = _LEADING_WORD.fullmatch(folded.casefold())
    if word and word.group("word") in _NUMBER_WORDS:
        return _unless_more_digits(_NUMBER_WORDS[word.group("word")], word.group("rest"))
    return None


def _unless_more_digits(value: int, rest: str) -> int | None:
    return None if re.search(r"[0-9]", rest) else value
