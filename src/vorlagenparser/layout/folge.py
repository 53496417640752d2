"""Beratungsfolge: a table (Datum | Gremium | Zuständigkeit …) or lines under its heading."""

from __future__ import annotations

import re
from typing import Any

from ..parsing.dates import find_dates, first_date
from .context import Context, Found
from .lines import Line, Phrase
from .normalize import clean, join_lines, strip_label_punct
from .tables import Table
from .vocab import Vocabulary

_TICKS = frozenset({"x", "X", "✓", "✔", "✗", "✘", "×"})
_KEYS = ("gremium", "sitzung_am", "top", "zustaendigkeit", "oeffentlich")


def rows_from_table(ctx: Context, table: Table) -> list[Found]:
    zust = Vocabulary(ctx.profile.zustaendigkeit)
    public = Vocabulary(ctx.profile.oeffentlich_values)
    out = []
    for row in table.rows:
        entry: dict[str, Any] = dict.fromkeys(_KEYS)
        for i, col in enumerate(table.columns):
            text = row.text(i)
            if col.name == "gremium":
                entry["gremium"], dated = gremium_and_date(text)
                entry["sitzung_am"] = entry["sitzung_am"] or dated
            elif col.name == "sitzung_am":
                entry["sitzung_am"] = first_date(ctx.typed(text, row.page))
            elif col.name == "top":
                entry["top"], public_flag = _top_and_public(public, text)
                entry["oeffentlich"] = public_flag if entry["oeffentlich"] is None else entry["oeffentlich"]
            elif col.name == "zustaendigkeit":
                role = _zust(zust, text)
                entry["zustaendigkeit"] = role or entry["zustaendigkeit"]
                if role is None and entry["oeffentlich"] is None:
                    entry["oeffentlich"] = _public(public, text, None)  # a "Status" column of Ö/N
            elif col.name == "oeffentlich":
                entry["oeffentlich"] = _public(public, text, row.marks.get(i))
            elif col.name and col.name.startswith("zustaendigkeit=") and _ticked(row.marks.get(i), text):
                entry["zustaendigkeit"] = col.name.split("=", 1)[1]
        if entry["gremium"]:
            conf = min((w.confidence for ws in row.cells.values() for w in ws), default=1.0)
            out.append(Found(entry, row.page, row.bbox, conf))
    return out


def rows_from_lines(ctx: Context, inline: str, lines: list[Line], first: Found) -> list[Found]:
    """Without a table: each line is one Gremium, with any date, Zuständigkeit or Ö/N it names."""
    rows: list[tuple[list[str], Found]] = []
    if strip_label_punct(inline):
        rows.append(([strip_label_punct(inline)], first))
    rows += [([p.text for p in ln.phrases], ctx.found(list(ln.phrases), ln.text)) for ln in lines]
    out = []
    for parts, where in rows:
        entry = _entry_from_parts(ctx, parts, where.page)
        if entry["gremium"]:
            out.append(Found(entry, where.page, where.bbox, where.confidence))
    return out


def rows_from_labels(ctx: Context) -> list[Found]:
    """No Beratungsfolge printed as such: an info box of labelled values before the first section
    ("Gremium: Bauausschuss", "Sitzungsdatum: 26.08.2024", "TOP: 4", "Sitzungsart: öffentlich")."""
    rule = ctx.profile.tables.get("beratungsfolge")
    if rule is None:
        return []
    vocab = Vocabulary(rule.columns)
    first_heading = min((i for i, kind in ctx.boundaries.items() if kind.startswith("section")),
                        default=len(ctx.lines))
    values: dict[str, str] = {}
    where: list[Phrase] = []
    for line in ctx.lines[:first_heading]:
        if line.index in ctx.consumed:
            continue
        for pi, phrase in enumerate(line.phrases):
            hit = vocab.prefix(phrase.words)
            if hit is None or not phrase.words[hit.nwords - 1].text.endswith(":") or hit.name in values:
                continue
            rest = " ".join(w.text for w in phrase.words[hit.nwords:])
            value = rest or (line.phrases[pi + 1].text if pi + 1 < len(line.phrases) else "")
            value = join_lines([value, *_wrapped_below(ctx, line, phrase, pi)])
            if value:
                values[hit.name] = value
                where.append(phrase)
    if "gremium" not in values or len(values) < 2:
        return []
    entry = _entry_from_parts(ctx, [values["gremium"]], where[0].page)
    if "sitzung_am" in values:
        entry["sitzung_am"] = first_date(ctx.typed(values["sitzung_am"], where[0].page))
    if "top" in values:
        entry["top"] = clean(values["top"])
    if "oeffentlich" in values:
        public = Vocabulary(ctx.profile.oeffentlich_values)
        entry["oeffentlich"] = _public(public, values["oeffentlich"], None)
    if "zustaendigkeit" in values:
        entry["zustaendigkeit"] = _zust(Vocabulary(ctx.profile.zustaendigkeit), values["zustaendigkeit"])
    return [ctx.found(where, entry)]


def _wrapped_below(ctx: Context, line: Line, label: Phrase, pi: int) -> list[str]:
    """A value wrapped onto the next line, under itself ("Bau-, Planungs- und / Umweltausschuss")."""
    if pi + 1 >= len(line.phrases) or line.index + 1 >= len(ctx.lines):
        return []
    value = line.phrases[pi + 1]
    nxt = ctx.lines[line.index + 1]
    under = [p for p in nxt.phrases if abs(p.bbox.x0 - value.bbox.x0) < 3]
    if nxt.page != line.page or not under or nxt.bbox.top - line.bbox.bottom > 0.8 * ctx.line_height(line):
        return []
    left = [p for p in nxt.phrases if p.bbox.x1 <= under[0].bbox.x0 and p.bbox.x0 >= label.bbox.x0 - 1]
    return [] if left else [under[0].text]


def rows_from_header_cells(ctx: Context) -> list[Found]:
    """No Beratungsfolge printed as such: a header line of bare cells naming a Gremium, Ö/N and
    a Zuständigkeit ("Gemeinderat | öffentlich | Beschluss") is its one entry."""
    zust = Vocabulary(ctx.profile.zustaendigkeit)
    public = Vocabulary(ctx.profile.oeffentlich_values)
    first_heading = min((i for i, kind in ctx.boundaries.items() if kind.startswith("section")),
                        default=len(ctx.lines))
    for line in ctx.lines[:first_heading]:
        texts = [p.text for p in line.phrases]
        if len(texts) < 3 or line.index in ctx.consumed:
            continue
        if any(zust.whole(t) for t in texts) and any(public.whole(t) for t in texts):
            entry = _entry_from_parts(ctx, texts, line.page)
            if entry["gremium"]:
                return [ctx.found(list(line.phrases), entry)]
    return []


def _entry_from_parts(ctx: Context, parts: list[str], page: int) -> dict[str, Any]:
    """Phrases of a line ("Kreistag | 02.12.2023 | nicht öffentlich | Entscheidung") to an entry."""
    zust = Vocabulary(ctx.profile.zustaendigkeit)
    public = Vocabulary(ctx.profile.oeffentlich_values)
    entry: dict[str, Any] = dict.fromkeys(_KEYS)
    kept: list[str] = []
    for part in parts:
        dates = find_dates(ctx.typed(part, page))
        if dates and entry["sitzung_am"] is None:
            part = ctx.typed(part, page)
            parsed, start, end = dates[0]
            entry["sitzung_am"] = parsed.value
            part = f"{part[:start]} {part[end:]}"
        for word_run in _runs_without(part, zust, public, entry):
            kept.append(word_run)
    # "1. Kreisausschuß am": the list number and a dangling preposition are no part of the name.
    gremium = _LIST_NUMBER.sub("", clean(" ".join(kept)))
    entry["gremium"] = _DANGLING.sub("", gremium).strip(" ,;()") or None
    return entry


def _runs_without(part: str, zust: Vocabulary, public: Vocabulary, entry: dict[str, Any]) -> list[str]:
    """The words of a phrase that are not a Zuständigkeit or Ö/N value (those go into the entry)."""
    whole = part.strip()
    if whole and public.whole(whole) and entry["oeffentlich"] is None:
        entry["oeffentlich"] = public.whole(whole) == "true"
        return []
    kept = []
    for w in part.split():
        z = zust.whole(w)
        if z and entry["zustaendigkeit"] is None:
            entry["zustaendigkeit"] = z
        else:
            kept.append(w)
    return kept


def gremium_and_date(text: str) -> tuple[str | None, Any]:
    """A Gremium cell that also holds the session ("Hauptausschuss Fr, 25.03.2022")."""
    dates = find_dates(text)
    if not dates:
        return clean(text) or None, None
    parsed, start, end = dates[0]
    rest = _WEEKDAY_TAIL.sub("", clean(f"{text[:start]} {text[end:]}")).strip(" ,;")
    return rest or None, parsed.value


_LIST_NUMBER = re.compile(r"^\s*(?:\d{1,2}[.)]|[-–•])\s+")
_DANGLING = re.compile(r"\s+(?:am|vom|den|im|zur|zum|in der)\s*$", re.IGNORECASE)
_FLAGGED_TOP = re.compile(r"^(Ö|N|NÖ|ö|n)\s*(\d[\w.]*)$")
_WEEKDAY_TAIL = re.compile(r"\s*\b(?:Mo|Di|Mi|Do|Fr|Sa|So|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|"
                           r"Samstag|Sonnabend|Sonntag)\.?,?\s*$")


def _top_and_public(public: Vocabulary, text: str) -> tuple[str | None, bool | None]:
    """"N 13" / "Ö 4": a TOP number with the session's Ö/N flag before it."""
    m = _FLAGGED_TOP.match(clean(text))
    flag = public.whole(m.group(1)) if m else None
    if m is None or flag is None:
        return clean(text) or None, None
    return m.group(2), flag == "true"


def _ticked(marks: Any, text: str) -> bool:
    return any(m.checked for m in marks or []) or text.strip() in _TICKS


def _zust(vocab: Vocabulary, text: str) -> str | None:
    if not text.strip():
        return None
    match = vocab.fuzzy(text)
    return match[0] if match else None


def _public(vocab: Vocabulary, text: str, marks: Any) -> bool | None:
    if marks:
        return bool(marks[0].checked)
    name = vocab.whole(text) if text.strip() else None
    return {"true": True, "false": False}.get(name or "")
