"""Label vocabularies: find which field a phrase (or its first words) names."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from rapidfuzz.distance import Levenshtein

from ..pagemodel import Word
from .normalize import key

_MAX_LABEL_WORDS = 7
# Texts whose near-miss label (or fuzzy or prefix label) is remembered: a vocabulary serves every
# document read with its profile, so over a long batch a memo is emptied when full rather than left
# to grow.
_NEAR_MEMO = 20_000
# prefix() keeps fewer: its keys hold up to eight words' texts (about 400 bytes an entry), and a
# document asks a few hundred; some documents' worth stays, about 1 MB a vocabulary at most.
_PREFIX_MEMO = 2048
_K = TypeVar("_K")
_A = TypeVar("_A")
_V = TypeVar("_V")
_MISSING: Any = object()  # no memo holds it


def _recall(memo: dict[_K, _V], k: _K, limit: int, work: Callable[[_A], _V], arg: _A) -> _V:
    """``memo[k]``, worked out as ``work(arg)`` the first time it is asked; a memo at its limit
    is emptied first. (One lookup when it is there, and no closure made per question: prefix()
    is asked a few hundred times a page.)"""
    found: _V = memo.get(k, _MISSING)
    if found is _MISSING:
        if len(memo) >= limit:
            memo.clear()
        found = memo[k] = work(arg)
    return found


@dataclass(frozen=True, slots=True)
class Hit:
    name: str  # the field/column/key the label stands for
    nwords: int  # how many leading words the label takes
    strong: bool  # ends with a colon, or nothing follows: certainly a label
    exact: bool  # the label key equals a vocabulary entry (not just a prefix of one)


def _ends_colon(text: str) -> bool:
    # The cheap "in" first: asked of every word of every line, and few hold a colon.
    return ":" in text and text.rstrip().endswith(":")


class Vocabulary:
    """Folded label keys → names; matching ignores case, umlaut spelling, punctuation and spaces."""

    def __init__(self, entries: Mapping[str, Sequence[str]]) -> None:
        self._keys: dict[str, str] = {}
        # Keys whose labels are all capitalised: a lower-case occurrence is running text.
        self._capital: dict[str, bool] = {}
        for name, labels in entries.items():
            for label in labels:
                k = key(label)
                self._keys.setdefault(k, name)
                self._capital[k] = self._capital.get(k, True) and not label[:1].islower()
        self._keys.pop("", None)
        self._prefix_keys = sorted((k for k in self._keys if len(k) >= 5), key=len, reverse=True)
        # The near search compares a text only with entries of about its length: by length,
        # each in _prefix_keys order (so the first hit is the one the full scan would find).
        self._by_length: dict[int, list[str]] = {}
        for entry in self._prefix_keys:
            self._by_length.setdefault(len(entry), []).append(entry)
        self._sorted = sorted(self._keys)  # the entries beginning with a text are neighbours here
        # Every beginning of an entry ("" too, when there is one): whether a label begins with a
        # text is one set lookup (asked per word of every line), not a search of _sorted.
        self._heads = frozenset(k[:n] for k in self._keys for n in range(len(k) + 1))
        # Where each entry stands in _prefix_keys: the first of several hits in that order wins.
        self._rank = {entry: i for i, entry in enumerate(self._prefix_keys)}
        self._near: dict[str, str | None] = {}  # the edit-distance search is costly: once per key
        # prefix() by the texts of the words it reads: stages ask the same phrase again (with
        # the same vocabulary), and every document of a kind prints the same labels.
        self._prefix_memo: dict[tuple[str, ...], Hit | None] = {}
        self._fuzzy_memo: dict[str, tuple[str, float] | None] = {}  # fuzzy() by the text's key

    def __bool__(self) -> bool:
        return bool(self._keys)

    def whole(self, text: str) -> str | None:
        """The name of a vocabulary entry equal to the whole text."""
        return self._keys.get(key(text))

    def fuzzy(self, text: str) -> tuple[str, float] | None:
        """Exact (1.0), text starts with a label (0.85), or a truncated label (0.7)."""
        k = key(text)
        if not k:
            return None
        # A box's candidate labels ask for the same few texts again and again (the devset's
        # digital pages: 1141 questions, 191 keys), and the search below reads every entry.
        return _recall(self._fuzzy_memo, k, _NEAR_MEMO, self._fuzzy, k)

    def _fuzzy(self, k: str) -> tuple[str, float] | None:
        if k in self._keys:
            return self._keys[k], 1.0
        # Each search below finds the first hit in _prefix_keys order (longest entry first) as a
        # scan over every entry would, asking only entries that can hit.
        entry = self._longest_head(k)
        if entry is not None:
            return self._keys[entry], 0.85
        if len(k) >= 6:
            entry = self._first_beginning(k)
            if entry is not None:
                return self._keys[entry], 0.7
        # "Beschluss laut Vorlage" holds the label "laut Vorlage": the longest entry inside wins.
        for n in range(len(k), 7, -1):
            for entry in self._by_length.get(n, ()):
                if entry in k:
                    return self._keys[entry], 0.75
        near = self.near(k)
        return (near, 0.8) if near is not None else None

    def _longest_head(self, k: str) -> str | None:
        """The longest entry (of five characters or more) that ``k`` starts with: of one length
        only one entry can be k's head."""
        for n in range(len(k), 4, -1):
            if k[:n] in self._rank:
                return k[:n]
        return None

    def _first_beginning(self, k: str) -> str | None:
        """The first entry in _prefix_keys order that starts with ``k`` (those are neighbours
        in sorted order)."""
        labels = self._sorted
        best: str | None = None
        for i in range(bisect.bisect_left(labels, k), len(labels)):
            entry = labels[i]
            if not entry.startswith(k):
                break
            if entry in self._rank and (best is None or self._rank[entry] < self._rank[best]):
                best = entry
        return best

    def near(self, k: str) -> str | None:
        """A long label misread by one character ("It. Beschlußvorschlag", "Aktenzeichcn")."""
        if len(k) < 8 or any(c.isdigit() for c in k):
            return None  # values carry digits; misread labels are letters
        return _recall(self._near, k, _NEAR_MEMO, self._search_near, k)

    def _search_near(self, k: str) -> str | None:
        for entry in self._of_length(len(k), 1, 8):
            if _one_edit(entry, k):
                return self._keys[entry]
        if len(k) >= 10:  # long labels stay distinctive with two misread characters ("Yenstimmig")
            for entry in self._of_length(len(k), 2, 10):
                if within_edits(k, entry, 2) and not _lacks_a_word(k, entry):
                    return self._keys[entry]
        return None

    def _of_length(self, length: int, slack: int, shortest: int) -> Iterator[str]:
        """Entries of at least ``shortest`` characters within ``slack`` of ``length``, longest
        first: the order of _prefix_keys."""
        for n in range(length + slack, max(length - slack, shortest) - 1, -1):
            yield from self._by_length.get(n, ())

    def prefix(self, words: Sequence[Word]) -> Hit | None:
        """The longest label formed by the first words (a colon may end it)."""
        # The answer depends on the texts of the first _MAX_LABEL_WORDS words and of the next one
        # (a colon after the label) and on nothing else: they are its key in the memo (fewer
        # words, a shorter key).
        texts = tuple([w.text for w in words[:_MAX_LABEL_WORDS + 1]])
        return _recall(self._prefix_memo, texts, _PREFIX_MEMO, self._prefix, words)

    def _prefix(self, words: Sequence[Word]) -> Hit | None:
        # Asked at every word of every line: the loop mostly ends at the first word's key.
        best: Hit | None = None
        head = words[:_MAX_LABEL_WORDS]
        k = ""
        for n, word in enumerate(head, start=1):
            text = word.text
            k += key(text)  # key() drops spaces: the key of the words is their keys joined
            if not self._begins(k):
                break  # no label begins so: more words cannot make one
            ends_colon = _ends_colon(text)
            name = self._keys.get(k)
            if name is not None and self._capital.get(k) and words[0].text[:1].islower():
                name = None
            if name is not None and text.rstrip().endswith("?"):
                name = None
            if name is not None:
                colon = ends_colon or (n < len(words) and words[n].text.startswith(":"))
                best = Hit(name, n, strong=colon or n == len(words), exact=True)
            if ends_colon:
                break  # a label never runs past its colon
        if best is None:
            return self._misread_prefix(head)
        if not best.strong and best.nwords < len(words) \
                and _NUMBERED_COLON.match(words[best.nwords].text):
            # "TOP 8: Bebauungsplan …": the label's own number sits before its colon.
            best = Hit(best.name, best.nwords + 1, strong=True, exact=best.exact)
        return best

    def may_begin(self, words: Sequence[Word]) -> list[bool]:
        """Per position i, whether ``prefix(words[i:])`` can find a label: a label begins with
        the word, or a colon ends it or one of the next words (a misread label). Cheaper than
        asking prefix() at every word of a line when most positions hold none."""
        flags = [False] * len(words)
        colon = len(words) + _MAX_LABEL_WORDS  # the nearest word at or after i ending in ":"
        heads = self._heads  # _ends_colon and _begins written out: asked of every word of a page
        for i in range(len(words) - 1, -1, -1):
            text = words[i].text
            if ":" in text and text.rstrip().endswith(":"):
                colon = i
            flags[i] = colon < i + _MAX_LABEL_WORDS or key(text) in heads
        return flags

    def _begins(self, k: str) -> bool:
        """Some label begins with ``k``."""
        return k in self._heads

    def _misread_prefix(self, head: Sequence[Word]) -> Hit | None:
        """A misread label still ends in its colon: "Aktenzeichcn: …"."""
        for n, word in enumerate(head, start=1):
            if _ends_colon(word.text):
                name = self.near(key(" ".join(w.text for w in head[:n])))
                return Hit(name, n, strong=True, exact=False) if name is not None else None
        return None

    def near_prefix(self, words: Sequence[Word]) -> Hit | None:
        """The longest label misread by a character or two formed by the first words
        ("einstimig" for "einstimmig"); a label never runs past its colon."""
        best: Hit | None = None
        if not words or sum(c.isalpha() for c in words[0].text) < 3:
            return None  # "IM", "[X": OCR's reading of a box, not a misread label's first word
        text = ""
        for n, word in enumerate(words[:_MAX_LABEL_WORDS], start=1):
            text = f"{text} {word.text}"
            name = self.near(key(text))
            colon = _ends_colon(word.text)
            if name is not None:
                best = Hit(name, n, strong=colon, exact=False)
            if colon:
                break
        return best

_NUMBERED_COLON = re.compile(r"^\d{1,3}(\.\d{1,3})*[a-z]?:$")


def _lacks_a_word(k: str, entry: str) -> bool:
    """The text is the label less a short word ("Beschlussvorschlag" of "lt. Beschlussvorschlag"):
    a heading, not a misread option."""
    return len(entry) - len(k) >= 2 and (entry.endswith(k) or entry.startswith(k))


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by at most one substitution, insertion or deletion."""
    if a == b:
        return True
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]


def within_edits(a: str, b: str, limit: int) -> bool:
    """Levenshtein distance of a and b is at most limit."""
    return abs(len(a) - len(b)) <= limit and Levenshtein.distance(a, b, score_cutoff=limit) <= limit
