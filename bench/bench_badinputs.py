"""Hostile inputs: exit code, time and peak memory of `extract` per corpus kind, and of a batch.

    .venv/bin/python bench/bench_badinputs.py                  # every kind, then the batch
    .venv/bin/python bench/bench_badinputs.py --only flate_bomb_content,xobject_fanout --no-batch

Builds the bad-input corpus (scripts/make_badinputs.py) in a temporary folder, runs
``vorlagenparser extract`` on each kind in its own process and prints the exit code, wall time,
peak RSS (the largest process of the run, worker children included) and the first stderr line.
The batch run converts the whole folder plus the digital samples with ``--jobs 2`` and reports
the largest single process and the largest sum of all its processes at one moment.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from _badinputs import BY_NAME, KINDS, make_corpus  # noqa: E402

_PAGE = os.sysconf("SC_PAGE_SIZE")


def run_measured(command: list[str], timeout: float) -> tuple[int, float, int, int, str]:
    """(exit code, seconds, peak RSS of the largest process in MB, peak summed RSS in MB,
    stderr). The command runs in its own session so its process group can be sampled."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT,
                                   start_new_session=True)
        sampler = GroupSampler(process.pid)
        sampler.start()
        try:
            _, status, usage = _wait4(process.pid, timeout)
        finally:
            sampler.stop()
        process.returncode = os.waitstatus_to_exitcode(status) if status is not None else -9
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    seconds = time.perf_counter() - started
    return process.returncode, seconds, usage // 1024, sampler.peak // (1 << 20), text


def _wait4(pid: int, timeout: float) -> tuple[int, int | None, int]:
    deadline = time.monotonic() + timeout
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            return done, status, usage.ru_maxrss
        if time.monotonic() > deadline:
            os.killpg(pid, 9)
            _, status, usage = os.wait4(pid, 0)
            return pid, None, usage.ru_maxrss
        time.sleep(0.02)


class GroupSampler(threading.Thread):
    """The largest sum of resident memory over a process group, sampled every 50 ms."""

    def __init__(self, pgid: int) -> None:
        super().__init__(daemon=True)
        self.pgid, self.peak, self._halt = pgid, 0, threading.Event()

    def run(self) -> None:
        while not self._halt.wait(0.05):
            self.peak = max(self.peak, _group_rss(self.pgid))

    def stop(self) -> None:
        self._halt.set()
        self.join()


def _group_rss(pgid: int) -> int:
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:  # noqa: PTH123 - hot loop
                fields = stat.read().rsplit(b")", 1)[1].split()
            if int(fields[2]) == pgid:
                total += int(fields[21]) * _PAGE
        except (OSError, IndexError, ValueError):
            continue
    return total


def extract_table(paths: dict[str, Path], timeout: float, out: Path) -> None:
    print(f"{'kind':32} {'exit':>4} {'want':>4} {'time s':>7} {'peak MB':>8}  message")
    for name, path in paths.items():
        kind = BY_NAME[name]
        command = [sys.executable, "-m", "vorlagenparser", "extract", str(path),
                   "-o", str(out / "x.json")]
        code, seconds, peak, _, err = run_measured(command, timeout)
        line = (err.strip().splitlines() or [""])[-1][:90]
        print(f"{name:32} {code:>4} {kind.exit_code:>4} {seconds:>7.1f} {peak:>8}  {line}",
              flush=True)


def batch_figures(folder: Path, timeout: float, out: Path) -> None:
    staged = folder / "good"
    staged.mkdir()
    for sample in sorted((ROOT / "samples").rglob("*.pdf"))[:20]:
        shutil.copyfile(sample, staged / sample.name)
    command = [sys.executable, "-m", "vorlagenparser", "batch", str(folder), "--out",
               str(out / "batch"), "--jobs", "2"]
    code, seconds, peak, summed, err = run_measured(command, timeout)
    failed = [line for line in err.splitlines() if str(folder) in line]
    print(f"\nbatch --jobs 2: exit {code}, {seconds:.1f} s, largest process {peak} MB, "
          f"all processes at once {summed} MB, {len(failed)} stderr lines naming an input")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated kind names")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per run")
    parser.add_argument("--no-batch", action="store_true")
    args = parser.parse_args()
    names = args.only.split(",") if args.only else [k.name for k in KINDS]
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "corpus", Path(tmp) / "out"
        out.mkdir()
        paths = make_corpus(folder, names)
        extract_table(paths, args.timeout, out)
        if not args.no_batch:
            batch_figures(folder, args.timeout * 4, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
