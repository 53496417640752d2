"""Layout (scans only): a typewritten Kreis "Beschlußvorlage" of 1976.

Typed in Courier with per-character jitter (the typewriter flow of :mod:`layout_typewriter`) on
plain paper: "Kreis Warendorf / Der Oberkreisdirektor" with the office and "Az.:", the place and
date typed top right ("Warendorf, den 2.4.1976": the date and the place of signing), "Vorlage
Nr. 123/76" with the type centred and underlined with typed underscores, a Beratungsfolge typed
as "1. Kreisausschuß am 14.04.1976" lines, "Betr.:" with a "hier:" line, "Bezug:" naming an
older decision with its own date and Vorlage number (neither is this document's), old spelling
(Beschluß, Ausschuß, daß, DM), "Der Oberkreisdirektor / In Vertretung / (Name)" and, at the
bottom, a rubber-stamped "Beschluß des Kreisausschusses" block with drawn boxes that are empty in
the PDF: the scan ticks two of them by hand. The PDF is only a temporary rasterisation source.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from _samples.boxes import vector_box
from _samples.common import Rendered, random_look
from _samples.content import DocSpec, fill, fmt_date, make_doc
from _samples.doc import Doc, Ergebnis, Folge, Para, Unterz
from _samples.flow import Flow
from _samples.fonts import width
from _samples.layout_typewriter import OLD_SPELLING, TypewriterFlow

LAYOUT = "typewriter76"


def old(text: str) -> str:
    text = text.replace("2023", "1976").replace("2030", "1985")
    for new_form, old_form in OLD_SPELLING:
        text = text.replace(new_form, old_form)
    return text


BEGR = [
    "Die Kreis~straße 17 zwischen Ahlen und Vorhelm ist in ihrem jetzigen Ausbau~zustand dem "
    "gestiegenen Verkehrs~aufkommen nicht mehr gewachsen. Nach der Verkehrs~zählung 1975 "
    "befahren täglich rund 4.800 Kraft~fahrzeuge den Abschnitt.",
    "Die Fahrbahn ist nur 5,50 m breit; Rad~wege fehlen ganz. Im vergangenen Jahr ereigneten "
    "sich auf der Strecke elf Unfälle mit Personen~schaden. Der Ausbau ist daher dringend "
    "geboten, zumal das Land eine Zuwendung nach dem Gemeinde~verkehrs~finanzierungs~gesetz in "
    "Aussicht gestellt hat.",
]
BESCHLUSS = [
    "Der Kreisausschuß beschließt den Ausbau der K 17 zwischen Ahlen und Vorhelm auf einer "
    "Länge von 3,2 km nach dem Entwurf des Kreis~bauamtes.",
    "Die Verwaltung wird beauftragt, die Arbeiten öffentlich auszuschreiben.",
]


def build() -> Doc:
    rng = random.Random(f"{LAYOUT}-0")
    spec = DocSpec(town="Warendorf", year=1976, vorlagenart="Beschlußvorlage", nummer="123/76",
                   n_folge=2, n_begr=1, bullets=False, topic="strassenausbau")
    doc = make_doc(rng, spec)
    doc.datum = dt.date(1976, 4, 2)
    doc.aktenzeichen = "66/2-17"
    doc.federfuehrung = "Kreisbauamt"
    doc.hinweis = None
    doc.betreff = fill("Ausbau der Kreis~straße 17 (Ahlen - Vorhelm)", {})
    doc.betreff_hier = fill("hier: Bereit~stellung der Haushalts~mittel", {})
    doc.beratungsfolge = [Folge("Kreisausschuß", dt.date(1976, 4, 14), None, None, None),
                          Folge("Kreistag", dt.date(1976, 5, 3), None, None, None)]
    doc.beschluss = [Para(fill(t, {})) for t in BESCHLUSS]
    doc.begruendung = [Para(old(fill(t, {}))) for t in BEGR]
    doc.finanzen = [Para(fill("Die Kosten von 2.350.000 DM sind im Haushalts~plan 1976 bei "
                              "Haushalts~stelle 6500.9500 veranschlagt.", {}))]
    doc.anlagen = ["Lageplan M 1:5000"]
    # The place and date head the letter; the signature block has neither.
    doc.unterz = Unterz(None, None, "Dr. Heckmann")
    doc.signer_title = "Der Oberkreisdirektor"
    # the stamp's boxes are empty in the PDF; scans.py ticks two by hand and fills this in
    doc.ergebnisse = [Ergebnis(einstimmig=False, mit_stimmenmehrheit=False,
                               laut_beschlussvorschlag=False, abweichender_beschluss=False)]
    return doc


def _stamp(flow: Flow) -> None:
    """A rubber stamp: slightly grey Helvetica, a frame, drawn boxes."""
    g = flow.g
    fs = 8.0
    box = 8.5
    flow.gap(18)
    flow.ensure(80)
    top = flow.y
    x0 = g.left + g.content_width * 0.35
    flow.text(x0 + 6, top + 13, "Beschluß des Kreisausschusses", "Helvetica-Bold", 9)
    path = "beratungsergebnis[0]"
    rows: list[list[tuple[str, str | None]]] = [[("wie vorgeschlagen", "laut_beschlussvorschlag"),
             ("mit Änderungen", "abweichender_beschluss")],
            [("einstimmig", "einstimmig"), ("mit Mehrheit", "mit_stimmenmehrheit"),
             ("abgelehnt", None)]]
    y = top + 22
    for row in rows:
        x = x0 + 8
        for label, key in row:
            vector_box(flow, x, y, box, False, "x", label, f"{path}.{key}" if key else None,
                       lw=0.7)
            flow.text(x + box + 3, y + box - 1.5, label, "Helvetica", fs)
            x += box + 3 + width(label, "Helvetica", fs) + 14
        y += box + 9
    w = flow.text(x0 + 8, y + box - 1.5, "Datum:", "Helvetica", fs)
    flow.line(x0 + 8 + w + 3, y + box, x0 + 8 + w + 80, y + box, lw=0.5)
    flow.rect(x0, top, g.x1, y + box + 8, lw=0.9)
    flow.y = y + box + 14


def render(doc: Doc, path: Path) -> Rendered:
    rng = random.Random(f"{LAYOUT}-look")
    look = random_look(rng, ["courier"], size=(10.0, 10.0), justify=False, hyphenate=False,
                       leading=12.0)
    flow = TypewriterFlow(look.geometry, seed=f"{LAYOUT}-jitter")
    g = flow.g
    s, lead = look.size, look.leading
    font = look.regular

    def typed(text: str, x: float | None = None) -> None:
        flow.paragraph(text, font, s, lead, x=x, hyphenate=False)

    y = g.top + s
    for line in ("KREIS WARENDORF", "Der Oberkreisdirektor", doc.federfuehrung or "",
                 f"Az.: {doc.aktenzeichen}"):
        flow.text(g.left, y, line, font, s)
        y += lead
    right = g.left + g.content_width * 0.56
    assert doc.datum is not None
    flow.text(right, g.top + s, f"Warendorf, den {fmt_date(doc.datum, 'nopad')}", font, s)
    flow.text(right, g.top + s + 2 * lead, f"Vorlage Nr. {doc.vorlagennummer}", font, s)
    flow.y = y + lead
    title = doc.vorlagenart or ""
    tx = g.left + (g.content_width - width(title, font, s)) / 2
    flow.text(tx, flow.y + s, title, font, s)
    flow.text(tx, flow.y + s + 2, "_" * len(title), font, s)
    flow.y += lead * 2
    typed("Beratungsfolge:")
    for number, f in enumerate(doc.beratungsfolge, 1):
        date = fmt_date(f.sitzung_am) if f.sitzung_am else ""
        typed(f"{number}. {f.gremium} am {date}", x=g.left + width("    ", font, s))
    flow.gap(lead)
    indent = g.left + width("Bezug: ", font, s)
    flow.text(g.left, flow.y + s, "Betr.:", font, s)
    typed(doc.betreff or "", x=indent)
    if doc.betreff_hier:
        typed(doc.betreff_hier, x=indent)
    flow.gap(lead * 0.5)
    flow.text(g.left, flow.y + s, "Bezug:", font, s)
    typed("Beschluß des Kreistages vom 12.3.1975 - Vorlage Nr. 41/75 -", x=indent)
    flow.gap(lead)
    typed("Beschlußvorschlag:")
    flow.gap(lead * 0.3)
    for para in doc.beschluss:
        typed(para.text)
        flow.gap(lead * 0.3)
    flow.gap(lead * 0.7)
    typed("Begründung:")
    flow.gap(lead * 0.3)
    for para in doc.begruendung:
        typed(para.text)
        flow.gap(lead * 0.5)
    typed("Finanzielle Auswirkungen: " + " ".join(p.text for p in doc.finanzen))
    flow.gap(lead * 0.5)
    typed(f"Anlage: {doc.anlagen[0]}")
    flow.gap(lead)
    x = g.left + g.content_width * 0.5
    for line in ("Der Oberkreisdirektor", "In Vertretung", "", f"({doc.unterz.name})"):
        if not line:
            flow.anchor("signature", [x, flow.y - 4, x + 110, flow.y + lead])
        flow.text(x, flow.y + s, line, font, s)
        flow.y += lead
    _stamp(flow)
    pages = flow.render(path, "typewriter76")
    features = [
        "Courier 10pt typewriter with jitter, 1976",
        "old spelling (Beschluß, Kreisausschuß, DM)",
        "'Warendorf, den 2.4.1976' top right = Datum and place/date of signing",
        "'Bezug:' line with an older decision's date and Vorlage number (distractors)",
        "Beratungsfolge typed as numbered 'Gremium am Datum' lines, no roles",
        "type word underlined with typed underscores",
        "rubber-stamp 'Beschluß des Kreisausschusses' block ticked by hand on the scan "
        "(no Gremium/date printed in it)",
    ]
    return Rendered(path, LAYOUT, doc, flow.checkboxes, pages, features, flow.anchors)


def generate(tmp_dir: Path) -> list[Rendered]:
    return [render(build(), tmp_dir / "typewriter76_01.pdf")]
