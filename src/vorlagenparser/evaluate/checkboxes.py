"""Checkbox scoring: truth and output boxes paired by position; each pair scored for its ticked
state and for what the box is tied to (its label and the contract field it sets); truth boxes
without an output box are *missed*, output boxes without a truth box are *phantoms*."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from .calibration import _confidence
from .fields import _as_list
from .report import BoxResult, BoxScoring, CheckboxIssue, CheckboxScore, PlacedBox


def _boxes(value: object) -> list[PlacedBox]:
    """Checkbox entries that have a page, a 4-number bbox and a checked flag; others are skipped
    (a malformed output box cannot be placed, so it cannot be scored)."""
    boxes: list[PlacedBox] = []
    for index, item in enumerate(_as_list(value)):
        if not isinstance(item, Mapping):
            continue
        bbox, page, field = item.get("bbox"), item.get("page"), item.get("field")
        if (isinstance(page, int) and isinstance(bbox, list) and len(bbox) == 4
                and all(isinstance(v, int | float) for v in bbox)):
            x0, top, x1, bottom = (float(v) for v in bbox)
            boxes.append(PlacedBox(page, (x0, top, x1, bottom), item.get("checked") is True,
                                   str(item.get("label") or ""),
                                   field if isinstance(field, str) and field else None,
                                   confidence=_confidence(item.get("confidence")),
                                   needs_review=item.get("needs_review") is True, index=index))
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


def pair_boxes(truth: Sequence[PlacedBox], got: Sequence[PlacedBox] | None) -> BoxScoring:
    """Pair by position; ``got=None`` (no output) misses every truth box."""
    output = list(got or [])
    matched = match_boxes(truth, output)
    used = set(matched.values())
    return BoxScoring(
        tuple(BoxResult(box, output[matched[ti]] if ti in matched else None)
              for ti, box in enumerate(truth)),
        tuple(g for gi, g in enumerate(output) if gi not in used))


def score_checkboxes(truth: Sequence[PlacedBox], got: Sequence[PlacedBox] | None
                     ) -> tuple[CheckboxScore, list[CheckboxIssue]]:
    """The counts and the list of everything wrong, for a document's truth and output boxes."""
    scoring = pair_boxes(truth, got)
    return scoring.score, scoring.issues
