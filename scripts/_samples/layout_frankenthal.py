"""Layout 1: the Frankenthal-style Beschlussvorlage (see shared/reference).

Letterhead of label:value lines, bold wrapped Betreff with "hier:", Beschlussvorschlag, a ruled
Beratungsergebnis grid with drawn (vector) boxes, Begründung over several pages, place/date
and name, "Anlage:".
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _samples.boxes import VECTOR_STYLES, vector_box
from _samples.common import (
    Look,
    Rendered,
    cell_text,
    decorator,
    fix_bullets,
    heading,
    label_value,
    lines_needed,
    paragraphs,
    random_look,
)
from _samples.content import fmt_date, make_ergebnis
from _samples.doc import Doc, Ergebnis, Folge
from _samples.flow import Flow
from _samples.fonts import width
from _samples.plans import plan_doc, render_plans

LAYOUT = "frankenthal"
TOWN = "Frankenthal"


@dataclass(frozen=True)
class Variant:
    look: Look
    nr_label: str
    az_label: str
    colon: bool
    value_tab: float | None  # x offset of the value column, None = value follows the label
    beschluss_heading: str | None
    ticked: bool
    grid_values: bool  # Gremium / Sitzung am / Top cells filled in
    tick_styles: tuple[str, ...]
    header: str
    federfuehrung: bool
    folge_lines: int
    signer_title: bool


# One entry per sample: the features each sample must show, the rest is drawn at random.
PLANS: list[dict[str, Any]] = [
    {
        "topic": "modellprojekt",
        "n_begr": 1,
        "bullets": False,
        "ticked": True,
        "beschluss_heading": None,
        "folge_lines": 1,
        "families": ["helvetica"],
        "tick_styles": ("x",),
        "grid_values": True,
        "n_anlagen": 1,
    },
    {
        "topic": "kita",
        "n_begr": 21,
        "ticked": False,
        "grid_values": False,
        "az_label": "Az.:",
        "header": "vorlage",
        "families": ["times"],
        "federfuehrung": True,
        "folge_lines": 1,
    },
    {
        "topic": "radverkehr",
        "n_begr": 7,
        "ticked": True,
        "tick_styles": ("check_curve", "fill"),
        "grid_values": True,
        "families": ["dejavu_serif"],
        "art": "Mitteilungsvorlage",
        "header": "dash",
        "folge_lines": 1,
    },
    {
        "topic": "bebauungsplan",
        "n_begr": 8,
        "ticked": True,
        "tick_styles": ("check", "x", "fill"),
        "colon": False,
        "families": ["dejavu_sans"],
        "folge_lines": 2,
        "header": "footer",
        "grid_values": False,
    },
]


def _variant(rng: random.Random, plan: dict[str, Any]) -> Variant:
    look = random_look(rng, plan["families"], size=(10.0, 11.0))
    return Variant(
        look=look,
        nr_label=str(
            plan.get("nr_label", rng.choice(["Vorlage-Nr.", "Vorlage Nr.", "Vorlagen-Nr."]))
        ),
        az_label=str(plan.get("az_label", "Aktenzeichen:")).rstrip(":"),
        colon=bool(plan.get("colon", True)),
        value_tab=rng.choice([None, 118.0, 130.0]),
        beschluss_heading=plan.get(
            "beschluss_heading", rng.choice(["Beschlussvorschlag:", "Beschlussentwurf:"])
        ),
        ticked=bool(plan["ticked"]),
        grid_values=bool(plan.get("grid_values", True)),
        tick_styles=plan.get("tick_styles", VECTOR_STYLES),
        header=str(plan.get("header", "none")),
        federfuehrung=bool(plan.get("federfuehrung", False)),
        folge_lines=int(plan.get("folge_lines", 1)),
        signer_title=rng.random() < 0.5,
    )


def build(index: int) -> tuple[Doc, Variant]:
    rng = random.Random(f"{LAYOUT}-{index}")
    plan = PLANS[index]
    art = str(plan.get("art", "Beschlussvorlage"))
    year = rng.choice([2022, 2023])
    doc = plan_doc(rng, plan, town=TOWN, year=year, vorlagenart=art,
                   nummer=f"{year}/{rng.randint(30, 420):04d}", n_folge=int(plan["folge_lines"]))
    variant = _variant(rng, plan)
    fix_bullets(doc, variant.look)
    # The letterhead only names the bodies, without dates or roles; Frankenthal has a Stadtrat.
    doc.beratungsfolge = [Folge(f.gremium) for f in doc.beratungsfolge]
    doc.beratungsfolge[-1].gremium = "Stadtrat"
    if index == 0:
        doc.aktenzeichen = "Die Grünen"  # the reference really prints a party here
    if not variant.federfuehrung:
        doc.federfuehrung = None
    doc.finanzen = []
    if "n_anlagen" in plan:
        doc.anlagen = doc.anlagen[: int(plan["n_anlagen"])]
    if not variant.signer_title:
        doc.signer_title = None
    last = doc.beratungsfolge[-1]
    source = Folge(last.gremium, doc.datum, None, None, rng.random() < 0.8)
    if doc.datum is not None:
        source.sitzung_am = doc.datum.replace(day=min(28, doc.datum.day + 1))
    ergebnis = make_ergebnis(rng, source, variant.ticked, art=art)
    if not variant.grid_values:
        ergebnis.gremium = ergebnis.sitzung_am = ergebnis.top = None
    elif not variant.ticked:
        ergebnis.sitzung_am = ergebnis.top = None
    doc.ergebnisse = [ergebnis]
    return doc, variant


def _label(text: str, v: Variant) -> str:
    return f"{text}:" if v.colon else text


def _letterhead(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    flow.text(g.left, g.top + 12, "Stadtverwaltung Frankenthal (Pfalz)", look.bold, 12)
    flow.text(g.left, g.top + 26, "Der Oberbürgermeister", look.regular, 10)
    flow.text(g.x1, g.top + 14, doc.vorlagenart or "", look.bold, 15, align="right")
    flow.y = g.top + 56
    tab = g.left + v.value_tab if v.value_tab else None
    rows: list[tuple[str, str | None]] = [
        (_label(v.nr_label.rstrip(":"), v), doc.vorlagennummer),
        (_label(v.az_label, v), doc.aktenzeichen),
        (_label("Datum", v), fmt_date(doc.datum) if doc.datum else None),
    ]
    if doc.federfuehrung:
        rows.append((_label("Federführend", v), doc.federfuehrung))
    rows.append((_label("Hinweis", v), doc.hinweis))
    for label, value in rows:
        label_value(flow, label, value, look, tab)
        flow.gap(look.size * 0.5)
    folge = [f.gremium for f in doc.beratungsfolge]
    label_value(
        flow,
        _label("Beratungsfolge", v),
        folge[0],
        look,
        tab or g.left + width(_label("Beratungsfolge", v) + " ", look.regular, look.size),
    )
    for gremium in folge[1:]:
        label_value(
            flow,
            "",
            gremium,
            look,
            tab or g.left + width(_label("Beratungsfolge", v) + " ", look.regular, look.size),
        )


def _grid(flow: Flow, e: Ergebnis, v: Variant, rng: random.Random) -> None:
    """The Beratungsergebnis grid of the reference: 3 + 3 columns on top, 5 below."""
    look = v.look
    g = flow.g
    x0, x1 = g.left, g.x1
    total = x1 - x0
    pair: list[tuple[str | None, ...]] = [
        ("Öffentlich:", "oeffentlich", "Einstimmig:", "einstimmig", "Ja-Stimmen:", "ja_stimmen"),
        (
            "Nichtöffentlich:",
            "nichtoeffentlich",
            "Mit Stimmenmehrheit:",
            "mit_stimmenmehrheit",
            "Nein-Stimmen:",
            "nein_stimmen",
        ),
        (None, None, None, None, "Enthaltungen:", "enthaltungen"),
    ]
    fs, label_ws, cols = _columns(look, pair, x0, total)
    lead = fs * 1.2
    box = fs + 1
    heights = []
    for row in pair:
        n = max(
            (
                lines_needed(str(row[2 * k]), look.regular, fs, label_ws[k])
                for k in range(3)
                if row[2 * k]
            ),
            default=1,
        )
        heights.append(max(n * lead + 6, box + 8))
    low_labels = [
        ("Laut Beschlussvorschlag:", "laut_beschlussvorschlag"),
        ("Protokollanmerkungen und Änderungen siehe Rückseite:", "abweichender_beschluss"),
        ("Kenntnisnahme:", "kenntnisnahme"),
        ("Stellungnahme der Verwaltung ist beigefügt:", "stellungnahme_beigefuegt"),
        ("Unterschrift:", None),
    ]
    longest = [max(width(word, look.regular, fs) for word in t.split()) + 12 for t, _ in low_labels]
    spare = (total - sum(longest)) / len(longest)
    low_ws = [w + spare for w in longest]
    low_n = max(
        lines_needed(t, look.regular, fs, w - 8)
        for (t, _), w in zip(low_labels, low_ws, strict=True)
    )
    low_h = low_n * lead + box + 14
    height = sum(heights) + low_h
    heading(flow, "Beratungsergebnis:", look, before=12)
    flow.ensure(height + 4)
    top = flow.y
    # ruling: outer frame, the band between upper and lower part, column lines
    flow.rect(x0, top, x1, top + height, lw=0.6)
    mid = top + sum(heights)
    flow.line(x0, mid, x1, mid, lw=0.6)
    for c in cols[1:-1]:
        flow.line(c, top, c, mid)
    y = top
    for h in heights[:-1]:
        y += h
        flow.line(cols[3], y, x1, y)
    flow.line(x0, top + heights[0], cols[3], top + heights[0])
    low_x = [x0]
    for w in low_ws:
        low_x.append(low_x[-1] + w)
    for x in low_x[1:-1]:
        flow.line(x, mid, x, top + height)
    # header cells and values
    for caption, c in zip(("Gremium", "Sitzung am", "Top"), cols[:3], strict=True):
        cell_text(flow, caption, c + 4, top + 4, 200, look.regular, fs)
    value_top = top + heights[0] + 4
    if e.gremium:
        cell_text(flow, e.gremium, cols[0] + 4, value_top, cols[1] - cols[0] - 8, look.regular, fs)
    if e.sitzung_am:
        cell_text(flow, fmt_date(e.sitzung_am), cols[1] + 4, value_top, 200, look.regular, fs)
    if e.top:
        cell_text(flow, e.top, cols[2] + 4, value_top, 100, look.regular, fs)
    y = top
    for row, h in zip(pair, heights, strict=True):
        for k in range(3):
            text, key = row[2 * k], row[2 * k + 1]
            if not text or not key:
                continue
            cx = cols[3 + k]
            n = lines_needed(text, look.regular, fs, label_ws[k])
            cell_text(
                flow, text, cx + 4, y + (h - n * lead) / 2 - 1, label_ws[k], look.regular, fs, lead
            )
            bx = cols[4 + k] - box - 6 if k < 2 else cols[6] - 34
            by = y + (h - box) / 2
            if k < 2:
                checked = bool(getattr(e, key))
                vector_box(
                    flow,
                    bx,
                    by,
                    box,
                    checked,
                    rng.choice(v.tick_styles),
                    text.rstrip(":"),
                    f"beratungsergebnis[0].{key}",
                )
            else:  # write-in count box: a number or nothing, no checkbox
                flow.rect(bx, by - 1, bx + 28, by + box + 1, lw=0.6)
                count = getattr(e, key)
                if count is not None:
                    flow.text(bx + 14, by + box - 1.5, str(count), look.regular, fs, align="center")
        y += h
    for (text, key), cx, w in zip(low_labels, low_x, low_ws, strict=False):
        cell_text(flow, text, cx + 4, mid + 4, w - 8, look.regular, fs, lead)
        by = mid + 6 + low_n * lead + 2
        checked = bool(getattr(e, key)) if key else False
        vector_box(
            flow,
            cx + 6,
            by,
            box,
            checked,
            rng.choice(v.tick_styles),
            text.rstrip(":"),
            f"beratungsergebnis[0].{key}" if key else None,
        )
    flow.y = top + height + 6


def _columns(
    look: Look, pair: Sequence[tuple[str | None, ...]], x0: float, total: float
) -> tuple[float, list[float], list[float]]:
    """Font size, label widths and column edges of the upper grid.

    Each label column is as wide as its longest word plus the box (so "Mit Stimmenmehrheit:"
    breaks after "Mit", as in the reference); the font shrinks until "Gremium" has room.
    """
    fs = min(look.size - 2, 9.0)
    while True:
        label_ws = [
            max(
                width(word, look.regular, fs)
                for row in pair
                if row[2 * k]
                for word in str(row[2 * k]).split()
            )
            + 2
            for k in range(3)
        ]
        pair_ws = [w + (fs + 1 if k < 2 else 28) + 12 for k, w in enumerate(label_ws)]
        rest = total - sum(pair_ws)
        w_top = width("Top 12.3", look.regular, fs)
        w_sitzung = width("Sitzung am", look.regular, fs) + 10
        if rest - w_top - w_sitzung >= 80 or fs <= 6.5:
            break
        fs -= 0.5
    cols = [x0, x0 + rest - w_sitzung - w_top, x0 + rest - w_top, x0 + rest]
    for w in pair_ws:
        cols.append(cols[-1] + w)
    return fs, label_ws, cols


def render(doc: Doc, v: Variant, path: Path, index: int) -> Rendered:
    look = v.look
    rng = random.Random(f"{LAYOUT}-{index}-render")
    flow = Flow(
        look.geometry, decorator(v.header, doc.vorlagennummer, look, "Stadtverwaltung Frankenthal")
    )
    _letterhead(flow, doc, v)
    flow.gap(look.size * 1.5)
    flow.paragraph(
        doc.betreff or "", look.bold, look.size + 0.5, look.leading + 0.5, hyphenate=True
    )
    if doc.betreff_hier:
        flow.paragraph(doc.betreff_hier, look.bold, look.size + 0.5, look.leading + 0.5)
    if v.beschluss_heading:
        heading(flow, v.beschluss_heading, look, before=12)
    else:
        flow.gap(12)
    paragraphs(flow, doc.beschluss, look)
    _grid(flow, doc.ergebnisse[0], v, rng)
    heading(flow, "Begründung:", look, before=10)
    paragraphs(flow, doc.begruendung, look)
    flow.gap(look.size * 2)
    flow.ensure(look.leading * 6)
    flow.paragraph(
        f"{TOWN}, {fmt_date(doc.datum)}" if doc.datum else TOWN,
        look.regular,
        look.size,
        look.leading,
    )
    flow.gap(look.leading * 1.5)
    flow.paragraph(doc.unterz.name or "", look.regular, look.size, look.leading)
    if doc.signer_title:
        flow.paragraph(doc.signer_title, look.regular, look.size, look.leading)
    flow.gap(look.leading)
    if len(doc.anlagen) == 1:
        flow.paragraph(f"Anlage: {doc.anlagen[0]}", look.regular, look.size, look.leading)
    else:
        flow.paragraph("Anlagen:", look.regular, look.size, look.leading)
        for number, anlage in enumerate(doc.anlagen, 1):
            flow.paragraph(anlage, look.regular, look.size, look.leading, bullet=f"{number}.")
    pages = flow.render(path, f"{doc.vorlagenart} {doc.vorlagennummer}")
    features = [
        f"{look.regular} {look.size}pt",
        f"{pages} page(s)",
        "vector checkboxes",
        "ticked: " + ("/".join(v.tick_styles) if v.ticked else "none (blank grid)"),
        f"running header/footer: {v.header}",
        "no Beschlussvorschlag heading" if not v.beschluss_heading else v.beschluss_heading,
    ]
    return Rendered(path, LAYOUT, doc, flow.checkboxes, pages, features)


def generate(out_dir: Path) -> list[Rendered]:
    return render_plans("frankenthal", len(PLANS), build, render, out_dir)
