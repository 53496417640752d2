"""The results: per field, per checkbox, per document, and the report over all documents."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .keys import FIELD_GROUPS, LONG_TEXT_THRESHOLD, MISSING
from .text import _is_blank


@dataclass(frozen=True, slots=True)
class FieldResult:
    path: str  # the concrete place, e.g. "beratungsfolge[1].gremium"
    group: str  # the row of the accuracy table, e.g. "beratungsfolge[].gremium"
    expected: object
    got: object
    correct: bool
    similarity: float | None = None  # long-text fields only

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.path, "expected": _jsonable(self.expected),
                "got": _jsonable(self.got), "similarity": self.similarity}


@dataclass(frozen=True, slots=True)
class CheckboxScore:
    total: int = 0  # truth boxes
    correct: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    missed: int = 0  # truth boxes without an output box near them
    extra: int = 0  # output boxes without a truth box near them

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    def __add__(self, other: CheckboxScore) -> CheckboxScore:
        return CheckboxScore(*(a + b for a, b in zip(_counts(self), _counts(other), strict=True)))

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "correct": self.correct, "accuracy": self.accuracy,
                "false_positives": self.false_positives,
                "false_negatives": self.false_negatives, "missed": self.missed,
                "extra": self.extra}


def _counts(score: CheckboxScore) -> tuple[int, ...]:
    return (score.total, score.correct, score.false_positives, score.false_negatives,
            score.missed, score.extra)


CheckboxIssueKind = Literal["false_positive", "false_negative", "missed", "extra"]


@dataclass(frozen=True, slots=True)
class CheckboxIssue:
    kind: CheckboxIssueKind
    page: int
    bbox: tuple[float, float, float, float]
    label: str
    expected: bool | None  # None for an extra output box
    got: bool | None  # None for a missed truth box

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "page": self.page, "bbox": list(self.bbox),
                "label": self.label, "expected": self.expected, "got": self.got}


@dataclass(frozen=True, slots=True)
class FieldStats:
    group: str
    correct: int
    total: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0


@dataclass(frozen=True)
class DocumentResult:
    name: str  # truth path relative to the truth folder, without ".truth.json"
    truth: Path
    output: Path | None
    fields: tuple[FieldResult, ...]
    checkboxes: CheckboxScore
    checkbox_issues: tuple[CheckboxIssue, ...] = ()
    note: str | None = None  # why the output counts as missing, if it does

    @property
    def mismatches(self) -> list[FieldResult]:
        return [f for f in self.fields if not f.correct]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "truth": str(self.truth),
                "output": str(self.output) if self.output else None, "note": self.note,
                "fields_correct": sum(f.correct for f in self.fields),
                "fields_total": len(self.fields),
                "mismatches": [f.to_dict() for f in self.mismatches],
                "checkboxes": self.checkboxes.to_dict(),
                "checkbox_issues": [i.to_dict() for i in self.checkbox_issues]}


@dataclass(frozen=True)
class EvalReport:
    documents: tuple[DocumentResult, ...] = field(default_factory=tuple)

    def all_fields(self) -> Iterator[FieldResult]:
        for document in self.documents:
            yield from document.fields

    @property
    def per_field(self) -> list[FieldStats]:
        tally: dict[str, list[int]] = {}
        for result in self.all_fields():
            counts = tally.setdefault(result.group, [0, 0])
            counts[0] += result.correct
            counts[1] += 1
        return [FieldStats(group, c, t) for group, (c, t) in
                sorted(tally.items(), key=lambda item: _group_order(item[0]))]

    @property
    def fields_correct(self) -> int:
        return sum(f.correct for f in self.all_fields())

    @property
    def fields_total(self) -> int:
        return sum(len(d.fields) for d in self.documents)

    @property
    def field_accuracy(self) -> float | None:
        return self.fields_correct / self.fields_total if self.fields_total else None

    @property
    def checkboxes(self) -> CheckboxScore:
        return sum((d.checkboxes for d in self.documents), CheckboxScore())

    @property
    def long_text_similarities(self) -> list[float]:
        """Similarities of long-text fields where truth or output has text (both empty is no
        evidence either way)."""
        return [f.similarity for f in self.all_fields() if f.similarity is not None
                and not (_is_blank(f.expected) and _is_blank(f.got))]

    @property
    def mean_long_text_similarity(self) -> float | None:
        values = self.long_text_similarities
        return sum(values) / len(values) if values else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": len(self.documents),
            "missing_outputs": sum(d.note is not None for d in self.documents),
            "field_accuracy": self.field_accuracy,
            "fields_correct": self.fields_correct,
            "fields_total": self.fields_total,
            "long_text_threshold": LONG_TEXT_THRESHOLD,
            "mean_long_text_similarity": self.mean_long_text_similarity,
            "long_text_count": len(self.long_text_similarities),
            "checkbox_accuracy": self.checkboxes.accuracy,
            "checkboxes": self.checkboxes.to_dict(),
            "per_field": [{"field": s.group, "correct": s.correct, "total": s.total,
                           "accuracy": s.accuracy} for s in self.per_field],
            "per_document": [d.to_dict() for d in self.documents],
        }


def _group_order(group: str) -> int:
    return FIELD_GROUPS.index(group) if group in FIELD_GROUPS else len(FIELD_GROUPS)


def _jsonable(value: object) -> object:
    return repr(value) if value is MISSING else value
