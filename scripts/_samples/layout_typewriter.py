"""Layout 6 (scans only): a typewritten Beschlußvorlage of the late 1980s on a pre-printed form.

Typed in Courier with per-character baseline and ink jitter, old spelling throughout, "Der
Oberstadtdirektor" signature, a Beratungsfolge typed in columns, and a pre-printed
Beratungsergebnis block (Helvetica, drawn boxes) that is empty in the PDF: the ticks are added
by hand to the raster in :mod:`_samples.scans`. The PDF is only a temporary rasterisation source.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _samples.boxes import vector_box
from _samples.common import Look, Rendered, random_look
from _samples.content import fmt_date
from _samples.doc import Doc, Ergebnis, Folge, Para
from _samples.flow import Flow, Geometry
from _samples.fonts import width
from _samples.plans import plan_doc, render_plans

LAYOUT = "typewriter"
OLD_SPELLING = [
    ("Beschluss", "Beschluß"),
    ("beschluss", "beschluß"),
    ("Ausschuss", "Ausschuß"),
    ("ausschuss", "ausschuß"),
    ("dass ", "daß "),
    ("muss ", "muß "),
    ("Zuschuss", "Zuschuß"),
    ("Anschluss", "Anschluß"),
    ("€", "DM"),
]

PLANS: list[dict[str, Any]] = [
    {"topic": "bebauungsplan", "year": 1989, "spaced_title": True, "n_begr": 1},
    {"topic": "strassenausbau", "year": 1994, "spaced_title": False, "n_begr": 1},
]


def old(text: str) -> str:
    """Pre-1996 spelling and currency, and no anachronistic years."""
    text = text.replace("2023", "1990")
    for new_form, old_form in OLD_SPELLING:
        text = text.replace(new_form, old_form)
    return text


@dataclass(frozen=True)
class Variant:
    look: Look
    plan: dict[str, Any]


class TypewriterFlow(Flow):
    """Courier text is struck character by character with small baseline and ink variation."""

    def __init__(self, geometry: Geometry, seed: str) -> None:
        super().__init__(geometry)
        self.rng = random.Random(seed)

    def text(
        self,
        x: float,
        baseline: float,
        s: str,
        font: str,
        size: float,
        align: str = "left",
        gray: float = 0.0,
    ) -> float:
        if not font.startswith("Courier") or align != "left":
            return super().text(x, baseline, s, font, size, align, gray)
        advance = width("M", font, size)
        for i, char in enumerate(s):
            if char != " ":
                super().text(
                    x + i * advance + self.rng.uniform(-0.15, 0.15),
                    baseline + self.rng.uniform(-0.35, 0.35),
                    char,
                    font,
                    size,
                    gray=self.rng.uniform(0.0, 0.3),
                )
        return advance * len(s)


def build(index: int) -> tuple[Doc, Variant]:
    rng = random.Random(f"{LAYOUT}-{index}")
    plan = PLANS[index]
    year = int(plan["year"])
    doc = plan_doc(rng, plan, town="Musterhausen", year=year, vorlagenart="Beschlußvorlage",
                   nummer=f"{rng.randint(10, 400)}/{year % 100}", n_folge=2, bullets=False,
                   sentences_per_para=(2, 3))
    doc.beschluss = doc.beschluss[:1]  # a typed page holds less
    doc.anlagen = doc.anlagen[:1]
    look = random_look(
        rng, ["courier"], size=(11.0, 11.0), justify=False, hyphenate=False, leading=13.0
    )
    doc.betreff = old(doc.betreff or "")
    doc.betreff_hier = old(doc.betreff_hier) if doc.betreff_hier else None
    doc.beschluss = [Para(old(p.text), p.bullet) for p in doc.beschluss]
    doc.begruendung = [Para(old(p.text), p.bullet) for p in doc.begruendung]
    doc.finanzen = [Para(old(p.text)) for p in doc.finanzen]
    doc.federfuehrung = "Amt 61 - Stadtplanungsamt" if index == 0 else "Amt 66 - Tiefbauamt"
    doc.hinweis = None
    doc.beratungsfolge = [
        Folge(old(f.gremium), f.sitzung_am, str(rng.randint(3, 15)), None, None)
        for f in doc.beratungsfolge
    ]
    doc.unterz.name = "Dr. Kühn" if index == 0 else "Weißgerber"
    doc.signer_title = "Der Oberstadtdirektor"
    doc.unterz.ort = doc.unterz.datum = None  # the signature block has neither place nor date
    # The form's boxes are empty in the PDF; scans.py ticks them by hand and fills this in.
    doc.ergebnisse = [
        Ergebnis(
            oeffentlich=None,
            nichtoeffentlich=None,
            einstimmig=False,
            mit_stimmenmehrheit=False,
            laut_beschlussvorschlag=False,
            abweichender_beschluss=False,
            kenntnisnahme=False,
        )
    ]
    return doc, Variant(look, plan)


def _typed(flow: Flow, text: str, v: Variant, x: float | None = None) -> None:
    flow.paragraph(text, v.look.regular, v.look.size, v.look.leading, x=x, hyphenate=False)


def _preprinted_block(flow: Flow, v: Variant) -> None:
    """The form part printed before typing: Helvetica, drawn boxes, write-in lines."""
    g = flow.g
    fs = 8.5
    box = 9.0
    flow.gap(16)
    flow.ensure(118)
    top = flow.y
    flow.text(g.left + 6, top + 13, "Beratungsergebnis", "Helvetica-Bold", 9)
    path = "beratungsergebnis[0]"
    rows: list[list[tuple[str, str | None]]] = [
        [("einstimmig", "einstimmig"), ("mit Stimmenmehrheit", "mit_stimmenmehrheit")],
        [
            ("lt. Beschlußvorschlag", "laut_beschlussvorschlag"),
            ("abweichender Beschluß", "abweichender_beschluss"),
            ("zur Kenntnis genommen", "kenntnisnahme"),
            ("vertagt", None),
        ],
    ]
    y = top + 24
    for row in rows:
        x = g.left + 8
        for label, key in row:
            vector_box(flow, x, y, box, False, "x", label, f"{path}.{key}" if key else None, lw=0.7)
            flow.text(x + box + 4, y + box - 1.5, label, "Helvetica", fs)
            x += box + 4 + width(label, "Helvetica", fs) + 22
        y += box + 12
    x = g.left + 8
    for label in ("Ja", "Nein", "Enthaltungen"):
        w = flow.text(x, y + box - 1.5, label, "Helvetica", fs)
        flow.line(x + w + 3, y + box, x + w + 43, y + box, lw=0.5)
        flow.anchor(label, [x + w + 3, y - 6, x + w + 43, y + box])
        x += w + 60
    y += box + 14
    x = g.left + 8
    for label, line_w in (("Gremium", 150), ("Sitzung am", 70), ("TOP", 30)):
        w = flow.text(x, y + box - 1.5, label, "Helvetica", fs)
        flow.line(x + w + 3, y + box, x + w + 3 + line_w, y + box, lw=0.5)
        x += w + line_w + 20
    flow.rect(g.left, top, g.x1, y + box + 8, lw=0.8)
    flow.y = y + box + 16


def render(doc: Doc, v: Variant, path: Path, index: int) -> Rendered:
    look = v.look
    flow = TypewriterFlow(look.geometry, seed=f"{LAYOUT}-{index}-jitter")
    g = flow.g
    s = look.size
    flow.text(g.left, g.top + s, "STADT MUSTERHAUSEN", look.regular, s)
    flow.text(g.left, g.top + s + look.leading, "Der Oberstadtdirektor", look.regular, s)
    flow.text(g.left, g.top + s + 2 * look.leading, doc.federfuehrung or "", look.regular, s)
    flow.text(g.left, g.top + s + 3 * look.leading, f"Az.: {doc.aktenzeichen}", look.regular, s)
    right = g.left + g.content_width * 0.55
    flow.text(right, g.top + s, f"Drucksache Nr. {doc.vorlagennummer}", look.regular, s)
    flow.text(
        right,
        g.top + s + 2 * look.leading,
        f"Datum: {fmt_date(doc.datum)}" if doc.datum else "",
        look.regular,
        s,
    )
    flow.y = g.top + 5 * look.leading
    title = " ".join(doc.vorlagenart or "") if v.plan["spaced_title"] else doc.vorlagenart or ""
    flow.text(
        g.left + (g.content_width - width(title, look.regular, s)) / 2,
        flow.y + s,
        title,
        look.regular,
        s,
    )
    flow.y += look.leading * 2
    _typed(flow, "Beratungsfolge:", v)
    pad = max(len(f.gremium) for f in doc.beratungsfolge) + 3
    flow.text(g.left, flow.y + s, f"{'Sitzung am':<13}{'Gremium':<{pad}}TOP", look.regular, s)
    flow.y += look.leading
    for f in doc.beratungsfolge:
        line = (
            f"{fmt_date(f.sitzung_am) if f.sitzung_am else '':<13}{f.gremium:<{pad}}{f.top or ''}"
        )
        flow.text(g.left, flow.y + s, line, look.regular, s)
        flow.y += look.leading
    flow.gap(look.leading)
    indent = g.left + width("Betr.: ", look.regular, s)
    flow.text(g.left, flow.y + s, "Betr.:", look.regular, s)
    _typed(flow, doc.betreff or "", v, x=indent)
    if doc.betreff_hier:
        _typed(flow, doc.betreff_hier, v, x=indent)
    flow.gap(look.leading)
    _typed(flow, "Beschlußvorschlag:", v)
    for para in doc.beschluss:
        _typed(flow, para.text, v)
    flow.gap(look.leading)
    _typed(flow, "Begründung:", v)
    for para in doc.begruendung:
        _typed(flow, para.text, v)
        flow.gap(look.leading * 0.5)
    _typed(flow, "Finanzielle Auswirkungen: " + " ".join(p.text for p in doc.finanzen), v)
    flow.gap(look.leading * 0.5)
    _typed(flow, f"Anlage: {doc.anlagen[0]}", v)
    flow.gap(look.leading)
    x = g.left + g.content_width * 0.5
    for line in ("Der Oberstadtdirektor", "In Vertretung", "", f"({doc.unterz.name})"):
        if not line:
            flow.anchor("signature", [x, flow.y - 4, x + 110, flow.y + look.leading])
        flow.text(x, flow.y + s, line, look.regular, s)
        flow.y += look.leading
    _preprinted_block(flow, v)
    pages = flow.render(path, "typewriter")
    features = [
        "Courier 11pt typewriter with jitter",
        "old spelling (Beschluß, Ausschuß, DM)",
        "spaced title" if v.plan["spaced_title"] else "plain title",
        "pre-printed Beratungsergebnis ticked by hand on the scan",
    ]
    return Rendered(path, LAYOUT, doc, flow.checkboxes, pages, features, flow.anchors)


def generate(tmp_dir: Path) -> list[Rendered]:
    return render_plans("typewriter", len(PLANS), build, render, tmp_dir)
