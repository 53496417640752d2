"""Layout 9: a city-state parliament "Drucksache" (Hamburgische Bürgerschaft, Abgeordnetenhaus).

No boxes, no Beratungsfolge, no ruled tables. Three document types of the Landtag of a city
state:

* Hamburg "Mitteilung des Senats an die Bürgerschaft": the parliament's header ("BÜRGERSCHAFT DER
  FREIEN UND HANSESTADT HAMBURG  Drucksache 22/10934", "22. Wahlperiode  07.02.23"), "Betr.:"
  with a "hier:" line, numbered sections "1. Anlass", "2. Sachverhalt", "3. Finanzielle
  Auswirkungen", "4. Petitum" whose lead-in "Der Senat beantragt, die Bürgerschaft wolle" is
  followed by numbered infinitive clauses (the Beschlussvorschlag), a running header on pages 2+.
* Hamburg "Antrag der Abgeordneten … (SPD) und Fraktion": a list of members' names that are no
  signatories, the reasoning WITHOUT a heading before "Die Bürgerschaft möge beschließen:", then
  "Der Senat wird ersucht," and numbered items; no signature at all.
* Berlin "V o r l a g e – zur Beschlussfassung –" (the type word set with expanded character
  spacing): the Abgeordnetenhaus header, "An das Abgeordnetenhaus von Berlin / über
  Senatskanzlei – G Sen –", the subject as an unlabelled bold title, "Das Abgeordnetenhaus wolle
  beschließen:", lettered sections "A. Begründung:" … where only A (Begründung) and the Haushalt
  section map to fields and the others (Rechtsgrundlage, Brandenburg, Umwelt …) must end them,
  and "Berlin, den 7. Februar 2023 / Der Senat von Berlin" above the signatory.

Section headings, lead-in formulas ("… wolle beschließen:") and the intro sentence are not part
of any field text, as "Der Stadtrat möge beschließen:" in the Antrag layout.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from _samples import pools
from _samples.common import Look, Rendered, paragraphs, replace_words
from _samples.content import fill, fmt_date
from _samples.doc import Doc, Para, Unterz
from _samples.flow import Flow
from _samples.fonts import width
from _samples.plans import plan_doc, plan_look, render_plans

LAYOUT = "buergerschaft"

PLANS: list[dict[str, Any]] = [
    {
        "kind": "hh_mitteilung",
        "topic": "radverkehr",
        "families": ["dejavu_serif"],
        "size": (10.5, 10.5),
        "n_begr": 11,
        "sections": ("1. Anlass", "2. Sachverhalt", "3. Finanzielle Auswirkungen", "4. Petitum"),
    },
    {
        "kind": "hh_antrag",
        "topic": "klimaschutz",
        "families": ["helvetica"],
        "size": (11.0, 11.0),
        "n_begr": 3,
        "bullets": False,
    },
    {
        "kind": "be_vorlage",
        "topic": "bebauungsplan",
        "families": ["dejavu_condensed"],
        "size": (9.5, 9.5),
        "n_begr": 12,
    },
]

# Words of the invented council texts, made to fit a city state's parliament.
HH_WORDS = [
    ("Der Stadtrat", "Die Bürgerschaft"),
    ("dem Stadtrat", "der Bürgerschaft"),
    ("Stadtrat", "Bürgerschaft"),
    ("Die Stadt hat", "Der Senat hat"),
    ("Die Stadtwerke haben", "Hamburg Energie hat"),
    ("städtischer Gebäude", "öffentlicher Gebäude"),
    ("städtische Internet", "Internet"),
    ("Gesamtstadt", "Freie und Hansestadt Hamburg"),
    ("Landespersonalvertretungsgesetz", "Hamburgischen Personalvertretungsgesetz"),
    ("Rechtsamt", "Justitiariat der Behörde"),
]
BE_WORDS = [
    ("Der Stadtrat", "Das Abgeordnetenhaus"),
    ("Stadtrat", "Abgeordnetenhaus"),
    ("Kernstadt", "Innenstadt"),
    ("Rathaus", "Bezirksamt"),
    ("Landespersonalvertretungsgesetz", "Personalvertretungsgesetz"),
    ("Rechtsamt", "Rechtsreferat"),
    ("Stadtentwicklungskonzepts", "Stadtentwicklungsplans Wohnen 2030"),
]


HH_PETITUM = [
    "von den Ausführungen in dieser Drucksache Kenntnis nehmen,",
    "im Haushalts~jahr {jahr} im Einzel~plan 6.2 „Behörde für Verkehr und Mobilitäts~wende“ in "
    "der Produkt~gruppe 262.01 „Verkehr“ eine zusätzliche Kosten~ermächtigung in Höhe von "
    "4.200 Tsd. Euro nach~bewilligen,",
    "das Ersuchen aus der Drucksache 22/9471 damit als erledigt betrachten.",
]
HH_ANTRAG_ITEMS = [
    "bis Ende 2024 alle geeigneten Dach~flächen der Schulen und Bezirks~ämter mit "
    "Photovoltaik~anlagen auszustatten,",
    "gemeinsam mit Schulbau Hamburg ein Pacht~modell zu prüfen, bei dem Dritte die Anlagen "
    "errichten und betreiben,",
    "der Bürgerschaft bis zum 30. Juni 2024 über den Stand der Umsetzung zu berichten.",
]
BE_BESCHLUSS = [
    "Das Abgeordnetenhaus stimmt der vom Senat am {datum} beschlossenen Verordnung über die "
    "Festsetzung des Bebauungs~plans 1-98 „{gebiet}“ im Bezirk Mitte zu.",
    "Der Senat wird ersucht, dem Abgeordnetenhaus nach Abschluss der Erschließung über die "
    "Zahl der errichteten Wohnungen zu berichten.",
]
BE_OTHER_SECTIONS = [
    ("B. Rechtsgrundlage:", "§ 9 Absatz 1 und § 11 Absatz 1 des Gesetzes zur Ausführung des "
     "Baugesetzbuchs (AGBauGB)."),
    ("C. Kostenauswirkungen auf Privathaushalte und/oder Wirtschaftsunternehmen:", "Keine."),
    ("D. Auswirkungen auf die Zusammenarbeit mit dem Land Brandenburg:", "Keine."),
]
BE_AFTER_FINANZ = [
    ("F. Flächenmäßige Auswirkungen:", "Das Plangebiet umfasst rund 6,4 ha, davon 1,1 ha "
     "öffentliche Grünfläche."),
    ("G. Auswirkungen auf die Umwelt:", "Die Umweltprüfung hat keine erheblichen nachteiligen "
     "Umweltauswirkungen ergeben; der Ausgleich erfolgt innerhalb des Plangebiets."),
]


@dataclass(frozen=True)
class Variant:
    look: Look
    plan: dict[str, Any]
    wp: str  # Wahlperiode, "22."
    members: list[str]  # the Antrag's members (not signatories)


def _para(text: str, bullet: str | None = None) -> Para:
    return Para(fill(text, {}), bullet)


def build(index: int) -> tuple[Doc, Variant]:
    rng = random.Random(f"{LAYOUT}-{index}")
    plan = PLANS[index]
    kind = str(plan["kind"])
    berlin = kind == "be_vorlage"
    year = 2022 if berlin else 2023
    nummer = f"19/{rng.randint(120, 1890):04d}" if berlin else f"22/{rng.randint(9100, 13900)}"
    doc = plan_doc(rng, plan, town="Berlin" if berlin else "Hamburg", year=year,
                   vorlagenart="Antrag", nummer=nummer, n_folge=1)
    look = plan_look(rng, plan, doc, justify=kind == "hh_mitteilung")
    values = {"jahr": str(year), "gebiet": rng.choice(pools.GEBIETE)}
    doc.aktenzeichen = doc.federfuehrung = doc.hinweis = None
    doc.beratungsfolge = []
    doc.ergebnisse = []
    members: list[str] = []
    if kind == "hh_mitteilung":
        doc.vorlagenart = "Mitteilung des Senats"
        doc.betreff = fill(
            "Haushalts~plan 2023/2024, Einzel~plan 6.2 – Nach~bewilligung nach § 35 LHO für den "
            "beschleunigten Ausbau der Velo~routen 5 und 13 in den Bezirken Nord und Wandsbek",
            values,
        )
        doc.betreff_hier = fill(
            "hier: Stellung~nahme des Senats zu dem Ersuchen der Bürgerschaft vom 12. Oktober "
            "2022 (Drucksache 22/9471)",
            values,
        )
        doc.beschluss = [Para(fill(t, values), f"{k}.") for k, t in enumerate(HH_PETITUM, 1)]
        doc.begruendung = replace_words(doc.begruendung, HH_WORDS)
        doc.finanzen = [
            _para(
                "Die Kosten von 4,2 Mio. Euro werden im Haushalts~jahr 2023 durch eine "
                "Nach~bewilligung gedeckt; die Gegen~finanzierung erfolgt aus der zentralen "
                "Reserve für Investitionen im Einzel~plan 9.2."
            ),
            _para(
                "Für die Folge~jahre entstehen Unterhaltungs~kosten von rund 85 Tsd. Euro "
                "jährlich, die im Rahmen der bestehenden Ermächtigungen getragen werden."
            ),
        ]
        doc.anlagen = ["Übersichtskarte der Veloroutenabschnitte"]
        doc.unterz = Unterz()
    elif kind == "hh_antrag":
        doc.vorlagenart = "Antrag"
        doc.betreff = fill(
            "Sonne auf jedes geeignete Dach – Solar~offensive für Hamburgs Schulen und "
            "Bezirks~ämter",
            values,
        )
        doc.betreff_hier = None
        doc.beschluss = [Para("Der Senat wird ersucht,")] + [
            Para(fill(t, values), f"{k}.") for k, t in enumerate(HH_ANTRAG_ITEMS, 1)
        ]
        doc.begruendung = replace_words(doc.begruendung, HH_WORDS)
        doc.finanzen = []
        doc.anlagen = []
        doc.unterz = Unterz()
        names = rng.sample(pools.NAMES, k=6)
        members = [
            f"der Abgeordneten {', '.join(names[:4])} (SPD) und Fraktion",
            f"der Abgeordneten {', '.join(names[4:])} (GRÜNE) und Fraktion",
        ]
    else:
        assert doc.datum is not None
        doc.vorlagenart = "Vorlage – zur Beschlussfassung –"
        doc.betreff = fill(
            "Zustimmung zur Verordnung über die Festsetzung des Bebauungs~plans 1-98 „{gebiet}“ "
            "im Bezirk Mitte, Ortsteil Moabit",
            values,
        )
        doc.betreff_hier = None
        values["datum"] = fmt_date(doc.datum, "long")
        doc.beschluss = [Para(fill(t, values)) for t in BE_BESCHLUSS]
        doc.begruendung = replace_words(doc.begruendung, BE_WORDS)
        doc.finanzen = [
            _para(
                "Auswirkungen auf Einnahmen und Ausgaben: Die Kosten der Erschließung von rund "
                "3,8 Mio. Euro trägt der Vorhaben~träger nach dem städte~baulichen Vertrag.",
                "a)",
            ),
            _para("Personal~wirtschaftliche Auswirkungen: Keine.", "b)"),
        ]
        doc.anlagen = ["Verordnungstext mit Begründung", "Übersichtsplan (verkleinert)"]
        doc.unterz = Unterz("Berlin", doc.datum, doc.unterz.name)
        senator = "Senatorin" if pools.is_female(doc.unterz.name or "") else "Senator"
        doc.signer_title = f"{senator} für Stadtentwicklung, Bauen und Wohnen"
    wp = "19." if berlin else "22."
    return doc, Variant(look, plan, wp, members)


# -- drawing -------------------------------------------------------------------------------------


def _spaced(flow: Flow, x_center: float, baseline: float, text: str, font: str, size: float,
            space: float) -> None:
    """A word set with expanded character spacing (Word's "Zeichenabstand: erweitert"): the
    text layer holds the letters without space characters between them."""
    natural = width(text, font, size) + space * (len(text) - 1)
    x0 = x_center - natural / 2
    y = flow.g.height - baseline

    def op(c: Canvas) -> None:
        c.saveState()  # the character spacing (Tc) would otherwise outlive the text object
        t = c.beginText(x0, y)
        t.setFont(font, size)
        t.setCharSpace(space)
        t.textOut(text)
        c.drawText(t)
        c.restoreState()

    flow.add(op)


def _hh_header(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    y = g.top + 12
    title = "BÜRGERSCHAFT DER FREIEN UND HANSESTADT HAMBURG"
    nummer = f"Drucksache {doc.vorlagennummer}"
    room = g.content_width - width(nummer, look.bold, 11) - 24
    size = 11.0
    while width(title, look.bold, size) > room:
        size -= 0.5
    flow.text(g.left, y, title, look.bold, size)
    flow.text(g.x1, y, nummer, look.bold, 11, align="right")
    y += 14
    flow.text(g.left, y, f"{v.wp} Wahlperiode", look.regular, 9)
    flow.text(g.x1, y, fmt_date(doc.datum, "dm_y2") if doc.datum else "", look.regular, 9,
              align="right")
    flow.y = y + 26


def _betr(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    x = flow.g.left + width("Betr.:", look.bold, look.size) + 12
    flow.text(flow.g.left, flow.y + look.size, "Betr.:", look.bold, look.size)
    flow.paragraph(doc.betreff or "", look.bold, look.size, look.leading, x=x,
                   hyphenate=look.hyphenate)
    if doc.betreff_hier:
        flow.paragraph(doc.betreff_hier, look.regular, look.size, look.leading, x=x,
                       hyphenate=look.hyphenate)


def _section(flow: Flow, text: str, v: Variant, before: float | None = None) -> None:
    look = v.look
    flow.gap(look.leading * 1.1 if before is None else before)
    flow.ensure(look.leading * 4)
    flow.text(flow.g.left, flow.y + look.size, text, look.bold, look.size)
    flow.y += look.leading * 1.35


def _render_hh_mitteilung(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    _hh_header(flow, doc, v)
    flow.text(g.left, flow.y + 13, doc.vorlagenart or "", look.bold, 13)
    flow.text(g.left, flow.y + 29, "an die Bürgerschaft", look.regular, 12)
    flow.y += 50
    _betr(flow, doc, v)
    anlass, sachverhalt, finanz, petitum = v.plan["sections"]
    _section(flow, anlass, v, before=look.leading * 1.6)
    paragraphs(flow, doc.begruendung[:1], look)
    _section(flow, sachverhalt, v)
    paragraphs(flow, doc.begruendung[1:], look)
    _section(flow, finanz, v)
    paragraphs(flow, doc.finanzen, look)
    _section(flow, petitum, v)
    flow.paragraph("Der Senat beantragt, die Bürgerschaft wolle", look.regular, look.size,
                   look.leading)
    flow.gap(look.size * 0.4)
    paragraphs(flow, doc.beschluss, look, gap=look.size * 0.3)
    flow.gap(look.leading * 1.5)
    flow.ensure(look.leading * 2)
    flow.paragraph(f"Anlage: {doc.anlagen[0]}", look.regular, look.size - 1, look.leading)


def _render_hh_antrag(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    _hh_header(flow, doc, v)
    flow.text(g.left, flow.y + 14, "Antrag", look.bold, 14)
    flow.y += 22
    for number, line in enumerate(v.members):
        if number:
            flow.paragraph("und", look.regular, look.size, look.leading)
        flow.paragraph(line, look.regular, look.size, look.leading, hyphenate=False)
    flow.gap(look.leading * 1.2)
    _betr(flow, doc, v)
    flow.gap(look.leading * 1.2)
    paragraphs(flow, doc.begruendung, look)
    flow.gap(look.leading)
    flow.paragraph("Die Bürgerschaft möge beschließen:", look.bold, look.size, look.leading)
    flow.gap(look.size * 0.5)
    paragraphs(flow, doc.beschluss[:1], look)
    flow.gap(look.size * 0.3)
    paragraphs(flow, doc.beschluss[1:], look, gap=look.size * 0.3)


def _render_be_vorlage(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    y = g.top + 13
    w = flow.text(g.left, y, "Abgeordnetenhaus", look.regular, 13)
    flow.text(g.left + w + 4, y, "BERLIN", look.bold, 13)
    flow.text(g.x1, y, f"Drucksache {doc.vorlagennummer}", look.bold, 11, align="right")
    y += 14
    flow.text(g.left, y, f"{v.wp} Wahlperiode", look.regular, 9)
    flow.text(g.x1, y, fmt_date(doc.datum) if doc.datum else "", look.regular, 9, align="right")
    flow.line(g.left, y + 6, g.x1, y + 6, lw=0.8)
    y += 30
    for line in ("Der Senat von Berlin", "", "An das", "Abgeordnetenhaus von Berlin", "",
                 "über Senatskanzlei – G Sen –"):
        if line:
            flow.text(g.left, y, line, look.regular, look.size)
        y += look.leading
    y += 18
    _spaced(flow, g.left + g.content_width / 2, y, "Vorlage", look.bold, 15, 4.5)
    y += 18
    flow.text(g.left + g.content_width / 2, y, "– zur Beschlussfassung –", look.regular,
              look.size + 1, align="center")
    flow.y = y + 14
    flow.paragraph(doc.betreff or "", look.bold, look.size + 1, (look.size + 1) * 1.3,
                   hyphenate=look.hyphenate)
    flow.gap(look.leading)
    flow.paragraph("Der Senat legt nachstehende Vorlage dem Abgeordnetenhaus zur "
                   "Beschlussfassung vor:", look.regular, look.size, look.leading)
    flow.gap(look.leading * 0.8)
    flow.paragraph("Das Abgeordnetenhaus wolle beschließen:", look.bold, look.size, look.leading)
    flow.gap(look.size * 0.5)
    paragraphs(flow, doc.beschluss, look, x=g.left + 18)
    _section(flow, "A. Begründung:", v, before=look.leading * 1.5)
    paragraphs(flow, doc.begruendung, look)
    for heading, text in BE_OTHER_SECTIONS:
        _section(flow, heading, v)
        flow.paragraph(text, look.regular, look.size, look.leading, hyphenate=False)
    _section(flow, "E. Auswirkungen auf den Haushaltsplan und die Finanzplanung:", v)
    paragraphs(flow, doc.finanzen, look, gap=look.size * 0.3)
    for heading, text in BE_AFTER_FINANZ:
        _section(flow, heading, v)
        flow.paragraph(text, look.regular, look.size, look.leading, hyphenate=False)
    flow.gap(look.leading * 2)
    flow.ensure(look.leading * 9)
    date = fmt_date(doc.unterz.datum, "long") if doc.unterz.datum else ""
    for line in (f"Berlin, den {date}", "", "Der Senat von Berlin", "", "",
                 doc.unterz.name or "", doc.signer_title or ""):
        if line:
            flow.text(g.left, flow.y + look.size, line, look.regular, look.size)
        flow.y += look.leading
    _section(flow, "Anlagen", v, before=look.leading * 1.5)
    for number, anlage in enumerate(doc.anlagen, 1):
        flow.paragraph(anlage, look.regular, look.size, look.leading, bullet=f"{number}.",
                       hang=14)


def _decorator(doc: Doc, v: Variant) -> Callable[[Flow, int, int], None]:
    look = v.look
    kind = v.plan["kind"]

    def draw(flow: Flow, number: int, total: int) -> None:
        del total
        if number == 1:
            return
        g = flow.g
        head = (g.top_next or g.top) - 24
        fs = look.size - 1.5
        if kind == "be_vorlage":
            flow.text(g.width / 2, head, f"- {number} -", look.regular, fs, align="center")
            flow.text(g.left, g.height - g.bottom + 28,
                      f"Abgeordnetenhaus Berlin – {v.wp} Wahlperiode", look.regular, fs)
            flow.text(g.x1, g.height - g.bottom + 28, f"Drucksache {doc.vorlagennummer}",
                      look.regular, fs, align="right")
        else:
            flow.text(g.left, head, f"Drucksache {doc.vorlagennummer}", look.bold, fs)
            flow.text(g.x1, head, f"Bürgerschaft der Freien und Hansestadt Hamburg – {v.wp} "
                      "Wahlperiode", look.regular, fs, align="right")
            flow.line(g.left, head + 4, g.x1, head + 4, lw=0.5)
            flow.text(g.width / 2, g.height - g.bottom + 30, str(number), look.regular, fs,
                      align="center")

    return draw


RENDERERS = {
    "hh_mitteilung": _render_hh_mitteilung,
    "hh_antrag": _render_hh_antrag,
    "be_vorlage": _render_be_vorlage,
}


def render(doc: Doc, v: Variant, path: Path, index: int) -> Rendered:
    del index
    look = v.look
    kind = str(v.plan["kind"])
    flow = Flow(look.geometry, _decorator(doc, v))
    RENDERERS[kind](flow, doc, v)
    pages = flow.render(path, f"Drucksache {doc.vorlagennummer}")
    features = [
        f"{look.regular} {look.size}pt",
        f"{pages} page(s)",
        "city-state parliament header (Drucksache number and date top right)",
        "no boxes, no Beratungsfolge",
    ]
    features += {
        "hh_mitteilung": [
            "'Mitteilung des Senats' over 'an die Bürgerschaft'",
            "Betr.: with hier: line",
            "numbered sections 1. Anlass / 2. Sachverhalt (both Begründung) / 3. Finanzielle "
            "Auswirkungen / 4. Petitum",
            "Petitum lead-in 'Der Senat beantragt, die Bürgerschaft wolle' + numbered clauses",
            "running header 'Drucksache … Bürgerschaft … Wahlperiode' on pages 2+",
        ],
        "hh_antrag": [
            "'Antrag der Abgeordneten … und Fraktion' (members are not signatories)",
            "reasoning without heading BEFORE 'Die Bürgerschaft möge beschließen:'",
            "'Der Senat wird ersucht,' + numbered items",
            "no signature",
        ],
        "be_vorlage": [
            "type word 'Vorlage' with expanded character spacing over '– zur Beschlussfassung –'",
            "unlabelled bold Betreff",
            "'über Senatskanzlei – G Sen –' routing line",
            "lettered sections A.–G.; only A (Begründung) and E (Haushalt) are fields",
            "Finanzen as a)/b) items",
            "signature 'Berlin, den … / Der Senat von Berlin / name / title'",
            "page number top, parliament footer on pages 2+",
        ],
    }[kind]
    return Rendered(path, LAYOUT, doc, flow.checkboxes, pages, features)


def generate(out_dir: Path) -> list[Rendered]:
    return render_plans("buergerschaft", len(PLANS), build, render, out_dir)
