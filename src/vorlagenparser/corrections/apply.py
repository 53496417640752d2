"""Apply what a person did in the review tool to a document: correct, accept or toggle.

An :class:`Edit` is one such action as ``corrections.jsonl`` keeps it. Applying it sets the
value, marks its provenance ``manual`` and no longer in need of review, and records a
:class:`~vorlagenparser.model.Correction` whose ``old`` stays the extractor's value however
often the value is corrected. A box and the field it was mapped to describe one fact, so they
change together. The same function re-applies the edits when a batch converts the document
again, which is why a toggled box is found again by where it is printed, not by its index.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import JsonValue, ValidationError

from ..errors import CorrectionError
from ..geometry import BBox, overlap_ratio
from ..model import Vorlage
from .paths import CHECKBOXES, box_index, field_type, get_value, parse_path, set_value

Action = Literal["corrected", "accepted", "toggled"]
ACTIONS: tuple[Action, ...] = ("corrected", "accepted", "toggled")
# A re-extracted box is the same box when it covers this much of the one the edit was made on.
_SAME_BOX = 0.5


@dataclass(frozen=True, slots=True)
class BoxRef:
    """Where a toggled box is printed: finds it again in a new extraction of the document."""

    page: int
    bbox: tuple[float, float, float, float]
    label: str


@dataclass(frozen=True, slots=True)
class Edit:
    """One action of a person on one value (a line of ``corrections.jsonl``)."""

    sha256: str
    path: str
    action: Action
    new: JsonValue
    time: dt.datetime
    old: JsonValue = None  # the extractor's value; filled in by :func:`apply_edit`
    box: BoxRef | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"sha256": self.sha256, "path": self.path, "action": self.action,
                                "old": self.old, "new": self.new,
                                "time": self.time.isoformat(timespec="seconds")}
        if self.box is not None:
            data["box"] = {"page": self.box.page, "bbox": list(self.box.bbox), "label": self.box.label}
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Edit:
        """ValueError, KeyError or TypeError for a line that is no edit."""
        if data.get("action") not in ACTIONS:
            raise ValueError(f"unknown action {data.get('action')!r}")
        return cls(sha256=str(data["sha256"]), path=str(data["path"]), action=data["action"],
                   new=data.get("new"), old=data.get("old"),
                   time=dt.datetime.fromisoformat(data["time"]), box=_box_from_json(data.get("box")))


def _box_from_json(box: dict[str, Any] | None) -> BoxRef | None:
    if box is None:
        return None
    x0, top, x1, bottom = (float(v) for v in box["bbox"])  # four numbers, or ValueError
    return BoxRef(int(box["page"]), (x0, top, x1, bottom), str(box["label"]))


def apply_edit(vorlage: Vorlage, edit: Edit) -> tuple[Vorlage, Edit]:
    """The document with ``edit`` applied, and the edit with ``old`` (the extractor's value)
    and a box's position filled in. CorrectionError when the value does not fit its field or
    the document has no such value; the document given is never changed."""
    doc = _Document(vorlage, edit.time)
    path = doc.locate(edit)
    value = doc.change(path, edit.action, edit.new)
    for linked in doc.linked(path, value):
        doc.change(linked, edit.action, value)
    done = doc.finish()
    old = next(c.old for c in done.corrections if c.path == path)
    return done, Edit(edit.sha256, path, edit.action, value, edit.time, old, _box_ref(done, path))


def reapply(vorlage: Vorlage, edits: Iterable[Edit]) -> Vorlage:
    """A newly extracted document with a person's earlier edits applied again, in order.

    An edit that no longer fits (its row or box is gone) becomes a warning naming its path,
    so the document is flagged for review instead of silently losing the correction.
    """
    for edit in edits:
        try:
            vorlage, _ = apply_edit(vorlage, edit)
        except CorrectionError as exc:
            warning = (f"{edit.path}: the {edit.action} value of {edit.time:%Y-%m-%d %H:%M} "
                       f"could not be applied again ({exc.message})")
            vorlage = vorlage.model_copy(update={"warnings": [*vorlage.warnings, warning],
                                                 "needs_review": True})
    return vorlage


def needs_review(data: dict[str, Any]) -> bool:
    """A document needs review while a value or a box is flagged or a warning stands."""
    return (any(p["needs_review"] for p in data["provenance"].values())
            or any(b["needs_review"] for b in data[CHECKBOXES]) or bool(data["warnings"]))


def _box_ref(vorlage: Vorlage, path: str) -> BoxRef | None:
    if not path.startswith(CHECKBOXES):
        return None
    box = vorlage.checkboxes[box_index(path)]
    x0, top, x1, bottom = box.bbox
    return BoxRef(box.page, (x0, top, x1, bottom), box.label)


class _Document:
    """A document dumped as JSON while edits change it; validated once at the end."""

    def __init__(self, vorlage: Vorlage, time: dt.datetime) -> None:
        self.data = vorlage.model_dump(mode="json")
        self.time = time.isoformat()

    def locate(self, edit: Edit) -> str:
        """The edit's path in this document: a box is looked up by where it is printed."""
        if edit.action != "accepted" or edit.path not in self.data["provenance"]:
            field_type(edit.path)  # a single value; a whole row's provenance can be accepted
        if edit.box is None or not edit.path.startswith(CHECKBOXES):
            return edit.path
        ref = edit.box
        boxes = [(overlap_ratio(BBox(*ref.bbox), BBox(*b["bbox"])), i)
                 for i, b in enumerate(self.data[CHECKBOXES]) if b["page"] == ref.page]
        score, index = max(boxes, default=(0.0, -1))
        if score < _SAME_BOX:
            raise CorrectionError(f"no box {ref.label!r} on page {ref.page} any more")
        return f"{CHECKBOXES}[{index}]"

    def change(self, path: str, action: Action, new: JsonValue) -> JsonValue:
        """Set one value (a box: its state); returns the value set. Accepting keeps the value
        as it is, or sets the one the person accepted when a new extraction reads another."""
        tokens = parse_path(path)
        box = get_value(self.data, tokens) if path.startswith(CHECKBOXES) else None
        old = box["checked"] if box is not None else get_value(self.data, tokens)
        if action == "accepted" and new is None:
            new = old
        if box is not None:
            box.update(checked=new, needs_review=False, confidence=1.0)
        else:
            set_value(self.data, tokens, new)
            self._provenance(path, new)
        self._record(path, action, old, new)
        return new

    def linked(self, path: str, value: JsonValue) -> list[str]:
        """The other side of a box ↔ field mapping: the field a box sets, or the boxes that set
        a field. Only yes/no values link (a field emptied leaves its boxes as printed)."""
        if not isinstance(value, bool):
            return []
        boxes = self.data[CHECKBOXES]
        if path.startswith(CHECKBOXES):
            target = boxes[box_index(path)]["field"]
            return [target] if target and self._is_bool_value(target) else []
        return [f"{CHECKBOXES}[{i}]" for i, b in enumerate(boxes) if b["field"] == path]

    def finish(self) -> Vorlage:
        self.data["needs_review"] = needs_review(self.data)
        try:
            return Vorlage.model_validate(self.data)
        except ValidationError as exc:
            error = exc.errors()[0]
            where = ".".join(str(p) for p in error["loc"])
            raise CorrectionError(f"{where}: {error['msg']}") from None

    def _provenance(self, path: str, value: JsonValue) -> None:
        provenance = self.data["provenance"]
        if value is None:
            provenance.pop(path, None)  # provenance describes values; the old one is in corrections
            return
        entry = provenance.setdefault(path, {"page": self._page_near(path), "bbox": None, "raw": None})
        entry.update(method="manual", confidence=1.0, needs_review=False)

    def _page_near(self, path: str) -> int:
        """A value filled in where none was read: the page of its row, else page 1."""
        row = path.rsplit(".", 1)[0] + "."
        pages = [p["page"] for key, p in self.data["provenance"].items() if key.startswith(row)]
        return min(pages, default=1)

    def _record(self, path: str, action: Action, old: JsonValue, new: JsonValue) -> None:
        corrections: list[dict[str, Any]] = self.data["corrections"]
        earlier = next((c for c in corrections if c["path"] == path), None)
        if earlier is None:
            corrections.append({"path": path, "action": action, "old": old, "new": new,
                                "time": self.time})
        else:  # one entry per value: the extractor's value stays, the latest action wins
            earlier.update(action=action, new=new, time=self.time)

    def _is_bool_value(self, path: str) -> bool:
        try:
            get_value(self.data, parse_path(path))
            return field_type(path).kind == "bool"
        except CorrectionError:
            return False
