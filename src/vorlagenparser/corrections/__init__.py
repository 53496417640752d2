"""Corrections a person made in the review tool: value paths, checking typed values, and
applying (or, after a new extraction, re-applying) them to a document.

Pure functions over :class:`~vorlagenparser.model.Vorlage`; the log file they are kept in is
written by :mod:`vorlagenparser.writers.correction_log`.
"""

from __future__ import annotations

from .apply import ACTIONS, Action, BoxRef, Edit, apply_edit, needs_review, reapply
from .paths import (
    CHECKBOXES,
    FieldType,
    Leaf,
    box_index,
    field_type,
    leaves,
    parse_input,
    parse_path,
)

__all__ = ["ACTIONS", "CHECKBOXES", "Action", "BoxRef", "Edit", "FieldType", "Leaf", "apply_edit",
           "box_index", "field_type", "leaves", "needs_review", "parse_input", "parse_path", "reapply"]
