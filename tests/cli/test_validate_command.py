"""`vorlagenparser validate`, run in-process."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from vorlagenparser.cli.validate import command
from vorlagenparser.model import Vorlage

VALID = Vorlage.model_validate(
    {"source": {"filename": "a.pdf", "sha256": "0" * 64, "page_count": 0, "pages": []}}
).model_dump(mode="json")


def test_valid_files_print_ok(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps(VALID), encoding="utf-8")
    result = CliRunner().invoke(command, [str(path)])
    assert result.exit_code == 0
    assert result.stdout == f"{path}: ok\n"


def test_invalid_file_lists_problems_and_exits_1(tmp_path: Path) -> None:
    good, bad, broken = tmp_path / "good.json", tmp_path / "bad.json", tmp_path / "broken.json"
    good.write_text(json.dumps(VALID), encoding="utf-8")
    bad.write_text(json.dumps(VALID | {"datum": "2023-02-31"}), encoding="utf-8")
    broken.write_text("{", encoding="utf-8")
    result = CliRunner().invoke(command, [str(good), str(bad), str(broken)])
    assert result.exit_code == 1
    assert f"{good}: ok" in result.stdout
    assert f"{bad}: 1 problem(s)" in result.stdout
    assert "datum: Input should be a valid date" in result.stdout
    assert f"{broken}: 1 problem(s)" in result.stdout
    assert "$: not valid JSON" in result.stdout
    assert "2 of 3 file(s) invalid" in result.stderr


def test_needs_at_least_one_file() -> None:
    assert CliRunner().invoke(command, []).exit_code == 2


def test_the_jsonl_file_of_a_batch_validates(tmp_path: Path) -> None:
    path = tmp_path / "all.jsonl"
    without_betreff = {k: v for k, v in VALID.items() if k != "betreff"}
    path.write_text(f"{json.dumps(VALID)}\n{json.dumps(VALID)}\n", encoding="utf-8")
    ok = CliRunner().invoke(command, [str(path)])
    assert (ok.exit_code, ok.stdout) == (0, f"{path}: ok (2 documents)\n")
    path.write_text(f"{json.dumps(VALID)}\n{json.dumps(without_betreff)}\n", encoding="utf-8")
    bad = CliRunner().invoke(command, [str(path)])
    assert bad.exit_code == 1
    assert "line 2: betreff: Field required" in bad.stdout
