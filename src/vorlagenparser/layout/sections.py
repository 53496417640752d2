"""Stage 9, sections: the text from a heading to the next boundary, across pages.

A section ends at the next heading, labelled line, table, result block, signature block or
Anlagen list — each a line in :class:`Boundaries`, built once from what the stages before found.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .document import Doc, Found
from .headings import Heading
from .normalize import clean, join_lines, strip_label_punct
from .text import Line, Phrase

TEXT_SECTIONS = ("beschlussvorschlag", "begruendung", "finanzielle_auswirkungen")


@dataclass(frozen=True, slots=True)
class Boundaries:
    kinds: Mapping[int, str]  # line index → what starts there ("section:…", "field:…", "signature")
    covered: frozenset[int]  # lines of tables and result blocks
    mark_lines: frozenset[int]  # lines that hold boxes

    def stops(self, index: int) -> bool:
        return index in self.kinds or index in self.covered

    def kind(self, index: int) -> str:
        return self.kinds.get(index, "")


@dataclass(frozen=True, slots=True)
class Sections:
    fields: dict[str, Found]  # beschlussvorschlag, begruendung, finanzielle_auswirkungen
    anlagen: tuple[Found, ...]
    warnings: tuple[str, ...]


def read_sections(doc: Doc, bounds: Boundaries, headings: tuple[Heading, ...]) -> Sections:
    fields: dict[str, Found] = {}
    warnings: list[str] = []
    names = {h.name for h in headings if h.line.index not in bounds.covered}
    for name in TEXT_SECTIONS:
        if name not in names:
            continue
        # Several headings may feed one field ("1. Anlass", "2. Sachverhalt" → Begründung);
        # an empty one ("…folgenden Antrag:" before "Der Rat möge beschließen:") adds nothing.
        parts = []
        prev: Heading | None = None
        for h in headings:
            if h.name != name or h.line.index in bounds.covered:
                continue
            # "Finanzielle Auswirkungen:" over "Kosten: 94.000 DM": right under its empty heading
            # a heading of the same kind with text after it is the section's first line.
            sub = prev is not None and bool(h.rest) and h.start == prev.line.index + 1
            if (f := section_text(doc, bounds, h, keep_label=sub)) is not None:
                parts.append(f)
            prev = h
        if parts:
            first = parts[0]
            text = "\n".join(dict.fromkeys(str(p.value) for p in parts))  # a repeated heading adds nothing
            fields[name] = Found(text, first.page, first.bbox, min(p.confidence for p in parts))
        else:
            warnings.append(f"{name}: heading printed but the section is empty")
    # Every Anlagen heading lists items: "Anlagen:" with a list, or one "Anlage 1 – …" line each.
    anlagen = tuple(item for h in headings if h.name == "anlagen" and h.line.index not in bounds.covered
                    for item in section_items(doc, bounds, h))
    return Sections(fields, anlagen, tuple(warnings))


def section_lines(doc: Doc, bounds: Boundaries, start: Line) -> list[Line]:
    """The lines after `start` up to the next boundary (heading, label, table, box, signature)."""
    out: list[Line] = []
    for line in doc.after(start):
        if line.index in bounds.mark_lines and line.index not in bounds.covered \
                and bounds.kind(line.index) in ("", "marks"):
            if out and len(line.phrases) > 1 and line.phrases[0].text.rstrip().endswith(":"):
                # After the section's text, a question with its boxes starts a section of its
                # own ("Klimarelevanz: ☒ ja ☐ nein"); right under the heading it is the
                # section's ("Haushaltsmittel erforderlich: ☐ ja ☐ nein").
                break
            continue  # a row of boxes inside a section ("☐ ja ☐ nein") is not its text
        if bounds.stops(line.index):
            break
        out.append(line)
    return out


def paragraphs(doc: Doc, lines: Sequence[Line]) -> str:
    """Join lines into paragraphs ("\\n" between them); a wide vertical gap starts a paragraph."""
    paras: list[list[str]] = []
    prev: Line | None = None
    for line in lines:
        gap = line.bbox.top - prev.bbox.bottom if prev is not None and prev.page == line.page else 0.0
        bullet = line.text.lstrip()[:1] in "-•–·*" or _numbered(line.text)
        if prev is None or gap > doc.settings.paragraph_gap_lines * doc.line_height(line) or bullet:
            paras.append([])
        paras[-1].append(line.text)
        prev = line
    return "\n".join(join_lines(p) for p in paras if p)


# An item's number: "1.", "12)", Roman "IV.", a letter "b)", and OCR's "l." / "I." for "1.".
_ITEM_NUMBER = re.compile(r"(?:\d{1,3}|[IVX]{1,4}|l)[.)]|[a-z]\)")


def _numbered(text: str) -> bool:
    head = text.lstrip().split(" ", 1)[0]
    return _ITEM_NUMBER.fullmatch(head) is not None


def section_text(doc: Doc, bounds: Boundaries, heading: Heading, keep_label: bool = False) -> Found | None:
    body = section_lines(doc, bounds, heading.line)
    # On a row of boxes ("Finanzielle Auswirkungen: ☐ Ja ☒ Nein") the words after the heading
    # are the boxes' labels, not the section's text.
    boxes_on_line = heading.line.index in bounds.mark_lines
    rest = [p for p in heading.rest if not _on_mark_line(doc, bounds, p)]
    inline = "" if boxes_on_line else strip_label_punct(" ".join(p.text for p in rest))
    if keep_label and inline:
        inline = f"{heading.label.text} {inline}"
    text = paragraphs(doc, body)
    full = _without_lead_in(doc, heading.name, "\n".join(t for t in (clean(inline), text) if t))
    if not full:
        return None
    phrases = ([] if boxes_on_line else rest) + [p for ln in body for p in ln.phrases]
    return doc.found(phrases or [heading.label], full)


def _on_mark_line(doc: Doc, bounds: Boundaries, phrase: Phrase) -> bool:
    """The phrase stands on a row of boxes: it is a box's label."""
    line = doc.line_of(phrase)
    return line is not None and line.index in bounds.mark_lines


def _without_lead_in(doc: Doc, name: str, text: str) -> str:
    first, _, rest = text.partition("\n")
    patterns = doc.profile.sections[name].lead_ins
    if rest and any(re.search(p, first, flags=re.IGNORECASE) for p in patterns):
        return rest
    return text


def section_items(doc: Doc, bounds: Boundaries, heading: Heading) -> list[Found]:
    """A list section (Anlagen): one item per bullet, number or line; wrapped items rejoined."""
    items: list[list[Line]] = []
    inline = strip_label_punct(" ".join(p.text for p in heading.rest))
    out: list[Found] = []
    if inline:
        out.append(doc.found(list(heading.rest), strip_item(inline)))
    prev: Line | None = None
    for line in [] if heading.single else section_lines(doc, bounds, heading.line):
        if sum(c.isalpha() for c in line.text) < 3:
            continue  # "2", "RR": specks and stamps in the margin, not a title
        gap = line.bbox.top - (prev or heading.line).bbox.bottom
        if (prev is not None or out) and gap > doc.settings.list_gap_lines * doc.line_height(line):
            break  # the list has ended; what follows far below belongs to no item
        after_items = prev is not None and not _heading_like(prev)
        if (after_items or (prev is None and out)) and _heading_like(line):
            break  # "Aktenauflage", "Beschluss (wird … ausgefüllt)": a heading of its own after the list
        starts_item = prev is None or _is_item_start(line) or (
            line.bbox.top - prev.bbox.bottom > 0.6 * doc.line_height(line)) or not _continues(prev, line)
        if starts_item:
            items.append([])
        items[-1].append(line)
        prev = line
    for group in items:
        text = strip_item(join_lines([ln.text for ln in group]))
        if text:
            out.append(doc.found([p for ln in group for p in ln.phrases], text))
    return out


def _heading_like(line: Line) -> bool:
    """A short line set in bold: a heading, not an item of a list set in regular type."""
    return line.phrases[0].bold and len(line.words) <= 8 and not line.text.rstrip().endswith((".", ","))


def _is_item_start(line: Line) -> bool:
    t = line.text.lstrip()
    return t[:1] in "-•–·*«" or _numbered(t)


def _continues(prev: Line, line: Line) -> bool:
    """A wrapped item line starts lower case, or after a line ending in a hyphen or comma."""
    t = line.text.lstrip()
    return bool(t) and (t[0].islower() or prev.text.rstrip().endswith(("-", ",")))


_ITEM_PREFIX = re.compile(
    r"^(?:anlage|anhang|beilage)\s*(?:\d+[a-z]?|[IVX]{1,4})"
    r"(?:\s*[:.)–—-]\s*|\s+(?=(?-i:[A-ZÄÖÜ])))", re.IGNORECASE
)
_BULLETS = "-•–·*«»◦▪"


def strip_item(text: str) -> str:
    """Drop bullets, numbers and "Anlage 1:" prefixes: the item is its title."""
    t = _ITEM_PREFIX.sub("", text.strip())
    if t[:1] in _BULLETS:
        t = t[1:]
    head = t.lstrip().split(" ", 1)
    if len(head) == 2 and _numbered(head[0] + " "):
        t = head[1]
    return t.strip()
