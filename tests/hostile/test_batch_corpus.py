"""Acceptance: a batch over every corpus kind plus sound documents finishes, converts every good
file, reports every bad input exactly once (stderr line + failures.jsonl) and stays within
1.5 GB with --jobs 2. Runs without root's file-access override where it can, so the
permission case is real."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from tests.helpers import ROOT, sample_files
from tests.hostile.conftest import obey_file_permissions

from _badinputs import KINDS, Kind
from _badinputs.measure import Measured, run_measured
from vorlagenparser.errors import ExitCode
from vorlagenparser.filenames import MAX_STEM_BYTES, decoded, printable

MAX_BATCH_TOTAL_MB = 1536
GOOD_SAMPLES = sample_files("digital")[:6]


def run_batch_cli(inputs: list[Path], out: Path) -> tuple[Measured, bool]:
    """The batch in its own session, without root's file access when possible; returns the
    measurement and whether permissions were enforced."""
    command = [sys.executable, "-m", "vorlagenparser", "batch", *map(str, inputs), "--out",
               str(out), "--jobs", "2", "--jsonl", str(out / "all.jsonl")]
    try:
        return run_measured(command, timeout=600, cwd=ROOT,
                            preexec_fn=obey_file_permissions), True
    except subprocess.SubprocessError:  # dropping the capability is not allowed here
        return run_measured(command, timeout=600, cwd=ROOT), False


def expected_failure(kind: Kind, permissions_enforced: bool) -> bool:
    if kind.unprivileged and not permissions_enforced:
        return False  # root reads it
    return kind.exit_code != ExitCode.ok


@pytest.mark.slow
def test_batch_over_the_whole_corpus(corpus: dict[str, Path], corpus_dir: Path,
                                     tmp_path: Path) -> None:
    good = tmp_path / "gut"
    good.mkdir()
    for sample in GOOD_SAMPLES:
        shutil.copy(sample, good / sample.name)
    out = tmp_path / "out"
    run, enforced = run_batch_cli([corpus_dir, good], out)
    print(f"batch: exit {run.exit_code}, {run.seconds:.1f} s, largest process {run.largest_mb} MB, "
          f"all processes {run.total_mb} MB")
    assert run.exit_code == ExitCode.partial_batch, run.stderr[-3000:]
    assert "Traceback" not in run.stderr
    assert run.total_mb <= MAX_BATCH_TOTAL_MB

    batch_kinds = [k for k in KINDS if k.in_batch]
    bad = {corpus[k.name] for k in batch_kinds if expected_failure(k, enforced)}
    converted = [corpus[k.name] for k in batch_kinds if not expected_failure(k, enforced)]

    records = [json.loads(line) for line in (out / "failures.jsonl").read_text().splitlines()]
    assert sorted(r["path"] for r in records) == sorted(decoded(p) for p in bad)
    for path in bad:
        lines = [line for line in run.stderr.splitlines()
                 if line.startswith(f"{printable(path)}: ")]
        assert len(lines) == 1, (path, lines)
    by_kind = {k.name: k for k in batch_kinds}
    for record in records:
        kind = next(k for k in by_kind.values() if decoded(corpus[k.name]) == record["path"])
        assert record["exit_code"] == kind.exit_code, record
        assert kind.needle.lower() in record["message"].lower(), record

    outputs = {json.loads(p.read_text())["source"]["filename"]: p for p in out.glob("*.json")
               if not p.name.startswith("run-")}  # the run records lie beside the documents
    assert set(outputs) == {decoded(p.name) for p in converted} | {p.name for p in GOOD_SAMPLES}
    assert all(len(p.stem.encode()) <= MAX_STEM_BYTES for p in outputs.values())
    with sqlite3.connect(out / "vorlagen.sqlite") as conn:  # one row per distinct content
        rows = conn.execute("SELECT sha256, output_name FROM documents").fetchall()
    stems = {p.stem: json.loads(p.read_text())["source"]["sha256"] for p in outputs.values()}
    assert rows and all(stems[name] == sha256 for sha256, name in rows)
    jsonl = [json.loads(line) for line in (out / "all.jsonl").read_text().splitlines()]
    assert {line["source"]["filename"] for line in jsonl} <= set(outputs)
    assert len(jsonl) == len(set(stems.values()))  # one line per distinct content
    for kind in batch_kinds:
        assert not kind.marker or not (corpus_dir / kind.marker).exists()
