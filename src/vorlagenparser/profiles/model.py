"""Profiles: a layout family's vocabulary and rules, as validated data (TOML files)."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema

Labels = Annotated[list[Annotated[str, Field(min_length=1)]], Field(min_length=1)]
ValueKind = Literal["text", "id", "date", "multiline"]


def _known(names: tuple[str, ...]) -> AfterValidator:
    """A dict key must be one of ``names``: a misspelt name ("vorlagennumer") would otherwise be
    accepted and silently never used."""

    def check(name: str) -> str:
        if name not in names:
            raise ValueError(f"unknown name {name!r}; known: {', '.join(names)}")
        return name

    return AfterValidator(check)


def _enum(names: tuple[str, ...]) -> WithJsonSchema:
    return WithJsonSchema({"type": "string", "enum": list(names)})


# The names a profile may configure: the output's labelled values and its text sections. Typed
# `str` for the layout code that reads them; checked on load.
FIELD_NAMES = ("vorlagenart", "vorlagennummer", "aktenzeichen", "datum", "federfuehrung",
               "hinweis", "betreff", "beschlussvorschlag", "begruendung", "finanzielle_auswirkungen")
SECTION_NAMES = ("beschlussvorschlag", "begruendung", "finanzielle_auswirkungen", "anlagen",
                 "beratungsfolge", "beratungsergebnis")
TABLE_NAMES = ("beratungsfolge", "beratungsergebnis")
ZUSTAENDIGKEITEN = ("Vorberatung", "Entscheidung", "Kenntnisnahme")
BOOLEANS = ("true", "false")
# The checkbox keys whose labels ("Ja-Stimmen", "Enthaltungen") are printed beside vote counts,
# numbers, not beside boxes.
COUNT_KEYS = ("ja_stimmen", "nein_stimmen", "enthaltungen")
FieldName = Annotated[str, _known(FIELD_NAMES), _enum(FIELD_NAMES)]
SectionName = Annotated[str, _known(SECTION_NAMES), _enum(SECTION_NAMES)]
TableName = Annotated[str, _known(TABLE_NAMES), _enum(TABLE_NAMES)]
ZustaendigkeitName = Annotated[str, _known(ZUSTAENDIGKEITEN), _enum(ZUSTAENDIGKEITEN)]
BoolName = Annotated[str, _known(BOOLEANS), _enum(BOOLEANS)]


def _compiles(pattern: str) -> str:
    """Reject a broken regular expression when the profile loads, not when a document hits it."""
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from exc
    return pattern


Pattern = Annotated[str, AfterValidator(_compiles)]
Patterns = list[Pattern]  # an alias: inside SectionRule the name `list` is a field
Words = list[str]


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FieldRule(_Data):
    """A labelled value: right of its label (same line) or below it (header tables)."""

    labels: Labels
    kind: ValueKind = "text"
    # A value must match this regular expression (after parsing) to be accepted.
    pattern: Pattern | None = None
    # Without a label: a phrase in the first page's letterhead matching this regular expression.
    value_pattern: Pattern | None = None


class SectionRule(_Data):
    """A text section from its heading to the next heading, across pages."""

    headings: Labels
    # Headings that also occur as words or titles ("Antrag"): they count only with a colon and
    # alone on their line.
    colon_headings: Words = Field(default_factory=list)
    # Regular expressions for headings that vary in the middle ("Die Bürgerschaft möge beschließen:").
    patterns: Patterns = Field(default_factory=list)
    # A first paragraph matching one of these introduces the section and is no part of it
    # ("Der Gemeinderat beantragt dem Einwohnerrat, folgenden Beschluss zu fassen:").
    lead_ins: Patterns = Field(default_factory=list)
    list: bool = False  # one entry per line or numbered item (Anlagen)


class TableRule(_Data):
    """Column header synonyms of a table (Beratungsfolge, Beratungsergebnis)."""

    headings: list[str] = Field(default_factory=list)  # section headings that introduce the table
    columns: dict[str, Labels]


class Profile(_Data):
    name: str
    description: str = ""
    extends: str | None = None
    # Keywords that must all occur on a document's first page (after folding case, umlauts and
    # spacing) for this profile to be chosen; among fitting profiles the highest priority wins,
    # then the most specific (more keywords, then longer ones).
    match: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list)
    priority: int = 0
    review_threshold: Annotated[float, Field(ge=0, le=1)] = 0.7
    vorlagenarten: list[str] = Field(default_factory=list)
    fields: dict[FieldName, FieldRule] = Field(default_factory=dict)
    sections: dict[SectionName, SectionRule] = Field(default_factory=dict)
    tables: dict[TableName, TableRule] = Field(default_factory=dict)
    # Checkbox label synonyms → key in a Beratungsergebnis entry (or any other output field).
    checkboxes: dict[str, Labels] = Field(default_factory=dict)
    zustaendigkeit: dict[ZustaendigkeitName, Labels] = Field(default_factory=dict)
    oeffentlich_values: dict[BoolName, Labels] = Field(default_factory=dict)
    # Roles printed above or below a signature ("Der Oberbürgermeister"): never a name.
    signature_roles: list[str] = Field(default_factory=list)
    signature_prefixes: list[str] = Field(default_factory=list)
    place_prefixes: list[str] = Field(default_factory=list)
    no_proposal: list[str] = Field(default_factory=list)
    # Text on its own line that ends a section without being a field (e.g. a form's footer).
    stop_lines: list[str] = Field(default_factory=list)
    # Letters open with these; such text is no part of a proposal.
    salutations: list[str] = Field(default_factory=list)
    # Where no Betreff label exists, the first bold block after the header is the Betreff.
    betreff_from_bold_block: bool = True
    # Text between Betreff and the next heading is the Beschlussvorschlag when none is labelled.
    beschlussvorschlag_after_betreff: bool = False
    sha256: str = ""
