"""Seeded random documents built from :mod:`_samples.pools`.

Layouts call :func:`make_doc` and then blank out (set to ``None``/``[]``) whatever they do not
print, so the :class:`~_samples.doc.Doc` they render is exactly the truth.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from _samples import pools
from _samples.doc import SOFT, Doc, Ergebnis, Folge, Para, Unterz

MONTHS = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]


def fmt_date(d: dt.date, style: str = "dmy") -> str:
    """Dates as municipal templates print them; every style parses back to the same day."""
    if style == "dmy":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "short":  # "7.2.23"
        return f"{d.day}.{d.month}.{d.year % 100:02d}"
    if style == "dm_y2":  # "07.02.23"
        return f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}"
    if style == "long":  # "7. Februar 2023"
        return f"{d.day}. {MONTHS[d.month - 1]} {d.year}"
    if style == "nopad":  # "7.2.2023"
        return f"{d.day}.{d.month}.{d.year}"
    raise ValueError(style)


def fill(template: str, values: dict[str, str]) -> str:
    """Fill placeholders and turn "~" into soft hyphens (permitted break points)."""
    return template.format(**values).replace("~", SOFT)


@dataclass
class DocSpec:
    """What a layout wants from the generator."""

    town: str
    year: int
    vorlagenart: str = "Beschlussvorlage"
    nummer: str = "VO/2023/0123"
    n_folge: int = 2
    n_begr: int = 4  # paragraphs of Begründung; ~12 fill a page at 10 pt
    sentences_per_para: tuple[int, int] = (2, 4)
    bullets: bool = True
    topic: str | None = None


def _values(rng: random.Random, year: int) -> dict[str, str]:
    return {
        "gebiet": rng.choice(pools.GEBIETE),
        "strasse": rng.choice(pools.STRASSEN),
        "jahr": str(year),
        "fraktion": rng.choice(pools.FRAKTIONEN),
    }


def _begruendung(
    rng: random.Random, topic: dict[str, list[str]], spec: DocSpec, values: dict[str, str]
) -> list[Para]:
    sentences = [fill(s, values) for s in topic["begr"]]
    rng.shuffle(sentences)
    generic = [fill(s, values) for s in pools.GENERIC]
    rng.shuffle(generic)
    pool = sentences + generic
    paras: list[Para] = []
    used = 0
    for index in range(spec.n_begr):
        n = rng.randint(*spec.sentences_per_para)
        chunk = [pool[(used + k) % len(pool)] for k in range(n)]
        used += n
        paras.append(Para(" ".join(chunk)))
        if spec.bullets and index == 1 and topic["bullets"]:
            marker = rng.choice(["•", "–", "-"])
            paras.extend(Para(fill(b, values), marker) for b in topic["bullets"])
    return paras


def make_folge(rng: random.Random, n: int, start: dt.date, art: str) -> list[Folge]:
    """A plausible Beratungsfolge: committees first, the council decides last."""
    gremien = [*rng.sample(pools.GREMIEN[1:], k=max(0, n - 1)), rng.choice(pools.FINAL_GREMIEN)]
    day = start
    folge = []
    for index, gremium in enumerate(gremien):
        day = day + dt.timedelta(days=rng.randint(6, 20))
        last = index == len(gremien) - 1
        if art in ("Mitteilungsvorlage", "Informationsvorlage"):
            role = "Kenntnisnahme"
        else:
            role = "Entscheidung" if last else "Vorberatung"
        folge.append(Folge(gremium, day, None, role, rng.random() > 0.2))
    return folge


# The Ergebnis fields a Beratungsergebnis grid may print.
ERGEBNIS_KEYS = [
    "top",
    "oeffentlich",
    "nichtoeffentlich",
    "einstimmig",
    "mit_stimmenmehrheit",
    "ja_stimmen",
    "nein_stimmen",
    "enthaltungen",
    "laut_beschlussvorschlag",
    "abweichender_beschluss",
    "kenntnisnahme",
    "stellungnahme_beigefuegt",
]


# Result options by key, as the forms of the ported families name them, and their fields.
OPTION_FIELDS = {
    "oe": "oeffentlich",
    "noe": "nichtoeffentlich",
    "einst": "einstimmig",
    "mehr": "mit_stimmenmehrheit",
    "lbv": "laut_beschlussvorschlag",
    "abw": "abweichender_beschluss",
    "kenntnis": "kenntnisnahme",
    "stell": "stellungnahme_beigefuegt",
}


def option_ticked(key: str, outcome: str, public: bool) -> bool:
    """Whether a filled result form ticks option ``key`` for a Gremium's ``outcome`` (einst:
    unanimous as proposed, mehr: by majority as proposed, mehr_abw: by majority with changes,
    kenntnis: taken note of) in a public or closed meeting; options without a field
    (abgelehnt, vertagt, ...) stay blank."""
    return {
        "oe": public,
        "noe": not public,
        "einst": outcome == "einst",
        "mehr": outcome.startswith("mehr"),
        "lbv": outcome in ("einst", "mehr"),
        "abw": outcome == "mehr_abw",
        "kenntnis": outcome == "kenntnis",
    }.get(key, False)


def blank_unprinted(e: Ergebnis, printed: set[str | None], keep: tuple[str, ...] = ()) -> None:
    """Set the ERGEBNIS_KEYS a layout's grid does not print (and ``keep`` does not name) to None."""
    for key in ERGEBNIS_KEYS:
        if key not in printed and key not in keep:
            setattr(e, key, None)


def make_ergebnis(
    rng: random.Random,
    folge: Folge | None,
    ticked: bool,
    *,
    with_top: bool = True,
    public_boxes: bool = True,
    art: str = "Beschlussvorlage",
) -> Ergebnis:
    """One Beratungsergebnis; an unticked one has every box false and no counts.

    Only the flags; which keys a layout prints (the rest must be None) is set by the layout.
    """
    e = Ergebnis(
        oeffentlich=False,
        nichtoeffentlich=False,
        einstimmig=False,
        mit_stimmenmehrheit=False,
        laut_beschlussvorschlag=False,
        abweichender_beschluss=False,
        kenntnisnahme=False,
        stellungnahme_beigefuegt=False,
    )
    if not public_boxes:
        e.oeffentlich = e.nichtoeffentlich = None
    if folge is not None:
        e.gremium = folge.gremium
    if not ticked:
        return e
    if folge is not None:
        e.sitzung_am = folge.sitzung_am
        e.top = str(rng.choice([rng.randint(2, 19), f"{rng.randint(2, 9)}.{rng.randint(1, 4)}"]))
        if not with_top:
            e.top = None
    if public_boxes:
        public = folge.oeffentlich if folge and folge.oeffentlich is not None else True
        e.oeffentlich, e.nichtoeffentlich = public, not public
    if art in ("Mitteilungsvorlage", "Informationsvorlage"):
        e.kenntnisnahme = True
        return e
    if rng.random() < 0.45:
        e.einstimmig = True
        if rng.random() < 0.5:
            e.ja_stimmen = rng.randint(9, 44)
            e.nein_stimmen, e.enthaltungen = 0, 0
    else:
        e.mit_stimmenmehrheit = True
        e.ja_stimmen = rng.randint(12, 30)
        e.nein_stimmen = rng.randint(1, 11)
        e.enthaltungen = rng.randint(0, 5)
    if rng.random() < 0.75:
        e.laut_beschlussvorschlag = True
    else:
        e.abweichender_beschluss = True
    e.stellungnahme_beigefuegt = rng.random() < 0.3
    return e


def make_doc(rng: random.Random, spec: DocSpec) -> Doc:
    topic_name = spec.topic or rng.choice(sorted(pools.TOPICS))
    topic = pools.TOPICS[topic_name]
    values = _values(rng, spec.year)
    datum = dt.date(spec.year, rng.randint(1, 11), rng.randint(1, 28))
    folge = make_folge(rng, spec.n_folge, datum, spec.vorlagenart)
    name = rng.choice(pools.NAMES)
    az = f"{rng.randint(10, 68)}.{rng.randint(1, 9)}-{rng.randint(10, 99)}-{rng.randint(1, 30):02d}"
    return Doc(
        vorlagenart=spec.vorlagenart,
        vorlagennummer=spec.nummer,
        aktenzeichen=az,
        datum=datum,
        federfuehrung=rng.choice(pools.AEMTER),
        hinweis=rng.choice(pools.HINWEISE) if rng.random() < 0.35 else None,
        betreff=fill(rng.choice(topic["betreff"]), values),
        betreff_hier=fill(rng.choice(topic["hier"]), values) if rng.random() < 0.8 else None,
        beratungsfolge=folge,
        beschluss=[Para(fill(p, values)) for p in topic["beschluss"]],
        begruendung=_begruendung(rng, topic, spec, values),
        finanzen=[Para(fill(rng.choice(topic["finanz"]), values))],
        unterz=Unterz(spec.town, datum, name),
        anlagen=[a.format(**values) for a in topic["anlagen"][: rng.randint(1, 3)]],
        town=spec.town,
        signer_title=rng.choice(pools.TITLES),
        topic=topic_name,
    )
