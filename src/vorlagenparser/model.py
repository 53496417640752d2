"""The output contract (schema v1) as pydantic v2 models.

``schemas/beschlussvorlage.schema.json`` is generated from :class:`Vorlage`; a test fails when the
committed file and these models differ. Keys are German domain terms in snake_case.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    StringConstraints,
    field_validator,
    model_validator,
)

SCHEMA_VERSION: Literal["1.0"] = "1.0"

Confidence = Annotated[float, Field(ge=0.0, le=1.0)]
PageNumber = Annotated[int, Field(ge=1)]
Count = Annotated[int, Field(ge=0, le=10_000)]
NonEmpty = Annotated[str, Field(min_length=1)]
Box = Annotated[list[float], Field(min_length=4, max_length=4,
                                   description="[x0, top, x1, bottom] in PDF points from the top left")]
Zustaendigkeit = Literal["Vorberatung", "Entscheidung", "Kenntnisnahme"]
Method = Literal["text", "ocr"]
CheckboxSource = Literal["vector", "glyph", "acroform", "raster"]


class _Strict(BaseModel):
    # The published schema describes output as written (serialization mode): every key is always
    # present, null where unknown, so a document without e.g. "betreff" is not a valid output.
    # Python callers may still leave fields out and get their defaults.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_assignment=False,
                              json_schema_serialization_defaults_required=True)


def _check_box(value: list[float]) -> list[float]:
    x0, top, x1, bottom = value
    if x1 < x0 or bottom < top:
        raise ValueError("box must be [x0, top, x1, bottom] with x0 <= x1 and top <= bottom")
    return value


class PageInfo(_Strict):
    number: PageNumber
    method: Method
    width: Annotated[float, Field(gt=0)]
    height: Annotated[float, Field(gt=0)]
    rotation: Literal[0, 90, 180, 270] = 0
    ocr_confidence: Confidence | None = None


class Source(_Strict):
    # The name as stored, spaces included (fixity); undecodable bytes are written \xNN.
    filename: Annotated[str, StringConstraints(strip_whitespace=False, min_length=1)]
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    page_count: Annotated[int, Field(ge=0)]
    pages: list[PageInfo]
    profile: str | None = Field(default=None, description="name of the layout profile used")
    extractor_version: str | None = None

    @model_validator(mode="after")
    def _pages_match_count(self) -> Source:
        if len(self.pages) != self.page_count:
            raise ValueError(f"page_count is {self.page_count} but {len(self.pages)} pages are listed")
        return self


class BeratungsfolgeEintrag(_Strict):
    gremium: NonEmpty
    sitzung_am: dt.date | None = None
    top: str | None = None
    zustaendigkeit: Zustaendigkeit | None = None
    oeffentlich: bool | None = None


class Beratungsergebnis(_Strict):
    gremium: str | None = None
    sitzung_am: dt.date | None = None
    top: str | None = None
    oeffentlich: bool | None = None
    nichtoeffentlich: bool | None = None
    einstimmig: bool | None = None
    mit_stimmenmehrheit: bool | None = None
    ja_stimmen: Count | None = None
    nein_stimmen: Count | None = None
    enthaltungen: Count | None = None
    laut_beschlussvorschlag: bool | None = None
    abweichender_beschluss: bool | None = None
    kenntnisnahme: bool | None = None
    stellungnahme_beigefuegt: bool | None = None


class Unterzeichnung(_Strict):
    ort: str | None = None
    datum: dt.date | None = None
    name: str | None = None


class Checkbox(_Strict):
    label: str
    checked: bool
    page: PageNumber
    bbox: Box
    confidence: Confidence
    source: CheckboxSource
    field: str | None = Field(default=None, description="the output field this box was mapped to")
    label_bbox: Box | None = Field(default=None, description="where the label the box was tied to is printed")
    needs_review: bool = Field(default=False, description="the state or the label tie is uncertain")
    review_reason: str | None = Field(default=None, description="why the box is flagged for review")

    _box = field_validator("bbox")(_check_box)

    @field_validator("label_bbox")
    @classmethod
    def _label_box(cls, value: list[float] | None) -> list[float] | None:
        return None if value is None else _check_box(value)


class Provenance(_Strict):
    page: PageNumber
    bbox: Box | None = Field(description="where the value is printed; null when it is not printed "
                                         "on a page (method 'metadata')")
    method: Literal["text", "ocr", "metadata", "manual"]
    confidence: Confidence
    raw: str | None = Field(default=None, description="the printed text, when it could not be parsed")
    needs_review: bool = Field(default=False, description="the value may be wrong: a person should check it")
    review_reason: str | None = Field(default=None, description="why the value is flagged for review "
                                      "('OCR confidence 0.42', 'reads like noise' …)")

    @field_validator("bbox")
    @classmethod
    def _box(cls, value: list[float] | None) -> list[float] | None:
        return None if value is None else _check_box(value)


class Correction(_Strict):
    """A value a person corrected, ticked or accepted in the review tool (``vorlagenparser review``).

    ``old`` keeps what the extractor read, so a correction can be audited and undone; the
    corrected value itself stands in the document, its provenance ``method`` is ``manual``.
    """

    path: NonEmpty = Field(description="the value's path, as in provenance: 'betreff', "
                                       "'beratungsergebnis[0].einstimmig', 'checkboxes[3]'")
    action: Literal["corrected", "accepted", "toggled"]
    old: JsonValue = Field(description="the extractor's value")
    new: JsonValue = Field(description="the value after the correction")
    time: dt.datetime


class Vorlage(_Strict):
    schema_version: Literal["1.0"] = SCHEMA_VERSION
    source: Source
    vorlagenart: str | None = None
    vorlagennummer: str | None = None
    aktenzeichen: str | None = None
    datum: dt.date | None = None
    federfuehrung: str | None = None
    hinweis: str | None = None
    betreff: str | None = None
    beratungsfolge: list[BeratungsfolgeEintrag] = Field(default_factory=list)
    beschlussvorschlag: str | None = None
    begruendung: str | None = None
    finanzielle_auswirkungen: str | None = None
    beratungsergebnis: list[Beratungsergebnis] = Field(default_factory=list)
    unterzeichnung: Unterzeichnung = Field(default_factory=Unterzeichnung)
    anlagen: list[NonEmpty] = Field(default_factory=list)
    checkboxes: list[Checkbox] = Field(default_factory=list)
    provenance: dict[str, Provenance] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)
    needs_review: bool = False
    corrections: list[Correction] = Field(default_factory=list)

    @field_validator("vorlagenart", "vorlagennummer", "aktenzeichen", "federfuehrung",
                     "hinweis", "betreff", "beschlussvorschlag", "begruendung",
                     "finanzielle_auswirkungen")
    @classmethod
    def _empty_is_null(cls, value: str | None) -> str | None:
        return value or None

    @model_validator(mode="after")
    def _review_follows_warnings(self) -> Vorlage:
        if self.warnings and not self.needs_review:
            raise ValueError("needs_review must be true when there are warnings")
        return self
