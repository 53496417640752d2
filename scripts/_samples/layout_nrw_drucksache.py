"""Layout 18: an NRW "Drucksache" as printed from Somacos Session / more!rubin Word templates.

Ported from a layout written for held-out testing by engineers outside the team. Letterhead
"Stadt Rheinberg / Der Bürgermeister", a framed box at the right with Drucksachen-Nr., Datum and
"☒ öffentlich ☐ nichtöffentlich", the type word as a heading (the vorlagenart), label lines
Federführung / Beteiligt (no field) / Aktenzeichen / Hinweis in grey, "Betreff:" with a "hier:"
line, a ruled Beratungsfolge table whose columns come in an unusual order (Datum | TOP | Gremium
| Ö/N | Beratung, or Gremium | Sitzungstermin | Ö/N | Zuständigkeit), Beschlussvorschlag,
Sachverhalt with bulleted lists, "Finanzielle Auswirkungen: ☐ Ja ☒ Nein" and "Klimarelevanz:"
box pairs (no fields) with their text, the signature (once with place and date, once "In
Vertretung"), numbered Anlagen, and a "Beratungsergebnis:" frame per Gremium: a shaded head
"Gremium: … Sitzung am: ____ TOP: ___", boxes LEFT of their labels (einstimmig, mehrheitlich;
wie Beschlussvorschlag, abweichender Beschluss, zur Kenntnis genommen; abgelehnt, vertagt,
verwiesen an: ____) and vote fill-in lines "Ja ___ Nein ___ Enthaltungen ___". In two samples
the Anlagen follow as extra pages without the Vorlage's running header and page numbers: a
letter with its own sender, date, reference block and Betreff, and a cost table.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _samples.boxes import glyph_box, vector_box
from _samples.common import Look, Rendered, random_look
from _samples.content import fill, fmt_date
from _samples.doc import Doc, Ergebnis, Folge, Para, Unterz
from _samples.flow import Flow
from _samples.fonts import FAMILIES, width
from _samples.plans import render_plans
from _samples.tables import TableStyle, table
from _samples.texts_nrw_drucksache import ANLAGEN, CASES

LAYOUT = "nrw_drucksache"

PLANS: list[dict[str, Any]] = [
    {"case": "feuerwehr", "families": ["liberation_sans"], "size": (10.0, 10.0), "order": "A",
     "tick": "x", "header_boxes": "glyph", "option_glyph": None},
    {"case": "schulweg", "families": ["carlito"], "size": (11.0, 11.0), "order": "B",
     "tick": "glyph_check", "header_boxes": "glyph", "option_glyph": "dejavu_check"},
    {"case": "strassenbeleuchtung", "families": ["dejavu_condensed"], "size": (9.5, 9.5),
     "order": "B", "tick": "check", "header_boxes": "vector", "option_glyph": None},
]

# Beratungsfolge column orders: (key, header, width; 0 = the rest)
ORDERS: dict[str, list[tuple[str, str, float]]] = {
    "A": [("datum", "Datum", 62), ("top", "TOP", 32), ("gremium", "Gremium", 0), ("on", "Ö/N", 34),
          ("rolle", "Beratung", 86)],
    "B": [("gremium", "Gremium", 0), ("datum", "Sitzungstermin", 78), ("on", "Ö/N", 34),
          ("rolle", "Zuständigkeit", 84)],
}
ERG_ROWS = [["einstimmig", "mehrheitlich"],
            ["wie Beschlussvorschlag", "abweichender Beschluss", "zur Kenntnis genommen"],
            ["abgelehnt", "vertagt", "verwiesen an:"]]
ERG_FIELD = {"einstimmig": "einstimmig", "mehrheitlich": "mit_stimmenmehrheit",
             "wie Beschlussvorschlag": "laut_beschlussvorschlag",
             "abweichender Beschluss": "abweichender_beschluss",
             "zur Kenntnis genommen": "kenntnisnahme"}
COUNT_KEYS = ("ja_stimmen", "nein_stimmen", "enthaltungen")
BOX = 8.5


@dataclass(frozen=True)
class Variant:
    look: Look
    plan: dict[str, Any]
    case: dict[str, Any]


def _ergebnis(row: tuple[Any, ...], entry: dict[str, Any] | None) -> Ergebnis:
    gremium, day = row[0], row[1]
    e = Ergebnis(gremium=gremium, sitzung_am=day if entry else None,
                 top=entry["top"] if entry else None)
    for label, key in ERG_FIELD.items():
        setattr(e, key, entry is not None and label in entry["ticks"])
    if entry and entry["counts"]:
        e.ja_stimmen, e.nein_stimmen, e.enthaltungen = entry["counts"]
    return e


def _paras(items: list[Any]) -> list[Para]:
    """Paragraphs; a list inside is a bulleted list."""
    out = []
    for item in items:
        if isinstance(item, list):
            out += [Para(fill(text, {}), "•") for text in item]
        else:
            out.append(Para(fill(item, {})))
    return out


def build(index: int) -> tuple[Doc, Variant]:
    rng = random.Random(f"{LAYOUT}-{index}")
    plan = PLANS[index]
    case = CASES[str(plan["case"])]
    look = random_look(rng, plan["families"], size=plan["size"])
    order_a = plan["order"] == "A"
    sign = case["sign"]
    doc = Doc(
        vorlagenart=str(case["kind"]),
        vorlagennummer=str(case["nr"]),
        aktenzeichen=str(case["az"]),
        datum=case["datum"],
        federfuehrung=str(case["federfuehrung"]),
        hinweis=case["hinweis"],
        betreff=fill(case["title"], {}),
        betreff_hier=fill(case["hier"], {}) if case["hier"] else None,
        beratungsfolge=[Folge(g, d, top if order_a else None, role, public)
                        for g, d, role, top, public in case["folge"]],
        beschluss=_paras(case["bv"]),
        begruendung=_paras(case["sv"]),
        finanzen=_paras(case["fin"]),
        ergebnisse=[_ergebnis(row, entry)
                    for row, entry in zip(case["folge"], case["ergebnis"], strict=True)],
        unterz=Unterz(sign["ort"], sign["datum"], sign["name"]),
        anlagen=list(case["anlagen"]),
        town=str(case["ort"]),
        signer_title=str(sign["role"]),
        topic=str(plan["case"]),
    )
    return doc, Variant(look, plan, case)


# -- drawing -------------------------------------------------------------------------------------


def _option(flow: Flow, x: float, baseline: float, checked: bool, label: str,
            glyph: str | None, tick: str, size: float, field_path: str | None = None) -> float:
    """A box left of its label, as a glyph or a drawn square; returns the box's advance."""
    if glyph:
        return glyph_box(flow, x, baseline + 1, size + 1.5, checked, glyph, label, field_path)
    side = size * 0.85
    vector_box(flow, x, baseline - side + 0.3, side, checked, tick, label, field_path)
    return side


def _header(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    top = g.top - 18
    flow.text(g.left, top + 22, str(v.case["kopf"]), look.bold, 17)
    flow.text(g.left, top + 37, "Der Bürgermeister", look.regular, 10)
    bw, rh = 205.0, 17.0
    bx = g.x1 - bw
    flow.rect(bx, top, g.x1, top + 3 * rh, lw=0.7)
    flow.line(bx, top + rh, g.x1, top + rh, lw=0.4)
    flow.line(bx, top + 2 * rh, g.x1, top + 2 * rh, lw=0.4)
    label_w = width("Drucksachen-Nr.:", look.regular, 9)
    vx = max(bx + 88, bx + 5 + label_w + 6)
    flow.text(bx + 5, top + 12, "Drucksachen-Nr.:", look.regular, 9)
    flow.text(vx, top + 12, doc.vorlagennummer or "", look.bold, 10)
    flow.text(bx + 5, top + rh + 12, "Datum:", look.regular, 9)
    flow.text(vx, top + rh + 12, fmt_date(doc.datum) if doc.datum else "", look.regular, 10)
    base = top + 2 * rh + 12.5
    public = bool(v.case["oeffentlich"])
    glyph = "dejavu_x" if v.plan["header_boxes"] == "glyph" else None
    x = bx + 5
    for label, checked in (("öffentlich", public), ("nichtöffentlich", not public)):
        x += _option(flow, x, base, checked, label, glyph, "x", 9.0) + 3
        x += flow.text(x, base, label, look.regular, 9) + 14
    flow.y = top + 3 * rh + 30
    flow.text(g.left, flow.y + 12, doc.vorlagenart or "", look.bold, 15)
    flow.y += 24


def _meta(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    label_w = 92.0
    lead = look.size * 1.35
    rows = [("Federführung:", doc.federfuehrung or "")]
    if v.case["beteiligt"]:
        rows.append(("Beteiligt:", str(v.case["beteiligt"])))
    rows.append(("Aktenzeichen:", doc.aktenzeichen or ""))
    if doc.hinweis:
        rows.append(("Hinweis:", doc.hinweis))
    for label, value in rows:
        flow.text(g.left, flow.y + look.size, label, look.regular, look.size, gray=0.2)
        flow.paragraph(value, look.regular, look.size, lead, x=g.left + label_w, hyphenate=False)
    flow.gap(10)
    flow.text(g.left, flow.y + look.size + 1, "Betreff:", look.regular, look.size, gray=0.2)
    flow.paragraph(doc.betreff or "", look.bold, look.size + 1, lead + 1, x=g.left + label_w,
                   hyphenate=look.hyphenate)
    if doc.betreff_hier:
        flow.paragraph(doc.betreff_hier, look.regular, look.size, lead, x=g.left + label_w,
                       hyphenate=look.hyphenate)
    flow.gap(12)


def _folge(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    size = look.size - 0.5
    columns = ORDERS[str(v.plan["order"])]
    fixed = sum(w for _, _, w in columns)
    widths = [w or g.content_width - fixed for _, _, w in columns]
    flow.text(g.left, flow.y + look.size, "Beratungsfolge:", look.bold, look.size)
    flow.y += 16
    rows: list[list[Any]] = [[h for _, h, _ in columns]]
    for f in doc.beratungsfolge:
        cells = {"datum": fmt_date(f.sitzung_am) if f.sitzung_am else "", "top": f.top or "",
                 "gremium": f.gremium, "on": "Ö" if f.oeffentlich else "N",
                 "rolle": f.zustaendigkeit or ""}
        rows.append([cells[key] for key, _, _ in columns])
    table(flow, g.left, widths, rows, TableStyle(look.regular, look.bold, size, header_fill=0.85))
    flow.gap(14)


def _section(flow: Flow, head: str, paras: list[Para], v: Variant) -> None:
    look = v.look
    flow.ensure(look.size * 4)
    flow.paragraph(head, look.bold, look.size, look.size * 1.3)
    flow.gap(3)
    for n, para in enumerate(paras):
        if para.bullet:
            flow.paragraph(para.text, look.regular, look.size, look.size * 1.3,
                           x=flow.g.left + 10, bullet=para.bullet, hang=12,
                           hyphenate=look.hyphenate)
            last = n == len(paras) - 1 or not paras[n + 1].bullet
            flow.gap(6 if last else 2)
        else:
            flow.paragraph(para.text, look.regular, look.size, look.size * 1.3,
                           justify=look.justify, hyphenate=look.hyphenate)
            flow.gap(6)
    flow.gap(6)


def _optgroup(flow: Flow, label: str, options: list[tuple[str, bool]], v: Variant) -> None:
    """A "Label: ☐ Ja ☒ Nein" line; the boxes map to no field."""
    look = v.look
    flow.ensure(look.size * 3)
    flow.y += look.size * 1.5
    base = flow.y - 2
    flow.text(flow.g.left, base, label, look.bold, look.size)
    x = flow.g.left + 150
    glyph = v.plan["option_glyph"] or ("dejavu_x" if v.plan["header_boxes"] == "glyph" else None)
    for text, checked in options:
        x += _option(flow, x, base, checked, text, glyph, str(v.plan["tick"]), look.size) + 4
        x += flow.text(x, base, text, look.regular, look.size) + 18
    flow.y += 6


def _signature(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    sign = v.case["sign"]
    flow.ensure(80)
    flow.y += 10
    if doc.unterz.ort and doc.unterz.datum:
        flow.y += look.size * 1.4
        flow.text(flow.g.left, flow.y, f"{doc.unterz.ort}, den {fmt_date(doc.unterz.datum)}",
                  look.regular, look.size)
        flow.y += 8
    if sign["vertretung"]:
        female = str(sign["role"]).endswith("in")
        flow.y += look.size * 1.4
        flow.text(flow.g.left, flow.y, "Die Bürgermeisterin" if female else "Der Bürgermeister",
                  look.regular, look.size)
        flow.y += look.size * 1.4
        flow.text(flow.g.left, flow.y, str(sign["vertretung"]), look.regular, look.size)
    flow.anchor("signature", [flow.g.left, flow.y + 4, flow.g.left + 130, flow.y + look.size * 3])
    flow.y += look.size * 3.2
    flow.text(flow.g.left, flow.y, doc.unterz.name or "", look.regular, look.size)
    flow.y += look.size * 1.35
    flow.text(flow.g.left, flow.y, doc.signer_title or "", look.regular, look.size)
    flow.y += 14


def _anlagen(flow: Flow, doc: Doc, v: Variant) -> None:
    if not doc.anlagen:
        return
    look = v.look
    flow.ensure(20 + 14 * len(doc.anlagen))
    flow.paragraph("Anlagen:", look.bold, look.size, look.size * 1.3)
    flow.gap(2)
    for number, anlage in enumerate(doc.anlagen, 1):
        flow.paragraph(anlage, look.regular, look.size, look.size * 1.3, bullet=f"{number}.",
                       hang=14, hyphenate=False)
        flow.gap(1)
    flow.gap(10)


def _block(flow: Flow, number: int, e: Ergebnis, entry: dict[str, Any] | None, v: Variant
           ) -> None:
    """One result frame: a shaded head, three rows of boxes left of their labels, vote lines."""
    look = v.look
    g = flow.g
    size = 8.8 if look.regular in ("LiberationSans", "Carlito") else 8.0
    height = 4 * 17 + 8
    flow.ensure(height + 8)
    top = flow.y
    x0, w = g.left, g.content_width
    path = f"beratungsergebnis[{number}]"
    flow.rect(x0, top, x0 + w, top + 18, lw=0, fill_gray=0.9, stroke=False)
    flow.rect(x0, top, x0 + w, top + height, lw=0.8)
    flow.line(x0, top + 18, x0 + w, top + 18, lw=0.5)
    b1 = top + 12.5
    flow.text(x0 + 5, b1, "Gremium:", look.regular, size)
    top_label_w = width("TOP:", look.regular, size)
    tx = x0 + w - 6 - 30 - top_label_w - 4
    flow.text(tx, b1, "TOP:", look.regular, size)
    flow.line(tx + top_label_w + 4, b1 + 1.5, x0 + w - 6, b1 + 1.5, lw=0.4)
    flow.anchor(f"{path}.top", [tx + top_label_w + 5, b1 - 10, x0 + w - 6, b1 + 1])
    sitzung_w = width("Sitzung am:", look.regular, size)
    sx = tx - 14 - 68 - sitzung_w - 4
    flow.text(sx, b1, "Sitzung am:", look.regular, size)
    line_x = sx + sitzung_w + 4
    flow.line(line_x, b1 + 1.5, tx - 14, b1 + 1.5, lw=0.4)
    flow.anchor(f"{path}.sitzung_am", [line_x + 2, b1 - 11, tx - 14, b1 + 1])
    gx = x0 + 5 + width("Gremium:", look.regular, size) + 5
    gremium = e.gremium or ""
    gsize = size
    while gx + width(gremium, look.bold, gsize) > sx - 8 and gsize > 6:
        gsize -= 0.25  # a long name is set smaller, as the template's field shrinks to fit
    flow.text(gx, b1, gremium, look.bold, gsize)
    if entry and e.sitzung_am:
        flow.text(line_x + 4, b1, fmt_date(e.sitzung_am), look.regular, size + 0.5)
    if entry and e.top:
        flow.text(tx + top_label_w + 19, b1, e.top, look.regular, size + 0.5, align="center")
    columns = [x0 + 8, x0 + 8 + 150, x0 + 8 + 300]
    for r, row in enumerate(ERG_ROWS):
        base = top + 18 + 17 * (r + 1) - 3
        for c, label in enumerate(row):
            bx = columns[c] if r else x0 + 8 + 110 * c
            key = ERG_FIELD.get(label)
            checked = entry is not None and label in entry["ticks"]
            vector_box(flow, bx, base - 8, BOX, checked, str(v.plan["tick"]), label.rstrip(":"),
                       f"{path}.{key}" if key else None)
            lw = flow.text(bx + BOX + 4, base, label, look.regular, size)
            if label == "verwiesen an:":
                flow.line(bx + BOX + 8 + lw, base + 1.5, x0 + w - 8, base + 1.5, lw=0.4)
        if r == 0:
            _votes(flow, path, base, e if entry else None, v, size)
    flow.y = top + height + 8


def _votes(flow: Flow, path: str, base: float, e: Ergebnis | None, v: Variant, size: float
           ) -> None:
    look = v.look
    g = flow.g
    labels = ["Ja", "Nein", "Enthaltungen"]
    x = g.x1 - 8 - sum(width(t, look.regular, size) + 4 + 32 for t in labels) - 2 * 10
    values = [e.ja_stimmen, e.nein_stimmen, e.enthaltungen] if e else [None] * 3
    for label, key, value in zip(labels, COUNT_KEYS, values, strict=True):
        x0 = x + flow.text(x, base, label, look.regular, size) + 4
        flow.line(x0, base + 1.5, x0 + 32, base + 1.5, lw=0.5)
        flow.anchor(f"{path}.{key}", [x0 + 4, base - 10, x0 + 30, base + 1])
        if value is not None:
            flow.text(x0 + 16, base - 0.5, str(value), look.regular, size + 0.8, align="center")
        x = x0 + 32 + 10


# -- Anlage pages ----------------------------------------------------------------------------------


def _stamp(flow: Flow, number: int, doc: Doc) -> None:
    g = flow.g
    flow.rect(g.x1 - 150, 26, g.x1, 42, lw=0.6)
    flow.text(g.x1 - 75, 37.5, f"Anlage {number} zur Drucksache {doc.vorlagennummer}",
              "LiberationSans", 7.5, align="center")


def _letter(flow: Flow, data: dict[str, Any]) -> None:
    g = flow.g
    face = FAMILIES[str(data["family"])]
    regular, bold = face.regular, face.bold
    flow.text(g.x1, 70, str(data["firm"]), bold, 13, align="right")
    for n, line in enumerate(data["firm_lines"]):
        flow.text(g.x1, 84 + n * 10.5, line, regular, 8, align="right", gray=0.25)
    flow.text(g.left, 138, str(data["sender_line"]), regular, 6.5, gray=0.3)
    flow.line(g.left, 141, g.left + 240, 141, lw=0.3)
    for n, line in enumerate(data["to"]):
        flow.text(g.left, 156 + n * 12.5, line, regular, 10)
    for n, (key, value) in enumerate(data["ref"]):
        flow.text(g.x1 - 170, 200 + n * 11.5, key, regular, 8, gray=0.3)
        flow.text(g.x1 - 80, 200 + n * 11.5, value, regular, 8.5)
    flow.text(g.x1, 262, str(data["place_date"]), regular, 10, align="right")
    flow.y = 278
    flow.paragraph(str(data["betreff"]), bold, 10.5, 13.6)
    flow.gap(12)
    for para in data["body"]:
        flow.paragraph(para, regular, 10, 13)
        flow.gap(7)
    flow.gap(10)
    flow.paragraph("Mit freundlichen Grüßen", regular, 10, 13)
    flow.gap(30)
    flow.paragraph(str(data["signer"]), regular, 10, 13)
    flow.paragraph(str(data["signer_role"]), regular, 9, 12)


def _cost_table(flow: Flow, data: dict[str, Any]) -> None:
    g = flow.g
    face = FAMILIES[str(data["family"])]
    flow.y = 70
    flow.paragraph(str(data["title"]), face.bold, 13, 16)
    flow.paragraph(str(data["sub"]), face.regular, 9.5, 12)
    flow.gap(14)
    widths = [float(w) for w in data["widths"]]
    widths[1] += g.content_width - sum(widths)
    rows = [list(data["cols"]), *[list(r) for r in data["rows"]]]
    table(flow, g.left, widths, rows, TableStyle(face.regular, face.bold, 8.5, header_fill=0.85,
                                                 center_from=2))
    flow.gap(16)
    for note in data["notes"]:
        flow.paragraph(note, face.regular, 8.5, 11)
        flow.gap(4)
    if data["sign"]:
        flow.gap(20)
        flow.paragraph(str(data["sign"]), face.regular, 9, 12)


def _decorator(doc: Doc, v: Variant) -> Callable[[Flow, int, int], None]:
    look = v.look

    def draw(flow: Flow, number: int, total: int) -> None:
        g = flow.g
        if number > 1:
            head = (g.top_next or g.top) - 26
            flow.text(g.left, head, str(v.case["kopf"]), look.regular, 8, gray=0.3)
            flow.text(g.x1, head, f"Drucksache {doc.vorlagennummer}", look.regular, 8,
                      align="right", gray=0.3)
            flow.line(g.left, head + 5, g.x1, head + 5, lw=0.4, gray=0.4)
        flow.text(g.x1, g.height - g.bottom + 34, f"Seite {number} von {total}", look.regular, 8,
                  align="right", gray=0.3)

    return draw


def render(doc: Doc, v: Variant, path: Path, index: int) -> Rendered:
    del index
    look = v.look
    plan = v.plan
    case = v.case
    flow = Flow(look.geometry, _decorator(doc, v))
    _header(flow, doc, v)
    _meta(flow, doc, v)
    _folge(flow, doc, v)
    _section(flow, str(case["bv_head"]), doc.beschluss, v)
    _section(flow, str(case["sv_head"]), doc.begruendung, v)
    costly = bool(case["fin_ja"])
    _optgroup(flow, "Finanzielle Auswirkungen:", [("Ja", costly), ("Nein", not costly)], v)
    for para in doc.finanzen:
        flow.paragraph(para.text, look.regular, look.size, look.size * 1.3, justify=look.justify,
                       hyphenate=look.hyphenate)
        flow.gap(6)
    yes, no = case["klima"]
    _optgroup(flow, "Klimarelevanz:", [("ja", yes), ("nein", no)], v)
    if case["klima_text"]:
        flow.paragraph(str(case["klima_text"]), look.regular, look.size, look.size * 1.3)
        flow.gap(6)
    _signature(flow, doc, v)
    _anlagen(flow, doc, v)
    flow.ensure(40 + 84)
    flow.y += 4
    flow.paragraph("Beratungsergebnis:", look.bold, look.size + 0.5, (look.size + 0.5) * 1.3)
    flow.gap(5)
    for number, (e, entry) in enumerate(zip(doc.ergebnisse, case["ergebnis"], strict=True)):
        _block(flow, number, e, entry, v)
    for number, key in case["anlage_pages"]:
        flow.appendix()
        _stamp(flow, number, doc)
        data = ANLAGEN[key]
        if data["kind"] == "letter":
            _letter(flow, data)
        else:
            _cost_table(flow, data)
    pages = flow.render(path, f"Drucksache {doc.vorlagennummer}")
    filled = sum(entry is not None for entry in case["ergebnis"])
    order = " | ".join(h for _, h, _ in ORDERS[str(plan["order"])])
    features = [
        f"{look.regular} {look.size}pt",
        f"{pages} page(s)",
        "framed header box: Drucksachen-Nr., Datum, öffentlich/nichtöffentlich "
        f"({plan['header_boxes']} boxes, no field)",
        "grey labels Federführung / Beteiligt (no field) / Aktenzeichen",
        f"Beratungsfolge table in the order {order}",
        "Finanzielle Auswirkungen and Klimarelevanz box pairs (no field)",
        f"one result frame per Gremium, boxes left of their labels ticked '{plan['tick']}', "
        f"{filled} of {len(doc.ergebnisse)} filled; votes on fill-in lines",
    ]
    if doc.unterz.ort:
        features.append("place and date above the signature")
    if doc.hinweis:
        features.append("Hinweis as a grey label line")
    if case["anlage_pages"]:
        features.append(f"{len(case['anlage_pages'])} Anlagen printed as extra pages (a letter "
                        "with its own date and Betreff, a cost table), without running header "
                        "or page numbers")
    return Rendered(path, LAYOUT, doc, flow.checkboxes, pages, features, flow.anchors)


def generate(out_dir: Path) -> list[Rendered]:
    return render_plans(LAYOUT, len(PLANS), build, render, out_dir)
