"""Value paths ('beratungsergebnis[1].ja_stimmen') and the values of a document they name.

A path names one value of a :class:`~vorlagenparser.model.Vorlage` the way provenance keys do:
a top-level field ('betreff'), a field of a row ('beratungsfolge[0].gremium'), of the
Unterzeichnung ('unterzeichnung.name'), an Anlage ('anlagen[2]'), or the state of a printed
box ('checkboxes[3]'). The type of each value (text, date, count, yes/no, a choice) is read
from the model itself, so a field added there can be corrected without a change here.
"""

from __future__ import annotations

import datetime as dt
import re
import types
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, JsonValue

from ..errors import CorrectionError
from ..model import Provenance, Vorlage
from ..parsing.dates import parse_date

Token = str | int
Kind = Literal["text", "longtext", "date", "count", "bool", "choice", "checkbox"]

CHECKBOXES = "checkboxes"
# Keys of a document that hold no extracted value of their own.
_META = frozenset({"schema_version", "source", CHECKBOXES, "provenance", "warnings",
                   "needs_review", "corrections"})
# Shown as a text area: free text that runs over lines.
_LONG = frozenset({"betreff", "hinweis", "beschlussvorschlag", "begruendung",
                   "finanzielle_auswirkungen"})
_PART = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")


@dataclass(frozen=True, slots=True)
class FieldType:
    kind: Kind
    required: bool = False  # no empty value (a Gremium, an Anlage, a box's state)
    choices: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Leaf:
    """One value of a document, as the review tool lists it."""

    path: str
    value: JsonValue
    type: FieldType
    provenance: Provenance | None

    @property
    def flagged(self) -> bool:
        return self.provenance is not None and self.provenance.needs_review


def parse_path(path: str) -> tuple[Token, ...]:
    """'beratungsergebnis[1].ja_stimmen' → ('beratungsergebnis', 1, 'ja_stimmen')."""
    tokens: list[Token] = []
    for part in path.split("."):
        match = _PART.fullmatch(part)
        if match is None:
            raise CorrectionError(f"not a value path: {path!r}")
        tokens.append(match[1])
        if match[2] is not None:
            tokens.append(int(match[2]))
    return tuple(tokens)


def field_type(path: str) -> FieldType:
    """The type of the value ``path`` names; CorrectionError for a path that names none."""
    tokens = parse_path(path)
    if tokens[0] == CHECKBOXES:
        box_index(path)
        return FieldType("checkbox", required=True)
    if tokens[0] in _META:
        raise CorrectionError(f"{path!r} is no extracted value")
    annotation: Any = Vorlage
    optional = False
    for token in tokens:
        annotation, optional = _unwrap(annotation)
        if isinstance(token, int):
            if get_origin(annotation) is not list:
                raise CorrectionError(f"{path!r}: no list at [{token}]")
            annotation = get_args(annotation)[0]
        elif _is_model(annotation) and token in annotation.model_fields:
            annotation = annotation.model_fields[token].annotation
        else:
            raise CorrectionError(f"{path!r}: no field {token!r}")
    annotation, optional = _unwrap(annotation)
    return _leaf_type(annotation, not optional, str(tokens[-1]), path)


def box_index(path: str) -> int:
    """'checkboxes[3]' → 3; CorrectionError for any other path."""
    tokens = parse_path(path)
    if len(tokens) != 2 or tokens[0] != CHECKBOXES or not isinstance(tokens[1], int):
        raise CorrectionError(f"not a box: {path!r} (a box is 'checkboxes[N]')")
    return tokens[1]


def parse_input(ftype: FieldType, text: str) -> JsonValue:
    """A value typed into the review form as the JSON value of its field, or CorrectionError
    with a message for the person who typed it."""
    text = text.strip()
    if not text:
        if ftype.required:
            raise CorrectionError("this value cannot be empty")
        return None
    if ftype.kind in ("text", "longtext"):
        return text
    if ftype.kind == "date":
        parsed = parse_date(text, today=dt.date.today())
        if parsed.value is None:
            raise CorrectionError(f"{text!r} is not a date ({parsed.reason}); "
                                  "write e.g. 08.09.2023 or 2023-09-08")
        return parsed.value.isoformat()
    if ftype.kind == "count":
        # The upper bound is the model's; validating the document checks it.
        if not text.isascii() or not text.isdigit():
            raise CorrectionError(f"{text!r} is not a count: a whole number, 0 or more")
        return int(text)
    if ftype.kind in ("bool", "checkbox"):
        if text not in ("true", "false"):
            raise CorrectionError(f"{text!r} is neither true nor false")
        return text == "true"
    if text not in ftype.choices:
        raise CorrectionError(f"{text!r} is none of {', '.join(ftype.choices)}")
    return text


def leaves(vorlage: Vorlage) -> list[Leaf]:
    """Every value of the document in the model's order, null ones included (they may be
    filled in); boxes are not among them (see ``vorlage.checkboxes``)."""
    data = vorlage.model_dump(mode="json")
    return [Leaf(path, value, field_type(path), vorlage.provenance.get(path))
            for path, value in _walk(Vorlage, data, "")]


def get_value(data: dict[str, Any], tokens: tuple[Token, ...]) -> Any:
    """The value at ``tokens`` in a document dumped as JSON; CorrectionError when absent."""
    node: Any = data
    for token in tokens:
        try:
            node = node[token]
        except (KeyError, IndexError, TypeError):
            raise CorrectionError(f"the document has no value at {format_path(tokens)!r}") from None
    return node


def set_value(data: dict[str, Any], tokens: tuple[Token, ...], value: JsonValue) -> None:
    get_value(data, tokens)  # exists, so the assignment below cannot grow a list or add a key
    parent = get_value(data, tokens[:-1])
    parent[tokens[-1]] = value


def format_path(tokens: tuple[Token, ...]) -> str:
    text = ""
    for token in tokens:
        text += f"[{token}]" if isinstance(token, int) else f".{token}" if text else token
    return text


def _walk(model: type[BaseModel], data: dict[str, Any], prefix: str) -> Iterator[tuple[str, Any]]:
    for name, info in model.model_fields.items():
        if model is Vorlage and name in _META:
            continue
        annotation, _ = _unwrap(info.annotation)
        value = data[name]
        if _is_model(annotation):
            yield from _walk(annotation, value, f"{prefix}{name}.")
        elif get_origin(annotation) is list:
            item, _ = _unwrap(get_args(annotation)[0])
            for index, element in enumerate(value):
                path = f"{prefix}{name}[{index}]"
                yield from _walk(item, element, f"{path}.") if _is_model(item) else [(path, element)]
        else:
            yield f"{prefix}{name}", value


def _leaf_type(annotation: Any, required: bool, name: str, path: str) -> FieldType:
    if get_origin(annotation) is Literal:
        return FieldType("choice", required, tuple(str(a) for a in get_args(annotation)))
    kinds: dict[Any, Kind] = {bool: "bool", int: "count", dt.date: "date",
                              str: "longtext" if name in _LONG else "text"}
    if annotation in kinds:
        return FieldType(kinds[annotation], required)
    raise CorrectionError(f"{path!r} holds several values, not one")


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """Strip Annotated[...] and Optional: (the bare type, whether None is allowed)."""
    optional = False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(get_args(annotation))
            annotation = args[0] if len(args) == 1 else annotation
            if len(args) != 1:
                return annotation, optional
        else:
            return annotation, optional


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)
