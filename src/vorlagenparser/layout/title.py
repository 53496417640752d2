"""Stage 10, title: the document's kind (Vorlagenart), its subject where no label names it, and
text under no heading between the title and the first section.

The kind is the largest-printed title in the upper first page that names one; a Betreff without
a label is the title's own words ("Antrag zur …") or the first bold block after the header
labels, with its "hier:" line. Text between the Betreff and the next heading is the proposal
(before the result block or the Begründung) or the reasons (before the proposal).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..pagemodel import Word
from .document import Doc, Found
from .normalize import join_lines, key, strip_label_punct
from .pairs import LabelHit, Pairs
from .sections import Boundaries, paragraphs
from .text import Line, Phrase

_TOP_SHARE = 0.55  # the kind of document is printed in the upper half of its first page
_HIER = re.compile(r"^\s*hier\s*:", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Title:
    art: Found
    line: Line
    rest: str  # the title's words after the Vorlagenart ("Antrag: <rest>")


@dataclass(frozen=True, slots=True)
class TitleParts:
    fields: dict[str, Found]  # vorlagenart, betreff, and untitled beschlussvorschlag/begruendung
    title_line: int | None


def read_title(doc: Doc, bounds: Boundaries, pairs: Pairs, known: dict[str, Found],
               heading_lines: frozenset[int]) -> TitleParts:
    """``known`` are the fields found so far (labels, sections): only the missing ones are sought."""
    used = {(p.hit.line.index, p.hit.phrase_index) for p in pairs.pairs} | {(i, 0) for i in heading_lines}
    title = find_vorlagenart(doc, used)
    out: dict[str, Found] = {}
    if "vorlagenart" not in known:
        if title is not None:
            out["vorlagenart"] = title.art
        else:
            art = art_from_number_label(doc, [h for h in pairs.labels if h.name == "vorlagennummer"])
            if art is not None:
                out["vorlagenart"] = art
    if "vorlagennummer" not in known and title is not None:
        number = _number_under_title(doc, title)
        if number is not None:
            out["vorlagennummer"] = number
    betreff = known.get("betreff")
    if betreff is None:
        if title is not None and title.rest:
            betreff = title_betreff(doc, bounds, title)
        if betreff is None and doc.profile.betreff_from_bold_block:
            after = max([h.line.index for h in pairs.labels if h.line.page == 1 and h.name != "betreff"
                         and h.line.index not in bounds.covered] + ([title.line.index] if title else []),
                        default=-1)
            betreff = bold_betreff(doc, bounds, after)
        if betreff is not None:
            out["betreff"] = betreff
    if betreff is not None and not {"beschlussvorschlag", "begruendung"} <= known.keys():
        art = known.get("vorlagenart") or out.get("vorlagenart")
        out.update(_untitled_text(doc, bounds, betreff, known, art))
    for name, rule in doc.profile.fields.items():
        if name not in known and name not in out and rule.value_pattern:
            found = letterhead_value(doc, bounds, rule.value_pattern)
            if found is not None:
                out[name] = found
    return TitleParts(out, title.line.index if title else None)


# "Nr. 95/214", "Nr.: 2024/117": the number printed with the kind, under or after it.
_NUMBER = re.compile(r"^Nr\.?\s*:?\s*(?P<id>[A-Z]{0,4}[\s/-]?\d[\w/.-]*\d\w*)$")


def _number_under_title(doc: Doc, title: Title) -> Found | None:
    """The kind's own number, printed right after it ("Beschlussvorlage Nr. 95/214") or on the
    line under it."""
    candidates = [title.rest] if title.rest else []
    below = doc.lines[title.line.index + 1] if title.line.index + 1 < len(doc.lines) else None
    if below is not None and below.page == title.line.page \
            and below.bbox.top - title.line.bbox.bottom < 1.5 * doc.line_height(title.line):
        candidates.append(below.phrases[0].text)
    for text in candidates:
        m = _NUMBER.match(text.strip())
        if m is not None:
            under = below is not None and text == below.phrases[0].text
            where = below.phrases[0] if under and below is not None else title.line.phrases[0]
            return doc.found([where], doc.identifier(m.group("id"), where.page))
    return None


def find_vorlagenart(doc: Doc, label_phrases: set[tuple[int, int]]) -> Title | None:
    """The document kind: the largest-printed title in the upper first page that names one."""
    vocab = doc.vocab.arten
    page = doc.page(1)
    candidates: list[tuple[float, int, Title]] = []
    for line in doc.lines:
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
            printed = " ".join(w.text for w in head).rstrip(":")
            # A title set in capitals ("AMTSBERICHT") names the kind as the vocabulary spells it.
            if printed.isupper():
                printed = vocab.whole(printed) or printed
            art = printed + _purpose(doc, line, rest_words)
            rest = " ".join(w.text for w in rest_words)
            size = max(w.bbox.height for w in head) + (1.0 if all(w.bold for w in head) else 0.0)
            title = Title(doc.found([Phrase(phrase.page, head)], art), line, strip_label_punct(rest))
            candidates.append((size, -line.index, title))
    return max(candidates, key=lambda c: (c[0], c[1]))[2] if candidates else None


# "Vorlage – zur Beschlussfassung –", "Mitteilung zur Kenntnisnahme": the kind names its purpose.
_PURPOSE = re.compile(r"^[–—-]?\s*zur\s+[A-ZÄÖÜ]\w+\s*[–—-]?$")


def _purpose(doc: Doc, line: Line, rest: tuple[Word, ...]) -> str:
    """The purpose printed on the line under a bare kind, as part of the kind."""
    if rest or line.index + 1 >= len(doc.lines):
        return ""
    nxt = doc.lines[line.index + 1]
    if nxt.page != line.page or nxt.bbox.top - line.bbox.bottom > 1.5 * doc.line_height(line):
        return ""
    return f" {nxt.text.strip()}" if _PURPOSE.match(nxt.text.strip()) else ""


def letterhead_value(doc: Doc, bounds: Boundaries, pattern: str) -> Found | None:
    """An unlabelled letterhead phrase ("Abteilung Bau- und Raumordnung") of a known shape."""
    regex = re.compile(pattern)
    page = doc.page(1)
    top = [ln for ln in doc.lines if ln.page == 1 and ln.bbox.top <= page.height * 0.3
           and not bounds.stops(ln.index)]
    # A unit named in several words ("Abteilung Bau- und Raumordnung") before one in one word.
    for single in (False, True):
        for line in top:
            for phrase in line.phrases:
                text = phrase.text.strip(" -–")
                one_word = single and _UNIT_WORD.match(text) is not None
                if regex.search(text) and (len(phrase.words) >= 2 or one_word):
                    return doc.found([phrase], text)
    return None


# One word naming an office of the administration ("Stadtbauamt", "- Hauptamt -"), not the
# authority that heads the letter ("Landratsamt", "Bezirksamt").
_UNIT_WORD = re.compile(r"^(?!Landratsamt|Bezirksamt|Kreisamt|Stadtamt|Gemeindeamt|Marktgemeindeamt)"
                        r"[A-ZÄÖÜ][a-zäöüß]{2,}amt$")


def art_from_number_label(doc: Doc, hits: list[LabelHit]) -> Found | None:
    """"Drucksache Nr. 0540/2023" names the kind in its number label when no title does."""
    arts = {key(a): a for a in doc.profile.vorlagenarten}
    for hit in hits:
        first = hit.label.words[0]
        if key(first.text) in arts and len(hit.label.words) > 1:
            return doc.found([Phrase(hit.label.page, (first,))], first.text.rstrip(":"))
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


def title_betreff(doc: Doc, bounds: Boundaries, title: Title) -> Found | None:
    """A letter's title line ("Antrag zur Erweiterung …") and its wrapped continuation."""
    lines = [title.line, *_continuation(doc, bounds, title.line)]
    if title.rest and title.line.text.split(" ", 1)[0].rstrip().endswith(":"):
        texts = [title.rest, *[ln.text for ln in lines[1:]]]
    else:
        texts = [ln.text for ln in lines]
    text = join_lines(texts)
    if len(text.split()) < 2:
        return None
    return doc.found([p for ln in lines for p in ln.phrases], text)


def bold_betreff(doc: Doc, bounds: Boundaries, after: int) -> Found | None:
    """The first bold block after the header labels, before any section (Frankenthal style)."""
    for line in doc.lines:
        if line.index <= after or line.page != 1:
            continue
        kind = bounds.kind(line.index)
        if kind.startswith(("field", "signature")) or kind == "section:beratungsfolge" \
                or line.index in bounds.covered:
            continue  # still in the letterhead, the header labels or a header table
        if bounds.stops(line.index):
            return None
        if all(p.bold for p in line.phrases) and len(line.text) > 8:
            block = [line, *_continuation(doc, bounds, line, bold=True)]
            return doc.found([p for ln in block for p in ln.phrases], join_lines([ln.text for ln in block]))
    return None


def _continuation(doc: Doc, bounds: Boundaries, first: Line, bold: bool = False) -> list[Line]:
    """A title's wrapped lines (alike in print) and its "hier:" line (whatever its print)."""
    out: list[Line] = []
    prev = first
    for line in doc.after(first):
        if line.page != first.page or bounds.stops(line.index):
            break
        if line.bbox.top - prev.bbox.bottom > 0.7 * doc.line_height(line):
            break
        hier = bool(_HIER.match(line.text)) or (bool(out) and bool(_HIER.match(out[-1].text)) and
                                                 all(p.bold == out[-1].bold for p in line.phrases))
        if not hier:
            if bold and not all(p.bold for p in line.phrases):
                break
            if not bold and abs(line.bbox.height - first.bbox.height) > 2.5:
                break
        out.append(line)
        prev = line
    return out


def _untitled_text(doc: Doc, bounds: Boundaries, betreff: Found, known: dict[str, Found],
                   art: Found | None) -> dict[str, Found]:
    """Text between the Betreff and the next heading, under no heading of its own: before the
    Beratungsergebnis or Begründung it is the proposal; before the proposal, its reasons."""
    start = max((ln.index for ln in doc.lines if ln.page == betreff.page
                 and ln.bbox.top <= betreff.bbox.bottom - 1), default=None)
    if start is None:
        return {}
    body: list[Line] = []
    target = None
    for line in doc.lines[start + 1:]:
        kind = bounds.kind(line.index)
        if kind or line.index in bounds.covered:
            if kind in ("section:beratungsergebnis", "section:begruendung") or line.index in bounds.covered:
                target = "beschlussvorschlag"
            elif kind == "section:beschlussvorschlag":
                target = "begruendung"
            break
        body.append(line)
    if target is None or target in known or not body:
        return {}
    if target == "beschlussvorschlag":
        if art is not None and key(str(art.value)) in {key(a) for a in doc.profile.no_proposal}:
            return {}  # an Anfrage asks; its numbered questions are no proposal
        if doc.vocab.is_salutation(body[0].text):
            return {}  # a letter's opening, not a proposal
        if not doc.profile.beschlussvorschlag_after_betreff and len(body) >= 40:
            return {}  # forty lines without a heading are no proposal
    text = paragraphs(doc, body)
    return {target: doc.found([p for ln in body for p in ln.phrases], text)} if text else {}
