"""Layout 2: a council-information-system export (SessionNet/ALLRIS style).

Ruled header table (labels in a shaded row, values below), Betreff, a ruled Beratungsfolge
table, plain headings, numbered Anlagen and a multi-row Beratungsergebnis grid whose boolean
cells hold glyph checkboxes (DejaVu ☐☒☑ or ZapfDingbats code points).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _samples.boxes import GLYPH_STYLES, glyph_box
from _samples.common import Look, Rendered, betreff_beside, decorator, heading, paragraphs
from _samples.content import blank_unprinted, fmt_date, make_ergebnis
from _samples.doc import Doc, Ergebnis
from _samples.flow import Flow
from _samples.fonts import width
from _samples.plans import plan_doc, plan_look, render_plans
from _samples.tables import Cell, TableStyle, table

LAYOUT = "ris_tabelle"

# header-table column sets: (label, Doc attribute or "status")
HEADER_SETS = [
    [
        ("Vorlage-Nr.", "vorlagennummer"),
        ("Status", "status"),
        ("Federführend", "federfuehrung"),
        ("Datum", "datum"),
    ],
    [
        ("Drucksachen-Nr.:", "vorlagennummer"),
        ("Status:", "status"),
        ("Federführung:", "federfuehrung"),
        ("Erstellt am:", "datum"),
        ("Aktenzeichen:", "aktenzeichen"),
    ],
    [
        ("Vorlagen-Nr.", "vorlagennummer"),
        ("Federführendes Amt", "federfuehrung"),
        ("Datum", "datum"),
        ("Az.", "aktenzeichen"),
    ],
]
# Beratungsfolge column sets: (label, Folge attribute)
FOLGE_SETS = [
    [("Datum", "sitzung_am"), ("Gremium", "gremium"), ("Zuständigkeit", "zustaendigkeit")],
    [
        ("Sitzung am", "sitzung_am"),
        ("Beratungsgremium", "gremium"),
        ("Rolle", "zustaendigkeit"),
        ("Ö/N", "oeffentlich"),
    ],
    [
        ("Beratungsgremium", "gremium"),
        ("Sitzung am", "sitzung_am"),
        ("TOP", "top"),
        ("Status", "zustaendigkeit"),
        ("Ö", "oeffentlich"),
    ],
]
# Beratungsergebnis column sets: (header, Ergebnis attribute, kind)
ERGEBNIS_SETS = [
    [
        ("einst.", "einstimmig", "bool"),
        ("Ja", "ja_stimmen", "count"),
        ("Nein", "nein_stimmen", "count"),
        ("Enth.", "enthaltungen", "count"),
        ("lt. Vorlage", "laut_beschlussvorschlag", "bool"),
        ("abw. Beschl.", "abweichender_beschluss", "bool"),
        ("Kenntn.", "kenntnisnahme", "bool"),
    ],
    [
        ("einstimmig", "einstimmig", "bool"),
        ("mehrh.", "mit_stimmenmehrheit", "bool"),
        ("dafür", "ja_stimmen", "count"),
        ("dagegen", "nein_stimmen", "count"),
        ("Enthalt.", "enthaltungen", "count"),
        ("lt. Beschl.-Vorschl.", "laut_beschlussvorschlag", "bool"),
        ("geändert", None, "bool"),  # a changed resolution: no field of the contract
        ("z.K.", "kenntnisnahme", "bool"),
    ],
]

PLANS: list[dict[str, Any]] = [
    {
        "topic": "feuerwehr",
        "header": 0,
        "folge": 0,
        "erg": 0,
        "glyph": ["dejavu_x"],
        "n_folge": 2,
        "ticked_rows": 1,
        "n_begr": 2,
        "bullets": False,
        "families": ["helvetica"],
        "grid_at": "after_beschluss",
        "sign": False,
    },
    {
        "topic": "klimaschutz",
        "header": 1,
        "folge": 1,
        "erg": 1,
        "glyph": ["zapf_box_heavycheck", "zapf_box_ballot"],
        "n_folge": 3,
        "ticked_rows": 2,
        "n_begr": 9,
        "families": ["dejavu_condensed"],
        "grid_at": "end",
        "sign": True,
    },
    {
        "topic": "radverkehr",
        "header": 2,
        "folge": 2,
        "erg": 0,
        "glyph": ["zapf_overprint_check", "zapf_box_filled"],
        "n_folge": 4,
        "ticked_rows": 0,
        "n_begr": 16,
        "families": ["times"],
        "grid_at": "end",
        "sign": True,
        "art": "Informationsvorlage",
    },
    {
        "topic": "strassenausbau",
        "header": 0,
        "folge": 1,
        "erg": 1,
        "glyph": ["dejavu_check", "zapf_overprint_x"],
        "n_folge": 3,
        "ticked_rows": 3,
        "n_begr": 5,
        "families": ["dejavu_sans"],
        "grid_at": "after_beschluss",
        "sign": False,
    },
]


@dataclass(frozen=True)
class Variant:
    look: Look
    plan: dict[str, Any]
    printed: dt.date
    status: str
    heading_rule: bool
    anlagen_style: str


def build(index: int) -> tuple[Doc, Variant]:
    rng = random.Random(f"{LAYOUT}-{index}")
    plan = PLANS[index]
    year = rng.choice([2021, 2022, 2023, 2024])
    nummer = rng.choice(
        [
            f"VO/{year}/{rng.randint(10, 999):04d}",
            f"{rng.randint(100, 999)}/{year}",
            f"BV/{rng.randint(10, 250)}/{year}",
        ]
    )
    art = str(plan.get("art", "Beschlussvorlage"))
    doc = plan_doc(rng, plan, town=rng.choice(["Göppingen", "Lüdenscheid", "Fürth", "Weißenfels"]),
                   year=year, vorlagenart=art, nummer=nummer)
    look = plan_look(rng, plan, doc, size=(9.5, 11.0))
    variant = Variant(
        look,
        plan,
        (doc.datum or dt.date(year, 1, 1)) + dt.timedelta(days=3),
        rng.choice(["öffentlich", "nichtöffentlich"]),
        rng.random() < 0.5,
        rng.choice(["1.", "1)", "Anlage 1:"]),
    )
    header_attrs = {attr for _, attr in HEADER_SETS[int(plan["header"])]}
    for attr in ("aktenzeichen", "federfuehrung"):
        if attr not in header_attrs:
            setattr(doc, attr, None)
    doc.hinweis = None
    folge_attrs = {attr for _, attr in FOLGE_SETS[int(plan["folge"])]}
    for number, f in enumerate(doc.beratungsfolge):
        # agenda item numbers are known only for meetings already scheduled
        f.top = str(rng.randint(3, 17)) if "top" in folge_attrs and number < 2 else None
        if "oeffentlich" not in folge_attrs:
            f.oeffentlich = None
    doc.ergebnisse = [
        _ergebnis(rng, doc, number, variant) for number in range(len(doc.beratungsfolge))
    ]
    if not plan["sign"]:
        doc.unterz.ort = doc.unterz.datum = doc.unterz.name = None
    else:
        doc.unterz.ort = doc.unterz.datum = None
    return doc, variant


def _ergebnis(rng: random.Random, doc: Doc, number: int, v: Variant) -> Ergebnis:
    folge = doc.beratungsfolge[number]
    ticked = number < int(v.plan["ticked_rows"])
    e = make_ergebnis(rng, folge, ticked, public_boxes=False, art=doc.vorlagenart or "")
    e.sitzung_am = folge.sitzung_am  # the grid always shows the planned date
    printed = {attr for _, attr, _ in ERGEBNIS_SETS[int(v.plan["erg"])] if attr}
    blank_unprinted(e, printed, keep=("top",))
    if not ticked:
        e.top = None
    return e


def _value(doc: Doc, attr: str, v: Variant) -> str:
    if attr == "status":
        return v.status
    if attr == "datum":
        return fmt_date(doc.datum) if doc.datum else ""
    return str(getattr(doc, attr) or "")


def _header(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    flow.text(g.left, g.top + 12, f"Stadt {doc.town}", look.bold, 13)
    flow.text(g.x1, g.top + 12, "Vorlage", look.regular, 11, align="right")
    flow.line(g.left, g.top + 20, g.x1, g.top + 20, lw=1.2)
    flow.text(g.left, g.top + 44, doc.vorlagenart or "", look.bold, 16)
    flow.y = g.top + 56
    columns = HEADER_SETS[int(v.plan["header"])]
    fs = look.size - 1
    weights = [1.6 if attr == "federfuehrung" else 1.0 for _, attr in columns]
    widths = [g.content_width * w / sum(weights) for w in weights]
    style = TableStyle(look.regular, look.bold, fs)
    rows: list[list[Cell]] = [
        [label for label, _ in columns],
        [_value(doc, attr, v) for _, attr in columns],
    ]
    table(flow, g.left, widths, rows, style)


def _betreff(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    flow.gap(14)
    label_w = width("Betreff: ", look.bold, look.size) + 8
    betreff_beside(flow, doc, look, "Betreff:", flow.g.left + label_w)


def _folge(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    columns = FOLGE_SETS[int(v.plan["folge"])]
    heading(flow, "Beratungsfolge:", look, before=12)
    weights = {
        "gremium": 3.2,
        "sitzung_am": 1.1,
        "zustaendigkeit": 1.4,
        "oeffentlich": 0.5,
        "top": 0.5,
    }
    widths = [
        flow.g.content_width * weights[a] / sum(weights[x] for _, x in columns) for _, a in columns
    ]
    rows: list[list[Cell]] = [[label for label, _ in columns]]
    for f in doc.beratungsfolge:
        row: list[Cell] = []
        for _, attr in columns:
            value = getattr(f, attr)
            if attr == "oeffentlich":
                row.append({True: "Ö", False: "N", None: ""}[value])
            elif isinstance(value, dt.date):
                row.append(fmt_date(value))
            else:
                row.append(value or "")
        rows.append(row)
    table(flow, flow.g.left, widths, rows, TableStyle(look.regular, look.bold, look.size - 1))


def _glyph_cell(checked: bool, style: str, label: str, field: str, size: float) -> Cell:
    def draw(flow: Flow, x: float, top: float, w: float, h: float) -> None:
        font, empty, _, _ = GLYPH_STYLES[style]
        gw = width(empty, font, size)
        glyph_box(
            flow, x + (w - gw) / 2, top + h / 2 + size * 0.35, size, checked, style, label, field
        )

    return draw


def _grid(flow: Flow, doc: Doc, v: Variant, rng: random.Random) -> None:
    look = v.look
    columns = ERGEBNIS_SETS[int(v.plan["erg"])]
    heading(flow, "Beratungsergebnis:", look, before=12)
    head: list[str] = ["Gremium", "Sitzung", "TOP"] + [h for h, _, _ in columns]
    fs, widths = _grid_widths(
        look, head, [e.gremium or "" for e in doc.ergebnisse], flow.g.content_width
    )
    rows: list[list[Cell]] = [list(head)]
    styles: list[str] = v.plan["glyph"]
    for number, e in enumerate(doc.ergebnisse):
        row: list[Cell] = [e.gremium, fmt_date(e.sitzung_am) if e.sitzung_am else "", e.top or ""]
        for header, attr, kind in columns:
            value = getattr(e, attr) if attr else False
            if kind == "count":
                row.append("" if value is None else str(value))
            else:
                row.append(
                    _glyph_cell(
                        bool(value),
                        rng.choice(styles),
                        header,
                        f"beratungsergebnis[{number}].{attr}" if attr else None,
                        look.size,
                    )
                )
        rows.append(row)
    style = TableStyle(look.regular, look.bold, fs, header_fill=0.9, center_from=3)
    table(flow, flow.g.left, widths, rows, style, min_height=look.size * 2)


def _grid_widths(
    look: Look, head: list[str], gremien: list[str], total: float
) -> tuple[float, list[float]]:
    """Narrow columns sized to their header words; "Gremium" takes the rest.

    The font shrinks (as RIS exports do) until the longest word of a Gremium fits.
    """
    fs = look.size - 2.5
    while True:
        needs = [max(width(word, look.bold, fs) for word in h.split()) + 10 for h in head]
        needs[1] = max(needs[1], width("00.00.0000", look.regular, fs) + 8)
        rest = total - sum(needs[1:])
        longest = max(width(word, look.regular, fs) for g in gremien for word in g.split())
        if rest >= longest + 8 or fs <= 6.0:
            return fs, [rest, *needs[1:]]
        fs -= 0.5


def render(doc: Doc, v: Variant, path: Path, index: int) -> Rendered:
    look = v.look
    rng = random.Random(f"{LAYOUT}-{index}-render")
    flow = Flow(
        look.geometry, decorator("ris", doc.vorlagennummer, look, printed=fmt_date(v.printed))
    )
    _header(flow, doc, v)
    _betreff(flow, doc, v)
    _folge(flow, doc, v)
    heading(flow, "Beschlussvorschlag", look, before=14, underline=v.heading_rule)
    paragraphs(flow, doc.beschluss, look)
    if v.plan["grid_at"] == "after_beschluss":
        _grid(flow, doc, v, rng)
    heading(
        flow,
        rng.choice(["Sachverhalt", "Begründung", "Sachverhalt / Begründung"]),
        look,
        before=14,
        underline=v.heading_rule,
    )
    paragraphs(flow, doc.begruendung, look)
    if doc.unterz.name:
        flow.gap(look.leading)
        flow.paragraph(f"gez. {doc.unterz.name}", look.regular, look.size, look.leading, keep=True)
        flow.paragraph(doc.signer_title or "", look.regular, look.size, look.leading)
    heading(flow, "Finanzielle Auswirkungen", look, before=14, underline=v.heading_rule)
    paragraphs(flow, doc.finanzen, look)
    heading(flow, "Anlagen", look, before=14, underline=v.heading_rule)
    for number, anlage in enumerate(doc.anlagen, 1):
        marker = v.anlagen_style.replace("1", str(number))
        flow.paragraph(
            anlage,
            look.regular,
            look.size,
            look.leading,
            bullet=marker,
            hang=width("Anlage 0: ", look.regular, look.size),
        )
    if v.plan["grid_at"] == "end":
        _grid(flow, doc, v, rng)
    pages = flow.render(path, f"{doc.vorlagenart} {doc.vorlagennummer}")
    ticked = int(v.plan["ticked_rows"])
    features = [
        f"{look.regular} {look.size}pt",
        f"{pages} page(s)",
        "glyph checkboxes: " + "/".join(v.plan["glyph"]),
        f"{len(doc.ergebnisse)} Beratungsergebnis rows, {ticked} filled",
        f"grid {v.plan['grid_at']}",
        "footer 'Ausdruck vom' (not the document date)",
    ]
    return Rendered(path, LAYOUT, doc, flow.checkboxes, pages, features)


def generate(out_dir: Path) -> list[Rendered]:
    return render_plans("ris", len(PLANS), build, render, out_dir)
