"""Layout 10: a small Baden-Württemberg municipality's "Sitzungsvorlage".

Letterhead "GEMEINDE ÖHNINGEN / Landkreis Konstanz" with the type and "Vorlage Nr. 2023/045" at
the right, "Amt:", "Sachbearbeiter:" (never the signatory), "Az.:" with Aktenplan numbers
("632.21"), and a ruled box at the top naming Gremium, Sitzungsart and Zuständigkeit: once as
cells with small labels above the values, once as a table with a header row and two rows, once
as three bare cells "Gemeinderat | öffentlich | Beschluss" without any label. The printed
Zuständigkeit "Beschluss" is the role "Entscheidung".

"Beschlussantrag:"/"Beschlussvorschlag:"/"Antrag der Verwaltung:", "Sachverhalt:" (or
"Sachverhalt und Begründung:", "Erläuterungen:"), "Haushaltsrechtliche Auswirkungen:" with a 2×2
ruled table of boxes that map to no field ("keine", "im Haushalt veranschlagt", …), Anlagen as
"Anlage 1 – …", and a Beratungsergebnis stamp: a ruled rectangle with "Beschluss: ☐ einstimmig
☐ mehrheitlich  Ja ___ Nein ___ Enth. ___" and "☐ wie Antrag ☐ mit Änderungen ☐ vertagt ☐
abgelehnt", drawn squares of different sizes per row, ticked by a drawn curve, strokes or a
fill; once only "vertagt" (a box without field) is ticked.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _samples import pools
from _samples.boxes import glyph_box, lines_box, vector_box
from _samples.common import Look, Rendered, paragraphs, replace_words
from _samples.content import fill, fmt_date, make_ergebnis
from _samples.doc import Doc, Ergebnis, Para, Unterz
from _samples.flow import Flow
from _samples.fonts import width
from _samples.plans import plan_doc, plan_look, render_plans
from _samples.tables import TableStyle, table

LAYOUT = "gemeinde_bw"

PLANS: list[dict[str, Any]] = [
    {
        "town": "Öhningen",
        "kreis": "Landkreis Konstanz",
        "topic": "strassenausbau",
        "art": "Sitzungsvorlage",
        "nummer": ("Vorlage Nr.", "{year}/{n:03d}"),
        "amt": "Ortsbauamt",
        "families": ["helvetica"],
        "size": (10.0, 10.0),
        "n_begr": 9,
        "folge": "cells",
        "betreff_label": "Betreff:",
        "beschluss_heading": "Beschlussantrag:",
        "begr_heading": "Sachverhalt:",
        "finanz_heading": "Haushaltsrechtliche Auswirkungen:",
        "haushalt": ("vector", "x", 8.0),
        "haushalt_ticked": "im Haushalt veranschlagt",
        "anlagen": ("Anlagen:", "Anlage {n} –"),
        "stamp": "ticked",
        "stamp_boxes": (9.0, 7.0),
        "stamp_tick": "check_curve",
        "signature": "gez",
        "footer": "seite_von",
    },
    {
        "town": "Straßberg",
        "kreis": "Zollernalbkreis",
        "topic": "kita",
        "art": "Beschlussvorlage",
        "nummer": ("Drucksache Nr.:", "{n}/{year}"),
        "amt": "Hauptamt",
        "families": ["dejavu_serif"],
        "size": (9.5, 9.5),
        "leading": 11.5,
        "n_begr": 2,
        "bullets": False,
        "folge": "table",
        "betreff_label": "Beratungsgegenstand:",
        "beschluss_heading": "Beschlussvorschlag:",
        "begr_heading": "Sachverhalt und Begründung:",
        "finanz_heading": "Finanzielle Auswirkungen:",
        "haushalt": ("glyph", "dejavu_x", 11.0),
        "haushalt_ticked": "Mittel im Haushalt veranschlagt",
        "anlagen": (None, "Anlage {n} –"),
        "stamp": "blank",
        "stamp_boxes": (10.0, 10.0),
        "stamp_tick": "x",
        "signature": "line",
        "footer": None,
    },
    {
        "town": "Weissach im Tal",
        "kreis": "Rems-Murr-Kreis",
        "topic": "feuerwehr",
        "art": "Sitzungsvorlage",
        "nummer": ("Vorlagen-Nr.", "GR {year}-{n:03d}"),
        "amt": "Ordnungsamt / Feuerwehr",
        "families": ["dejavu_condensed"],
        "size": (11.5, 11.5),
        "n_begr": 7,
        "folge": "bare",
        "betreff_label": "Betr.:",
        "beschluss_heading": "Antrag der Verwaltung:",
        "begr_heading": "Erläuterungen:",
        "finanz_heading": "Haushaltsrechtliche Auswirkungen:",
        "haushalt": ("lines", "fill", 6.5),
        "haushalt_ticked": "überplanmäßig",
        "anlagen": ("Anlagen:", "Anlage {n}:"),
        "stamp": "vertagt",
        "stamp_boxes": (7.0, 11.0),
        "stamp_tick": "check",
        "signature": None,
        "footer": "dash",
    },
]

HAUSHALT_LABELS = {
    "vector": ["keine", "im Haushalt veranschlagt", "überplanmäßig", "außerplanmäßig"],
    "glyph": [
        "keine finanziellen Auswirkungen",
        "Mittel im Haushalt veranschlagt",
        "über-/außerplanmäßige Ausgabe",
        "Folgekosten",
    ],
    "lines": ["keine", "im Haushalt veranschlagt", "überplanmäßig", "außerplanmäßig"],
}
BW_WORDS = [
    ("Der Haupt- und Finanzausschuss", "Der Gemeinderat"),
    ("Der Bau- und Planungsausschuss", "Der Gemeinderat"),
    ("Der Stadtrat", "Der Gemeinderat"),
    ("dem Stadtrat", "dem Gemeinderat"),
    ("Stadtrat", "Gemeinderat"),
    ("Kernstadt", "Kernort"),
    ("Eigentum der Stadt", "Eigentum der Gemeinde"),
    ("Anteil der Stadt", "Anteil der Gemeinde"),
    ("auf die Stadt", "auf die Gemeinde"),
    ("Der städtische Eigenanteil", "Der Eigenanteil der Gemeinde"),
    ("städtische Internetseite", "Homepage der Gemeinde"),
    ("vom Rechtsamt", "von der Kommunalaufsicht beim Landratsamt"),
    ("Stadtentwicklungskonzepts", "Gemeindeentwicklungskonzepts"),
    ("Fachämter", "Fachbereiche"),
    ("Landespersonalvertretungsgesetz", "Landespersonalvertretungsgesetz Baden-Württemberg"),
]
SURNAMES = ["Kühnle", "Maßmann", "Nußbaum", "Schäfer", "Größler", "Düßel", "Läufer"]


@dataclass(frozen=True)
class Variant:
    look: Look
    plan: dict[str, Any]
    sachbearbeiter: str
    nummer_label: str


def build(index: int) -> tuple[Doc, Variant]:
    rng = random.Random(f"{LAYOUT}-{index}")
    plan = PLANS[index]
    year = rng.choice([2022, 2023])
    label, pattern = plan["nummer"]
    nummer = pattern.format(year=year, n=rng.randint(8, 140))
    folge_kind = str(plan["folge"])
    doc = plan_doc(rng, plan, town=str(plan["town"]), year=year, vorlagenart=str(plan["art"]),
                   nummer=nummer, n_folge=2 if folge_kind == "table" else 1,
                   sentences_per_para=(2, 3) if index == 1 else (2, 4))
    look = plan_look(rng, plan, doc, justify=index == 2, leading=plan.get("leading"))
    if index == 1:  # kept to one page: it is the source of a scan
        doc.anlagen = doc.anlagen[:2]
    doc.federfuehrung = str(plan["amt"])
    doc.aktenzeichen = f"{rng.choice([632, 750, 131, 461])}.{rng.randint(1, 49):02d}"
    if index == 1:
        doc.aktenzeichen += f"; 022.{rng.randint(10, 39)}"
    doc.hinweis = None
    doc.betreff_hier = doc.betreff_hier if index != 2 else None
    doc.beschluss = replace_words(doc.beschluss, BW_WORDS)
    if index == 2:
        doc.beschluss.append(
            Para("Der Bürgermeister wird ermächtigt, den Zuschlag auf das wirtschaftlichste "
                 "Angebot zu erteilen.")
        )
    doc.begruendung = replace_words(doc.begruendung, BW_WORDS)
    doc.finanzen = replace_words(doc.finanzen, BW_WORDS)
    if index == 0:
        doc.finanzen.append(
            Para(fill("Haushalts~stelle 7.5410.0000.000-0012 „Gemeinde~straßen“, Ansatz "
                      "{jahr}: 1.300.000 €", {"jahr": str(year)}))
        )
    for number, f in enumerate(doc.beratungsfolge):
        f.top = None
        f.oeffentlich = not (folge_kind == "table" and number == 0)
        if folge_kind == "bare":
            f.sitzung_am = None
    if folge_kind == "table":
        doc.beratungsfolge[0].gremium = "Verwaltungsausschuss"
    doc.beratungsfolge[-1].gremium = "Gemeinderat"
    doc.ergebnisse = [_ergebnis(rng, doc, str(plan["stamp"]))]
    name = doc.unterz.name or ""
    female = pools.is_female(name)
    doc.signer_title = "Bürgermeisterin" if female else "Bürgermeister"
    if plan["signature"] is None:
        doc.unterz = Unterz()
    elif plan["signature"] == "line":
        doc.unterz = Unterz(None, None, name)
    sachbearbeiter = rng.choice([s for s in SURNAMES if s not in name])
    sachbearbeiter = f"{rng.choice(['Frau', 'Herr'])} {sachbearbeiter}"
    return doc, Variant(look, plan, sachbearbeiter, str(label))


def _ergebnis(rng: random.Random, doc: Doc, kind: str) -> Ergebnis:
    """The stamp prints no public/closed boxes and no "Stellungnahme"; only the "vertagt"
    variant has a "zur Kenntnis genommen" box."""
    folge = doc.beratungsfolge[-1]
    if kind == "ticked":
        e = make_ergebnis(rng, folge, True, public_boxes=False, art="Beschlussvorlage")
        e.sitzung_am = folge.sitzung_am
        e.kenntnisnahme = None
    elif kind == "blank":
        e = make_ergebnis(rng, None, False, public_boxes=False)
        e.kenntnisnahme = None
    else:  # vertagt: the session is typed in, only the fieldless "vertagt" box is ticked
        e = make_ergebnis(rng, folge, False, public_boxes=False)
        assert doc.datum is not None
        e.sitzung_am = folge.sitzung_am or doc.datum + dt.timedelta(days=rng.randint(18, 30))
        e.top = str(rng.randint(4, 12))
    e.stellungnahme_beigefuegt = None
    return e


# -- drawing -------------------------------------------------------------------------------------


def _letterhead(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    plan = v.plan
    flow.text(g.left, g.top + 15, f"GEMEINDE {doc.town.upper()}", look.bold, 15)
    flow.text(g.left, g.top + 28, str(plan["kreis"]), look.regular, 9)
    flow.line(g.left, g.top + 34, g.left + 150, g.top + 34, lw=1.2)
    flow.text(g.x1, g.top + 15, doc.vorlagenart or "", look.bold, 14, align="right")
    flow.text(g.x1, g.top + 30, f"{v.nummer_label} {doc.vorlagennummer}", look.regular,
              look.size + 0.5, align="right")
    date = fmt_date(doc.datum) if doc.datum else ""
    y = g.top + 56
    if plan["folge"] == "table":  # one line of labelled facts
        parts = [("Amt:", doc.federfuehrung or ""), ("Az.:", doc.aktenzeichen or ""),
                 ("Datum:", date)]
        x = g.left
        for label, value in parts:
            x += flow.text(x, y, label, look.bold, look.size) + 4
            x += flow.text(x, y, value, look.regular, look.size) + 22
        y += look.leading
        flow.text(g.left, y, "Sachbearbeitung:", look.bold, look.size)
        flow.text(g.left + width("Sachbearbeitung:", look.bold, look.size) + 4, y,
                  v.sachbearbeiter, look.regular, look.size)
        flow.y = y + look.leading
        return
    rows = [("Amt:", doc.federfuehrung or ""), ("Sachbearbeiter:", v.sachbearbeiter),
            ("Az.:", doc.aktenzeichen or ""), ("Datum:", date)]
    label_w = max(width(label, look.regular, look.size) for label, _ in rows) + 10
    for label, value in rows:
        flow.text(g.left, y, label, look.regular, look.size)
        flow.text(g.left + label_w, y, value, look.regular, look.size)
        y += look.leading
    flow.y = y


def _folge(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    kind = v.plan["folge"]
    flow.gap(look.leading)
    role = {"Entscheidung": "Beschluss"}
    if kind == "table":
        size = look.size - 0.5
        widths = [g.content_width * w for w in (0.42, 0.2, 0.14, 0.24)]
        rows: list[list[Any]] = [["Beratungsfolge", "Sitzungstermin", "Ö / NÖ", "Zuständigkeit"]]
        for f in doc.beratungsfolge:
            rows.append([f.gremium, fmt_date(f.sitzung_am) if f.sitzung_am else "",
                         "Ö" if f.oeffentlich else "NÖ", f.zustaendigkeit or ""])
        table(flow, g.left, widths, rows,
              TableStyle(look.regular, look.bold, size, header_fill=0.9, pad=3.5, lw=0.6))
        return
    f = doc.beratungsfolge[-1]
    public = "öffentlich" if f.oeffentlich else "nichtöffentlich"
    zust = role.get(f.zustaendigkeit or "", f.zustaendigkeit or "")
    top = flow.y
    if kind == "cells":
        cells = [("Gremium", f.gremium, 0.34), ("Sitzung am", fmt_date(f.sitzung_am)
                  if f.sitzung_am else "", 0.22), ("Sitzungsart", public, 0.22),
                 ("Zuständigkeit", zust, 0.22)]
        h = look.size * 2.9
        x = g.left
        for label, value, share in cells:
            w = g.content_width * share
            flow.text(x + 4, top + 8.5, label, look.regular, 7, gray=0.35)
            flow.text(x + 4, top + h - 5, value, look.bold, look.size)
            flow.rect(x, top, x + w, top + h, lw=0.7)
            x += w
    else:  # three bare cells
        h = look.size * 2.0
        x = g.left
        w = g.content_width / 3
        for value in (f.gremium, public, zust):
            flow.text(x + w / 2, top + h / 2 + look.size * 0.35, value, look.bold, look.size,
                      align="center")
            flow.rect(x, top, x + w, top + h, lw=1.0)
            x += w
    flow.y = top + h


def _heading(flow: Flow, text: str, v: Variant) -> None:
    look = v.look
    flow.gap(look.leading * 1.1)
    flow.ensure(look.leading * 4)
    flow.text(flow.g.left, flow.y + look.size, text, look.bold, look.size)
    flow.y += look.leading * 1.35


def _betreff(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    label = str(v.plan["betreff_label"])
    flow.gap(look.leading * 1.2)
    if label == "Beratungsgegenstand:":  # label above the text
        flow.text(flow.g.left, flow.y + look.size, label, look.regular, look.size)
        flow.y += look.leading * 1.2
        x = flow.g.left
    else:
        flow.text(flow.g.left, flow.y + look.size, label, look.bold, look.size)
        x = flow.g.left + max(width(label, look.bold, look.size) + 8, 56)
    flow.paragraph(doc.betreff or "", look.bold, look.size, look.leading, x=x,
                   hyphenate=look.hyphenate)
    if doc.betreff_hier:
        flow.paragraph(doc.betreff_hier, look.bold, look.size, look.leading, x=x,
                       hyphenate=look.hyphenate)


def _haushalt(flow: Flow, doc: Doc, v: Variant) -> None:
    """A 2×2 ruled table of boxes that map to no output field, then the text."""
    look = v.look
    g = flow.g
    kind, style, box = v.plan["haushalt"]
    labels = HAUSHALT_LABELS[kind]
    ticked = str(v.plan["haushalt_ticked"])
    _heading(flow, str(v.plan["finanz_heading"]), v)
    w = g.content_width * 0.45
    h = max(look.leading, box) + 8
    flow.ensure(2 * h + look.leading * 3)
    top = flow.y
    for k, label in enumerate(labels):
        x = g.left + (k % 2) * w
        y = top + (k // 2) * h
        baseline = y + h / 2 + look.size * 0.35
        checked = label == ticked
        if kind == "glyph":
            adv = glyph_box(flow, x + 5, baseline + 1, box, checked, style, label, None)
            flow.text(x + 5 + adv + 4, baseline, label, look.regular, look.size)
            continue
        bt = y + (h - box) / 2
        draw = vector_box if kind == "vector" else lines_box
        draw(flow, x + 6, bt, box, checked, style, label, None, lw=0.6)
        flow.text(x + 6 + box + 5, baseline, label, look.regular, look.size)
    for r in range(3):
        flow.line(g.left, top + r * h, g.left + 2 * w, top + r * h, lw=0.5)
    for c in range(3):
        flow.line(g.left + c * w, top, g.left + c * w, top + 2 * h, lw=0.5)
    flow.y = top + 2 * h + look.size * 0.8
    paragraphs(flow, doc.finanzen, look)


def _anlagen(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    heading, marker = v.plan["anlagen"]
    if heading:
        _heading(flow, heading, v)
    else:
        flow.gap(look.leading)
    hang = width(marker.format(n=0) + " ", look.regular, look.size)
    for number, anlage in enumerate(doc.anlagen, 1):
        flow.paragraph(anlage, look.regular, look.size, look.leading,
                       bullet=marker.format(n=number), hang=hang)


def _signature(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    kind = v.plan["signature"]
    if kind is None:
        return
    flow.gap(look.leading * 1.5)
    flow.ensure(look.leading * 5)
    x = g.left + g.content_width * 0.5
    if kind == "gez":
        date = fmt_date(doc.unterz.datum) if doc.unterz.datum else ""
        lines = [f"{doc.unterz.ort}, den {date}", "", f"gez. {doc.unterz.name}",
                 doc.signer_title or ""]
        for line in lines:
            if line:
                flow.text(x, flow.y + look.size, line, look.regular, look.size)
            flow.y += look.leading
        return
    flow.y += look.leading * 1.6
    flow.line(x, flow.y, x + 150, flow.y, lw=0.5)
    flow.anchor("signature", [x, flow.y - look.leading * 1.6, x + 150, flow.y])
    flow.y += 2
    for line in (doc.unterz.name or "", doc.signer_title or ""):
        flow.text(x, flow.y + look.size, line, look.regular, look.size)
        flow.y += look.leading


def _stamp(flow: Flow, e: Ergebnis, v: Variant) -> None:
    """The Beratungsergebnis stamp at the end: a ruled frame, boxes in two rows; the write-in
    counts follow the first row, or get a row of their own when they do not fit."""
    look = v.look
    g = flow.g
    kind = str(v.plan["stamp"])
    size_a, size_b = v.plan["stamp_boxes"]
    tick = str(v.plan["stamp_tick"])
    fs = look.size
    pad = 8.0
    path = "beratungsergebnis[0]"
    x0, x1 = g.left, g.x1
    label_w = width("Beschluss:", look.bold, fs) + 12
    bx = x0 + pad + label_w

    def span(labels: list[str], box: float) -> float:
        return sum(box + 4 + width(label, look.regular, fs) + 14 for label in labels)

    counts = [("Ja", "Ja", e.ja_stimmen), ("Nein", "Nein", e.nein_stimmen),
              ("Enth.", "Enthaltungen", e.enthaltungen)]
    counts_w = 6 + sum(width(label, look.regular, fs) + 3 + 24 + 10 for label, _, _ in counts)
    inline = bx + span(["einstimmig", "mehrheitlich"], size_a) + counts_w <= x1 - pad
    row_a = max(look.leading, size_a + 4) + 4
    row_b = max(look.leading, size_b + 4) + 4
    row_c = 0.0 if inline else look.leading + 6
    items: list[tuple[str, bool, str | None]] = [
        ("wie Antrag", bool(e.laut_beschlussvorschlag), f"{path}.laut_beschlussvorschlag"),
        ("mit Änderungen", bool(e.abweichender_beschluss), f"{path}.abweichender_beschluss"),
        ("vertagt", kind == "vertagt", None),
        ("abgelehnt", False, None),
    ]
    if kind == "vertagt":
        items.insert(2, ("zur Kenntnis genommen", bool(e.kenntnisnahme), f"{path}.kenntnisnahme"))
    rows_b: list[list[tuple[str, bool, str | None]]] = [[]]
    for item in items:
        if rows_b[-1] and bx + span([i[0] for i in [*rows_b[-1], item]], size_b) > x1 - pad + 14:
            rows_b.append([])
        rows_b[-1].append(item)
    head = look.leading * 2.4
    height = head + row_a + row_b * len(rows_b) + row_c + 2 * pad
    flow.gap(look.leading * 1.8)
    flow.ensure(height + 4)
    top = flow.y
    flow.rect(x0, top, x1, top + height, lw=1.0)
    # the session line: typed, or blank write-in lines
    baseline = top + pad + fs
    title = "Beratungsergebnis" if kind != "vertagt" else "Beschlussvermerk"
    flow.text(x0 + pad, baseline, title, look.bold, fs + 0.5)
    baseline += look.leading * 1.3
    date = fmt_date(e.sitzung_am) if e.sitzung_am else None
    if kind == "vertagt":
        parts = [("Beratung im:", e.gremium, 110.0), ("am:", date, 60.0), ("TOP-Nr.:", e.top, 24.0)]
    elif kind == "ticked":
        parts = [("Gremium:", e.gremium, 110.0), ("Sitzung am:", date, 60.0), ("TOP:", e.top, 24.0)]
    else:
        parts = [("Sitzung am:", date, 70.0), ("TOP:", e.top, 30.0)]
    x = x0 + pad
    for label, value, blank in parts:
        x += flow.text(x, baseline, label, look.regular, fs) + 4
        if value:
            x += flow.text(x, baseline, value, look.regular, fs) + 18
        else:
            flow.line(x, baseline + 1.5, x + blank, baseline + 1.5, lw=0.4)
            x += blank + 18

    def boxes(items: list[tuple[str, bool, str | None]], x: float, row_top: float, row_h: float,
              box: float) -> float:
        base = row_top + row_h / 2 + fs * 0.35
        for label, checked, field in items:
            bt = row_top + (row_h - box) / 2
            vector_box(flow, x, bt, box, checked, tick, label, field, lw=0.7)
            x += box + 4
            x += flow.text(x, base, label, look.regular, fs) + 14
        return x

    def write_ins(x: float, base: float) -> None:
        for label, anchor, count in counts:
            x += flow.text(x, base, label, look.regular, fs) + 3
            flow.line(x, base + 1.5, x + 24, base + 1.5, lw=0.5)
            flow.anchor(anchor, [x, base - fs * 1.3, x + 24, base + 1.5])
            if count is not None:
                flow.text(x + 12, base, str(count), look.regular, fs, align="center")
            x += 24 + 10

    # row A: Beschluss: [] einstimmig [] mehrheitlich  (Ja __ Nein __ Enth. __)
    y = top + pad + head
    base_a = y + row_a / 2 + fs * 0.35
    flow.text(x0 + pad, base_a, "Beschluss:", look.bold, fs)
    x = boxes(
        [
            ("einstimmig", bool(e.einstimmig), f"{path}.einstimmig"),
            ("mehrheitlich", bool(e.mit_stimmenmehrheit), f"{path}.mit_stimmenmehrheit"),
        ],
        bx, y, row_a, size_a,
    )
    if inline:
        write_ins(x + 6, base_a)
    y += row_a
    if not inline:
        write_ins(bx, y + row_c / 2 + fs * 0.35)
        y += row_c
    for row in rows_b:
        boxes(row, bx, y, row_b, size_b)
        y += row_b
    flow.y = top + height + 4


def _decorator(doc: Doc, v: Variant) -> Callable[[Flow, int, int], None]:
    look = v.look
    kind = v.plan["footer"]

    def draw(flow: Flow, number: int, total: int) -> None:
        g = flow.g
        fs = max(7.5, look.size - 2)
        if kind == "seite_von":
            flow.text(g.x1, g.height - g.bottom + 30, f"Seite {number} von {total}", look.regular,
                      fs, align="right")
            flow.text(g.left, g.height - g.bottom + 30, f"{v.nummer_label} {doc.vorlagennummer}",
                      look.regular, fs)
        elif kind == "dash" and number > 1:
            head = (g.top_next or g.top) - 24
            flow.text(g.width / 2, head, f"- {number} -", look.regular, fs, align="center")
            flow.text(g.x1, head, f"{v.nummer_label} {doc.vorlagennummer}", look.regular, fs,
                      align="right")

    return draw


def render(doc: Doc, v: Variant, path: Path, index: int) -> Rendered:
    look = v.look
    plan = v.plan
    del index
    flow = Flow(look.geometry, _decorator(doc, v))
    _letterhead(flow, doc, v)
    _folge(flow, doc, v)
    _betreff(flow, doc, v)
    _heading(flow, str(plan["beschluss_heading"]), v)
    paragraphs(flow, doc.beschluss, look)
    _heading(flow, str(plan["begr_heading"]), v)
    paragraphs(flow, doc.begruendung, look)
    _haushalt(flow, doc, v)
    _anlagen(flow, doc, v)
    _signature(flow, doc, v)
    _stamp(flow, doc.ergebnisse[0], v)
    pages = flow.render(path, f"{doc.vorlagenart} {doc.vorlagennummer}")
    features = [
        f"{look.regular} {look.size}pt",
        f"{pages} page(s)",
        f"Beratungsfolge box '{plan['folge']}'"
        + (" (unlabelled cells)" if plan["folge"] == "bare" else ""),
        "Zuständigkeit printed 'Beschluss' = Entscheidung"
        if plan["folge"] != "table" else "Beratungsfolge table with Ö / NÖ column",
        f"Betreff label '{plan['betreff_label']}'",
        f"headings {plan['beschluss_heading']} / {plan['begr_heading']}",
        f"Haushalt 2×2 {plan['haushalt'][0]} boxes without field",
        f"Anlagen '{plan['anlagen'][1]}'",
        f"stamp '{plan['stamp']}', box sizes {plan['stamp_boxes']}, ticks {plan['stamp_tick']}",
        "Sachbearbeiter is not the signatory",
        f"signature {plan['signature']}",
    ]
    if plan["stamp"] == "vertagt":
        features.append("only the fieldless 'vertagt' box ticked")
    return Rendered(path, LAYOUT, doc, flow.checkboxes, pages, features, flow.anchors)


def generate(out_dir: Path) -> list[Rendered]:
    return render_plans("gemeinde_bw", len(PLANS), build, render, out_dir)
