"""Layout 11: a Kreistag "Beschlussvorlage" set in two columns: labels left, text right.

Every section label ("Betreff", "Beratungsfolge", "Beschlussvorschlag", "Begründung",
"Finanzielle Auswirkungen", "Anlagen", even "Vorlage-Nr."/"Datum") sits bold and right-aligned
in a narrow left column, its first line on the baseline of the first line of its text in the
right column; labels too wide for the column wrap ("Finanzielle / Auswirkungen", "Beschluss- /
vorschlag"), so a text line and a label line share a baseline. Long texts continue on the next
page without repeating the label.

The Beratungsfolge is a borderless table "TOP | Datum | Gremium | Zuständigkeit" inside the right
column with weekday dates ("Mo, 13.03.2023", "Mo., 13.03.23", "Montag, 13.03.2023"); once the TOP
column reads "Ö 7"/"N 3" (public part, item 7). The Beratungsergebnis is a ruled grid in the
right column, one row per Gremium (name over planned date), whose boolean cells hold box glyphs
of a geometric style ("□"/"⊠", "▢"/"▣"); in the third sample the cells hold only a "✓" when
ticked and nothing otherwise: no printed box, so no checkbox, but the grid still gives the
values. The seat of the Kreis ("Eutin") is the place of signing, not the Kreis's name.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _samples import pools
from _samples.boxes import GLYPH_STYLES, glyph_box
from _samples.common import Look, Rendered, paragraphs, replace_words
from _samples.content import blank_unprinted, fmt_date, make_ergebnis
from _samples.doc import SOFT, Doc, Ergebnis, Para, Unterz
from _samples.flow import Flow, wrap
from _samples.fonts import ink_box, width
from _samples.plans import plan_doc, plan_look, render_plans

LAYOUT = "kreis_einladung"

WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]

PLANS: list[dict[str, Any]] = [
    {
        "kreis": "Kreis Ostholstein",
        "seat": "Eutin",
        "topic": "radverkehr",
        "art": "Beschlussvorlage",
        "nummer": ("Vorlage-Nr.", "VO/{year}/{n:03d}"),
        "amt": "Fachdienst 6.20 – Regionalentwicklung und Verkehr",
        "gremien": ["Ausschuss für Regionalentwicklung, Umwelt und Verkehr", "Hauptausschuss",
                    "Kreistag"],
        "families": ["times"],
        "size": (11.0, 11.0),
        "label_w": 104.0,
        "n_begr": 8,
        "weekday": "short",
        "top_style": "plain",
        "grid": "dejavu_square_x",
        "ticked": [True, True, False],
        "signature": "iv",
        "header": "vorlage_seite",
        "folge_rule": True,
    },
    {
        "kreis": "Werra-Meißner-Kreis",
        "seat": "Eschwege",
        "topic": "modellprojekt",
        "art": "Sitzungsvorlage",
        "nummer": ("Drucksache", "KT-{n:04d}/{year}"),
        "amt": "Fachbereich 1 – Zentrale Dienste, Integration",
        "gremien": ["Kreisausschuss", "Kreistag"],
        "families": ["dejavu_sans"],
        "size": (9.0, 9.0),
        "label_w": 86.0,
        "n_begr": 3,
        "weekday": "dot",
        "top_style": "oe",
        "grid": "dejavu_rounded_dot",
        "ticked": [False, False],
        "signature": None,
        "header": None,
        "folge_rule": False,
    },
    {
        "kreis": "Landkreis Lüneburg",
        "seat": "Lüneburg",
        "topic": "haushalt",
        "art": "Beschlussvorlage",
        "nummer": ("Vorlage", "{year}/{n:04d}"),
        "amt": "Fachbereich 2 – Finanzen und Kreisentwicklung",
        "gremien": ["Finanzausschuss", "Kreisausschuss", "Kreistag"],
        "families": ["dejavu_serif_condensed"],
        "size": (10.5, 10.5),
        "label_w": 128.0,
        "n_begr": 12,
        "weekday": "long",
        "top_style": "plain",
        "grid": "tick_only",
        "grid_at": "full",
        "ticked": [True, False, False],
        "signature": "gez",
        "header": "kreis_seite",
        "folge_rule": True,
    },
]

# Beratungsergebnis grid columns: (header, Ergebnis attribute or None, kind)
GRID_COLUMNS: dict[str, list[tuple[str, str | None, str]]] = {
    "dejavu_square_x": [
        ("einstim~mig", "einstimmig", "bool"),
        ("mehrheit~lich", "mit_stimmenmehrheit", "bool"),
        ("Ja", "ja_stimmen", "count"),
        ("Nein", "nein_stimmen", "count"),
        ("Enth.", "enthaltungen", "count"),
        ("wie Vor~schlag", "laut_beschlussvorschlag", "bool"),
        ("geän~dert", None, "bool"),  # a changed resolution: no field of the contract
        ("abge~lehnt", None, "bool"),
    ],
    "dejavu_rounded_dot": [
        ("einst.", "einstimmig", "bool"),
        ("mehrh.", "mit_stimmenmehrheit", "bool"),
        ("Ja", "ja_stimmen", "count"),
        ("Nein", "nein_stimmen", "count"),
        ("Enth.", "enthaltungen", "count"),
        ("lt. Vorlage", "laut_beschlussvorschlag", "bool"),
        ("abw. Beschl.", "abweichender_beschluss", "bool"),
        ("Kennt~nis", "kenntnisnahme", "bool"),
    ],
    "tick_only": [
        ("einstim~mig", "einstimmig", "bool"),
        ("mit Mehr~heit", "mit_stimmenmehrheit", "bool"),
        ("Ja", "ja_stimmen", "count"),
        ("Nein", "nein_stimmen", "count"),
        ("Enthal~tung", "enthaltungen", "count"),
        ("gem. Vor~schlag", "laut_beschlussvorschlag", "bool"),
        ("abwei~chend", "abweichender_beschluss", "bool"),
        ("Kennt~nis genom~men", "kenntnisnahme", "bool"),
    ],
}
KREIS_WORDS = [
    ("Der Ausschuss für Umwelt, Verkehr und Stadtentwicklung",
     "Der Ausschuss für Regionalentwicklung, Umwelt und Verkehr"),
    ("Der Stadtrat", "Der Kreistag"),
    ("dem Stadtrat", "dem Kreistag"),
    ("Stadtrat", "Kreistag"),
    ("Die Stadt bewirbt", "Der Kreis bewirbt"),
    ("Die Stadt erhält", "Der Kreis erhält"),
    ("Die Stadt hat", "Der Kreis hat"),
    ("für die Gesamtstadt", "für den Kreis"),
    ("Stadtratsfraktion", "Kreistagsfraktion"),
    ("in die Ortsteile", "in die kreisangehörigen Gemeinden"),
    ("städtische Internetseite", "Internetseite des Kreises"),
    ("Stadtentwicklungskonzepts", "Kreisentwicklungskonzepts"),
    ("Rechtsamt", "Rechtsamt des Kreises"),
    ("Ganztagsschulen", "Ganztagsschulen in Kreisträgerschaft"),
    ("Gewerbesteuer", "Kreisumlage"),
    ("Die Hebesätze der Grundsteuer und der Kreisumlage bleiben unverändert.",
     "Der Hebesatz der Kreisumlage bleibt unverändert."),
]


@dataclass(frozen=True)
class Variant:
    look: Look
    plan: dict[str, Any]
    nummer_label: str
    bearbeiter: str

    @property
    def label_x1(self) -> float:
        return self.look.geometry.left + float(self.plan["label_w"])

    @property
    def text_x(self) -> float:
        return self.label_x1 + 14.0


def build(index: int) -> tuple[Doc, Variant]:
    rng = random.Random(f"{LAYOUT}-{index}")
    plan = PLANS[index]
    year = rng.choice([2022, 2023])
    label, pattern = plan["nummer"]
    gremien = list(plan["gremien"])
    doc = plan_doc(rng, plan, town=str(plan["seat"]), year=year, vorlagenart=str(plan["art"]),
                   nummer=pattern.format(year=year, n=rng.randint(9, 420)), n_folge=len(gremien))
    look = plan_look(rng, plan, doc, justify=index == 2)
    doc.federfuehrung = str(plan["amt"])
    doc.aktenzeichen = f"{rng.randint(10, 68)}.{rng.randint(10, 99)}.{rng.randint(1, 20):02d}"
    if index == 1:
        doc.aktenzeichen = None
    doc.hinweis = "Nachtrag zur Tagesordnung" if index == 2 else None
    if index == 0 and doc.betreff_hier is None:
        doc.betreff_hier = "hier: Beschluss des Maßnahmen~katalogs".replace("~", SOFT)
    betreff = replace_words([Para(doc.betreff or ""), Para(doc.betreff_hier or "")], KREIS_WORDS)
    doc.betreff, doc.betreff_hier = betreff[0].text, betreff[1].text or None
    doc.beschluss = replace_words(doc.beschluss, KREIS_WORDS)
    doc.begruendung = replace_words(doc.begruendung, KREIS_WORDS)
    doc.finanzen = replace_words(doc.finanzen, KREIS_WORDS)
    for number, (f, gremium) in enumerate(zip(doc.beratungsfolge, gremien, strict=True)):
        f.gremium = gremium
        if f.sitzung_am and f.sitzung_am.weekday() > 4:  # committees meet on weekdays
            f.sitzung_am += dt.timedelta(days=7 - f.sitzung_am.weekday())
        last = number == len(gremien) - 1
        oe = plan["top_style"] == "oe"
        f.top = None if last and not oe else str(rng.randint(3, 14))
        if oe:
            f.oeffentlich = (number != 0) if f.top else None
        else:
            f.oeffentlich = None
    doc.ergebnisse = [_ergebnis(rng, doc, number, plan) for number in range(len(gremien))]
    name = doc.unterz.name or ""
    female = pools.is_female(name)
    if plan["signature"] == "iv":
        doc.signer_title = "Erste Kreisbeigeordnete" if female else "Erster Kreisbeigeordneter"
        doc.unterz = Unterz(str(plan["seat"]), doc.datum, name)
    elif plan["signature"] == "gez":
        doc.signer_title = "Landrätin" if female else "Landrat"
        doc.unterz = Unterz(None, None, name)
    else:
        doc.unterz = Unterz()
    bearbeiter = rng.choice(("Frau Nußbaum", "Herr Größler", "Frau Düßel"))
    return doc, Variant(look, plan, str(label), bearbeiter)


def _ergebnis(rng: random.Random, doc: Doc, number: int, plan: dict[str, Any]) -> Ergebnis:
    folge = doc.beratungsfolge[number]
    ticked = bool(plan["ticked"][number])
    printed = {attr for _, attr, _ in GRID_COLUMNS[str(plan["grid"])] if attr}
    e = make_ergebnis(rng, folge, ticked, public_boxes=False, art=doc.vorlagenart or "")
    e.sitzung_am = folge.sitzung_am  # the grid prints the planned date in every row
    e.top = None  # no TOP column in the grid
    blank_unprinted(e, printed)
    return e


# -- drawing -------------------------------------------------------------------------------------


def _weekday_date(d: dt.date | None, style: str) -> str:
    if d is None:
        return ""
    day = WEEKDAYS[d.weekday()]
    if style == "short":  # "Mo, 13.03.2023"
        return f"{day[:2]}, {fmt_date(d)}"
    if style == "dot":  # "Mo., 13.03.23"
        return f"{day[:2]}., {fmt_date(d, 'dm_y2')}"
    return f"{day}, {fmt_date(d)}"  # "Montag, 13.03.2023"


def _label(flow: Flow, label: str, v: Variant, top: float) -> float:
    """Right-aligned bold label lines from ``top``; returns the bottom of the last line."""
    look = v.look
    lines = wrap(label.replace("~", SOFT), look.bold, look.size, float(v.plan["label_w"]),
                 hyphenate=True)
    for number, words in enumerate(lines):
        flow.text(v.label_x1, top + look.size + number * look.leading, " ".join(words),
                  look.bold, look.size, align="right")
    return top + len(lines) * look.leading


def _row(flow: Flow, label: str, v: Variant, body: Callable[[], None],
         gap: float | None = None) -> None:
    """A label in the left column beside its body in the right column, first lines level."""
    look = v.look
    flow.gap(look.leading * 0.9 if gap is None else gap)
    flow.ensure(look.leading * 3)
    page, top = flow.page, flow.y
    bottom = _label(flow, label, v, top)
    body()
    if flow.page == page:
        flow.y = max(flow.y, bottom)


def _value(flow: Flow, text: str, v: Variant, bold: bool = False) -> None:
    look = v.look
    flow.paragraph(text, look.bold if bold else look.regular, look.size, look.leading,
                   x=v.text_x, hyphenate=look.hyphenate)


def _letterhead(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    flow.text(v.text_x, g.top + 15, str(v.plan["kreis"]), look.bold, 15)
    chief = "Die Landrätin" if doc.signer_title == "Landrätin" else "Der Landrat"
    flow.text(v.text_x, g.top + 29, chief, look.regular, look.size)
    flow.text(g.x1, g.top + 15, doc.vorlagenart or "", look.bold, 15, align="right")
    flow.y = g.top + 52
    rows: list[tuple[str, str]] = [(v.nummer_label, doc.vorlagennummer or "")]
    rows.append(("Datum", fmt_date(doc.datum) if doc.datum else ""))
    rows.append(("Federführung", doc.federfuehrung or ""))
    if doc.aktenzeichen:
        rows.append(("Aktenzeichen", doc.aktenzeichen))
    rows.append(("Bearbeitung", v.bearbeiter))
    if doc.hinweis:
        rows.append(("Hinweis", doc.hinweis))
    for label, value in rows:
        _row(flow, label, v, functools.partial(_value, flow, value, v), gap=look.leading * 0.15)


def _betreff(flow: Flow, doc: Doc, v: Variant) -> None:
    def body() -> None:
        _value(flow, doc.betreff or "", v, bold=True)
        if doc.betreff_hier:
            _value(flow, doc.betreff_hier, v)

    _row(flow, "Betreff", v, body, gap=v.look.leading * 1.3)


def _folge(flow: Flow, doc: Doc, v: Variant) -> None:
    """A borderless table in the right column."""
    look = v.look
    g = flow.g
    size = look.size - 0.5
    lead = size * 1.3
    style = str(v.plan["weekday"])
    top_style = str(v.plan["top_style"])

    def top_text(f: Any) -> str:
        if not f.top:
            return ""
        if top_style == "oe":
            return f"{'Ö' if f.oeffentlich else 'N'} {f.top}"
        return str(f.top)

    rows = [["TOP", "Datum", "Gremium", "Zuständigkeit"]] + [
        [top_text(f), _weekday_date(f.sitzung_am, style), f.gremium, f.zustaendigkeit or ""]
        for f in doc.beratungsfolge
    ]
    w_top = max(width(r[0], look.bold, size) for r in rows) + 10
    w_date = max(width(r[1], look.regular, size) for r in rows) + 12
    w_zust = max(width(r[3], look.regular, size) for r in rows) + 4
    w_grem = g.x1 - v.text_x - w_top - w_date - w_zust
    xs = [v.text_x, v.text_x + w_top, v.text_x + w_top + w_date, g.x1 - w_zust]

    def body() -> None:
        for r, row in enumerate(rows):
            font = look.bold if r == 0 else look.regular
            lines = wrap(row[2], font, size, w_grem - 10, hyphenate=False)
            flow.ensure(lead * len(lines))
            base = flow.y + size
            for k, (cell, x) in enumerate(zip(row, xs, strict=True)):
                if k == 2:
                    for n, words in enumerate(lines):
                        flow.text(x, base + n * lead, " ".join(words), font, size)
                else:
                    flow.text(x, base, cell, font, size)
            flow.y += lead * len(lines) + (2 if r == 0 else 1)
            if r == 0 and v.plan["folge_rule"]:
                flow.line(v.text_x, flow.y - 1, g.x1, flow.y - 1, lw=0.4)
                flow.y += 2

    _row(flow, "Beratungs~folge", v, body, gap=look.leading * 1.1)


def _segments(header: str) -> list[str]:
    """The pieces a header can be broken into: words, and words at their soft hyphens."""
    out = []
    for word in header.split():
        parts = word.split(SOFT)
        out += [p + "-" for p in parts[:-1]] + [parts[-1]]
    return out


def _grid(flow: Flow, doc: Doc, v: Variant) -> None:
    """The ruled Beratungsergebnis grid; in the right column, or below its label at full width
    when the right column is too narrow. The font shrinks until Gremium gets 28 % of the width."""
    look = v.look
    g = flow.g
    kind = str(v.plan["grid"])
    columns = [(h.replace("~", SOFT), a, k) for h, a, k in GRID_COLUMNS[kind]]
    full = v.plan.get("grid_at") == "full"
    x0 = g.left if full else v.text_x
    total = g.x1 - x0
    pad = 2.5
    fs = look.size - 2.0
    while True:
        lead = fs * 1.2
        box = fs + 2.5
        widths = [
            max(max(width(p, look.bold, fs) for p in _segments(h)) + 2 * pad + 2, box + 8)
            for h, _, _ in columns
        ]
        first = total - sum(widths)
        if first >= total * 0.28 or fs <= 6.0:
            break
        fs -= 0.5
    widths.insert(0, first)
    head_lines = [wrap(h, look.bold, fs, w - 2 * pad, hyphenate=True)
                  for (h, _, _), w in zip(columns, widths[1:], strict=True)]
    head_h = max(2, max(len(lines) for lines in head_lines)) * lead + 2 * pad
    style = str(v.plan["weekday"])
    row_texts = []
    for e in doc.ergebnisse:
        lines = wrap(e.gremium or "", look.regular, fs, first - 2 * pad, hyphenate=False)
        row_texts.append([" ".join(w) for w in lines] + [_weekday_date(e.sitzung_am, style)])
    row_hs = [max(len(t) * lead + 2 * pad, box + 8) for t in row_texts]

    def body() -> None:
        top = flow.y
        edges = [x0]
        for w in widths:
            edges.append(edges[-1] + w)
        flow.rect(x0, top, g.x1, top + head_h, lw=0, fill_gray=0.9, stroke=False)
        for n, text in enumerate(("Gremium /", "Sitzung")):
            flow.text(x0 + pad, top + pad + fs + n * lead - 0.5, text, look.bold, fs)
        for lines, x, w in zip(head_lines, edges[1:], widths[1:], strict=False):
            y0 = top + head_h - pad - len(lines) * lead
            for n, words in enumerate(lines):
                flow.text(x + w / 2, y0 + fs + n * lead - 0.5, " ".join(words), look.bold, fs,
                          align="center")
        y = top + head_h
        for number, (e, texts, h) in enumerate(zip(doc.ergebnisse, row_texts, row_hs,
                                                   strict=True)):
            for n, text in enumerate(texts):
                flow.text(x0 + pad, y + pad + fs + n * lead - 0.5, text, look.regular, fs)
            for (header, attr, ckind), x, w in zip(columns, edges[1:], widths[1:], strict=False):
                value = getattr(e, attr) if attr else False
                centre = y + h / 2
                if ckind == "count":
                    if value is not None:
                        flow.text(x + w / 2, centre + fs * 0.35, str(value), look.regular, fs,
                                  align="center")
                    if number == 0 and attr:
                        name = {"ja_stimmen": "Ja", "nein_stimmen": "Nein",
                                "enthaltungen": "Enthaltungen"}[attr]
                        flow.anchor(name, [x + 2, y + 2, x + w - 2, y + h - 2])
                    continue
                label = header.replace(SOFT, "")
                if kind == "tick_only":
                    if value:
                        flow.text(x + w / 2, centre + fs * 0.4, "\u2713", "DejaVuSans", fs + 2,
                                  align="center")
                    continue
                font, empty, _, _ = GLYPH_STYLES[kind]
                ink = ink_box(font, empty, box, 0.0, 0.0)
                gx = x + w / 2 - (ink[0] + ink[2]) / 2
                base = centre - (ink[1] + ink[3]) / 2
                field = f"beratungsergebnis[{number}].{attr}" if attr else None
                glyph_box(flow, gx, base, box, bool(value), kind, label, field)
            y += h
        for rule in [top, top + head_h, *[top + head_h + sum(row_hs[: k + 1])
                                          for k in range(len(row_hs))]]:
            flow.line(x0, rule, g.x1, rule, lw=0.5)
        for x in edges:
            flow.line(x, top, x, y, lw=0.5)
        flow.y = y + 4

    flow.gap(look.leading * 1.2)
    flow.ensure(head_h + sum(row_hs) + look.leading * (3 if full else 1) + 6)
    if full:
        _row(flow, "Beratungs~ergebnis", v, lambda: None, gap=0)
        flow.y += look.leading * 0.4
        body()
    else:
        _row(flow, "Beratungs~ergebnis", v, body, gap=0)


def _signature(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    kind = v.plan["signature"]
    if kind is None:
        return
    flow.gap(look.leading * 1.6)
    flow.ensure(look.leading * 6)
    x = v.text_x
    if kind == "iv":
        date = fmt_date(doc.unterz.datum) if doc.unterz.datum else ""
        lines = [f"{doc.unterz.ort}, {date}", "", "In Vertretung", "", "",
                 doc.unterz.name or "", doc.signer_title or ""]
    else:
        lines = [f"gez. {doc.unterz.name}", doc.signer_title or ""]
    for line in lines:
        if line:
            flow.text(x, flow.y + look.size, line, look.regular, look.size)
        flow.y += look.leading


def _decorator(doc: Doc, v: Variant) -> Callable[[Flow, int, int], None]:
    look = v.look
    kind = v.plan["header"]

    def draw(flow: Flow, number: int, total: int) -> None:
        g = flow.g
        fs = max(7.5, look.size - 2)
        if kind == "vorlage_seite":
            if number > 1:
                head = (g.top_next or g.top) - 22
                flow.text(g.x1, head, f"{v.nummer_label} {doc.vorlagennummer}", look.regular, fs,
                          align="right")
            flow.text(g.width / 2, g.height - g.bottom + 30, f"Seite {number} von {total}",
                      look.regular, fs, align="center")
        elif kind == "kreis_seite" and number > 1:
            head = (g.top_next or g.top) - 24
            flow.text(g.left, head, str(v.plan["kreis"]), look.regular, fs)
            flow.text(g.x1, head, f"Seite {number}", look.regular, fs, align="right")
            flow.line(g.left, head + 4, g.x1, head + 4, lw=0.5)

    return draw


def render(doc: Doc, v: Variant, path: Path, index: int) -> Rendered:
    del index
    look = v.look
    plan = v.plan
    flow = Flow(look.geometry, _decorator(doc, v))
    _letterhead(flow, doc, v)
    _betreff(flow, doc, v)
    _folge(flow, doc, v)
    _row(flow, "Beschluss~vorschlag", v,
         lambda: paragraphs(flow, doc.beschluss, look, x=v.text_x), gap=look.leading * 1.1)
    _row(flow, "Begründung", v,
         lambda: paragraphs(flow, doc.begruendung, look, x=v.text_x), gap=look.leading * 1.1)
    _row(flow, "Finanzielle Auswirkungen", v,
         lambda: paragraphs(flow, doc.finanzen, look, x=v.text_x), gap=look.leading * 1.1)

    def anlagen() -> None:
        for number, anlage in enumerate(doc.anlagen, 1):
            flow.paragraph(anlage, look.regular, look.size, look.leading, x=v.text_x,
                           bullet=f"{number}.", hang=14)

    _row(flow, "Anlagen", v, anlagen, gap=look.leading * 1.1)
    _signature(flow, doc, v)
    _grid(flow, doc, v)
    pages = flow.render(path, f"{doc.vorlagenart} {doc.vorlagennummer}")
    ticked = sum(bool(t) for t in plan["ticked"])
    features = [
        f"{look.regular} {look.size}pt",
        f"{pages} page(s)",
        f"labels right-aligned in a {plan['label_w']:.0f} pt left column, text right, "
        "first lines level",
        "wrapped labels (Finanzielle / Auswirkungen)",
        f"borderless Beratungsfolge TOP|Datum|Gremium|Zuständigkeit, weekday dates "
        f"'{plan['weekday']}'",
        f"grid {plan['grid']}, {ticked} of {len(doc.ergebnisse)} rows filled",
    ]
    if plan["top_style"] == "oe":
        features.append("TOP 'Ö 7'/'N 3' gives the public/closed flag")
    if plan["grid"] == "tick_only":
        features.append("ticked cells hold a bare ✓, unticked cells nothing: no checkboxes")
    else:
        symbols = GLYPH_STYLES[str(plan["grid"])]
        features.append(f"geometric box glyphs {symbols[1]}/{symbols[2]}")
    if doc.hinweis:
        features.append("Hinweis as a labelled row")
    if plan["signature"] == "iv":
        features.append("signed at the Kreis seat, not the Kreis name")
    return Rendered(path, LAYOUT, doc, flow.checkboxes, pages, features, flow.anchors)


def generate(out_dir: Path) -> list[Rendered]:
    return render_plans("kreis_einladung", len(PLANS), build, render, out_dir)
