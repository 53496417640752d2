"""Convert many documents: discover → skip what is done → convert in workers → write here.

``run_batch`` is the library entry point; the CLI only translates its options into a call. The
parent process alone writes JSON, JSONL and databases, updates the resume ledger and reports
progress; workers only compute.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from pathlib import Path

from pydantic import ValidationError

from .. import __version__
from ..errors import ExitCode, VorlagenparserError
from ..filenames import decoded
from ..model import Vorlage
from ..options import ExtractOptions
from ..writers import Record, SourceFile, Writer
from ..writers._atomic import write_bytes
from ..writers.json import JsonDirWriter
from .discover import Discovery, InputFile, discover, sha256_file
from .executors import DaskExecutor, Executor, ProcessExecutor, SerialExecutor
from .ledger import Ledger, LedgerEntry, fingerprint, resume_key
from .report import BatchReport, FileResult, Progress, Status
from .worker import DEFAULT_EXTRACTOR, Task, failure, resolve_extractor

FAILURES_NAME = "failures.jsonl"

__all__ = ["DEFAULT_EXTRACTOR", "FAILURES_NAME", "BatchReport", "DaskExecutor", "Executor",
           "FileResult", "ProcessExecutor", "Progress", "SerialExecutor", "Status", "run_batch"]


def run_batch(
    inputs: Sequence[str | Path],
    out_dir: Path,
    *,
    options: ExtractOptions | None = None,
    writers: Sequence[Writer] = (),
    executor: Executor | None = None,
    extractor: str = DEFAULT_EXTRACTOR,
    retry_failed: bool = True,
    progress: Progress | None = None,
) -> BatchReport:
    """Convert every input into ``out_dir/<name>.json`` and the extra ``writers``.

    Files already converted with the same extractor, options and sinks are skipped (see
    :mod:`.ledger`). Bad files fail alone and are listed in ``out_dir/failures.jsonl``. Raises
    only for problems of the whole run (no inputs, unusable output, missing extractor).
    """
    found = discover(inputs)
    options = options or ExtractOptions()
    resolve_extractor(extractor)  # fail once, here, rather than once per file in the workers
    json_dir = JsonDirWriter(out_dir)
    total = len(found.files) + len(found.unreadable)
    report = BatchReport(total=total)
    with Ledger(out_dir) as ledger, ExitStack() as stack:
        for sink in (json_dir, *writers):
            stack.enter_context(sink)
        run = _Run(ledger, json_dir, writers, options, extractor, retry_failed, report, progress)
        if progress is not None:
            progress.started(total)
        try:
            (executor or ProcessExecutor()).run(run.tasks(found), run.settle)
        finally:
            report.failures_file = str(_write_failures(out_dir, report.failures))
    return report


class _Run:
    """The parent's side of one batch: decides what to convert and settles each result."""

    def __init__(self, ledger: Ledger, json_dir: JsonDirWriter, writers: Sequence[Writer],
                 options: ExtractOptions, extractor: str, retry_failed: bool,
                 report: BatchReport, progress: Progress | None) -> None:
        self.ledger, self.json_dir, self.options = ledger, json_dir, options
        self.sinks: tuple[Writer, ...] = (json_dir, *writers)
        self.extractor, self.retry_failed = extractor, retry_failed
        self.report, self.progress = report, progress
        self.sink_ids = tuple(sorted(sink.sink_id for sink in self.sinks))
        self.fingerprint = fingerprint(options, extractor, __version__)
        self.in_flight: dict[str, tuple[InputFile, str]] = {}

    def tasks(self, found: Discovery) -> Iterator[Task]:
        """Yield the files that need converting; settle the others on the way.

        Inputs that cannot be read are reported first, each once. Hashing happens here,
        lazily, so the first workers start before the last file is read.
        """
        for bad in found.unreadable:
            self._finish(failure(Task(str(bad.path), "", self.options), "InputFileError",
                                 bad.reason, ExitCode.input_file))
        for item in found.files:
            path = str(item.path)
            try:
                sha256 = sha256_file(item.path)
            except VorlagenparserError as exc:  # turned into a FIFO or removed meanwhile
                self._finish(failure(Task(path, "", self.options), type(exc).__name__,
                                     exc.message, exc.exit_code))
                continue
            except OSError as exc:
                self._finish(failure(Task(path, "", self.options), "InputFileError",
                                     f"cannot be read: {exc.strerror}", ExitCode.input_file))
                continue
            key = resume_key(sha256, self.fingerprint)
            settled = self._from_ledger(item, self.ledger.get(key))
            if settled is not None:
                self._finish(settled)
                continue
            self.in_flight[path] = (item, key)
            yield Task(path, sha256, self.options, self.extractor)

    def settle(self, result: FileResult) -> None:
        """Write a finished file everywhere, then mark it in the ledger (in that order, so
        "done" in the ledger always means "durable in every sink")."""
        item, key = self.in_flight.pop(result.path)
        if result.status is Status.done:
            result = self._write(item, result)
        self.ledger.record(_entry(key, item, result, self.sink_ids))
        self._finish(result)

    def _from_ledger(self, item: InputFile, entry: LedgerEntry | None) -> FileResult | None:
        if entry is None:
            return None
        base = FileResult(path=str(item.path), status=Status.skipped, sha256=entry.sha256,
                          pages=entry.pages)
        if entry.status == Status.done and set(self.sink_ids) <= set(entry.sinks):
            return base if self.json_dir.path_for(item.name).exists() else None
        if entry.status == Status.failed and not self.retry_failed:
            return failure(base, entry.error_type or "Failed", entry.message or "failed before",
                           entry.error_code or ExitCode.failure)
        return None

    def _write(self, item: InputFile, result: FileResult) -> FileResult:
        try:
            vorlage = Vorlage.model_validate(result.document)
        except ValidationError as exc:
            return failure(result, "ValidationFailedError",
                           f"the extractor returned an invalid document: {exc.errors()[0]['msg']}",
                           ExitCode.validation_failed)
        source = SourceFile(path=decoded(result.path), sha256=result.sha256,
                            sha512=result.sha512, size=result.size, mime_type=result.mime_type)
        record = Record(name=item.name, vorlage=vorlage, source=source)
        for sink in self.sinks:
            sink.write(record)
        return result

    def _finish(self, result: FileResult) -> None:
        self.report.add(result)
        if self.progress is not None:
            self.progress.settled(result, self.report)


def _entry(key: str, item: InputFile, result: FileResult, sinks: tuple[str, ...]) -> LedgerEntry:
    return LedgerEntry(
        key=key, sha256=result.sha256, status=str(result.status), input=decoded(item.path),
        output=item.name if result.status is Status.done else None, sinks=sinks,
        pages=result.pages, size=result.size, sha512=result.sha512, mime_type=result.mime_type,
        error_code=result.error_code, error_type=result.error_type, message=result.message)


def _write_failures(out_dir: Path, failures: Sequence[FileResult]) -> Path:
    """This run's failures, one JSON object per line, replaced atomically at the end."""
    path = out_dir / FAILURES_NAME
    lines = (json.dumps(f.failure_record(), ensure_ascii=False) + "\n" for f in failures)
    write_bytes(path, "".join(lines).encode("utf-8"))
    return path

