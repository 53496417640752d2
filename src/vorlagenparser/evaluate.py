"""Score extraction outputs against hand-checked truth files (``X.truth.json`` beside ``X.pdf``).

Every content value is one *field*: a scalar, one key of one table row, one Anlage, one key of
the Unterzeichnung. Scalars must match after whitespace and typography normalisation; long texts
count as correct from a similarity of :data:`LONG_TEXT_THRESHOLD` (1 − character error rate).
Checkboxes are matched by position and scored apart, with false positives and negatives counted
separately because they mean different things to an archivist.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal

from .errors import VorlagenparserError
from .model import Beratungsergebnis, BeratungsfolgeEintrag, Checkbox, Unterzeichnung, Vorlage

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

# Typographic variants that differ between PDF producers, OCR and hand-typed truth.
_TYPOGRAPHY: Final = str.maketrans({
    **dict.fromkeys("„“”‟«»″", '"'),
    **dict.fromkeys("‚‘’‛‹›′`´", "'"),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    "\u00ad": None,  # soft hyphen
    "ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl",
})


class _Missing:
    """Stands for a value that is absent: no output file, or a row one side does not have."""

    def __repr__(self) -> str:
        return "<missing>"


MISSING: Final = _Missing()


# --------------------------------------------------------------------------- results


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


# --------------------------------------------------------------------------- entry point


def evaluate(outdir: Path, truthdir: Path) -> EvalReport:
    """Score every ``*.truth.json`` under ``truthdir`` against ``X.json`` found under ``outdir``.

    A missing or unreadable output counts as all fields wrong; a broken truth file raises.
    """
    for folder in (outdir, truthdir):
        if not folder.is_dir():
            raise VorlagenparserError("not a folder", path=folder)
    truths = sorted(truthdir.rglob("*.truth.json"))
    if not truths:
        raise VorlagenparserError("no *.truth.json files found", path=truthdir)
    outputs = _index_outputs(outdir)
    return EvalReport(tuple(_evaluate_one(t, truthdir, outdir, outputs) for t in truths))


def _evaluate_one(truth_path: Path, truthdir: Path, outdir: Path,
                  outputs: Mapping[str, Sequence[Path]]) -> DocumentResult:
    relative = truth_path.relative_to(truthdir)
    stem = relative.name.removesuffix(".truth.json")
    name = (relative.parent / stem).as_posix()
    truth = _load_truth(truth_path)
    output_path = _pick_output(outdir / relative.parent / f"{stem}.json", outputs.get(stem, ()))
    output, note = _load_output(output_path)
    score, issues = score_checkboxes(_boxes(truth.get("checkboxes")),
                                     None if output is None else _boxes(output.get("checkboxes")))
    return DocumentResult(name, truth_path, output_path, tuple(compare_fields(truth, output)),
                          score, tuple(issues), note)


def _index_outputs(outdir: Path) -> dict[str, list[Path]]:
    index: dict[str, list[Path]] = {}
    for path in sorted(outdir.rglob("*.json")):
        if not path.name.endswith(".truth.json"):
            index.setdefault(path.name.removesuffix(".json"), []).append(path)
    return index


def _pick_output(mirrored: Path, candidates: Sequence[Path]) -> Path | None:
    # The same sub-folder as the truth file wins; otherwise the name must be unique.
    if mirrored.is_file():
        return mirrored
    if len(candidates) > 1:
        listed = ", ".join(str(c) for c in candidates[:3])
        raise VorlagenparserError(
            f"{len(candidates)} outputs could belong to {mirrored.name} ({listed}); "
            "keep outputs in the same sub-folders as their truth files", path=mirrored.parent)
    return candidates[0] if candidates else None


def _load_truth(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise VorlagenparserError(f"cannot read truth file: {exc}", path=path) from exc
    problems = truth_problems(data)
    if problems:
        raise VorlagenparserError("broken truth file: " + "; ".join(problems[:5]), path=path)
    assert isinstance(data, dict)  # truth_problems guarantees it
    return {k: v for k, v in data.items() if k not in _IGNORED_TRUTH_KEYS}


def _load_output(path: Path | None) -> tuple[dict[str, Any] | None, str | None]:
    if path is None:
        return None, "no output file"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, f"output is not readable JSON: {exc}"
    if not isinstance(data, dict):
        return None, "output is not a JSON object"
    return data, None


def truth_problems(data: object) -> list[str]:
    """Structural mistakes in a truth file; a typo'd key must not silently score as "absent"."""
    if not isinstance(data, dict):
        return ["top level must be an object"]
    problems = [f"unknown key {k!r}" for k in data
                if k not in CONTENT_KEYS and k not in _IGNORED_TRUTH_KEYS]
    for table, keys in ROW_FIELDS.items():
        problems += _row_problems(table, data.get(table), frozenset(keys))
    problems += _row_problems("checkboxes", data.get("checkboxes"), _CHECKBOX_KEYS)
    unterzeichnung = data.get("unterzeichnung")
    if unterzeichnung is not None:
        problems += _row_problems("unterzeichnung", [unterzeichnung],
                                  frozenset(UNTERZEICHNUNG_KEYS))
    if not isinstance(data.get("anlagen", []), list):
        problems.append("anlagen must be a list")
    return problems


def _row_problems(name: str, rows: object, keys: frozenset[str]) -> list[str]:
    if rows is None:
        return []
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        return [f"{name} must be a list of objects"]
    return [f"unknown key {name}[{i}].{k}" for i, row in enumerate(rows) for k in row
            if k not in keys]


# --------------------------------------------------------------------------- fields


def compare_fields(truth: Mapping[str, Any], output: Mapping[str, Any] | None
                   ) -> Iterator[FieldResult]:
    """One result per content field; ``output=None`` (no output) makes every field wrong."""
    got: object = MISSING if output is None else output
    for name in SCALAR_FIELDS:
        yield _scalar(name, name, truth.get(name), _get(got, name))
    for name in LONG_TEXT_FIELDS:
        yield _long_text(name, truth.get(name), _get(got, name))
    for table, keys in ROW_FIELDS.items():
        yield from _rows(table, keys, truth.get(table), _get(got, table))
    signed = _get(got, "unterzeichnung")
    for key in UNTERZEICHNUNG_KEYS:
        path = f"unterzeichnung.{key}"
        yield _scalar(path, path, _get(truth.get("unterzeichnung"), key), _get(signed, key))
    yield from _items("anlagen", truth.get("anlagen"), _get(got, "anlagen"))


def _get(container: object, key: str) -> object:
    # MISSING propagates (no output, or a row one side lacks); an absent key or a null object
    # in a present document simply means null.
    if container is MISSING:
        return MISSING
    return container.get(key) if isinstance(container, Mapping) else None


def _rows(table: str, keys: Sequence[str], truth_rows: object, got_rows: object
          ) -> Iterator[FieldResult]:
    expected = _as_list(truth_rows)
    got: list[object] = [] if got_rows is MISSING else _as_list(got_rows)
    for i in range(max(len(expected), len(got))):
        truth_row = expected[i] if i < len(expected) else MISSING
        got_row = got[i] if i < len(got) else MISSING
        for key in keys:
            yield _scalar(f"{table}[{i}].{key}", f"{table}[].{key}",
                          _get(truth_row, key), _get(got_row, key))


def _items(name: str, truth_items: object, got_items: object) -> Iterator[FieldResult]:
    expected = _as_list(truth_items)
    got: list[object] = [] if got_items is MISSING else _as_list(got_items)
    for i in range(max(len(expected), len(got))):
        yield _scalar(f"{name}[{i}]", f"{name}[]", expected[i] if i < len(expected) else MISSING,
                      got[i] if i < len(got) else MISSING)


def _as_list(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else []


def _scalar(path: str, group: str, expected: object, got: object) -> FieldResult:
    return FieldResult(path, group, expected, got, same_value(expected, got))


def _long_text(name: str, expected: object, got: object) -> FieldResult:
    score = 0.0 if got is MISSING else text_similarity(_text(expected), _text(got))
    return FieldResult(name, name, expected, got, score >= LONG_TEXT_THRESHOLD, score)


def same_value(expected: object, got: object) -> bool:
    """Equal after normalisation; bools never equal numbers (JSON true is not 1)."""
    if expected is MISSING or got is MISSING:
        return False
    a, b = _normalise(expected), _normalise(got)
    return type(a) is type(b) and a == b


def normalise_text(text: str) -> str:
    """NFC, typographic quotes/dashes/ligatures folded, whitespace collapsed and stripped."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_TYPOGRAPHY).split())


def _normalise(value: object) -> object:
    if isinstance(value, str):
        return normalise_text(value) or None  # the model stores empty text as null
    return value


def _text(value: object) -> str:
    return normalise_text(value) if isinstance(value, str) else ""


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not normalise_text(value))


def text_similarity(reference: str, hypothesis: str) -> float:
    """1 − CER: edit distance relative to the reference length, clipped to [0, 1]."""
    if not reference:
        return 1.0 if not hypothesis else 0.0
    return max(0.0, 1.0 - levenshtein(reference, hypothesis) / len(reference))


def levenshtein(a: str, b: str) -> int:
    """Edit distance by Myers' bit-parallel algorithm (Hyyrö's global variant).

    One pass over ``b`` with Python integers as bit vectors as long as ``a``: linear in practice
    for page-long texts, where the textbook O(n·m) table takes seconds.
    """
    if len(a) > len(b):
        a, b = b, a  # the shorter string becomes the bit pattern
    if not a:
        return len(b)
    peq: dict[str, int] = {}
    for i, char in enumerate(a):
        peq[char] = peq.get(char, 0) | (1 << i)
    mask, top = (1 << len(a)) - 1, 1 << (len(a) - 1)
    pv, mv, score = mask, 0, len(a)
    for char in b:
        eq = peq.get(char, 0)
        xv = eq | mv
        xh = ((((eq & pv) + pv) & mask) ^ pv) | eq
        ph = (mv | ~(xh | pv)) & mask
        mh = pv & xh
        if ph & top:
            score += 1
        elif mh & top:
            score -= 1
        ph = ((ph << 1) | 1) & mask  # row 0 of the table grows by one per column
        mh = (mh << 1) & mask
        pv = (mh | ~(xv | ph)) & mask
        mv = ph & xv
    return score


# --------------------------------------------------------------------------- checkboxes


@dataclass(frozen=True, slots=True)
class PlacedBox:
    page: int
    bbox: tuple[float, float, float, float]
    checked: bool
    label: str

    @property
    def centre(self) -> tuple[float, float]:
        x0, top, x1, bottom = self.bbox
        return (x0 + x1) / 2, (top + bottom) / 2

    @property
    def tolerance(self) -> float:
        x0, top, x1, bottom = self.bbox
        return max(CHECKBOX_MIN_TOLERANCE, max(x1 - x0, bottom - top) / 2)


def _boxes(value: object) -> list[PlacedBox]:
    """Checkbox entries that have a page, a 4-number bbox and a checked flag; others are skipped
    (a malformed output box cannot be placed, so it cannot be scored)."""
    boxes: list[PlacedBox] = []
    for item in _as_list(value):
        if not isinstance(item, Mapping):
            continue
        bbox, page = item.get("bbox"), item.get("page")
        if (isinstance(page, int) and isinstance(bbox, list) and len(bbox) == 4
                and all(isinstance(v, int | float) for v in bbox)):
            x0, top, x1, bottom = (float(v) for v in bbox)
            boxes.append(PlacedBox(page, (x0, top, x1, bottom), item.get("checked") is True,
                              str(item.get("label") or "")))
    return boxes


def match_boxes(truth: Sequence[PlacedBox], got: Sequence[PlacedBox]) -> dict[int, int]:
    """Greedy nearest pairing on the same page within the truth box's tolerance: truth → output."""
    pairs = sorted(
        (math.dist(t.centre, g.centre), ti, gi)
        for ti, t in enumerate(truth) for gi, g in enumerate(got)
        if t.page == g.page and math.dist(t.centre, g.centre) <= t.tolerance)
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, ti, gi in pairs:
        if ti not in matched and gi not in used:
            matched[ti] = gi
            used.add(gi)
    return matched


def score_checkboxes(truth: Sequence[PlacedBox], got: Sequence[PlacedBox] | None
                     ) -> tuple[CheckboxScore, list[CheckboxIssue]]:
    """Count correct/FP/FN/missed/extra; ``got=None`` (no output) misses every truth box."""
    matched = match_boxes(truth, got or [])
    issues: list[CheckboxIssue] = []
    correct = 0
    for ti, box in enumerate(truth):
        output = (got or [])[matched[ti]] if ti in matched else None
        if output is not None and output.checked == box.checked:
            correct += 1
            continue
        issues.extend(_box_issues(box, output))
    used = set(matched.values())
    issues += [CheckboxIssue("extra", g.page, g.bbox, g.label, None, g.checked)
               for gi, g in enumerate(got or []) if gi not in used]
    kinds = [i.kind for i in issues]
    score = CheckboxScore(len(truth), correct, kinds.count("false_positive"),
                          kinds.count("false_negative"), kinds.count("missed"),
                          kinds.count("extra"))
    return score, issues


def _box_issues(box: PlacedBox, output: PlacedBox | None) -> list[CheckboxIssue]:
    got = None if output is None else output.checked
    issues: list[CheckboxIssue] = []
    if output is None:
        issues.append(CheckboxIssue("missed", box.page, box.bbox, box.label, box.checked, None))
    if box.checked and not got:
        issues.append(CheckboxIssue("false_negative", box.page, box.bbox, box.label, True, got))
    elif got and not box.checked:
        issues.append(CheckboxIssue("false_positive", box.page, box.bbox, box.label, False, True))
    return issues


# --------------------------------------------------------------------------- helpers


def _group_order(group: str) -> int:
    return FIELD_GROUPS.index(group) if group in FIELD_GROUPS else len(FIELD_GROUPS)


def _jsonable(value: object) -> object:
    return repr(value) if value is MISSING else value
