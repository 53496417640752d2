"""Beratungsergebnis: a grid with one row per Gremium, or a form block of labelled boxes.

Both produce entries whose boolean keys come from checkboxes (a printed box that is not ticked
is False; a key without a printed box stays None) and whose vote counts come from numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..geometry import BBox, contains
from ..model import Beratungsergebnis
from ..pagemodel import Mark
from ..parsing.dates import find_dates, first_date
from ..parsing.numbers import parse_count
from .context import Context, TiedMark
from .folge import gremium_and_date
from .lines import Line
from .normalize import clean, join_lines
from .tables import Table, header_labels
from .vocab import Vocabulary

KEYS = tuple(Beratungsergebnis.model_fields)
COUNT_KEYS = frozenset({"ja_stimmen", "nein_stimmen", "enthaltungen"})
BOOL_KEYS = frozenset(k for k in KEYS if k not in COUNT_KEYS | {"gremium", "sitzung_am", "top"})
_SUBSTANCE = ("gremium", *sorted(COUNT_KEYS), *sorted(BOOL_KEYS))
_VALUE_KEYS = frozenset({"gremium", "sitzung_am", "top"}) | COUNT_KEYS
_TICK_TEXT = frozenset({"x", "X", "✓", "✔", "✗", "✘", "×"})


@dataclass
class Entry:
    values: dict[str, Any] = field(default_factory=lambda: dict.fromkeys(KEYS))
    boxes: list[tuple[TiedMark, str | None]] = field(default_factory=list)  # (mark, key or None)
    page: int = 1
    bbox: BBox | None = None


def entries_from_table(ctx: Context, table: Table) -> list[Entry]:
    out = []
    ticked_cols = {i for row in table.rows for i in row.marks} | {
        i for row in table.rows for i in row.cells if row.text(i) in _TICK_TEXT}
    for row in table.rows:
        entry = Entry(page=row.page, bbox=row.bbox)
        for i, col in enumerate(table.columns):
            name, text = col.name, row.text(i)
            if name == "gremium":
                entry.values["gremium"], dated = gremium_and_date(text)
                entry.values["sitzung_am"] = entry.values["sitzung_am"] or dated
            elif name == "top":
                entry.values[name] = clean(text) or None
            elif name == "sitzung_am":
                entry.values[name] = first_date(ctx.typed(text, row.page))
            elif name in COUNT_KEYS:
                entry.values[name] = parse_count(ctx.typed(text, row.page))
            elif name == "ergebnis":
                result = ctx.checkbox_labels.fuzzy(text) if text else None
                if result is not None and result[0] in BOOL_KEYS:
                    entry.values[result[0]] = True  # no box printed: only the named result is known
            elif name in BOOL_KEYS:
                marks = row.marks.get(i, [])
                if marks:
                    tied = TiedMark(marks[0], row.page, col.label, col.header, name)
                    entry.values[name] = marks[0].checked
                    entry.boxes.append((tied, name))
                elif text in _TICK_TEXT:
                    entry.values[name] = True
                elif ticked_cols:
                    # A grid filled in with ticks: a cell without one was not ticked.
                    entry.values[name] = False
            elif row.marks.get(i):  # a box column that is no field of ours ("abgelehnt", "vertagt")
                mark = row.marks[i][0]
                entry.boxes.append((TiedMark(mark, row.page, col.label, col.header, name), None))
        if any(entry.values[k] is not None for k in KEYS):
            out.append(entry)
    return out


def entries_from_form(ctx: Context, lines: list[Line], tied: list[TiedMark]) -> list[Entry]:
    """A form block: boxes tied to labels; a key seen again starts the next Gremium's entry."""
    entries: list[Entry] = []
    current = Entry()
    for t in sorted(tied, key=lambda t: (t.page, round(t.mark.bbox.top / 4), t.mark.bbox.x0)):
        key = t.key if t.key in KEYS else None
        if key is not None and key in BOOL_KEYS and current.values[key] is not None:
            entries.append(current)
            current = Entry()
        if current.bbox is None:
            current.page = t.page
        current.bbox = t.mark.bbox if current.bbox is None else _grow(current.bbox, t.mark.bbox)
        if key in COUNT_KEYS:
            current.values[key] = _count_in_box(ctx, t.page, t.mark)
        elif key in BOOL_KEYS:
            current.values[key] = t.mark.checked
            current.boxes.append((t, key))
    entries.append(current)
    entries = [e for e in entries if e.bbox is not None]
    if not entries:
        entries = [Entry(page=lines[0].page if lines else 1)]
    _labelled_values(ctx, lines, entries)
    # A heading over prose ("Abstimmung: …" in minutes) with no box, count or Gremium is no result.
    return [e for e in entries if e.boxes or any(e.values[k] is not None for k in _SUBSTANCE)]


# "… über die 12. Sitzung des Bauausschusses am 14.06.2023" (minutes excerpts, Auszüge).
_SESSION = re.compile(r"Sitzung\s+(?:des|der)\s+(?P<gremium>.+?)\s+(?:am|vom)\s+(?P<date>.+)$")


def session_from_title(ctx: Context, entries: list[Entry]) -> None:
    """An excerpt names its session in the title; the result entry without one gets it."""
    if len(entries) != 1 or entries[0].values["gremium"] is not None:
        return
    for line in ctx.lines[:12]:
        m = _SESSION.search(join_lines([line.text, *_next_text(ctx, line)]))
        if m is None:
            continue
        dates = find_dates(ctx.typed(m.group("date"), line.page))
        entries[0].values["gremium"] = _nominative(m.group("gremium"))
        if dates and entries[0].values["sitzung_am"] is None:
            entries[0].values["sitzung_am"] = dates[0][0].value
        return


def _next_text(ctx: Context, line: Line) -> list[str]:
    nxt = ctx.lines[line.index + 1] if line.index + 1 < len(ctx.lines) else None
    return [nxt.text] if nxt is not None and nxt.page == line.page else []


def _nominative(genitive: str) -> str:
    """"Bauausschusses" → "Bauausschuss", "Gemeinderates" → "Gemeinderat": the head noun only."""
    head, _, rest = genitive.partition(" ")
    for ending in ("sses", "es", "s"):
        if head.endswith(ending) and len(head) > len(ending) + 3:
            head = head[: -len(ending)] + ("ss" if ending == "sses" else "")
            break
    return f"{head} {rest}".strip()


def _grow(a: BBox, b: BBox) -> BBox:
    return BBox(min(a.x0, b.x0), min(a.top, b.top), max(a.x1, b.x1), max(a.bottom, b.bottom))


def _count_in_box(ctx: Context, page_no: int, mark: Mark) -> int | None:
    words = [w for w in ctx.page(page_no).words if contains(mark.bbox.expand(2), w.bbox, tol=1)]
    return parse_count(ctx.typed(" ".join(w.text for w in words), page_no)) if words else None


def _labelled_values(ctx: Context, lines: list[Line], entries: list[Entry]) -> None:
    """Gremium / Sitzung am / TOP and typed vote counts, printed as label + value in the block."""
    columns = ctx.profile.tables.get("beratungsergebnis")
    vocab = Vocabulary(columns.columns if columns else {})
    if not vocab:
        return
    for li, line in enumerate(lines):
        # Results written in the line itself: "Abstimmungsergebnis: einstimmig", "12 : 3",
        # "mit 18 Ja-Stimmen, 1 Nein-Stimme"; the first source to name a key wins.
        written = [*((name, True) for name in _result_words(ctx, line)), *_vote_ratio(ctx, line),
                   *counts_before_labels(ctx.typed(line.text, line.page), ctx.profile.checkboxes)]
        line_entry = _entry_for(entries, line.page, line.bbox) if written else None
        for name, value in written:
            if line_entry is not None and line_entry.values.get(name) is None:
                line_entry.values[name] = value
        for name, box, text in inline_pairs(line, vocab):
            if name not in _VALUE_KEYS:
                continue  # a box's label followed by text ("Stimmenmehrheit: Mit"), not a value
            entry = _entry_for(entries, line.page, box)
            if entry is not None and entry.values.get(name) is None:
                _set(entry, name, ctx.typed(text, line.page) if name != "gremium" else text)
        for label_name, _label, box in header_labels(line, vocab):
            if label_name not in ("gremium", "sitzung_am", "top", *COUNT_KEYS):
                continue
            name = str(label_name)
            entry = _entry_for(entries, line.page, box)
            if entry is None or entry.values.get(name) is not None:
                continue
            text = next((t for t in (_value_right(line, box), _value_below(lines[li + 1:li + 3], box))
                         if t and not t.rstrip().endswith(":") and not ctx.checkbox_labels.fuzzy(t)
                         and not vocab.fuzzy(t)), "")
            if not text:
                continue  # only the next label follows: the field was left blank
            _set(entry, name, ctx.typed(text, line.page) if name != "gremium" else text)


# "Abstimmung: 12 : 3" or "15:0:2" — Ja : Nein (: Enthaltungen), the Bavarian way.
_RATIO = re.compile(r":\s*(\d{1,3})\s*:\s*(\d{1,3})(?:\s*:\s*(\d{1,3}))?(?![\d.])")


def _vote_ratio(ctx: Context, line: Line) -> list[tuple[str, int]]:
    text = ctx.typed(line.text, line.page)
    m = _RATIO.search(text)
    if m is None or find_dates(text) or ctx.sections.prefix(line.phrases[0].words) is None:
        return []  # only right after a result heading ("Abstimmung:"), never a time or date
    out = [("ja_stimmen", int(m.group(1))), ("nein_stimmen", int(m.group(2)))]
    if m.group(3) is not None:
        out.append(("enthaltungen", int(m.group(3))))
    return out


def _result_words(ctx: Context, line: Line) -> list[str]:
    """Results written out after a colon label, with no box: "Abstimmungsergebnis: einstimmig"."""
    out = []
    for phrase in line.phrases:
        words = phrase.words
        for i, w in enumerate(words[:-1]):
            if w.text.endswith(":"):
                tail = " ".join(x.text for x in words[i + 1:])
                match = ctx.checkbox_labels.whole(tail)
                if match in BOOL_KEYS:
                    out.append(match)
                break
    return out


def _set(entry: Entry, name: str, text: str) -> None:
    if not any(c.isalnum() for c in text):
        return  # a blank form line ("……", "____") is an empty field
    if name == "sitzung_am":
        entry.values[name] = first_date(text)
    elif name in COUNT_KEYS:
        entry.values[name] = parse_count(text)
    else:
        entry.values[name] = clean(text) or None


def counts_before_labels(text: str, labels: dict[str, list[str]]) -> list[tuple[str, int]]:
    """"mit 18 Ja-Stimmen, 1 Nein-Stimme und 2 Enthaltungen": numbers printed before their label."""
    out = []
    every = [w for name in COUNT_KEYS for w in labels.get(name, [])]
    label_before = re.compile(rf"(?:{'|'.join(re.escape(w) for w in every)})[\s:_.…]*$", re.IGNORECASE)
    for name in sorted(COUNT_KEYS):
        words = sorted(labels.get(name, []), key=len, reverse=True)
        if not words:
            continue
        alternatives = "|".join(re.escape(w).replace(r"\-", "[-‐ ]?") for w in words)
        pattern = rf"(?<![\d.,])(\d{{1,4}})\s*(?:{alternatives})(?![a-zäöüß])(?!\s*:)"
        for m in re.finditer(pattern, text, flags=re.IGNORECASE):
            before = text[: m.start(1)]
            if before.rstrip().endswith(":") or (every and label_before.search(before)):
                continue  # "Ja: 14 Nein: 9", "Nein _9 Enthaltungen": the number follows its own label
            out.append((name, int(m.group(1))))
            break
    return out


def inline_pairs(line: Line, vocab: Vocabulary) -> list[tuple[str, BBox, str]]:
    """"Gremium: Stadtrat Sitzung am: 7.2.2023 TOP: 4" → (name, label box, value) per colon label."""
    out: list[tuple[str, BBox, list[str]]] = []
    for phrase in line.phrases:
        words = phrase.words
        i = 0
        current: list[str] | None = None
        while i < len(words):
            hit = vocab.prefix(words[i:])
            if hit is not None and words[i + hit.nwords - 1].text.endswith(":"):
                current = []
                out.append((hit.name, words[i].bbox, current))
                i += hit.nwords
                continue
            if current is not None:
                current.append(words[i].text)
            i += 1
    return [(name, box, " ".join(value)) for name, box, value in out if value]


def _entry_for(entries: list[Entry], page: int, box: BBox) -> Entry | None:
    """The entry a label belongs to: the first whose boxes end below the label (blocks run
    top to bottom, labels above or beside their boxes), else the last one."""
    placed = [e for e in entries if e.bbox is not None]
    for e in sorted(placed, key=lambda e: (e.page, e.bbox.top if e.bbox else 0.0)):
        assert e.bbox is not None
        if (e.page, e.bbox.bottom) >= (page, box.top - 2):
            return e
    return placed[-1] if placed else (entries[0] if entries else None)


def _value_right(line: Line, box: BBox) -> str:
    words = [w for w in line.words if w.bbox.x0 >= box.x1 - 0.5]
    if not words:
        return ""
    first = words[0]
    if first.bbox.x0 - box.x1 > 3 * first.bbox.height:
        return ""
    out = [first]
    for w in words[1:]:
        if w.bbox.x0 - out[-1].bbox.x1 > first.bbox.height:
            break
        out.append(w)
    text = " ".join(w.text for w in out).lstrip(":").strip()
    return text if any(c.isalnum() for c in text) else ""


def _value_below(lines: list[Line], box: BBox) -> str:
    for line in lines:
        under = [w for w in line.words if w.bbox.x0 < box.x1 + 4 and w.bbox.x1 > box.x0 - 4]
        if under:
            return " ".join(w.text for w in under)
    return ""
