"""What a batch produces besides documents: one result per file and the running totals."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import ExitCode
from ..filenames import decoded

if TYPE_CHECKING:
    from ..reading import Reading


class Status(StrEnum):
    done = "done"
    skipped = "skipped"
    failed = "failed"


@dataclass(frozen=True, slots=True)
class FileResult:
    """The outcome for one input, as returned by a worker (plain data, picklable).

    ``document`` is ``Vorlage.model_dump(mode="json")`` when done (or ``reading`` the file as
    the reading stages left it, where the task asked for no more). ``archive`` holds the
    archival files (output suffix → bytes) when asked for, ``archive_info`` how the PDF was
    made. Failures carry the exit code the file would have had on its own, the error type name
    and a one-line message.
    """

    path: str
    status: Status
    sha256: str
    document: dict[str, Any] | None = None
    archive: dict[str, bytes] | None = None
    archive_info: dict[str, Any] | None = None
    reading: Reading | None = None  # the file as read, when only that was asked for (see .isolated)
    warnings: int | None = None  # the document's warning count, once the parent validated it
    pages: int = 0
    size: int | None = None
    sha512: str | None = None
    mime_type: str | None = None
    error_code: int | None = None
    error_type: str | None = None
    message: str | None = None
    seconds: float = 0.0
    worker_pid: int | None = None
    worker_peak_rss_kb: int | None = None
    detail: str | None = None  # the traceback of an unexpected error (shown with -v)

    def failure_record(self) -> dict[str, Any]:
        """The line written to the machine-readable failures file."""
        return {"path": decoded(self.path), "sha256": self.sha256, "exit_code": self.error_code,
                "error_type": self.error_type, "message": self.message}


class Progress(Protocol):
    """Told about the batch as it goes; runs in the parent (the CLI draws a bar with it)."""

    def started(self, total: int) -> None: ...

    def settled(self, result: FileResult, report: BatchReport) -> None: ...


@dataclass(slots=True)
class BatchReport:
    """Running totals; final once :func:`~vorlagenparser.batch.run_batch` returns."""

    total: int = 0
    done: int = 0
    skipped: int = 0
    failed: int = 0
    pages: int = 0
    started_at: float = field(default_factory=time.monotonic)
    elapsed: float = 0.0
    failures: list[FileResult] = field(default_factory=list)
    failures_file: str | None = None
    run_record: str | None = None

    def add(self, result: FileResult) -> None:
        if result.status is Status.done:
            self.done += 1
            self.pages += result.pages
        elif result.status is Status.skipped:
            self.skipped += 1
        else:
            self.failed += 1
            self.failures.append(result)
        self.elapsed = time.monotonic() - self.started_at

    @property
    def settled(self) -> int:
        return self.done + self.skipped + self.failed

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def exit_code(self) -> int:
        """0 when nothing failed (skipped is fine); the file's own code when the only input
        failed; :attr:`ExitCode.partial_batch` otherwise."""
        if not self.failed:
            return ExitCode.ok
        if self.total == 1:
            return self.failures[0].error_code or ExitCode.failure
        return ExitCode.partial_batch
