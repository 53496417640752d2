"""Layout 8: a Landkreis/Kreistag "Sitzungsvorlage" and an Austrian "Amtsbericht".

No ruled header: bold labels sit ABOVE their values (a label grid, a DIN 5008 style information
block at the right, or a row of three), "Gegenstand:" instead of Betreff (label above the text),
a Beratungsfolge without a header row where "öffentlich"/"nicht öffentlich" are words,
"Beschlussantrag:"/"Antrag:"/"Antrag an den Gemeinderat:" for the proposal, "Begründung:"/
"Sachverhalt:", "Finanzielle Bedeckung:" and "Beilagen:" in the Austrian one, a signature block
"Der Landrat" (once followed by "Landratsamt Fürstenfeldbruck, 14. Februar 2022"), Austrian
month names ("Jänner") and a ruled Beratungsergebnis grid with one row per Gremium whose
boolean cells hold small drawn squares (once with the column headers rotated by 90°).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from _samples import pools
from _samples.boxes import vector_box
from _samples.common import Look, Rendered, paragraphs, replace_words
from _samples.content import MONTHS, blank_unprinted, fmt_date, make_ergebnis
from _samples.doc import Doc, Ergebnis
from _samples.flow import Flow, wrap
from _samples.fonts import width
from _samples.plans import plan_doc, plan_look, render_plans

LAYOUT = "landkreis"

KREIS_GREMIEN = [
    "Ausschuss für Umwelt, Technik und Verkehr",
    "Verwaltungs- und Finanzausschuss",
    "Kreisausschuss",
    "Sozial- und Gesundheitsausschuss",
    "Ausschuss für Schulen, Kultur und Sport",
]
AT_GREMIEN = ["Bauausschuss", "Ausschuss für Finanzen, Wirtschaft und Tourismus", "Stadtrat"]
KREIS_AEMTER = [
    "Dezernat III – Bauen, Umwelt und Verkehr",
    "Amt für Umweltschutz und Klimaschutz",
    "Fachbereich 2 – Kreisfinanzen",
    "Amt für Schulen, Kultur und Sport",
]
AT_ABTEILUNGEN = ["Abteilung Bau- und Raumordnung", "Finanzabteilung"]
MONTHS_AT = ["Jänner", *MONTHS[1:]]

# Beratungsergebnis grid columns: (header, Ergebnis attribute or None, kind)
GRIDS: dict[str, list[tuple[str, str | None, str]]] = {
    "kreis": [
        ("Gremium", "gremium", "text"),
        ("Sitzung", "sitzung_am", "date"),
        ("einstimmig", "einstimmig", "bool"),
        ("mehrheitlich", "mit_stimmenmehrheit", "bool"),
        ("Ja", "ja_stimmen", "count"),
        ("Nein", "nein_stimmen", "count"),
        ("Enth.", "enthaltungen", "count"),
        ("wie Antrag", "laut_beschlussvorschlag", "bool"),
        ("abweichend", "abweichender_beschluss", "bool"),
        ("Kenntnis", "kenntnisnahme", "bool"),
    ],
    "rotated": [
        ("Gremium", "gremium", "text"),
        ("Sitzung am", "sitzung_am", "date"),
        ("TOP", "top", "top"),
        ("öffentlich", "oeffentlich", "bool"),
        ("nichtöffentlich", "nichtoeffentlich", "bool"),
        ("einstimmig", "einstimmig", "bool"),
        ("mit Mehrheit", "mit_stimmenmehrheit", "bool"),
        ("Ja-Stimmen", "ja_stimmen", "count"),
        ("Nein-Stimmen", "nein_stimmen", "count"),
        ("Enthaltungen", "enthaltungen", "count"),
        ("laut Beschlussantrag", "laut_beschlussvorschlag", "bool"),
        ("abweichender Beschluss", "abweichender_beschluss", "bool"),
        ("zur Kenntnis genommen", "kenntnisnahme", "bool"),
        ("Stellungnahme beigefügt", "stellungnahme_beigefuegt", "bool"),
    ],
    "at": [
        ("Gremium", "gremium", "text"),
        ("Sitzung", "sitzung_am", "date"),
        ("einstimmig", "einstimmig", "bool"),
        ("mehrstimmig", "mit_stimmenmehrheit", "bool"),
        ("dafür", "ja_stimmen", "count"),
        ("dagegen", "nein_stimmen", "count"),
        ("Enthaltung", "enthaltungen", "count"),
        ("wie beantragt", "laut_beschlussvorschlag", "bool"),
        ("abgeändert", "abweichender_beschluss", "bool"),
        ("abgelehnt", None, "bool"),
    ],
}

PLANS: list[dict[str, Any]] = [
    {
        "flavour": "kreis",
        "kreis": "Lörrach",
        "topic": "klimaschutz",
        "art": "Sitzungsvorlage",
        "families": ["times"],
        "size": (11.0, 11.0),
        "n_begr": 9,
        "n_folge": 3,
        "header": "grid",
        "folge": ["datum", "gremium", "public", "zust"],
        "beschluss_heading": "Beschlussantrag:",
        "begr_heading": "Begründung:",
        "finanz_heading": "Finanzielle Auswirkungen:",
        "anlagen_heading": "Anlagen:",
        "grid": "kreis",
        "grid_at": "end",
        "ticked": [True, False, False],
        "ticks": ("x",),
        "signature": "place_first",
        "date_style": "long",
    },
    {
        "flavour": "kreis",
        "kreis": "Fürstenfeldbruck",
        "topic": "haushalt",
        "art": "Beschlussvorlage",
        "families": ["dejavu_sans"],
        "size": (9.0, 9.5),
        "n_begr": 4,
        "n_folge": 3,
        "header": "infoblock",
        "folge": ["gremium", "datum", "public", "zust"],
        "beschluss_heading": "Antrag:",
        "begr_heading": "Sachverhalt:",
        "finanz_heading": "Finanzielle Auswirkungen:",
        "anlagen_heading": "Anlage(n):",
        "grid": "rotated",
        "grid_at": "after_folge",
        "ticked": [False, False, False],
        "ticks": ("check",),
        "signature": "amt_last",
        "date_style": "long",
    },
    {
        "flavour": "at",
        "kreis": "Bruck an der Mur",
        "topic": "bebauungsplan",
        "art": "Amtsbericht",
        "families": ["dejavu_serif"],
        "size": (10.0, 10.0),
        "n_begr": 5,
        "n_folge": 3,
        "header": "row",
        "folge": ["datum", "gremium", "zust"],
        "beschluss_heading": "Antrag an den Gemeinderat:",
        "begr_heading": "Sachverhalt:",
        "finanz_heading": "Finanzielle Bedeckung:",
        "anlagen_heading": "Beilagen:",
        "grid": "at",
        "grid_at": "end",
        "ticked": [True, True, True],
        "ticks": ("x", "check"),
        "signature": "at",
        "date_style": "at_long",
    },
]


@dataclass(frozen=True)
class Variant:
    look: Look
    plan: dict[str, Any]
    bearbeiter: str


KREIS_WORDS = [
    ("Der Stadtrat", "Der Kreistag"),
    ("dem Stadtrat", "dem Kreistag"),
    ("Stadtrat", "Kreistag"),
    ("Die Stadt hat", "Der Landkreis hat"),
    ("Die Stadtwerke", "Die Kreiswerke"),
    ("Eigentum der Stadt", "Eigentum des Landkreises"),
    ("Anteil der Stadt", "Anteil des Landkreises"),
    ("städtischer Gebäude", "kreiseigener Gebäude"),
    ("städtische Internet", "Internet"),
]
AT_WORDS = [
    ("Der Stadtrat", "Der Gemeinderat"),
    ("Stadtrat", "Gemeinderat"),
    ("§ 2 Abs. 1 BauGB", "§ 40 StROG 2010"),
    ("§§ 3 Abs. 1 und 4 Abs. 1 BauGB", "§ 38 StROG 2010"),
    ("§ 13a BauGB", "§ 40 StROG 2010"),
]


def build(index: int) -> tuple[Doc, Variant]:
    rng = random.Random(f"{LAYOUT}-{index}")
    plan = PLANS[index]
    at = plan["flavour"] == "at"
    year = rng.choice([2022, 2023])
    doc = plan_doc(rng, plan, town=str(plan["kreis"]), year=year, vorlagenart=str(plan["art"]),
                   nummer=f"KT/{year}/{rng.randint(5, 140):03d}")
    look = plan_look(rng, plan, doc, justify=index == 0)
    others = [n for n in pools.NAMES if n != doc.unterz.name]
    variant = Variant(look, plan, rng.choice(others))
    if at:  # a January report, to print the Austrian month name
        assert doc.datum is not None
        shift = dt.date(doc.datum.year, 1, rng.randint(9, 24)) - doc.datum
        doc.datum += shift
        for f in doc.beratungsfolge:
            f.sitzung_am = f.sitzung_am + shift if f.sitzung_am else None
        doc.vorlagennummer = None
        doc.aktenzeichen = f"BA-{rng.randint(100, 999)}/{year}"
        doc.federfuehrung = AT_ABTEILUNGEN[0]
        gremien = [*AT_GREMIEN, "Gemeinderat"][-len(doc.beratungsfolge) :]
        words = AT_WORDS
    else:
        doc.federfuehrung = rng.choice(KREIS_AEMTER)
        gremien = [*rng.sample(KREIS_GREMIEN, k=len(doc.beratungsfolge) - 1), "Kreistag"]
        words = KREIS_WORDS
    for f, gremium in zip(doc.beratungsfolge, gremien, strict=True):
        f.gremium = gremium
        f.top = None
        if "public" not in plan["folge"]:
            f.oeffentlich = None
        elif f.oeffentlich is None:
            f.oeffentlich = True
    doc.betreff = (
        (doc.betreff or "").replace("§ 13a BauGB", "§ 40 StROG 2010") if at else doc.betreff
    )
    doc.beschluss = replace_words(doc.beschluss, words)
    doc.begruendung = replace_words(doc.begruendung, words)
    doc.finanzen = replace_words(doc.finanzen, words)
    doc.hinweis = None
    doc.unterz.datum = doc.datum
    doc.ergebnisse = [
        _ergebnis(rng, doc, number, plan) for number in range(len(doc.beratungsfolge))
    ]
    return doc, variant


def _ergebnis(rng: random.Random, doc: Doc, number: int, plan: dict[str, Any]) -> Ergebnis:
    folge = doc.beratungsfolge[number]
    ticked = bool(plan["ticked"][number])
    columns = GRIDS[str(plan["grid"])]
    printed = {attr for _, attr, _ in columns if attr}
    e = make_ergebnis(
        rng, folge, ticked, public_boxes="oeffentlich" in printed, art=doc.vorlagenart or ""
    )
    e.sitzung_am = folge.sitzung_am  # the grid shows the planned date in every row
    blank_unprinted(e, printed)
    if not ticked and e.top is not None:
        e.top = None
    return e


# -- drawing -------------------------------------------------------------------------------------


def _date(d: dt.date | None, v: Variant, style: str | None = None) -> str:
    if d is None:
        return ""
    style = style or "dmy"
    if style == "at_long":
        return f"{d.day}. {MONTHS_AT[d.month - 1]} {d.year}"
    return fmt_date(d, style)


def _label_above(
    flow: Flow, x: float, top: float, w: float, label: str, value: str, v: Variant
) -> float:
    """Bold label with its value on the line(s) below; returns the bottom of the value."""
    look = v.look
    flow.text(x, top + look.size - 0.5, label, look.bold, look.size - 0.5)
    y = top + look.leading + 1
    for words in wrap(value, look.regular, look.size, w, hyphenate=False) or [[""]]:
        flow.text(x, y + look.size, " ".join(words), look.regular, look.size)
        y += look.leading
    return y


def _letterhead(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    plan = v.plan
    if plan["flavour"] == "at":
        flow.text(g.left, g.top + 14, f"Stadtgemeinde {doc.town}".upper(), look.bold, 13)
        flow.text(g.left, g.top + 28, "Stadtamt", look.regular, look.size)
        flow.text(
            g.left, g.top + 28 + look.leading, doc.federfuehrung or "", look.regular, look.size
        )
        flow.text(g.x1, g.top + 14, "Steiermark", look.regular, 9, align="right", gray=0.4)
        flow.text(g.left, g.top + 84, doc.vorlagenart or "", look.bold, 17)
        flow.y = g.top + 100
        return
    if plan["header"] == "infoblock":
        flow.text(g.left, g.top + 14, f"Landratsamt {doc.town}", look.bold, 14)
        flow.text(g.left, g.top + 28, "Kreistagsbüro", look.regular, look.size)
        flow.text(g.left, g.top + 86, doc.vorlagenart or "", look.bold, 17)
        flow.text(g.left, g.top + 102, "öffentliche Sitzung", look.regular, look.size)
        return
    flow.text(g.left, g.top + 14, f"LANDKREIS {doc.town.upper()}", look.bold, 14)
    flow.text(g.left, g.top + 28, "Landratsamt", look.regular, look.size)
    flow.text(g.x1, g.top + 16, doc.vorlagenart or "", look.bold, 16, align="right")
    flow.text(
        g.x1, g.top + 30, "für den Kreistag und seine Ausschüsse", look.regular, 8.5, align="right"
    )
    flow.line(g.left, g.top + 40, g.x1, g.top + 40, lw=0.5)
    flow.y = g.top + 52


def _header_fields(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    mode = v.plan["header"]
    if mode == "grid":
        col = g.content_width / 3
        rows = [
            [
                ("Vorlage Nr.", doc.vorlagennummer or ""),
                ("Amt", doc.federfuehrung or ""),
                ("Datum", _date(doc.datum, v)),
            ],
            [("Aktenzeichen", doc.aktenzeichen or ""), ("Sachbearbeitung", v.bearbeiter), ("", "")],
        ]
        for row in rows:
            bottom = flow.y
            for k, (label, value) in enumerate(row):
                if label:
                    bottom = max(
                        bottom,
                        _label_above(flow, g.left + k * col, flow.y, col - 12, label, value, v),
                    )
            flow.y = bottom + look.leading * 0.6
    elif mode == "infoblock":
        x = g.left + g.content_width * 0.64
        w = g.x1 - x
        y = g.top + 4
        for label, value in (
            ("Fachbereich", doc.federfuehrung or ""),
            ("Aktenzeichen", doc.aktenzeichen or ""),
            ("Vorlagennummer", doc.vorlagennummer or ""),
            ("Datum", _date(doc.datum, v)),
            ("Auskunft erteilt", v.bearbeiter),
        ):
            y = _label_above(flow, x, y, w, label, value, v) + look.size * 0.35
        flow.y = max(y, g.top + 112) + look.leading * 0.5
    else:  # a row of three
        col = g.content_width / 3
        bottom = flow.y
        for k, (label, value) in enumerate(
            (
                ("Geschäftszahl", doc.aktenzeichen or ""),
                ("Sachbearbeiterin", v.bearbeiter),
                ("Datum", _date(doc.datum, v)),
            )
        ):
            bottom = max(
                bottom, _label_above(flow, g.left + k * col, flow.y, col - 12, label, value, v)
            )
        flow.y = bottom + look.leading * 0.6


def _block_label(flow: Flow, text: str, v: Variant, before: float | None = None) -> None:
    look = v.look
    flow.gap(look.leading * 0.9 if before is None else before)
    flow.ensure(look.leading * 4)
    flow.text(flow.g.left, flow.y + look.size, text, look.bold, look.size)
    flow.y += look.leading * 1.3


def _gegenstand(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    _block_label(flow, "Gegenstand:", v)
    flow.paragraph(doc.betreff or "", look.bold, look.size, look.leading, hyphenate=look.hyphenate)
    if doc.betreff_hier:
        flow.paragraph(doc.betreff_hier, look.regular, look.size, look.leading)


def _folge(flow: Flow, doc: Doc, v: Variant) -> None:
    """Tab-aligned lines without a header row; "öffentlich" is a word, not a flag column."""
    look = v.look
    g = flow.g
    cols = v.plan["folge"]
    _block_label(flow, "Beratungsfolge:", v)
    nicht = "nicht öffentlich" if v.plan["header"] == "infoblock" else "nichtöffentlich"

    def cell(f: Any, c: str) -> str:
        if c == "datum":
            return _date(f.sitzung_am, v)
        if c == "gremium":
            return str(f.gremium)
        if c == "public":
            return {True: "öffentlich", False: nicht, None: ""}[f.oeffentlich]
        return str(f.zustaendigkeit or "")

    rows = [[cell(f, c) for c in cols] for f in doc.beratungsfolge]
    stops = [g.left]
    for k in range(len(cols) - 1):
        widest = max(width(r[k], look.regular, look.size) for r in rows)
        stops.append(stops[-1] + widest + 16)
    if stops[-1] + max(width(r[-1], look.regular, look.size) for r in rows) > g.x1:
        raise ValueError("Beratungsfolge does not fit")
    for row in rows:
        for text, x in zip(row, stops, strict=True):
            flow.text(x, flow.y + look.size, text, look.regular, look.size)
        flow.y += look.leading


def _rotated(flow: Flow, x: float, bottom: float, text: str, font: str, size: float) -> None:
    """Text running bottom-to-top with its start at (x, bottom) in top-down coordinates."""
    y = flow.g.height - bottom

    def op(c: Canvas) -> None:
        c.saveState()
        c.translate(x, y)
        c.rotate(90)
        c.setFont(font, size)
        c.drawString(0, 0, text)
        c.restoreState()

    flow.add(op)


def _grid(flow: Flow, doc: Doc, v: Variant, rng: random.Random) -> None:
    look = v.look
    g = flow.g
    kind_of_grid = str(v.plan["grid"])
    columns = GRIDS[kind_of_grid]
    rotated = kind_of_grid == "rotated"
    pad = 3.0
    fs = look.size - (2.0 if rotated else 2.5)
    # Narrow columns are sized to their header (or to a box when rotated) and Gremium takes the
    # rest; the font shrinks, as in exported grids, until Gremium gets a quarter of the width.
    while True:
        lead = fs * 1.2
        box = round(fs + 0.5, 1)
        widths: list[float] = []
        for header, _, kind in columns:
            if kind == "text":
                widths.append(0.0)
            elif kind == "date":
                widths.append(width("00.00.0000", look.regular, fs) + 2 * pad + 2)
            elif rotated:
                widths.append(max(lead + 2 * pad, box + 6))
            else:
                words = max(width(word, look.bold, fs) for word in header.split())
                widths.append(max(words + 2 * pad + 2, box + 8))
        widths[0] = g.content_width - sum(widths)
        if widths[0] >= g.content_width * 0.25 or fs <= 6.0:
            break
        fs -= 0.5
    if rotated:
        head_h = (
            max(width(h, look.bold, fs) for h, _, k in columns if k not in ("text", "date"))
            + 2 * pad
        )
    else:
        head_h = (
            max(
                len(wrap(h, look.bold, fs, w - 2 * pad, hyphenate=False))
                for (h, _, _), w in zip(columns, widths, strict=True)
            )
            * lead
            + 2 * pad
        )
    row_hs = [
        max(
            len(wrap(e.gremium or "", look.regular, fs, widths[0] - 2 * pad, hyphenate=False))
            * lead
            + 2 * pad,
            box + 10,
        )
        for e in doc.ergebnisse
    ]
    title = "Beschlussfassung" if v.plan["flavour"] == "at" else "Beratungsergebnis"
    _block_label(flow, f"{title}:", v, before=look.leading * 1.2)
    flow.ensure(head_h + sum(row_hs) + 4)
    top = flow.y
    edges = [g.left]
    for w in widths:
        edges.append(edges[-1] + w)
    flow.rect(g.left, top, g.x1, top + head_h, lw=0, fill_gray=0.92, stroke=False)
    for (header, _, kind), x, w in zip(columns, edges, widths, strict=False):
        if rotated and kind not in ("text", "date"):
            _rotated(flow, x + w / 2 + fs * 0.35, top + head_h - pad, header, look.bold, fs)
        else:
            lines = wrap(header, look.bold, fs, w - 2 * pad, hyphenate=False)
            y0 = top + head_h - pad - len(lines) * lead
            for n, words in enumerate(lines):
                flow.text(x + pad, y0 + fs + n * lead - 0.5, " ".join(words), look.bold, fs)
    y = top + head_h
    tick_styles = v.plan["ticks"]
    for number, (e, h) in enumerate(zip(doc.ergebnisse, row_hs, strict=True)):
        for (header, attr, kind), x, w in zip(columns, edges, widths, strict=False):
            value = getattr(e, attr) if attr else False
            if kind == "text":
                lines = wrap(str(value or ""), look.regular, fs, w - 2 * pad, hyphenate=False)
                for n, words in enumerate(lines):
                    flow.text(
                        x + pad, y + pad + fs + n * lead - 0.5, " ".join(words), look.regular, fs
                    )
            elif kind in ("date", "top", "count"):
                text = _date(value, v) if kind == "date" else ("" if value is None else str(value))
                if text:
                    flow.text(
                        x + w / 2, y + (h + fs) / 2 - 1, text, look.regular, fs, align="center"
                    )
            else:
                field = f"beratungsergebnis[{number}].{attr}" if attr else None
                vector_box(
                    flow,
                    x + (w - box) / 2,
                    y + (h - box) / 2,
                    box,
                    bool(value),
                    rng.choice(tick_styles),
                    header,
                    field,
                    lw=0.5,
                )
        y += h
    for rule in [
        top,
        top + head_h,
        *[top + head_h + sum(row_hs[: k + 1]) for k in range(len(row_hs))],
    ]:
        flow.line(g.left, rule, g.x1, rule, lw=0.6)
    for x in edges:
        flow.line(x, top, x, y, lw=0.6)
    flow.y = y + 4


def _signature(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    kind = v.plan["signature"]
    flow.gap(look.leading * 2)
    flow.ensure(look.leading * 6)
    date = _date(doc.unterz.datum, v, str(v.plan["date_style"]))
    name = doc.unterz.name or ""
    female = pools.is_female(name)
    landrat = "Die Landrätin" if female else "Der Landrat"
    chief = "Die Bürgermeisterin:" if female else "Der Bürgermeister:"
    if kind == "place_first":
        lines = [f"{doc.unterz.ort}, {date}", "", landrat, "", "", name]
    elif kind == "amt_last":
        lines = [landrat, "", "", name, "", f"Landratsamt {doc.town}, {date}"]
    else:
        lines = [f"{doc.unterz.ort}, am {date}", "", chief, "", "", name]
    x = g.left if kind != "place_first" else g.left + g.content_width * 0.5
    for line in lines:
        if line:
            flow.text(x, flow.y + look.size, line, look.regular, look.size)
        flow.y += look.leading


def _decorator(doc: Doc, v: Variant) -> Callable[[Flow, int, int], None]:
    look = v.look

    def draw(flow: Flow, number: int, total: int) -> None:
        g = flow.g
        fs = max(7.0, look.size - 2)
        flow.text(
            g.width / 2, g.height - g.bottom + 30, f"- {number} -", look.regular, fs, align="center"
        )
        del total

    return draw


def render(doc: Doc, v: Variant, path: Path, index: int) -> Rendered:
    look = v.look
    plan = v.plan
    rng = random.Random(f"{LAYOUT}-{index}-render")
    flow = Flow(look.geometry, _decorator(doc, v))
    _letterhead(flow, doc, v)
    _header_fields(flow, doc, v)
    _gegenstand(flow, doc, v)
    _folge(flow, doc, v)
    if plan["grid_at"] == "after_folge":
        _grid(flow, doc, v, rng)
    _block_label(flow, str(plan["beschluss_heading"]), v, before=look.leading * 1.2)
    paragraphs(flow, doc.beschluss, look)
    _block_label(flow, str(plan["begr_heading"]), v, before=look.leading * 1.2)
    paragraphs(flow, doc.begruendung, look)
    _block_label(flow, str(plan["finanz_heading"]), v, before=look.leading * 1.2)
    paragraphs(flow, doc.finanzen, look)
    _block_label(flow, str(plan["anlagen_heading"]), v, before=look.leading * 1.2)
    for anlage in doc.anlagen:
        flow.paragraph(anlage, look.regular, look.size, look.leading, bullet="–", hang=12)
    _signature(flow, doc, v)
    if plan["grid_at"] == "end":
        _grid(flow, doc, v, rng)
    pages = flow.render(path, f"{doc.vorlagenart} {doc.vorlagennummer or doc.aktenzeichen}")
    ticked = sum(bool(t) for t in plan["ticked"])
    features = [
        f"{look.regular} {look.size}pt",
        f"{pages} page(s)",
        f"labels above values ({plan['header']})",
        "Gegenstand: label above the Betreff",
        "Beratungsfolge without header row",
        f"proposal heading '{plan['beschluss_heading']}'",
        f"signature '{plan['signature']}'",
        f"grid '{plan['grid']}' ({plan['grid_at']}), {ticked} of {len(doc.ergebnisse)} rows filled",
        "drawn square boxes in grid cells",
    ]
    if plan["grid"] == "rotated":
        features.append("rotated grid headers")
    if plan["flavour"] == "at":
        features.append(
            "Austrian: Jänner, Geschäftszahl = Aktenzeichen, no Vorlagennummer, Beilagen"
        )
    if plan["signature"] == "amt_last":
        features.append("place in 'Landratsamt <town>, <date>' under the name")
    return Rendered(path, LAYOUT, doc, flow.checkboxes, pages, features)


def generate(out_dir: Path) -> list[Rendered]:
    return render_plans("landkreis", len(PLANS), build, render, out_dir)
