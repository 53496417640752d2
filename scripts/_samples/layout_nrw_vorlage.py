"""Layout 13: an NRW city's "Vorlage der Verwaltung" as exported by an SD.NET/Somacos-like RIS.

City and "Der Oberbürgermeister" top left, the document type top right; a label block
"Drucksachen-Nr.: 1234/2023" / "Dezernat/Amt: V/61" / "Datum: …" (the Dezernat/Amt code is the
Federführung); a ruled table "Beratungsfolge | Sitzungstermin | Behandlung" (once with a
"Status" column "öffentlich"/"nicht öffentlich"), where "Behandlung" reads "Anhörung" (→
Vorberatung), "Vorberatung", "Entscheidung" or "Kenntnisnahme"; the Betreff as a grey shaded bar
with a small "Betreff:" label and the (wrapped) title inside, sometimes with a "hier:" line;
"Beschlussentwurf:", "Begründung:", "Finanzielle Auswirkungen:" with a ruled box table
("☐ Ja ☒ Nein", "Klimarelevanz ☐ positiv ☒ neutral ☐ negativ" — boxes of no output field, so
field null) followed by the finance text; "Anlage(n):" numbered; a signature block; and at the
end a ruled "Beratungsergebnis" table "Gremium | Sitzung | Ergebnis | Ja | Nein | Enth." whose
Ergebnis cell holds WORDS, not boxes.

Convention for the word results (no box is printed, so nothing is false): the result the word
names is true ("einstimmig" → einstimmig, "mehrheitlich" → mit_stimmenmehrheit, "zur Kenntnis
genommen" → kenntnisnahme) and every other result key is null; a word that names no field
("vertagt") and an empty cell leave all result keys null. Counts are the printed numbers, an
empty count cell is null. The Sitzung column prints the planned date in every row, so
sitzung_am is set in every row, as in the kreis_einladung grid.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _samples import pools
from _samples.boxes import glyph_box, lines_box
from _samples.common import Look, Rendered, heading, paragraphs, replace_words
from _samples.content import fmt_date
from _samples.doc import SOFT, Doc, Ergebnis, Unterz
from _samples.flow import Flow, wrap
from _samples.fonts import width
from _samples.plans import plan_doc, plan_look, render_plans
from _samples.tables import Cell, TableStyle, table

LAYOUT = "nrw_vorlage"

PLANS: list[dict[str, Any]] = [
    {
        "city": "Stadt Mönchengladbach",
        "topic": "strassenausbau",
        "art": "Vorlage der Verwaltung",
        "content_art": "Beschlussvorlage",
        "nummer_label": "Drucksachen-Nr.:",
        "amt_label": "Dezernat/Amt:",
        "amt": "V/61",
        "gremien": [("Bezirksvertretung Nord", "Anhörung"),
                    ("Ausschuss für Planung, Bauen und Denkmalschutz", "Vorberatung"),
                    ("Rat der Stadt", "Entscheidung")],
        "families": ["helvetica"],
        "size": (10.0, 10.0),
        "n_begr": 9,
        "status_col": False,
        "boxes": "dejavu_x",
        "results": [("einstimmig", None), ("mehrheitlich", (12, 3, 1)), (None, None)],
        "signature": "iv",
        "force_hier": True,
    },
    {
        "city": "Stadt Lüdenscheid",
        "topic": "modellprojekt",
        "art": "Mitteilungsvorlage",
        "content_art": "Mitteilungsvorlage",
        "nummer_label": "Drucksachen-Nr.:",
        "amt_label": "Dezernat/Amt:",
        "amt": "I/10",
        "gremien": [("Haupt- und Finanzausschuss", "Kenntnisnahme"),
                    ("Rat der Stadt", "Kenntnisnahme")],
        "families": ["times"],
        "size": (11.0, 11.0),
        "n_begr": 2,
        "status_col": False,
        "boxes": "lines",
        "results": [(None, None), (None, None)],
        "signature": "gez",
        "force_hier": False,
    },
    {
        "city": "Stadt Mülheim an der Ruhr",
        "topic": "kita",
        "art": "Beschlussvorlage",
        "content_art": "Beschlussvorlage",
        "nummer_label": "Vorlagen-Nr.:",
        "amt_label": "Dezernat/Amt:",
        "amt": "IV/51 Amt für Kinder, Jugend und Schule",
        "gremien": [("Bezirksvertretung 2", "Anhörung"),
                    ("Jugendhilfeausschuss", "Vorberatung"),
                    ("Rat der Stadt", "Beschluss")],
        "families": ["dejavu_condensed"],
        "size": (9.5, 9.5),
        "n_begr": 12,
        "status_col": True,
        "boxes": "zapf_box_ballot",
        "results": [("zur Kenntnis genommen", None), ("einstimmig", (15, 0, 0)),
                    ("vertagt", None)],
        "signature": "gez",
        "force_hier": True,
    },
]

BEHANDLUNG = {"Anhörung": "Vorberatung", "Vorberatung": "Vorberatung",
              "Entscheidung": "Entscheidung", "Beschluss": "Entscheidung",
              "Kenntnisnahme": "Kenntnisnahme"}
RESULT_KEY = {"einstimmig": "einstimmig", "mehrheitlich": "mit_stimmenmehrheit",
              "zur Kenntnis genommen": "kenntnisnahme"}


@dataclass(frozen=True)
class Variant:
    look: Look
    plan: dict[str, Any]
    behandlung: list[str]
    words: list[str | None]
    counts: list[tuple[int, int, int] | None]


def build(index: int) -> tuple[Doc, Variant]:
    rng = random.Random(f"{LAYOUT}-{index}")
    plan = PLANS[index]
    year = 2023
    gremien = [g for g, _ in plan["gremien"]]
    doc = plan_doc(rng, plan, town=str(plan["city"]).removeprefix("Stadt "), year=year,
                   vorlagenart=str(plan["content_art"]),
                   nummer=f"{rng.randint(100, 2400):04d}/{year}", n_folge=len(gremien),
                   bullets=index != 1)
    doc.vorlagenart = str(plan["art"])
    doc.beschluss = replace_words(doc.beschluss, [("Der Stadtrat", "Der Rat der Stadt"),
                                                  ("dem Stadtrat", "dem Rat der Stadt"),
                                                  ("Stadtrat", "Rat")])
    doc.begruendung = replace_words(doc.begruendung, [("Stadtrat", "Rat der Stadt")])
    look = plan_look(rng, plan, doc, justify=index == 2)
    doc.federfuehrung = str(plan["amt"])
    doc.aktenzeichen = None
    doc.hinweis = None
    if plan["force_hier"] and doc.betreff_hier is None:
        doc.betreff_hier = "hier: Beschluss über die Durch~führung".replace("~", SOFT)
    if not plan["force_hier"]:
        doc.betreff_hier = None
    if plan["content_art"] == "Mitteilungsvorlage":
        doc.beschluss = []
        doc.begruendung = doc.begruendung[:2]
    behandlung = [b for _, b in plan["gremien"]]
    for f, gremium, printed in zip(doc.beratungsfolge, gremien, behandlung, strict=True):
        f.gremium = gremium
        f.zustaendigkeit = BEHANDLUNG[printed]
        f.top = None
        if not plan["status_col"]:
            f.oeffentlich = None
        elif f.oeffentlich is None:
            f.oeffentlich = True
    words = [w for w, _ in plan["results"]]
    counts = [c for _, c in plan["results"]]
    doc.ergebnisse = []
    for f, word, count in zip(doc.beratungsfolge, words, counts, strict=True):
        e = Ergebnis(gremium=f.gremium, sitzung_am=f.sitzung_am)
        if word in RESULT_KEY:
            setattr(e, RESULT_KEY[word], True)
        if count:
            e.ja_stimmen, e.nein_stimmen, e.enthaltungen = count
        doc.ergebnisse.append(e)
    name = doc.unterz.name or ""
    female = pools.is_female(name)
    if plan["signature"] == "iv":
        doc.signer_title = "Beigeordnete" if female else "Beigeordneter"
    else:
        doc.signer_title = "Oberbürgermeisterin" if female else "Oberbürgermeister"
    doc.unterz = Unterz(None, None, name)
    return doc, Variant(look, plan, behandlung, words, counts)


# -- drawing -------------------------------------------------------------------------------------


def _head(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    y = g.top + 14
    flow.text(g.left, y, str(v.plan["city"]), look.bold, 14)
    flow.text(g.x1, y, doc.vorlagenart or "", look.bold, 13, align="right")
    y += 15
    chief = "Die Oberbürgermeisterin" if doc.signer_title == "Oberbürgermeisterin" \
        else "Der Oberbürgermeister"
    flow.text(g.left, y, chief, look.regular, look.size)
    if v.plan["status_col"]:
        flow.text(g.x1, y, "öffentlich", look.regular, look.size, align="right")
    y += 26
    rows = [(str(v.plan["nummer_label"]), doc.vorlagennummer or ""),
            (str(v.plan["amt_label"]), doc.federfuehrung or ""),
            ("Datum:", fmt_date(doc.datum) if doc.datum else "")]
    value_x = g.left + max(width(label, look.bold, look.size) for label, _ in rows) + 10
    for label, value in rows:
        flow.text(g.left, y, label, look.bold, look.size)
        flow.text(value_x, y, value, look.regular, look.size)
        y += look.leading
    flow.y = y + look.leading * 0.3


def _folge(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    style = TableStyle(look.regular, look.bold, look.size - 0.5, header_fill=0.9)
    headers = ["Beratungsfolge", "Sitzungstermin", "Behandlung"]
    if v.plan["status_col"]:
        headers.append("Status")
    rows: list[list[Cell]] = [list(headers)]
    for f, behandlung in zip(doc.beratungsfolge, v.behandlung, strict=True):
        row: list[Cell] = [f.gremium, fmt_date(f.sitzung_am) if f.sitzung_am else "", behandlung]
        if v.plan["status_col"]:
            row.append("öffentlich" if f.oeffentlich else "nicht öffentlich")
        rows.append(row)
    fixed = [78.0, 74.0] + ([70.0] if v.plan["status_col"] else [])
    widths = [g.content_width - sum(fixed), *fixed]
    flow.gap(look.leading * 0.6)
    table(flow, g.left, widths, rows, style)


def _betreff_bar(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    pad = 5.0
    size = look.size + 1
    lead = size * 1.25
    inner = g.content_width - 2 * pad
    n = len(wrap(doc.betreff or "", look.bold, size, inner, look.hyphenate))
    if doc.betreff_hier:
        n += len(wrap(doc.betreff_hier, look.regular, size, inner, look.hyphenate))
    height = pad * 2 + look.size * 1.3 + n * lead
    flow.gap(look.leading)
    flow.ensure(height)
    top = flow.y
    flow.rect(g.left, top, g.x1, top + height, lw=0, fill_gray=0.82, stroke=False)
    flow.text(g.left + pad, top + pad + look.size - 1.5, "Betreff:", look.bold, look.size - 1.5)
    flow.y = top + pad + look.size * 1.3
    flow.paragraph(doc.betreff or "", look.bold, size, lead, x=g.left + pad, max_width=inner,
                   hyphenate=look.hyphenate)
    if doc.betreff_hier:
        flow.paragraph(doc.betreff_hier, look.regular, size, lead, x=g.left + pad,
                       max_width=inner, hyphenate=look.hyphenate)
    flow.y = top + height + 4


def _box_cell(items: list[tuple[str, bool]], v: Variant) -> Callable[[Flow, float, float, float,
                                                                       float], None]:
    look = v.look
    kind = str(v.plan["boxes"])

    def draw(flow: Flow, x: float, top: float, w: float, h: float) -> None:
        del w
        size = look.size - 0.5
        baseline = top + h / 2 + size * 0.35
        cx = x + 5
        for label, checked in items:
            if kind == "lines":
                box = size * 0.85
                lines_box(flow, cx, baseline - box + 0.5, box, checked, "x", label, None)
                adv = box
            else:
                adv = glyph_box(flow, cx, baseline + 0.5, size + 1, checked, kind, label, None)
            flow.text(cx + adv + 3, baseline, label, look.regular, size)
            cx += adv + 3 + width(label, look.regular, size) + 14

    return draw


def _finanzen(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    heading(flow, "Finanzielle Auswirkungen:", look, before=look.leading)
    costly = bool(doc.finanzen) and not doc.finanzen[0].text.startswith("Keine")
    style = TableStyle(look.regular, look.bold, look.size - 0.5, header_fill=None)
    if v.plan["boxes"] == "lines":
        rows: list[list[Cell]] = [
            ["Es entstehen finanzielle Auswirkungen",
             _box_cell([("ja", costly), ("nein", not costly)], v)],
            ["Mittel im Haushalt veranschlagt",
             _box_cell([("ja", False), ("nein", False), ("entfällt", True)], v)],
        ]
    else:
        rows = [
            ["Finanzielle Auswirkungen", _box_cell([("Ja", costly), ("Nein", not costly)], v)],
            ["Klimarelevanz",
             _box_cell([("positiv", False), ("neutral", True), ("negativ", False)], v)],
        ]
    w0 = g.content_width * 0.45
    table(flow, g.left, [w0, g.content_width - w0], rows, style, header_rows=0,
          min_height=look.size * 1.9)
    flow.gap(look.leading * 0.6)
    paragraphs(flow, doc.finanzen, look)


def _anlagen(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    heading(flow, "Anlage(n):", look, before=look.leading)
    for number, anlage in enumerate(doc.anlagen, 1):
        flow.paragraph(anlage, look.regular, look.size, look.leading, bullet=f"{number}.", hang=16)


def _signature(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    flow.gap(look.leading * 1.5)
    flow.ensure(look.leading * 5)
    lines = (["In Vertretung", "", "", doc.unterz.name or "", doc.signer_title or ""]
             if v.plan["signature"] == "iv" else [f"gez. {doc.unterz.name}", doc.signer_title or ""])
    for line in lines:
        if line:
            flow.text(flow.g.left, flow.y + look.size, line, look.regular, look.size)
        flow.y += look.leading


def _ergebnis(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    style = TableStyle(look.regular, look.bold, look.size - 1, header_fill=0.9, center_from=3)
    rows: list[list[Cell]] = [["Gremium", "Sitzung", "Ergebnis", "Ja", "Nein", "Enth."]]
    for e, word, count in zip(doc.ergebnisse, v.words, v.counts, strict=True):
        nums = [str(c) for c in count] if count else ["", "", ""]
        rows.append([e.gremium, fmt_date(e.sitzung_am) if e.sitzung_am else "", word or "",
                     *nums])
    fixed = [58.0, 96.0, 30.0, 30.0, 32.0]
    widths = [g.content_width - sum(fixed), *fixed]
    flow.gap(look.leading * 1.5)
    flow.ensure(look.leading * 2 + 22 * len(rows))
    flow.text(g.left, flow.y + look.size, "Beratungsergebnis", look.bold, look.size + 1)
    flow.y += look.leading * 1.4
    table(flow, g.left, widths, rows, style)


def _decorator(doc: Doc, v: Variant) -> Callable[[Flow, int, int], None]:
    look = v.look

    def draw(flow: Flow, number: int, total: int) -> None:
        g = flow.g
        fs = max(7.5, look.size - 2)
        y = g.height - g.bottom + 30
        flow.line(g.left, y - 10, g.x1, y - 10, lw=0.3)
        flow.text(g.left, y, f"{v.plan['nummer_label'].rstrip(':')} {doc.vorlagennummer}",
                  look.regular, fs)
        flow.text(g.x1, y, f"Seite {number} von {total}", look.regular, fs, align="right")
        if number > 1 and v.plan["status_col"]:
            head = (g.top_next or g.top) - 22
            flow.text(g.left, head, f"{v.plan['city']} – {doc.vorlagenart}", look.regular, fs)

    return draw


def render(doc: Doc, v: Variant, path: Path, index: int) -> Rendered:
    del index
    look = v.look
    plan = v.plan
    flow = Flow(look.geometry, _decorator(doc, v))
    _head(flow, doc, v)
    _folge(flow, doc, v)
    _betreff_bar(flow, doc, v)
    if doc.beschluss:
        heading(flow, "Beschlussentwurf:", look, before=look.leading)
        paragraphs(flow, doc.beschluss, look)
    heading(flow, "Begründung:", look, before=look.leading)
    paragraphs(flow, doc.begruendung, look)
    _finanzen(flow, doc, v)
    _anlagen(flow, doc, v)
    _signature(flow, doc, v)
    _ergebnis(flow, doc, v)
    pages = flow.render(path, f"{doc.vorlagenart} {doc.vorlagennummer}")
    filled = sum(w is not None for w in v.words)
    features = [
        f"{look.regular} {look.size}pt",
        f"{pages} page(s)",
        f"label block '{plan['nummer_label']}' / 'Dezernat/Amt:' (code = Federführung)",
        "ruled Beratungsfolge|Sitzungstermin|Behandlung table"
        + (" with Status column" if plan["status_col"] else ""),
        f"Behandlung words {sorted(set(v.behandlung))} ('Anhörung'→Vorberatung, "
        "'Beschluss'→Entscheidung)",
        "Betreff in a grey shaded bar" + (" with 'hier:' line" if doc.betreff_hier else ""),
        f"finance box table ({plan['boxes']}), boxes map to no field",
        f"Beratungsergebnis table with result WORDS, {filled} of {len(v.words)} rows filled; "
        "convention: the named result true, other result keys null (no boxes printed); "
        "'vertagt'/empty → all null; sitzung_am = planned date printed in every row",
        "footer 'Nr … / Seite n von N' on every page",
    ]
    if not doc.beschluss:
        features.append("Mitteilungsvorlage without Beschlussentwurf")
    if "vertagt" in v.words:
        features.append("'vertagt' names no field")
    return Rendered(path, LAYOUT, doc, flow.checkboxes, pages, features)


def generate(out_dir: Path) -> list[Rendered]:
    return render_plans("nrw_vorlage", len(PLANS), build, render, out_dir)
