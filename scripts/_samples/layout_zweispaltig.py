"""Layout 14: a Kreistag "Informationsvorlage" whose Sachverhalt runs in TWO TEXT COLUMNS.

Page 1 is one column: the Kreis letterhead, the type, a label block (Vorlage-Nr., Datum, Amt),
the Betreff (wrapped, sometimes with a "hier:" line), a ruled Beratungsfolge table (every body
takes note: Kenntnisnahme), and — depending on the sample — a one-line Beschlussvorschlag
("… nimmt den Bericht zur Kenntnis"), the finance note, the attachments and the signature. From
page 2 on, the "Sachverhalt" (the Begründung) is set newspaper style in two columns under a
heading that spans both: the reading order is the left column top to bottom, then the right
column, then the next page. Paragraphs and list items break across columns and pages; once a
"Finanzielle Auswirkungen" heading and its text follow inside the right column. Running header
and page number on pages 2+; once a vertical rule in the gutter. One sample ends with a small
one-column Beratungsergebnis stamp with drawn boxes ("zur Kenntnis genommen" → kenntnisnahme,
"vertagt" → no field).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _samples import pools
from _samples.boxes import vector_box
from _samples.common import Look, Rendered, heading, paragraphs, replace_words
from _samples.content import fmt_date
from _samples.doc import SOFT, Doc, Ergebnis, Para, Unterz
from _samples.flow import Flow, wrap
from _samples.fonts import width
from _samples.plans import plan_doc, plan_look, render_plans
from _samples.tables import Cell, TableStyle, table

LAYOUT = "zweispaltig"

PLANS: list[dict[str, Any]] = [
    {
        "kreis": "Kreis Warendorf",
        "chief": "Der Landrat",
        "topic": "radverkehr",
        "art": "Informationsvorlage",
        "nummer": "{n:04d}/{year}",
        "amt": "Amt für Planung und Naturschutz",
        "gremien": ["Ausschuss für Klimaschutz, Umwelt und Verkehr", "Kreisausschuss",
                    "Kreistag"],
        "families": ["dejavu_serif"],
        "size": (9.5, 9.5),
        "n_begr": 16,
        "justify": True,
        "gutter_rule": False,
        "finanz_in_columns": True,
        "beschluss": None,
        "stamp": None,
        "hier": True,
    },
    {
        "kreis": "Rhein-Sieg-Kreis",
        "chief": "Der Landrat",
        "topic": "klimaschutz",
        "art": "Informationsvorlage",
        "nummer": "IV/{year}/{n:03d}",
        "amt": "Referat Wirtschaftsförderung und Strategische Kreisentwicklung",
        "gremien": ["Kreisausschuss"],
        "families": ["helvetica"],
        "size": (9.0, 9.0),
        "n_begr": 13,
        "justify": False,
        "gutter_rule": True,
        "finanz_in_columns": False,
        "beschluss": "Der Kreisausschuss nimmt den Bericht der Verwaltung zur Kenntnis.",
        "stamp": True,
        "hier": False,
    },
    {
        "kreis": "Landkreis Göppingen",
        "chief": "Der Landrat",
        "topic": "haushalt",
        "art": "Mitteilungsvorlage",
        "nummer": "MV {year}/{n:03d}",
        "amt": "Kreiskämmerei",
        "gremien": ["Verwaltungs- und Finanzausschuss", "Kreistag"],
        "families": ["times"],
        "size": (10.5, 10.5),
        "n_begr": 11,
        "justify": True,
        "gutter_rule": False,
        "finanz_in_columns": False,
        "beschluss": None,
        "stamp": False,
        "hier": True,
    },
]

KREIS_WORDS = [
    ("Der Stadtrat", "Der Kreistag"),
    ("dem Stadtrat", "dem Kreistag"),
    ("Stadtrat", "Kreistag"),
    ("Die Stadt hat", "Der Kreis hat"),
    ("für die Gesamtstadt", "für das Kreisgebiet"),
    ("städtischer Gebäude", "kreiseigener Gebäude"),
    ("städtische Internetseite", "Internetseite des Kreises"),
    ("Stadtentwicklungskonzepts", "Kreisentwicklungskonzepts"),
    ("in die Ortsteile", "in die kreisangehörigen Städte und Gemeinden"),
    ("Gewerbesteuer", "Kreisumlage"),
    ("Die Hebesätze der Grundsteuer und der Kreisumlage bleiben unverändert.",
     "Der Hebesatz der Kreisumlage bleibt unverändert."),
    ("Die Stadtwerke haben", "Die Kreiswerke haben"),
]


@dataclass(frozen=True)
class Variant:
    look: Look
    plan: dict[str, Any]


def build(index: int) -> tuple[Doc, Variant]:
    rng = random.Random(f"{LAYOUT}-{index}")
    plan = PLANS[index]
    year = 2023
    doc = plan_doc(rng, plan, town=str(plan["kreis"]), year=year, vorlagenart=str(plan["art"]),
                   nummer=str(plan["nummer"]).format(n=rng.randint(12, 480), year=year),
                   n_folge=len(plan["gremien"]))
    look = plan_look(rng, plan, doc, justify=bool(plan["justify"]), hyphenate=index != 1)
    doc.federfuehrung = str(plan["amt"])
    doc.aktenzeichen = None if index == 1 else doc.aktenzeichen
    doc.hinweis = None
    if plan["hier"] and doc.betreff_hier is None:
        doc.betreff_hier = "hier: Sachstands~bericht".replace("~", SOFT)
    if not plan["hier"]:
        doc.betreff_hier = None
    betreff = replace_words([Para(doc.betreff or ""), Para(doc.betreff_hier or "")], KREIS_WORDS)
    doc.betreff, doc.betreff_hier = betreff[0].text, betreff[1].text or None
    doc.begruendung = replace_words(doc.begruendung, KREIS_WORDS)
    doc.finanzen = replace_words(doc.finanzen, KREIS_WORDS)
    doc.beschluss = [Para(str(plan["beschluss"]))] if plan["beschluss"] else []
    for f, gremium in zip(doc.beratungsfolge, plan["gremien"], strict=True):
        f.gremium = gremium
        f.zustaendigkeit = "Kenntnisnahme"
        f.top = None
        f.oeffentlich = None
    doc.ergebnisse = []
    if plan["stamp"] is not None:
        first = doc.beratungsfolge[0]
        ticked = bool(plan["stamp"])
        doc.ergebnisse = [Ergebnis(gremium=first.gremium if ticked else None,
                                   sitzung_am=first.sitzung_am if ticked else None,
                                   kenntnisnahme=ticked)]
    name = doc.unterz.name or ""
    female = pools.is_female(name)
    doc.signer_title = "Landrätin" if female else "Landrat"
    doc.unterz = Unterz(None, None, name)
    doc.anlagen = doc.anlagen[:2]
    return doc, Variant(look, plan)


# -- two-column text -----------------------------------------------------------------------------


@dataclass
class Block:
    text: str
    bold: bool = False
    bullet: str | None = None
    before: float = 0.0


class Columns:
    """Newspaper columns on the flow's pages: fill left, then right, then a new page."""

    def __init__(self, flow: Flow, look: Look, gutter: float, rule: bool) -> None:
        self.flow = flow
        self.look = look
        self.gutter = gutter
        self.rule = rule
        g = flow.g
        self.width = (g.content_width - gutter) / 2
        self.col = 0
        self.top = flow.y
        self.bottoms: dict[tuple[int, int], float] = {}

    @property
    def x(self) -> float:
        return self.flow.g.left + self.col * (self.width + self.gutter)

    def _advance(self) -> None:
        flow = self.flow
        self.bottoms[(flow.page, self.col)] = flow.y
        if self.col == 0:
            self.col = 1
            flow.y = self.top
        else:
            self._rule()
            flow.new_page()
            self.col = 0
            self.top = flow.y

    def _rule(self) -> None:
        if self.rule:
            x = self.flow.g.left + self.width + self.gutter / 2
            bottom = max(v for (p, _), v in self.bottoms.items() if p == self.flow.page)
            self.flow.line(x, self.top, x, bottom, lw=0.4)

    def block(self, b: Block) -> None:
        look = self.look
        flow = self.flow
        font = look.bold if b.bold else look.regular
        indent = width("• ", look.regular, look.size) + 5 if b.bullet else 0.0
        lines = wrap(b.text, font, look.size, self.width - indent, look.hyphenate and not b.bold)
        if flow.y > self.top:
            flow.y += b.before
        if b.bold and flow.y + look.leading * 3 > flow.limit:  # keep a heading with its text
            self._advance()
        for index, words in enumerate(lines):
            if flow.y + look.leading > flow.limit:
                self._advance()
            baseline = flow.y + look.size
            x = self.x
            if b.bullet and index == 0:
                flow.text(x, baseline, b.bullet, look.regular, look.size)
            last = index == len(lines) - 1
            if look.justify and not last and len(words) > 1 and not b.bold:
                natural = width(" ".join(words), font, look.size)
                extra = (self.width - indent - natural) / (len(words) - 1)
                flow.words(x + indent, baseline, words, font, look.size,
                           width(" ", font, look.size) + extra)
            else:
                flow.text(x + indent, baseline, " ".join(words), font, look.size)
            flow.y += look.leading

    def finish(self) -> None:
        """End the columns; the flow continues below the longer column of this page."""
        flow = self.flow
        self.bottoms[(flow.page, self.col)] = flow.y
        self._rule()
        flow.y = max(v for (p, _), v in self.bottoms.items() if p == flow.page)


# -- drawing -------------------------------------------------------------------------------------


def _head(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    y = g.top + 16
    flow.text(g.left, y, str(v.plan["kreis"]), look.bold, 16)
    y += 15
    flow.text(g.left, y, str(v.plan["chief"]), look.regular, look.size + 1)
    flow.line(g.left, y + 8, g.x1, y + 8, lw=1.0)
    y += 36
    flow.text(g.left, y, doc.vorlagenart or "", look.bold, 15)
    y += 22
    rows = [("Vorlage-Nr.:", doc.vorlagennummer or ""),
            ("Datum:", fmt_date(doc.datum) if doc.datum else ""),
            ("Amt:", doc.federfuehrung or "")]
    if doc.aktenzeichen:
        rows.append(("Az.:", doc.aktenzeichen))
    vx = g.left + 70
    for label, value in rows:
        flow.text(g.left, y, label, look.regular, look.size)
        flow.text(vx, y, value, look.regular, look.size)
        y += look.leading
    flow.y = y + look.leading * 0.6
    flow.text(g.left, flow.y + look.size, "Betreff:", look.bold, look.size)
    flow.y += look.leading * 1.2
    flow.paragraph(doc.betreff or "", look.bold, look.size + 1.5, (look.size + 1.5) * 1.3,
                   hyphenate=look.hyphenate)
    if doc.betreff_hier:
        flow.paragraph(doc.betreff_hier, look.regular, look.size + 1.5,
                       (look.size + 1.5) * 1.3, hyphenate=look.hyphenate)
    flow.gap(look.leading)
    style = TableStyle(look.regular, look.bold, look.size - 0.5, header_fill=0.88)
    rows2: list[list[Cell]] = [["Beratungsfolge", "Termin", "Zuständigkeit"]]
    for f in doc.beratungsfolge:
        rows2.append([f.gremium, fmt_date(f.sitzung_am) if f.sitzung_am else "",
                      f.zustaendigkeit or ""])
    widths = [g.content_width - 170, 70, 100]
    table(flow, g.left, widths, rows2, style)


def _signature(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    flow.gap(look.leading * 1.5)
    flow.ensure(look.leading * 4)
    for line in (f"gez. {doc.unterz.name}", doc.signer_title or ""):
        flow.text(flow.g.left, flow.y + look.size, line, look.regular, look.size)
        flow.y += look.leading


def _anlagen(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    heading(flow, "Anlagen:", look, before=look.leading)
    for anlage in doc.anlagen:
        flow.paragraph(anlage, look.regular, look.size, look.leading, bullet="-", hang=12)


def _stamp(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    e = doc.ergebnisse[0]
    flow.gap(look.leading * 2)
    flow.ensure(70)
    top = flow.y
    x = g.left + 8
    flow.text(x, top + 14, "Beratungsergebnis", look.bold, look.size)
    who = f"{e.gremium} am {fmt_date(e.sitzung_am)}" if e.gremium and e.sitzung_am else ""
    flow.text(x + 110, top + 14, who, look.regular, look.size)
    y = top + 24
    box = look.size
    for label, checked, field in (("zur Kenntnis genommen", bool(e.kenntnisnahme),
                                   "beratungsergebnis[0].kenntnisnahme"),
                                  ("vertagt", False, None),
                                  ("Aussprache beantragt", False, None)):
        vector_box(flow, x, y, box, checked, "check", label, field, lw=0.6)
        w = flow.text(x + box + 4, y + box - 1.5, label, look.regular, look.size)
        x += box + 4 + w + 24
    flow.rect(g.left, top, g.x1, y + box + 10, lw=0.6)
    flow.y = y + box + 14


def _decorator(doc: Doc, v: Variant) -> Callable[[Flow, int, int], None]:
    look = v.look

    def draw(flow: Flow, number: int, total: int) -> None:
        g = flow.g
        fs = max(7.5, look.size - 1.5)
        if number > 1:
            head = (g.top_next or g.top) - 22
            flow.text(g.left, head, f"{doc.vorlagenart} {doc.vorlagennummer}", look.regular, fs)
            flow.text(g.x1, head, str(v.plan["kreis"]), look.regular, fs, align="right")
            flow.line(g.left, head + 4, g.x1, head + 4, lw=0.4)
        flow.text(g.width / 2, g.height - g.bottom + 30, f"– {number} –", look.regular, fs,
                  align="center")
        del total

    return draw


def render(doc: Doc, v: Variant, path: Path, index: int) -> Rendered:
    del index
    look = v.look
    plan = v.plan
    flow = Flow(look.geometry, _decorator(doc, v))
    _head(flow, doc, v)
    if doc.beschluss:
        heading(flow, "Beschlussvorschlag:", look, before=look.leading * 1.2)
        paragraphs(flow, doc.beschluss, look)
    if not plan["finanz_in_columns"]:
        heading(flow, "Finanzielle Auswirkungen:", look, before=look.leading * 1.2)
        paragraphs(flow, doc.finanzen, look)
        _anlagen(flow, doc, v)
        _signature(flow, doc, v)
    flow.new_page()
    flow.text(flow.g.left, flow.y + look.size + 2, "Sachverhalt", look.bold, look.size + 2)
    flow.y += look.leading * 1.8
    cols = Columns(flow, look, gutter=18.0 if plan["gutter_rule"] else 14.0,
                   rule=bool(plan["gutter_rule"]))
    gap = look.size * 0.6
    for number, para in enumerate(doc.begruendung):
        tight = para.bullet and number and doc.begruendung[number - 1].bullet
        cols.block(Block(para.text, bullet=para.bullet, before=1.0 if tight else gap))
    if plan["finanz_in_columns"]:
        cols.block(Block("Finanzielle Auswirkungen", bold=True, before=look.leading))
        for para in doc.finanzen:
            cols.block(Block(para.text, before=2.0))
    cols.finish()
    if plan["finanz_in_columns"]:
        _anlagen(flow, doc, v)
        _signature(flow, doc, v)
    if doc.ergebnisse:
        _stamp(flow, doc, v)
    pages = flow.render(path, f"{doc.vorlagenart} {doc.vorlagennummer}")
    features = [
        f"{look.regular} {look.size}pt",
        f"{pages} page(s)",
        "one-column page 1 (header, Betreff, Beratungsfolge table, all Kenntnisnahme)",
        "Sachverhalt (= Begründung) in TWO newspaper columns on pages 2+: left column top to "
        "bottom, then right column",
        "justified, hyphenated columns" if look.justify else "ragged columns",
        "paragraphs split across columns and pages",
        "running header 'type number | Kreis' on pages 2+, '– n –' footer",
    ]
    if plan["gutter_rule"]:
        features.append("vertical rule in the gutter")
    if plan["finanz_in_columns"]:
        features.append("'Finanzielle Auswirkungen' heading + text inside the columns; Anlagen "
                        "and signature one-column below the columns")
    else:
        features.append("Finanzen, Anlagen and signature one-column on page 1, before the "
                        "columns")
    if doc.beschluss:
        features.append("one-line Beschlussvorschlag (Kenntnisnahme)")
    if doc.ergebnisse:
        state = "ticked" if doc.ergebnisse[0].kenntnisnahme else "blank"
        features.append(f"small Beratungsergebnis stamp with drawn boxes, {state}; 'vertagt', "
                        "'Aussprache beantragt' map to no field")
    if doc.betreff_hier:
        features.append("Betreff with 'hier:' line")
    return Rendered(path, LAYOUT, doc, flow.checkboxes, pages, features)


def generate(out_dir: Path) -> list[Rendered]:
    return render_plans("zweispaltig", len(PLANS), build, render, out_dir)
