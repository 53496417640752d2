"""Stage 2, headings: lines that open a section (Beschlussvorschlag, Begründung, Anlagen …).

A heading is a phrase that starts its line with a heading of the vocabulary (old and new
spellings, numbered "2. Begründung", wrapped over two lines in a label column), printed as a
heading: with a colon, alone, or set apart in bold. Profile patterns catch headings that vary in
the middle ("Der Gemeinderat möge beschließen:").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..geometry import horizontal_overlap, union
from ..pagemodel import Word
from .document import Doc
from .normalize import key
from .text import Line, Phrase


@dataclass(frozen=True, slots=True)
class Heading:
    name: str
    line: Line
    label: Phrase  # the heading words only
    rest: tuple[Phrase, ...]  # text printed on the heading's line after the heading
    first: Line | None = None  # a heading wrapped over two lines starts on this one
    single: bool = False  # a list item that is its own heading ("Anlage 1 – …"): no lines below

    @property
    def start(self) -> int:
        return (self.first or self.line).index


def find_headings(doc: Doc) -> tuple[Heading, ...]:
    out: list[Heading] = []
    wrapped_second: set[int] = set()
    for line in doc.lines:
        if line.index in wrapped_second:
            continue
        heading = _heading(doc, line) or _wrapped_heading(doc, line)
        if heading is None:
            continue
        out.append(heading)
        if heading.first is not None:
            wrapped_second.add(heading.line.index)
    return tuple(out)


def sibling_headings(doc: Doc, headings: tuple[Heading, ...]) -> tuple[Line, ...]:
    """Headings of no known kind numbered in the scheme of known ones ("D. Auswirkungen auf die
    Zusammenarbeit …:" after "A. Begründung:"): they end the section before them."""
    schemes = {(_scheme(h.line.phrases[0].words[0].text), round(h.line.bbox.x0 / 4))
               for h in headings if _NUMBERING.match(h.line.phrases[0].words[0].text)}
    schemes.discard((None, 0))
    known = {h.line.index for h in headings}
    out = []
    for line in doc.lines:
        words = line.phrases[0].words
        if line.index in known or not _NUMBERING.match(words[0].text) or len(line.words) > 14:
            continue
        if (_scheme(words[0].text), round(line.bbox.x0 / 4)) in schemes and \
                (line.text.rstrip().endswith(":") or line.phrases[0].bold):
            out.append(line)
    return tuple(out)


def _scheme(token: str) -> str | None:
    """"A." and "D." share a scheme, "II." and "IV.", "3." and "7."; "a)" another."""
    t = token.rstrip(".)")
    if re.fullmatch(r"[IVX]{1,4}", t):
        return "roman" + token[-1]
    if re.fullmatch(r"[A-H]", t):
        return "upper" + token[-1]
    if re.fullmatch(r"[a-h]", t):
        return "lower" + token[-1]
    if re.fullmatch(r"\d{1,2}", t):
        return "arabic" + token[-1]
    return None


def first_per_name(headings: tuple[Heading, ...]) -> dict[str, Heading]:
    out: dict[str, Heading] = {}
    for h in headings:
        out.setdefault(h.name, h)
    return out


def _heading(doc: Doc, line: Line) -> Heading | None:
    first, words, rest_phrases = _unnumbered(line)
    hit = doc.vocab.sections.prefix(words) if words else None
    if (hit is None or hit.nwords == len(words)) and rest_phrases and words:
        # OCR set the words of a bold heading far apart: "Finanzielle | Auswirkungen:".
        joined = words + rest_phrases[0].words
        longer = doc.vocab.sections.prefix(joined)
        if longer is not None and longer.nwords > len(words) and \
                ((longer.strong and longer.nwords == len(joined)) or len(rest_phrases) == 1):
            first, words, rest_phrases = Phrase(first.page, joined), joined, rest_phrases[1:]
            hit = longer
    if hit is None:
        return _pattern_heading(doc, line, first, words, rest_phrases)
    if doc.profile.sections[hit.name].list and _numbered_item(words[hit.nwords:]):
        # "Anlage 1 – Lageplan": a list item that names its own section, heading or not.
        return Heading(hit.name, line, Phrase(first.page, words[:hit.nwords]),
                       (Phrase(first.page, words), *rest_phrases), single=True)
    alone = hit.nwords == len(words)
    bold_head = all(w.bold for w in words[:hit.nwords]) and not all(w.bold for w in words)
    bold_line = first.bold and len(line.phrases) == 1 and not _title_words(words[hit.nwords:])
    if not (hit.strong or alone or bold_head or bold_line):
        return None
    head_key = key(" ".join(w.text for w in words[:hit.nwords]))
    numbered = words is not first.words or first is not line.phrases[0]  # "4. Antrag"
    if head_key in doc.vocab.colon_only and (not (words[hit.nwords - 1].text.endswith(":") or numbered)
                                             or not alone or rest_phrases):
        return None  # "Antrag:" or "4. Antrag" alone heads a section; "Antrag: Neubau …" is a title
    label = Phrase(first.page, words[:hit.nwords])
    rest_words = words[hit.nwords:]
    rest = ((Phrase(first.page, rest_words),) if rest_words else ()) + rest_phrases
    return Heading(hit.name, line, label, rest)


# A heading word followed by one of these opens a title ("Sachstand zur Unterbringung …"),
# not a section ("Sachverhalt und Begründung").
_TITLE_WORDS = frozenset(
    {
        "zur",
        "zum",
        "zu",
        "der",
        "des",
        "die",
        "das",
        "für",
        "von",
        "vom",
        "im",
        "in",
        "am",
        "an",
        "bei",
        "über",
        "einer",
        "eines",
        "eine",
        "mit",
        "nach",
        "gemäß",
        "betreffend",
    }
)


def _title_words(rest: tuple[Word, ...]) -> bool:
    return bool(rest) and rest[0].text.lower() in _TITLE_WORDS


def _pattern_heading(doc: Doc, line: Line, first: Phrase, words: tuple[Word, ...],
                     rest: tuple[Phrase, ...]) -> Heading | None:
    """A heading phrase of a profile's pattern, alone on its line."""
    if not words or rest:
        return None
    text = " ".join(w.text for w in words)
    if len(text) > 90:
        return None
    for name, patterns in doc.vocab.heading_patterns:
        if any(p.search(text) for p in patterns):
            return Heading(name, line, Phrase(first.page, words), ())
    return None


def _numbered_item(words: tuple[Word, ...]) -> bool:
    """"1 –", "2:", "3)" after "Anlage": an item, not "der Anlage 1 einschließlich …"."""
    if not words or not re.match(r"^\d+[a-z]?[:.)–-]?$", words[0].text):
        return False
    return words[0].text[-1] in ":.)–-" or (len(words) > 1 and words[1].text in ("–", "-", "—", ":"))


def _wrapped_heading(doc: Doc, line: Line) -> Heading | None:
    """A heading set in a narrow label column, wrapped over two or three lines, hyphenated or
    not: "Finanzielle" / "Auswirkungen", "Beschluss-" / "vorschlag:", "Finanzielle" /
    "Auswirkun-" / "gen:"."""
    a = line.phrases[0]
    # Set in bold, or (OCR's bold flags miss much) short pieces in a label column, the value
    # beside the first one.
    column = len(line.phrases) > 1 and len(a.words) <= 2
    if not a.bold and not column:
        return None
    parts = [line]
    for nxt in doc.lines[line.index + 1:line.index + 3]:
        b = nxt.phrases[0]
        above = parts[-1].phrases[0]
        if nxt.page != line.page or horizontal_overlap(b.bbox, a.bbox) <= 0.5 \
                or not (b.bold if a.bold else len(b.words) <= 2) \
                or b.bbox.top - above.bbox.bottom > 1.2 * doc.line_height(line):
            break
        parts.append(nxt)
        words = _dehyphenated([w for p in parts for w in p.phrases[0].words])
        hit = doc.vocab.sections.prefix(words)
        if hit is not None and hit.nwords == len(words):
            rest = tuple(ph for p in parts for ph in p.phrases[1:])
            return Heading(hit.name, nxt, Phrase(a.page, tuple(words)), rest, first=line)
    return None


def _dehyphenated(words: list[Word]) -> list[Word]:
    """Words broken at a line end joined again: "Auswirkun-" + "gen:" → "Auswirkungen:"."""
    out: list[Word] = []
    for w in words:
        prev = out[-1] if out else None
        if prev is not None and prev.text.endswith("-") and w.text[:1].islower():
            out[-1] = replace(prev, text=prev.text[:-1] + w.text, bbox=union((prev.bbox, w.bbox)))
        else:
            out.append(w)
    return out


# "1.", "2.3", "II.", "b)": numbering before a heading ("3. Petitum", "II. Begründung").
_NUMBERING = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[IVX]{1,4}[.)]|[A-Ha-h][.)])$")


def _unnumbered(line: Line) -> tuple[Phrase, tuple[Word, ...], tuple[Phrase, ...]]:
    """The line's first phrase without a leading section number, and the phrases after it."""
    first = line.phrases[0]
    words = first.words
    if not _NUMBERING.match(words[0].text):
        return first, words, line.phrases[1:]
    if len(words) > 1:
        return first, words[1:], line.phrases[1:]
    if len(line.phrases) > 1:  # the number printed apart, in a column of its own
        return line.phrases[1], line.phrases[1].words, line.phrases[2:]
    return first, (), ()
