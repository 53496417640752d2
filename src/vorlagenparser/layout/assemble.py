"""The layout recipe: lines → boundaries → tables → boxes → fields and sections → RawVorlage."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..pagemodel import Mark, Page
from ..parsing.dates import find_dates, parse_date
from ..profiles.model import Profile
from . import folge, header, results
from .checkmap import tie_marks
from .context import Context, Found, TiedMark, build_context
from .fields import LabelHit, find_labels, value_of
from .lines import Line, build_lines, running_lines
from .normalize import key
from .raw import TEXT_SECTIONS, RawVorlage
from .sections import Heading, find_headings, section_items, section_text
from .signature import PlaceDate, is_signed_line, place_dates
from .tables import Table, is_header, read_table, table_header_labels
from .title_and_signature import signature, title
from .vocab import Vocabulary


def assemble(pages: Sequence[Page], marks: Sequence[Sequence[Mark]], profile: Profile) -> RawVorlage:
    lines = build_lines(pages, marks)
    drop = running_lines(lines, pages)
    lines = [Line(ln.page, i, ln.phrases) for i, ln in enumerate(x for x in lines if x.index not in drop)]
    ctx = build_context(pages, lines, marks, profile)
    raw = RawVorlage()
    all_headings = find_headings(ctx)
    headings = _first_per_name(all_headings)
    labels = find_labels(ctx, lines)
    places = place_dates(ctx)
    _mark_boundaries(ctx, headings, labels, places)
    _repeated_headings(ctx, all_headings, headings)
    result_tables, folge_table = _tables(ctx, headings)
    _results(ctx, raw, headings, result_tables, folge_table)
    _fields(ctx, raw, labels)
    _sections(ctx, raw, headings, all_headings, folge_table)
    title(ctx, raw, labels, headings)
    results.session_from_title(ctx, raw.beratungsergebnis)
    signature(ctx, raw, places, headings)
    raw.warnings.extend(ctx.warnings)
    return raw


def _repeated_headings(ctx: Context, all_headings: list[Heading], first: dict[str, Heading]) -> None:
    """Later headings of a kind seen before (a second Beratungsergebnis block) still end sections."""
    for h in all_headings:
        if first.get(h.name) is not h:
            for line in (h.first, h.line):
                if line is not None:
                    ctx.boundaries.setdefault(line.index, f"section:{h.name}:again")


def _first_per_name(headings: list[Heading]) -> dict[str, Heading]:
    out: dict[str, Heading] = {}
    for h in headings:
        out.setdefault(h.name, h)
    return out


def _mark_boundaries(ctx: Context, headings: dict[str, Heading], labels: list[LabelHit],
                     places: list[PlaceDate]) -> None:
    for h in headings.values():
        ctx.boundaries[h.line.index] = f"section:{h.name}"
        if h.first is not None:
            ctx.boundaries[h.first.index] = f"section:{h.name}"
    for hit in labels:
        if hit.phrase_index == 0:
            ctx.boundaries.setdefault(hit.line.index, f"field:{hit.name}")
    for line in ctx.lines:
        page_marks = ctx.marks[line.page - 1]
        if any(m.bbox.top - 2 <= line.bbox.cy <= m.bbox.bottom + 2 for m in page_marks):
            ctx.boundaries.setdefault(line.index, "marks")
    roles = {key(r) for r in ctx.profile.signature_roles} | {key(s) for s in ctx.profile.stop_lines}
    for line in ctx.lines:
        # Two signers side by side print two roles on one line: every phrase is a role.
        if key(line.text) in roles or all(key(p.text) in roles for p in line.phrases) \
                or is_signed_line(ctx, line):
            ctx.boundaries.setdefault(line.index, "signature")
    for pd in places:
        if pd.phrase_index == 0 and pd.line.index > 3:
            ctx.boundaries.setdefault(pd.line.index, "signature")


def _tables(ctx: Context, headings: dict[str, Heading]) -> tuple[list[Table], Table | None]:
    rule_e = ctx.profile.tables.get("beratungsergebnis")
    rule_f = ctx.profile.tables.get("beratungsfolge")
    vocab_e = Vocabulary(rule_e.columns if rule_e else {})
    vocab_f = Vocabulary(rule_f.columns if rule_f else {})
    # Öffentlich/nichtöffentlich also head Beratungsfolge tables: a result table needs more.
    result_keys = set(results.BOOL_KEYS | results.COUNT_KEYS) - {"oeffentlich", "nichtoeffentlich"}
    tables: list[Table] = []
    folge_table: Table | None = None
    for line in ctx.lines:
        if line.index in ctx.consumed or _has_marks(ctx, line):
            continue
        labels_e = table_header_labels(ctx, line, vocab_e) if vocab_e else []
        labels_f = table_header_labels(ctx, line, vocab_f) if vocab_f else []
        is_e = is_header(labels_e, {"gremium"}, 3, result_keys)
        is_f = folge_table is None and is_header(labels_f, {"gremium"}, 2, _FOLGE_ANY)
        if is_e and is_f:  # both vocabularies fit: the heading above decides, else the better fit
            above = _heading_above(line, headings)
            is_e = above == "beratungsergebnis" or (above != "beratungsfolge"
                                                    and _named(labels_e) > _named(labels_f))
            is_f = not is_e
        if is_e:
            table = read_table(ctx, line, labels_e, set())
            if table.rows:
                tables.append(table)
                ctx.consumed.update(table.lines)
        elif is_f:
            table = read_table(ctx, line, labels_f, set())
            if table.rows:
                folge_table = table
                ctx.consumed.update(table.lines)
    return tables, folge_table


_FOLGE_ANY = {"sitzung_am", "zustaendigkeit", "top", "zustaendigkeit=Vorberatung",
              "zustaendigkeit=Entscheidung", "zustaendigkeit=Kenntnisnahme"}


def _named(labels: Sequence[tuple[str | None, str, object]]) -> int:
    return sum(1 for name, _, _ in labels if name)


def _heading_above(line: Line, headings: dict[str, Heading]) -> str | None:
    above = [h for h in headings.values() if h.line.index < line.index]
    return max(above, key=lambda h: h.line.index).name if above else None


def _has_marks(ctx: Context, line: Line) -> bool:
    return any(m.bbox.top - 2 <= line.bbox.cy <= m.bbox.bottom + 2 for m in ctx.marks[line.page - 1])


def _results(ctx: Context, raw: RawVorlage, headings: dict[str, Heading], tables: list[Table],
             folge_table: Table | None) -> None:
    in_tables = {id(m) for t in tables for r in t.rows for ms in r.marks.values() for m in ms}
    # A Beratungsfolge's boxes (Ö/N, Zuständigkeit) are reported, but are no result.
    folge_rows = folge_table.rows if folge_table else []
    in_folge = {id(m) for r in folge_rows for ms in r.marks.values() for m in ms}
    for table in tables:
        _add_entries(raw, results.entries_from_table(ctx, table))
    tied: list[TiedMark] = []
    for page in ctx.pages:
        free = [m for m in ctx.marks[page.number - 1] if id(m) not in in_tables]
        if free:
            tied.extend(tie_marks(ctx, page.number, free, ctx.lines))
    result_keys = set(results.KEYS)
    heading = headings.get("beratungsergebnis")
    form = [t for t in tied if t.key in result_keys and id(t.mark) not in in_folge
            and _in_result_block(ctx, t, heading, headings)]
    if form or (heading is not None and not tables):
        block = _block_lines(ctx, heading, form)
        ctx.consumed.update(ln.index for ln in block)
        _add_entries(raw, results.entries_from_form(ctx, block, form))
    used = {id(t.mark) for t, _ in raw.checkboxes}
    for t in tied:
        if id(t.mark) not in used:
            raw.checkboxes.append((t, None))
            if not t.label:
                ctx.warnings.append(f"page {t.page}: checkbox at {_pos(t)} has no label")
    for t, _ in raw.checkboxes:
        if t.mark.ambiguous:
            ctx.warnings.append(f"page {t.page}: checkbox '{t.label}' is ambiguous "
                                f"(confidence {t.mark.confidence:.2f})")


def _in_result_block(ctx: Context, tied: TiedMark, heading: Heading | None,
                     headings: dict[str, Heading]) -> bool:
    """With a Beratungsergebnis heading, boxes between it and the next heading are results; a
    box naming a result ("öffentlich", "wie Beschlussvorschlag") counts anywhere, while one that
    merely says "ja"/"nein" (Haushaltsmittel erforderlich?) counts only inside the block."""
    if heading is None or tied.key in results.BOOL_KEYS:
        return True
    after = [h.line for h in headings.values() if h.line.index > heading.line.index
             and h.name != "beratungsergebnis"]
    end = min(after, key=lambda ln: ln.index) if after else None
    pos = (tied.page, tied.mark.bbox.cy)
    start = (heading.line.page, heading.line.bbox.top)
    return pos > start and (end is None or pos < (end.page, end.bbox.top))


def _add_entries(raw: RawVorlage, entries: list[results.Entry]) -> None:
    offset = len(raw.beratungsergebnis)
    raw.beratungsergebnis.extend(entries)
    for i, entry in enumerate(entries):
        for tied, name in entry.boxes:
            raw.checkboxes.append((tied, f"beratungsergebnis[{offset + i}].{name}" if name else None))


def _pos(t: TiedMark) -> str:
    return f"x={t.mark.bbox.x0:.0f}, y={t.mark.bbox.top:.0f}"


def _block_lines(ctx: Context, heading: Heading | None, form: list[TiedMark]) -> list[Line]:
    """A form's lines: from its heading (or first box) to the next section heading."""
    if heading is not None:
        start = heading.line.index  # "Abstimmungsergebnis: Ja: 9 Nein: 2" holds values itself
    else:
        first = min(form, key=lambda t: (t.page, t.mark.bbox.top))
        start = next((ln.index for ln in ctx.lines if ln.page == first.page
                      and ln.bbox.bottom >= first.mark.bbox.top - 30), len(ctx.lines))
    if form:
        last = max(form, key=lambda t: (t.page, t.mark.bbox.bottom))
    out = []
    for line in ctx.lines[start:]:
        kind = ctx.boundaries.get(line.index, "")
        # Labels among the boxes ("Laut / Beschlussvorschlag:") look like headings; they are not.
        among_boxes = bool(form) and (line.page, line.bbox.top) <= (last.page, last.mark.bbox.bottom)
        if kind.startswith(("section", "signature")) and not kind.startswith("section:beratungsergebnis") \
                and not among_boxes:
            break
        if form and (line.page, line.bbox.top) > (last.page, last.mark.bbox.bottom + 60):
            break
        if not form and kind.startswith("field"):
            break
        out.append(line)
    return out


def _fields(ctx: Context, raw: RawVorlage, labels: list[LabelHit]) -> None:
    for hit in labels:
        if hit.name in raw.fields or hit.line.index in ctx.consumed:
            continue
        rule = ctx.profile.fields[hit.name]
        found = value_of(ctx, hit, multiline=rule.kind == "multiline")
        if found is None or (rule.pattern and not re.search(rule.pattern, str(found.value))):
            continue
        if rule.kind == "date":
            found = _as_date(ctx, hit.name, found)
            if found is None:
                continue
        raw.fields[hit.name] = found
        ctx.used_labels.add((hit.line.index, hit.phrase_index))
    for name in ctx.profile.fields:
        if name not in raw.fields and any(h.name == name for h in labels) and name != "hinweis":
            ctx.warnings.append(f"{name}: label printed but no value found")
    for name, rule in ctx.profile.fields.items():
        if name not in raw.fields and rule.value_pattern:
            found = header.letterhead_value(ctx, rule.value_pattern)
            if found is not None:
                raw.fields[name] = found


def _as_date(ctx: Context, name: str, found: Found) -> Found | None:
    text = ctx.typed(str(found.value), found.page)
    dates = find_dates(text)
    if dates and dates[0][0].value is not None:
        return Found(dates[0][0].value, found.page, found.bbox, found.confidence)
    parsed = parse_date(text)
    if parsed.value is not None:
        return Found(parsed.value, found.page, found.bbox, found.confidence)
    if dates or any(c.isdigit() for c in str(found.value)):
        ctx.warnings.append(f"{name}: '{found.value}' is not a valid date")
        return Found(None, found.page, found.bbox, found.confidence, raw=str(found.value))
    return None


def _sections(ctx: Context, raw: RawVorlage, headings: dict[str, Heading], all_headings: list[Heading],
              folge_table: Table | None) -> None:
    for name in TEXT_SECTIONS:
        if name not in headings:
            continue
        # Several headings may feed one field ("1. Anlass", "2. Sachverhalt" → Begründung);
        # an empty one ("…folgenden Antrag:" before "Der Rat möge beschließen:") adds nothing.
        parts = [f for h in all_headings if h.name == name and h.line.index not in ctx.consumed
                 if (f := section_text(ctx, h)) is not None]  # not a label inside a form or grid
        if parts:
            first = parts[0]
            text = "\n".join(dict.fromkeys(str(p.value) for p in parts))  # a repeated heading adds nothing
            raw.fields[name] = Found(text, first.page, first.bbox, min(p.confidence for p in parts))
        else:
            ctx.warnings.append(f"{name}: heading printed but the section is empty")
    # Every Anlagen heading lists items: "Anlagen:" with a list, or one "Anlage 1 – …" line each.
    raw.anlagen = [item for h in all_headings if h.name == "anlagen" for item in section_items(ctx, h)]
    if folge_table is not None:
        raw.beratungsfolge = folge.rows_from_table(ctx, folge_table)
    elif "beratungsfolge" not in headings:
        raw.beratungsfolge = folge.rows_from_header_cells(ctx) or folge.rows_from_labels(ctx)
    elif "beratungsfolge" in headings:
        h = headings["beratungsfolge"]
        inline = " ".join(p.text for p in h.rest)
        align = h.rest[0].bbox.x0 if inline.strip() else None
        below = _short_lines(ctx, h.line, align)
        first = ctx.found(list(h.rest) or [h.label], inline)
        raw.beratungsfolge = folge.rows_from_lines(ctx, inline, below, first)


def _short_lines(ctx: Context, start: Line, align: float | None = None) -> list[Line]:
    """Lines right under `start` (aligned with `align` when given): a list without a heading."""
    out: list[Line] = []
    prev = start
    for line in ctx.lines_after(start):
        if ctx.is_boundary(line) or line.page != start.page:
            break
        if align is not None and abs(line.bbox.x0 - align) > 4:
            break
        if line.bbox.top - prev.bbox.bottom > 0.9 * ctx.line_height(line):
            break
        out.append(line)
        prev = line
    return out
