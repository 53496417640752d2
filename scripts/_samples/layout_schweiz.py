"""Layout 12: a Swiss municipality's "Bericht und Antrag des Gemeinderates an den Einwohnerrat".

Swiss spelling throughout (no "ß": "Strasse", "Massnahmen", "beschliesst"), amounts in Franken
with apostrophes ("Fr. 4'870'000"). The executive (Gemeinderat) reports to the parliament
(Einwohnerrat; in the Bernese variant the parliament is called "Stadtrat"). The type word is set
bold ("Bericht und Antrag", "Botschaft") above a regular line naming the addressee ("des
Gemeinderates an den Einwohnerrat"); only the bold line is the vorlagenart. Header lines
"Geschäft Nr. 2023-112", "Datum: 14. März 2023" (Swiss long dates), once a "Traktandum"
number and a "Ressort" line. The document opens with a salutation ("Sehr geehrter Herr
Präsident") that belongs to no field, then numbered sections "1. Ausgangslage" and
"2. Erwägungen" (both the Begründung), "3. Finanzielles" (finanzielle Auswirkungen) and
"4. Antrag", whose lead-in "Der Gemeinderat beantragt dem Einwohnerrat, folgenden Beschluss zu
fassen:" is not part of the Beschlussvorschlag, the numbered items are. Attachments are
"Beilagen". The signature "NAMENS DES GEMEINDERATES / Der Präsident: X / Der Gemeindeschreiber: Y"
is signed by two people; the truth name is the first signer. No boxes, no Beratungsergebnis.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _samples.common import Look, Rendered, paragraphs, replace_words
from _samples.content import fill, fmt_date
from _samples.doc import Doc, Folge, Para, Unterz
from _samples.flow import Flow
from _samples.fonts import width
from _samples.plans import plan_doc, plan_look, render_plans

LAYOUT = "schweiz"

PLANS: list[dict[str, Any]] = [
    {
        "town": "Wettingen",
        "gemeinde": "GEMEINDE WETTINGEN",
        "topic": "strassenausbau",
        "art": "Bericht und Antrag",
        "addressee": "des Gemeinderates an den Einwohnerrat",
        "parliament": "Einwohnerrat",
        "nummer": "2023-112",
        "families": ["helvetica"],
        "size": (10.5, 10.5),
        "n_begr": 9,
        "sections": ("1. Ausgangslage", "2. Erwägungen", "3. Finanzielles", "4. Antrag"),
        "signers": (("Der Präsident", "Urs Brunner"), ("Der Gemeindeschreiber", "Beat Schmid")),
        "sign_place": True,
        "ressort": "Ressort Tiefbau und Verkehr",
        "traktandum": None,
        "beilagen": "Beilagen",
        "justify": False,
    },
    {
        "town": "Köniz",
        "gemeinde": "Gemeinde Köniz",
        "topic": "klimaschutz",
        "art": "Botschaft",
        "addressee": "des Gemeinderates an das Parlament",
        "parliament": "Parlament",
        "nummer": "23.041",
        "families": ["dejavu_serif"],
        "size": (9.5, 9.5),
        "n_begr": 2,
        "sections": ("1 Ausgangslage", "2 Erwägungen", "3 Finanzielles", "4 Antrag"),
        "signers": (("Die Gemeindepräsidentin", "Regula Zimmermann-Frei"),
                    ("Der Gemeindeschreiber", "Reto Bühlmann")),
        "sign_place": False,
        "ressort": None,
        "traktandum": "7",
        "beilagen": "Beilage",
        "justify": True,
    },
    {
        "town": "Muri AG",
        "gemeinde": "Einwohnergemeinde Muri",
        "topic": "feuerwehr",
        "art": "Bericht und Antrag",
        "addressee": "des Gemeinderates an den Einwohnerrat",
        "parliament": "Einwohnerrat",
        "nummer": "2023/07",
        "families": ["dejavu_condensed"],
        "size": (9.0, 9.0),
        "n_begr": 2,
        "sections": ("1. Ausgangslage", "2. Erwägungen", "3. Finanzielles", "4. Antrag"),
        "signers": (("Der Gemeindeammann", "Daniel Käser"),
                    ("Die Gemeindeschreiberin", "Marianne Gysi")),
        "sign_place": True,
        "ressort": None,
        "traktandum": None,
        "beilagen": "Beilagen",
        "justify": False,
        "kommission": "Finanz- und Geschäftsprüfungskommission (FGPK)",
    },
]

BETREFF = {
    "strassenausbau": ("Sanierung und Umgestaltung der {strasse} zwischen Bahnhof~platz und "
                       "Land~strasse; Verpflichtungs~kredit",
                       "hier: Projekt~genehmigung und Kredit~bewilligung"),
    "klimaschutz": ("Photovoltaik~anlagen auf gemeinde~eigenen Liegenschaften; "
                    "Rahmen~kredit 2024–2026", None),
    "feuerwehr": ("Ersatz~beschaffung eines Tank~lösch~fahrzeugs für die Stütz~punkt~feuerwehr; "
                  "Verpflichtungs~kredit", None),
}
ANTRAG = {
    "strassenausbau": [
        "Das Bau~projekt für die Sanierung und Umgestaltung der {strasse} wird genehmigt.",
        "Für die Ausführung wird ein Verpflichtungs~kredit von Fr. 1'250'000 (inkl. MWST, "
        "Kosten~stand April {jahr}) bewilligt.",
        "Der Gemeinderat wird ermächtigt, die Arbeiten zu vergeben und allfällige "
        "Beitrags~verfahren für die Anstösser durchzuführen.",
    ],
    "klimaschutz": [
        "Für die Ausrüstung gemeinde~eigener Liegenschaften mit Photovoltaik~anlagen wird ein "
        "Rahmen~kredit von Fr. 2'600'000 bewilligt.",
        "Der Gemeinderat erstattet dem Parlament jährlich Bericht über den Stand der Umsetzung.",
    ],
    "feuerwehr": [
        "Für die Ersatz~beschaffung eines Tank~lösch~fahrzeugs wird ein Verpflichtungs~kredit "
        "von Fr. 612'400 (inkl. MWST) bewilligt.",
        "Allfällige Beiträge der Aargauischen Gebäude~versicherung sind dem Kredit "
        "gutzuschreiben.",
    ],
}
FINANZ_EXTRA = "Der Beschluss untersteht dem fakultativen Referendum."

SWISS_WORDS = [
    ("Der Stadtrat", "Der Einwohnerrat"),
    ("dem Stadtrat", "dem Einwohnerrat"),
    ("Stadtrat", "Einwohnerrat"),
    ("Rathaus", "Gemeindehaus"),
    ("auf die Stadt", "auf die Gemeinde"),
    ("Die Stadt ", "Die Gemeinde "),
    ("Die Stadtwerke haben", "Die Regionalwerke AG hat"),
    ("städtischer Gebäude", "gemeindeeigener Gebäude"),
    ("städtische Internetseite", "Webseite der Gemeinde"),
    ("Stadtentwicklungskonzepts", "kommunalen Gesamtplans Verkehr"),
    ("Landespersonalvertretungsgesetz", "Personalreglement"),
    ("Rechtsamt", "Rechtsdienst"),
    ("Die Stadt hat", "Die Gemeinde hat"),
    ("der Ausbaubeitragssatzung", "dem Erschliessungsreglement"),
    ("Bürgerhaus", "Gemeindesaal"),
    ("Brandschutzbedarfsplan", "Fahrzeugkonzept der Feuerwehr"),
    ("Landeszuwendung", "Subvention der Gebäudeversicherung"),
    ("Vergabe- und Vertragsordnung", "Submissionsverordnung"),
]


def swiss(text: str) -> str:
    """Swiss spelling and currency: "ß" → "ss", "1.250.000 €" → "Fr. 1'250'000"."""
    text = text.replace("ß", "ss")

    def amount(match: re.Match[str]) -> str:
        return "Fr. " + match.group(1).replace(".", "'") + (match.group(2) or "")

    text = re.sub(r"(\d{1,3}(?:\.\d{3})+|\d+)(,\d+)? €", amount, text)
    return text.replace("Mio. €", "Mio. Franken").replace("€", "Franken")


def _swiss_paras(paras: list[Para]) -> list[Para]:
    return [Para(swiss(p.text), p.bullet) for p in replace_words(paras, SWISS_WORDS)]


@dataclass(frozen=True)
class Variant:
    look: Look
    plan: dict[str, Any]


def build(index: int) -> tuple[Doc, Variant]:
    rng = random.Random(f"{LAYOUT}-{index}")
    plan = PLANS[index]
    doc = plan_doc(rng, plan, town=str(plan["town"]), year=2023, vorlagenart=str(plan["art"]),
                   nummer=str(plan["nummer"]), n_folge=1, bullets=index != 2,
                   sentences_per_para=(2, 3) if index else (2, 4))
    look = plan_look(rng, plan, doc, justify=bool(plan["justify"]), hyphenate=index != 1)
    values = {"strasse": swiss(rng.choice(["Landstrasse", "Zentralstrasse", "Alte Bahnhofstrasse"])),
              "jahr": "2023"}
    betreff, hier = BETREFF[str(plan["topic"])]
    doc.betreff = fill(betreff, values)
    doc.betreff_hier = fill(hier, values) if hier else None
    doc.beschluss = [Para(fill(t, values), f"{k}.") for k, t in enumerate(ANTRAG[plan["topic"]], 1)]
    doc.begruendung = _swiss_paras(doc.begruendung)
    doc.finanzen = [*_swiss_paras(doc.finanzen), Para(FINANZ_EXTRA)]
    doc.anlagen = [swiss(a) for a in doc.anlagen[:2]]
    doc.aktenzeichen = None
    doc.hinweis = None
    doc.federfuehrung = plan["ressort"]
    if plan.get("kommission"):
        doc.beratungsfolge = [Folge(str(plan["kommission"]), None, None, "Vorberatung", None)]
    else:
        doc.beratungsfolge = []
    doc.ergebnisse = []
    first = plan["signers"][0][1]
    if plan["sign_place"]:
        doc.unterz = Unterz(str(plan["town"]).removesuffix(" AG"), doc.datum, first)
    else:
        doc.unterz = Unterz(None, None, first)
    return doc, Variant(look, plan)


# -- drawing -------------------------------------------------------------------------------------


def _section(flow: Flow, text: str, v: Variant) -> None:
    look = v.look
    flow.gap(look.leading * 1.2)
    flow.ensure(look.leading * 4)
    flow.text(flow.g.left, flow.y + look.size + 1, text, look.bold, look.size + 1)
    flow.y += look.leading * 1.45


def _header(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    plan = v.plan
    y = g.top + 12
    flow.text(g.left, y, str(plan["gemeinde"]), look.bold, 12)
    if plan["ressort"]:
        flow.text(g.x1, y, str(plan["ressort"]), look.regular, look.size - 1, align="right")
    flow.line(g.left, y + 6, g.x1, y + 6, lw=1.2)
    y += 34
    flow.text(g.left, y, doc.vorlagenart or "", look.bold, 17)
    y += 18
    flow.text(g.left, y, str(plan["addressee"]), look.regular, look.size + 2)
    y += 24
    lines = [f"Geschäft Nr. {doc.vorlagennummer}"]
    if plan["traktandum"]:
        lines.append(f"Traktandum {plan['traktandum']}")
    date = fmt_date(doc.datum, "long") if doc.datum else ""
    if v.plan["town"] == "Muri AG" and doc.datum:
        date = fmt_date(doc.datum, "nopad")
    lines.append(f"Datum: {date}")
    for line in lines:
        flow.text(g.left, y, line, look.regular, look.size)
        y += look.leading
    if plan.get("kommission"):
        flow.text(g.left, y, f"Vorberatende Kommission: {plan['kommission']}", look.regular,
                  look.size)
        y += look.leading
    flow.y = y + look.leading * 0.8
    flow.paragraph(doc.betreff or "", look.bold, look.size + 1.5, (look.size + 1.5) * 1.3,
                   hyphenate=look.hyphenate)
    if doc.betreff_hier:
        flow.paragraph(doc.betreff_hier, look.bold, look.size + 1.5, (look.size + 1.5) * 1.3,
                       hyphenate=look.hyphenate)
    flow.y += 4
    flow.line(g.left, flow.y, g.x1, flow.y, lw=0.5)
    flow.y += look.leading


def _signature(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    flow.gap(look.leading * 1.6)
    flow.ensure(look.leading * 7)
    if doc.unterz.ort and doc.unterz.datum:
        flow.text(g.left, flow.y + look.size,
                  f"{doc.unterz.ort}, {fmt_date(doc.unterz.datum, 'long')}", look.regular,
                  look.size)
        flow.y += look.leading * 1.8
    flow.text(g.left, flow.y + look.size, "NAMENS DES GEMEINDERATES", look.bold, look.size)
    flow.y += look.leading * 1.5
    half = g.left + g.content_width / 2
    (t1, n1), (t2, n2) = v.plan["signers"]
    if v.plan["town"] == "Köniz":  # title above, name below
        for x, (title, name) in ((g.left, (t1, n1)), (half, (t2, n2))):
            flow.text(x, flow.y + look.size, title, look.regular, look.size)
            flow.text(x, flow.y + look.size + look.leading * 2.5, name, look.regular, look.size)
        flow.y += look.leading * 3.5
    else:  # "Der Präsident: Urs Brunner" on one line each column
        for x, (title, name) in ((g.left, (t1, n1)), (half, (t2, n2))):
            flow.text(x, flow.y + look.size, f"{title}:", look.regular, look.size)
            flow.text(x, flow.y + look.size + look.leading * 2.2, name, look.regular, look.size)
        flow.y += look.leading * 3.2


def _decorator(doc: Doc, v: Variant) -> Callable[[Flow, int, int], None]:
    look = v.look

    def draw(flow: Flow, number: int, total: int) -> None:
        g = flow.g
        fs = look.size - 1.5
        if number > 1:
            head = (g.top_next or g.top) - 22
            flow.text(g.left, head, str(v.plan["gemeinde"]), look.regular, fs)
            flow.text(g.x1, head, f"Geschäft Nr. {doc.vorlagennummer}", look.regular, fs,
                      align="right")
        if total > 1:
            flow.text(g.x1, g.height - g.bottom + 30, f"{number}/{total}", look.regular, fs,
                      align="right")

    return draw


def render(doc: Doc, v: Variant, path: Path, index: int) -> Rendered:
    del index
    look = v.look
    plan = v.plan
    flow = Flow(look.geometry, _decorator(doc, v))
    _header(flow, doc, v)
    first_title = plan["signers"][0][0]
    salutation = ("Sehr geehrte Frau Präsidentin" if "Köniz" in plan["town"]
                  else "Sehr geehrter Herr Präsident")
    flow.paragraph(salutation, look.regular, look.size, look.leading)
    flow.paragraph("Sehr geehrte Damen und Herren", look.regular, look.size, look.leading)
    flow.gap(look.leading * 0.5)
    what = "seine Botschaft" if doc.vorlagenart == "Botschaft" else "Bericht und Antrag"
    flow.paragraph(f"Der Gemeinderat unterbreitet Ihnen nachstehend {what} zum "
                   f"Geschäft Nr. {doc.vorlagennummer}.", look.regular, look.size, look.leading)
    ausgangslage, erwaegungen, finanz, antrag = plan["sections"]
    cut = max(1, len(doc.begruendung) // 3)
    while cut < len(doc.begruendung) - 1 and doc.begruendung[cut].bullet:
        cut += 1  # a list stays in one section
    _section(flow, ausgangslage, v)
    paragraphs(flow, doc.begruendung[:cut], look)
    _section(flow, erwaegungen, v)
    paragraphs(flow, doc.begruendung[cut:], look)
    _section(flow, finanz, v)
    paragraphs(flow, doc.finanzen, look)
    _section(flow, antrag, v)
    parliament = "dem Parlament" if plan["parliament"] == "Parlament" else "dem Einwohnerrat"
    flow.paragraph(f"Der Gemeinderat beantragt {parliament}, folgenden Beschluss zu fassen:",
                   look.regular, look.size, look.leading)
    flow.gap(look.size * 0.5)
    paragraphs(flow, doc.beschluss, look, gap=look.size * 0.3)
    _signature(flow, doc, v)
    flow.gap(look.leading)
    flow.ensure(look.leading * (len(doc.anlagen) + 2))
    label = str(plan["beilagen"])
    flow.text(flow.g.left, flow.y + look.size, f"{label}:", look.bold, look.size)
    flow.y += look.leading
    for anlage in doc.anlagen:
        flow.paragraph(anlage, look.regular, look.size, look.leading, bullet="–",
                       hang=width("– ", look.regular, look.size) + 4)
    pages = flow.render(path, f"{doc.vorlagenart} {doc.vorlagennummer}")
    features = [
        f"{look.regular} {look.size}pt",
        f"{pages} page(s)",
        "Swiss spelling (no ß), amounts 'Fr. 1'250'000'",
        f"bold type '{doc.vorlagenart}' over '{plan['addressee']}' (only the bold line is the "
        "vorlagenart)",
        f"'Geschäft Nr. {doc.vorlagennummer}'",
        "salutation before the first section belongs to no field",
        f"sections {' / '.join(plan['sections'])}; Ausgangslage + Erwägungen = Begründung",
        "Antrag lead-in 'Der Gemeinderat beantragt …, folgenden Beschluss zu fassen:' is not "
        "part of the Beschlussvorschlag; numbered items are",
        f"two signers '{first_title}' and a Gemeindeschreiber: truth name = first signer",
        f"attachments headed '{label}:' with dashes",
        "no boxes, no Beratungsergebnis",
    ]
    if plan["traktandum"]:
        features.append("'Traktandum 7' is an agenda item, not the Geschäft number")
    if plan["ressort"]:
        features.append("'Ressort …' top right is the Federführung")
    if plan.get("kommission"):
        features.append("'Vorberatende Kommission: …' as the only Beratungsfolge entry "
                        "(Vorberatung, no date)")
    if doc.betreff_hier:
        features.append("wrapped Betreff with 'hier:' line")
    if not plan["sign_place"]:
        features.append("signature without place and date")
    if pages > 1:
        features.append("running header 'Geschäft Nr. …' and footer 'n/N' on pages 2+")
    return Rendered(path, LAYOUT, doc, flow.checkboxes, pages, features)


def generate(out_dir: Path) -> list[Rendered]:
    return render_plans("schweiz", len(PLANS), build, render, out_dir)
