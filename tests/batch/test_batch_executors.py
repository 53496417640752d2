"""Isolation: each misbehaving file fails alone, with its own reason; the others are done."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from vorlagenparser.batch import FileResult, ProcessExecutor, SerialExecutor, Status
from vorlagenparser.batch.worker import Task, convert_one
from vorlagenparser.options import ExtractOptions

MakeGood = Callable[..., list[Path]]


def tasks_for(paths: list[Path], extractor: str) -> list[Task]:
    return [Task(str(p), "0" * 64, ExtractOptions(), extractor) for p in paths]


def run(executor: SerialExecutor | ProcessExecutor, tasks: list[Task]) -> dict[str, FileResult]:
    results: dict[str, FileResult] = {}
    executor.run(tasks, lambda result: results.__setitem__(Path(result.path).name, result))
    assert len(results) == len(tasks)
    return results


def test_convert_one_never_raises(tmp_path: Path, make_good: MakeGood,
                                  fake_extractor: str) -> None:
    missing = convert_one(Task(str(tmp_path / "gone.pdf"), "0" * 64, ExtractOptions(),
                               fake_extractor))
    assert (missing.status, missing.error_type) == (Status.failed, "InputFileError")
    assert missing.message == "no such file"
    [good] = make_good(tmp_path, 1)
    unknown = convert_one(Task(str(good), "0" * 64, ExtractOptions(), "no.such:module"))
    assert unknown.error_type == "MissingDependencyError"


def test_serial_executor_runs_in_process(tmp_path: Path, make_good: MakeGood,
                                         fake_extractor: str) -> None:
    results = run(SerialExecutor(), tasks_for(make_good(tmp_path, 2), fake_extractor))
    assert {r.status for r in results.values()} == {Status.done}
    assert all(r.sha512 and r.size and r.mime_type == "application/pdf" for r in results.values())


def test_the_callers_own_work_runs_once_while_the_workers_convert(
        tmp_path: Path, make_good: MakeGood, fake_extractor: str) -> None:
    events: list[str] = []
    executor = ProcessExecutor(2)
    executor.run(tasks_for(make_good(tmp_path, 3), fake_extractor),
                 lambda result: events.append(result.status),
                 meanwhile=lambda: events.append(f"meanwhile, {len(executor._busy())} busy"))
    # Before any result: the first two files were handed out, one to each worker.
    assert events == ["meanwhile, 2 busy", Status.done, Status.done, Status.done]


@pytest.mark.slow
def test_crash_hang_and_memory_hog_fail_alone(tmp_path: Path, make_good: MakeGood,
                                              fake_extractor: str) -> None:
    good = make_good(tmp_path, 3)
    bad = [tmp_path / f"{word}.pdf" for word in ("crash", "hang", "hog")]
    for path in bad:
        shutil.copy(good[0], path)
    executor = ProcessExecutor(2, timeout_s=2, max_memory_mb=400, max_tasks_per_child=5)
    results = run(executor, tasks_for(sorted(good + bad), fake_extractor))
    assert {name: r.error_type for name, r in results.items() if r.status is Status.failed} == {
        "crash.pdf": "WorkerCrashed", "hang.pdf": "Timeout", "hog.pdf": "MemoryLimit"}
    assert "SIGSEGV" in (results["crash.pdf"].message or "")
    assert [r.status for n, r in results.items() if n.startswith("vorlage")] == [Status.done] * 3


def test_workers_are_recycled_after_max_tasks(tmp_path: Path, make_good: MakeGood,
                                              fake_extractor: str) -> None:
    paths = make_good(tmp_path, 4)
    results = run(ProcessExecutor(1, max_tasks_per_child=2), tasks_for(paths, fake_extractor))
    pids = [r.worker_pid for r in results.values()]
    assert len(set(pids)) == 2
    assert all(r.worker_peak_rss_kb and r.worker_peak_rss_kb > 1000 for r in results.values())
