"""German word forms for search: tokens, Snowball stems, folded full forms, and the index text.

Both forms come from the Snowball German stemmer (PyStemmer), so case, ä/ae, ö/oe, ü/ue and
ß/ss are folded the same way everywhere:

- the *stem* ("Bebauungspläne" → ``bebauungsplan``, "Gebuehren" → ``gebuhr``) finds inflected
  forms;
- the *full form* is the word folded as the stemmer folds it, without suffixes removed
  ("Bebauungsplanverfahren" → ``bebauungsplanverfahren``). A stem is always a prefix of its
  word's full form, so a stem found inside a full form finds compound parts ("Verfahren" in
  "Bebauungsplanverfahren"), and a full form's start finds prefixes ("Bebauung*").

Both databases store these forms (SQLite in FTS5 tables, PostgreSQL in a tsvector and a
trigram-indexed column), so they match the same documents for the same query.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from .query import And, Node, Not, Phrase, Term

# Letters and digits; "_" is a separator as in SQLite's unicode61 tokenizer.
_TOKEN = re.compile(r"[^\W_]+")
# A stem shorter than this is matched as a whole word only: "Rat" must not find "Beratung".
MIN_PART = 3
# The stemmer only removes suffixes; a trailing digit protects every suffix, so stemming
# word + "0" yields the word folded (case, umlauts, ß) but otherwise whole.
_GUARD = "0"


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Stem:
    """A word: found by its stem, or inside a compound (stems of MIN_PART letters or more)."""

    stem: str


@dataclass(frozen=True, slots=True)
class Prefix:
    """The start of a word, as a full form."""

    form: str


@dataclass(frozen=True, slots=True)
class Sequence:
    """Whole words in this order (a quoted phrase; a quoted single word is matched whole)."""

    stems: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AllOf:
    items: tuple[Resolved, ...]


@dataclass(frozen=True, slots=True)
class AnyOf:
    items: tuple[Resolved, ...]


@dataclass(frozen=True, slots=True)
class NoneOf:
    item: Resolved


Leaf = Stem | Prefix | Sequence
Resolved = Leaf | AllOf | AnyOf | NoneOf


@dataclass(frozen=True, slots=True)
class IndexText:
    """What a document contributes to the index: stems per field and all full forms."""

    stems: dict[str, str]
    forms: str  # " form form … " with a space on both ends, so " pre" finds a word start


@cache
def _stemmer() -> Any:
    import Stemmer  # PyStemmer; imported on first use to keep the CLI's start fast

    return Stemmer.Stemmer("german")


def tokens(text: str) -> Iterator[Token]:
    for found in _TOKEN.finditer(text):
        yield Token(found.group(), found.start(), found.end())


_DIAERESIS = "\u0308"


def _plain(word: str) -> str:
    """Lower case, ligatures split, accents other than the German umlauts dropped ("Café" is
    "cafe"); the umlauts are left to the stemmer, which folds them with ae/oe/ue."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", word).casefold())
    kept = [c for i, c in enumerate(decomposed) if not unicodedata.combining(c)
            or (c == _DIAERESIS and i > 0 and decomposed[i - 1] in "aou")]
    return unicodedata.normalize("NFC", "".join(kept))


def _unmarked(word: str) -> str:
    # Snowball turns ä/ö/ü into a/o/u; anything it leaves marked (ë, ï) loses its mark too.
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def stems(words: list[str]) -> list[str]:
    return [_unmarked(s) for s in _stemmer().stemWords([_plain(w) for w in words])]


def forms(words: list[str]) -> list[str]:
    guarded = _stemmer().stemWords([_plain(w) + _GUARD for w in words])
    return [_unmarked(s[: -len(_GUARD)]) for s in guarded]


def stem(word: str) -> str:
    return stems([word])[0]


def form(word: str) -> str:
    return forms([word])[0]


def index_text(fields: Mapping[str, str | None]) -> IndexText:
    """The index entries of a document's searchable fields (None counts as empty)."""
    words = {name: [t.text for t in tokens(value or "")] for name, value in fields.items()}
    every = [word for field in words.values() for word in field]
    return IndexText(stems={name: " ".join(stems(field)) for name, field in words.items()},
                     forms=f" {' '.join(forms(every))} ")


def resolve(node: Node) -> Resolved | None:
    """The tree with words turned into stems and forms; words without letters or digits
    ("§", "–") drop out, and None means nothing searchable is left."""
    if isinstance(node, Term):
        words = [t.text for t in tokens(node.text)]
        if not words:
            return None
        if len(words) > 1:  # "BV/17/2024", "Kita-Neubau": its parts in order
            return Sequence(tuple(stems(words)))
        return Prefix(form(words[0])) if node.prefix else Stem(stem(words[0]))
    if isinstance(node, Phrase):
        words = [t.text for t in tokens(node.text)]
        return Sequence(tuple(stems(words))) if words else None
    if isinstance(node, Not):
        inner = resolve(node.item)
        return NoneOf(inner) if inner is not None else None
    items = [r for r in (resolve(item) for item in node.items) if r is not None]
    if len(items) <= 1:
        return items[0] if items else None
    return AllOf(tuple(items)) if isinstance(node, And) else AnyOf(tuple(items))


def positive_leaves(node: Resolved) -> list[Leaf]:
    """The leaves a matching document contains (not those under NOT): for ranking, snippets."""
    if isinstance(node, Stem | Prefix | Sequence):
        return [node]
    if isinstance(node, NoneOf):
        return []
    return [leaf for item in node.items for leaf in positive_leaves(item)]
