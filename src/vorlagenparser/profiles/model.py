"""Profiles: a layout family's vocabulary and rules, as validated data (TOML files)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Labels = Annotated[list[Annotated[str, Field(min_length=1)]], Field(min_length=1)]
Words = list[str]  # an alias: inside SectionRule the name `list` is a field
ValueKind = Literal["text", "id", "date", "multiline"]


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FieldRule(_Data):
    """A labelled value: right of its label (same line) or below it (header tables)."""

    labels: Labels
    kind: ValueKind = "text"
    # A value must match this regular expression (after parsing) to be accepted.
    pattern: str | None = None
    # Without a label: a phrase in the first page's letterhead matching this regular expression.
    value_pattern: str | None = None


class SectionRule(_Data):
    """A text section from its heading to the next heading, across pages."""

    headings: Labels
    # Headings that also occur as words or titles ("Antrag"): they count only with a colon and
    # alone on their line.
    colon_headings: Words = Field(default_factory=list)
    # Regular expressions for headings that vary in the middle ("Die Bürgerschaft möge beschließen:").
    patterns: Words = Field(default_factory=list)
    # A first paragraph matching one of these introduces the section and is no part of it
    # ("Der Gemeinderat beantragt dem Einwohnerrat, folgenden Beschluss zu fassen:").
    lead_ins: Words = Field(default_factory=list)
    list: bool = False  # one entry per line or numbered item (Anlagen)


class TableRule(_Data):
    """Column header synonyms of a table (Beratungsfolge, Beratungsergebnis)."""

    headings: list[str] = Field(default_factory=list)  # section headings that introduce the table
    columns: dict[str, Labels]


class Profile(_Data):
    name: str
    description: str = ""
    extends: str | None = None
    # Keywords whose presence in a document's first page selects this profile.
    match: list[str] = Field(default_factory=list)
    priority: int = 0
    review_threshold: Annotated[float, Field(ge=0, le=1)] = 0.8
    vorlagenarten: list[str] = Field(default_factory=list)
    fields: dict[str, FieldRule] = Field(default_factory=dict)
    sections: dict[str, SectionRule] = Field(default_factory=dict)
    tables: dict[str, TableRule] = Field(default_factory=dict)
    # Checkbox label synonyms → key in a Beratungsergebnis entry (or any other output field).
    checkboxes: dict[str, Labels] = Field(default_factory=dict)
    zustaendigkeit: dict[str, Labels] = Field(default_factory=dict)
    oeffentlich_values: dict[str, Labels] = Field(default_factory=dict)
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
