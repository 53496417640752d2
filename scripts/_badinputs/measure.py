"""Run a command and measure it: exit code, wall time, peak memory of its largest process and
of all its processes together (bench/bench_badinputs.py and the hostile-input tests)."""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Measured:
    exit_code: int  # -9: stopped after the timeout
    seconds: float
    largest_mb: int  # the largest single process
    total_mb: int  # the largest sum of all processes of the run at one moment
    stderr: str


_PAGE = os.sysconf("SC_PAGE_SIZE")


def run_measured(command: list[str], timeout: float, cwd: Path | None = None,
                 env: dict[str, str] | None = None,
                 preexec_fn: Callable[[], None] | None = None) -> Measured:
    """Run ``command`` in its own session (so its process group can be sampled) and measure it.

    The largest process is the larger of the kernel's figure for the command and the waited-for
    processes below it (exact) and the sampled one (which also sees forkserver workers, whose
    figures the kernel does not pass up when the server is not waited for)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=err, cwd=cwd, env=env, start_new_session=True,
                                   preexec_fn=preexec_fn)
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
    largest = max(usage // 1024, sampler.largest // (1 << 20))
    return Measured(process.returncode, seconds, largest, sampler.peak // (1 << 20), text)


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
    """The largest sum of resident memory over a process group, and its largest process,
    sampled every 50 ms (bytes)."""

    def __init__(self, pgid: int) -> None:
        super().__init__(daemon=True)
        self.pgid, self.peak, self.largest, self._halt = pgid, 0, 0, threading.Event()

    def run(self) -> None:
        while not self._halt.wait(0.05):
            sizes = _group_rss(self.pgid)
            self.peak = max(self.peak, sum(sizes))
            self.largest = max(self.largest, *sizes, 0)

    def stop(self) -> None:
        self._halt.set()
        self.join()


def _group_rss(pgid: int) -> list[int]:
    sizes = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
            if int(fields[2]) == pgid:
                sizes.append(int(fields[21]) * _PAGE)
        except (OSError, IndexError, ValueError):
            continue
    return sizes


