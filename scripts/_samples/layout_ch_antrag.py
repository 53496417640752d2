"""Layout 17: a Swiss "Antrag des Gemeinderates an die Gemeindeversammlung" / "Weisung".

Ported from a layout written for held-out testing by engineers outside the team; it imitates
the Word templates of Zurich, Zug and Aargau municipalities. A letterhead "Gemeinde Männedorf /
Gemeinderat" with a coat of arms at the right, the type word large ("Antrag", "Weisung") over
its addressee line ("des Gemeinderates an die Gemeindeversammlung vom 16. Juni 2025", not part
of the vorlagenart), a label column (Geschäft Nr. = Vorlagennummer; Registratur, Aktenplan-Nr.
or Reg.-Nr. = Aktenzeichen; Ressort = Federführung; Sachbearbeitung; Datum in Swiss long form;
Hinweis; "Behandlung" as lines "Vorberatung: Rechnungsprüfungskommission, 20. Mai 2025" or a
small ruled table), the title (the Betreff, unlabelled), "Der Gemeinderat beantragt …:" (not
part of the Beschlussvorschlag) with numbered items, "Erwägungen" (the Begründung), a finance
section under varying headings or none, the signature "Männedorf, 11. März 2025 / GEMEINDERAT
MÄNNEDORF / name / role", "Beilagen" with dashes, an "Aktenauflage" note, and a "Beschluss" part
with one ruled grid per Gremium: a shaded head with "Sitzung vom ____" and "Trakt. ___", three
rows of four cells each holding a label and a box at the cell's right edge, and a row of vote
boxes (Ja-Stimmen, Nein-Stimmen, Enthaltungen, and Visum or Abwesend, which are no fields).
Swiss spelling (no "ß") and amounts ("CHF 2'450'000.–").
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _samples.boxes import vector_box
from _samples.common import Look, Rendered, coat_of_arms, random_look
from _samples.content import OPTION_FIELDS, fill, fmt_date
from _samples.doc import Doc, Ergebnis, Folge, Para, Unterz
from _samples.flow import Flow
from _samples.fonts import width
from _samples.plans import render_plans
from _samples.texts_ch_antrag import CASES

LAYOUT = "ch_antrag"

PLANS: list[dict[str, Any]] = [
    {"case": "turnhalle", "families": ["liberation_sans"], "size": (10.0, 10.0),
     "reg_label": "Registratur", "labels": "A", "tick": "x", "folge": "lines", "filled": True,
     "numbered": True},
    {"case": "sportanlage", "families": ["liberation_sans"], "size": (9.5, 9.5),
     "reg_label": "Reg.-Nr.", "labels": "B", "tick": "glyph_check", "folge": "table",
     "filled": True, "numbered": True},
    {"case": "landkauf", "families": ["carlito"], "size": (10.5, 10.5),
     "reg_label": "Aktenplan-Nr.", "labels": "A", "tick": "fill", "folge": "lines",
     "filled": False, "numbered": False},
]

# The option cells of a result grid, three rows of four: (key, label); None = an empty cell.
LABELS: dict[str, list[list[tuple[str, str] | None]]] = {
    "A": [[("oe", "Öffentlich"), ("noe", "Nicht öffentlich"), ("einst", "Einstimmig"),
           ("mehr", "Mehrheitlich")],
          [("lbv", "Gemäss Antrag"), ("abw", "Mit Änderungen"), ("abgelehnt", "Abgelehnt"),
           ("rueck", "Rückweisung")],
          [("kenntnis", "Zur Kenntnis genommen"), ("stell", "Stellungnahme beigelegt"),
           ("vertagt", "Verschoben"), None]],
    "B": [[("oe", "öffentlich"), ("noe", "nicht öffentlich"), ("einst", "einstimmig"),
           ("mehr", "mit Mehr")],
          [("lbv", "wie beantragt"), ("abw", "abgeändert"), ("abgelehnt", "abgelehnt"),
           ("rueck", "zurückgewiesen")],
          [("kenntnis", "Kenntnisnahme"), ("stell", "Stellungnahme beigelegt"),
           ("abgeschrieben", "abgeschrieben"), None]],
}
COUNT_LABELS = {"A": ("Ja-Stimmen", "Nein-Stimmen", "Enthaltungen", "Visum"),
                "B": ("Ja", "Nein", "Enthaltungen", "Abwesend")}
COUNT_KEYS = ("ja_stimmen", "nein_stimmen", "enthaltungen")
ROLE = {"Vorberatung": "Vorberatung", "Entscheid": "Entscheidung",
        "Kenntnisnahme": "Kenntnisnahme"}
BOX = 8.5


@dataclass(frozen=True)
class Variant:
    look: Look
    plan: dict[str, Any]
    case: dict[str, Any]
    shield: tuple[float, str]  # grey and charge of the coat of arms

    @property
    def bold(self) -> str:
        return self.look.bold


def _ergebnis(gremium: str, block: dict[str, Any], plan: dict[str, Any]) -> Ergebnis:
    filled = bool(plan["filled"])
    e = Ergebnis(gremium=gremium, sitzung_am=block["date"] if filled else None,
                 top=block["trakt"] if filled else None)
    for row in LABELS[str(plan["labels"])]:
        for cell in row:
            if cell and cell[0] in OPTION_FIELDS:
                setattr(e, OPTION_FIELDS[cell[0]], filled and cell[0] in block["ticks"])
    if filled:
        e.ja_stimmen, e.nein_stimmen, e.enthaltungen = block["counts"]
    return e


def build(index: int) -> tuple[Doc, Variant]:
    rng = random.Random(f"{LAYOUT}-{index}")
    plan = PLANS[index]
    case = CASES[str(plan["case"])]
    look = random_look(rng, plan["families"], size=plan["size"], hyphenate=False)
    no_values: dict[str, str] = {}
    numbered = bool(plan["numbered"])
    doc = Doc(
        vorlagenart=str(case["kind"]),
        vorlagennummer=str(case["geschaeft"]),
        aktenzeichen=str(case["registratur"]),
        datum=case["datum"],
        federfuehrung=str(case["ressort"]),
        hinweis=case["hinweis"],
        betreff=str(case["title"]),
        beratungsfolge=[Folge(g, d, None, ROLE[r], None) for g, r, d in case["folge"]],
        beschluss=[Para(fill(t, no_values), f"{k}." if numbered else None)
                   for k, t in enumerate(case["antrag"], 1)],
        begruendung=[Para(fill(t, no_values)) for t in case["erw"]],
        finanzen=[Para(fill(t, no_values)) for t in case["fin"]],
        ergebnisse=[_ergebnis(g, b, plan)
                    for (g, _, _), b in zip(case["folge"], case["blocks"], strict=True)],
        unterz=Unterz(str(case["ort"]), case["sign_date"], str(case["signer"])),
        anlagen=list(case["beilagen"]),
        town=str(case["ort"]),
        signer_title=str(case["signer_role"]),
        topic=str(plan["case"]),
    )
    shield = (rng.choice([0.15, 0.35, 0.55]), "half" if rng.random() < 0.5 else "band")
    return doc, Variant(look, plan, case, shield)


# -- drawing -------------------------------------------------------------------------------------


def _long(d: Any) -> str:
    return fmt_date(d, "long")


def _decorator(doc: Doc, v: Variant) -> Callable[[Flow, int, int], None]:
    look = v.look
    case = v.case
    kopf = f"{case['kopf']} {case['ort']}"

    def draw(flow: Flow, number: int, total: int) -> None:
        g = flow.g
        if number == 1:
            top = g.top - 26
            coat_of_arms(flow, g.x1 - 34, top, 34, 40, *v.shield)
            flow.text(g.left, top + 18, kopf, look.bold, 15)
            flow.text(g.left, top + 32, str(case["behoerde"]), look.regular, 9.5, gray=0.25)
            flow.line(g.left, top + 48, g.x1, top + 48, lw=0.8)
        else:
            head = (g.top_next or g.top) - 24
            flow.text(g.left, head, f"{kopf} – {doc.vorlagenart} {case['an']}", look.regular,
                      7.5, gray=0.3)
            flow.line(g.left, head + 5, g.x1, head + 5, lw=0.4, gray=0.4)
        foot = g.height - g.bottom + 30
        flow.line(g.left, foot - 11, g.x1, foot - 11, lw=0.4, gray=0.4)
        flow.text(g.left, foot, f"Geschäft Nr. {doc.vorlagennummer}", look.regular, 7.5,
                  gray=0.3)
        flow.text(g.x1, foot, f"Seite {number}/{total}", look.regular, 7.5, align="right",
                  gray=0.3)

    return draw


def _label_rows(flow: Flow, rows: list[tuple[str, list[str] | str]], v: Variant) -> None:
    look = v.look
    label_w = 98.0
    lead = look.size * 1.38
    for label, value in rows:
        flow.ensure(lead * 2)
        flow.text(flow.g.left, flow.y + look.size, label, look.bold, look.size)
        if isinstance(value, list):
            for line in value:
                flow.text(flow.g.left + label_w, flow.y + look.size, line, look.regular, look.size)
                flow.y += lead
        else:
            flow.paragraph(value, look.regular, look.size, lead, x=flow.g.left + label_w,
                           hyphenate=False)
        flow.y += 2


def _folge_table(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    x0 = g.left + 98
    size = look.size - 0.5
    row_h = look.size * 1.55
    widths = [190.0, 80.0, g.x1 - x0 - 270]
    flow.y += 4
    flow.text(g.left, flow.y + row_h * 0.72, "Behandlung", look.bold, look.size)
    top = flow.y
    rows = [["Gremium", "Behandlung", "Sitzung"]] + [
        [gremium, role, fmt_date(day)] for gremium, role, day in v.case["folge"]]
    for r, row in enumerate(rows):
        x = x0
        for cell, w in zip(row, widths, strict=True):
            if r == 0:
                flow.rect(x, top, x + w, top + row_h, lw=0.5, fill_gray=0.9)
            flow.rect(x, top, x + w, top + row_h, lw=0.5)
            flow.text(x + 3, top + row_h * 0.72, cell, look.bold if r == 0 else look.regular,
                      size)
            x += w
        top += row_h
    flow.y = top + 4


def _head(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    case = v.case
    flow.y = flow.g.top + 50
    flow.text(flow.g.left, flow.y, doc.vorlagenart or "", look.bold, 19)
    flow.y += 15
    flow.text(flow.g.left, flow.y, str(case["an"]), look.regular, look.size + 0.5)
    flow.y += 8
    rows: list[tuple[str, list[str] | str]] = [
        ("Geschäft Nr.", doc.vorlagennummer or ""), (str(v.plan["reg_label"]),
                                                      doc.aktenzeichen or ""),
        ("Ressort", doc.federfuehrung or ""), ("Sachbearbeitung", str(case["sachbearbeitung"])),
        ("Datum", _long(doc.datum))]
    if doc.hinweis:
        rows.append(("Hinweis", doc.hinweis))
    if v.plan["folge"] == "lines":
        rows.append(("Behandlung", [f"{role}: {g}, {_long(day)}"
                                    for g, role, day in case["folge"]]))
        _label_rows(flow, rows, v)
    else:
        _label_rows(flow, rows, v)
        _folge_table(flow, doc, v)
    flow.y += 6
    flow.line(flow.g.left, flow.y, flow.g.x1, flow.y, lw=0.4, gray=0.5)
    flow.y += 8
    size = look.size + 2.5
    flow.paragraph(doc.betreff or "", look.bold, size, size * 1.3, hyphenate=False)
    flow.y += 8


def _heading(flow: Flow, text: str, v: Variant, size: float, gap: float) -> None:
    look = v.look
    flow.gap(gap)
    flow.ensure(size * 1.4 + 3 * look.size * 1.35)
    flow.text(flow.g.left, flow.y + size, text, look.bold, size)
    flow.y += size * 1.3 + 4


def _paras(flow: Flow, paras: list[Para], v: Variant, x: float | None = None,
           after: float = 5.0) -> None:
    look = v.look
    for para in paras:
        flow.paragraph(para.text, look.regular, look.size, look.size * 1.3, x=x,
                       justify=look.justify, hyphenate=look.hyphenate, bullet=para.bullet,
                       hang=16)
        flow.gap(after)


def _signature(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    case = v.case
    flow.gap(8)
    flow.ensure(80)
    flow.y += look.size * 1.4
    flow.text(flow.g.left, flow.y, f"{doc.unterz.ort}, {_long(doc.unterz.datum)}", look.regular,
              look.size)
    flow.y += look.size * 2.2
    flow.text(flow.g.left, flow.y, f"{str(case['behoerde']).upper()} {str(case['ort']).upper()}",
              look.bold, look.size)
    flow.anchor("signature", [flow.g.left, flow.y + 4, flow.g.left + 130, flow.y + 17])
    flow.y += look.size * 2.6
    flow.text(flow.g.left, flow.y, doc.unterz.name or "", look.regular, look.size)
    flow.y += look.size * 1.3
    flow.text(flow.g.left, flow.y, doc.signer_title or "", look.regular, look.size - 0.5,
              gray=0.2)
    flow.y += 12


def _beilagen(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    flow.ensure(20 + 14 * len(doc.anlagen))
    flow.paragraph("Beilagen", look.bold, look.size, look.size * 1.3)
    flow.gap(1)
    for anlage in doc.anlagen:
        flow.paragraph(anlage, look.regular, look.size, look.size * 1.3, x=flow.g.left + 4,
                       bullet="–", hang=12)
        flow.gap(1)
    if v.case["akten"]:
        flow.gap(6)
        flow.paragraph("Aktenauflage", look.bold, look.size - 0.5, (look.size - 0.5) * 1.3)
        flow.gap(1)
        flow.paragraph(str(v.case["akten"]), look.regular, look.size - 0.5,
                       (look.size - 0.5) * 1.3)


def _block(flow: Flow, number: int, gremium: str, block: dict[str, Any], v: Variant) -> None:
    """One ruled grid: a shaded head, three rows of label+box cells, a row of vote boxes."""
    look = v.look
    g = flow.g
    filled = bool(v.plan["filled"])
    size = 8.3
    bar_h, row_h = 17.0, 17.0
    height = bar_h + row_h * 4
    flow.ensure(height + 10)
    top = flow.y
    x0, w = g.left, g.content_width
    cw = w / 4
    path = f"beratungsergebnis[{number}]"
    flow.rect(x0, top, x0 + w, top + bar_h, lw=0.7, fill_gray=0.87)
    flow.rect(x0, top, x0 + w, top + bar_h, lw=0.7)
    flow.text(x0 + 5, top + 12, gremium, look.bold, 9)
    tx = x0 + w - 60
    flow.text(tx, top + 12, "Trakt.", look.regular, size)
    flow.line(tx + 26, top + 13.5, x0 + w - 6, top + 13.5, lw=0.4)
    flow.anchor(f"{path}.top", [tx + 28, top + 2, x0 + w - 6, top + 13])
    sx = x0 + w - 190
    flow.text(sx, top + 12, "Sitzung vom", look.regular, size)
    flow.line(sx + 50, top + 13.5, tx - 8, top + 13.5, lw=0.4)
    flow.anchor(f"{path}.sitzung_am", [sx + 52, top + 1, tx - 8, top + 13])
    if filled:
        flow.text(sx + 54, top + 12, fmt_date(block["date"]), look.regular, 8.8)
        flow.text(tx + 32, top + 12, str(block["trakt"]), look.regular, 8.8)
    for r, row in enumerate(LABELS[str(v.plan["labels"])]):
        rt = top + bar_h + r * row_h
        for c, cell in enumerate(row):
            cx = x0 + c * cw
            flow.rect(cx, rt, cx + cw, rt + row_h, lw=0.5)
            if cell is None:
                continue
            key, label = cell
            flow.text(cx + 4, rt + 11.8, label, look.regular, size)
            checked = filled and key in block["ticks"]
            field = f"{path}.{OPTION_FIELDS[key]}" if key in OPTION_FIELDS else None
            vector_box(flow, cx + cw - 6 - BOX, rt + (row_h - BOX) / 2, BOX, checked,
                       str(v.plan["tick"]), label, field)
    rt = top + bar_h + 3 * row_h
    values = [*block["counts"], block["extra"]] if filled else [None] * 4
    for c, label in enumerate(COUNT_LABELS[str(v.plan["labels"])]):
        cx = x0 + c * cw
        flow.rect(cx, rt, cx + cw, rt + row_h, lw=0.5)
        flow.text(cx + 4, rt + 11.8, label, look.regular, size)
        bw = 44.0 if label == "Visum" else 30.0
        bx = cx + cw - 5 - bw
        flow.rect(bx, rt + 2.5, bx + bw, rt + row_h - 2.5, lw=0.6)
        if c < 3:
            flow.anchor(f"{path}.{COUNT_KEYS[c]}", [bx + 2, rt + 3, bx + bw - 2, rt + row_h - 3])
        if values[c] not in (None, ""):
            flow.text(bx + bw / 2, rt + 11.5, str(values[c]), look.regular, 8.8, align="center")
    flow.rect(x0, top, x0 + w, top + height, lw=0.9)
    flow.y = top + height + 10


def render(doc: Doc, v: Variant, path: Path, index: int) -> Rendered:
    del index
    look = v.look
    plan = v.plan
    case = v.case
    flow = Flow(look.geometry, _decorator(doc, v))
    _head(flow, doc, v)
    flow.paragraph(str(case["antrag_head"]), look.bold, look.size, look.size * 1.3)
    flow.gap(4)
    _paras(flow, doc.beschluss, v, x=flow.g.left + 4, after=3)
    _heading(flow, "Erwägungen", v, look.size + 1.5, 8)
    _paras(flow, doc.begruendung, v)
    if doc.finanzen:
        _heading(flow, str(case["fin_head"]), v, look.size + 0.5, 4)
        _paras(flow, doc.finanzen, v)
    _signature(flow, doc, v)
    _beilagen(flow, doc, v)
    flow.gap(10)
    flow.ensure(40 + 17 * 5)
    flow.y += 14
    flow.text(flow.g.left, flow.y, "Beschluss", look.bold, look.size + 2)
    flow.text(flow.g.left + width("Beschluss", look.bold, look.size + 2) + 8, flow.y,
              "(wird nach der Behandlung vom Sekretariat ausgefüllt)", look.regular, 8, gray=0.3)
    flow.y += 8
    for number, ((gremium, _, _), block) in enumerate(zip(case["folge"], case["blocks"],
                                                          strict=True)):
        _block(flow, number, gremium, block, v)
    pages = flow.render(path, f"{doc.vorlagenart} {doc.vorlagennummer}")
    features = [
        f"{look.regular} {look.size}pt",
        f"{pages} page(s)",
        f"'{doc.vorlagenart}' over its addressee line (not part of the art)",
        f"label column: Geschäft Nr., {plan['reg_label']} (= Aktenzeichen), Ressort "
        "(= Federführung), Sachbearbeitung, Datum in Swiss long form",
        "Behandlung as 'role: Gremium, date' lines" if plan["folge"] == "lines"
        else "Behandlung as a ruled Gremium|Behandlung|Sitzung table",
        "unlabelled bold title = Betreff; lead-in 'Der Gemeinderat beantragt …:' not part of "
        "the Beschlussvorschlag" + ("" if plan["numbered"] else "; unnumbered items"),
        f"one ruled grid per Gremium, label set {plan['labels']}, boxes at the cells' right "
        f"edge ticked '{plan['tick']}'; "
        + ("filled" if plan["filled"] else "blank: no date, Trakt. or votes")
        + "; Visum/Abwesend box is no field",
        "Swiss spelling (no ß), amounts 'CHF 2'450'000.–'",
    ]
    if doc.hinweis:
        features.append("Hinweis as a labelled row")
    if not doc.finanzen:
        features.append("no finance section")
    return Rendered(path, LAYOUT, doc, flow.checkboxes, pages, features, flow.anchors)


def generate(out_dir: Path) -> list[Rendered]:
    return render_plans(LAYOUT, len(PLANS), build, render, out_dir)
