"""The document's kind (Vorlagenart) and, where no label names it, its title (Betreff)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..pagemodel import Word
from .context import Context, Found
from .fields import LabelHit
from .lines import Line, Phrase
from .normalize import join_lines, key, strip_label_punct
from .vocab import Vocabulary

_TOP_SHARE = 0.55  # the kind of document is printed in the upper half of its first page


@dataclass(frozen=True, slots=True)
class Title:
    art: Found
    line: Line
    rest: str  # the title's words after the Vorlagenart ("Antrag: <rest>")


def find_vorlagenart(ctx: Context, label_phrases: set[tuple[int, int]]) -> Title | None:
    """The document kind: the largest-printed title in the upper first page that names one."""
    vocab = Vocabulary({a: [a] for a in ctx.profile.vorlagenarten})
    page = ctx.page(1)
    candidates: list[tuple[float, int, Title]] = []
    for line in ctx.lines:
        if line.page != 1 or line.bbox.top > page.height * _TOP_SHARE:
            break
        for pi, phrase in enumerate(line.phrases[:2]):
            if (line.index, pi) in label_phrases:
                continue
            phrase = _unspaced(phrase)
            hit = vocab.prefix(phrase.words)
            if hit is None or phrase.words[hit.nwords - 1].text.endswith(("-", "/")):
                continue
            rest_words = phrase.words[hit.nwords:]
            if rest_words and not _title_like(rest_words[0].text, hit.strong):
                continue
            head = phrase.words[:hit.nwords]
            art = " ".join(w.text for w in head).rstrip(":")
            rest = " ".join(w.text for w in rest_words)
            size = max(w.bbox.height for w in head) + (1.0 if all(w.bold for w in head) else 0.0)
            title = Title(ctx.found([Phrase(phrase.page, head)], art), line, strip_label_punct(rest))
            candidates.append((size, -line.index, title))
    return max(candidates, key=lambda c: (c[0], c[1]))[2] if candidates else None


def letterhead_value(ctx: Context, pattern: str) -> Found | None:
    """An unlabelled letterhead phrase ("Abteilung Bau- und Raumordnung") of a known shape."""
    regex = re.compile(pattern)
    page = ctx.page(1)
    for line in ctx.lines:
        if line.page != 1 or line.bbox.top > page.height * 0.3:
            break
        if ctx.is_boundary(line):
            continue
        for phrase in line.phrases:
            if regex.search(phrase.text) and len(phrase.words) >= 2:
                return ctx.found([phrase], phrase.text)
    return None


def art_from_number_label(ctx: Context, hits: list[LabelHit]) -> Found | None:
    """"Drucksache Nr. 0540/2023" names the kind in its number label when no title does."""
    arts = {key(a): a for a in ctx.profile.vorlagenarten}
    for hit in hits:
        first = hit.label.words[0]
        if key(first.text) in arts and len(hit.label.words) > 1:
            return ctx.found([Phrase(hit.label.page, (first,))], first.text.rstrip(":"))
    return None


def _unspaced(phrase: Phrase) -> Phrase:
    """Letter-spaced titles ("B e s c h l u ß v o r l a g e") as the one word they are."""
    words = phrase.words
    if len(words) < 4 or any(len(w.text) != 1 for w in words):
        return phrase
    joined = Word(text="".join(w.text for w in words), bbox=phrase.bbox, fontname=words[0].fontname,
                  size=words[0].size, bold=words[0].bold, confidence=min(w.confidence for w in words))
    return Phrase(phrase.page, (joined,))


def _title_like(next_word: str, colon: bool) -> bool:
    """"Antrag: X", "Antrag zur …", "Antrag der Fraktion …" — not "Vorlage-Nr." or a sentence."""
    return colon or next_word.lower() in {"zur", "zum", "zu", "der", "des", "die", "betreffend",
                                          "betr.", "über", "auf", "für", "nach", "gemäß", "vom", "von",
                                          "an", "aus"}


def title_betreff(ctx: Context, title: Title) -> Found | None:
    """A letter's title line ("Antrag zur Erweiterung …") and its wrapped continuation."""
    lines = [title.line, *_continuation(ctx, title.line)]
    if title.rest and title.line.text.split(" ", 1)[0].rstrip().endswith(":"):
        texts = [title.rest, *[ln.text for ln in lines[1:]]]
    else:
        texts = [ln.text for ln in lines]
    text = join_lines(texts)
    if len(text.split()) < 2:
        return None
    return ctx.found([p for ln in lines for p in ln.phrases], text)


def bold_betreff(ctx: Context, after: int) -> Found | None:
    """The first bold block after the header labels, before any section (Frankenthal style)."""
    for line in ctx.lines:
        if line.index <= after or line.page != 1:
            continue
        kind = ctx.boundaries.get(line.index, "")
        if kind.startswith(("field", "signature")) or kind == "section:beratungsfolge":
            continue  # still in the letterhead and header labels
        if ctx.is_boundary(line):
            return None
        if all(p.bold for p in line.phrases) and len(line.text) > 8:
            block = [line, *_continuation(ctx, line, bold=True)]
            return ctx.found([p for ln in block for p in ln.phrases],
                             join_lines([ln.text for ln in block]))
    return None


def _continuation(ctx: Context, first: Line, bold: bool = False) -> list[Line]:
    out: list[Line] = []
    prev = first
    for line in ctx.lines_after(first):
        if line.page != first.page or ctx.is_boundary(line):
            break
        if line.bbox.top - prev.bbox.bottom > 0.7 * ctx.line_height(line):
            break
        if bold and not all(p.bold for p in line.phrases):
            break
        if not bold and abs(line.bbox.height - first.bbox.height) > 2.5:
            break
        out.append(line)
        prev = line
    return out
