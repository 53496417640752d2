"""What is scored and how strictly: the content keys of a Vorlage, the rows of the accuracy
table, the thresholds, and :data:`MISSING` for an absent value."""

from __future__ import annotations

from typing import Final

from ..model import Beratungsergebnis, BeratungsfolgeEintrag, Checkbox, Unterzeichnung, Vorlage

LONG_TEXT_THRESHOLD: Final = 0.97
# Smallest centre distance (points) that still pairs a truth box with an output box.
CHECKBOX_MIN_TOLERANCE: Final = 6.0

SCALAR_FIELDS: Final = ("vorlagenart", "vorlagennummer", "aktenzeichen", "datum", "federfuehrung",
                        "hinweis", "betreff")
LONG_TEXT_FIELDS: Final = ("beschlussvorschlag", "begruendung", "finanzielle_auswirkungen")
ROW_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "beratungsfolge": tuple(BeratungsfolgeEintrag.model_fields),
    "beratungsergebnis": tuple(Beratungsergebnis.model_fields),
}
UNTERZEICHNUNG_KEYS: Final = tuple(Unterzeichnung.model_fields)
CONTENT_KEYS: Final = frozenset(
    {*SCALAR_FIELDS, *LONG_TEXT_FIELDS, *ROW_FIELDS, "unterzeichnung", "anlagen", "checkboxes"})
# The rows of the accuracy table, in the document's order: header, texts, tables, signature.
FIELD_GROUPS: Final = (
    *SCALAR_FIELDS, *LONG_TEXT_FIELDS,
    *(f"{table}[].{key}" for table, keys in ROW_FIELDS.items() for key in keys),
    *(f"unterzeichnung.{key}" for key in UNTERZEICHNUNG_KEYS), "anlagen[]")
# Truth files may carry these, but they describe the run, not the document's content.
_IGNORED_TRUTH_KEYS: Final = frozenset({"sample"} | (set(Vorlage.model_fields) - CONTENT_KEYS))
_CHECKBOX_KEYS: Final = frozenset(Checkbox.model_fields)


class _Missing:
    """Stands for a value that is absent: no output file, or a row one side does not have."""

    def __repr__(self) -> str:
        return "<missing>"


MISSING: Final = _Missing()
