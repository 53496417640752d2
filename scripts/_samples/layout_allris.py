"""Layout 6: an ALLRIS-style "Vorlage" export (ALLRIS net / Office Integration print).

A two-column key/value block at the top (a narrow label column; values right-aligned at the
block's edge or set on a tab stop; once in the right half of the page beside the letterhead),
"Vorlage – öffentlich" as the title in one sample (the Vorlagenart is then only a row of the
block), an author ("Verfasser") and co-offices ("Beteiligt") that are neither signatory nor
Federführung, "Beratungsfolge:" as an unruled three-column list whose long committee names wrap,
section headings in small caps or underlined, and Beratungsergebnis blocks at the end: label
rows "Gremium: … Sitzung am: … TOP: …", "Abstimmungsergebnis: Ja: 12 Nein: 3 Enthaltung: 1"
and checkboxes drawn as four separate line segments with the label to the right.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _samples import pools
from _samples.boxes import lines_box
from _samples.common import Look, Rendered, betreff_beside, paragraphs
from _samples.content import fmt_date, make_ergebnis
from _samples.doc import Doc, Ergebnis, Para
from _samples.flow import Flow, wrap
from _samples.fonts import width
from _samples.plans import plan_doc, plan_look, render_plans

LAYOUT = "allris"

AEMTER = [
    "61 – Stadtplanungsamt",
    "66 – Tiefbauamt",
    "20 – Kämmerei",
    "51 – Jugendamt",
    "32 – Ordnungs- und Bürgeramt",
    "FB 4 – Umwelt, Grünflächen und Friedhöfe",
]
BETEILIGT = [
    "20 – Kämmerei",
    "30 – Rechtsamt",
    "14 – Rechnungsprüfungsamt",
    "80 – Wirtschaftsförderung",
]

PLANS: list[dict[str, Any]] = [
    {
        "topic": "bebauungsplan",
        "art": "Beschlussvorlage",
        "families": ["helvetica"],
        "size": (10.0, 10.5),
        "n_begr": 3,
        "n_folge": 3,
        "kv": "block",
        "title": "art",
        "headings": "smallcaps",
        "betreff_label": True,
        "finanz_boxes": True,
        "blocks": ["ticked"],
        "public_boxes": True,
        "stellungnahme": False,
        "signature": None,
        "beschluss_heading": "Beschlussvorschlag",
        "begr_heading": "Sachverhalt",
        "anlagen_heading": "Anlage/n",
        "anlagen_marker": "Anlage 1:",
        "enthaltung": "Enthaltung:",
        "ticks": ("x",),
        "folge_head": ("Datum", "Gremium", "Zuständigkeit"),
        "footer": "office",
        "nr_prefix": "BV",
    },
    {
        "topic": "strassenausbau",
        "art": "Beschlussvorlage",
        "families": ["dejavu_serif"],
        "size": (11.0, 11.5),
        "n_begr": 11,
        "n_folge": 2,
        "kv": "tab",
        "title": "status",
        "headings": "underline",
        "betreff_label": False,
        "finanz_boxes": False,
        "blocks": ["ticked", "planned"],
        "public_boxes": False,
        "stellungnahme": True,
        "signature": "gez",
        "beschluss_heading": "Beschlußvorschlag:",
        "begr_heading": "Sachverhalt und Begründung:",
        "anlagen_heading": "Anlagen:",
        "anlagen_marker": "-",
        "enthaltung": "Enthaltungen:",
        "ticks": ("check", "x"),
        "folge_head": ("Datum", "Gremium", "Zuständigkeit"),
        "footer": "office",
        "nr_prefix": "BV",
    },
    {
        "topic": "radverkehr",
        "art": "Mitteilungsvorlage",
        "families": ["dejavu_condensed"],
        "size": (9.0, 9.0),
        "n_begr": 5,
        "n_folge": 3,
        "kv": "right_half",
        "title": "art",
        "headings": "smallcaps",
        "betreff_label": True,
        "finanz_boxes": True,
        "blocks": ["blank"],
        "public_boxes": True,
        "stellungnahme": False,
        "signature": "place",
        "beschluss_heading": "Beschlussvorschlag",
        "begr_heading": "Sachverhalt",
        "anlagen_heading": "Anlage(n)",
        "anlagen_marker": "1.",
        "enthaltung": "Enthaltung:",
        "ticks": ("x",),
        "folge_head": ("Sitzung", "Beratungsgremium", "Zuständigkeit"),
        "footer": "header",
        "nr_prefix": "MV",
    },
]


@dataclass(frozen=True)
class Variant:
    look: Look
    plan: dict[str, Any]
    verfasser: str
    beteiligt: str
    office: str  # letterhead second line


def _surname_first(name: str) -> str:
    """ALLRIS lists people as "Surname, First names" ("Kühnle, Martina")."""
    parts = name.split()
    return f"{parts[-1]}, {' '.join(parts[:-1])}"


def build(index: int) -> tuple[Doc, Variant]:
    rng = random.Random(f"{LAYOUT}-{index}")
    plan = PLANS[index]
    year = rng.choice([2020, 2021, 2022])
    art = str(plan["art"])
    doc = plan_doc(rng, plan,
                   town=rng.choice(["Lüdenscheid", "Mönchengladbach", "Fürth", "Göppingen"]),
                   year=year, vorlagenart=art,
                   nummer=f"{plan['nr_prefix']}/{rng.randint(12, 240):03d}/{year}")
    look = plan_look(rng, plan, doc, justify=index == 1)
    others = [n for n in pools.NAMES if n != doc.unterz.name]
    variant = Variant(
        look,
        plan,
        _surname_first(rng.choice(others)),
        "; ".join(rng.sample(BETEILIGT, k=2)),
        rng.choice(["Der Bürgermeister", "Die Oberbürgermeisterin", "Der Oberbürgermeister"]),
    )
    doc.federfuehrung = rng.choice(AEMTER)
    doc.hinweis = None
    if index == 1:  # this template has no Aktenzeichen row
        doc.aktenzeichen = None
    if art == "Mitteilungsvorlage":
        doc.beschluss = [Para("Die Mitteilung der Verwaltung wird zur Kenntnis genommen.")]
    for f in doc.beratungsfolge:
        f.top = None
        f.oeffentlich = None
    doc.ergebnisse = [
        _ergebnis(rng, doc, kind, number, plan) for number, kind in enumerate(plan["blocks"])
    ]
    signature = plan["signature"]
    if signature is None:
        doc.unterz.ort = doc.unterz.datum = doc.unterz.name = None
    elif signature == "gez":
        doc.unterz.ort = doc.unterz.datum = None
    else:
        doc.unterz.datum = doc.datum
    return doc, variant


def _ergebnis(
    rng: random.Random, doc: Doc, kind: str, number: int, plan: dict[str, Any]
) -> Ergebnis:
    folge = doc.beratungsfolge[number]
    public = bool(plan["public_boxes"])
    art = doc.vorlagenart or ""
    if kind == "ticked":
        e = make_ergebnis(rng, folge, True, public_boxes=public, art=art)
    elif kind == "planned":  # pre-printed with the committee and the planned date, not filled in
        e = make_ergebnis(rng, folge, False, public_boxes=public, art=art)
        e.sitzung_am = folge.sitzung_am
    else:  # an empty form block
        e = make_ergebnis(rng, None, False, public_boxes=public, art=art)
    if not plan["stellungnahme"]:
        e.stellungnahme_beigefuegt = None
    return e


# -- drawing helpers ---------------------------------------------------------------------------


def small_caps(flow: Flow, x: float, baseline: float, text: str, font: str, size: float) -> float:
    """Fake small caps as word processors set them: capitals at full size, the lower-case
    letters as smaller capitals (separate text runs). Returns the width."""
    small = round(size * 0.78, 2)
    runs: list[tuple[str, float]] = []
    for char in text:
        lower = char.isalpha() and char.islower()
        glyphs, run_size = (char.upper(), small) if lower else (char, size)
        if runs and runs[-1][1] == run_size:
            runs[-1] = (runs[-1][0] + glyphs, run_size)
        else:
            runs.append((glyphs, run_size))
    start = x
    for glyphs, run_size in runs:
        x += flow.text(x, baseline, glyphs, font, run_size)
    return x - start


def _heading(flow: Flow, text: str, v: Variant) -> None:
    look = v.look
    flow.gap(look.leading * 0.9)
    flow.ensure(look.leading * 4)
    baseline = flow.y + look.size + 1
    if v.plan["headings"] == "smallcaps":
        small_caps(flow, flow.g.left, baseline, text, look.bold, look.size + 1)
    else:
        w = flow.text(flow.g.left, baseline, text, look.bold, look.size)
        flow.line(flow.g.left, baseline + 1.8, flow.g.left + w, baseline + 1.8, lw=0.5)
    flow.y += look.leading * 1.55


def _letterhead(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    flow.text(g.left, g.top + 14, f"Stadt {doc.town}", look.bold, 15)
    flow.text(g.left, g.top + 28, v.office, look.regular, look.size)
    if v.plan["kv"] == "right_half":
        flow.text(g.left, g.top + 62, doc.vorlagenart or "", look.bold, 14)
        return
    if v.plan["title"] == "art":
        flow.text(g.x1, g.top + 14, doc.vorlagenart or "", look.bold, 15, align="right")
    else:
        flow.text(g.x1, g.top + 14, "Vorlage – öffentlich –", look.bold, 14, align="right")
    flow.line(g.left, g.top + 36, g.x1, g.top + 36, lw=0.8)


def _rows(doc: Doc, v: Variant) -> list[tuple[str, str]]:
    date = fmt_date(doc.datum) if doc.datum else ""
    nr, fed, az = doc.vorlagennummer or "", doc.federfuehrung or "", doc.aktenzeichen or ""
    if v.plan["kv"] == "block":
        return [
            ("Vorlage-Nr.:", nr),
            ("Status:", "öffentlich"),
            ("Datum:", date),
            ("Verfasser:", v.verfasser),
            ("Federführend:", fed),
            ("Aktenzeichen:", az),
        ]
    if v.plan["kv"] == "tab":
        return [
            ("Vorlageart:", doc.vorlagenart or ""),
            ("Vorlage-Nr.:", nr),
            ("Datum:", date),
            ("Federführend:", fed),
            ("Beteiligt:", v.beteiligt),
            ("Bearbeiter/-in:", v.verfasser),
        ]
    return [
        ("Vorlagen-Nr.:", nr),
        ("Status:", "öffentlich"),
        ("Datum:", date),
        ("Federführung:", fed),
        ("Verfasser/in:", v.verfasser),
        ("Az.:", az),
    ]


def _kv_block(flow: Flow, doc: Doc, v: Variant) -> tuple[float, float]:
    """Label column plus value column; returns the (x, width) of the label column."""
    look = v.look
    g = flow.g
    mode = v.plan["kv"]
    rows = _rows(doc, v)
    label_w = max(width(label, look.regular, look.size) for label, _ in rows) + 14
    if mode == "right_half":
        lx, right = g.left + g.content_width * 0.46, g.x1
        flow.y = g.top + 4
    else:
        lx = g.left
        right = g.left + min(g.content_width, 340.0 if mode == "block" else 400.0)
        flow.y = g.top + 50
    lead = look.leading
    for label, value in rows:
        baseline = flow.y + look.size
        flow.text(lx, baseline, label, look.regular, look.size)
        lines = wrap(value, look.regular, look.size, right - lx - label_w, hyphenate=False)
        for number, words in enumerate(lines):
            text = " ".join(words)
            if mode == "tab":
                flow.text(lx + label_w, baseline + number * lead, text, look.regular, look.size)
            else:
                flow.text(right, baseline + number * lead, text, look.regular, look.size, "right")
        flow.y += lead * max(1, len(lines)) + look.size * 0.25
    if mode == "right_half":
        flow.y = max(flow.y, g.top + 72)
        flow.line(g.left, flow.y + 4, g.x1, flow.y + 4, lw=0.8)
        flow.y += 8
    return lx, label_w


def _betreff(flow: Flow, doc: Doc, v: Variant, label_w: float) -> None:
    look = v.look
    g = flow.g
    flow.gap(look.leading)
    if v.plan["betreff_label"]:
        indent = label_w if v.plan["kv"] != "right_half" else width("Betreff: ", look.bold, 10) + 10
        betreff_beside(flow, doc, look, "Betreff:", g.left + indent, label_font=look.regular)
        return
    size = look.size + 1.5
    flow.paragraph(doc.betreff or "", look.bold, size, size * 1.25, hyphenate=look.hyphenate)
    if doc.betreff_hier:
        flow.paragraph(doc.betreff_hier, look.bold, size, size * 1.25)


def _folge(flow: Flow, doc: Doc, v: Variant) -> None:
    """An unruled list under a bold label; committee names wrap inside their column."""
    look = v.look
    g = flow.g
    flow.gap(look.leading)
    flow.ensure(look.leading * (3 + len(doc.beratungsfolge)))
    flow.text(g.left, flow.y + look.size, "Beratungsfolge:", look.bold, look.size)
    flow.y += look.leading * 1.3
    x_date = g.left
    x_grem = g.left + width("00.00.0000", look.regular, look.size) + 18
    x_role = x_grem + g.content_width * 0.42
    head = v.plan["folge_head"]
    for text, x in zip(head, (x_date, x_grem, x_role), strict=True):
        flow.text(x, flow.y + look.size, text, look.bold, look.size - 0.5)
    flow.y += look.leading * 1.15
    for f in doc.beratungsfolge:
        baseline = flow.y + look.size
        flow.text(
            x_date,
            baseline,
            fmt_date(f.sitzung_am) if f.sitzung_am else "",
            look.regular,
            look.size,
        )
        flow.text(x_role, baseline, f.zustaendigkeit or "", look.regular, look.size)
        lines = wrap(f.gremium, look.regular, look.size, x_role - x_grem - 14, hyphenate=False)
        for number, words in enumerate(lines):
            flow.text(
                x_grem, baseline + number * look.leading, " ".join(words), look.regular, look.size
            )
        flow.y += look.leading * len(lines) + 1


def _finanzen(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    _heading(flow, "Finanzielle Auswirkungen", v)
    if v.plan["finanz_boxes"]:
        costly = not (doc.finanzen and doc.finanzen[0].text.startswith("Keine"))
        x = flow.g.left
        baseline = flow.y + look.size
        x += flow.text(x, baseline, "Haushaltsmittel erforderlich:", look.regular, look.size) + 10
        _box_items(flow, x, [("ja", costly, None), ("nein", not costly, None)], v, "x")
        flow.gap(look.size * 0.5)
    paragraphs(flow, doc.finanzen, look)


def _box_items(
    flow: Flow, x0: float, items: list[tuple[str, bool, str | None]], v: Variant, tick: str
) -> None:
    """Four-line boxes with the label to the right, wrapping onto a new line when full."""
    look = v.look
    box = round(look.size * 0.95, 1)
    x = x0
    for label, checked, field in items:
        need = box + 5 + width(label, look.regular, look.size) + 18
        if x > x0 and x + need > flow.g.x1:
            flow.y += look.leading * 1.35
            x = x0
        top = flow.y + look.size - box + 1
        lines_box(flow, x, top, box, checked, tick, label, field)
        flow.text(x + box + 5, flow.y + look.size, label, look.regular, look.size)
        x += need
    flow.y += look.leading * 1.35


def _pairs(flow: Flow, pairs: list[tuple[str, str | None, float]], v: Variant, x0: float) -> None:
    """ "Label: value" pairs on one line; a missing value leaves a write-in line of the given
    length. The next label starts after the measured value (or line)."""
    look = v.look
    x = x0
    baseline = flow.y + look.size
    for label, value, blank in pairs:
        label_w = width(label, look.regular, look.size)
        span = width(value, look.regular, look.size) if value else blank
        if x > x0 and x + label_w + 5 + span > flow.g.x1:
            flow.y += look.leading * 1.3
            baseline = flow.y + look.size
            x = x0
        flow.text(x, baseline, label, look.regular, look.size)
        vx = x + label_w + 5
        if value:
            flow.text(vx, baseline, value, look.regular, look.size)
        else:
            flow.line(vx, baseline + 1.5, vx + span, baseline + 1.5, lw=0.4)
        x = vx + span + 16
    flow.y += look.leading * 1.4


def _count(value: int | None) -> str | None:
    return None if value is None else str(value)


def _block(flow: Flow, e: Ergebnis, number: int, v: Variant, rng: random.Random) -> None:
    look = v.look
    g = flow.g
    path = f"beratungsergebnis[{number}]"
    plan = v.plan
    flow.gap(look.leading * 1.2)
    flow.ensure(look.leading * 11)
    flow.line(g.left, flow.y, g.x1, flow.y, lw=0.4)
    flow.y += 5
    flow.text(g.left, flow.y + look.size, "Beratungsergebnis:", look.bold, look.size)
    flow.y += look.leading * 1.5
    x0 = g.left
    date = fmt_date(e.sitzung_am) if e.sitzung_am else None
    _pairs(
        flow, [("Gremium:", e.gremium, 170), ("Sitzung am:", date, 60), ("TOP:", e.top, 28)], v, x0
    )
    tick = rng.choice(plan["ticks"])
    if plan["public_boxes"]:
        _box_items(
            flow,
            x0,
            [
                ("öffentlich", bool(e.oeffentlich), f"{path}.oeffentlich"),
                ("nichtöffentlich", bool(e.nichtoeffentlich), f"{path}.nichtoeffentlich"),
            ],
            v,
            tick,
        )
    label_w = width("Abstimmungsergebnis:", look.regular, look.size) + 10
    flow.text(x0, flow.y + look.size, "Abstimmungsergebnis:", look.regular, look.size)
    _pairs(
        flow,
        [
            ("Ja:", _count(e.ja_stimmen), 24),
            ("Nein:", _count(e.nein_stimmen), 24),
            (str(plan["enthaltung"]), _count(e.enthaltungen), 24),
        ],
        v,
        x0 + label_w,
    )
    _box_items(
        flow,
        x0,
        [
            ("einstimmig", bool(e.einstimmig), f"{path}.einstimmig"),
            ("mit Stimmenmehrheit", bool(e.mit_stimmenmehrheit), f"{path}.mit_stimmenmehrheit"),
        ],
        v,
        tick,
    )
    items: list[tuple[str, bool, str | None]] = [
        (
            "Beschluss laut Vorlage",
            bool(e.laut_beschlussvorschlag),
            f"{path}.laut_beschlussvorschlag",
        ),
        (
            "abweichender Beschluss",
            bool(e.abweichender_beschluss),
            f"{path}.abweichender_beschluss",
        ),
        ("Kenntnis genommen", bool(e.kenntnisnahme), f"{path}.kenntnisnahme"),
        ("vertagt", False, None),
    ]
    if e.stellungnahme_beigefuegt is not None:
        items.append(
            (
                "Stellungnahme der Verwaltung beigefügt",
                e.stellungnahme_beigefuegt,
                f"{path}.stellungnahme_beigefuegt",
            )
        )
    _box_items(flow, x0, items, v, tick)


def _signature(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    if v.plan["signature"] == "gez":
        flow.gap(look.leading)
        flow.paragraph(f"gez. {doc.unterz.name}", look.regular, look.size, look.leading, keep=True)
        flow.paragraph(doc.signer_title or "", look.regular, look.size, look.leading)
        return
    flow.gap(look.leading * 1.5)
    flow.ensure(look.leading * 5)
    date = fmt_date(doc.unterz.datum) if doc.unterz.datum else ""
    flow.paragraph(f"{doc.unterz.ort}, {date}", look.regular, look.size, look.leading)
    flow.gap(look.leading * 1.6)
    flow.paragraph(doc.unterz.name or "", look.regular, look.size, look.leading)
    flow.paragraph(doc.signer_title or "", look.regular, look.size, look.leading)


def _decorator(doc: Doc, v: Variant) -> Callable[[Flow, int, int], None]:
    look = v.look
    fs = max(7.0, look.size - 2)

    def draw(flow: Flow, number: int, total: int) -> None:
        g = flow.g
        foot = g.height - g.bottom + 30
        if v.plan["footer"] == "office":
            flow.text(g.left, foot, "ALLRIS® Office Integration 3.9.2", look.regular, fs, gray=0.35)
            flow.text(g.x1, foot, f"Seite {number} von {total}", look.regular, fs, align="right")
        elif number > 1:
            head = (g.top_next or g.top) - 20
            flow.text(g.left, head, f"Stadt {doc.town}", look.regular, fs)
            flow.text(
                g.x1,
                head,
                f"{doc.vorlagennummer} – Seite {number}",
                look.regular,
                fs,
                align="right",
            )
            flow.line(g.left, head + 4, g.x1, head + 4, lw=0.4)

    return draw


def render(doc: Doc, v: Variant, path: Path, index: int) -> Rendered:
    look = v.look
    plan = v.plan
    rng = random.Random(f"{LAYOUT}-{index}-render")
    flow = Flow(look.geometry, _decorator(doc, v))
    _letterhead(flow, doc, v)
    _, label_w = _kv_block(flow, doc, v)
    _betreff(flow, doc, v, label_w)
    _folge(flow, doc, v)
    _heading(flow, str(plan["beschluss_heading"]), v)
    paragraphs(flow, doc.beschluss, look)
    _heading(flow, str(plan["begr_heading"]), v)
    paragraphs(flow, doc.begruendung, look)
    if plan["signature"] == "gez":
        _signature(flow, doc, v)
    _finanzen(flow, doc, v)
    _heading(flow, str(plan["anlagen_heading"]), v)
    marker = str(plan["anlagen_marker"])
    hang = width("Anlage 0: ", look.regular, look.size) if "Anlage" in marker else 14.0
    for number, anlage in enumerate(doc.anlagen, 1):
        bullet = marker.replace("1", str(number))
        flow.paragraph(anlage, look.regular, look.size, look.leading, bullet=bullet, hang=hang)
    if plan["signature"] == "place":
        _signature(flow, doc, v)
    for number, e in enumerate(doc.ergebnisse):
        _block(flow, e, number, v, rng)
    pages = flow.render(path, f"{doc.vorlagenart} {doc.vorlagennummer}")
    features = [
        f"{look.regular} {look.size}pt",
        f"{pages} page(s)",
        f"key/value block '{plan['kv']}'",
        "title 'Vorlage – öffentlich –', Vorlagenart only in the block"
        if plan["title"] == "status"
        else "Vorlagenart as title",
        f"headings {plan['headings']}",
        "Betreff without label" if not plan["betreff_label"] else "Betreff in the label column",
        "Beratungsfolge as unruled list",
        "checkboxes drawn as four line segments",
        "blocks: " + "/".join(plan["blocks"]),
        "Verfasser/Bearbeiter is not the signatory",
        f"signature {plan['signature']}",
    ]
    if plan["finanz_boxes"]:
        features.append("Finanzen ja/nein boxes without field")
    return Rendered(path, LAYOUT, doc, flow.checkboxes, pages, features)


def generate(out_dir: Path) -> list[Rendered]:
    return render_plans("allris", len(PLANS), build, render, out_dir)
