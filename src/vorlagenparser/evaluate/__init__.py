"""Score extraction outputs against hand-checked truth files (``X.truth.json`` beside ``X.pdf``).

Every content value is one *field*: a scalar, one key of one table row, one Anlage, one key of
the Unterzeichnung. Scalars must match after whitespace and typography normalisation; long texts
count as correct from a similarity of :data:`LONG_TEXT_THRESHOLD` (1 − character error rate).
Checkboxes are matched by position and scored apart: the ticked state (false positives and
negatives counted separately because they mean different things to an archivist), what the box
is tied to (its label, compared by :func:`label_key`, and the contract field it sets), truth boxes
not found (*missed*) and output boxes with no truth box (*phantoms*).

Calibration (:mod:`.calibration`) judges the output's own trust in its values: per confidence
bucket the share right, and per field and kind how many wrong values ``needs_review`` catches and
how many right ones it flags.
"""

from __future__ import annotations

from .calibration import (
    BUCKETS,
    KINDS,
    Bucket,
    Calibration,
    FlagStats,
    JudgedValue,
    Trust,
    calibrate,
    confidence_buckets,
    field_kind,
    flag_stats,
    judge_document,
    read_provenance,
)
from .checkboxes import match_boxes, pair_boxes, score_checkboxes
from .fields import compare_fields, same_value
from .files import evaluate, evaluate_document, truth_problems
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
    BoxResult,
    BoxScoring,
    CheckboxIssue,
    CheckboxIssueKind,
    CheckboxScore,
    DocumentResult,
    EvalReport,
    FieldResult,
    FieldStats,
    PlacedBox,
)
from .text import label_key, levenshtein, normalise_text, text_similarity

__all__ = [
    "BUCKETS",
    "CHECKBOX_MIN_TOLERANCE",
    "CONTENT_KEYS",
    "FIELD_GROUPS",
    "KINDS",
    "LONG_TEXT_FIELDS",
    "LONG_TEXT_THRESHOLD",
    "MISSING",
    "ROW_FIELDS",
    "SCALAR_FIELDS",
    "UNTERZEICHNUNG_KEYS",
    "BoxResult",
    "BoxScoring",
    "Bucket",
    "Calibration",
    "CheckboxIssue",
    "CheckboxIssueKind",
    "CheckboxScore",
    "DocumentResult",
    "EvalReport",
    "FieldResult",
    "FieldStats",
    "FlagStats",
    "JudgedValue",
    "PlacedBox",
    "Trust",
    "calibrate",
    "compare_fields",
    "confidence_buckets",
    "evaluate",
    "evaluate_document",
    "field_kind",
    "flag_stats",
    "judge_document",
    "label_key",
    "levenshtein",
    "match_boxes",
    "normalise_text",
    "pair_boxes",
    "read_provenance",
    "same_value",
    "score_checkboxes",
    "text_similarity",
    "truth_problems",
]
