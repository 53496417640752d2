from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from vorlagenparser.errors import InputFileError
from vorlagenparser.jsonvalidate import Problem, check_file, json_path, validate_json_file
from vorlagenparser.model import Beratungsergebnis, Vorlage

SOURCE = {"filename": "a.pdf", "sha256": "0" * 64, "page_count": 0, "pages": []}


def minimal() -> dict[str, Any]:
    """The smallest valid output: every contract key present, as the writers produce it."""
    data: dict[str, Any] = Vorlage.model_validate({"source": SOURCE}).model_dump(mode="json")
    return data


def check(tmp_path: Path, data: object) -> list[Problem]:
    path = tmp_path / "a.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return validate_json_file(path)


def test_minimal_document_is_valid(tmp_path: Path) -> None:
    assert check(tmp_path, minimal()) == []


def test_problems_carry_a_json_path(tmp_path: Path) -> None:
    entry = Beratungsergebnis().model_dump(mode="json")
    doc = minimal() | {"beratungsergebnis": [entry | {"ja_stimmen": -1, "stimmen": 3}],
                       "datum": "2023-02-31"}
    problems = {p.path: p for p in check(tmp_path, doc)}
    assert set(problems) == {"beratungsergebnis[0].ja_stimmen", "beratungsergebnis[0].stimmen",
                             "datum"}
    assert problems["beratungsergebnis[0].ja_stimmen"].expected == "a number ≥ 0"
    assert problems["beratungsergebnis[0].ja_stimmen"].got == "-1"
    assert problems["beratungsergebnis[0].stimmen"].expected is not None
    assert "remove it" in problems["beratungsergebnis[0].stimmen"].expected
    assert problems["datum"].expected == "a date as YYYY-MM-DD"


def test_model_rules_are_reported_too(tmp_path: Path) -> None:
    [problem] = check(tmp_path, minimal() | {"warnings": ["Datum unleserlich"]})
    assert problem.path == "$"
    assert "needs_review must be true" in problem.message


def test_missing_key_has_no_noisy_got(tmp_path: Path) -> None:
    [problem] = check(tmp_path, {key: value for key, value in minimal().items() if key != "source"})
    assert (problem.path, problem.got) == ("source", None)
    assert str(problem) == "source: Field required; expected a value (the key is required)"


@pytest.mark.parametrize("path", ["betreff", "source.profile", "unterzeichnung.ort"])
def test_every_contract_key_must_be_present(tmp_path: Path, path: str) -> None:
    doc = minimal()
    *parents, key = path.split(".")
    target = doc
    for parent in parents:
        target = target[parent]
    del target[key]
    [problem] = check(tmp_path, doc)
    assert (problem.path, problem.message) == (path, "Field required")
    assert "null" in (problem.expected or "")


def test_null_is_a_value_for_a_required_key(tmp_path: Path) -> None:
    assert check(tmp_path, minimal() | {"betreff": None, "datum": None}) == []


def test_json_lines_name_the_line(tmp_path: Path) -> None:
    good = json.dumps(minimal())
    bad = json.dumps({k: v for k, v in minimal().items() if k != "betreff"})
    path = tmp_path / "all.jsonl"
    path.write_text(f"{good}\n{bad}\n\n{good}\n", encoding="utf-8")
    result = check_file(path)
    assert (result.documents, result.lines) == (3, True)
    [problem] = result.problems
    assert (problem.line, problem.path) == (2, "betreff")
    assert str(problem).startswith("line 2: betreff: Field required")


def test_json_lines_are_recognised_without_the_suffix(tmp_path: Path) -> None:
    path = tmp_path / "all.txt"
    path.write_text(json.dumps(minimal()) + "\n" + json.dumps(minimal()) + "\n", encoding="utf-8")
    assert check_file(path).documents == 2 and check_file(path).problems == []


def test_a_broken_line_is_reported_with_its_number(tmp_path: Path) -> None:
    path = tmp_path / "all.jsonl"
    path.write_text(json.dumps(minimal()) + "\n{broken\n", encoding="utf-8")
    [problem] = check_file(path).problems
    assert (problem.line, problem.path) == (2, "$") and "not valid JSON" in problem.message


@pytest.mark.parametrize("content", [b"{not json", b"", b"\xff\xfe\x00"])
def test_a_file_that_is_not_json_gives_one_problem(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(content)
    [problem] = validate_json_file(path)
    assert problem.path == "$"
    assert problem.message.startswith("not valid JSON")


def test_top_level_array_is_one_problem(tmp_path: Path) -> None:
    [problem] = check(tmp_path, [minimal()])
    assert (problem.path, problem.expected, problem.got) == ("$", "an object", "an array of 1")


def test_unreadable_file_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputFileError):
        validate_json_file(tmp_path / "absent.json")


@pytest.mark.parametrize(("loc", "expected"), [
    ((), "$"),
    (("datum",), "datum"),
    (("beratungsergebnis", 0, "ja_stimmen"), "beratungsergebnis[0].ja_stimmen"),
    (("provenance", "datum", "page"), "provenance.datum.page"),
    (("provenance", "da tum"), "provenance['da tum']"),
])
def test_json_path(loc: tuple[int | str, ...], expected: str) -> None:
    assert json_path(loc) == expected
