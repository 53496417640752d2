"""run_batch as a library: outputs, resume, skip rules and exit codes (in-process executor)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from vorlagenparser.batch import BatchReport, SerialExecutor, run_batch
from vorlagenparser.errors import ExitCode
from vorlagenparser.options import ExtractOptions
from vorlagenparser.writers import Writer, create

MakeGood = Callable[..., list[Path]]
MakeBad = Callable[[Path], dict[str, Path]]


def batch(inputs: list[Path], out: Path, extractor: str, *, jsonl: bool = True,
          options: ExtractOptions | None = None, retry_failed: bool = True) -> BatchReport:
    writers: list[Writer] = [create("sqlite", out / "db.sqlite")]
    if jsonl:
        writers.append(create("jsonl", out / "all.jsonl"))
    return run_batch(inputs, out, options=options, writers=writers, executor=SerialExecutor(),
                     extractor=extractor, retry_failed=retry_failed)


def db_count(out: Path, table: str = "documents") -> int:
    with sqlite3.connect(out / "db.sqlite") as conn:
        count: int = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return count


def test_outputs_and_a_second_run_that_skips_everything(tmp_path: Path, make_good: MakeGood,
                                                        fake_extractor: str) -> None:
    inputs, out = make_good(tmp_path / "in", 4), tmp_path / "out"
    first = batch([tmp_path / "in"], out, fake_extractor)
    assert (first.done, first.skipped, first.failed, first.pages) == (4, 0, 0, 6)
    assert first.exit_code == ExitCode.ok
    assert sorted(p.name for p in out.glob("vorlage-*.json")) == [f"{p.stem}.json" for p in inputs]
    assert len(list(out.glob("run-*.json"))) == 1
    assert db_count(out) == 4 and db_count(out, "beratungsfolge") == 8
    second = batch([tmp_path / "in"], out, fake_extractor)
    assert (second.done, second.skipped, second.exit_code) == (0, 4, ExitCode.ok)
    assert len((out / "all.jsonl").read_text().splitlines()) == 4
    assert db_count(out) == 4
    assert (out / "failures.jsonl").read_text() == ""


def test_what_is_missing_or_changed_is_converted_again(tmp_path: Path, make_good: MakeGood,
                                                       fake_extractor: str) -> None:
    inputs, out = make_good(tmp_path / "in", 3), tmp_path / "out"
    batch(inputs, out, fake_extractor, jsonl=False)
    (out / f"{inputs[0].stem}.json").unlink()
    assert batch(inputs, out, fake_extractor, jsonl=False).done == 1
    assert batch(inputs, out, fake_extractor, jsonl=True).done == 3  # a new sink needs all
    changed = batch(inputs, out, fake_extractor, options=ExtractOptions(ocr="never"))
    assert (changed.done, db_count(out)) == (3, 3)


def test_failures_are_retried_unless_told_not_to(tmp_path: Path, make_good: MakeGood,
                                                 make_bad: MakeBad, fake_extractor: str) -> None:
    make_good(tmp_path / "in", 1)
    make_bad(tmp_path / "in" / "bad")
    out = tmp_path / "out"
    assert batch([tmp_path / "in"], out, fake_extractor).failed == 6
    again = batch([tmp_path / "in"], out, fake_extractor)
    assert (again.skipped, again.failed) == (1, 6)
    remembered = batch([tmp_path / "in"], out, fake_extractor, retry_failed=False)
    assert remembered.failed == 6 and remembered.exit_code == ExitCode.partial_batch
    lines = [json.loads(line) for line in (out / "failures.jsonl").read_text().splitlines()]
    assert {Path(line["path"]).name for line in lines} == {
        "empty.pdf", "corrupt.pdf", "notes.pdf", "truncated.pdf", "scan-as.pdf",
        "encrypted.pdf"}


@pytest.mark.parametrize(("kind", "code"), [("empty", ExitCode.input_file),
                                            ("encrypted", ExitCode.encrypted)])
def test_a_single_failed_input_keeps_its_own_exit_code(tmp_path: Path, make_bad: MakeBad,
                                                       fake_extractor: str, kind: str,
                                                       code: ExitCode) -> None:
    bad = make_bad(tmp_path / "in")
    assert batch([bad[kind]], tmp_path / "out", fake_extractor).exit_code == code


def test_an_invalid_document_fails_validation(tmp_path: Path, make_good: MakeGood,
                                              fake_extractor: str) -> None:
    [good] = make_good(tmp_path / "in", 1)
    invalid = good.rename(good.with_name("invalid.pdf"))
    report = batch([invalid], tmp_path / "out", fake_extractor)
    assert report.failures[0].error_type == "ValidationFailedError"
    assert report.exit_code == ExitCode.validation_failed
    assert not [p for p in (tmp_path / "out").glob("*.json") if not p.name.startswith("run-")]
