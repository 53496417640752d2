"""Checkbox scoring: truth and output boxes paired by position, then counted as correct, false
positive, false negative, missed or extra."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .fields import _as_list
from .keys import CHECKBOX_MIN_TOLERANCE
from .report import CheckboxIssue, CheckboxScore


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
