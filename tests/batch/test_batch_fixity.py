"""Run records, verify and BagIt on batch folders made with the fake extractor (fast)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from vorlagenparser.archive.bag import make_bag
from vorlagenparser.archive.fixity import Problem, verify, verify_folder
from vorlagenparser.batch import SerialExecutor, run_batch
from vorlagenparser.errors import ExitCode, InputFileError, ValidationFailedError
from vorlagenparser.writers import create

MakeGood = Callable[..., list[Path]]


@pytest.fixture
def converted(tmp_path: Path, make_good: MakeGood, fake_extractor: str) -> Path:
    inputs = make_good(tmp_path / "in", 3)
    out = tmp_path / "out"
    report = run_batch(inputs, out, writers=[create("sqlite", out / "db.sqlite")],
                       executor=SerialExecutor(), extractor=fake_extractor)
    assert report.exit_code == ExitCode.ok
    return out


def _record(out: Path) -> dict[str, object]:
    (path,) = out.glob("run-*.json")
    data: dict[str, object] = json.loads(path.read_text())
    return data


def test_the_run_record_lists_every_input_and_output(converted: Path) -> None:
    record = _record(converted)
    assert record["status"] == "complete" and record["finished"]
    assert record["summary"] == {"done": 3, "skipped": 0, "failed": 0}
    inputs = record["inputs"]
    assert isinstance(inputs, list) and len(inputs) == 3
    first = inputs[0]
    assert len(first["sha256"]) == 64 and first["warnings"] == 0
    assert [o["file"] for o in first["outputs"]] == ["vorlage-00.json"]
    assert {f["file"] for f in record["files"]} == {"db.sqlite", "failures.jsonl"}  # type: ignore[index,union-attr]
    assert record["tool"]["version"]  # type: ignore[index]
    assert "candidates" in record["profile"]  # type: ignore[operator]


def test_verify_passes_on_fresh_output(converted: Path) -> None:
    assert verify(converted) == []


def test_verify_names_each_changed_missing_and_added_file(converted: Path) -> None:
    doc = converted / "vorlage-01.json"
    data = bytearray(doc.read_bytes())
    data[10] ^= 1  # one byte
    doc.write_bytes(bytes(data))
    (converted / "vorlage-02.json").unlink()
    (converted / "notes.txt").write_text("hello")
    assert [(p.kind, p.path) for p in verify_folder(converted)] == [
        ("added", "notes.txt"), ("changed", "vorlage-01.json"), ("missing", "vorlage-02.json")]


def test_a_second_run_keeps_the_checksums_of_the_first(converted: Path, tmp_path: Path,
                                                       fake_extractor: str) -> None:
    doc = converted / "vorlage-00.json"
    doc.write_bytes(doc.read_bytes() + b" ")  # tampered between the runs
    run_batch(sorted((tmp_path / "in").glob("*.pdf")), converted, executor=SerialExecutor(),
              extractor=fake_extractor, writers=[create("sqlite", converted / "db.sqlite")])
    records = sorted(converted.glob("run-*.json"))
    assert len(records) == 2
    assert json.loads(records[1].read_text())["summary"]["skipped"] == 3
    assert verify_folder(converted) == [Problem("vorlage-00.json", "changed",
                                                "SHA-256 differs from the run record")]


def test_verify_cli_exit_codes(converted: Path, cli_main: Callable[..., int],
                               capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["verify", str(converted)]) == 0
    (converted / "vorlage-00.json").write_text("{}")
    assert cli_main(["verify", str(converted)]) == ExitCode.failure
    out = capsys.readouterr().out
    assert out.splitlines() == ["changed: vorlage-00.json (SHA-256 differs from the run record)"]


def test_a_folder_without_run_records_cannot_be_verified(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="no run record"):
        verify(tmp_path)


def test_bag_round_trip(converted: Path, tmp_path: Path, cli_main: Callable[..., int],
                        capsys: pytest.CaptureFixture[str]) -> None:
    bag = tmp_path / "bag"
    assert cli_main(["bag", str(converted), str(bag)]) == 0
    info = (bag / "bag-info.txt").read_text()
    assert "Vorlagenparser-Run-Record: run-" in info and "done 3" in info
    assert not (bag / "data" / ".vorlagenparser").exists()  # the resume state is not payload
    assert cli_main(["verify", str(bag)]) == 0
    target = bag / "data" / "vorlage-01.json"
    target.write_bytes(target.read_bytes().replace(b"{", b"[", 1))
    (bag / "data" / "extra.txt").write_text("x")
    capsys.readouterr()
    assert cli_main(["verify", str(bag)]) == ExitCode.failure
    assert capsys.readouterr().out.splitlines() == [
        "added: data/extra.txt", "changed: data/vorlage-01.json (sha256, sha512 differs from "
        "the manifest)"]


def test_a_changed_folder_is_not_bagged(converted: Path, tmp_path: Path) -> None:
    (converted / "vorlage-00.json").write_text("{}")
    with pytest.raises(ValidationFailedError, match="differ from the run records"):
        make_bag(converted, tmp_path / "bag")
    assert not (tmp_path / "bag").exists()
