"""Batch throughput and worker memory: pages/s with --jobs 1 and --jobs 2, and peak RSS.

    .venv/bin/python bench/bench_batch.py                 # digital samples, 3 copies each
    .venv/bin/python bench/bench_batch.py DIR --copies 10 --max-tasks-per-child 20

Prints pages/s for each job count, the scaling ratio (ideal: 2.0 on two free cores), and the
peak RSS per worker process for a short and a four-times longer run: with workers recycled
after ``--max-tasks-per-child`` files, the peak must not grow with the number of files.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from vorlagenparser.batch import (
    DEFAULT_EXTRACTOR,
    BatchReport,
    FileResult,
    ProcessExecutor,
    run_batch,
)

ROOT = Path(__file__).resolve().parents[1]


class Collect:
    """A progress sink that keeps every result (for the per-worker RSS figures)."""

    def __init__(self) -> None:
        self.results: list[FileResult] = []

    def started(self, total: int) -> None:
        pass

    def settled(self, result: FileResult, report: BatchReport) -> None:
        self.results.append(result)


def stage_inputs(sources: list[Path], copies: int, dest: Path) -> int:
    """Copy the inputs ``copies`` times into ``dest`` (distinct paths, same content)."""
    files = [p for s in sources for p in (sorted(s.rglob("*.pdf")) if s.is_dir() else [s])]
    for copy in range(copies):
        for i, path in enumerate(files):
            shutil.copyfile(path, dest / f"c{copy:03d}-{i:04d}-{path.name}")
    return len(files) * copies


def run(inputs: Path, jobs: int, args: argparse.Namespace) -> tuple[BatchReport, dict[int, int]]:
    collect = Collect()
    with tempfile.TemporaryDirectory() as out:
        executor = ProcessExecutor(jobs, timeout_s=600,
                                   max_tasks_per_child=args.max_tasks_per_child,
                                   preload=[args.extractor.partition(":")[0]])
        report = run_batch([inputs], Path(out), executor=executor, extractor=args.extractor,
                           progress=collect)
    peaks: dict[int, int] = defaultdict(int)
    for result in collect.results:
        if result.worker_pid and result.worker_peak_rss_kb:
            peaks[result.worker_pid] = max(peaks[result.worker_pid], result.worker_peak_rss_kb)
    return report, peaks


def describe(label: str, report: BatchReport, peaks: dict[int, int]) -> None:
    peak_mb = max(peaks.values(), default=0) / 1024
    print(f"{label:<22} {report.done:>5} files {report.pages:>6} pages {report.elapsed:>7.1f} s "
          f"{report.pages_per_second:>7.2f} pages/s  workers {len(peaks):>3}  "
          f"peak RSS/worker {peak_mb:>6.0f} MB")
    if report.failed:
        print(f"{'':<22} {report.failed} failed, e.g. {report.failures[0].message}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path,
                        default=[p for p in sorted((ROOT / "samples").iterdir())
                                 if p.is_dir() and p.name != "scans"])
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--max-tasks-per-child", type=int, default=10)
    parser.add_argument("--extractor", default=DEFAULT_EXTRACTOR)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as small, tempfile.TemporaryDirectory() as large:
        count = stage_inputs(args.inputs, args.copies, Path(small))
        stage_inputs(args.inputs, args.copies * 4, Path(large))
        print(f"{count} files per run; workers recycled after {args.max_tasks_per_child} files")
        one, one_peaks = run(Path(small), 1, args)
        describe("--jobs 1", one, one_peaks)
        two, two_peaks = run(Path(small), 2, args)
        describe("--jobs 2", two, two_peaks)
        ratio = two.pages_per_second / one.pages_per_second if one.pages_per_second else 0.0
        print(f"scaling --jobs 2 / --jobs 1: {ratio:.2f}x")
        longer, longer_peaks = run(Path(large), 2, args)
        describe("--jobs 2, 4x the files", longer, longer_peaks)
        growth = max(longer_peaks.values(), default=0) / max(two_peaks.values(), default=1)
        print(f"peak RSS per worker, 4x files vs 1x: {growth:.2f}x (bounded if close to 1)")
    return 0 if not (one.failed or two.failed) else 1


if __name__ == "__main__":
    sys.exit(main())
