"""The batch, search and export commands, in-process through the real error handler."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from vorlagenparser.errors import ExitCode

MakeGood = Callable[..., list[Path]]
MakeBad = Callable[[Path], dict[str, Path]]


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str


@pytest.fixture
def run_cli(cli_main: Callable[..., int]) -> Callable[..., Outcome]:
    def run(*args: str | Path) -> Outcome:
        with CliRunner().isolation() as (stdout, stderr, _):
            code = cli_main([str(a) for a in args])
        return Outcome(code, stdout.getvalue().decode(), stderr.getvalue().decode())

    return run


@pytest.fixture
def converted(tmp_path: Path, make_good: MakeGood, fake_extractor: str,
              run_cli: Callable[..., Outcome]) -> Path:
    make_good(tmp_path / "in", 4)
    out = tmp_path / "out"
    assert run_cli("batch", tmp_path / "in", "--out", out, "-j", "2",
                   "--extractor", fake_extractor).code == 0
    return out


def test_good_and_bad_inputs_one_line_per_bad_file(tmp_path: Path, make_good: MakeGood,
                                                   make_bad: MakeBad, fake_extractor: str,
                                                   run_cli: Callable[..., Outcome]) -> None:
    good = make_good(tmp_path / "in", 3)
    bad = make_bad(tmp_path / "in" / "bad")
    out = tmp_path / "out"
    result = run_cli("batch", tmp_path / "in", "--out", out, "--jobs", "2",
                     "--jsonl", out / "all.jsonl", "--extractor", fake_extractor)
    assert result.code == ExitCode.partial_batch
    failure_lines = [line for line in result.stderr.splitlines()
                     if line.startswith(str(tmp_path / "in" / "bad"))]
    assert sorted(line.split(":")[0] for line in failure_lines) == sorted(map(str, bad.values()))
    assert sorted(p.stem for p in out.glob("*.json") if not p.stem.startswith("run-")) == [
        p.stem for p in good]
    assert len(list(out.glob("run-*.json"))) == 1  # the run record
    failures = [json.loads(line) for line in (out / "failures.jsonl").read_text().splitlines()]
    assert sorted(f["path"] for f in failures) == sorted(map(str, bad.values()))
    assert {f["exit_code"] for f in failures} == {ExitCode.input_file, ExitCode.encrypted}
    assert len((out / "all.jsonl").read_text().splitlines()) == 3
    assert "batch summary" in result.stderr  # plain mode: not a terminal, no bar


def test_rerun_skips_and_exits_zero(converted: Path, tmp_path: Path, fake_extractor: str,
                                    run_cli: Callable[..., Outcome]) -> None:
    result = run_cli("batch", tmp_path / "in", "--out", converted, "--extractor", fake_extractor)
    assert result.code == 0
    assert result.stderr.count("skipped: ") == 4


def test_single_bad_input_exits_with_its_own_code(tmp_path: Path, make_bad: MakeBad,
                                                  fake_extractor: str,
                                                  run_cli: Callable[..., Outcome]) -> None:
    bad = make_bad(tmp_path / "in")
    result = run_cli("batch", bad["encrypted"], "--out", tmp_path / "out", "--no-db",
                     "--extractor", fake_extractor)
    assert result.code == ExitCode.encrypted
    assert f"{bad['encrypted']}: the PDF is password-protected" in result.stderr


def test_usage_errors(tmp_path: Path, run_cli: Callable[..., Outcome]) -> None:
    assert run_cli("batch", tmp_path / "nope.pdf", "--out", tmp_path).code == ExitCode.input_file
    assert run_cli("batch", tmp_path, "--out", tmp_path, "--db", "x", "--no-db").code == 2
    assert run_cli("batch", tmp_path, "--out", tmp_path, "--scheduler", "tcp://h:1").code == 2


def test_search_finds_words_prefixes_and_folds_diacritics(converted: Path,
                                                          run_cli: Callable[..., Outcome]) -> None:
    result = run_cli("search", "Bebauungsplan", "--out", converted, "--json")
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.code == 0 and [h["vorlagennummer"] for h in hits] == ["BV/000/2024"]
    assert next(hits[0]["snippet"][a:b] for a, b in hits[0]["highlights"]) == "Bebauungsplan"
    assert run_cli("search", "Bebauungs*", "--db", converted / "vorlagen.sqlite",
                   "--json").stdout.count("\n") == 1
    folded = run_cli("search", "muhlbach", "--out", converted, "--json").stdout
    assert "Am Mühlbach" in json.loads(folded)["betreff"]
    assert "1 hit\n" in run_cli("search", "Mühlbach", "--out", converted).stdout
    assert "0 hits" in run_cli("search", "Zoo", "--out", converted).stdout


def test_search_without_database(tmp_path: Path, run_cli: Callable[..., Outcome]) -> None:
    result = run_cli("search", "Rat", "--out", tmp_path)
    assert result.code == ExitCode.input_file and "batch" in result.stderr


@pytest.mark.parametrize("source", ["folder", "db"])
def test_export_oparl_from_folder_or_database(converted: Path, source: str,
                                              run_cli: Callable[..., Outcome]) -> None:
    origin = converted if source == "folder" else converted / "vorlagen.sqlite"
    dest = converted.parent / "oparl.json"
    result = run_cli("export", origin, "--format", "oparl", "--out", dest,
                     "--base-url", "https://ris.example.org/oparl")
    assert result.code == 0, result.stderr
    papers = json.loads(dest.read_text())["data"]
    assert len(papers) == 4
    assert all(p["mainFile"]["size"] > 0 and len(p["mainFile"]["sha512Checksum"]) == 128
               for p in papers)
    assert papers[0]["id"].startswith("https://ris.example.org/oparl/paper/")


def test_export_to_a_folder(converted: Path, run_cli: Callable[..., Outcome]) -> None:
    dest = converted.parent / "papers"
    assert run_cli("export", converted, "--out", dest).code == 0
    assert len(list(dest.glob("*.json"))) == 4


@pytest.mark.parametrize("name", ["batch", "search", "export"])
def test_help(name: str, run_cli: Callable[..., Outcome]) -> None:
    result = run_cli(name, "--help")
    assert result.code == 0 and "Usage:" in result.stdout


def test_a_terminal_gets_the_live_bar(monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    from vorlagenparser.batch import BatchReport, FileResult, Status
    from vorlagenparser.cli.progress import BarProgress, batch_progress

    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    report = BatchReport(total=2)
    results = [FileResult("/a.pdf", Status.done, "a", pages=3),
               FileResult("/b.pdf", Status.failed, "b", message="the file is empty")]
    with batch_progress() as progress:
        assert isinstance(progress, BarProgress)
        progress.started(2)
        for result in results:
            report.add(result)
            progress.settled(result, report)
    stderr = capsys.readouterr().err
    assert "/b.pdf: the file is empty" in stderr
    assert "2/2" in stderr and "1 failed" in stderr and "3 pages" in stderr
