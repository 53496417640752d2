"""Layout 5: a party group's Antrag in letter form (no boxes, no tables).

Party letterhead, recipient block naming the mayor (a second person's name to confuse with the
signatory), "Erlangen, den 7.7.2022", "Antrag" heading, "Betreff:" line, salutation, "Der
Stadtrat möge beschließen:", Begründung, "Mit freundlichen Grüßen" and the signatory.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _samples import pools
from _samples.common import Look, Rendered, decorator, fix_bullets, paragraphs, random_look
from _samples.content import fill, fmt_date
from _samples.doc import Doc, Para
from _samples.flow import Flow
from _samples.plans import plan_doc, render_plans

LAYOUT = "antrag"

PLANS: list[dict[str, Any]] = [
    {
        "topic": "klimaschutz",
        "families": ["helvetica"],
        "n_begr": 2,
        "bullets": False,
        "numbered": False,
        "nummer": True,
        "date_style": "nopad",
        "header": "none",
    },
    {
        "topic": "radverkehr",
        "families": ["dejavu_sans"],
        "n_begr": 8,
        "numbered": True,
        "nummer": False,
        "date_style": "short",
        "header": "slash",
    },
    {
        "topic": "kita",
        "families": ["times"],
        "n_begr": 5,
        "numbered": True,
        "nummer": True,
        "date_style": "long",
        "header": "dash",
    },
]
PLZ = {"Erlangen": "91052", "Bad Dürkheim": "67098", "Neustadt an der Weinstraße": "67433"}


@dataclass(frozen=True)
class Variant:
    look: Look
    plan: dict[str, Any]
    fraktion: str
    mayor: str
    opener: str


def build(index: int) -> tuple[Doc, Variant]:
    rng = random.Random(f"{LAYOUT}-{index}")
    plan = PLANS[index]
    year = rng.choice([2021, 2022, 2023])
    town = sorted(PLZ)[index % len(PLZ)]
    doc = plan_doc(rng, plan, town=town, year=year, vorlagenart="Antrag",
                   nummer=f"{rng.randint(20, 180)}/{year}", n_folge=1)
    fraktion = rng.choice(pools.FRAKTIONEN)
    variant = Variant(
        random_look(rng, plan["families"], size=(10.5, 12.0)),
        plan,
        fraktion,
        rng.choice(pools.MAYORS),
        fill(rng.choice(pools.ANTRAG_OPENERS), {"fraktion": fraktion}),
    )
    fix_bullets(doc, variant.look)
    if not plan["nummer"]:
        doc.vorlagennummer = None
    doc.aktenzeichen = doc.federfuehrung = doc.hinweis = None
    doc.beratungsfolge = []
    doc.ergebnisse = []
    doc.finanzen = []
    doc.betreff_hier = None
    doc.anlagen = [] if index != 1 else doc.anlagen[:1]
    if plan["numbered"]:
        doc.beschluss = [Para(p.text, f"{n}.") for n, p in enumerate(doc.beschluss, 1)]
    doc.signer_title = rng.choice(
        ["Fraktionsvorsitzende", "Fraktionsvorsitzender", "Stadtratsmitglied"]
    )
    # The letter's place and date head it; the signature under "Mit freundlichen Grüßen" has none.
    doc.unterz.ort = doc.unterz.datum = None
    return doc, variant


def render(doc: Doc, v: Variant, path: Path, index: int) -> Rendered:
    del index
    look = v.look
    g = look.geometry
    flow = Flow(g, decorator(str(v.plan["header"]), doc.vorlagennummer, look))
    flow.text(g.left, g.top + 14, v.fraktion, look.bold, 14)
    flow.text(g.left, g.top + 28, f"im Stadtrat {doc.town}", look.regular, 11)
    flow.text(
        g.left,
        g.top + 48,
        f"{v.fraktion} · Rathausplatz 1 · {PLZ[doc.town]} {doc.town}",
        look.regular,
        7,
        gray=0.3,
    )
    y = g.top + 64
    for line in (
        "An den",
        "Oberbürgermeister",
        f"Herrn {v.mayor}",
        "Rathausplatz 1",
        f"{PLZ[doc.town]} {doc.town}",
    ):
        flow.text(g.left, y + look.size, line, look.regular, look.size)
        y += look.leading
    date = fmt_date(doc.datum, str(v.plan["date_style"])) if doc.datum else ""
    flow.text(
        g.x1,
        y + look.leading + look.size,
        f"{doc.town}, den {date}",
        look.regular,
        look.size,
        align="right",
    )
    flow.y = y + look.leading * 3
    title = f"Antrag Nr. {doc.vorlagennummer}" if doc.vorlagennummer else "Antrag"
    flow.text(g.left, flow.y + 14, title, look.bold, 14)
    flow.y += 26
    flow.paragraph(f"Betreff: {doc.betreff}", look.bold, look.size, look.leading)
    flow.gap(look.leading)
    flow.paragraph("Sehr geehrter Herr Oberbürgermeister,", look.regular, look.size, look.leading)
    flow.gap(look.size * 0.6)
    flow.paragraph(v.opener, look.regular, look.size, look.leading)
    flow.gap(look.size * 0.8)
    flow.paragraph("Der Stadtrat möge beschließen:", look.bold, look.size, look.leading)
    flow.gap(look.size * 0.5)
    paragraphs(flow, doc.beschluss, look, x=g.left + 20)
    flow.gap(look.leading)
    flow.paragraph("Begründung:", look.bold, look.size, look.leading, keep=True)
    flow.gap(look.size * 0.5)
    paragraphs(flow, doc.begruendung, look)
    flow.gap(look.leading)
    flow.ensure(look.leading * 5)
    flow.paragraph("Mit freundlichen Grüßen", look.regular, look.size, look.leading)
    flow.gap(look.leading * 2)
    flow.paragraph(doc.unterz.name or "", look.regular, look.size, look.leading)
    flow.paragraph(doc.signer_title or "", look.regular, look.size, look.leading)
    if doc.anlagen:
        flow.gap(look.leading)
        flow.paragraph(f"Anlage: {doc.anlagen[0]}", look.regular, look.size, look.leading)
    pages = flow.render(path, title)
    features = [
        f"{look.regular} {look.size}pt",
        f"{pages} page(s)",
        "letter form, no boxes",
        "recipient block names another person (the mayor)",
        "numbered Beschluss items" if v.plan["numbered"] else "plain Beschluss",
        f"date '{v.plan['date_style']}' after the town",
    ]
    return Rendered(path, LAYOUT, doc, flow.checkboxes, pages, features)


def generate(out_dir: Path) -> list[Rendered]:
    return render_plans("antrag", len(PLANS), build, render, out_dir)
