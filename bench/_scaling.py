"""Batch scaling: the same mixed digital/scan set with ``--jobs 1`` and ``--jobs 2``.

Runs ``run_batch`` with the executor and SQLite database the ``batch`` command sets up, so the
figures include worker start-up, the parent's writing and the tail of the last files. Each
worker's peak RSS is taken from its results, after its first file and after its last.

Those two differ mostly because later files are larger. Whether memory grows with the number
of files is measured apart: one worker, never replaced, converts the set twice over; the peak
after the second pass is the peak after the first unless something piles up from file to file.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class BatchFigures:
    jobs: int
    files: int
    pages: int
    failed: int
    seconds: float
    workers: int
    first_rss_mb: float  # the largest peak of any worker after its first file
    last_rss_mb: float  # ... after its last file

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


class _Collect:
    def __init__(self) -> None:
        self.results: list[Any] = []

    def started(self, total: int) -> None:
        pass

    def settled(self, result: Any, report: Any) -> None:
        self.results.append(result)


def _stage(files: Sequence[Path], folder: Path) -> None:
    for i, path in enumerate(files):
        shutil.copyfile(path, folder / f"{i:04d}-{path.name}")


def _batch(inputs: Path, jobs: int, max_tasks_per_child: int) -> tuple[_Collect, Any, float]:
    """``run_batch`` as the batch command sets it up: the results, the report and the seconds."""
    from vorlagenparser.batch import DEFAULT_EXTRACTOR, ProcessExecutor, run_batch
    from vorlagenparser.batch.worker import preload_modules
    from vorlagenparser.writers import database_writer

    collect = _Collect()
    with tempfile.TemporaryDirectory() as out:
        executor = ProcessExecutor(jobs, timeout_s=300, max_tasks_per_child=max_tasks_per_child,
                                   preload=preload_modules(DEFAULT_EXTRACTOR))
        started = time.perf_counter()
        report = run_batch([inputs], Path(out), executor=executor, progress=collect,
                           writers=[database_writer(str(Path(out) / "vorlagen.sqlite"))])
        return collect, report, time.perf_counter() - started


def run(inputs: Path, jobs: int, max_tasks_per_child: int) -> BatchFigures:
    collect, report, seconds = _batch(inputs, jobs, max_tasks_per_child)
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for result in collect.results:
        if result.worker_pid and result.worker_peak_rss_kb:
            first.setdefault(result.worker_pid, result.worker_peak_rss_kb)
            last[result.worker_pid] = result.worker_peak_rss_kb
    return BatchFigures(jobs, report.done + report.failed, report.pages, report.failed, seconds,
                        len(last), max(first.values(), default=0) / 1024,
                        max(last.values(), default=0) / 1024)


@dataclass(frozen=True, slots=True)
class MemoryFigures:
    files: int  # in one pass
    first_pass_mb: float  # the worker's peak RSS after the last file of the first pass
    second_pass_mb: float  # ... after the same files once more


def measure(files: Sequence[Path], max_tasks_per_child: int) -> list[BatchFigures]:
    with tempfile.TemporaryDirectory() as staged:
        _stage(files, Path(staged))
        return [run(Path(staged), jobs, max_tasks_per_child) for jobs in (1, 2)]


def measure_memory(files: Sequence[Path]) -> MemoryFigures:
    """One worker, never replaced, converts ``files`` twice (the copies sort after them)."""
    with tempfile.TemporaryDirectory() as staged:
        _stage([*files, *files], Path(staged))
        collect = _batch(Path(staged), jobs=1, max_tasks_per_child=2 * len(files) + 1)[0]
    peaks = [(r.worker_peak_rss_kb or 0) / 1024 for r in
             sorted(collect.results, key=lambda r: Path(r.path).name)]
    return MemoryFigures(len(files), max(peaks[:len(files)], default=0.0),
                         max(peaks, default=0.0))


def report_memory(f: MemoryFigures) -> list[str]:
    growth = f.second_pass_mb - f.first_pass_mb
    return [f"memory: one worker, never replaced, converts the {f.files} files twice",
            f"  peak RSS {f.first_pass_mb:.0f} MB after the first pass, {f.second_pass_mb:.0f} MB "
            f"after the second ({growth:+.0f} MB; target: flat in the number of files)"]


def report(figures: list[BatchFigures], max_tasks_per_child: int) -> list[str]:
    one, two = figures
    lines = [f"batch scaling: {one.files} mixed files, {one.pages} pages, workers replaced after "
             f"{max_tasks_per_child} files"]
    for f in figures:
        failed = f", {f.failed} FAILED" if f.failed else ""
        lines.append(f"  --jobs {f.jobs}  {f.seconds:6.1f} s  {f.pages_per_second:6.2f} pages/s  "
                     f"{f.workers} worker processes, peak RSS per worker {f.first_rss_mb:.0f} MB "
                     f"after its first file, {f.last_rss_mb:.0f} MB after its last{failed}")
    ratio = two.pages_per_second / one.pages_per_second if one.pages_per_second else 0.0
    lines.append(f"  scaling --jobs 2 / --jobs 1  {ratio:.2f}x   (target >= 1.85x)")
    return lines
