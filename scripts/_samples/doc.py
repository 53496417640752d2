"""The single data structure every sample is rendered from and its truth is written from.

A layout fills a :class:`Doc` with exactly what it prints (``None``/``[]`` for what it does not
print), renders it, and :mod:`_samples.truth` serialises the same object. The truth can therefore
never drift from the rendering by hand-editing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Soft hyphen: a permitted break point inside a word. The renderer prints "-" when it breaks
# there and nothing otherwise; the truth drops it, so "Verkehrs-\nplanung" → "Verkehrsplanung".
SOFT = "\u00ad"


def clean(text: str) -> str:
    """The text as a reader would transcribe it: soft hyphens removed."""
    return text.replace(SOFT, "")


@dataclass
class Para:
    """One paragraph or list item. ``bullet`` is the printed marker ("•", "–", "1.") if any."""

    text: str
    bullet: str | None = None

    def truth(self) -> str:
        body = clean(self.text)
        return f"{self.bullet} {body}" if self.bullet else body


@dataclass
class Folge:
    gremium: str
    sitzung_am: dt.date | None = None
    top: str | None = None
    zustaendigkeit: str | None = None
    oeffentlich: bool | None = None


@dataclass
class Ergebnis:
    gremium: str | None = None
    sitzung_am: dt.date | None = None
    top: str | None = None
    oeffentlich: bool | None = None
    nichtoeffentlich: bool | None = None
    einstimmig: bool | None = None
    mit_stimmenmehrheit: bool | None = None
    ja_stimmen: int | None = None
    nein_stimmen: int | None = None
    enthaltungen: int | None = None
    laut_beschlussvorschlag: bool | None = None
    abweichender_beschluss: bool | None = None
    kenntnisnahme: bool | None = None
    stellungnahme_beigefuegt: bool | None = None


@dataclass
class Unterz:
    ort: str | None = None
    datum: dt.date | None = None
    name: str | None = None


@dataclass
class CheckboxTruth:
    """A printed boolean box; ``bbox`` is [x0, top, x1, bottom] in points from the top left."""

    label: str
    checked: bool
    page: int
    bbox: list[float]
    field: str | None


@dataclass
class Doc:
    vorlagenart: str | None = None
    vorlagennummer: str | None = None
    aktenzeichen: str | None = None
    datum: dt.date | None = None
    federfuehrung: str | None = None
    hinweis: str | None = None
    betreff: str | None = None
    betreff_hier: str | None = None  # printed on its own line, starting with "hier:"
    beratungsfolge: list[Folge] = field(default_factory=list)
    beschluss: list[Para] = field(default_factory=list)
    begruendung: list[Para] = field(default_factory=list)
    finanzen: list[Para] = field(default_factory=list)
    ergebnisse: list[Ergebnis] = field(default_factory=list)
    unterz: Unterz = field(default_factory=Unterz)
    anlagen: list[str] = field(default_factory=list)
    # Rendering-only facts that are not output fields (town, signer's title, party, ...).
    town: str = ""
    signer_title: str | None = None
    topic: str = ""
