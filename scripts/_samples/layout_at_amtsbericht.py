"""Layout 15: an Austrian Magistrat "Amtsbericht" / "Antrag des Stadtsenates an den Gemeinderat".

Ported from a layout written for held-out testing by engineers outside the team. A letterhead
with a coat of arms and "STADT ENNSBURG / Magistrat" (or "MAGISTRAT DER STADT MURFELD"), a
small block at the right (GZ = Aktenzeichen, Bearbeiter/in, Tel., sometimes Datum), an
"Abteilung:"/"Dienststelle:"/"Geschäftsbereich:" line (the Federführung), the title set as
"A M T S B E R I C H T" (letters typed apart), "Amtsbericht" or "ANTRAG / des Stadtsenates an
den Gemeinderat" (the type word is the vorlagenart, the addressee line is not), a
"Vorlage Nr." right of the title, a framed Hinweis, "Berichterstatter/in:", "Betreff:"/"Betr.:"
hanging, the Beratungsfolge as plain lines in three wordings ("… am 19.03.2024 (Vorberatung)",
"19.03.2024   … – Vorberatung", "… – 19.03.2024 – Vorberatung"), Sachverhalt, the proposal
("Der Gemeinderat wolle beschließen:" or the Stadtsenat's lead-in, neither of them part of the
Beschlussvorschlag) and "Finanzielle/Budgetäre Auswirkungen:" with ja/nein boxes in the
heading line, in two orders; a signature in the right half ("Der Abteilungsleiter:", "Für den
Stadtsenat / Der Bürgermeister:"), numbered "Beilagen:", and an "Abstimmungsergebnis" printed
as one framed block per Gremium: "Sitzung vom …" and "TOP 5" (or "TOP ____") in its head,
option groups (öffentlich / nicht öffentlich; einstimmig, mit Stimmenmehrheit, abgelehnt, …;
antragsgemäß, mit abweichendem Beschluss, zur Kenntnis genommen) wrapping at the frame, and
the votes in small boxes, on fill-in lines or as a sentence ("mit 30 Ja-Stimmen gegen 4
Gegenstimmen bei 1 Stimmenthaltung"). Austrian months ("Jänner"), and in the 1998 sample the
old spelling ("Beschluß", "daß") and Schilling amounts.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _samples.boxes import glyph_box, typed_box, vector_box
from _samples.common import Look, Rendered, coat_of_arms, random_look
from _samples.content import MONTHS, OPTION_FIELDS, fill, fmt_date, option_ticked
from _samples.doc import Doc, Ergebnis, Folge, Para, Unterz
from _samples.flow import Flow, wrap
from _samples.fonts import width
from _samples.plans import render_plans
from _samples.texts_at_amtsbericht import FEMALE, FIRST, LAST, TITLES, TOPICS

LAYOUT = "at_amtsbericht"
MONTHS_AT = ["Jänner", *MONTHS[1:]]

PLANS: list[dict[str, Any]] = [
    {
        "city": "Ennsburg",
        "letterhead": "stadt",
        "topic": "schule",
        "kind": "Amtsbericht",
        "title": "spaced",
        "date": (2024, 3, 12),
        "families": ["liberation_sans"],
        "size": (10.0, 10.5),
        "boxes": "vector",
        "counts": "boxes",
        "filled": 3,
        "public": True,
        "nummer": "GR-{n:04d}/{y}",
        "date_style": "dmy",
        "date_at": "block",
        "hinweis": None,
        "folge": "am",
        "sign": "abteilung",
        "headings": {"sv": "Sachverhalt:", "antrag": "Antrag:", "fin": "Finanzielle Auswirkungen:"},
        "order": ("sv", "antrag", "fin"),
        "labels": "neu",
        "amt_label": "Abteilung:",
        "ergebnis_heading": "Abstimmungsergebnis",
    },
    {
        "city": "Murfeld",
        "letterhead": "magistrat",
        "topic": "grund",
        "kind": "Antrag",
        "title": "antrag",
        "date": (1998, 4, 20),
        "families": ["liberation_serif"],
        "size": (10.5, 11.0),
        "boxes": "typed",
        "counts": "text",
        "filled": 3,
        "public": False,
        "nummer": None,
        "date_style": "long",
        "date_at": "line",
        "hinweis": "Nachtrag zur Tagesordnung",
        "folge": "date",
        "sign": "stadtsenat",
        "headings": {"sv": "Sachverhalt:", "antrag": None,
                     "fin": "Finanzielle Auswirkungen/Bedeckung:"},
        "order": ("sv", "fin", "antrag"),
        "labels": "alt",
        "amt_label": "Dienststelle:",
        "ergebnis_heading": "Beschlußvermerke",
        "old": True,
    },
    {
        "city": "Salzachau",
        "letterhead": "stadt",
        "topic": "kontrolle",
        "kind": "Amtsbericht",
        "title": "plain",
        "date": (2024, 4, 24),
        "families": ["carlito"],
        "size": (10.0, 10.0),
        "boxes": "glyph",
        "counts": "fill",
        "filled": 0,
        "public": False,
        "nummer": "AB {y}/{n:04d}",
        "date_style": "long",
        "date_at": "line",
        "hinweis": None,
        "folge": "dash",
        "sign": "abteilung_ort",
        "headings": {"sv": "Erläuterungen:", "antrag": "Antrag:", "fin": "Budgetäre Auswirkungen:"},
        "order": ("sv", "antrag", "fin"),
        "labels": "kurz",
        "amt_label": "Geschäftsbereich:",
        "ergebnis_heading": "Beschlussvermerke (vom Sitzungsdienst auszufüllen)",
        "compact": True,
    },
]

# The option rows of a result block: (key, printed label). Keys in OPTION_FIELDS map to the contract.
LABELS: dict[str, tuple[list[tuple[str, str]], list[tuple[str, str]]]] = {
    "neu": ([("einst", "einstimmig"), ("mehr", "mit Stimmenmehrheit"), ("abgelehnt", "abgelehnt"),
             ("vertagt", "zurückgestellt")],
            [("lbv", "antragsgemäß"), ("abw", "mit abweichendem Beschluss"),
             ("kenntnis", "zur Kenntnis genommen")]),
    "alt": ([("einst", "einstimmig"), ("mehr", "mehrstimmig"), ("abgelehnt", "abgelehnt")],
            [("lbv", "antragsgemäß"), ("abw", "abgeändert beschlossen"),
             ("vertagt", "zurückgestellt")]),
    "kurz": ([("einst", "einstimmig"), ("mehr", "mehrstimmig"), ("abgelehnt", "abgelehnt")],
             [("lbv", "antragsgemäß"), ("kenntnis", "zur Kenntnis genommen"),
              ("vertagt", "vertagt")]),
}
ZUST = {"Vorberatung": "Vorberatung", "Beschlussfassung": "Entscheidung",
        "Beschlußfassung": "Entscheidung", "Kenntnisnahme": "Kenntnisnahme"}
COUNT_LABELS = {"boxes": ("Ja-Stimmen", "Gegenstimmen", "Stimmenthaltungen"),
                "fill": ("Ja", "Nein", "Enthaltung")}
COUNT_KEYS = ("ja_stimmen", "nein_stimmen", "enthaltungen")
BOX = 8.5  # side of a printed box


@dataclass(frozen=True)
class Block:
    """What one result block prints besides its boxes: the TOP, the outcome, the votes."""

    gremium: str
    date: dt.date
    filled: bool
    public: bool
    outcome: str  # einst | mehr | mehr_abw | kenntnis
    top: str
    counts: tuple[int, int, int] | None


@dataclass(frozen=True)
class Variant:
    look: Look
    plan: dict[str, Any]
    bearbeiter: str
    tel: str
    berichterstatter: str
    signer_female: bool
    roles: list[str]  # the Beratungsfolge role words as printed
    blocks: list[Block]

    @property
    def old(self) -> bool:
        return bool(self.plan.get("old"))


def _person(rng: random.Random) -> tuple[str, bool]:
    first = rng.choice(FIRST)
    return f"{rng.choice(TITLES)} {first} {rng.choice(LAST)}".strip(), first in FEMALE


def _members(gremium: str) -> int:
    return {"Gemeinderat": 37, "Stadtsenat": 7}.get(gremium, 11)


def _values(year: int) -> dict[str, str]:
    return {"y": str(year), "y0": str(year - 1), **{f"y{k}": str(year + k) for k in range(1, 5)}}


def _blocks(rng: random.Random, plan: dict[str, Any], folge: list[tuple[str, str, dt.date]]
            ) -> list[Block]:
    blocks = []
    for index, (gremium, role, day) in enumerate(folge):
        if role == "Kenntnisnahme":
            outcome = "kenntnis"
        else:
            outcome = rng.choices(["einst", "mehr", "mehr_abw"], [0.45, 0.4, 0.15])[0]
        n = _members(gremium)
        counts: tuple[int, int, int] | None = None
        if outcome == "einst" and plan["counts"] != "text" and rng.random() < 0.6:
            counts = (n - rng.randint(0, 2), 0, 0)
        elif outcome.startswith("mehr"):
            nein, enth = rng.randint(1, max(2, n // 6)), rng.randint(0, 2)
            counts = (n - nein - enth - rng.randint(0, 2), nein, enth)
        blocks.append(Block(gremium, day, index < int(plan["filled"]), gremium == "Gemeinderat",
                            outcome, str(rng.randint(3, 24)), counts))
    return blocks


def _ergebnis(block: Block, plan: dict[str, Any]) -> Ergebnis:
    """The Beratungsergebnis as the block prints it: every printed option as true/false."""
    e = Ergebnis(gremium=block.gremium, sitzung_am=block.date,
                 top=block.top if block.filled else None)
    row1, row2 = LABELS[str(plan["labels"])]
    keys = [k for k, _ in [*row1, *row2]] + (["oe", "noe"] if plan["public"] else [])
    for key in keys:
        if key in OPTION_FIELDS:
            setattr(e, OPTION_FIELDS[key], block.filled and option_ticked(key, block.outcome, block.public))
    if block.filled and block.counts:
        e.ja_stimmen, e.nein_stimmen, e.enthaltungen = block.counts
    return e


def build(index: int) -> tuple[Doc, Variant]:
    rng = random.Random(f"{LAYOUT}-{index}")
    plan = PLANS[index]
    look = random_look(rng, plan["families"], size=plan["size"])
    topic = TOPICS[str(plan["topic"])]
    date = dt.date(*plan["date"])
    values = _values(date.year)
    day = date
    folge: list[tuple[str, str, dt.date]] = []
    for gremium, role in topic["gremien"]:
        day += dt.timedelta(days=rng.randint(6, 13))
        while day.weekday() > 3:  # committees meet Monday to Thursday
            day += dt.timedelta(days=1)
        folge.append((gremium, role, day))
    blocks = _blocks(rng, plan, folge)
    signer, signer_female = _person(rng)
    reporter, reporter_female = _person(rng)
    role = rng.choice(["Vizebürgermeister", "Stadtrat", "Stadtrat", "Bürgermeister"])
    if reporter_female:
        role = {"Stadtrat": "Stadträtin"}.get(role, role + "in")
    area = rng.choice(["7252", "662", "2732", "3842"])
    tel = (f"(0{area}) {rng.randint(500, 599)}-{rng.randint(100, 499)}" if plan.get("old")
           else f"+43 {area} {rng.randint(500, 599)}-{rng.randint(100, 499)}")
    nummer = plan["nummer"]
    doc = Doc(
        vorlagenart=str(plan["kind"]),
        vorlagennummer=nummer.format(n=rng.randint(30, 980), y=date.year) if nummer else None,
        aktenzeichen=str(topic["gz"]).format(n=rng.randint(40, 980), y=date.year),
        datum=date,
        federfuehrung=str(topic["federf"]),
        hinweis=plan["hinweis"],
        betreff=fill(topic["betreff"], values),
        betreff_hier=fill(topic["hier"], values) if topic["hier"] else None,
        beratungsfolge=[Folge(g, d, None, ZUST[r], None) for g, r, d in folge],
        beschluss=[Para(fill(t, values), f"{k}." if len(topic["antrag"]) > 1 else None)
                   for k, t in enumerate(topic["antrag"], 1)],
        begruendung=[Para(fill(t, values)) for t in topic["sachverhalt"]],
        finanzen=[Para(fill(t, values)) for t in topic["finanz"]],
        ergebnisse=[_ergebnis(b, plan) for b in blocks],
        unterz=(Unterz(str(plan["city"]), date, signer) if plan["sign"] == "abteilung_ort"
                else Unterz(None, None, signer)),
        anlagen=[fill(a, values) for a in topic["beilagen"]],
        town=str(plan["city"]),
        topic=str(plan["topic"]),
    )
    bearbeiter = _person(rng)[0]
    return doc, Variant(look, plan, bearbeiter, tel, f"{role} {reporter}", signer_female,
                        [r for _, r, _ in folge], blocks)


# -- drawing -------------------------------------------------------------------------------------


def _date(d: dt.date, v: Variant) -> str:
    if v.plan["date_style"] == "long":
        return f"{d.day}. {MONTHS_AT[d.month - 1]} {d.year}"
    return fmt_date(d)


def _letterhead(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    top = g.top - 14
    coat_of_arms(flow, g.left, top, 26, 32, 0.55, "bar")
    city = str(v.plan["city"])
    if v.plan["letterhead"] == "magistrat":
        flow.text(g.left + 36, top + 12, f"MAGISTRAT DER STADT {city.upper()}", look.bold, 12.5)
        flow.text(g.left + 36, top + 26, "Stadtamt – Präsidialabteilung", look.regular, 8.5)
    else:
        flow.text(g.left + 36, top + 13, f"STADT {city.upper()}", look.bold, 14)
        flow.text(g.left + 36, top + 27, "Magistrat", look.regular, 10)
    rows = [("GZ:", doc.aktenzeichen or ""), ("Bearbeiter/in:", v.bearbeiter), ("Tel.:", v.tel)]
    if v.plan["date_at"] == "block" and doc.datum:
        rows.append(("Datum:", _date(doc.datum, v)))
    x_label = g.x1 - 178
    for n, (label, value) in enumerate(rows):
        flow.text(x_label, top + 6 + n * 11.5, label, look.regular, 8.3)
        flow.text(x_label + 64, top + 6 + n * 11.5, value, look.regular, 8.3)
    rule = top + 50
    flow.line(g.left, rule, g.x1, rule, lw=0.8)
    base = rule + 12
    label = str(v.plan["amt_label"])
    flow.text(g.left, base, label, look.regular, 9)
    flow.text(g.left + max(88, width(label, look.regular, 9) + 8), base, doc.federfuehrung or "",
              look.bold, 9)
    if v.plan["date_at"] == "line" and doc.datum:
        flow.text(g.x1, base, f"Datum: {_date(doc.datum, v)}", look.regular, 9, align="right")
    flow.y = base + 20


def _title(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    top = flow.y
    kind = v.plan["title"]
    if kind == "spaced":
        flow.text(g.left, top + 15, " ".join((doc.vorlagenart or "").upper()), look.bold, 16)
        flow.y = top + 27
    elif kind == "plain":
        flow.text(g.left, top + 15, doc.vorlagenart or "", look.bold, 17)
        flow.y = top + 27
    else:
        flow.text(g.left, top + 15, (doc.vorlagenart or "").upper(), look.bold, 16)
        flow.text(g.left, top + 32, "des Stadtsenates an den Gemeinderat", look.bold, 11.5)
        flow.y = top + 44
    if doc.vorlagennummer:
        flow.text(g.x1, top + 14, f"Vorlage Nr. {doc.vorlagennummer}", look.bold, 10,
                  align="right")
    if doc.hinweis:
        w = width(doc.hinweis, look.bold, 10) + 14
        flow.rect(g.x1 - w, top + 2, g.x1, top + 20, lw=1.0)
        flow.text(g.x1 - w / 2, top + 15, doc.hinweis, look.bold, 10, align="center")
    flow.y += 4


def _hanging(flow: Flow, label: str, text: str, font_label: str, font: str, size: float,
             indent: float, v: Variant) -> None:
    """A label at the margin and its text wrapped from ``indent``, first lines level."""
    flow.text(flow.g.left, flow.y + size, label, font_label, size)
    flow.paragraph(text, font, size, v.look.leading, x=flow.g.left + indent, hyphenate=False)


def _head_block(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    _hanging(flow, "Berichterstatter/in:", v.berichterstatter, look.regular, look.regular,
             look.size, 110, v)
    flow.gap(4)
    label = "Betr.:" if v.old else "Betreff:"
    size = look.size + 0.6
    flow.text(g.left, flow.y + size, label, look.bold, size)
    flow.paragraph(doc.betreff or "", look.bold, size, look.leading + 0.5, x=g.left + 62,
                   hyphenate=look.hyphenate)
    if doc.betreff_hier:
        flow.paragraph(doc.betreff_hier, look.regular, look.size, look.leading, x=g.left + 62)
    flow.gap(6)
    label = "Behandlung in:" if v.plan["folge"] == "date" else "Beratungsfolge:"
    flow.text(g.left, flow.y + look.size, label, look.regular, look.size)
    for f, role in zip(doc.beratungsfolge, v.roles, strict=True):
        day = fmt_date(f.sitzung_am) if f.sitzung_am else ""
        line = {"am": f"{f.gremium} am {day} ({role})",
                "date": f"{day}   {f.gremium} – {role}",
                "dash": f"{f.gremium} – {day} – {role}"}[str(v.plan["folge"])]
        flow.paragraph(line, look.regular, look.size, look.leading, x=g.left + 110,
                       hyphenate=False)
    flow.gap(4)
    flow.line(g.left, flow.y, g.x1, flow.y, lw=0.4)
    flow.gap(6)


def _heading(flow: Flow, text: str, v: Variant, gap: float = 8.0) -> None:
    look = v.look
    flow.gap(gap)
    flow.ensure(look.leading * 3)
    flow.text(flow.g.left, flow.y + look.size + 0.6, text, look.bold, look.size + 0.6)
    flow.y += look.leading + 2


def _paragraphs(flow: Flow, paras: list[Para], v: Variant, x: float) -> None:
    look = v.look
    for para in paras:
        flow.paragraph(para.text, look.regular, look.size, look.leading, x=x,
                       justify=look.justify, hyphenate=look.hyphenate, bullet=para.bullet,
                       hang=18)
        flow.gap(look.leading * 0.55)


def _box(flow: Flow, x: float, baseline: float, checked: bool, label: str, field: str | None,
         v: Variant) -> float:
    """One printed box with its top near the cap height of ``baseline``; returns its advance."""
    kind = v.plan["boxes"]
    if kind == "typed":
        return typed_box(flow, x, baseline, "Courier", BOX * 1.25, checked, "X", label, field)
    if kind == "glyph":
        return glyph_box(flow, x, baseline + 1, BOX * 1.2, checked, "dejavu_x", label, field)
    vector_box(flow, x, baseline - BOX + 0.5, BOX, checked, "x", label, field)
    return BOX


def _box_advance(v: Variant) -> float:
    kind = v.plan["boxes"]
    if kind == "typed":
        return width("[ ]", "Courier", BOX * 1.25)
    if kind == "glyph":
        return width("☐", "DejaVuSans", BOX * 1.2)
    return BOX


def _finanzen(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    text = str(v.plan["headings"]["fin"])
    size = look.size + 0.6
    flow.gap(8)
    flow.ensure(look.leading * 4)
    base = flow.y + size
    flow.text(flow.g.left, base, text, look.bold, size)
    x = flow.g.left + width(text, look.bold, size) + 16
    costly = bool(TOPICS[doc.topic]["finanz_jn"])
    for label, checked in (("ja", costly), ("nein", not costly)):
        x += _box(flow, x, base, checked, label, None, v) + 4
        x += flow.text(x, base, label, look.regular, look.size) + 18
    flow.y += look.leading + 3
    _paragraphs(flow, doc.finanzen, v, flow.g.left)


def _antrag(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    heading = v.plan["headings"]["antrag"]
    if heading is None:  # the Stadtsenat's own lead-in, bold, instead of a heading
        flow.gap(8)
        flow.ensure(look.leading * 4)
        flow.paragraph("Der Stadtsenat stellt daher den Antrag, der Gemeinderat wolle "
                       "beschließen:", look.bold, look.size + 0.3, look.leading)
    else:
        _heading(flow, str(heading), v)
        flow.paragraph("Der Gemeinderat wolle beschließen:", look.regular, look.size,
                       look.leading)
    flow.gap(3)
    _paragraphs(flow, doc.beschluss, v, g.left + 22)


def _signature(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    g = flow.g
    flow.gap(10)
    flow.ensure(75)
    x = g.left + g.content_width * 0.56
    if doc.unterz.ort and doc.unterz.datum:
        flow.text(x, flow.y + look.size, f"{doc.unterz.ort}, am {_date(doc.unterz.datum, v)}",
                  look.regular, look.size)
        flow.y += look.leading + 4
    female = v.signer_female
    if v.plan["sign"] == "stadtsenat":
        lines = ["Für den Stadtsenat", "Die Bürgermeisterin:" if female else "Der Bürgermeister:"]
    else:
        lines = ["Die Abteilungsleiterin:" if female else "Der Abteilungsleiter:"]
    for line in lines:
        flow.text(x, flow.y + look.size, line, look.regular, look.size)
        flow.y += look.leading
    flow.anchor("signature", [x, flow.y + 2, x + 120, flow.y + 20])
    flow.y += 22
    flow.text(x, flow.y + look.size, doc.unterz.name or "", look.regular, look.size)
    flow.y += look.leading + 8


def _beilagen(flow: Flow, doc: Doc, v: Variant) -> None:
    look = v.look
    flow.ensure(look.leading * (len(doc.anlagen) + 2))
    flow.text(flow.g.left, flow.y + look.size, "Beilagen:", look.bold, look.size)
    flow.y += look.leading
    for number, anlage in enumerate(doc.anlagen, 1):
        flow.text(flow.g.left + 8, flow.y + look.size, f"{number}.", look.regular, look.size)
        flow.paragraph(anlage, look.regular, look.size, look.leading, x=flow.g.left + 24)


# -- the result blocks ---------------------------------------------------------------------------

Placed = tuple[float, int, str, str]  # x, line within the group, key, label


def _group(v: Variant, x0: float, items: list[tuple[str, str]], x_max: float) -> list[Placed]:
    """Where the boxes of an option group go, wrapping to a new line at ``x_max``."""
    size = v.look.size - 0.6
    out: list[Placed] = []
    x, line = x0, 0
    for key, label in items:
        w = _box_advance(v) + 4 + width(label, v.look.regular, size)
        if x + w > x_max and x > x0:
            x, line = x0, line + 1
        out.append((x, line, key, label))
        x += w + 15
    return out


@dataclass(frozen=True)
class BlockShape:
    """The geometry of one result block, worked out before it is drawn (to keep it whole)."""

    head_lines: int
    groups: list[tuple[str | None, list[Placed]]]
    indent: float
    count_lines: list[str]
    height: float


def _shape(flow: Flow, block: Block, v: Variant) -> BlockShape:
    look = v.look
    g = flow.g
    size = look.size - 0.6
    right = f"Sitzung vom {fmt_date(block.date)}"
    needed = (width(block.gremium, look.bold, look.size) + width(right, look.regular, look.size)
              + width("TOP ____", look.regular, look.size) + 30)
    head_lines = 2 if needed > g.content_width - 20 else 1
    indent = g.left + 7 + max(63.0, width("Abstimmung:", look.regular, size) + 8)
    row1, row2 = LABELS[str(v.plan["labels"])]
    groups: list[tuple[str | None, list[Placed]]] = []
    if v.plan["public"]:
        groups.append((None, _group(v, g.left + 7, [("oe", "öffentlich"),
                                                     ("noe", "nicht öffentlich")], g.x1 - 8)))
    groups.append(("Beschluß:" if v.old else "Beschluss:", _group(v, indent, row1, g.x1 - 8)))
    groups.append((None, _group(v, indent, row2, g.x1 - 8)))
    count_lines: list[str] = []
    if v.plan["counts"] == "text":
        sentence = _count_sentence(block)
        if sentence:
            count_lines = [" ".join(w) for w in wrap(sentence, look.regular, size,
                                                     g.x1 - 8 - indent, hyphenate=False)]
    height = 6 + (head_lines - 1) * look.leading + 17
    height += sum(15 * (1 + max(line for _, line, _, _ in placed)) for _, placed in groups) + 1
    height += (size + 3) * len(count_lines) + 3 if count_lines else 15
    return BlockShape(head_lines, groups, indent, count_lines, height + 4)


def _count_sentence(block: Block) -> str | None:
    if not block.filled:
        return None
    if block.outcome == "einst":
        return "einstimmig angenommen"
    if not block.counts:
        return None
    ja, nein, enth = block.counts
    return (f"mit {ja} Ja-Stimmen gegen {nein} Gegenstimme{'n' if nein != 1 else ''} bei {enth} "
            f"Stimmenthaltung{'en' if enth != 1 else ''}")


def _block(flow: Flow, number: int, block: Block, v: Variant) -> None:
    look = v.look
    g = flow.g
    size = look.size - 0.6
    shape = _shape(flow, block, v)
    flow.ensure(shape.height + 6)
    top = flow.y
    y = top + 6
    flow.text(g.left + 7, y + look.size * 0.8, block.gremium, look.bold, look.size)
    y += (shape.head_lines - 1) * look.leading
    base = y + look.size * 0.8
    top_w = width("TOP ____", look.regular, look.size)
    if block.filled:
        flow.text(g.x1 - 8, base, f"TOP {block.top}", look.regular, look.size, align="right")
    else:
        flow.text(g.x1 - 8 - top_w, base, "TOP ____", look.regular, look.size)
        x_top = g.x1 - 8 - top_w + width("TOP ", look.regular, look.size)
        flow.anchor(f"beratungsergebnis[{number}].top", [x_top, base - 11, g.x1 - 8, base + 1])
    flow.text(g.x1 - 20 - top_w, base, f"Sitzung vom {fmt_date(block.date)}", look.regular,
              look.size, align="right")
    y += 17
    for label, placed in shape.groups:
        if label:
            flow.text(g.left + 7, y + size * 0.8, label, look.regular, size)
        for x, line, key, text in placed:
            baseline = y + line * 15 + size * 0.8
            checked = block.filled and option_ticked(key, block.outcome, block.public)
            field = f"beratungsergebnis[{number}].{OPTION_FIELDS[key]}" if key in OPTION_FIELDS else None
            advance = _box(flow, x, baseline, checked, text, field, v)
            flow.text(x + advance + 4, baseline, text, look.regular, size)
        y += 15 * (1 + max(line for _, line, _, _ in placed))
    y += 1
    y = _counts(flow, number, block, shape, y, v)
    height = y - top + 4
    flow.rect(g.left, top, g.x1, top + height, lw=0.7)
    flow.y = top + height


def _counts(flow: Flow, number: int, block: Block, shape: BlockShape, y: float, v: Variant
            ) -> float:
    look = v.look
    g = flow.g
    size = look.size - 0.6
    style = str(v.plan["counts"])
    base = y + 1 + size * 0.8
    values = block.counts if block.filled else None
    if style == "text":
        flow.text(g.left + 7, base, "Abstimmung:", look.regular, size)
        if shape.count_lines:
            for k, line in enumerate(shape.count_lines):
                flow.text(shape.indent, base + k * (size + 3), line, look.regular, size)
            return y + (size + 3) * len(shape.count_lines) + 3
        flow.line(shape.indent, y + size + 2, g.x1 - 10, y + size + 2, lw=0.5)
        return y + 15
    flow.text(g.left + 7, base, "Stimmen:", look.regular, size)
    x = shape.indent
    for k, label in enumerate(COUNT_LABELS[style]):
        x += flow.text(x, base, label, look.regular, size) + 5
        path = f"beratungsergebnis[{number}].{COUNT_KEYS[k]}"
        if style == "boxes":
            flow.rect(x, y - 2, x + 30, y + 12, lw=0.7)
            flow.anchor(path, [x + 3, y - 1, x + 27, y + 11])
            if values is not None:
                flow.text(x + 15, base, str(values[k]), look.bold, size, align="center")
            x += 30 + 16
        else:
            flow.line(x, y + size + 2, x + 34, y + size + 2, lw=0.5)
            flow.anchor(path, [x + 4, y - 4, x + 30, y + size + 1])
            if values is not None:
                flow.text(x + 17, base - 1, str(values[k]), look.regular, size, align="center")
            x += 34 + 16
    return y + 15


def _ergebnisse(flow: Flow, v: Variant) -> None:
    look = v.look
    flow.gap(14)
    first = _shape(flow, v.blocks[0], v)
    flow.ensure(first.height + 30)
    flow.text(flow.g.left, flow.y + look.size + 1.5, str(v.plan["ergebnis_heading"]), look.bold,
              look.size + 1.5)
    flow.y += look.leading + 6
    for number, block in enumerate(v.blocks):
        _block(flow, number, block, v)
        flow.gap(8)


def _decorator(doc: Doc, v: Variant) -> Callable[[Flow, int, int], None]:
    look = v.look
    short = "Amtsbericht" if doc.vorlagenart == "Amtsbericht" else "Antrag an den Gemeinderat"

    def draw(flow: Flow, number: int, total: int) -> None:
        g = flow.g
        if number > 1:
            head = (g.top_next or g.top) - 26
            flow.text(g.x1, head, f"{short} – GZ {doc.aktenzeichen}", look.regular, 8,
                      align="right")
            flow.line(g.left, head + 6, g.x1, head + 6, lw=0.4)
        foot = g.height - g.bottom + 24
        flow.line(g.left, foot - 6, g.x1, foot - 6, lw=0.4)
        flow.text(g.left, foot + 2, f"Magistrat {v.plan['city']}", look.regular, 7.5)
        flow.text(g.x1, foot + 2, f"Seite {number} von {total}", look.regular, 7.5,
                  align="right")

    return draw


def render(doc: Doc, v: Variant, path: Path, index: int) -> Rendered:
    del index
    look = v.look
    plan = v.plan
    flow = Flow(look.geometry, _decorator(doc, v))
    _letterhead(flow, doc, v)
    _title(flow, doc, v)
    _head_block(flow, doc, v)
    for part in plan["order"]:
        if part == "sv":
            _heading(flow, str(plan["headings"]["sv"]), v, gap=2)
            _paragraphs(flow, doc.begruendung, v, flow.g.left)
        elif part == "antrag":
            _antrag(flow, doc, v)
        else:
            _finanzen(flow, doc, v)
    _signature(flow, doc, v)
    _beilagen(flow, doc, v)
    _ergebnisse(flow, v)
    pages = flow.render(path, f"{doc.vorlagenart} {doc.aktenzeichen}")
    filled = sum(b.filled for b in v.blocks)
    features = [
        f"{look.regular} {look.size}pt",
        f"{pages} page(s)",
        {"spaced": "title typed apart 'A M T S B E R I C H T'",
         "plain": "title 'Amtsbericht'",
         "antrag": "title 'ANTRAG' over 'des Stadtsenates an den Gemeinderat' (not the art)"}[
            str(plan["title"])],
        f"'{plan['amt_label']}' line = Federführung, GZ in the letterhead block = Aktenzeichen",
        f"Beratungsfolge as plain lines ('{plan['folge']}' wording)",
        f"sections in the order {'/'.join(plan['order'])}",
        f"{plan['boxes']} boxes; finance ja/nein boxes map to no field",
        f"one framed result block per Gremium, {filled} of {len(v.blocks)} filled, votes as "
        f"{plan['counts']}; 'Sitzung vom' = sitzung_am in every block, TOP only when filled",
    ]
    if v.old:
        features.append("1998: old spelling (Beschluß, daß), Schilling amounts")
    if doc.hinweis:
        features.append("Hinweis in a frame beside the title")
    if doc.unterz.ort:
        features.append("place and date above the signature")
    return Rendered(path, LAYOUT, doc, flow.checkboxes, pages, features, flow.anchors)


def generate(out_dir: Path) -> list[Rendered]:
    return render_plans(LAYOUT, len(PLANS), build, render, out_dir)
