"""Where conversions run: in-process, in a pool of worker processes, or on a Dask cluster.

Every executor takes the same picklable task (:func:`worker.convert_one`) and hands each
:class:`FileResult` to ``on_result`` *in the calling process*, which alone writes outputs. The
executors differ only in isolation: the process pool survives crashes, hangs and runaway memory
of a single file; Dask reschedules work lost with a worker.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from multiprocessing.connection import Connection, wait
from multiprocessing.context import DefaultContext, ForkContext, ForkServerContext, SpawnContext
from multiprocessing.process import BaseProcess
from typing import Any, Protocol

from .. import limits
from ..errors import ExitCode, MissingDependencyError
from .report import FileResult
from .worker import Step, Task, convert_one, failure, serve

OnResult = Callable[[FileResult], None]


class Executor(Protocol):
    def run(self, tasks: Iterable[Task], on_result: OnResult) -> None:
        """Run every task, calling ``on_result`` once per task, in the calling process."""
        ...


class SerialExecutor:
    """One file after the other in this process: for tests and library use (no isolation)."""

    def run(self, tasks: Iterable[Task], on_result: OnResult) -> None:
        for task in tasks:
            on_result(convert_one(task))


# --- process pool ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Slot:
    """One worker process with a pipe; it runs one task at a time, so a crash, hang or memory
    blow-up is always tied to exactly one file (a ProcessPoolExecutor cannot tell which)."""

    process: BaseProcess
    conn: Connection
    task: Task | None = None
    deadline: float = float("inf")
    served: int = 0
    step: str = limits.OPENING  # what the task is doing, as the worker last reported
    step_deadline: float = float("inf")


class ProcessExecutor:
    """``jobs`` worker processes, each replaced after ``max_tasks_per_child`` files (bounds
    leaked memory), when it dies, when a file takes longer than ``timeout_s``, when one step
    of it (a page) takes longer than its options' ``page_timeout_s``, or when its RSS passes
    the memory limit (``max_memory_mb`` here, else the task options' ``max_memory_mb``). The
    file in question fails alone; the batch goes on.

    Memory is sampled every ``poll_s`` seconds: a hostile file grows by at most ~100 MB per
    50 ms (measured with bench/bench_badinputs.py), so the default keeps the overshoot small.

    concurrent.futures.ProcessPoolExecutor is not used on purpose: it can neither stop a hung
    task nor say which task killed a worker (BrokenProcessPool fails them all).
    """

    def __init__(self, jobs: int | None = None, *, timeout_s: float | None = None,
                 max_tasks_per_child: int = 20, max_memory_mb: int | None = None,
                 preload: Sequence[str] = (), poll_s: float = 0.05, fork: bool = False) -> None:
        self.jobs = max(1, jobs or default_jobs())
        self.timeout_s = timeout_s
        self.max_tasks_per_child = max(1, max_tasks_per_child)
        self.max_rss = max_memory_mb * 1024 * 1024 if max_memory_mb else None
        self.poll_s = poll_s
        self._context = _context(preload, fork)
        self._slots: list[_Slot | None] = []  # None: no process until there is work

    def run(self, tasks: Iterable[Task], on_result: OnResult,
            meanwhile: Callable[[], object] | None = None) -> None:
        """Convert ``tasks``, handing each result to ``on_result`` as it comes. ``meanwhile`` is
        work of the caller's own, done once the first tasks are handed out, while the workers
        convert them (the extract command loads the layout stage while its child reads)."""
        source = iter(tasks)
        self._slots = [None] * self.jobs
        try:
            more = self._feed(source)
            if meanwhile is not None:
                meanwhile()
            while more or self._busy():
                for result in self._collect():
                    on_result(result)
                more = self._feed(source)
        finally:
            self._shutdown()

    def _busy(self) -> list[_Slot]:
        return [slot for slot in self._slots if slot is not None and slot.task is not None]

    def _feed(self, source: Iterator[Task]) -> bool:
        """Give a task to every free slot, starting workers only when there is work (a resumed
        batch that skips everything starts none); False once the source is exhausted."""
        for index, slot in enumerate(self._slots):
            if slot is not None and slot.task is not None:
                continue
            task = next(source, None)
            if task is None:
                return False
            if slot is None or not slot.process.is_alive():
                if slot is not None:
                    _stop(slot, graceful=False)
                slot = self._slots[index] = self._start()
            self._dispatch(slot, task)
        return True

    def _dispatch(self, slot: _Slot, task: Task) -> None:
        now = time.monotonic()
        slot.task = task
        slot.deadline = now + self.timeout_s if self.timeout_s else float("inf")
        slot.step, slot.step_deadline = limits.OPENING, now + _step_budget(task)
        # If the worker died meanwhile, _collect sees it and reports this task.
        with contextlib.suppress(OSError):
            slot.conn.send(task)

    def _collect(self) -> list[FileResult]:
        busy = self._busy()
        nearest = min(min(s.deadline, s.step_deadline) for s in busy) - time.monotonic()
        wait([s.conn for s in busy] + [s.process.sentinel for s in busy],
             timeout=max(0.0, min(self.poll_s, nearest)))
        results = []
        for index, slot in enumerate(self._slots):
            result = self._check(slot) if slot is not None else None
            if slot is None or result is None:
                continue
            results.append(result)
            # A task still set means no normal finish: that process must go too.
            if slot.task is not None or slot.served >= self.max_tasks_per_child:
                _stop(slot, graceful=slot.task is None)
                self._slots[index] = None
        return results

    def _check(self, slot: _Slot) -> FileResult | None:
        task = slot.task
        if task is None:
            return None
        while slot.conn.poll():
            try:
                message: FileResult | Step = slot.conn.recv()
            except (EOFError, OSError):
                return failure(task, "WorkerCrashed", _died(slot.process))
            if isinstance(message, Step):
                slot.step, slot.step_deadline = message.label, time.monotonic() + _step_budget(task)
                continue
            slot.task, slot.served = None, slot.served + 1
            return message
        if not slot.process.is_alive():
            return failure(task, "WorkerCrashed", _died(slot.process))
        return self._over_limit(slot, task)

    def _over_limit(self, slot: _Slot, task: Task) -> FileResult | None:
        now = time.monotonic()
        if now > slot.deadline:
            return failure(task, "Timeout", f"timed out after {self.timeout_s:g} s (--timeout); "
                           "the worker was stopped", ExitCode.resource_limit)
        if now > slot.step_deadline:
            return failure(task, "PageTimeout", limits.too_slow(slot.step, task.options.page_timeout_s)
                           + "; the worker was stopped", ExitCode.resource_limit)
        limit = self.max_rss or task.options.max_memory_mb * 1024 * 1024
        if limit and (_rss(slot.process.pid) or 0) > limit:
            return failure(task, "MemoryLimit", f"needs more than {limit >> 20} MB of memory "
                           f"(--max-memory); the worker was stopped at {slot.step}",
                           ExitCode.resource_limit)
        return None

    def _start(self) -> _Slot:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=serve, args=(child, self.max_tasks_per_child, self.jobs),
                                        daemon=True, name="vorlagenparser-worker")
        process.start()
        child.close()
        return _Slot(process, parent)

    def _shutdown(self) -> None:
        for slot in self._slots:
            if slot is not None:
                _stop(slot, graceful=slot.task is None)
        self._slots.clear()


def _stop(slot: _Slot, *, graceful: bool) -> None:
    """Idle workers are asked to leave; busy ones (hung, interrupted) are killed."""
    if graceful and slot.process.is_alive():
        with contextlib.suppress(OSError):
            slot.conn.send(None)
        slot.process.join(timeout=2)
    if slot.process.is_alive():
        slot.process.kill()
    slot.process.join()
    slot.conn.close()
    slot.process.close()


def _died(process: BaseProcess) -> str:
    process.join(timeout=1)
    code = process.exitcode
    if code is not None and code < 0:
        name = signal.Signals(-code).name
        hint = " (out of memory?)" if name == "SIGKILL" else ""
        return f"the worker process died with {name}{hint} while converting this file"
    return f"the worker process exited with code {code} while converting this file"


def _step_budget(task: Task) -> float:
    # A little longer than the worker's own check, which says the same without killing.
    return task.options.page_timeout_s + _STEP_GRACE_S


_STEP_GRACE_S = 1.0


def _rss(pid: int | None) -> int | None:
    """Resident memory of a process in bytes (Linux /proc); None where unknown."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as statm:  # noqa: PTH123 - hot path, tiny read
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


_Context = DefaultContext | ForkContext | ForkServerContext | SpawnContext


def _context(preload: Sequence[str], fork: bool = False) -> _Context:
    # forkserver: workers are forked from a clean single-threaded server, not from the parent
    # (which runs a progress-bar thread and holds database handles and the ledger lock). A
    # single-threaded caller with nothing to protect (the extract command) may fork directly,
    # which saves starting a server; with other threads running, forking could copy a held lock.
    methods = multiprocessing.get_all_start_methods()
    if fork and "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["vorlagenparser.batch.worker", *preload])
    return context


def default_jobs() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


# --- Dask --------------------------------------------------------------------------------------


class DaskExecutor:
    """Runs the same task on a Dask cluster (extra ``dask``). Workers read the input from a
    shared path; results stream back and are written here, as with the process pool.

    At most ``window`` tasks are in flight so a million-file batch does not flood the scheduler.
    A worker lost mid-file is retried by Dask and, after its allowed failures, reported as a
    failed file (``KilledWorker``). ``--timeout`` is not enforced here: Dask cannot stop a task
    that is running; use the worker's ``--lifetime`` or nanny memory limits instead.
    """

    def __init__(self, scheduler: str | None = None, *, client: Any = None,
                 window: int | None = None) -> None:
        self.scheduler = scheduler
        self.client = client
        self.window = window

    def run(self, tasks: Iterable[Task], on_result: OnResult) -> None:
        distributed = _distributed()
        client = self.client or distributed.Client(self.scheduler)
        try:
            window = self.window or 2 * max(1, sum(client.nthreads().values()))
            source = iter(tasks)
            pending: dict[str, Task] = {}
            completed = distributed.as_completed()
            for task in islice(source, window):
                completed.add(_submit(client, task, pending))
            for future in completed:
                on_result(_outcome(future, pending.pop(future.key)))
                future.release()
                following = next(source, None)
                if following is not None:
                    completed.add(_submit(client, following, pending))
        finally:
            if self.client is None:
                client.close()


def _submit(client: Any, task: Task, pending: dict[str, Task]) -> Any:
    future = client.submit(convert_one, task, pure=False)
    pending[future.key] = task
    return future


def _outcome(future: Any, task: Task) -> FileResult:
    if future.status == "finished":
        result: FileResult = future.result()
        return result
    exc = future.exception() if future.status == "error" else None
    kind = type(exc).__name__ if exc else "Cancelled"
    return failure(task, kind, f"the Dask task failed: {kind}: {exc}")


def _distributed() -> Any:
    try:
        import dask.distributed
    except ImportError as exc:
        raise MissingDependencyError(
            "--executor dask needs dask.distributed: pip install 'vorlagenparser[dask]'",
        ) from exc
    return dask.distributed


__all__ = ["DaskExecutor", "Executor", "OnResult", "ProcessExecutor", "SerialExecutor",
           "default_jobs"]
