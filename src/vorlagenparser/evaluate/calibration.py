"""Calibration: does a value's confidence say how likely it is right, and does ``needs_review``
catch the wrong values without crying wolf on the right ones?

Every non-null value an output states and the scorer compared is one :class:`JudgedValue`: right
or wrong as the accuracy table counts it, with the confidence and ``needs_review`` of its
provenance entry (the provenance key is the value's path, e.g. ``beratungsergebnis[0].ja_stimmen``;
a value without an entry counts as unflagged, confidence unknown). Output checkboxes count too:
a box paired with a truth box is right when its ticked state is. A box where the truth has none
(a *phantom*) has no truth to judge its state by: most are real boxes placed a little off (a
skewed scan), some are no boxes at all; they are counted apart, with how many are flagged. A null
value states nothing, so it has no flag to judge.

From these values: the share right per confidence bucket, and per field and per kind of field the
*recall* of the flag (of the wrong values, the share flagged) and its *false-flag rate* (of the
right values, the share flagged).
"""

from __future__ import annotations

import re
import types
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Final, Literal, Protocol, Union, get_args, get_origin

from pydantic import BaseModel

from ..model import Vorlage
from .keys import FIELD_GROUPS, LONG_TEXT_FIELDS, MISSING

Kind = Literal["short", "long", "boolean", "count", "checkbox"]
KINDS: Final[tuple[Kind, ...]] = ("short", "long", "boolean", "count", "checkbox")
# Confidence buckets [low, high); the last one includes 1.0.
BUCKETS: Final = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.0))
CHECKBOX_FIELD: Final = "checkboxes[]"
_INDEX: Final = re.compile(r"\[\d+\]")


@dataclass(frozen=True, slots=True)
class Trust:
    """What an output says about one of its values: its confidence and whether it is flagged."""

    confidence: float | None = None
    flagged: bool = False


UNKNOWN: Final = Trust()


def read_provenance(output: Mapping[str, Any]) -> dict[str, Trust]:
    """The provenance of an output document, path → :class:`Trust`; malformed entries are left
    out (their values count as unflagged, confidence unknown)."""
    provenance = output.get("provenance")
    if not isinstance(provenance, Mapping):
        return {}
    return {path: Trust(_confidence(entry.get("confidence")), entry.get("needs_review") is True)
            for path, entry in provenance.items()
            if isinstance(path, str) and isinstance(entry, Mapping)}


def _confidence(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def field_kind(field: str) -> Kind:
    """The kind of a field (a path without list indices, as in the accuracy table), read from the
    contract's types: a long text, a boolean, a count (an integer), a checkbox; all else (names,
    numbers as text, dates, fixed terms, Anlagen) is a short field."""
    if field == CHECKBOX_FIELD or field.startswith("checkboxes"):
        return "checkbox"
    if field in LONG_TEXT_FIELDS:
        return "long"
    leaves = _field_types(field)
    if bool in leaves:
        return "boolean"
    if int in leaves:
        return "count"
    return "short"


def _field_types(field: str) -> set[object]:
    model: type[BaseModel] = Vorlage
    types_: set[object] = set()
    for part in _INDEX.sub("", field.replace("[]", "")).split("."):
        info = model.model_fields.get(part)
        if info is None:
            return set()
        types_ = _base_types(info.annotation)
        nested = [t for t in types_ if isinstance(t, type) and issubclass(t, BaseModel)]
        if nested:
            model = nested[0]
    return types_


def _base_types(annotation: object) -> set[object]:
    """The plain types an annotation allows: unions, Optional, Annotated, lists and Literals
    unwrapped (``Count | None`` → {int, NoneType})."""
    origin = get_origin(annotation)
    if origin is Literal:
        return {type(v) for v in get_args(annotation)}
    if origin in (Union, types.UnionType, list, Annotated):
        args = get_args(annotation)
        return _base_types(args[0]) if origin is Annotated else set().union(
            *(_base_types(a) for a in args))
    return {annotation}


def field_of(path: str) -> str:
    """The field of a concrete path: ``beratungsergebnis[1].ja_stimmen`` → ``…[].ja_stimmen``."""
    return _INDEX.sub("[]", path)


@dataclass(frozen=True, slots=True)
class JudgedValue:
    """One non-null output value: right or wrong, and what its output said about it."""

    document: str
    path: str  # e.g. "beratungsergebnis[0].ja_stimmen", "checkboxes[3]"
    field: str  # e.g. "beratungsergebnis[].ja_stimmen", "checkboxes[]"
    kind: Kind
    right: bool
    confidence: float | None
    flagged: bool


class ComparedValue(Protocol):
    """A truth/output comparison of one field (:class:`.FieldResult`)."""

    @property
    def path(self) -> str: ...
    @property
    def got(self) -> object: ...
    @property
    def correct(self) -> bool: ...


class OutputBox(Protocol):
    """An output checkbox (:class:`.PlacedBox`)."""

    @property
    def index(self) -> int | None: ...
    @property
    def confidence(self) -> float | None: ...
    @property
    def needs_review(self) -> bool: ...


class PairedBox(Protocol):
    """A truth box and the output box found at its place (:class:`.BoxResult`)."""

    @property
    def output(self) -> OutputBox | None: ...
    @property
    def state_correct(self) -> bool: ...


def judge_document(document: str, fields: Iterable[ComparedValue], boxes: Iterable[PairedBox],
                   provenance: Mapping[str, Trust]) -> Iterator[JudgedValue]:
    """Every non-null value of one output and every output box paired with a truth box, with its
    judgement, in the order given."""
    for result in fields:
        if _stated(result.got):
            field = field_of(result.path)
            trust = provenance.get(result.path, UNKNOWN)
            yield JudgedValue(document, result.path, field, field_kind(field), result.correct,
                              trust.confidence, trust.flagged)
    for paired in boxes:
        box = paired.output
        if box is not None:
            path = CHECKBOX_FIELD if box.index is None else f"checkboxes[{box.index}]"
            yield JudgedValue(document, path, CHECKBOX_FIELD, "checkbox", paired.state_correct,
                              box.confidence, box.needs_review)


def _stated(value: object) -> bool:
    if value is None or value is MISSING:
        return False
    return not isinstance(value, str) or bool(value.strip())


@dataclass(frozen=True, slots=True)
class Bucket:
    """Values whose confidence lies in [low, high) (the top bucket includes 1.0); ``low`` None:
    values without a confidence."""

    low: float | None
    high: float | None
    total: int
    right: int

    @property
    def share_right(self) -> float | None:
        return self.right / self.total if self.total else None

    @property
    def label(self) -> str:
        if self.low is None or self.high is None:
            return "no confidence"
        close = "]" if self.high >= BUCKETS[-1][1] else ")"
        return f"[{self.low:.2f}, {self.high:.2f}{close}"

    def to_dict(self) -> dict[str, Any]:
        return {"bucket": self.label, "low": self.low, "high": self.high, "total": self.total,
                "right": self.right, "share_right": self.share_right}


@dataclass(frozen=True, slots=True)
class FlagStats:
    """How well ``needs_review`` separates the wrong values of a field (or kind) from the right."""

    name: str
    wrong: int = 0
    wrong_flagged: int = 0
    right: int = 0
    right_flagged: int = 0

    @property
    def recall(self) -> float | None:
        """Of the wrong values, the share flagged (None: no wrong value)."""
        return self.wrong_flagged / self.wrong if self.wrong else None

    @property
    def false_flag_rate(self) -> float | None:
        """Of the right values, the share flagged (None: no right value)."""
        return self.right_flagged / self.right if self.right else None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "wrong": self.wrong, "wrong_flagged": self.wrong_flagged,
                "recall": self.recall, "right": self.right, "right_flagged": self.right_flagged,
                "false_flag_rate": self.false_flag_rate}


def flag_stats(name: str, values: Iterable[JudgedValue]) -> FlagStats:
    wrong = wrong_flagged = right = right_flagged = 0
    for v in values:
        if v.right:
            right += 1
            right_flagged += v.flagged
        else:
            wrong += 1
            wrong_flagged += v.flagged
    return FlagStats(name, wrong, wrong_flagged, right, right_flagged)


def confidence_buckets(values: Iterable[JudgedValue]) -> list[Bucket]:
    """The share right per bucket of :data:`BUCKETS`, then the values without a confidence."""
    tally = [[0, 0] for _ in range(len(BUCKETS) + 1)]
    for v in values:
        counts = tally[_bucket_index(v.confidence)]
        counts[0] += 1
        counts[1] += v.right
    buckets = [Bucket(low, high, total, right)
               for (low, high), (total, right) in zip(BUCKETS, tally, strict=False)]
    return [*buckets, Bucket(None, None, *tally[-1])]


def _bucket_index(confidence: float | None) -> int:
    if confidence is None:
        return len(BUCKETS)
    for i, (_, high) in enumerate(BUCKETS[:-1]):
        if confidence < high:
            return i
    return len(BUCKETS) - 1


@dataclass(frozen=True)
class Calibration:
    """The judged values of a run, and the documents whose output says it needs review."""

    values: tuple[JudgedValue, ...] = ()
    flagged_documents: frozenset[str] = frozenset()
    phantoms: int = 0  # output boxes without a truth box: not judged
    phantoms_flagged: int = 0

    @property
    def buckets(self) -> list[Bucket]:
        return confidence_buckets(self.values)

    @property
    def per_field(self) -> list[FlagStats]:
        """One row per field, in the accuracy table's order, checkboxes last."""
        fields: dict[str, list[JudgedValue]] = {}
        for v in self.values:
            fields.setdefault(v.field, []).append(v)
        order = (*FIELD_GROUPS, CHECKBOX_FIELD)
        return [flag_stats(name, values) for name, values in
                sorted(fields.items(), key=lambda item: (
                    order.index(item[0]) if item[0] in order else len(order), item[0]))]

    @property
    def per_kind(self) -> list[FlagStats]:
        """One row per kind of field that has values, in the order of :data:`KINDS`."""
        return [flag_stats(kind, [v for v in self.values if v.kind == kind])
                for kind in KINDS if any(v.kind == kind for v in self.values)]

    @property
    def overall(self) -> FlagStats:
        return flag_stats("all values", self.values)

    @property
    def unflagged_documents(self) -> list[str]:
        """Documents with a wrong value whose output does not say it needs review at all."""
        return sorted({v.document for v in self.values
                       if not v.right and v.document not in self.flagged_documents})

    def to_dict(self) -> dict[str, Any]:
        return {
            "buckets": [b.to_dict() for b in self.buckets],
            "per_field": [s.to_dict() | {"kind": field_kind(s.name)} for s in self.per_field],
            "per_kind": [s.to_dict() for s in self.per_kind],
            "overall": self.overall.to_dict(),
            "unflagged_documents": self.unflagged_documents,
            "phantom_checkboxes": self.phantoms,
            "phantom_checkboxes_flagged": self.phantoms_flagged,
        }


def calibrate(values: Iterable[JudgedValue], flagged_documents: Iterable[str] = (),
              phantoms: Iterable[OutputBox] = ()) -> Calibration:
    """The calibration of judged values; ``flagged_documents`` names the outputs that say they
    need review, ``phantoms`` are the output boxes without a truth box."""
    unjudged = list(phantoms)
    return Calibration(tuple(values), frozenset(flagged_documents), len(unjudged),
                       sum(p.needs_review for p in unjudged))

