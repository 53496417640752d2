"""Layout 4: a plain typed "Drucksache" without a single ruling line.

"Drucksache Nr. 0457/2021", "Betr.:", old spelling "Beschlußvorschlag:", a Beratungsfolge as
column-aligned text, typed "[ ]"/"[x]"/"[X]" boxes in front of their labels, dates such as
"7. Februar 2023" or "7.2.23", and "Der Oberbürgermeister" above the signature.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _samples.boxes import typed_box
from _samples.common import Look, Rendered, betreff_beside, decorator, paragraphs
from _samples.content import fmt_date, make_ergebnis
from _samples.doc import Doc, Ergebnis
from _samples.flow import Flow
from _samples.fonts import width
from _samples.plans import plan_doc, plan_look, render_plans

LAYOUT = "drucksache"

PLANS: list[dict[str, Any]] = [
    {
        "topic": "strassenausbau",
        "families": ["courier"],
        "size": (10.0, 10.0),
        "n_begr": 1,
        "bullets": False,
        "n_folge": 2,
        "ticked": True,
        "mark": "x",
        "date_style": "long",
        "type_line": None,
        "ergebnis_at": "end",
        "roles": False,
        "header": "none",
    },
    {
        "topic": "bebauungsplan",
        "families": ["times"],
        "size": (11.0, 11.5),
        "n_begr": 9,
        "n_folge": 3,
        "ticked": False,
        "mark": "x",
        "date_style": "short",
        "type_line": "Beschlussvorlage",
        "ergebnis_at": "after_beschluss",
        "roles": True,
        "header": "dash",
    },
    {
        "topic": "klimaschutz",
        "families": ["dejavu_serif"],
        "size": (9.5, 10.0),
        "n_begr": 18,
        "n_folge": 2,
        "ticked": True,
        "mark": "X",
        "date_style": "dm_y2",
        "type_line": "Beschlussvorlage",
        "ergebnis_at": "end",
        "roles": True,
        "header": "slash",
    },
    {
        "topic": "haushalt",
        "families": ["helvetica"],
        "size": (11.5, 12.0),
        "n_begr": 6,
        "n_folge": 3,
        "ticked": True,
        "mark": "x",
        "date_style": "nopad",
        "type_line": "Beschlussvorlage",
        "nr_label": "Drs.-Nr.:",
        "ergebnis_at": "end",
        "roles": True,
        "header": "dash",
    },
]


@dataclass(frozen=True)
class Variant:
    look: Look
    plan: dict[str, Any]
    heading_style: dict[str, str]
    fed_label: str
    signature: str


def build(index: int) -> tuple[Doc, Variant]:
    rng = random.Random(f"{LAYOUT}-{index}")
    plan = PLANS[index]
    year = rng.choice([2019, 2020, 2021, 2023])
    art = str(plan["type_line"] or "Drucksache")
    doc = plan_doc(rng, plan,
                   town=rng.choice(["Überlingen", "Mönchengladbach", "Schwäbisch Gmünd"]),
                   year=year, vorlagenart=art, nummer=f"{rng.randint(1, 999):04d}/{year}")
    look = plan_look(rng, plan, doc)
    variant = Variant(
        look,
        plan,
        {
            "beschluss": rng.choice(["Beschlußvorschlag:", "Beschlussvorschlag:"]),
            "begr": rng.choice(["Begründung:", "Sachdarstellung:", "Sachverhalt:"]),
            "erg": rng.choice(["Beratungsergebnis:", "Abstimmungsergebnis:"]),
        },
        rng.choice(["Federführendes Amt:", "Amt:", "Fachbereich:"]),
        rng.choice(["in_vertretung", "gez"]),
    )
    doc.hinweis = None
    for number, f in enumerate(doc.beratungsfolge):
        f.oeffentlich = None
        f.top = str(rng.randint(2, 20)) if number == 0 else None
        if not plan["roles"]:
            f.zustaendigkeit = None
    folge = doc.beratungsfolge[0]
    e = make_ergebnis(rng, folge, bool(plan["ticked"]), art="Beschlussvorlage")
    e.stellungnahme_beigefuegt = None
    e.gremium = folge.gremium if plan["ticked"] else None
    e.top = folge.top if plan["ticked"] else None
    doc.ergebnisse = [e]
    # With "gez." the place and date are only in the letterhead ("Überlingen, 7.2.23"): they date
    # the document, the signature itself names no place and date.
    if variant.signature == "gez":
        doc.unterz.ort = doc.unterz.datum = None
    return doc, variant


def _d(d: dt.date | None, v: Variant) -> str:
    return fmt_date(d, str(v.plan["date_style"])) if d else ""


def _letterhead(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    y = g.top
    for text, font in ((f"Stadt {doc.town}", look.bold), ("Der Oberbürgermeister", look.regular)):
        flow.text(g.left, y + look.size, text, font, look.size)
        y += look.leading
    flow.text(
        g.x1,
        g.top + look.size + 1,
        f"{v.plan.get('nr_label', 'Drucksache Nr.')} {doc.vorlagennummer}",
        look.bold,
        look.size + 1,
        align="right",
    )
    flow.text(
        g.x1,
        g.top + look.size + look.leading + 2,
        f"{doc.town}, {_d(doc.datum, v)}" if v.signature == "gez" else f"Datum: {_d(doc.datum, v)}",
        look.regular,
        look.size,
        align="right",
    )
    flow.y = y + look.leading
    for label, value in ((v.fed_label, doc.federfuehrung), ("Az.:", doc.aktenzeichen)):
        w = flow.text(g.left, flow.y + look.size, label, look.regular, look.size)
        flow.text(
            g.left + max(w + 6, 120), flow.y + look.size, value or "", look.regular, look.size
        )
        flow.y += look.leading
    if v.plan["type_line"]:
        flow.gap(look.leading)
        flow.text(
            g.width / 2,
            flow.y + look.size + 2,
            str(v.plan["type_line"]),
            look.bold,
            look.size + 3,
            align="center",
        )
        flow.y += look.leading * 1.5


def _folge(flow: Flow, doc: Doc, v: Variant) -> None:
    """Column-aligned text; Courier gets space-padded lines, others tab stops."""
    look = v.look
    flow.gap(look.leading * 0.8)
    flow.text(flow.g.left, flow.y + look.size, "Beratungsfolge:", look.bold, look.size)
    flow.y += look.leading * 1.3
    head = ["Gremium", "Sitzung am", "TOP"] + (["Zuständigkeit"] if v.plan["roles"] else [])
    rows = [head] + [
        [f.gremium, _d(f.sitzung_am, v), f.top or "", f.zustaendigkeit or ""][: len(head)]
        for f in doc.beratungsfolge
    ]
    if look.regular == "Courier":
        widths = [max(len(r[c]) for r in rows) + 3 for c in range(len(head))]
        for r, row in enumerate(rows):
            line = "".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            if width(line, look.regular, look.size) > flow.g.content_width:
                raise ValueError(f"Beratungsfolge line does not fit: {line!r}")
            flow.text(
                flow.g.left,
                flow.y + look.size,
                line,
                look.bold if r == 0 else look.regular,
                look.size,
            )
            flow.y += look.leading
    else:
        stops = [flow.g.left]
        for c in range(len(head) - 1):
            widest = max(width(r[c], look.bold, look.size) for r in rows)
            stops.append(stops[-1] + widest + 18)
        last = max(width(r[-1], look.bold, look.size) for r in rows)
        if stops[-1] + last > flow.g.x1:
            raise ValueError("Beratungsfolge columns do not fit")
        for r, row in enumerate(rows):
            for cell, x in zip(row, stops, strict=True):
                flow.text(
                    x, flow.y + look.size, cell, look.bold if r == 0 else look.regular, look.size
                )
            flow.y += look.leading


def _betreff(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    flow.gap(look.leading)
    indent = width("Betr.: ", look.bold, look.size) + 4
    betreff_beside(flow, doc, look, "Betr.:", flow.g.left + indent, hyphenate=look.hyphenate)


def _heading(flow: Flow, text: str, v: Variant) -> None:
    look = v.look
    flow.gap(look.leading)
    flow.ensure(look.leading * 3)
    flow.text(flow.g.left, flow.y + look.size, text, look.bold, look.size)
    flow.y += look.leading * 1.4


def _ergebnis(flow: Flow, e: Ergebnis, v: Variant) -> None:
    """Typed boxes; counts and the session line are typed or left as dotted gaps."""
    look = v.look
    mark = str(v.plan["mark"])
    _heading(flow, v.heading_style["erg"], v)
    flow.ensure(look.leading * 6)
    parts = [("Gremium:", e.gremium), ("Sitzung am:", _d(e.sitzung_am, v) or None), ("TOP:", e.top)]
    flow.text(
        flow.g.left,
        flow.y + look.size,
        "   ".join(f"{label} {value or '..........'}" for label, value in parts),
        look.regular,
        look.size,
    )
    flow.y += look.leading * 1.4
    path = "beratungsergebnis[0]"
    counts = (
        f"Ja: {_count(e.ja_stimmen)}   Nein: {_count(e.nein_stimmen)}   "
        f"Enthaltungen: {_count(e.enthaltungen)}"
    )
    lines: list[list[tuple[str, bool, str] | str]] = [
        [
            ("öffentlich", bool(e.oeffentlich), "oeffentlich"),
            ("nichtöffentlich", bool(e.nichtoeffentlich), "nichtoeffentlich"),
        ],
        [
            ("einstimmig", bool(e.einstimmig), "einstimmig"),
            ("mit Stimmenmehrheit", bool(e.mit_stimmenmehrheit), "mit_stimmenmehrheit"),
            counts,
        ],
        [
            ("laut Beschlußvorschlag", bool(e.laut_beschlussvorschlag), "laut_beschlussvorschlag"),
            ("abweichender Beschluß", bool(e.abweichender_beschluss), "abweichender_beschluss"),
            ("zur Kenntnis genommen", bool(e.kenntnisnahme), "kenntnisnahme"),
        ],
    ]
    gap = width("   ", look.regular, look.size)
    for items in lines:
        x = flow.g.left
        baseline = flow.y + look.size
        for item in items:
            if isinstance(item, str):
                x += flow.text(x, baseline, item, look.regular, look.size) + gap
                continue
            label, checked, key = item
            x += typed_box(
                flow, x, baseline, look.regular, look.size, checked, mark, label, f"{path}.{key}"
            )
            x += width(" ", look.regular, look.size)
            x += flow.text(x, baseline, label, look.regular, look.size) + gap
        flow.y += look.leading * 1.2


def _count(value: int | None) -> str:
    return "....." if value is None else str(value)


def _signature(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    flow.gap(look.leading * 1.5)
    flow.ensure(look.leading * 5)
    x = flow.g.left + flow.g.content_width * 0.55
    if v.signature == "in_vertretung":
        lines = [
            f"{doc.town}, {_d(doc.unterz.datum, v)}",
            "",
            "Der Oberbürgermeister",
            "In Vertretung",
            "",
            doc.unterz.name or "",
        ]
    else:
        lines = ["Der Oberbürgermeister", f"gez. {doc.unterz.name}"]
    for line in lines:
        flow.text(x, flow.y + look.size, line, look.regular, look.size)
        flow.y += look.leading


def render(doc: Doc, v: Variant, path: Path, index: int) -> Rendered:
    del index
    look = v.look
    flow = Flow(look.geometry, decorator(str(v.plan["header"]), doc.vorlagennummer, look))
    _letterhead(flow, doc, v)
    _folge(flow, doc, v)
    _betreff(flow, doc, v)
    _heading(flow, v.heading_style["beschluss"], v)
    paragraphs(flow, doc.beschluss, look)
    if v.plan["ergebnis_at"] == "after_beschluss":
        _ergebnis(flow, doc.ergebnisse[0], v)
    _heading(flow, v.heading_style["begr"], v)
    paragraphs(flow, doc.begruendung, look)
    _heading(flow, "Finanzielle Auswirkungen:", v)
    paragraphs(flow, doc.finanzen, look)
    _signature(flow, doc, v)
    _heading(flow, "Anlagen:" if len(doc.anlagen) > 1 else "Anlage:", v)
    for anlage in doc.anlagen:
        flow.paragraph(anlage, look.regular, look.size, look.leading, bullet="-", hang=12)
    if v.plan["ergebnis_at"] == "end":
        _ergebnis(flow, doc.ergebnisse[0], v)
    pages = flow.render(path, f"Drucksache {doc.vorlagennummer}")
    features = [
        f"{look.regular} {look.size}pt",
        f"{pages} page(s)",
        "no ruling lines",
        f"typed [ ]/[{v.plan['mark']}] boxes",
        "ticked" if v.plan["ticked"] else "blank Beratungsergebnis",
        f"dates '{v.plan['date_style']}'",
        f"signature {v.signature}",
        f"headings {v.heading_style['beschluss']} / {v.heading_style['begr']}",
    ]
    return Rendered(path, LAYOUT, doc, flow.checkboxes, pages, features)


def generate(out_dir: Path) -> list[Rendered]:
    return render_plans("drucksache", len(PLANS), build, render, out_dir)
