"""Stage 7, Beratungsfolge: a table (Datum | Gremium | Zuständigkeit …), lines under its heading
("Haupt- und Finanzausschuss (Vorberatung)", "28.05.2026 Stadtrat"), an info box of labelled
values ("Gremium: Bauausschuss", "Sitzungsdatum: …"), or a header line of bare cells."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..geometry import BBox, union
from ..parsing.dates import find_dates, first_date
from .document import Doc, Found
from .headings import Heading
from .normalize import clean, join_lines
from .tables import TICK_TEXT, Row, Table
from .text import Line, Phrase
from .vocab import Vocabulary

KEYS = ("gremium", "sitzung_am", "top", "zustaendigkeit", "oeffentlich")


@dataclass(frozen=True, slots=True)
class FolgeRow:
    leaves: dict[str, Found]
    page: int
    bbox: BBox

    @property
    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = dict.fromkeys(KEYS)
        out.update({k: f.value for k, f in self.leaves.items()})
        return out

    @property
    def confidence(self) -> float:
        return min((f.confidence for f in self.leaves.values()), default=1.0)


def find_folge(doc: Doc, headings: Sequence[Heading], tables: Sequence[Table], claimed: set[int],
               stops: set[int]) -> tuple[FolgeRow, ...]:
    """Every Beratungsfolge table, else the lines under its heading, else an info box of labels,
    else a header line of bare cells. ``claimed`` are phrases that are box labels (id), ``stops``
    lines where a list under a heading ends."""
    rows = [r for t in tables if t.kind == "beratungsfolge" for r in rows_from_table(doc, t)]
    if rows:
        return tuple(rows)
    heads = [h for h in headings if h.name == "beratungsfolge"]
    for h in heads:
        rows += rows_from_lines(doc, h, _list_lines(doc, h, stops), claimed)
    if heads:
        return tuple(rows)
    first_section = min((h.start for h in headings), default=len(doc.lines))
    return tuple(
        rows_from_header_cells(doc, first_section, stops)
        or rows_from_labels(doc, first_section, stops)
        or rows_from_roles(doc, first_section)
    )


def _list_lines(doc: Doc, heading: Heading, stops: set[int]) -> list[Line]:
    """Lines right under the heading (aligned with the text after it, if any): a list."""
    align = heading.rest[0].bbox.x0 if heading.rest else None
    out: list[Line] = []
    prev = heading.line
    for line in doc.after(heading.line):
        if line.index in stops or line.page != heading.line.page:
            break
        if align is not None and abs(line.bbox.x0 - align) > 4 and not _under(line, heading):
            break
        if line.bbox.top - prev.bbox.bottom > 0.9 * doc.line_height(line):
            break
        out.append(line)
        prev = line
    return out


def _under(line: Line, heading: Heading) -> bool:
    return line.bbox.x0 >= heading.label.bbox.x0 - 2


def rows_from_table(doc: Doc, table: Table) -> list[FolgeRow]:
    zust, public = doc.vocab.zustaendigkeit, doc.vocab.oeffentlich
    out = []
    for row in table.rows:
        leaves: dict[str, Found] = {}
        conf = row.confidence

        def put(name: str, value: Any, box: BBox, leaves: dict[str, Found] = leaves,
                conf: float = conf, page: int = row.page) -> None:
            if value is not None and name not in leaves:
                leaves[name] = Found(value, page, box, conf)

        for i, col in enumerate(table.columns):
            text, box = row.text(i), _cell(row, table, i)
            if col.name == "gremium":
                gremium, dated = gremium_and_date(text)
                put("gremium", gremium, box)
                put("sitzung_am", dated, box)
            elif col.name == "sitzung_am":
                put("sitzung_am", first_date(doc.typed(text, row.page)), box)
            elif col.name == "top":
                top, flag = _top_and_public(public, text)
                put("top", top, box)
                put("oeffentlich", flag, box)
            elif col.name == "zustaendigkeit":
                role = _zust(zust, text)
                put("zustaendigkeit", role, box)
                if role is None:
                    put("oeffentlich", _public(public, text, ()), box)  # a "Status" column of Ö/N
            elif col.name == "oeffentlich":
                put("oeffentlich", _public(public, text, row.marks[i]), box)
            elif col.name and col.name.startswith("zustaendigkeit=") and _ticked(row.marks[i], text):
                put("zustaendigkeit", col.name.split("=", 1)[1], box)
        if "gremium" in leaves:
            out.append(FolgeRow(leaves, row.page, row.bbox))
    return out


def _cell(row: Row, table: Table, col: int) -> BBox:
    words = row.cells[col]
    if words:
        return union(w.bbox for w in words)
    c = table.columns[col]
    return BBox(max(c.start, row.bbox.x0), row.bbox.top, min(c.end, row.bbox.x1), row.bbox.bottom)


def rows_from_lines(doc: Doc, heading: Heading, lines: list[Line], claimed: set[int]) -> list[FolgeRow]:
    """Without a table: each line is one Gremium, with any date, Zuständigkeit or Ö/N it names;
    a line naming no Gremium ("TOP   nicht öffentlich") adds to the row above it."""
    groups: list[list[Phrase]] = []
    rest = [p for p in heading.rest if id(p) not in claimed and clean(p.text).strip(":")]
    if rest:
        groups.append(rest)
    groups += [[p for p in ln.phrases if id(p) not in claimed] for ln in lines]
    out: list[FolgeRow] = []
    for phrases in groups:
        if not phrases:
            continue
        entry = entry_from_parts(doc, [p.text for p in phrases], phrases[0].page)
        box = union(p.bbox for p in phrases)
        conf = min(p.confidence for p in phrases)
        leaves = {k: Found(v, phrases[0].page, box, conf) for k, v in entry.items() if v is not None}
        if out and set(leaves) == {"gremium"} and _wraps(out[-1], entry["gremium"]):
            # "Ausschuss für Schulen, Kultur und" / "Sport": the name wrapped in its column.
            prev = out[-1].leaves["gremium"]
            joined = Found(join_lines([str(prev.value), entry["gremium"]]), prev.page,
                           union([prev.bbox, box]), min(prev.confidence, conf))
            above = out[-1]
            out[-1] = FolgeRow({**above.leaves, "gremium": joined}, above.page, union([above.bbox, box]))
        elif "gremium" in leaves:
            out.append(FolgeRow(leaves, phrases[0].page, box))
        elif out and leaves:
            merged = {**leaves, **out[-1].leaves}
            out[-1] = FolgeRow(merged, out[-1].page, union([out[-1].bbox, box]))
    return out


def _wraps(row: FolgeRow, text: str) -> bool:
    """The Gremium of the row above runs on into this line: it ends in a word that cannot end a
    name ("und", "für", a comma, a hyphen) or this line starts in lower case."""
    prev = row.leaves.get("gremium")
    if prev is None:
        return False
    name = str(prev.value).rstrip()
    return name.endswith((",", "-")) or name.split()[-1] in _OPEN_ENDS or text[:1].islower()


_OPEN_ENDS = frozenset({"und", "für", "der", "des", "die", "das", "zur", "zum", "sowie", "mit", "im", "in",
                        "&"})


def rows_from_labels(doc: Doc, before: int, stops: set[int]) -> list[FolgeRow]:
    """No Beratungsfolge printed as such: an info box of labelled values before the first section
    ("Gremium: Bauausschuss", "Sitzungsdatum: 26.08.2024", "TOP: 4", "Sitzungsart: öffentlich")."""
    vocab = doc.vocab.folge_columns
    if not vocab:
        return []
    values: dict[str, str] = {}
    where: list[Phrase] = []
    for line in doc.lines[:before]:
        for pi, phrase in enumerate(line.phrases):
            hit = vocab.prefix(phrase.words)
            if hit is None or not phrase.words[hit.nwords - 1].text.endswith(":") or hit.name in values:
                continue
            rest = " ".join(w.text for w in phrase.words[hit.nwords:])
            value = rest or (line.phrases[pi + 1].text if pi + 1 < len(line.phrases) else "")
            value = join_lines([value, *_wrapped_below(doc, line, phrase, pi)])
            if value:
                values[hit.name] = value
                where.append(phrase)
    if "gremium" not in values or len(values) < 2:
        return []
    page = where[0].page
    entry = entry_from_parts(doc, [values["gremium"]], page)
    if "sitzung_am" in values:
        entry["sitzung_am"] = first_date(doc.typed(values["sitzung_am"], page))
    if "top" in values:
        entry["top"] = clean(values["top"])
    if "oeffentlich" in values:
        entry["oeffentlich"] = _public(doc.vocab.oeffentlich, values["oeffentlich"], ())
    if "zustaendigkeit" in values:
        entry["zustaendigkeit"] = _zust(doc.vocab.zustaendigkeit, values["zustaendigkeit"])
    box = union(p.bbox for p in where)
    conf = min(p.confidence for p in where)
    return [FolgeRow({k: Found(v, page, box, conf) for k, v in entry.items() if v is not None}, page, box)]


def rows_from_roles(doc: Doc, before: int) -> list[FolgeRow]:
    """No Beratungsfolge printed as such: labels naming a Zuständigkeit give its Gremium
    ("Vorberatende Kommission: Finanzkommission", "Entscheidung: Gemeindeversammlung, 9. Juni")."""
    out = []
    for line in doc.lines[:before]:
        phrase = line.phrases[0]
        colon = next((i for i, w in enumerate(phrase.words) if w.text.endswith(":")), None)
        if colon is None or colon > 3:
            continue
        role = doc.vocab.zustaendigkeit.fuzzy(" ".join(w.text for w in phrase.words[:colon + 1]).rstrip(":"))
        rest = [w.text for w in phrase.words[colon + 1:]] + [p.text for p in line.phrases[1:]]
        if role is None or role[1] < 0.85 or not rest:
            continue
        entry = entry_from_parts(doc, rest, line.page)
        if entry["gremium"]:
            entry["zustaendigkeit"] = entry["zustaendigkeit"] or role[0]
            conf = min(p.confidence for p in line.phrases)
            leaves = {k: Found(v, line.page, line.bbox, conf) for k, v in entry.items() if v is not None}
            out.append(FolgeRow(leaves, line.page, line.bbox))
    return out


def _wrapped_below(doc: Doc, line: Line, label: Phrase, pi: int) -> list[str]:
    """A value wrapped onto the next line, under itself ("Bau-, Planungs- und / Umweltausschuss")."""
    if pi + 1 >= len(line.phrases) or line.index + 1 >= len(doc.lines):
        return []
    value = line.phrases[pi + 1]
    nxt = doc.lines[line.index + 1]
    under = [p for p in nxt.phrases if abs(p.bbox.x0 - value.bbox.x0) < 3]
    if nxt.page != line.page or not under or nxt.bbox.top - line.bbox.bottom > 0.8 * doc.line_height(line):
        return []
    left = [p for p in nxt.phrases if p.bbox.x1 <= under[0].bbox.x0 and p.bbox.x0 >= label.bbox.x0 - 1]
    return [] if left else [under[0].text]


def rows_from_header_cells(doc: Doc, before: int, stops: set[int]) -> list[FolgeRow]:
    """No Beratungsfolge printed as such: a header line of bare cells naming a Gremium, Ö/N and
    a Zuständigkeit ("Gemeinderat | öffentlich | Beschluss") is its one entry."""
    zust, public = doc.vocab.zustaendigkeit, doc.vocab.oeffentlich
    for line in doc.lines[:before]:
        texts = [p.text for p in line.phrases]
        if len(texts) < 3:
            continue
        if any(zust.whole(t) for t in texts) and any(public.whole(t) for t in texts):
            entry = entry_from_parts(doc, texts, line.page)
            if entry["gremium"]:
                conf = min(p.confidence for p in line.phrases)
                leaves = {k: Found(v, line.page, line.bbox, conf) for k, v in entry.items() if v is not None}
                return [FolgeRow(leaves, line.page, line.bbox)]
    return []


def entry_from_parts(doc: Doc, parts: list[str], page: int) -> dict[str, Any]:
    """Phrases of a line ("Kreistag | 02.12.2023 | nicht öffentlich | Entscheidung") to an entry."""
    entry: dict[str, Any] = dict.fromkeys(KEYS)
    kept: list[str] = []
    for part in parts:
        bare = part.rstrip(":")
        if doc.vocab.folge_columns.whole(bare) is not None and not find_dates(part) \
                and not doc.vocab.oeffentlich.whole(bare) and not doc.vocab.zustaendigkeit.whole(bare):
            continue  # a column label printed in the line ("TOP", "Sitzung am:")
        dates = find_dates(doc.typed(part, page))
        if dates and entry["sitzung_am"] is None:
            part = doc.typed(part, page)
            parsed, start, end = dates[0]
            entry["sitzung_am"] = parsed.value
            part = f"{part[:start]} {part[end:]}"
        kept += _runs_without(part, doc.vocab.zustaendigkeit, doc.vocab.oeffentlich, entry)
    # "1. Kreisausschuß am": the list number and a dangling preposition are no part of the name.
    gremium = _LIST_NUMBER.sub("", clean(" ".join(kept)))
    gremium = _balanced(_PAREN_ROLE.sub("", gremium).strip(" ,;"))
    # "… am 19.03.2024 (Vorberatung)", "Stadtsenat – –" (a date not yet set): the preposition
    # and the blanks are left once date and role are out.
    gremium = _DANGLING.sub("", gremium.rstrip(" ,;–—-_")).strip(" ,;–—-_")
    entry["gremium"] = gremium if sum(c.isalpha() for c in gremium) >= 3 else None
    return entry


def _balanced(text: str) -> str:
    """Drop brackets left over at either end ("Stadtrat (", ") Kreistag"); keep "(FGPK)"."""
    while text.endswith("(") or (text.endswith(")") and text.count("(") < text.count(")")):
        text = text[:-1].rstrip(" ,;")
    while text.startswith(")") or (text.startswith("(") and text.count(")") < text.count("(")):
        text = text[1:].lstrip(" ,;")
    return text


# "Haupt- und Finanzausschuss (Vorberatung)": the role in brackets is no part of the name.
_PAREN_ROLE = re.compile(r"\(\s*\)\s*$")


def _runs_without(part: str, zust: Vocabulary, public: Vocabulary, entry: dict[str, Any]) -> list[str]:
    """The words of a phrase that are not a Zuständigkeit or Ö/N value (those go into the entry)."""
    whole = part.strip().strip("()")
    if whole and public.whole(whole) and entry["oeffentlich"] is None:
        entry["oeffentlich"] = public.whole(whole) == "true"
        return []
    kept = []
    words = part.split()
    i = 0
    while i < len(words):
        w = words[i]
        pair = " ".join(words[i:i + 2]).strip("()")
        if i + 1 < len(words) and public.whole(pair) and entry["oeffentlich"] is None:
            entry["oeffentlich"] = public.whole(pair) == "true"
            i += 2
            continue
        bare = w.strip("(),;:")
        z = zust.whole(bare) if bare else None
        if z and entry["zustaendigkeit"] is None:
            entry["zustaendigkeit"] = z
            kept.append("(" * w.count("(") + ")" * w.count(")"))
        else:
            kept.append(w)
        i += 1
    return kept


def gremium_and_date(text: str) -> tuple[str | None, Any]:
    """A Gremium cell that also holds the session ("Hauptausschuss Fr, 25.03.2022")."""
    dates = find_dates(text)
    if not dates:
        return clean(text) or None, None
    parsed, start, end = dates[0]
    rest = _WEEKDAY_TAIL.sub("", clean(f"{text[:start]} {text[end:]}")).strip(" ,;")
    rest = _DANGLING.sub("", _without_leader(rest)).strip(" ,;")
    return rest or None, parsed.value


_LIST_NUMBER = re.compile(r"^\s*(?:\d{1,2}[.)]|[-–•])\s+")
# What OCR leaves of a dot leader between the Gremium and its date: "Finanzausschuß. nn. ...".
_LEADER_TOKEN = re.compile(r"\.*[^\W\d_]{0,2}\.+")


def _without_leader(text: str) -> str:
    words = text.split()
    if not words or (not _LEADER_TOKEN.fullmatch(words[-1]) and not words[-1].endswith("..")):
        return text
    while words and _LEADER_TOKEN.fullmatch(words[-1]):
        words.pop()
    return " ".join(words).rstrip(".")

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


def _ticked(marks: Sequence[Any], text: str) -> bool:
    return any(m.checked for m in marks) or text.strip() in TICK_TEXT


def _zust(vocab: Vocabulary, text: str) -> str | None:
    if not text.strip():
        return None
    match = vocab.fuzzy(text)
    return match[0] if match else None


def _public(vocab: Vocabulary, text: str, marks: Sequence[Any]) -> bool | None:
    if marks:
        return bool(marks[0].checked)
    name = vocab.whole(text) if text.strip() else None
    return {"true": True, "false": False}.get(name or "")
