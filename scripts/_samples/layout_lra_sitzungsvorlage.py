"""Layout 16: a Landratsamt "Sitzungsvorlage" / "Beschlussvorlage" in a label column.

Ported from a layout written for held-out testing by engineers outside the team. Narrow bold
labels at the left margin (Vorlage-Nr., Sachgebiet/Federführung, Aktenzeichen, Datum,
Sachbearbeitung, Betreff, Gremienweg, Beschluss-/vorschlag, Sachvortrag/Begründung,
Finanzielle/Auswirkun-/gen, Anlagen), some of them broken over two or three lines with a
hyphen, the values in a column to their right, long values flowing over page breaks; the type
word in capitals at the right of the letterhead (the vorlagenart) above an "öffentlich /
nichtöffentlich" box pair; the Gremienweg as lines "date  Gremium  role  ö|nö" or as dashed
names with a ruled Beratungsfolge table further down whose rows continue on the next page under
a repeated header ("Beratungsfolge (Fortsetzung):"); a framed "Tischvorlage"; ja/nein boxes in
the finance row and a Klimarelevanz row. The Beratungsergebnis is a ruled grid with one row per
Gremium under rotated or hyphenated column headers; its cells hold a bare "X" (no printed box,
so no checkbox: the grid still gives the values), drawn squares or box glyphs. In the Bavarian
variant the TOP reads "Ö 9"/"N 4" (public or closed part, item 9), and Anlagen follow the
Vorlage as extra pages without its running header and page numbers (an architect's cost
calculation with its own date and signature).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from _samples.boxes import GLYPH_STYLES, glyph_box, vector_box
from _samples.common import Look, Rendered, random_look
from _samples.content import OPTION_FIELDS, fill, fmt_date, option_ticked
from _samples.doc import Doc, Ergebnis, Folge, Para, Unterz
from _samples.flow import Flow, wrap
from _samples.fonts import ink_box, width
from _samples.plans import render_plans
from _samples.tables import TableStyle, table
from _samples.texts_lra_sitzungsvorlage import (
    BEARB,
    COSTS,
    FEMALE,
    LANDRAT_BY,
    LANDRAT_SN,
    TOPICS,
)

LAYOUT = "lra_sitzungsvorlage"

PLANS: list[dict[str, Any]] = [
    {
        "land": "BY",
        "topic": "turnhalle",
        "kind": "Sitzungsvorlage",
        "date": (2024, 3, 5),
        "nummer": "{y}/{n:04d}",
        "families": ["liberation_sans"],
        "size": (10.0, 10.5),
        "label_w": 104.0,
        "folge": "list",
        "grid": "BY",
        "numbered": True,
        "marks": "xchar",
        "filled": 3,
        "hinweis": None,
        "klima": False,
        "annex": True,
        "closed": [],
    },
    {
        "land": "SN",
        "topic": "nahverkehr",
        "kind": "Beschlussvorlage",
        "date": (2024, 9, 17),
        "nummer": "BV/{y}/{n:04d}",
        "families": ["carlito"],
        "size": (9.5, 9.5),
        "label_w": 96.0,
        "folge": "table",
        "grid": "SN",
        "numbered": False,
        "marks": "vector",
        "filled": 1,
        "hinweis": None,
        "klima": False,
        "annex": False,
        "closed": ["Verwaltungs- und Finanzausschuss"],
    },
    {
        "land": "SN",
        "topic": "breitband",
        "kind": "Beschlussvorlage",
        "date": (2024, 11, 4),
        "nummer": "BV/{y}/{n:04d}",
        "families": ["dejavu_condensed"],
        "size": (9.5, 10.0),
        "label_w": 100.0,
        "folge": "list",
        "grid": "SN2",
        "numbered": True,
        "marks": "glyph",
        "filled": 0,
        "hinweis": "Tischvorlage",
        "klima": True,
        "annex": False,
        "closed": ["Verwaltungs- und Finanzausschuss"],
    },
]

# Beratungsergebnis grid columns: (key, header with its line breaks, kind, relative width,
# rotated). Marks and counts with a key in OPTION_FIELDS/COUNTS map to the contract.
Column = tuple[str, str, str, float, bool]
GRIDS: dict[str, list[Column]] = {
    "BY": [("gremium", "Gremium", "text", 120, False), ("date", "Sitzung\nam", "date", 50, False),
           ("top", "TOP", "top", 28, False),
           ("einst", "einstimmig", "mark", 22, True), ("mehr", "mit\nMehrheit", "mark", 22, True),
           ("ja", "Ja", "count", 26, False), ("nein", "Nein", "count", 26, False),
           ("lbv", "laut Beschluss-\nvorschlag", "mark", 24, True),
           ("abw", "abweichender\nBeschluss", "mark", 24, True),
           ("kenntnis", "Kenntnis\ngenommen", "mark", 24, True),
           ("abgelehnt", "abgelehnt", "mark", 22, True), ("vertagt", "vertagt", "mark", 22, True)],
    "SN": [("gremium", "Gremium", "text", 118, False),
           ("date", "Sitzungs-\ntermin", "date", 48, False), ("top", "TOP", "top", 24, False),
           ("oe", "ö", "mark", 16, False), ("noe", "nö", "mark", 16, False),
           ("einst", "ein-\nstim-\nmig", "mark", 28, False),
           ("mehr", "mehr-\nheit-\nlich", "mark", 28, False),
           ("ja", "Ja-\nStim-\nmen", "count", 28, False),
           ("nein", "Nein-\nStim-\nmen", "count", 28, False),
           ("enth", "Ent-\nhal-\ntungen", "count", 30, False), ("lbv", "wie\nBV", "mark", 24, False),
           ("abw", "ab-\nwei-\nchend", "mark", 30, False),
           ("kenntnis", "zur\nKennt-\nnis", "mark", 30, False),
           ("verwiesen", "ver-\nwie-\nsen", "mark", 28, False)],
    "SN2": [("gremium", "Gremium", "text", 124, False), ("date", "Sitzung", "date", 50, False),
            ("top", "TOP", "top", 26, False), ("oe", "öffentlich", "mark", 20, True),
            ("noe", "nicht-\nöffentlich", "mark", 20, True),
            ("einst", "ein-\nstimmig", "mark", 34, False),
            ("mehr", "mit\nStimmen-\nmehrheit", "mark", 40, False),
            ("ja", "Ja", "count", 24, False), ("nein", "Nein", "count", 24, False),
            ("enth", "Enth.", "count", 26, False),
            ("lbv", "laut Beschluss-\nvorschlag", "mark", 24, True),
            ("abw", "abweichender\nBeschluss", "mark", 24, True),
            ("abgelehnt", "abgelehnt", "mark", 22, True), ("vertagt", "vertagt", "mark", 22, True)],
}
COUNTS = {"ja": "ja_stimmen", "nein": "nein_stimmen", "enth": "enthaltungen"}
GLYPH = "dejavu_x"


@dataclass(frozen=True)
class Row:
    """One Gremium: the Beratungsfolge entry and what its grid row prints."""

    gremium: str
    role: str
    date: dt.date
    public: bool
    filled: bool
    outcome: str  # einst | mehr | mehr_abw | kenntnis
    top: str
    counts: tuple[int, int, int] | None


@dataclass(frozen=True)
class Variant:
    look: Look
    plan: dict[str, Any]
    bearbeitung: str
    rows: list[Row]
    signer_female: bool

    @property
    def bavarian(self) -> bool:
        return self.plan["land"] == "BY"

    @property
    def value_x(self) -> float:
        return self.look.geometry.left + float(self.plan["label_w"]) + 8


def _members(gremium: str, bavarian: bool) -> int:
    if gremium == "Kreistag":
        return 61 if bavarian else 87
    if gremium == "Kreisausschuss":
        return 13
    if gremium.startswith("Beirat"):
        return 9
    return 12 if bavarian else 16


def _rows(rng: random.Random, plan: dict[str, Any], date: dt.date) -> list[Row]:
    bavarian = plan["land"] == "BY"
    rows = []
    day = date
    for index, (gremium, role) in enumerate(TOPICS[str(plan["topic"])]["gremien"]):
        day += dt.timedelta(days=rng.randint(5, 12))
        while day.weekday() > 3:
            day += dt.timedelta(days=1)
        public = gremium not in plan["closed"]
        if bavarian:
            top = f"{rng.randint(2, 15)}"
        else:
            top = f"{rng.randint(3, 18)}" + (f".{rng.randint(1, 4)}" if rng.random() < 0.4 else "")
        outcome = ("kenntnis" if role == "Kenntnisnahme"
                   else rng.choices(["einst", "mehr", "mehr_abw"], [0.45, 0.42, 0.13])[0])
        n = _members(gremium, bavarian)
        absent = rng.randint(0, max(1, n // 8))
        counts: tuple[int, int, int] | None = None
        if outcome == "einst":
            counts = (n - absent, 0, 0)
        elif outcome.startswith("mehr"):
            nein = rng.randint(1, max(2, n // 5))
            enth = 0 if bavarian else rng.randint(0, 3)
            counts = (n - absent - nein - enth, nein, enth)
        rows.append(Row(gremium, role, day, public, index < int(plan["filled"]), outcome, top,
                        counts))
    return rows


def _ergebnis(row: Row, plan: dict[str, Any]) -> Ergebnis:
    """The grid row as the truth reads it; the Bavarian "Ö 9" gives the TOP 9 and the public
    part (as the Beratungsfolge's TOP prefix does in the other layouts)."""
    e = Ergebnis(gremium=row.gremium, sitzung_am=row.date, top=row.top if row.filled else None)
    columns = GRIDS[str(plan["grid"])]
    for key, _, kind, _, _ in columns:
        if kind == "mark" and key in OPTION_FIELDS:
            setattr(e, OPTION_FIELDS[key], row.filled and option_ticked(key, row.outcome, row.public))
        elif kind == "count" and row.filled and row.counts:
            setattr(e, COUNTS[key], row.counts[list(COUNTS).index(key)])
    if plan["land"] == "BY" and row.filled:
        e.oeffentlich, e.nichtoeffentlich = row.public, not row.public
    return e


def build(index: int) -> tuple[Doc, Variant]:
    rng = random.Random(f"{LAYOUT}-{index}")
    plan = PLANS[index]
    look = random_look(rng, plan["families"], size=plan["size"])
    topic = TOPICS[str(plan["topic"])]
    date = dt.date(*plan["date"])
    y = date.year
    values = {"y": str(y), "y0": str(y - 1), **{f"y{k}": str(y + k) for k in range(1, 6)}}
    rows = _rows(rng, plan, date)
    bavarian = plan["land"] == "BY"
    landrat = rng.choice(LANDRAT_BY if bavarian else LANDRAT_SN)
    female = landrat.replace("Dr. ", "").split()[0] in FEMALE
    anrede, name = rng.choice(BEARB)
    tel = (f"08561 20-{rng.randint(200, 699)}" if bavarian
           else f"03437 984-{rng.randint(1100, 2999)}")
    doc = Doc(
        vorlagenart=str(plan["kind"]),
        vorlagennummer=str(plan["nummer"]).format(y=y, n=rng.randint(200, 620)),
        aktenzeichen=str(topic["az"]).format(y=y),
        datum=date,
        federfuehrung=str(topic["federf"]),
        hinweis=plan["hinweis"],
        betreff=fill(topic["betreff"], values),
        betreff_hier=fill(topic["hier"], values) if topic["hier"] else None,
        # the Gremienweg list prints ö/nö per row, the SN table a Status column
        beratungsfolge=[Folge(r.gremium, r.date, None, r.role, r.public) for r in rows],
        beschluss=[Para(fill(t, values), f"{k}." if plan["numbered"] else None)
                   for k, t in enumerate(topic["bv"], 1)],
        begruendung=[Para(fill(t, values)) for t in topic["sv"]],
        finanzen=[Para(fill(t, values)) for t in topic["fin"]],
        ergebnisse=[_ergebnis(r, plan) for r in rows],
        unterz=(Unterz("Eggenbach", date, landrat) if bavarian else Unterz(None, None, landrat)),
        anlagen=[fill(a, values) for a in topic["anlagen"]],
        town="Eggenbach" if bavarian else "Grimmlitz",
        topic=str(plan["topic"]),
    )
    return doc, Variant(look, plan, f"{anrede} {name}, Tel. {tel}", rows, female)


# -- label column --------------------------------------------------------------------------------


def _label(flow: Flow, text: str, v: Variant, top: float) -> float:
    """Bold label lines (broken where the template breaks them) from ``top``; returns the
    bottom of the last line."""
    look = v.look
    lines = text.split("\n")
    for n, line in enumerate(lines):
        flow.text(flow.g.left, top + look.size + n * (look.leading - 1), line, look.bold,
                  look.size - 0.4)
    return top + len(lines) * (look.leading - 1)


def _row(flow: Flow, label: str, v: Variant, body: Callable[[], None], gap: float) -> None:
    """A label at the margin beside its value column, first lines level."""
    look = v.look
    flow.gap(gap)
    flow.ensure(look.leading * max(2, label.count("\n") + 1))
    page, top = flow.page, flow.y
    bottom = _label(flow, label, v, top)
    body()
    if flow.page == page:
        flow.y = max(flow.y, bottom)


def _value(flow: Flow, text: str, v: Variant, bold: bool = False, size: float | None = None
           ) -> None:
    look = v.look
    size = size or look.size
    flow.paragraph(text, look.bold if bold else look.regular, size, look.leading, x=v.value_x,
                   hyphenate=look.hyphenate)


def _paragraphs(flow: Flow, paras: list[Para], v: Variant) -> None:
    look = v.look
    for n, para in enumerate(paras):
        if n:
            flow.gap(look.leading * 0.45)
        flow.paragraph(para.text, look.regular, look.size, look.leading, x=v.value_x,
                       justify=look.justify, hyphenate=look.hyphenate, bullet=para.bullet,
                       hang=16)


def _box(flow: Flow, x: float, baseline: float, checked: bool, label: str, v: Variant) -> float:
    """A box in a text line (header, finance, Klimarelevanz); maps to no field."""
    size = 8.5
    if v.plan["marks"] == "glyph":
        return glyph_box(flow, x, baseline + 1, size * 1.2, checked, GLYPH, label, None)
    vector_box(flow, x, baseline - size + 0.5, size, checked, "check" if v.plan["marks"] ==
               "vector" else "x", label, None)
    return size


# -- page 1 ----------------------------------------------------------------------------------------


def _letterhead(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    top = g.top - 12
    kind = doc.vorlagenart or ""
    if v.bavarian:
        flow.text(g.left, top + 14, "Landratsamt Rottal-Vils", look.bold, 14)
        flow.text(g.left, top + 28, "Landkreis Rottal-Vils · Ringstraße 4 · 84359 Eggenbach",
                  look.regular, 8)
        flow.text(g.x1, top + 14, kind.upper(), look.bold, 15, align="right")
    else:
        flow.text(g.left, top + 12, "LANDKREIS OBERES MULDENTAL", look.bold, 12.5)
        flow.text(g.left, top + 26, "Landratsamt · Dezernate und Stabsstellen", look.regular, 8.5)
        flow.text(g.x1, top + 14, kind, look.bold, 16, align="right")
    public = v.rows[-1].public
    x = g.x1 - 170
    for label, checked in (("öffentlich", public), ("nichtöffentlich", not public)):
        x += _box(flow, x, top + 33, checked, label, v) + 3.5
        x += flow.text(x, top + 33, label, look.regular, 9) + 14
    flow.line(g.left, top + 44, g.x1, top + 44, lw=1.2)
    flow.line(g.left, top + 46.5, g.x1, top + 46.5, lw=0.4)
    flow.y = top + 58
    if doc.hinweis:
        w = width(doc.hinweis, look.bold, 10) + 16
        flow.rect(g.x1 - w, flow.y - 2, g.x1, flow.y + 15, lw=1.0)
        flow.text(g.x1 - w / 2, flow.y + 10, doc.hinweis, look.bold, 10, align="center")


def _meta(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    rows = [("Vorlage-Nr.:" if v.bavarian else "Vorlagen-Nr.:", doc.vorlagennummer or ""),
            ("Sachgebiet:" if v.bavarian else "Federführung:", doc.federfuehrung or ""),
            ("Aktenzeichen:", doc.aktenzeichen or ""),
            ("Datum:", fmt_date(doc.datum) if doc.datum else ""),
            ("Sachbearbeitung:" if v.bavarian else "Bearbeiter/in:", v.bearbeitung)]
    for label, value in rows:
        _row(flow, label, v, lambda value=value: _value(flow, value, v), gap=1)

    def betreff() -> None:
        _value(flow, doc.betreff or "", v, bold=True, size=look.size + 0.6)
        if doc.betreff_hier:
            _value(flow, doc.betreff_hier, v)

    _row(flow, "Betreff:", v, betreff, gap=6)


def _gremienweg(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    x = v.value_x

    def as_list() -> None:
        role_w = max(width(r.role, look.regular, look.size) for r in v.rows)
        x_role = g.x1 - 22 - role_w
        for row in v.rows:
            lines = wrap(row.gremium, look.regular, look.size, x_role - (x + 62) - 8,
                         hyphenate=False)
            flow.ensure(look.leading * len(lines))
            base = flow.y + look.size
            flow.text(x, base, fmt_date(row.date), look.regular, look.size)
            flow.text(x_role, base, row.role, look.regular, look.size)
            flow.text(g.x1, base, "ö" if row.public else "nö", look.regular, look.size,
                      align="right")
            for n, words in enumerate(lines):
                flow.text(x + 62, base + n * look.leading, " ".join(words), look.regular,
                          look.size)
            flow.y += look.leading * len(lines)

    def as_names() -> None:
        for row in v.rows:
            flow.paragraph(f"– {row.gremium}", look.regular, look.size, look.leading, x=x,
                           hyphenate=False)

    if v.plan["folge"] == "list":
        _row(flow, "Gremienweg:", v, as_list, gap=8)
    else:
        _row(flow, "Gremien:", v, as_names, gap=8)
    flow.gap(5)
    flow.line(g.left, flow.y, g.x1, flow.y, lw=0.5)
    flow.gap(4)


def _folge_table(flow: Flow, v: Variant) -> None:
    """The ruled Beratungsfolge; rows that do not fit continue on the next page under the
    repeated header."""
    look = v.look
    g = flow.g
    size = look.size - 0.8
    spec = [("Nr.", 24.0), ("Sitzungstermin", 70.0), ("Gremium", 0.0), ("Beratung", 84.0),
            ("Status", 84.0)]
    fixed = sum(w for _, w in spec)
    widths = [w or g.content_width - fixed for _, w in spec]
    head_h = 16.0

    def header(continued: bool) -> None:
        title = "Beratungsfolge (Fortsetzung):" if continued else "Beratungsfolge:"
        flow.text(g.left, flow.y + look.size, title, look.bold, look.size - 0.4)
        flow.y += look.leading + 2
        flow.rect(g.left, flow.y, g.x1, flow.y + head_h, lw=0.6, fill_gray=0.88)
        x = g.left
        for (name, _), w in zip(spec, widths, strict=True):
            flow.text(x + 4, flow.y + 4 + size * 0.8, name, look.bold, size)
            x += w
            if x < g.x1 - 1:
                flow.line(x, flow.y, x, flow.y + head_h, lw=0.6)
        flow.y += head_h

    flow.gap(12)
    flow.ensure(look.leading + 2 + head_h + 2 * 20)
    header(False)
    for number, row in enumerate(v.rows, 1):
        lines = wrap(row.gremium, look.regular, size, widths[2] - 8, hyphenate=False)
        row_h = 6 + len(lines) * (size + 2.5)
        if flow.y + row_h > flow.limit:
            flow.new_page()
            header(True)
        top = flow.y
        flow.rect(g.left, top, g.x1, top + row_h, lw=0.6)
        cells = [str(number), fmt_date(row.date), None, row.role,
                 "öffentlich" if row.public else "nichtöffentlich"]
        x = g.left
        for cell, w in zip(cells, widths, strict=True):
            if cell is None:
                for n, words in enumerate(lines):
                    flow.text(x + 4, top + 3.5 + size * 0.8 + n * (size + 2.5), " ".join(words),
                              look.regular, size)
            else:
                flow.text(x + 4, top + 3.5 + size * 0.8, cell, look.regular, size)
            x += w
            if x < g.x1 - 1:
                flow.line(x, top, x, top + row_h, lw=0.6)
        flow.y = top + row_h


def _finanzen(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look

    def body() -> None:
        costly = bool(TOPICS[doc.topic]["fin_jn"])
        base = flow.y + look.size
        x = v.value_x
        for label, checked in (("ja", costly), ("nein", not costly)):
            x += _box(flow, x, base, checked, label, v) + 3.5
            x += flow.text(x, base, label, look.regular, look.size) + 20
        flow.y += look.leading + 2
        _paragraphs(flow, doc.finanzen, v)

    _row(flow, "Finanzielle\nAuswirkun-\ngen:", v, body, gap=12)
    if v.plan["klima"]:
        def klima() -> None:
            base = flow.y + look.size
            x = v.value_x
            for label, checked in (("positiv", False), ("negativ", False), ("keine", True)):
                x += _box(flow, x, base, checked, label, v) + 3.5
                x += flow.text(x, base, label, look.regular, look.size) + 20
            flow.y += look.leading

        _row(flow, "Klimarelevanz:", v, klima, gap=10)


def _anlagen(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look

    def body() -> None:
        for number, anlage in enumerate(doc.anlagen, 1):
            flow.ensure(look.leading)
            flow.text(v.value_x, flow.y + look.size, f"Anlage {number}", look.regular, look.size)
            flow.paragraph(anlage, look.regular, look.size, look.leading, x=v.value_x + 52,
                           hyphenate=False)

    _row(flow, "Anlagen:", v, body, gap=10)


def _signature(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    flow.gap(14)
    flow.ensure(64)
    x = g.left + g.content_width * 0.57
    if doc.unterz.ort and doc.unterz.datum:
        flow.text(g.left, flow.y + 30 + look.size, f"{doc.unterz.ort}, "
                  f"{fmt_date(doc.unterz.datum)}", look.regular, look.size)
    flow.anchor("signature", [x, flow.y + 4, x + 120, flow.y + 26])
    flow.y += 30
    flow.text(x, flow.y + look.size, doc.unterz.name or "", look.regular, look.size)
    flow.y += look.leading
    flow.text(x, flow.y + look.size, "Landrätin" if v.signer_female else "Landrat",
              look.regular, look.size)
    flow.y += look.leading


# -- the Beratungsergebnis grid --------------------------------------------------------------------


def _rotated(flow: Flow, x: float, y: float, text: str, font: str, size: float) -> None:
    """Text turned 90° counter-clockwise (read bottom to top), starting at (x, y)."""
    page_h = flow.g.height

    def op(c: Canvas) -> None:
        c.saveState()
        c.translate(x, page_h - y)
        c.rotate(90)
        c.setFont(font, size)
        c.drawString(0, 0, text)
        c.restoreState()

    flow.add(op)


def _cell_mark(flow: Flow, x: float, top: float, w: float, h: float, checked: bool, label: str,
               path: str | None, v: Variant) -> None:
    """A result mark in a grid cell: a bare "X" (no box), a drawn square or a box glyph."""
    kind = v.plan["marks"]
    cx, cy = x + w / 2, top + h / 2
    if kind == "xchar":
        if checked:
            flow.text(cx, cy + 3.6, "X", v.look.bold, 10, align="center")
    elif kind == "vector":
        side = 8.0
        vector_box(flow, cx - side / 2, cy - side / 2, side, checked, "check", label, path)
    else:
        side = 9.0
        font, empty, _, _ = GLYPH_STYLES[GLYPH]
        ink = ink_box(font, empty, side, 0.0, 0.0)
        glyph_box(flow, cx - (ink[0] + ink[2]) / 2, cy - (ink[1] + ink[3]) / 2, side, checked,
                  GLYPH, label, path)


def _grid(flow: Flow, v: Variant) -> None:
    look = v.look
    g = flow.g
    columns = GRIDS[str(v.plan["grid"])]
    scale = g.content_width / sum(c[3] for c in columns)
    widths = [c[3] * scale for c in columns]
    hs = 7.4  # header font size
    head_h = 22.0
    for (_, header, _, _, rotated), _w in zip(columns, widths, strict=True):
        lines = header.split("\n")
        if rotated:
            head_h = max(head_h, max(width(line, look.regular, hs) for line in lines) + 10)
        else:
            head_h = max(head_h, len(lines) * (hs + 1.6) + 8)
    gs = look.size - 1.2
    row_hs = [max(22.0, len(wrap(r.gremium, look.regular, gs, widths[0] - 6, hyphenate=False))
                  * (gs + 2) + 8) for r in v.rows]
    flow.gap(18)
    flow.ensure(head_h + sum(row_hs) + 40)
    title = "Beratungsergebnis" if v.bavarian else "Beschlussergebnis"
    flow.text(g.left, flow.y + look.size + 1, title, look.bold, look.size + 1)
    hint = "(Zutreffendes bitte ankreuzen)" if v.bavarian else "(vom Sitzungsdienst auszufüllen)"
    flow.text(g.x1, flow.y + look.size + 1, hint, look.regular, 7.5, align="right")
    flow.y += look.leading + 6
    top = flow.y
    flow.rect(g.left, top, g.x1, top + head_h, lw=0.8, fill_gray=0.9)
    flow.rect(g.left, top, g.x1, top + head_h, lw=0.8)
    edges = [g.left]
    for w in widths:
        edges.append(edges[-1] + w)
    for (_, header, kind, _, rotated), x, w in zip(columns, edges, widths, strict=False):
        lines = header.split("\n")
        if rotated:
            lead = hs + 1.2
            x_text = x + w / 2 - ((len(lines) - 1) * lead - hs * 0.72) / 2
            for n, line in enumerate(lines):
                _rotated(flow, x_text + n * lead, top + head_h - 5, line, look.regular, hs)
        else:
            y0 = top + head_h - 5 - len(lines) * (hs + 1.6) + 1.6
            font = look.bold if kind == "text" else look.regular
            for n, line in enumerate(lines):
                flow.text(x + w / 2, y0 + n * (hs + 1.6) + hs * 0.8, line, font, hs,
                          align="center")
    y = top + head_h
    for number, (row, row_h) in enumerate(zip(v.rows, row_hs, strict=True)):
        _grid_row(flow, number, row, y, row_h, columns, edges, widths, v)
        y += row_h
    for x in edges[1:-1]:
        flow.line(x, top, x, y, lw=0.6)
    flow.y = y


def _grid_row(flow: Flow, number: int, row: Row, y: float, row_h: float, columns: list[Column],
              edges: list[float], widths: list[float], v: Variant) -> None:
    look = v.look
    g = flow.g
    gs = look.size - 1.2
    flow.rect(g.left, y, g.x1, y + row_h, lw=0.6)
    mid = y + row_h / 2
    middle = mid + gs * 0.35  # the baseline of a vertically centred value
    for (key, header, kind, _, _), x, w in zip(columns, edges, widths, strict=False):
        path = f"beratungsergebnis[{number}]"
        if kind == "text":
            lines = wrap(row.gremium, look.regular, gs, w - 6, hyphenate=False)
            for n, words in enumerate(lines):
                flow.text(x + 3, y + 4 + gs * 0.8 + n * (gs + 2), " ".join(words), look.regular,
                          gs)
        elif kind == "date":
            flow.text(x + w / 2, middle, fmt_date(row.date), look.regular, gs - 0.8,
                      align="center")
        elif kind == "top":
            flow.anchor(f"{path}.top", [x + 3, mid - 5, x + w - 3, mid + 5])
            if row.filled:
                top = f"{'Ö' if row.public else 'N'} {row.top}" if v.bavarian else row.top
                flow.text(x + w / 2, middle, top, look.regular, gs, align="center")
        elif kind == "count":
            flow.anchor(f"{path}.{COUNTS[key]}", [x + 3, mid - 5, x + w - 3, mid + 5])
            if row.filled and row.counts:
                value = row.counts[list(COUNTS).index(key)]
                flow.text(x + w / 2, middle, str(value), look.regular, gs, align="center")
        else:
            label = header.replace("-\n", "").replace("\n", " ")
            checked = row.filled and option_ticked(key, row.outcome, row.public)
            target = f"{path}.{OPTION_FIELDS[key]}" if key in OPTION_FIELDS else None
            _cell_mark(flow, x, y, w, row_h, checked, label, target, v)


# -- Anlage pages ----------------------------------------------------------------------------------


def _cost_annex(flow: Flow, doc: Doc, v: Variant) -> None:
    """Anlage 1: the architect's cost calculation, on its own page in the architect's face."""
    g = flow.g
    flow.appendix()
    regular, bold = "LiberationSans", "LiberationSans-Bold"
    y = doc.datum.year if doc.datum else 2024
    values = {"y": str(y), "y0": str(y - 1)}
    flow.text(g.x1, 40, f"Anlage 1 zur Sitzungsvorlage Nr. {doc.vorlagennummer}", regular, 8.5,
              align="right")
    flow.text(g.left, 70, str(COSTS["firm"]), regular, 8)
    flow.line(g.left, 76, g.x1, 76, lw=0.5)
    flow.text(g.left, 100, str(COSTS["title"]), bold, 14)
    flow.text(g.left, 118, str(COSTS["project"]), regular, 10.5)
    flow.text(g.left, 134, str(COSTS["stand"]).format(**values), regular, 9)
    flow.y = 150

    def euro(value: float) -> str:
        return f"{value:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")

    rows: list[list[Any]] = [["KG", "Bezeichnung", "netto €", "MwSt. 19 % €", "brutto €"]]
    total = [0.0, 0.0, 0.0]
    for kg, name, net in COSTS["rows"]:
        amounts = [net, round(net * 0.19, 2), round(net * 1.19, 2)]
        total = [a + b for a, b in zip(total, amounts, strict=True)]
        rows.append([kg, name, *(euro(a) for a in amounts)])
    rows.append(["", "Gesamtkosten KG 100–800", *(euro(a) for a in total)])
    fixed = [40.0, 80.0, 80.0, 80.0]
    widths = [fixed[0], g.content_width - sum(fixed), *fixed[1:]]
    table(flow, g.left, widths, rows, TableStyle(regular, bold, 9, header_fill=0.85,
                                                 center_from=2))
    flow.y += 24
    for note in COSTS["notes"]:
        flow.paragraph(str(note).format(**values), regular, 9, 13)
        flow.gap(6)


def _decorator(doc: Doc, v: Variant) -> Callable[[Flow, int, int], None]:
    look = v.look
    lra = "Landratsamt Rottal-Vils" if v.bavarian else "Landratsamt Oberes Muldental"

    def draw(flow: Flow, number: int, total: int) -> None:
        g = flow.g
        if number > 1:
            head = (g.top_next or g.top) - 26
            flow.text(g.left, head, lra, look.regular, 8)
            flow.text(g.x1, head, f"{doc.vorlagenart} Nr. {doc.vorlagennummer}", look.regular, 8,
                      align="right")
            flow.line(g.left, head + 5, g.x1, head + 5, lw=0.4)
        foot = g.height - g.bottom + 26
        text = f"Seite {number} von {total}"
        if v.bavarian:
            flow.text(g.x1, foot, text, look.regular, 7.5, align="right")
        else:
            flow.line(g.left, foot - 8, g.x1, foot - 8, lw=0.4)
            flow.text(g.left, foot, f"{doc.vorlagenart} {doc.vorlagennummer}", look.regular, 7.5)
            flow.text(g.x1, foot, text, look.regular, 7.5, align="right")

    return draw


def render(doc: Doc, v: Variant, path: Path, index: int) -> Rendered:
    del index
    look = v.look
    plan = v.plan
    flow = Flow(look.geometry, _decorator(doc, v))
    _letterhead(flow, doc, v)
    _meta(flow, doc, v)
    _gremienweg(flow, doc, v)
    _row(flow, "Beschluss-\nvorschlag:", v, lambda: _paragraphs(flow, doc.beschluss, v), gap=8)
    _row(flow, "Sachvortrag:" if v.bavarian else "Begründung:", v,
         lambda: _paragraphs(flow, doc.begruendung, v), gap=12)
    if plan["folge"] == "table":
        _folge_table(flow, v)
    _finanzen(flow, doc, v)
    _anlagen(flow, doc, v)
    _signature(flow, doc, v)
    _grid(flow, v)
    if plan["annex"]:
        _cost_annex(flow, doc, v)
    pages = flow.render(path, f"{doc.vorlagenart} {doc.vorlagennummer}")
    filled = sum(r.filled for r in v.rows)
    marks = {"xchar": "a bare 'X' in the cell (no printed box, so no checkbox)",
             "vector": "drawn squares ticked with a check",
             "glyph": "box glyphs ☐/☒"}[str(plan["marks"])]
    features = [
        f"{look.regular} {look.size}pt",
        f"{pages} page(s)",
        f"bold labels in a {plan['label_w']:.0f} pt column, some broken over lines "
        "(Beschluss-/vorschlag, Finanzielle/Auswirkun-/gen)",
        f"type word in the letterhead ({'capitals' if v.bavarian else 'as is'}) above "
        "öffentlich/nichtöffentlich boxes (no field)",
        "Gremienweg lines date|Gremium|role|ö/nö" if plan["folge"] == "list"
        else "Gremien as dashed names, a ruled Beratungsfolge table with a Status column that "
             "continues on the next page under a repeated header",
        f"Beratungsergebnis grid '{plan['grid']}' (rotated/hyphenated headers), one row per "
        f"Gremium, {filled} of {len(v.rows)} filled; marks: {marks}",
    ]
    if v.bavarian:
        features.append("grid TOP 'Ö 9': top 9 and the public part; place and date beside the "
                        "signature")
    if doc.hinweis:
        features.append("framed 'Tischvorlage' = Hinweis")
    if plan["klima"]:
        features.append("Klimarelevanz boxes (no field)")
    if plan["annex"]:
        features.append("Anlage 1 printed as an extra page (a cost table with its own date and "
                        "signature) without running header or page number")
    return Rendered(path, LAYOUT, doc, flow.checkboxes, pages, features, flow.anchors)


def generate(out_dir: Path) -> list[Rendered]:
    return render_plans(LAYOUT, len(PLANS), build, render, out_dir)
