"""Layout 7: a SessionNet/Somacos-like Drucksache (Beschluss-, Mitteilungsvorlage, Antrag).

Bold document type, a ruled two-column header table (label cell | value cell per row:
"Drucksachennummer", "Fachbereich", "Datum", "Aktenzeichen"; once with the Betreff as a table
row, once with an "Antragsteller" row that is not the Federführung), a ruled Beratungsfolge
with "Status" (Ö/N) and "Zuständigkeit" columns, numbered Beschlussvorschlag points,
"Sachdarstellung:", glyph checkboxes (DejaVu "☐", ticked by a separate, smaller "✔" printed
over the box), a framed Beratungsergebnis with inline counts ("mit 12 Ja-Stimmen") and a
running header "Drucksache 2021/123 – Seite 2" on continuation pages.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _samples import pools
from _samples.boxes import glyph_overprint_box
from _samples.common import Look, Rendered, betreff_beside, paragraphs
from _samples.content import fmt_date, make_ergebnis
from _samples.doc import Doc, Ergebnis, Para
from _samples.flow import Flow, wrap
from _samples.fonts import width
from _samples.plans import plan_doc, plan_look, render_plans
from _samples.tables import Cell, TableStyle, table

LAYOUT = "sessionnet"

FACHBEREICHE = [
    "Fachbereich 3 – Finanzen und Beteiligungen",
    "FB 5 Jugend, Familie, Soziales",
    "Fachbereich 6 – Planen, Bauen, Umwelt",
    "Fachbereich 2: Bürgerdienste",
    "FB 1 Zentrale Steuerung",
]

PLANS: list[dict[str, Any]] = [
    {
        "topic": "kita",
        "art": "Beschlussvorlage",
        "families": ["dejavu_sans"],
        "size": (10.0, 10.0),
        "n_begr": 13,
        "n_folge": 3,
        "header": "right",
        "betreff": "label",
        "folge_cols": ["status", "datum", "gremium", "zust"],
        "beschluss_heading": "Beschlussvorschlag:",
        "begr_heading": "Sachdarstellung:",
        "finanz_boxes": True,
        "anlagen_heading": "Anlagen:",
        "hinweis": True,
        "ergebnis": "ticked",
        "signature": None,
        "nummer": "year_slash",
    },
    {
        "topic": "modellprojekt",
        "art": "Mitteilungsvorlage",
        "families": ["times"],
        "size": (12.0, 12.0),
        "n_begr": 2,
        "n_folge": 2,
        "header": "full",
        "betreff": "row",
        "folge_cols": ["datum", "gremium", "zust", "status"],
        "beschluss_heading": "Beschlußvorschlag:",
        "begr_heading": "Sachdarstellung:",
        "finanz_boxes": True,
        "anlagen_heading": "Anlage(n):",
        "hinweis": False,
        "ergebnis": "blank",
        "signature": "gez",
        "nummer": "slash_year2",
    },
    {
        "topic": "radverkehr",
        "art": "Antrag",
        "families": ["dejavu_serif_condensed"],
        "size": (9.5, 9.5),
        "n_begr": 9,
        "n_folge": 3,
        "header": "right",
        "betreff": "label",
        "folge_cols": ["status", "datum", "gremium", "zust"],
        "beschluss_heading": "Beschlussvorschlag:",
        "begr_heading": "Begründung:",
        "finanz_boxes": False,
        "anlagen_heading": None,
        "hinweis": False,
        "ergebnis": "ticked",
        "signature": "fraktion",
        "nummer": "year_slash",
    },
]
FOLGE_HEADS = {"status": "Status", "datum": "Datum", "gremium": "Gremium", "zust": "Zuständigkeit"}


@dataclass(frozen=True)
class Variant:
    look: Look
    plan: dict[str, Any]
    fraktion: str


def build(index: int) -> tuple[Doc, Variant]:
    rng = random.Random(f"{LAYOUT}-{index}")
    plan = PLANS[index]
    year = rng.choice([2021, 2022, 2023])
    n = rng.randint(17, 480)
    nummer = f"{year}/{n:03d}" if plan["nummer"] == "year_slash" else f"{n:04d}/{year % 100:02d}"
    art = str(plan["art"])
    doc = plan_doc(rng, plan, town=rng.choice(["Weißenfels", "Fürth", "Überlingen", "Lüdenscheid"]),
                   year=year, vorlagenart=art, nummer=nummer)
    look = plan_look(rng, plan, doc, justify=False)
    variant = Variant(look, plan, rng.choice(pools.FRAKTIONEN))
    doc.federfuehrung = rng.choice(FACHBEREICHE) if art != "Antrag" else None
    if art == "Antrag":
        doc.aktenzeichen = None
        doc.finanzen = []
        doc.anlagen = []
    doc.hinweis = "Nachtrag zur Tagesordnung" if plan["hinweis"] else None
    if art == "Mitteilungsvorlage":
        doc.beschluss = [Para("Der Bericht der Verwaltung wird zur Kenntnis genommen.")]
    else:
        doc.beschluss = [Para(p.text, f"{k}.") for k, p in enumerate(doc.beschluss, 1)]
        if len(doc.beschluss) == 1:
            doc.beschluss.append(
                Para("Die Verwaltung wird beauftragt, dem Ausschuss jährlich zu berichten.", "2.")
            )
    if index == 2:  # a closed preliminary session
        doc.beratungsfolge[0].oeffentlich = False
    for f in doc.beratungsfolge:
        f.top = None
        if f.oeffentlich is None:
            f.oeffentlich = True
    folge = doc.beratungsfolge[0]
    if plan["ergebnis"] == "ticked":
        e = make_ergebnis(rng, folge, True, public_boxes=False, art=art)
    else:
        e = make_ergebnis(rng, None, False, public_boxes=False, art=art)
    e.stellungnahme_beigefuegt = None
    doc.ergebnisse = [e]
    if plan["signature"] is None:
        doc.unterz.ort = doc.unterz.datum = doc.unterz.name = None
    else:
        doc.unterz.ort = doc.unterz.datum = None
    if plan["signature"] == "fraktion":
        doc.signer_title = "Fraktionsvorsitz"
    return doc, variant


# -- header --------------------------------------------------------------------------------------


def _kv_table(
    flow: Flow,
    x0: float,
    widths: tuple[float, float],
    rows: list[tuple[str, list[tuple[str, str]]]],
    look: Look,
    shade: float | None,
) -> None:
    """Ruled label | value rows; a value cell may hold several paragraphs (text, font)."""
    size = look.size - 0.5
    lead = size * 1.25
    pad = 3.5
    # the label column is as wide as its longest label, the value column takes the rest
    need = max(width(label, look.bold, size) for label, _ in rows) + 2 * pad + 2
    widths = (max(widths[0], need), sum(widths) - max(widths[0], need))
    heights = []
    for label, paras in rows:
        n_label = len(wrap(label, look.bold, size, widths[0] - 2 * pad, hyphenate=False))
        n_value = sum(len(wrap(t, f, size, widths[1] - 2 * pad, hyphenate=False)) for t, f in paras)
        heights.append(max(n_label, n_value, 1) * lead + 2 * pad)
    top = flow.y
    x1 = x0 + widths[0] + widths[1]
    y = top
    for (label, paras), h in zip(rows, heights, strict=True):
        if shade is not None:
            flow.rect(x0, y, x0 + widths[0], y + h, lw=0, fill_gray=shade, stroke=False)
        for number, words in enumerate(wrap(label, look.bold, size, widths[0] - 2 * pad, False)):
            flow.text(
                x0 + pad, y + pad + size - 1 + number * lead, " ".join(words), look.bold, size
            )
        line = 0
        for text, font in paras:
            for words in wrap(text, font, size, widths[1] - 2 * pad, hyphenate=False):
                baseline = y + pad + size - 1 + line * lead
                flow.text(x0 + widths[0] + pad, baseline, " ".join(words), font, size)
                line += 1
        y += h
    for rule in [top, *[top + sum(heights[: k + 1]) for k in range(len(heights))]]:
        flow.line(x0, rule, x1, rule, lw=0.6)
    for xe in (x0, x0 + widths[0], x1):
        flow.line(xe, top, xe, y, lw=0.6)
    flow.y = y


def _header(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    plan = v.plan
    flow.text(g.left, g.top + 14, f"Stadt {doc.town}", look.bold, 14)
    flow.text(g.left, g.top + 27, "Der Oberbürgermeister", look.regular, 9)
    flow.line(g.left, g.top + 34, g.x1, g.top + 34, lw=1.6)
    flow.line(g.left, g.top + 36.5, g.x1, g.top + 36.5, lw=0.4)
    date = fmt_date(doc.datum) if doc.datum else ""
    rows: list[tuple[str, list[tuple[str, str]]]] = [
        ("Drucksachennummer", [(doc.vorlagennummer or "", look.regular)])
    ]
    if doc.vorlagenart == "Antrag":
        rows.append(("Antragsteller/in", [(v.fraktion, look.regular)]))
    else:
        rows.append(("Fachbereich", [(doc.federfuehrung or "", look.regular)]))
    rows.append(("Datum", [(date, look.regular)]))
    if doc.aktenzeichen:
        rows.append(("Aktenzeichen", [(doc.aktenzeichen, look.regular)]))
    title_y = g.top + 64
    if plan["header"] == "right":
        flow.text(g.left, title_y, doc.vorlagenart or "", look.bold, 17)
        if doc.hinweis:
            flow.text(g.left, title_y + 18, doc.hinweis, look.bold, look.size)
        flow.y = g.top + 46
        w = g.content_width * 0.52
        _kv_table(flow, g.x1 - w, (w * 0.42, w * 0.58), rows, look, shade=0.9)
    else:
        flow.text(g.left, title_y, doc.vorlagenart or "", look.bold, 17)
        flow.y = title_y + 12
        if plan["betreff"] == "row":
            paras = [(doc.betreff or "", look.bold)]
            if doc.betreff_hier:
                paras.append((doc.betreff_hier, look.regular))
            rows.append(("Betreff", paras))
        w = g.content_width
        _kv_table(flow, g.left, (w * 0.27, w * 0.73), rows, look, shade=None)


def _betreff(flow: Flow, doc: Doc, v: Variant) -> None:
    if v.plan["betreff"] != "label":
        return
    look = v.look
    flow.gap(look.leading * 1.2)
    x = flow.g.left + width("Betreff:", look.bold, look.size) + 10
    betreff_beside(flow, doc, look, "Betreff:", x, hyphenate=look.hyphenate)


def _heading(flow: Flow, text: str, v: Variant) -> None:
    look = v.look
    flow.gap(look.leading)
    flow.ensure(look.leading * 4)
    flow.text(flow.g.left, flow.y + look.size + 0.5, text, look.bold, look.size + 0.5)
    flow.y += look.leading * 1.45


def _folge(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    cols = v.plan["folge_cols"]
    _heading(flow, "Beratungsfolge", v)
    weights = {"status": 0.55, "datum": 1.0, "gremium": 3.3, "zust": 1.3}
    size = look.size - 0.5
    widths = [flow.g.content_width * weights[c] / sum(weights[k] for k in cols) for c in cols]
    for k, c in enumerate(cols):
        if c != "gremium":
            widths[k] = max(widths[k], width(FOLGE_HEADS[c], look.bold, size) + 8)
    widths[cols.index("gremium")] = flow.g.content_width - sum(
        w for c, w in zip(cols, widths, strict=True) if c != "gremium"
    )
    rows: list[list[Cell]] = [[FOLGE_HEADS[c] for c in cols]]
    for f in doc.beratungsfolge:
        cells = {
            "status": {True: "Ö", False: "N", None: ""}[f.oeffentlich],
            "datum": fmt_date(f.sitzung_am) if f.sitzung_am else "",
            "gremium": f.gremium,
            "zust": f.zustaendigkeit or "",
        }
        rows.append([cells[c] for c in cols])
    table(
        flow, flow.g.left, widths, rows, TableStyle(look.regular, look.bold, size, header_fill=0.85)
    )


# -- boxes ---------------------------------------------------------------------------------------


def _glyph_items(
    flow: Flow, x0: float, x_end: float, items: list[tuple[str, bool, str | None]], v: Variant
) -> None:
    """Glyph boxes with the label to the right, wrapping inside [x0, x_end]."""
    look = v.look
    size = look.size + 1
    x = x0
    for label, checked, field in items:
        need = width("\u2610", "DejaVuSans", size) + 4 + width(label, look.regular, look.size) + 16
        if x > x0 and x + need > x_end:
            flow.y += look.leading * 1.4
            x = x0
        baseline = flow.y + look.size
        adv = glyph_overprint_box(flow, x, baseline + 0.5, size, checked, label, field)
        flow.text(x + adv + 4, baseline, label, look.regular, look.size)
        x += need
    flow.y += look.leading * 1.4


def _finanzen(flow: Flow, doc: Doc, v: Variant) -> None:
    if not doc.finanzen:
        return
    look = v.look
    _heading(flow, "Finanzielle Auswirkungen:", v)
    if v.plan["finanz_boxes"]:
        costly = not doc.finanzen[0].text.startswith("Keine")
        _glyph_items(
            flow, flow.g.left, flow.g.x1, [("Ja", costly, None), ("Nein", not costly, None)], v
        )
    paragraphs(flow, doc.finanzen, look)


def _ergebnis(flow: Flow, e: Ergebnis, v: Variant) -> None:
    """A frame with a shaded title bar; counts are written on short lines inside a sentence."""
    look = v.look
    g = flow.g
    path = "beratungsergebnis[0]"
    flow.gap(look.leading * 1.5)
    flow.ensure(look.leading * 10)
    top = flow.y
    bar = look.size + 8
    flow.rect(g.left, top, g.x1, top + bar, lw=0, fill_gray=0.85, stroke=False)
    flow.text(g.left + 6, top + bar - 5, "Beratungsergebnis", look.bold, look.size)
    flow.y = top + bar + 6
    x0, x_end = g.left + 6, g.x1 - 6
    x = x0
    baseline = flow.y + look.size
    date = fmt_date(e.sitzung_am) if e.sitzung_am else None
    for label, value, blank in (
        ("Gremium:", e.gremium, 180.0),
        ("Sitzung am:", date, 60.0),
        ("TOP:", e.top, 26.0),
    ):
        lw = width(label, look.regular, look.size)
        span = width(value, look.regular, look.size) if value else blank
        if x > x0 and x + lw + 4 + span > x_end:
            flow.y += look.leading * 1.4
            baseline = flow.y + look.size
            x = x0
        flow.text(x, baseline, label, look.regular, look.size)
        if value:
            flow.text(x + lw + 4, baseline, value, look.regular, look.size)
        else:
            flow.line(x + lw + 4, baseline + 1.5, x + lw + 4 + span, baseline + 1.5, lw=0.4)
        x += lw + 4 + span + 18
    flow.y += look.leading * 1.6
    _glyph_items(
        flow,
        x0,
        x_end,
        [
            ("einstimmig", bool(e.einstimmig), f"{path}.einstimmig"),
            ("mehrheitlich", bool(e.mit_stimmenmehrheit), f"{path}.mit_stimmenmehrheit"),
        ],
        v,
    )
    # "mit __ Ja-Stimmen, __ Nein-Stimmen, __ Enthaltungen"
    x = x0
    baseline = flow.y + look.size
    x += flow.text(x, baseline, "mit", look.regular, look.size) + 5
    for count, word in (
        (e.ja_stimmen, "Ja-Stimmen,"),
        (e.nein_stimmen, "Nein-Stimmen,"),
        (e.enthaltungen, "Enthaltungen"),
    ):
        flow.line(x, baseline + 1.5, x + 22, baseline + 1.5, lw=0.4)
        if count is not None:
            flow.text(x + 11, baseline, str(count), look.regular, look.size, align="center")
        x += 26
        x += flow.text(x, baseline, word, look.regular, look.size) + 6
    flow.y += look.leading * 1.6
    _glyph_items(
        flow,
        x0,
        x_end,
        [
            (
                "lt. Beschlussvorschlag",
                bool(e.laut_beschlussvorschlag),
                f"{path}.laut_beschlussvorschlag",
            ),
            (
                "mit Änderungen (s. Niederschrift)",
                bool(e.abweichender_beschluss),
                f"{path}.abweichender_beschluss",
            ),
            ("zur Kenntnis genommen", bool(e.kenntnisnahme), f"{path}.kenntnisnahme"),
            ("abgelehnt", False, None),
            ("vertagt", False, None),
        ],
        v,
    )
    flow.rect(g.left, top, g.x1, flow.y + 2, lw=0.8)
    flow.y += 8


def _signature(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    kind = v.plan["signature"]
    if kind is None:
        return
    flow.gap(look.leading * 1.5)
    flow.ensure(look.leading * 4)
    if kind == "gez":
        lines = [f"gez. {doc.unterz.name}", doc.signer_title or ""]
    else:
        lines = [v.fraktion, "", doc.unterz.name or "", doc.signer_title or ""]
    for line in lines:
        if line:
            flow.text(flow.g.left, flow.y + look.size, line, look.regular, look.size)
        flow.y += look.leading


def _decorator(doc: Doc, v: Variant) -> Callable[[Flow, int, int], None]:
    look = v.look

    def draw(flow: Flow, number: int, total: int) -> None:
        del total
        if number == 1:
            return
        g = flow.g
        head = (g.top_next or g.top) - 22
        flow.text(
            g.x1,
            head,
            f"Drucksache {doc.vorlagennummer} – Seite {number}",
            look.regular,
            look.size - 1,
            "right",
        )
        flow.line(g.left, head + 5, g.x1, head + 5, lw=0.5)

    return draw


def render(doc: Doc, v: Variant, path: Path, index: int) -> Rendered:
    del index
    look = v.look
    plan = v.plan
    flow = Flow(look.geometry, _decorator(doc, v))
    _header(flow, doc, v)
    _betreff(flow, doc, v)
    _folge(flow, doc, v)
    _heading(flow, str(plan["beschluss_heading"]), v)
    paragraphs(flow, doc.beschluss, look, gap=look.size * 0.4)
    _heading(flow, str(plan["begr_heading"]), v)
    paragraphs(flow, doc.begruendung, look)
    _finanzen(flow, doc, v)
    if doc.anlagen:
        _heading(flow, str(plan["anlagen_heading"]), v)
        for anlage in doc.anlagen:
            flow.paragraph(anlage, look.regular, look.size, look.leading)
    _signature(flow, doc, v)
    _ergebnis(flow, doc.ergebnisse[0], v)
    pages = flow.render(path, f"{doc.vorlagenart} {doc.vorlagennummer}")
    features = [
        f"{look.regular} {look.size}pt",
        f"{pages} page(s)",
        f"ruled label|value header table ({plan['header']})",
        "Betreff as a header-table row" if plan["betreff"] == "row" else "Betreff: label",
        "Beratungsfolge columns " + "|".join(FOLGE_HEADS[c] for c in plan["folge_cols"]),
        "glyph boxes ☐ with a separate ✔ overprinted",
        "running header 'Drucksache … – Seite n' on pages 2+",
        f"Beratungsergebnis {plan['ergebnis']}, counts inline 'mit __ Ja-Stimmen'",
    ]
    if doc.hinweis:
        features.append("unlabelled Hinweis under the title")
    if doc.vorlagenart == "Antrag":
        features.append("Antragsteller row (not Federführung), Fraktion signature")
    return Rendered(path, LAYOUT, doc, flow.checkboxes, pages, features)


def generate(out_dir: Path) -> list[Rendered]:
    return render_plans("sessionnet", len(PLANS), build, render, out_dir)
