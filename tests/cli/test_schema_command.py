"""`vorlagenparser schema`, run in-process against a throw-away checkout folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from vorlagenparser import schema as schema_module
from vorlagenparser.cli.schema import command
from vorlagenparser.schema import generate_schema, schema_text


@pytest.fixture
def checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(schema_module, "repo_root", lambda start=None: tmp_path)
    return tmp_path


def test_prints_the_schema_to_stdout() -> None:
    result = CliRunner().invoke(command, [])
    assert result.exit_code == 0
    assert result.stdout == schema_text(generate_schema())
    assert json.loads(result.stdout)["title"] == "Beschlussvorlage"


def test_check_passes_in_this_repository() -> None:
    result = CliRunner().invoke(command, ["--check"])
    assert result.exit_code == 0, result.output
    assert "up to date" in result.stdout


def test_write_then_check(checkout: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(command, ["--check"]).exit_code == 1  # nothing written yet
    result = runner.invoke(command, ["--write"])
    assert result.exit_code == 0
    assert "beschlussvorlage.schema.json" in result.stderr
    assert (checkout / "schemas" / "beschlussvorlage.schema.json").is_file()
    assert runner.invoke(command, ["--check"]).exit_code == 0


def test_check_reports_drift(checkout: Path) -> None:
    runner = CliRunner()
    runner.invoke(command, ["--write"])
    path = checkout / "schemas" / "beschlussvorlage.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    schema["title"] = "Alt"
    path.write_text(json.dumps(schema), encoding="utf-8")
    result = runner.invoke(command, ["--check"])
    assert result.exit_code == 1
    assert '$.title: committed "Alt", generated "Beschlussvorlage"' in result.stderr
    assert "schema --write" in result.stderr


def test_check_and_write_exclude_each_other() -> None:
    assert CliRunner().invoke(command, ["--check", "--write"]).exit_code == 2
