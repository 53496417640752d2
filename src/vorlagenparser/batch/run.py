"""Convert many documents: discover → skip what is done → convert in workers → write here.

``run_batch`` is the library entry point; the CLI only translates its options into a call. The
parent process alone writes JSON, JSONL and databases, the archival files, the run record and
the resume ledger, and reports progress; workers only compute.

Archival files travel from the worker to the parent as bytes inside the result rather than as
temp files the parent renames: that works for every executor (a Dask worker on another machine
shares no folder with us), keeps the rule that only the parent writes into the output folder,
and costs one copy of a file that is about the size of its input.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path

from pydantic import ValidationError

from .. import __version__
from ..archive import ALTO_SUFFIX, PDF_SUFFIX, refuse_overwriting_inputs
from ..archive.runrecord import RunRecord
from ..corrections import Edit, reapply
from ..errors import ExitCode, VorlagenparserError
from ..filenames import decoded
from ..model import Vorlage
from ..options import ExtractOptions
from ..profiles import load_profile, load_profile_dir
from ..writers import Record, SourceFile, Writer, correction_log
from ..writers._atomic import write_bytes
from ..writers.json import JsonDirWriter
from .discover import Discovery, InputFile, discover, sha256_file
from .executors import Executor, ProcessExecutor
from .ledger import Ledger, LedgerEntry, fingerprint, resume_key
from .report import BatchReport, FileResult, Progress, Status
from .worker import ARCHIVE_EXTRACTOR, DEFAULT_EXTRACTOR, Task, failure, resolve_extractor

FAILURES_NAME = "failures.jsonl"

__all__ = ["FAILURES_NAME", "run_batch"]


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
    archive: bool = False,
) -> BatchReport:
    """Convert every input into ``out_dir/<name>.json`` and the extra ``writers``.

    With ``archive``, also ``<name>.pdf`` (PDF/A-2b) and ``<name>.alto.xml`` (ALTO 4). Every
    run leaves a run record ``out_dir/run-<UTC time>.json`` with the checksums of its outputs.
    Files already converted with the same extractor, options and sinks are skipped (see
    :mod:`.ledger`); a document converted again gets the corrections a person made in the
    review tool (``out_dir/corrections.jsonl``) applied again, so a re-run never loses them.
    Bad files fail alone and are listed in ``out_dir/failures.jsonl``. Raises
    only for problems of the whole run (no inputs, unusable output, missing extractor).
    """
    found = discover(inputs)
    options = options or ExtractOptions()
    if archive:
        refuse_overwriting_inputs([f.path for f in found.files], [out_dir / f.name for f in found.files])
        if extractor == DEFAULT_EXTRACTOR:
            extractor = ARCHIVE_EXTRACTOR
    resolve_extractor(extractor)  # fail once, here, rather than once per file in the workers
    _check_profiles(options)
    json_dir = JsonDirWriter(out_dir)
    total = len(found.files) + len(found.unreadable)
    report = BatchReport(total=total)
    status = "interrupted"
    with Ledger(out_dir) as ledger:
        record = RunRecord(out_dir, options, archive=archive, settings={
            "extractor": extractor, "retry_failed": retry_failed,
            "sinks": sorted(sink.sink_id for sink in (json_dir, *writers))})
        try:
            with ExitStack() as stack:
                for sink in (json_dir, *writers):
                    stack.enter_context(sink)
                # Read under the ledger's lock: the review tool takes it too before it writes.
                run = _Run(ledger, json_dir, writers, options, extractor, retry_failed, report,
                           progress, archive, record, correction_log.read(out_dir))
                if progress is not None:
                    progress.started(total)
                try:
                    (executor or ProcessExecutor()).run(run.tasks(found), run.settle)
                finally:
                    report.failures_file = str(_write_failures(out_dir, report.failures))
            status = "complete"
        finally:
            # After the sinks are closed (a database is whole then), so its checksum holds.
            record.add_files(Path(p) for p in (
                report.failures_file, correction_log.log_path(out_dir),
                *(getattr(w, "path", None) for w in writers)) if p)
            report.run_record = str(record.finish(status))
    return report


def _check_profiles(options: ExtractOptions) -> None:
    """A broken profile stops the run before any work (exit 7), not once per file."""
    if options.profile:
        load_profile(options.profile)
    if options.profiles:
        load_profile_dir(options.profiles)


class _Run:
    """The parent's side of one batch: decides what to convert and settles each result."""

    def __init__(self, ledger: Ledger, json_dir: JsonDirWriter, writers: Sequence[Writer],
                 options: ExtractOptions, extractor: str, retry_failed: bool,
                 report: BatchReport, progress: Progress | None, archive: bool,
                 record: RunRecord, edits: dict[str, list[Edit]]) -> None:
        self.ledger, self.json_dir, self.options = ledger, json_dir, options
        self.sinks: tuple[Writer, ...] = (json_dir, *writers)
        self.extractor, self.retry_failed = extractor, retry_failed
        self.report, self.progress = report, progress
        self.archive, self.record, self.edits = archive, record, edits
        archive_ids = (f"archive:{json_dir.folder.resolve()}",) if archive else ()
        self.sink_ids = tuple(sorted((*(sink.sink_id for sink in self.sinks), *archive_ids)))
        self.fingerprint = fingerprint(options, extractor, __version__)
        self.in_flight: dict[str, tuple[InputFile, str]] = {}

    def tasks(self, found: Discovery) -> Iterator[Task]:
        """Yield the files that need converting; settle the others on the way.

        Inputs that cannot be read are reported first, each once. Hashing happens here,
        lazily, so the first workers start before the last file is read.
        """
        for bad in found.unreadable:
            self._finish(None, failure(Task(str(bad.path), "", self.options), "InputFileError",
                                       bad.reason, ExitCode.input_file))
        for item in found.files:
            path = str(item.path)
            try:
                sha256 = sha256_file(item.path)
            except VorlagenparserError as exc:  # turned into a FIFO or removed meanwhile
                self._finish(item, failure(Task(path, "", self.options), type(exc).__name__,
                                           exc.message, exc.exit_code))
                continue
            except OSError as exc:
                self._finish(item, failure(Task(path, "", self.options), "InputFileError",
                                           f"cannot be read: {exc.strerror}", ExitCode.input_file))
                continue
            key = resume_key(sha256, self.fingerprint)
            settled = self._from_ledger(item, self.ledger.get(key))
            if settled is not None:
                self._finish(item, settled)
                continue
            self.in_flight[path] = (item, key)
            yield Task(path, sha256, self.options, self.extractor, self.archive)

    def settle(self, result: FileResult) -> None:
        """Write a finished file everywhere, then mark it in the ledger (in that order, so
        "done" in the ledger always means "durable in every sink")."""
        item, key = self.in_flight.pop(result.path)
        if result.status is Status.done:
            result = self._write(item, result)
        self.ledger.record(_entry(key, item, result, self.sink_ids))
        self._finish(item, result)

    def _from_ledger(self, item: InputFile, entry: LedgerEntry | None) -> FileResult | None:
        if entry is None:
            return None
        base = FileResult(path=str(item.path), status=Status.skipped, sha256=entry.sha256,
                          pages=entry.pages)
        if entry.status == Status.done and set(self.sink_ids) <= set(entry.sinks):
            return base if all(p.exists() for p in self._outputs(item.name)) else None
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
        vorlage = reapply(vorlage, self.edits.get(result.sha256, ()))
        source = SourceFile(path=decoded(result.path), sha256=result.sha256,
                            sha512=result.sha512, size=result.size, mime_type=result.mime_type)
        record = Record(name=item.name, vorlage=vorlage, source=source)
        for sink in self.sinks:
            sink.write(record)
        for suffix, data in (result.archive or {}).items():
            write_bytes(self.json_dir.folder / f"{item.name}{suffix}", data)
        return replace(result, warnings=len(vorlage.warnings))

    def _outputs(self, name: str) -> list[Path]:
        suffixes = (".json", PDF_SUFFIX, ALTO_SUFFIX) if self.archive else (".json",)
        return [self.json_dir.folder / f"{name}{suffix}" for suffix in suffixes]

    def _finish(self, item: InputFile | None, result: FileResult) -> None:
        """Count a settled input; ``item`` is None for an input that could not even be listed."""
        self.report.add(result)
        self.record.add_input(
            path=decoded(item.path) if item else result.path, sha256=result.sha256, status=str(result.status),
            outputs=self._outputs(item.name) if item and result.status is not Status.failed else (),
            warnings=result.warnings, error=result.message, archive=result.archive_info,
            reuse_earlier=result.status is Status.skipped)
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

