"""Text folding for label matching, and the joining of wrapped lines into text."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ſ": "s", "æ": "ae", "œ": "oe",
                       "ı": "i"})  # OCR reads a faint i-dot as the dotless ı
_NON_WORD = re.compile(r"[^0-9a-z]+")
_SPACES = re.compile(r"\s+")
# clean() keeps typographic quotes (they are part of printed titles) but drops invisible characters.
_INVISIBLE = str.maketrans({"\u00ad": "", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": ""})
# A line-end hyphen before one of these words is a real hyphen ("Haupt- und Finanzausschuss").
_KEEP_HYPHEN_BEFORE = frozenset({"und", "oder", "bzw", "sowie", "bis", "u"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, umlauts spelled out, ß → ss, punctuation to single spaces."""
    text = unicodedata.normalize("NFC", text).casefold().translate(_FOLD)
    text = unicodedata.normalize("NFKD", text)
    if not text.isascii():  # ASCII has no combining marks: most text needs no pass per character
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", text).strip()


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """fold() without spaces: "Ja-Stimmen" and "Ja Stimmen" and "JASTIMMEN" are equal."""
    return fold(text).replace(" ", "")


def clean(text: str) -> str:
    """Collapse whitespace, normalise soft hyphens and non-breaking spaces."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text).translate(_INVISIBLE)).strip()


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines with spaces; rejoin words hyphenated at a line end."""
    out = ""
    for raw in lines:
        line = clean(raw)
        if not line:
            continue
        if not out:
            out = line
            continue
        first = line.split(" ", 1)[0]
        if len(out) >= 2 and out.endswith("-") and out[-2].isalpha() and first[:1].isalpha() \
                and first.rstrip(".,;") not in _KEEP_HYPHEN_BEFORE:
            # "Verkehrs-|planung" was split by hyphenation; "Kita-|Neubau" keeps its hyphen.
            out = out[:-1] + line if first[:1].islower() else out + line
        else:
            out = f"{out} {line}"
    return out


def strip_label_punct(text: str) -> str:
    """Remove the punctuation that separates a label from its value (": ", "- ", dots)."""
    return text.strip().lstrip(":;-–—=.").strip()
