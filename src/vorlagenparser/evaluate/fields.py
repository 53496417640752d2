"""Field comparison: every content value of truth and output, one :class:`.FieldResult` each."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from .keys import (
    LONG_TEXT_FIELDS,
    LONG_TEXT_THRESHOLD,
    MISSING,
    ROW_FIELDS,
    SCALAR_FIELDS,
    UNTERZEICHNUNG_KEYS,
)
from .report import FieldResult
from .text import _normalise, _text, text_similarity


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
