"""Layout 3: a fillable form ("Sitzungsvorlage") with AcroForm checkbox widgets.

Header fields as ruled boxes with a small label on top and the value below it, a Beratungsfolge
with a widget per row (public yes/no, or one box per Zuständigkeit), sections with colon
headings, and a framed Beratungsergebnis whose boxes are widgets with the label to the right.
Text values are printed as page text, not as form fields.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _samples.boxes import acro_box
from _samples.common import Look, Rendered, decorator, heading, paragraphs
from _samples.content import fmt_date, make_ergebnis
from _samples.doc import Doc, Ergebnis, Para
from _samples.flow import Flow
from _samples.fonts import width
from _samples.plans import plan_doc, plan_look, render_plans
from _samples.tables import Cell, TableStyle, table

LAYOUT = "formular"

PLANS: list[dict[str, Any]] = [
    {
        "topic": "feuerwehr",
        "n_begr": 1,
        "bullets": False,
        "ticked": True,
        "folge_mode": "public",
        "n_folge": 2,
        "families": ["helvetica"],
        "labels": 0,
        "button": "check",
    },
    {
        "topic": "kita",
        "n_begr": 9,
        "ticked": True,
        "folge_mode": "roles",
        "n_folge": 3,
        "families": ["dejavu_sans"],
        "labels": 1,
        "button": "cross",
    },
    {
        "topic": "haushalt",
        "n_begr": 10,
        "ticked": False,
        "folge_mode": "public",
        "n_folge": 3,
        "families": ["dejavu_serif"],
        "labels": 2,
        "button": "circle",
    },
]
LABEL_SETS = [
    {"nr": "Vorlagen-Nr.", "datum": "Datum", "az": "Aktenzeichen", "fed": "Federführendes Amt"},
    {"nr": "Drucksache Nr.", "datum": "Erstellt am", "az": "Az.", "fed": "Fachbereich"},
    {"nr": "Vorlage Nr.", "datum": "Datum", "az": "Aktenzeichen", "fed": "Dezernat/Amt"},
]
ROLES = ["Vorberatung", "Entscheidung", "Kenntnisnahme"]


@dataclass(frozen=True)
class Variant:
    look: Look
    plan: dict[str, Any]
    labels: dict[str, str]
    extra_boxes: tuple[str, ...]


def build(index: int) -> tuple[Doc, Variant]:
    rng = random.Random(f"{LAYOUT}-{index}")
    plan = PLANS[index]
    year = rng.choice([2022, 2023, 2024])
    doc = plan_doc(rng, plan, town=rng.choice(["Weißenfels", "Göppingen", "Müllheim"]), year=year,
                   vorlagenart="Sitzungsvorlage", nummer=f"{rng.randint(10, 300)}/{year}")
    look = plan_look(rng, plan, doc, size=(9.5, 10.5), justify=False)
    variant = Variant(look, plan, LABEL_SETS[int(plan["labels"])], ("vertagt", "zurückgezogen"))
    doc.hinweis = None
    for number, f in enumerate(doc.beratungsfolge):
        f.top = str(rng.randint(2, 14)) if number == 0 else None
        if plan["folge_mode"] == "roles":
            f.oeffentlich = None
    folge = doc.beratungsfolge[0]
    e = make_ergebnis(rng, folge, bool(plan["ticked"]), art="Beschlussvorlage")
    e.stellungnahme_beigefuegt = None
    if plan["ticked"]:
        e.top = folge.top
    else:
        e.gremium = None
    doc.ergebnisse = [e]
    doc.unterz.datum = doc.datum
    return doc, variant


def _field_grid(flow: Flow, doc: Doc, v: Variant) -> None:
    """Header boxes: small label at the top of each cell, value printed below it."""
    look = v.look
    g = flow.g
    small = 7.0
    cells = [
        [
            (v.labels["nr"], doc.vorlagennummer, 0.3),
            (v.labels["datum"], fmt_date(doc.datum) if doc.datum else "", 0.3),
            (v.labels["az"], doc.aktenzeichen, 0.4),
        ],
        [(v.labels["fed"], doc.federfuehrung, 1.0)],
    ]
    row_h = small + look.size + 12
    for row in cells:
        x = g.left
        for label, value, share in row:
            w = g.content_width * share
            flow.rect(x, flow.y, x + w, flow.y + row_h, lw=0.7)
            flow.text(x + 3, flow.y + small + 1.5, label, look.regular, small, gray=0.25)
            if value:
                flow.text(x + 3, flow.y + small + 4 + look.size, value, look.regular, look.size)
            x += w
        flow.y += row_h


def _folge(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    mode = v.plan["folge_mode"]
    style = str(v.plan["button"])
    size = look.size
    heading(flow, "Beratungsfolge:", look, before=12)
    box = size + 1

    def widget(label: str, checked: bool, field: str) -> Cell:
        def draw(fl: Flow, x: float, top: float, w: float, h: float) -> None:
            acro_box(fl, x + (w - box) / 2, top + (h - box) / 2, box, checked, style, label, field)

        return draw

    if mode == "public":
        head: list[Cell] = ["Gremium", "Sitzung am", "TOP", "Zuständigkeit", "öffentlich"]
        weights = [3.0, 1.1, 0.6, 1.4, 0.9]
    else:
        head = ["Gremium", "Sitzung am", "TOP", *ROLES]
        weights = [3.0, 1.1, 0.6, 1.1, 1.1, 1.2]
    widths = [flow.g.content_width * w / sum(weights) for w in weights]
    # narrow columns are at least as wide as their header word
    needs = [width(str(h), look.bold, size - 1) + 8 for h in head]
    widths[1:] = [max(w, n) for w, n in zip(widths[1:], needs[1:], strict=True)]
    widths[0] = flow.g.content_width - sum(widths[1:])
    rows: list[list[Cell]] = [head]
    for number, f in enumerate(doc.beratungsfolge):
        date = fmt_date(f.sitzung_am) if f.sitzung_am else ""
        row: list[Cell] = [f.gremium, date, f.top or ""]
        if mode == "public":
            row += [
                f.zustaendigkeit or "",
                widget("öffentlich", bool(f.oeffentlich), f"beratungsfolge[{number}].oeffentlich"),
            ]
        else:
            row += [
                widget(role, role == f.zustaendigkeit, f"beratungsfolge[{number}].zustaendigkeit")
                for role in ROLES
            ]
        rows.append(row)
    table(
        flow,
        flow.g.left,
        widths,
        rows,
        TableStyle(look.regular, look.bold, size - 1, header_fill=None, center_from=3),
        min_height=box + 8,
    )


def _box_row(flow: Flow, items: list[tuple[str, bool, str | None]], v: Variant, x0: float) -> None:
    """Widgets with their labels to the right, on one line (wrapping to the next if needed)."""
    look = v.look
    box = look.size + 1
    x = x0
    for label, checked, field in items:
        need = box + 5 + width(label, look.regular, look.size) + 16
        if x + need > flow.g.x1 - 6:
            flow.y += box + 8
            x = x0
        acro_box(flow, x, flow.y, box, checked, str(v.plan["button"]), label, field)
        flow.text(x + box + 5, flow.y + box - 2, label, look.regular, look.size)
        x += need
    flow.y += box + 8


def _ergebnis(flow: Flow, e: Ergebnis, v: Variant) -> None:
    look = v.look
    g = flow.g
    flow.gap(14)
    flow.ensure(look.size * 14)
    top = flow.y
    flow.y += 6
    flow.text(
        g.left + 6,
        flow.y + look.size,
        "Beratungsergebnis (von der Schriftführung auszufüllen)",
        look.bold,
        look.size,
    )
    flow.y += look.size * 2
    x = g.left + 6
    for label, value in (
        ("Gremium:", e.gremium),
        ("Sitzung am:", fmt_date(e.sitzung_am) if e.sitzung_am else None),
        ("TOP:", e.top),
    ):
        # The write-in line is at least its blank length and always longer than the value
        # printed on it, so the next label starts after the measured value, never on top of it.
        label_w = width(label, look.regular, look.size)
        value_w = width(value, look.regular, look.size) if value else 0.0
        field_w = max({"Gremium:": 170, "Sitzung am:": 62, "TOP:": 30}[label], value_w + 8)
        if x > g.left + 6 and x + label_w + 4 + field_w > g.x1 - 6:
            flow.y += look.size * 2
            x = g.left + 6
        w = flow.text(x, flow.y + look.size, label, look.regular, look.size)
        flow.line(
            x + w + 4, flow.y + look.size + 2, x + w + 4 + field_w, flow.y + look.size + 2, lw=0.4
        )
        if value:
            flow.text(x + w + 6, flow.y + look.size, value, look.regular, look.size)
        x += w + field_w + 14
    flow.y += look.size * 2
    path = "beratungsergebnis[0]"
    _box_row(
        flow,
        [
            ("öffentliche Sitzung", bool(e.oeffentlich), f"{path}.oeffentlich"),
            ("nichtöffentliche Sitzung", bool(e.nichtoeffentlich), f"{path}.nichtoeffentlich"),
        ],
        v,
        g.left + 6,
    )
    _box_row(
        flow,
        [
            ("einstimmig", bool(e.einstimmig), f"{path}.einstimmig"),
            ("mit Stimmenmehrheit", bool(e.mit_stimmenmehrheit), f"{path}.mit_stimmenmehrheit"),
        ],
        v,
        g.left + 6,
    )
    x = g.left + 6
    for label, count in (
        ("Ja:", e.ja_stimmen),
        ("Nein:", e.nein_stimmen),
        ("Enthaltungen:", e.enthaltungen),
    ):
        w = flow.text(x, flow.y + look.size, label, look.regular, look.size)
        flow.rect(x + w + 4, flow.y - 1, x + w + 34, flow.y + look.size + 3, lw=0.5)
        if count is not None:
            flow.text(
                x + w + 19, flow.y + look.size, str(count), look.regular, look.size, align="center"
            )
        x += w + 56
    flow.y += look.size * 2
    _box_row(
        flow,
        [
            (
                "wie Beschlussvorschlag",
                bool(e.laut_beschlussvorschlag),
                f"{path}.laut_beschlussvorschlag",
            ),
            (
                "abweichender Beschluss (siehe Anlage)",
                bool(e.abweichender_beschluss),
                f"{path}.abweichender_beschluss",
            ),
            ("zur Kenntnis genommen", bool(e.kenntnisnahme), f"{path}.kenntnisnahme"),
            *[(label, False, None) for label in v.extra_boxes],
        ],
        v,
        g.left + 6,
    )
    flow.rect(g.left, top, g.x1, flow.y + 2, lw=1.0)
    flow.y += 8


def _finanzen(flow: Flow, paras: list[Para], v: Variant) -> None:
    heading(flow, "Finanzielle Auswirkungen:", v.look, before=12)
    costly = not (paras and paras[0].text.startswith("Keine"))
    _box_row(flow, [("ja", costly, None), ("nein", not costly, None)], v, flow.g.left)
    paragraphs(flow, paras, v.look)


def render(doc: Doc, v: Variant, path: Path, index: int) -> Rendered:
    del index
    look = v.look
    g = look.geometry
    flow = Flow(g, decorator("slash", doc.vorlagennummer, look))
    flow.rect(g.left, g.top, g.x1, g.top + 30, lw=0, fill_gray=0.82, stroke=False)
    flow.text(g.left + 8, g.top + 21, f"Stadt {doc.town}", look.bold, 12)
    flow.text(g.x1 - 8, g.top + 21, doc.vorlagenart or "", look.bold, 16, align="right")
    flow.y = g.top + 40
    _field_grid(flow, doc, v)
    flow.gap(10)
    betreff_w = width("Betreff: ", look.bold, look.size)
    flow.text(g.left, flow.y + look.size, "Betreff:", look.bold, look.size)
    flow.paragraph(
        doc.betreff or "", look.regular, look.size, look.leading, x=g.left + betreff_w + 6
    )
    if doc.betreff_hier:
        flow.paragraph(
            doc.betreff_hier, look.regular, look.size, look.leading, x=g.left + betreff_w + 6
        )
    _folge(flow, doc, v)
    heading(flow, "Beschlussvorschlag:", look, before=12)
    paragraphs(flow, doc.beschluss, look)
    heading(flow, "Begründung:", look, before=12)
    paragraphs(flow, doc.begruendung, look)
    _finanzen(flow, doc.finanzen, v)
    heading(flow, "Anlagen:", look, before=12)
    for anlage in doc.anlagen:
        flow.paragraph(anlage, look.regular, look.size, look.leading, bullet="-", hang=10)
    flow.gap(18)
    flow.ensure(look.leading * 4)
    date = fmt_date(doc.unterz.datum or dt.date(2000, 1, 1))
    flow.text(g.left, flow.y + look.size, f"{doc.unterz.ort}, {date}", look.regular, look.size)
    flow.line(g.left + 250, flow.y + look.size + 22, g.x1, flow.y + look.size + 22, lw=0.4)
    flow.text(g.left + 250, flow.y + look.size + 34, doc.unterz.name or "", look.regular, look.size)
    flow.text(
        g.left + 250, flow.y + look.size + 46, "Unterschrift Fachbereichsleitung", look.regular, 7
    )
    flow.y += look.size + 56
    _ergebnis(flow, doc.ergebnisse[0], v)
    pages = flow.render(path, f"{doc.vorlagenart} {doc.vorlagennummer}")
    features = [
        f"{look.regular} {look.size}pt",
        f"{pages} page(s)",
        f"AcroForm checkboxes ({v.plan['button']})",
        f"Beratungsfolge boxes: {v.plan['folge_mode']}",
        "values below labels in header boxes",
        "ticked" if v.plan["ticked"] else "blank Beratungsergebnis",
        "boxes without output field: Finanzen ja/nein, vertagt, zurückgezogen",
    ]
    return Rendered(path, LAYOUT, doc, flow.checkboxes, pages, features)


def generate(out_dir: Path) -> list[Rendered]:
    return render_plans("formular", len(PLANS), build, render, out_dir)
