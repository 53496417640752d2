"""Search hits with a snippet: the passage of a document that shows most of what was searched.

Computed here from the stored text rather than by each database, so SQLite and PostgreSQL show
the same snippet with the same words marked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence as Seq
from dataclasses import dataclass

from .terms import MIN_PART, Leaf, Prefix, Sequence, Stem, Token, forms, stems, tokens

WINDOW = 24  # words in a snippet: two or three lines at 80 columns
_LEAD = 4  # words shown before the first match
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class SearchHit:
    sha256: str
    output_name: str | None
    vorlagennummer: str | None
    datum: str | None
    betreff: str | None
    snippet: str
    highlights: tuple[tuple[int, int], ...]  # [start, end) of each marked word in ``snippet``


@dataclass(frozen=True, slots=True)
class _Marked:
    words: list[Token]
    leaves: list[set[int]]  # per word: the query leaves it matches


def _mark(text: str, leaves: Seq[Leaf]) -> _Marked:
    words = list(tokens(text))
    texts = [w.text for w in words]
    word_stems, word_forms = stems(texts), forms(texts)
    marks: list[set[int]] = [set() for _ in words]
    for n, leaf in enumerate(leaves):
        if isinstance(leaf, Sequence):
            size = len(leaf.stems)
            for i in range(len(words) - size + 1):
                if tuple(word_stems[i:i + size]) == leaf.stems:
                    for j in range(i, i + size):
                        marks[j].add(n)
            continue
        for i in range(len(words)):
            if _matches(leaf, word_stems[i], word_forms[i]):
                marks[i].add(n)
    return _Marked(words, marks)


def _matches(leaf: Stem | Prefix, word_stem: str, word_form: str) -> bool:
    if isinstance(leaf, Prefix):
        return word_form.startswith(leaf.form)
    return word_stem == leaf.stem or (len(leaf.stem) >= MIN_PART and leaf.stem in word_form)


def _best_window(marked: _Marked) -> tuple[tuple[int, int], int]:
    """The start word and (distinct leaves, matched words) of the best window."""
    best, best_start = (0, 0), 0
    for i, found in enumerate(marked.leaves):
        if not found:
            continue
        start = max(0, i - _LEAD)
        window = marked.leaves[start:start + WINDOW]
        score = (len(set().union(*window)), sum(bool(m) for m in window))
        if score > best:
            best, best_start = score, start
    return best, best_start


def snippet(texts: Seq[str | None], leaves: Seq[Leaf]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The best passage among ``texts`` (earlier texts win ties), with its matches marked."""
    best: tuple[tuple[int, int], int, _Marked, str] | None = None
    for text in texts:
        if not text:
            continue
        marked = _mark(text, leaves)
        score, start = _best_window(marked)
        if best is None or score > best[0]:
            best = (score, start, marked, text)
    if best is None:
        return "", ()
    _, start, marked, text = best
    return _cut(text, marked, start)


def _cut(text: str, marked: _Marked, start: int) -> tuple[str, tuple[tuple[int, int], ...]]:
    words = marked.words[start:start + WINDOW]
    if not words:
        return "", ()
    out = "… " if start > 0 else ""
    spans = []
    previous = words[0].start
    for offset, word in enumerate(words):
        out += _SPACE.sub(" ", text[previous:word.start])
        if marked.leaves[start + offset]:
            spans.append((len(out), len(out) + len(word.text)))
        out += word.text
        previous = word.end
    tail = text[previous:]
    if start + WINDOW < len(marked.words):
        out += " …"
    elif tail.strip():
        out += _SPACE.sub(" ", tail.rstrip())  # closing punctuation
    return out, tuple(spans)
