"""Acceptance: SIGKILL the CLI mid-batch, run it again, and nothing is lost or duplicated."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from vorlagenparser.archive.fixity import verify_folder
from vorlagenparser.errors import ExitCode

HERE = Path(__file__).parent
ROOT = HERE.parent.parent


def batch_command(inputs: Path, out: Path, extractor: str) -> list[str]:
    return [sys.executable, "-m", "vorlagenparser", "batch", str(inputs), "--out", str(out),
            "--jobs", "2", "--jsonl", str(out / "all.jsonl"), "--extractor", extractor]


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE), env.get("PYTHONPATH")]))
    return env


def wait_for_outputs(out: Path, count: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while len(list(out.glob("slow*.json"))) < count:
        assert process.poll() is None, "the batch ended before it could be killed"
        assert time.monotonic() < deadline, "no outputs appeared"
        time.sleep(0.02)


@pytest.mark.slow
def test_sigkill_mid_batch_then_resume(tmp_path: Path, make_good: MakeGood,
                                       make_bad: MakeBad, fake_extractor: str) -> None:
    good = make_good(tmp_path / "in", 8, prefix="slow")
    bad = make_bad(tmp_path / "in" / "bad")["truncated"]
    for other in bad.parent.iterdir():
        if other != bad:
            other.unlink()
    out = tmp_path / "out"
    command = batch_command(tmp_path / "in", out, fake_extractor)

    process = subprocess.Popen(command, env=environment(), cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        wait_for_outputs(out, 3, process)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert len(list(out.glob("slow*.json"))) < len(good), "killed too late to prove anything"

    rerun = subprocess.run(command, env=environment(), cwd=ROOT, capture_output=True, text=True,
                           timeout=60, check=False)
    assert rerun.returncode == ExitCode.partial_batch, rerun.stderr

    assert sorted(p.stem for p in out.glob("slow*.json")) == sorted(p.stem for p in good)
    assert not list(out.glob(".*.partial"))
    for path in out.glob("slow*.json"):
        json.loads(path.read_text())  # complete, never half-written
    with sqlite3.connect(out / "vorlagen.sqlite") as conn:
        names = [row[0] for row in conn.execute("SELECT output_name FROM documents")]
        assert sorted(names) == sorted(p.stem for p in good)
        assert conn.execute("SELECT count(*) FROM anlagen").fetchone()[0] == 2 * len(good)
    # The killed run left its run record ("running"); with the rerun's, every output verifies.
    records = [json.loads(p.read_text()) for p in sorted(out.glob("run-*.json"))]
    assert [r["status"] for r in records] == ["running", "complete"]
    assert verify_folder(out) == []
    lines = [json.loads(line) for line in (out / "all.jsonl").read_text().splitlines()]
    assert sorted(line["source"]["filename"] for line in lines) == sorted(p.name for p in good)
    failures = [json.loads(line) for line in (out / "failures.jsonl").read_text().splitlines()]
    assert [f["path"] for f in failures] == [str(bad)]
    # Converted at most once per document: one "done" entry per key in the ledger.
    ledger = [json.loads(line) for line in
              (out / ".vorlagenparser" / "ledger.jsonl").read_text().splitlines()]
    done = Counter(entry["key"] for entry in ledger if entry["status"] == "done")
    assert len(done) == len(good) and set(done.values()) == {1}
    assert "skipped" in rerun.stderr


MakeGood = Callable[..., list[Path]]
MakeBad = Callable[[Path], dict[str, Path]]
