"""Score extraction outputs against hand-checked truth files (``X.truth.json`` beside ``X.pdf``).

Every content value is one *field*: a scalar, one key of one table row, one Anlage, one key of
the Unterzeichnung. Scalars must match after whitespace and typography normalisation; long texts
count as correct from a similarity of :data:`LONG_TEXT_THRESHOLD` (1 − character error rate).
Checkboxes are matched by position and scored apart, with false positives and negatives counted
separately because they mean different things to an archivist.
"""

from __future__ import annotations

from .checkboxes import PlacedBox, match_boxes, score_checkboxes
from .fields import compare_fields, same_value
from .files import evaluate, truth_problems
from .keys import (
    CHECKBOX_MIN_TOLERANCE,
    CONTENT_KEYS,
    FIELD_GROUPS,
    LONG_TEXT_FIELDS,
    LONG_TEXT_THRESHOLD,
    MISSING,
    ROW_FIELDS,
    SCALAR_FIELDS,
    UNTERZEICHNUNG_KEYS,
)
from .report import (
    CheckboxIssue,
    CheckboxIssueKind,
    CheckboxScore,
    DocumentResult,
    EvalReport,
    FieldResult,
    FieldStats,
)
from .text import levenshtein, normalise_text, text_similarity

__all__ = [
    "CHECKBOX_MIN_TOLERANCE",
    "CONTENT_KEYS",
    "FIELD_GROUPS",
    "LONG_TEXT_FIELDS",
    "LONG_TEXT_THRESHOLD",
    "MISSING",
    "ROW_FIELDS",
    "SCALAR_FIELDS",
    "UNTERZEICHNUNG_KEYS",
    "CheckboxIssue",
    "CheckboxIssueKind",
    "CheckboxScore",
    "DocumentResult",
    "EvalReport",
    "FieldResult",
    "FieldStats",
    "PlacedBox",
    "compare_fields",
    "evaluate",
    "levenshtein",
    "match_boxes",
    "normalise_text",
    "same_value",
    "score_checkboxes",
    "text_similarity",
    "truth_problems",
]
