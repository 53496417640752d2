"""Stage 6, Beratungsergebnis: entries from result tables, from blocks of tied boxes, and from
results written as text under a result heading.

A block is a run of boxes whose labels name results, close together (or under a
"Beratungsergebnis" heading). Boxes that only say öffentlich / nichtöffentlich, or answer a
yes/no question ("Finanzielle Auswirkungen: ☐ Ja ☒ Nein"), make no block: a header line
"☒ öffentlich ☐ nichtöffentlich" is the Vorlage's status, not a vote. A block splits into one
entry per Gremium where a result repeats, where a new grid or frame starts, or where a line
naming a session ("Rat der Stadt   Sitzung am 17.05.1975") comes between the boxes. Each entry
owns a band of lines; labelled values (Gremium, Sitzung am, TOP) and vote counts in its band
are its own. Only the lines of the block are claimed: the fields around it stay free.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..geometry import BBox, union
from ..model import Beratungsergebnis
from ..parsing.dates import find_dates, first_date
from ..parsing.numbers import parse_count
from ..profiles.model import COUNT_KEYS
from .counts import Count, is_count_tie
from .document import Doc, Found
from .folge import gremium_and_date
from .headings import Heading
from .normalize import clean, join_lines
from .regions import Regions
from .tables import TICK_TEXT, Table, phrase_labels
from .text import Line, Phrase
from .ties import Tie
from .vocab import Vocabulary

KEYS = tuple(Beratungsergebnis.model_fields)
BOOL_KEYS = frozenset(k for k in KEYS if k not in {*COUNT_KEYS, "gremium", "sitzung_am", "top"})
# Results that make a block by themselves; öffentlich/nichtöffentlich alone do not.
VOTE_KEYS = BOOL_KEYS - {"oeffentlich", "nichtoeffentlich"}
_FILL = re.compile(r"\.{4,}|_{3,}|…{2,}")
_VALUE_KEYS = frozenset({"gremium", "sitzung_am", "top"}) | frozenset(COUNT_KEYS)


@dataclass(frozen=True, slots=True)
class Entry:
    leaves: dict[str, Found]  # key → value with its place (only the keys that were read)
    boxes: tuple[tuple[Tie, str | None], ...]  # each box with the key it sets (None: no contract key)
    page: int
    bbox: BBox | None
    unboxed: tuple[str, ...] = ()  # options whose label the block prints, but no box was read for

    @property
    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = dict.fromkeys(KEYS)
        out.update({k: f.value for k, f in self.leaves.items()})
        return out


@dataclass(frozen=True, slots=True)
class Results:
    entries: tuple[Entry, ...]
    lines: frozenset[int]  # lines the blocks cover (no field or section text comes from them)
    ties: frozenset[int]  # id() of the ties used by an entry
    counts: frozenset[int]  # id() of the counts used by an entry


@dataclass
class _Draft:
    """An entry while its block is read; frozen into an Entry at the end."""

    leaves: dict[str, Found] = field(default_factory=dict)
    boxes: list[tuple[Tie, str | None]] = field(default_factory=list)
    region: tuple[int, int] | None = None  # (page, grid or frame) of its boxes
    first: int = 10**9  # first and last line index of its boxes
    last: int = -1
    printed: set[str] = field(default_factory=set)  # option keys whose labels its lines print

    def set(self, name: str, found: Found) -> None:
        if name not in self.leaves or self.leaves[name].value is None:
            self.leaves[name] = found

    def freeze(self) -> Entry:
        boxes = [t.mark.bbox for t, _ in self.boxes] + [f.bbox for f in self.leaves.values()]
        page = self.boxes[0][0].page if self.boxes else next(iter(self.leaves.values())).page
        unboxed = tuple(sorted(k for k in self.printed if self.leaves.get(k) is None
                               or self.leaves[k].value is None))
        return Entry(dict(self.leaves), tuple(self.boxes), page, union(boxes) if boxes else None, unboxed)


def find_results(doc: Doc, regions: Regions, headings: tuple[Heading, ...], ties: tuple[Tie, ...],
                 counts: tuple[Count, ...], tables: tuple[Table, ...]) -> Results:
    entries: list[Entry] = []
    lines: set[int] = set()
    used_ties: set[int] = set()
    used_counts: set[int] = set()
    in_tables = {ln for t in tables for ln in t.lines}
    for table in tables:
        if table.kind == "beratungsergebnis":
            entries += entries_from_table(doc, table)
    free = [t for t in ties if _line_of(doc, t) not in in_tables and not is_count_tie(t, doc)]
    zones = _heading_zones(doc, headings)
    floor = 0  # a block never reaches back into the one before it
    for block in _blocks(doc, free, zones):
        drafts = _split(doc, regions, block)
        bands = _bands(doc, regions, drafts, zones, in_tables, floor)
        floor = drafts[-1].last + 1
        for draft, band in zip(drafts, bands, strict=True):
            _band_values(doc, regions, draft, band, counts, used_counts)
            lines.update(ln.index for ln in band)
        entries += [d.freeze() for d in drafts if _substance(d)]
        used_ties.update(id(t) for t in block)
    if not any(e for e in entries) and zones:
        for start, end in zones:
            text_entry = _written_entry(doc, doc.lines[start:end], counts, used_counts)
            if text_entry is not None:
                entries.append(text_entry)
                lines.update(range(start, end))
    entries = _session_from_title(doc, entries)
    return Results(tuple(entries), frozenset(lines), frozenset(used_ties), frozenset(used_counts))


def _line_of(doc: Doc, tie: Tie) -> int:
    # Asked again and again of each box (its block, band and session): the page's lines are
    # scanned once per height.
    cy = tie.mark.bbox.cy
    slot = ("line_of", tie.page, cy)
    index: int | None = doc.memo.get(slot)
    if index is None:
        index = next((line.index for line in doc.on_page(tie.page)
                      if line.bbox.top - 2 <= cy <= line.bbox.bottom + 2), -1)
        doc.memo[slot] = index
    return index


def _tie_line(doc: Doc, tie: Tie) -> int:
    """The line of a box, or (a box alone on its line) the line just above it."""
    index = _line_of(doc, tie)
    if index >= 0:
        return index
    above = [ln for ln in doc.on_page(tie.page) if ln.bbox.bottom <= tie.mark.bbox.cy]
    return above[-1].index if above else 0


# --- blocks -----------------------------------------------------------------------------------


def _heading_zones(doc: Doc, headings: tuple[Heading, ...]) -> list[tuple[int, int]]:
    """Line ranges [start, end) from each result heading to the next heading of another kind."""
    zones = []
    for h in headings:
        if h.name != "beratungsergebnis":
            continue
        end = next((o.start for o in headings if o.start > h.line.index and o.name != "beratungsergebnis"),
                   len(doc.lines))
        zones.append((h.start, end))
    return zones


def _in_zone(index: int, zones: list[tuple[int, int]]) -> bool:
    return any(a <= index < b for a, b in zones)


def _blocks(doc: Doc, ties: list[Tie], zones: list[tuple[int, int]]) -> list[list[Tie]]:
    """Runs of result boxes close together; a run with no vote result (only Ö/N) is no block."""
    ordered = sorted(ties, key=lambda t: (t.page, t.mark.bbox.top, t.mark.bbox.x0))
    blocks: list[list[Tie]] = []
    prev: Tie | None = None
    for t in ordered:
        zoned = _in_zone(_tie_line(doc, t), zones)
        resultish = t.key in BOOL_KEYS or _context_key(doc, t) or zoned
        if not resultish:
            continue
        if t.key in COUNT_KEYS and t.group is not None:
            continue  # "Finanzielle Auswirkungen: ☐ Ja ☐ Nein": an answer, no vote
        if prev is None or not _close(doc, prev, t):
            blocks.append([])
        blocks[-1].append(t)
        prev = t
    return [b for b in blocks if any(t.key in VOTE_KEYS for t in b)
            or (any(_in_zone(_tie_line(doc, t), zones) for t in b) and len(b) >= 2)]


def _context_key(doc: Doc, tie: Tie) -> bool:
    """A known result label that is no contract key ("vertagt", "abgelehnt", "ohne BE")."""
    return tie.key is not None and tie.key not in COUNT_KEYS and tie.key in doc.profile.checkboxes


def _close(doc: Doc, a: Tie, b: Tie) -> bool:
    if a.page != b.page:
        return b.mark.bbox.top < 0.3 * doc.page(b.page).height and \
            a.mark.bbox.bottom > 0.6 * doc.page(a.page).height
    height = max(a.mark.bbox.height, 8.0)
    return b.mark.bbox.top - a.mark.bbox.bottom <= doc.settings.block_tail_lines * 2 * height


# --- entries ----------------------------------------------------------------------------------


def _split(doc: Doc, regions: Regions, block: list[Tie]) -> list[_Draft]:
    drafts = [_Draft()]
    for t in sorted(block, key=lambda t: (t.page, round(t.mark.bbox.top / 4), t.mark.bbox.x0)):
        line = _tie_line(doc, t)
        region = _region(regions, t)
        cur = drafts[-1]
        key = t.key if t.key in BOOL_KEYS else None
        repeated = key is not None and any(k == key for _, k in cur.boxes)
        new_region = cur.region is not None and region is not None and region != cur.region
        header_between = cur.boxes and _session_line_between(doc, cur.last, line)
        if cur.boxes and (repeated or new_region or header_between):
            cur = _Draft()
            drafts.append(cur)
        cur.boxes.append((t, key))
        cur.region = cur.region or region
        cur.first, cur.last = min(cur.first, line), max(cur.last, line)
        if key is not None:
            cur.set(key, Found(t.mark.checked, t.page, t.mark.bbox, min(t.mark.confidence, t.quality)))
    return drafts


def _region(regions: Regions, tie: Tie) -> tuple[int, int] | None:
    cell = regions.cell_at(tie.page, tie.mark.bbox)
    if cell is not None:
        return (tie.page, cell.grid)
    frame = regions.frame_at(tie.page, tie.mark.bbox)
    return (tie.page, 1000 + frame.row) if frame is not None else None


def _session_line_between(doc: Doc, a: int, b: int) -> bool:
    """A line between two boxes that names a session: a Gremium with "Sitzung am"/"TOP", a
    "Gremium:" label, or a bold line of its own."""
    return any(_is_session_line(doc, line) for line in doc.lines[a + 1:b])


def _is_session_line(doc: Doc, line: Line) -> bool:
    for phrase in line.phrases:
        hit = doc.vocab.ergebnis_columns.prefix(phrase.words)
        if hit is None or hit.name not in ("gremium", "sitzung_am", "top"):
            continue
        rest = phrase.words[hit.nwords:]
        # "Gremium:", "Sitzung am 30.04.1975", "TOP 5" — a label, not "Ausschuss zu berichten."
        if hit.strong or (rest and any(c.isdigit() for c in rest[0].text)):
            return True
    return line.phrases[0].bold and not doc.vocab.checkboxes.fuzzy(line.phrases[0].text)


def _bands(
    doc: Doc,
    regions: Regions,
    drafts: list[_Draft],
    zones: list[tuple[int, int]],
    in_tables: set[int],
    floor: int,
) -> list[list[Line]]:
    """Each entry's lines: from its session line (or first box) to the line before the next
    entry's session line; the first entry may start a few lines above its boxes."""
    starts = []
    for i, d in enumerate(drafts):
        if i == 0:
            starts.append(_block_start(doc, d.first, zones, in_tables, floor))
            continue
        prev_last = drafts[i - 1].last
        owned = _cells_of(doc, regions, doc.lines[drafts[i - 1].first])
        between = [
            ln for ln in doc.lines[prev_last + 1 : d.first + 1] if not _cells_of(doc, regions, ln) & owned
        ]
        head = next((ln.index for ln in between if _is_session_line(doc, ln)), None)
        starts.append(head if head is not None else (between[0].index if between else d.first))
    ends = [s - 1 for s in starts[1:]] + [_block_end(doc, drafts[-1].last, in_tables)]
    return [
        [ln for ln in doc.lines[a : b + 1] if ln.index not in in_tables]
        for a, b in zip(starts, ends, strict=True)
    ]


def _cells_of(doc: Doc, regions: Regions, line: Line) -> set[tuple[int, int, int, int]]:
    """The ruled cells a line's text stands in: a line sharing a cell with an entry's first line
    ("TOP" under the Gremium name in one cell) belongs to that entry."""
    out = set()
    for p in line.phrases:
        cell = regions.cell_at(line.page, p.bbox)
        if cell is not None:
            out.add((cell.page, cell.grid, cell.row, cell.col))
    return out


def _block_start(doc: Doc, first: int, zones: list[tuple[int, int]], in_tables: set[int], floor: int) -> int:
    """A block starts at the nearest result heading above its first box (climbing on through the
    session lines and headings right above it), else at the session lines right above it."""
    heads = [a for a, _ in zones if floor <= a <= first]
    if heads:
        start = max(heads)
        for line in reversed(doc.lines[floor:start]):
            if line.index in in_tables or not (_is_session_line(doc, line) or _result_heading(doc, line)):
                break
            start = line.index
        return start
    start = first
    for line in reversed(doc.lines[max(floor, first - doc.settings.block_header_lines):first]):
        if line.page != doc.lines[first].page or line.index in in_tables or not _session_like(doc, line):
            break
        start = line.index
    return start


def _result_heading(doc: Doc, line: Line) -> bool:
    hit = doc.vocab.sections.prefix(line.phrases[0].words)
    return hit is not None and hit.name == "beratungsergebnis"


def _session_like(doc: Doc, line: Line) -> bool:
    """A line that may head a result block: it names a session or a Gremium, in few words."""
    if _is_session_line(doc, line):
        return True
    return (
        len(line.phrases) <= 3
        and len(line.text) <= 60
        and doc.vocab.fields.prefix(line.phrases[0].words) is None
        and doc.vocab.sections.prefix(line.phrases[0].words) is None
        and not line.text.rstrip().endswith(".")
    )


def _block_end(doc: Doc, last: int, in_tables: set[int]) -> int:
    """After the last box: lines that still hold result labels or counts ("Ja: 12 Nein: 3")."""
    end = last
    vocab = doc.vocab.ergebnis_columns
    for line in doc.lines[last + 1:last + 4]:
        if line.page != doc.lines[last].page or line.index in in_tables:
            break
        if line.bbox.top - doc.lines[end].bbox.bottom > 2.5 * doc.line_height(line):
            break
        names = {n for n, _, _ in phrase_labels(line, vocab) if n}
        if not names & ({*COUNT_KEYS, "sitzung_am", "top"}) and not _counts_in_text(doc, line):
            break
        end = line.index
    return end


def _substance(d: _Draft) -> bool:
    return bool(d.boxes) or any(k in d.leaves for k in ("gremium", *COUNT_KEYS, *BOOL_KEYS))


# --- values in an entry's band ----------------------------------------------------------------


def _printed_options(doc: Doc, band: list[Line]) -> set[str]:
    """Result options whose label stands as a phrase of its own on the block's lines."""
    out = set()
    for line in band:
        for phrase in line.phrases:
            hit = doc.vocab.checkboxes.fuzzy(phrase.text.rstrip(": "))
            if hit is not None and hit[1] >= 0.85 and hit[0] in BOOL_KEYS:
                out.add(hit[0])
    return out


def _band_values(
    doc: Doc,
    regions: Regions | None,
    draft: _Draft,
    band: list[Line],
    counts: tuple[Count, ...],
    used: set[int],
) -> None:
    if not band:
        return
    indexes = {ln.index for ln in band}
    if draft.boxes:  # a block of boxes: which of its printed options got none
        draft.printed.update(_printed_options(doc, band))
    for c in counts:
        if c.line in indexes and (c.strong or c.value is not None):
            draft.set(c.key, Found(c.value, c.page, c.bbox, c.confidence, raw=c.raw))
            used.add(id(c))
    label_phrases = {id(p) for t, _ in draft.boxes for p in t.phrases}
    vocab = doc.vocab.ergebnis_columns
    for li, line in enumerate(band):
        for name, found in _written_results(doc, line):
            draft.set(name, found)
        for name, box, text, phrases in inline_pairs(line, vocab):
            if name in ("gremium", "sitzung_am", "top"):
                _set_value(doc, draft, name, text, line.page, box, phrases)
        for name, box in _strong_labels(line, vocab):
            if name not in ("gremium", "sitzung_am", "top") or name in draft.leaves:
                continue
            options = (
                (_value_in_cell(doc, regions, line.page, box, label_phrases) if regions else None),
                _value_right(line, box, label_phrases),
                _value_below(doc, band[li + 1 : li + 2], box, label_phrases),
            )
            value = next((v for v in options if v is not None and not _label_text(doc, v[0])), None)
            if value is None:
                continue  # only the next label follows: the field was left blank
            text, phrases = value
            _set_value(doc, draft, name, text, line.page, box, phrases)
    if "gremium" not in draft.leaves:
        _unlabelled_session(doc, draft, band, label_phrases)


def _strong_labels(line: Line, vocab: Vocabulary) -> list[tuple[str, BBox]]:
    """Labels that stand as labels: a whole phrase ("Sitzung am") or ending in a colon — not the
    first word of a name ("Ausschuss für Stadtentwicklung")."""
    out = []
    for phrase in line.phrases:
        hit = vocab.prefix(phrase.words)
        if hit is not None and hit.strong:
            words = phrase.words[:hit.nwords]
            out.append((hit.name, BBox(words[0].bbox.x0, min(w.bbox.top for w in words), words[-1].bbox.x1,
                                       max(w.bbox.bottom for w in words))))
    return out


def _label_text(doc: Doc, text: str) -> bool:
    return text.rstrip().endswith(":") or bool(doc.vocab.checkboxes.whole(text)) \
        or bool(doc.vocab.ergebnis_columns.whole(text))


def _set_value(doc: Doc, draft: _Draft, name: str, text: str, page: int, label: BBox,
               phrases: Sequence[Phrase]) -> None:
    text = _FILL.sub(" ", text).strip()
    if not any(c.isalnum() for c in text):
        return  # a blank form line ("……", "____") is an empty field
    box = union(p.bbox for p in phrases) if phrases else label
    conf = min((p.confidence for p in phrases), default=1.0)
    if name == "sitzung_am":
        value: Any = first_date(doc.typed(text, page))
    elif name == "gremium":
        value, dated = gremium_and_date(text)
        if dated is not None:
            draft.set("sitzung_am", Found(dated, page, box, conf))
    else:
        value = clean(text) or None
    if value is not None:
        draft.set(name, Found(value, page, box, conf))


def _unlabelled_session(doc: Doc, draft: _Draft, band: list[Line], label_phrases: set[int]) -> None:
    """No "Gremium" label: the first words of the band that are no label, date or number name
    the Gremium ("Rat der Stadt   Sitzung am 17.05.1975", a bold "Kreisausschuss", the Gremium
    cell left of a row of boxes); a date among them is the session's."""
    first_box_line = draft.first
    for line in band:
        if line.index > first_box_line:
            break
        first_mark_x = min(
            (t.mark.bbox.x0 for t, _ in draft.boxes if _tie_line(doc, t) == line.index), default=1e9
        )
        phrases = line.phrases
        if doc.vocab.sections.prefix(phrases[0].words) is not None:
            phrases = phrases[
                1:
            ]  # the block's heading ("Beratungsergebnis:"); text after it may name the session
        for phrase in phrases:
            if id(phrase) in label_phrases or phrase.bbox.x0 >= first_mark_x:
                continue
            text = clean(phrase.text)
            if _FILL.search(text):
                break  # a form line left blank ("Gremium: ……")
            hit = doc.vocab.ergebnis_columns.prefix(phrase.words)
            field = doc.vocab.fields.prefix(phrase.words)
            if (hit is not None and hit.strong) or (field is not None and field.strong) \
                    or doc.vocab.checkboxes.whole(text):
                break  # the rest of the line is labels and their values ("Ausschuss für …" is a name)
            dates = find_dates(doc.typed(text, line.page))
            if dates and len(text) - (dates[0][2] - dates[0][1]) < 4:
                if dates[0][0].value is not None:
                    draft.set(
                        "sitzung_am", Found(dates[0][0].value, line.page, phrase.bbox, phrase.confidence)
                    )
                continue
            if sum(c.isalpha() for c in text) < 3:
                continue
            name, dated = gremium_and_date(text)
            if name:
                draft.set("gremium", Found(name, line.page, phrase.bbox, phrase.confidence))
                if dated is not None:
                    draft.set("sitzung_am", Found(dated, line.page, phrase.bbox, phrase.confidence))
                return


def inline_pairs(line: Line, vocab: Any) -> list[tuple[str, BBox, str, list[Phrase]]]:
    """"Gremium: Stadtrat Sitzung am: 7.2.2023 TOP: 4" → (name, label box, value) per label
    that ends in a colon, or is followed by its value in the same phrase ("Sitzung am 30.04.1975")."""
    out: list[tuple[str, BBox, list[str], list[Phrase]]] = []
    for phrase in line.phrases:
        words = phrase.words
        may = vocab.may_begin(words)  # where prefix() can find a label at all
        i = 0
        current: list[str] | None = None
        while i < len(words):
            hit = vocab.prefix(words[i:]) if may[i] else None
            if hit is not None and (words[i + hit.nwords - 1].text.endswith(":") or
                                    (hit.name in ("sitzung_am", "top") and i + hit.nwords < len(words))):
                current = []
                out.append((hit.name, words[i].bbox, current, [phrase]))
                i += hit.nwords
                continue
            if current is not None:
                current.append(words[i].text)
            i += 1
    return [(name, box, " ".join(value), ph) for name, box, value, ph in out if value]


def _value_in_cell(doc: Doc, regions: Regions, page: int, label: BBox,
                   claimed: set[int]) -> tuple[str, list[Phrase]] | None:
    """In a ruled cell the value is the rest of the cell: beside the label or under it."""
    cell = regions.cell_at(page, label)
    if cell is None:
        return None
    phrases = [
        p
        for ln in doc.on_page(page)
        for p in ln.phrases
        if cell.holds(p.bbox)
        and id(p) not in claimed
        and (p.bbox.x0 >= label.x1 - 0.5 or p.bbox.top >= label.bottom - 0.5)
    ]
    if not phrases:
        return None
    return join_lines([p.text for p in phrases]), phrases


def _value_right(line: Line, box: BBox, claimed: set[int]) -> tuple[str, list[Phrase]] | None:
    words = [
        (w, p) for p in line.phrases if id(p) not in claimed for w in p.words if w.bbox.x0 >= box.x1 - 0.5
    ]
    if not words:
        return None
    first = words[0][0]
    if first.bbox.x0 - box.x1 > 3 * first.bbox.height:
        return None
    out = [words[0]]
    for w, p in words[1:]:
        if w.bbox.x0 - out[-1][0].bbox.x1 > first.bbox.height or out[-1][0].text.endswith(":"):
            break  # a gap, or the next label ("Gremium: ……  Sitzung am: ……")
        out.append((w, p))
    if out[-1][0].text.endswith(":") and len(out) > 1:
        out = out[:-1]
    text = " ".join(w.text for w, _ in out).lstrip(":").strip()
    phrases = list(dict.fromkeys(p for _, p in out))
    return (text, phrases) if any(c.isalnum() for c in text) else None


def _value_below(
    doc: Doc, lines: list[Line], box: BBox, claimed: set[int]
) -> tuple[str, list[Phrase]] | None:
    """The value under a label in a row of labels, on the next line."""
    for line in lines:
        under = [p for p in line.phrases if id(p) not in claimed
                 and p.bbox.x0 < box.x1 + 4 and p.bbox.x1 > box.x0 - 4]
        if under:
            return " ".join(p.text for p in under), under
    return None


# "Abstimmung: 12 : 3" or "15:0:2" — Ja : Nein (: Enthaltungen), the Bavarian way.
_DIGIT = re.compile(r"\d")
_RATIO = re.compile(r":\s*(\d{1,3})\s*:\s*(\d{1,3})(?:\s*:\s*(\d{1,3}))?(?![\d.])")


def _written_results(doc: Doc, line: Line) -> list[tuple[str, Found]]:
    """Results written in the line itself: "Abstimmungsergebnis: einstimmig", "12 : 3",
    "mit 18 Ja-Stimmen, 1 Nein-Stimme"."""
    out: list[tuple[str, Found]] = []
    where = Found(None, line.page, line.bbox, min(p.confidence for p in line.phrases))
    for phrase in line.phrases:
        words = phrase.words
        for i, w in enumerate(words[:-1]):
            if w.text.endswith(":"):
                tail = " ".join(x.text for x in words[i + 1:])
                match = doc.vocab.checkboxes.whole(tail)
                if match in BOOL_KEYS:
                    out.append((match, Found(True, line.page, phrase.bbox, phrase.confidence)))
                break
    text = doc.typed(line.text, line.page)
    m = _RATIO.search(text)
    if (
        m is not None
        and not find_dates(text)
        and doc.vocab.sections.prefix(line.phrases[0].words) is not None
    ):
        out.append(("ja_stimmen", Found(int(m.group(1)), where.page, where.bbox, where.confidence)))
        out.append(("nein_stimmen", Found(int(m.group(2)), where.page, where.bbox, where.confidence)))
        if m.group(3) is not None:
            out.append(("enthaltungen", Found(int(m.group(3)), where.page, where.bbox, where.confidence)))
    for name, value in counts_before_labels(text, doc.profile.checkboxes):
        out.append((name, Found(value, where.page, where.bbox, where.confidence)))
    return out


def _counts_in_text(doc: Doc, line: Line) -> bool:
    return bool(counts_before_labels(doc.typed(line.text, line.page), doc.profile.checkboxes))


def counts_before_labels(text: str, labels: dict[str, list[str]]) -> list[tuple[str, int]]:
    """"mit 18 Ja-Stimmen, 1 Nein-Stimme und 2 Enthaltungen": numbers printed before their label."""
    out: list[tuple[str, int]] = []
    if _DIGIT.search(text) is None:
        return out  # every count is a number: most lines have none
    label_before, patterns = _count_patterns(
        tuple((name, tuple(labels.get(name, []))) for name in COUNT_KEYS))
    for name, pattern in patterns:
        for m in pattern.finditer(text):
            before = text[: m.start(1)]
            if before.rstrip().endswith(":") or (label_before and label_before.search(before)):
                continue  # "Ja: 14 Nein: 9", "Nein _9 Enthaltungen": the number follows its own label
            out.append((name, int(m.group(1))))
            break
    return out


@lru_cache(maxsize=64)
def _count_patterns(labels: tuple[tuple[str, tuple[str, ...]], ...],
                    ) -> tuple[re.Pattern[str] | None, tuple[tuple[str, re.Pattern[str]], ...]]:
    """For counts_before_labels, per profile's count labels (asked of every line): a label
    ending the text, and per count key (sorted) a number followed by one of its labels."""
    every = [w for _, words in labels for w in words]
    label_before = re.compile(rf"(?:{'|'.join(re.escape(w) for w in every)})[\s:_.…]*$",
                              re.IGNORECASE) if every else None
    patterns = []
    for name, words in sorted(labels):
        if not words:
            continue
        alternatives = "|".join(re.escape(w).replace(r"\-", "[-‐ ]?")
                                for w in sorted(words, key=len, reverse=True))
        patterns.append((name, re.compile(
            rf"(?<![\d.,])(\d{{1,4}})\s*(?:{alternatives})(?![a-zäöüß])(?!\s*:)", re.IGNORECASE)))
    return label_before, tuple(patterns)


def _written_entry(
    doc: Doc, lines: Sequence[Line], counts: tuple[Count, ...], used: set[int]
) -> Entry | None:
    """A result heading over text, no boxes: "Abstimmungsergebnis: einstimmig", "Ja: 12 Nein: 3"."""
    draft = _Draft()
    if not lines:
        return None
    draft.first = lines[0].index
    _band_values(doc, None, draft, list(lines), counts, used)
    return draft.freeze() if _substance(draft) and draft.leaves else None


# --- result tables ----------------------------------------------------------------------------


def entries_from_table(doc: Doc, table: Table) -> list[Entry]:
    out = []
    ticked_cols = {i for row in table.rows for i, ms in enumerate(row.marks) if ms} | {
        i for row in table.rows for i in range(len(table.columns)) if row.text(i) in TICK_TEXT}
    for row in table.rows:
        draft = _Draft()
        conf = row.confidence
        for i, col in enumerate(table.columns):
            name, text = col.name, row.text(i)
            cell = _cell_box(row, i, table)
            if name == "gremium":
                gremium, dated = gremium_and_date(text)
                if gremium:
                    draft.set("gremium", Found(gremium, row.page, cell, conf))
                if dated is not None:
                    draft.set("sitzung_am", Found(dated, row.page, cell, conf))
            elif name == "top":
                if clean(text):
                    draft.set("top", Found(clean(text), row.page, cell, conf))
            elif name == "sitzung_am":
                date = first_date(doc.typed(text, row.page))
                if date is not None:
                    draft.set("sitzung_am", Found(date, row.page, cell, conf))
            elif name in COUNT_KEYS:
                draft.set(
                    name,
                    Found(
                        parse_count(doc.typed(text, row.page)),
                        row.page,
                        cell,
                        conf,
                        raw=text if text and parse_count(doc.typed(text, row.page)) is None else None,
                    ),
                )
            elif name == "ergebnis":
                result = doc.vocab.checkboxes.fuzzy(text) if text else None
                if result is not None and result[0] in BOOL_KEYS:
                    draft.set(result[0], Found(True, row.page, cell, conf))  # no box: only the named result
            elif name in BOOL_KEYS or (name is None and row.marks[i]) or (name and row.marks[i]):
                _table_mark(draft, row, i, col.label, col.header, name, cell, text, i in ticked_cols)
        if draft.boxes or any(f.value is not None for f in draft.leaves.values()):
            out.append(draft.freeze())
    return out


def _cell_box(row: Any, col: int, table: Table) -> BBox:
    c = table.columns[col]
    return BBox(max(c.start, row.bbox.x0), row.bbox.top, min(c.end, row.bbox.x1), row.bbox.bottom)


def _table_mark(draft: _Draft, row: Any, i: int, label: str, header: BBox, name: str | None, cell: BBox,
                text: str, column_ticked: bool) -> None:
    key = name if name in BOOL_KEYS else None
    marks = row.marks[i]
    if marks:
        mark = marks[0]
        checked = any(m.checked for m in marks)
        tie = Tie(mark, row.page, label, header, name, "column", 0.9)
        draft.boxes.append((tie, key))
        if key is not None:
            draft.set(key, Found(checked, row.page, mark.bbox, mark.confidence))
    elif key is None:
        return
    elif text in TICK_TEXT:
        draft.set(key, Found(True, row.page, cell, 0.9))
    else:
        # A result grid's column is a printed option: a cell without a tick was not ticked
        # (less sure when no cell of the column holds one: the marks may have been missed).
        draft.set(key, Found(False, row.page, cell, 0.9 if column_ticked else 0.75))


# --- a session named in the title -------------------------------------------------------------

# "… über die 12. Sitzung des Bauausschusses am 14.06.2023" (minutes excerpts, Auszüge).
_SESSION = re.compile(r"Sitzung\s+(?:des|der)\s+(?P<gremium>.+?)\s+(?:am|vom)\s+(?P<date>.+)$")


def _session_from_title(doc: Doc, entries: list[Entry]) -> list[Entry]:
    """An excerpt names its session in the title; the one result entry without one gets it."""
    if len(entries) != 1 or "gremium" in entries[0].leaves:
        return entries
    entry = entries[0]
    for line in doc.lines[:12]:
        nxt = doc.lines[line.index + 1] if line.index + 1 < len(doc.lines) else None
        text = join_lines([line.text, *([nxt.text] if nxt is not None and nxt.page == line.page else [])])
        m = _SESSION.search(text)
        if m is None:
            continue
        leaves = dict(entry.leaves)
        conf = min(p.confidence for p in line.phrases)
        leaves["gremium"] = Found(_nominative(m.group("gremium")), line.page, line.bbox, conf)
        dates = find_dates(doc.typed(m.group("date"), line.page))
        if dates and dates[0][0].value is not None and "sitzung_am" not in leaves:
            leaves["sitzung_am"] = Found(dates[0][0].value, line.page, line.bbox, conf)
        return [Entry(leaves, entry.boxes, entry.page, entry.bbox)]
    return entries


def _nominative(genitive: str) -> str:
    """"Bauausschusses" → "Bauausschuss", "Gemeinderates" → "Gemeinderat": the head noun only."""
    head, _, rest = genitive.partition(" ")
    for ending in ("sses", "es", "s"):
        if head.endswith(ending) and len(head) > len(ending) + 3:
            head = head[: -len(ending)] + ("ss" if ending == "sses" else "")
            break
    return f"{head} {rest}".strip()
