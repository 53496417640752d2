"""`extract` on every kind of the bad-input corpus: its exit code, one line naming the file and
no traceback; sound documents under odd names convert; active content never runs. The resource
bombs run in a process of their own, with peak memory and time measured."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.helpers import ROOT
from tests.hostile.conftest import kinds, obey_file_permissions

from _badinputs import BY_NAME, Kind
from _badinputs.measure import run_measured
from vorlagenparser.cli import main
from vorlagenparser.filenames import decoded, printable

# Acceptance bounds from the issue, generous against the figures bench/bench_badinputs.py prints.
MAX_EXTRACT_MB = 1024
MAX_BOMB_SECONDS = 60


def check_outcome(kind: Kind, path: Path, code: int, stderr: str, output: Path) -> None:
    assert code == kind.exit_code, stderr
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    if kind.exit_code == 0:  # only our own notes: where the output went, and its warnings
        assert all(line.startswith(("wrote ", "warning: ")) for line in lines), stderr
        data = json.loads(output.read_text(encoding="utf-8"))
        assert data["source"]["filename"] == decoded(path.name)
    else:
        [line] = lines  # nothing else: no usage text, no library noise (libtiff, PDFium)
        prefix = f"vorlagenparser: {printable(path)}: "
        assert line.startswith(prefix), line
        assert kind.needle.lower() in line.removeprefix(prefix).lower(), line
        assert not output.exists()
    if kind.marker:
        assert not (path.parent / kind.marker).exists(), "active content ran"


@pytest.mark.parametrize("kind", kinds(bombs=False), ids=lambda k: k.name)
def test_extract(kind: Kind, corpus: dict[str, Path], tmp_path: Path,
                 capsys: pytest.CaptureFixture[str]) -> None:
    if kind.unprivileged and os.geteuid() == 0:
        pytest.skip("root reads any file (test_unreadable_input_without_root_privileges)")
    path, output = corpus[kind.name], tmp_path / "out.json"
    code = main(["extract", str(path), "-o", str(output)])
    check_outcome(kind, path, code, capsys.readouterr().err, output)


@pytest.mark.slow
@pytest.mark.parametrize("kind", kinds(bombs=True), ids=lambda k: k.name)
def test_extract_bomb_memory_and_time(kind: Kind, corpus: dict[str, Path], tmp_path: Path) -> None:
    path, output = corpus[kind.name], tmp_path / "out.json"
    run = run_measured([sys.executable, "-m", "vorlagenparser", "extract", str(path), "-o",
                        str(output)], timeout=3 * MAX_BOMB_SECONDS, cwd=ROOT)
    print(f"{kind.name}: exit {run.exit_code}, {run.seconds:.1f} s, peak {run.largest_mb} MB")
    check_outcome(kind, path, run.exit_code, run.stderr, output)
    assert run.largest_mb <= MAX_EXTRACT_MB
    assert run.seconds <= MAX_BOMB_SECONDS


def test_unreadable_input_without_root_privileges(corpus: dict[str, Path], tmp_path: Path) -> None:
    kind = BY_NAME["unreadable"]
    path, output = corpus[kind.name], tmp_path / "out.json"
    try:
        run = run_measured([sys.executable, "-m", "vorlagenparser", "extract", str(path), "-o",
                            str(output)], timeout=60, cwd=ROOT, preexec_fn=obey_file_permissions)
    except subprocess.SubprocessError:
        pytest.skip("cannot give up root's file access here")
    check_outcome(kind, path, run.exit_code, run.stderr, output)
