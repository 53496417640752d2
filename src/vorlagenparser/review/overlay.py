"""What the document view shows, computed from the document JSON alone (no extraction runs):
the overlay shapes per page and the values grouped as the form lists them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Literal

from pydantic import JsonValue

from ..corrections import CHECKBOXES, FieldType, Leaf, leaves
from ..corrections.paths import get_value, parse_path
from ..errors import CorrectionError
from ..model import Checkbox, Vorlage

ShapeKind = Literal["value", "box"]
_ROW_TYPE = FieldType("text")  # a provenance key for a whole row: shown, accepted, not edited


@dataclass(frozen=True, slots=True)
class Shape:
    """One box drawn over a page, in page points from the top left."""

    kind: ShapeKind
    path: str
    bbox: tuple[float, float, float, float]
    flagged: bool
    manual: bool
    title: str
    checked: bool | None = None
    label_bbox: tuple[float, float, float, float] | None = None

    @property
    def width(self) -> float:
        return self.bbox[2] - self.bbox[0]

    @property
    def height(self) -> float:
        return self.bbox[3] - self.bbox[1]

    @property
    def tie(self) -> tuple[float, float, float, float] | None:
        """The line from the box's centre to its label's centre."""
        if self.label_bbox is None:
            return None
        x0, t0, x1, b1 = self.bbox
        lx0, lt0, lx1, lb1 = self.label_bbox
        return ((x0 + x1) / 2, (t0 + b1) / 2, (lx0 + lx1) / 2, (lt0 + lb1) / 2)


@dataclass(frozen=True, slots=True)
class Group:
    """A heading in the form and the values under it."""

    title: str
    items: list[Leaf] = field(default_factory=list)
    editable: bool = True

    def short(self, path: str) -> str:
        """A value's name under its heading: 'gremium' under 'beratungsfolge[0]'."""
        return path[len(self.title):].lstrip(".") if path.startswith(self.title) else path


def shapes(vorlage: Vorlage, page: int) -> list[Shape]:
    """Every value with a printed position on ``page``, then every box; flagged ones last so
    they are drawn on top."""
    data = vorlage.model_dump(mode="json")
    manual = {c.path for c in vorlage.corrections}
    found = [Shape("value", path, _box(p.bbox), p.needs_review, p.method == "manual",
                   f"{path}: {_text(_value(data, path))}")
             for path, p in vorlage.provenance.items() if p.page == page and p.bbox is not None]
    found += [_box_shape(i, box, f"{CHECKBOXES}[{i}]" in manual)
              for i, box in enumerate(vorlage.checkboxes) if box.page == page]
    return sorted(found, key=lambda s: s.flagged)


def groups(vorlage: Vorlage) -> list[Group]:
    """The values in document order under one heading per row, the Unterzeichnung and the
    Anlagen; provenance of whole rows (no single value) comes last, to be accepted."""
    found: dict[str, Group] = {}
    for leaf in leaves(vorlage):
        head = leaf.path.split(".")[0] if "." in leaf.path else leaf.path.split("[")[0]
        title = head if head in ("unterzeichnung", "anlagen") or "[" in head else "fields"
        found.setdefault(title, Group(title)).items.append(leaf)
    known = {leaf.path for group in found.values() for leaf in group.items}
    data = vorlage.model_dump(mode="json")
    rows = [Leaf(path, _value(data, path), _ROW_TYPE, p)
            for path, p in vorlage.provenance.items() if path not in known]
    if rows:
        found["other"] = Group("whole rows", rows, editable=False)
    return list(found.values())


def warnings(vorlage: Vorlage) -> list[tuple[str, bool]]:
    """Each warning, and whether a person has since corrected or accepted the value it names
    ('path: message'); the warning itself stays, and keeps the document flagged."""
    reviewed = {c.path for c in vorlage.corrections}
    return [(text, text.split(":", 1)[0] in reviewed) for text in vorlage.warnings]


def _box_shape(index: int, box: Checkbox, manual: bool) -> Shape:
    state = "checked" if box.checked else "empty"
    title = f"{CHECKBOXES}[{index}]: {box.label!r} {state}" + (f" → {box.field}" if box.field else "")
    return Shape("box", f"{CHECKBOXES}[{index}]", _box(box.bbox), box.needs_review, manual, title,
                 box.checked, _box(box.label_bbox) if box.label_bbox else None)


def _box(values: list[float]) -> tuple[float, float, float, float]:
    return (values[0], values[1], values[2], values[3])


def _value(data: dict[str, JsonValue], path: str) -> JsonValue:
    try:
        value: JsonValue = get_value(data, parse_path(path))
    except CorrectionError:
        return None
    return value


def _text(value: JsonValue) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 120 else text[:119] + "…"
