"""The results: per field, per checkbox, per document, and the report over all documents."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Literal

from .calibration import Calibration, JudgedValue, Trust, calibrate, judge_document
from .keys import CHECKBOX_MIN_TOLERANCE, FIELD_GROUPS, LONG_TEXT_THRESHOLD, MISSING
from .text import _is_blank, label_key


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
class PlacedBox:
    """A checkbox of a truth or output file, as far as scoring needs it."""

    page: int
    bbox: tuple[float, float, float, float]
    checked: bool
    label: str
    field: str | None = None  # the contract field the box sets, e.g. "beratungsergebnis[0].einstimmig"
    # What an output box says about itself (calibration only: not part of a box's identity).
    confidence: float | None = dataclasses.field(default=None, compare=False)
    needs_review: bool = dataclasses.field(default=False, compare=False)
    index: int | None = dataclasses.field(default=None, compare=False)  # place in its file's list

    @property
    def centre(self) -> tuple[float, float]:
        x0, top, x1, bottom = self.bbox
        return (x0 + x1) / 2, (top + bottom) / 2

    @property
    def tolerance(self) -> float:
        """How far an output box's centre may lie from this one's and still be this box."""
        x0, top, x1, bottom = self.bbox
        return max(CHECKBOX_MIN_TOLERANCE, max(x1 - x0, bottom - top) / 2)


CheckboxIssueKind = Literal["false_positive", "false_negative", "missed", "phantom",
                            "wrong_label", "wrong_field"]


@dataclass(frozen=True, slots=True)
class CheckboxIssue:
    kind: CheckboxIssueKind
    page: int
    bbox: tuple[float, float, float, float]
    label: str  # the truth box's label; a phantom's own
    expected: bool | str | None  # the state, label or field the truth has; None for a phantom
    got: bool | str | None  # the output's; None for a missed box (or an output without field)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "page": self.page, "bbox": list(self.bbox),
                "label": self.label, "expected": self.expected, "got": self.got}


@dataclass(frozen=True, slots=True)
class BoxResult:
    """One truth box and the output box found at its place (None: missed)."""

    truth: PlacedBox
    output: PlacedBox | None

    @property
    def state_error(self) -> Literal["false_positive", "false_negative"] | None:
        if self.output is None or self.output.checked == self.truth.checked:
            return None
        return "false_positive" if self.output.checked else "false_negative"

    @property
    def state_correct(self) -> bool:
        return self.output is not None and self.state_error is None

    @property
    def label_correct(self) -> bool:
        return self.output is not None and label_key(self.output.label) == label_key(
            self.truth.label)

    @property
    def field_correct(self) -> bool:
        return self.output is not None and self.output.field == self.truth.field

    def issues(self) -> list[CheckboxIssue]:
        truth, output = self.truth, self.output

        def issue(kind: CheckboxIssueKind, expected: bool | str | None,
                  got: bool | str | None) -> CheckboxIssue:
            return CheckboxIssue(kind, truth.page, truth.bbox, truth.label, expected, got)

        if output is None:
            return [issue("missed", truth.checked, None)]
        issues = []
        if self.state_error is not None:
            issues.append(issue(self.state_error, truth.checked, output.checked))
        if not self.label_correct:
            issues.append(issue("wrong_label", truth.label, output.label))
        if not self.field_correct:
            issues.append(issue("wrong_field", truth.field, output.field))
        return issues


@dataclass(frozen=True, slots=True)
class CheckboxScore:
    total: int = 0  # truth boxes
    found: int = 0  # truth boxes with an output box at their place
    correct: int = 0  # found with the right ticked state
    false_positives: int = 0  # found ticked, truth empty
    false_negatives: int = 0  # found empty, truth ticked
    missed: int = 0  # truth boxes without an output box near them
    phantoms: int = 0  # output boxes without a truth box near them
    labels_correct: int = 0  # found and tied to the right label
    fields_correct: int = 0  # found and mapped to the truth's contract field (or to none)

    @property
    def accuracy(self) -> float | None:
        """Right state over all truth boxes: a missed box counts against it."""
        return self.correct / self.total if self.total else None

    @property
    def label_accuracy(self) -> float | None:
        """Right label over the boxes found (missed boxes are counted apart)."""
        return self.labels_correct / self.found if self.found else None

    @property
    def field_accuracy(self) -> float | None:
        """Right contract field over the boxes found."""
        return self.fields_correct / self.found if self.found else None

    def __add__(self, other: CheckboxScore) -> CheckboxScore:
        return CheckboxScore(*(a + b for a, b in zip(_counts(self), _counts(other), strict=True)))

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "found": self.found, "correct": self.correct,
                "accuracy": self.accuracy, "false_positives": self.false_positives,
                "false_negatives": self.false_negatives, "missed": self.missed,
                "phantoms": self.phantoms, "labels_correct": self.labels_correct,
                "label_accuracy": self.label_accuracy, "fields_correct": self.fields_correct,
                "field_accuracy": self.field_accuracy}


def _counts(score: CheckboxScore) -> tuple[int, ...]:
    return tuple(getattr(score, f.name) for f in fields(score))


@dataclass(frozen=True, slots=True)
class BoxScoring:
    """Every truth box with the output box paired with it, and the output boxes left over."""

    boxes: tuple[BoxResult, ...]
    phantoms: tuple[PlacedBox, ...]

    @property
    def score(self) -> CheckboxScore:
        found = [b for b in self.boxes if b.output is not None]
        return CheckboxScore(
            total=len(self.boxes), found=len(found),
            correct=sum(b.state_correct for b in found),
            false_positives=sum(b.state_error == "false_positive" for b in found),
            false_negatives=sum(b.state_error == "false_negative" for b in found),
            missed=len(self.boxes) - len(found), phantoms=len(self.phantoms),
            labels_correct=sum(b.label_correct for b in found),
            fields_correct=sum(b.field_correct for b in found))

    @property
    def issues(self) -> list[CheckboxIssue]:
        issues = [issue for box in self.boxes for issue in box.issues()]
        issues += [CheckboxIssue("phantom", g.page, g.bbox, g.label, None, g.checked)
                   for g in self.phantoms]
        return issues


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
    boxes: BoxScoring = field(default_factory=lambda: BoxScoring((), ()))
    note: str | None = None  # why the output counts as missing, if it does
    provenance: Mapping[str, Trust] = field(default_factory=dict)  # the output's, by value path
    needs_review: bool | None = None  # the output's own flag; None without output

    @property
    def judged(self) -> list[JudgedValue]:
        """The output's non-null values, each right or wrong, with its confidence and flag."""
        return list(judge_document(self.name, self.fields, self.boxes.boxes, self.provenance))

    @property
    def mismatches(self) -> list[FieldResult]:
        return [f for f in self.fields if not f.correct]

    @property
    def checkboxes(self) -> CheckboxScore:
        return self.boxes.score

    @property
    def checkbox_issues(self) -> list[CheckboxIssue]:
        return self.boxes.issues

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
    def calibration(self) -> Calibration:
        return calibrate((v for d in self.documents for v in d.judged),
                         (d.name for d in self.documents if d.needs_review),
                         (p for d in self.documents for p in d.boxes.phantoms))

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
            "calibration": self.calibration.to_dict(),
            "per_document": [d.to_dict() for d in self.documents],
        }


def _group_order(group: str) -> int:
    return FIELD_GROUPS.index(group) if group in FIELD_GROUPS else len(FIELD_GROUPS)


def _jsonable(value: object) -> object:
    return repr(value) if value is MISSING else value
