"""Check output files (one JSON document, or JSON Lines with one per line) against the contract
and explain each problem with its JSON path (and line).

Two checks together make the contract: the pydantic model (types, bounds, cross-field rules) and
the published JSON Schema's ``required`` lists (every contract key is present, ``null`` allowed),
which the model leaves out because Python callers may rely on defaults.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any, Final

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from .errors import InputFileError
from .model import Vorlage

# What the contract wanted, by pydantic error type; "{key}" is filled from the error's ctx.
_EXPECTED: Final[dict[str, str]] = {
    "missing": "a value (the key is required)",
    "required": "the key, with a value or null (every contract key is present)",
    "extra_forbidden": "no such key (remove it; the contract forbids unknown keys)",
    "model_type": "an object",
    "model_attributes_type": "an object",
    "dict_type": "an object",
    "list_type": "an array",
    "string_type": "a string",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "int_type": "an integer",
    "int_parsing": "an integer",
    "int_from_float": "an integer",
    "float_type": "a number",
    "float_parsing": "a number",
    "date_type": "a date as YYYY-MM-DD",
    "date_parsing": "a date as YYYY-MM-DD",
    "date_from_datetime_parsing": "a date as YYYY-MM-DD",
    "date_from_datetime_inexact": "a date without a time",
    "greater_than_equal": "a number ≥ {ge}",
    "greater_than": "a number > {gt}",
    "less_than_equal": "a number ≤ {le}",
    "less_than": "a number < {lt}",
    "string_too_short": "at least {min_length} character(s)",
    "string_too_long": "at most {max_length} character(s)",
    "too_short": "at least {min_length} item(s)",
    "too_long": "at most {max_length} item(s)",
    "string_pattern_mismatch": "text matching {pattern}",
    "literal_error": "one of {expected}",
    "json_invalid": "a JSON document",
}
_LINES_SUFFIXES: Final = frozenset({".jsonl", ".ndjson"})
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_MAX_GOT = 60


@dataclass(frozen=True, slots=True)
class Problem:
    path: str  # e.g. "beratungsergebnis[0].ja_stimmen"; "$" for the whole document
    message: str
    expected: str | None = None
    got: str | None = None  # a short rendering of the offending value
    line: int | None = None  # in a JSON Lines file, the 1-based line of the document

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        parts = [f"{where}{self.path}: {self.message}"]
        if self.expected:
            parts.append(f"expected {self.expected}")
        if self.got is not None:
            parts.append(f"got {self.got}")
        return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class FileCheck:
    """The result for one file: how many documents it held and what is wrong with them."""

    documents: int
    problems: list[Problem]
    lines: bool  # JSON Lines rather than one JSON document


def validate_json_file(path: Path) -> list[Problem]:
    """All problems of one output file; an empty list means every document in it is valid."""
    return check_file(path).problems


def check_file(path: Path) -> FileCheck:
    """Check a ``.json`` document or a JSON Lines file (by its suffix, or by a first document
    followed by more). Raises :class:`InputFileError` only when the file cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputFileError(f"cannot read: {exc.strerror or exc}", path=path) from exc
    if path.suffix.lower() in _LINES_SUFFIXES or _looks_like_lines(raw):
        return _check_lines(raw)
    return FileCheck(1, validate_json_bytes(raw), lines=False)


def validate_json_bytes(raw: bytes | str) -> list[Problem]:
    try:
        Vorlage.model_validate_json(raw)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        if errors[0]["type"] == "json_invalid":
            return [problem_from_error(errors[0])]
        problems = [problem_from_error(error) for error in errors]
    else:
        problems = []
    seen = {p.path for p in problems}
    missing = [p for p in missing_keys(json.loads(raw)) if p.path not in seen]
    return missing + problems


def missing_keys(document: object) -> Iterator[Problem]:
    """Contract keys absent from ``document`` (the schema's ``required``; null is a value)."""
    for error in _schema_validator().iter_errors(document):
        if error.validator != "required" or not isinstance(error.instance, Mapping):
            continue
        base = tuple(error.absolute_path)
        for key in error.validator_value:
            if key not in error.instance:
                yield Problem(json_path((*base, key)), "Field required", _EXPECTED["required"])


def _check_lines(raw: bytes) -> FileCheck:
    problems: list[Problem] = []
    documents = 0
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        documents += 1
        problems += [replace(p, line=number) for p in validate_json_bytes(line)]
    return FileCheck(documents, problems, lines=True)


def _looks_like_lines(raw: bytes) -> bool:
    # One document per line: the first line alone is a complete JSON object and more follow.
    first, _, rest = raw.strip().partition(b"\n")
    if not rest.strip():
        return False
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


@cache
def _schema_validator() -> Any:
    # jsonschema is imported here, not at module level: the CLI should start fast.
    from jsonschema import Draft202012Validator

    from .schema import generate_schema

    return Draft202012Validator(generate_schema())


def problem_from_error(error: ErrorDetails) -> Problem:
    if error["type"] == "json_invalid":
        # The only problem worth reporting: nothing else can be checked in a broken file.
        detail = (error.get("ctx") or {}).get("error", error["msg"])
        return Problem("$", f"not valid JSON: {detail}", _EXPECTED["json_invalid"])
    return Problem(json_path(error["loc"]), error["msg"], _expected(error), _got(error))


def json_path(loc: tuple[int | str, ...]) -> str:
    """("beratungsergebnis", 0, "ja_stimmen") → "beratungsergebnis[0].ja_stimmen"."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif _IDENTIFIER.fullmatch(part):
            path += f".{part}" if path else part
        else:  # a dict key such as a provenance field name with odd characters
            path += f"[{part!r}]"
    return path or "$"


def _expected(error: ErrorDetails) -> str | None:
    template = _EXPECTED.get(error["type"])
    if template is None:
        return None
    try:
        return template.format(**(error.get("ctx") or {}))
    except (KeyError, IndexError):
        return None


def _got(error: ErrorDetails) -> str | None:
    if error["type"] == "missing":
        return None  # pydantic puts the parent object here, which is noise
    value: Any = error.get("input")
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list):
        return f"an array of {len(value)}"
    text = json.dumps(value, ensure_ascii=False, default=repr)
    return text if len(text) <= _MAX_GOT else text[:_MAX_GOT - 1] + "…"
