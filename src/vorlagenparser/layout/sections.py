"""Section headings and section text: from a heading to the next boundary, across pages."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..geometry import horizontal_overlap
from ..pagemodel import Word
from .context import Context, Found
from .lines import Line, Phrase
from .normalize import clean, join_lines, key, strip_label_punct


@dataclass(frozen=True, slots=True)
class Heading:
    name: str
    line: Line
    label: Phrase  # the heading words only
    rest: tuple[Phrase, ...]  # text printed on the heading's line after the heading
    first: Line | None = None  # a heading wrapped over two lines starts on this one
    single: bool = False  # a list item that is its own heading ("Anlage 1 – …"): no lines below


def find_headings(ctx: Context) -> list[Heading]:
    """Lines whose first phrase starts with a section heading, printed as a heading."""
    out: list[Heading] = []
    wrapped_second: set[int] = set()
    for line in ctx.lines:
        if line.index in wrapped_second:
            continue
        heading = _heading(ctx, line) or _wrapped_heading(ctx, line)
        if heading is None:
            continue
        out.append(heading)
        if heading.first is not None:
            wrapped_second.add(heading.line.index)
    return out


def _heading(ctx: Context, line: Line) -> Heading | None:
    first, words, rest_phrases = _unnumbered(line)
    hit = ctx.sections.prefix(words) if words else None
    if hit is None:
        return _pattern_heading(ctx, line, first, words, rest_phrases)
    if ctx.profile.sections[hit.name].list and _numbered_item(words[hit.nwords:]):
        # "Anlage 1 – Lageplan": a list item that names its own section, heading or not.
        return Heading(hit.name, line, Phrase(first.page, words[:hit.nwords]),
                       (Phrase(first.page, words), *rest_phrases), single=True)
    alone = hit.nwords == len(words)
    bold_head = all(w.bold for w in words[:hit.nwords]) and not all(w.bold for w in words)
    if not (hit.strong or alone or bold_head or (first.bold and len(line.phrases) == 1)):
        return None
    head_key = key(" ".join(w.text for w in words[:hit.nwords]))
    numbered = words is not first.words or first is not line.phrases[0]  # "4. Antrag"
    if head_key in ctx.colon_only and (not (words[hit.nwords - 1].text.endswith(":") or numbered)
                                       or not alone or rest_phrases):
        return None  # "Antrag:" or "4. Antrag" alone heads a section; "Antrag: Neubau …" is a title
    label = Phrase(first.page, words[:hit.nwords])
    rest_words = words[hit.nwords:]
    rest = ((Phrase(first.page, rest_words),) if rest_words else ()) + rest_phrases
    return Heading(hit.name, line, label, rest)


def _pattern_heading(ctx: Context, line: Line, first: Phrase, words: tuple[Word, ...],
                     rest: tuple[Phrase, ...]) -> Heading | None:
    """A heading phrase of a profile's pattern, alone on its line."""
    text = " ".join(w.text for w in words)
    if not words or rest or len(text) > 90:
        return None
    for name, rule in ctx.profile.sections.items():
        if any(re.search(p, text, flags=re.IGNORECASE) for p in rule.patterns):
            return Heading(name, line, Phrase(first.page, words), ())
    return None


def _numbered_item(words: tuple[Word, ...]) -> bool:
    """"1 –", "2:", "3)" after "Anlage": an item, not "der Anlage 1 einschließlich …"."""
    if not words or not re.match(r"^\d+[a-z]?[:.)–-]?$", words[0].text):
        return False
    return words[0].text[-1] in ":.)–-" or (len(words) > 1 and words[1].text in ("–", "-", "—", ":"))


def _wrapped_heading(ctx: Context, line: Line) -> Heading | None:
    """A heading set in a narrow label column, wrapped: "Finanzielle" over "Auswirkungen"."""
    a = line.phrases[0]
    below = [ln for ln in ctx.lines[line.index + 1:line.index + 3] if ln.page == line.page
             and horizontal_overlap(ln.phrases[0].bbox, a.bbox) > 0.5]
    if not below or not a.bold:
        return None
    nxt = below[0]
    b = nxt.phrases[0]
    if b.bbox.top - a.bbox.bottom > 1.2 * ctx.line_height(line) or not b.bold:
        return None
    words = a.words + b.words
    hit = ctx.sections.prefix(words)
    if hit is None or hit.nwords != len(words):
        return None
    return Heading(hit.name, nxt, Phrase(a.page, words), line.phrases[1:] + nxt.phrases[1:], first=line)


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


def section_lines(ctx: Context, start: Line) -> list[Line]:
    """The lines after `start` up to the next boundary (heading, label, table, box, signature)."""
    out = []
    for line in ctx.lines_after(start):
        if ctx.boundaries.get(line.index) == "marks" and line.index not in ctx.consumed:
            continue  # a row of boxes inside a section ("☐ ja ☐ nein") is not its text
        if ctx.is_boundary(line):
            break
        out.append(line)
    return out


def paragraphs(ctx: Context, lines: list[Line]) -> str:
    """Join lines into paragraphs ("\\n" between them); a wide vertical gap starts a paragraph."""
    paras: list[list[str]] = []
    prev: Line | None = None
    for line in lines:
        gap = line.bbox.top - prev.bbox.bottom if prev is not None and prev.page == line.page else 0.0
        bullet = line.text.lstrip()[:1] in "-•–·*" or _numbered(line.text)
        if prev is None or gap > 0.75 * ctx.line_height(line) or bullet:
            paras.append([])
        paras[-1].append(line.text)
        prev = line
    return "\n".join(join_lines(p) for p in paras if p)


def _numbered(text: str) -> bool:
    head = text.lstrip().split(" ", 1)[0]
    return len(head) <= 4 and head[:-1].isdigit() and head[-1:] in ".)"


def section_text(ctx: Context, heading: Heading) -> Found | None:
    body = section_lines(ctx, heading.line)
    # On a row of boxes ("Finanzielle Auswirkungen: ☐ Ja ☒ Nein") the words after the heading
    # are the boxes' labels, not the section's text.
    boxes_on_line = ctx.boundaries.get(heading.line.index) == "marks" or any(
        m.bbox.top - 2 <= heading.line.bbox.cy <= m.bbox.bottom + 2 for m in ctx.marks[heading.line.page - 1])
    inline = "" if boxes_on_line else strip_label_punct(" ".join(p.text for p in heading.rest))
    text = paragraphs(ctx, body)
    full = _without_lead_in(ctx, heading.name, "\n".join(t for t in (clean(inline), text) if t))
    if not full:
        return None
    phrases = list(heading.rest) + [p for ln in body for p in ln.phrases]
    return ctx.found(phrases or [heading.label], full)


def _without_lead_in(ctx: Context, name: str, text: str) -> str:
    first, _, rest = text.partition("\n")
    patterns = ctx.profile.sections[name].lead_ins
    if rest and any(re.search(p, first, flags=re.IGNORECASE) for p in patterns):
        return rest
    return text


def section_items(ctx: Context, heading: Heading) -> list[Found]:
    """A list section (Anlagen): one item per bullet, number or line; wrapped items rejoined."""
    items: list[list[Line]] = []
    inline = strip_label_punct(" ".join(p.text for p in heading.rest))
    out: list[Found] = []
    if inline:
        out.append(ctx.found(list(heading.rest), _strip_item(inline)))
    prev: Line | None = None
    for line in [] if heading.single else section_lines(ctx, heading.line):
        starts_item = prev is None or _is_item_start(line) or (
            line.bbox.top - prev.bbox.bottom > 0.6 * ctx.line_height(line)) or not _continues(prev, line)
        if starts_item:
            items.append([])
        items[-1].append(line)
        prev = line
    for group in items:
        text = _strip_item(join_lines([ln.text for ln in group]))
        if text:
            out.append(ctx.found([p for ln in group for p in ln.phrases], text))
    return out


def _is_item_start(line: Line) -> bool:
    t = line.text.lstrip()
    return t[:1] in "-•–·*" or _numbered(t)


def _continues(prev: Line, line: Line) -> bool:
    """A wrapped item line starts lower case, or after a line ending in a hyphen or comma."""
    t = line.text.lstrip()
    return bool(t) and (t[0].islower() or prev.text.rstrip().endswith(("-", ",")))


_ITEM_PREFIX = re.compile(r"^(?:anlage|anhang|beilage)\s*\d+[a-z]?\s*[:.)–—-]\s*", re.IGNORECASE)


def _strip_item(text: str) -> str:
    """Drop bullets, numbers and "Anlage 1:" prefixes: the item is its title."""
    t = _ITEM_PREFIX.sub("", text.strip())
    if t[:1] in "-•–·*":
        t = t[1:]
    head = t.lstrip().split(" ", 1)
    if len(head) == 2 and _numbered(head[0] + " "):
        t = head[1]
    return t.strip()
