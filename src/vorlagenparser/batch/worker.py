"""The task every executor runs: convert one file, return plain data, never raise.

Top-level and picklable so process pools and Dask can ship it. The extractor is named by an
import path (``"module:function"``) rather than passed as an object, so a test can inject a
fake that the child process imports by itself.
"""

from __future__ import annotations

import importlib
import logging
import os
import resource
import signal
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING

from .. import limits
from ..errors import ExitCode, MissingDependencyError, VorlagenparserError
from .discover import file_digests
from .report import FileResult, Status

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from ..archive import ArchiveFiles
    from ..model import Vorlage
    from ..options import ExtractOptions
    from ..pipeline import Extraction
    from ..reading import Reading

DEFAULT_EXTRACTOR = "vorlagenparser.pipeline:extract"
# --archive needs the page model (OCR words) besides the document.
ARCHIVE_EXTRACTOR = "vorlagenparser.pipeline:extract_document"
Extractor = Callable[[str, "ExtractOptions"], "Vorlage | Extraction | Reading"]

# PDFium is not thread-safe (two threads in it segfault the process). Process workers run one
# file at a time anyway; on a Dask worker with several threads this keeps extraction serial.
_EXTRACTION_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class Task:
    path: str
    sha256: str
    options: ExtractOptions
    extractor: str = DEFAULT_EXTRACTOR
    archive: bool = False  # also compute the PDF/A copy and the ALTO full text
    digest: bool = True  # SHA-512, size and MIME type for the writers (not needed by extract)


@dataclass(frozen=True, slots=True)
class Step:
    """A worker's word to its supervisor: the conversion has begun this step (a page)."""

    label: str


def resolve_extractor(ref: str) -> Extractor:
    """Import ``"module:function"``; a missing module is a missing dependency, said once."""
    module_name, _, attr = ref.partition(":")
    try:
        function: Extractor = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise MissingDependencyError(f"cannot load the extractor {ref!r}: {exc}") from exc
    return function


def convert_one(task: Task) -> FileResult:
    """Digest and extract one file. Every exception becomes a failed :class:`FileResult`."""
    started = time.perf_counter()
    try:
        return _convert(task, started)
    except Exception as exc:  # the batch must go on
        return failed(task, started, exc)


def _convert(task: Task, started: float) -> FileResult:
    from ..reading import Reading

    digests = file_digests(Path(task.path)) if task.digest else None
    extractor = resolve_extractor(task.extractor)
    with _EXTRACTION_LOCK, _library_stderr_to_log():
        extracted = extractor(task.path, task.options)
        if isinstance(extracted, Reading):  # laid out by the caller (the extract command)
            return replace(_stats(task, started), status=Status.done, reading=extracted,
                           pages=len(extracted.document.pages))
        from ..model import Vorlage  # loaded with the extractor anyway

        vorlage = extracted if isinstance(extracted, Vorlage) else extracted.vorlage
        archive = _archive(task, extracted) if task.archive else None
    document = vorlage.model_dump(mode="json")
    done = replace(_stats(task, started), status=Status.done, document=document,
                   archive=archive.files if archive else None, archive_info=archive.info if archive else None,
                   pages=vorlage.source.page_count)
    if digests is None:
        return done
    return replace(done, size=digests.size, sha512=digests.sha512, mime_type=digests.mime_type)


def failed(task: Task, started: float, exc: Exception) -> FileResult:
    """The failed result for what converting ``task`` raised: the exit code the file would have
    had on its own, the error type's name and one line; the traceback of an unexpected error."""
    from pydantic import ValidationError

    if isinstance(exc, VorlagenparserError):
        return _failed(task, started, exc.exit_code, type(exc).__name__, exc.message)
    if isinstance(exc, ValidationError):  # the document broke a rule of the output model
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"])
        return _failed(task, started, ExitCode.validation_failed, "ValidationFailedError",
                       f"the extracted document does not fit the output schema: {where}: "
                       f"{error['msg']}")
    if isinstance(exc, MemoryError):
        return _failed(task, started, ExitCode.resource_limit, "MemoryLimit",
                       "ran out of memory (the system refused more)")
    return replace(_failed(task, started, ExitCode.failure, type(exc).__name__,
                           f"unexpected {type(exc).__name__}: {exc}"),
                   detail="".join(traceback.format_exception(exc)))


def _archive(task: Task, extracted: Vorlage | Extraction) -> ArchiveFiles:
    """The archival files, computed here in the worker; the parent only writes them."""
    from ..model import Vorlage  # loaded by convert_one already

    if isinstance(extracted, Vorlage):
        raise MissingDependencyError(f"the extractor {task.extractor!r} returns no page model, "
                                     "which --archive needs")
    from ..archive import build_archive

    return build_archive(extracted, task.path, task.options)


def _failed(task: Task, started: float, code: int, kind: str, message: str) -> FileResult:
    return failure(_stats(task, started), kind, message, code)


def failure(base: Task | FileResult, kind: str, message: str,
            code: int = ExitCode.failure) -> FileResult:
    """A failed result for ``base``; the message is cut to one line (one line per bad file)."""
    if isinstance(base, Task):
        base = FileResult(path=base.path, status=Status.failed, sha256=base.sha256)
    first_line = message.strip().splitlines()[0] if message.strip() else kind
    return replace(base, status=Status.failed, error_code=code, error_type=kind,
                   message=first_line)


def _stats(task: Task, started: float) -> FileResult:
    """A failed result carrying the timings; callers fill in the outcome."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # ru_maxrss is KiB on Linux but bytes on macOS.
    peak_kb = peak // 1024 if sys.platform == "darwin" else peak
    return FileResult(path=task.path, status=Status.failed, sha256=task.sha256,
                      seconds=time.perf_counter() - started, worker_pid=os.getpid(),
                      worker_peak_rss_kb=peak_kb)


@contextmanager
def _library_stderr_to_log() -> Iterator[None]:
    """What C libraries print on file descriptor 2 while converting (libtiff warnings, PDFium
    and Tesseract messages) goes to the log at debug level instead of the user's terminal.

    Process-wide while it lasts: extraction holds a lock, so no other conversion is hidden.
    """
    with tempfile.TemporaryFile() as sink:
        sys.stderr.flush()
        saved = os.dup(2)
        os.dup2(sink.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            noise = sink.read(_MAX_NOISE).decode("utf-8", "replace").strip()
            if noise:
                log.debug("library messages on stderr:\n%s", noise)


_MAX_NOISE = 64 * 1024


def preload_modules(extractor: str) -> list[str]:
    """What a pool's fork server imports before forking workers: the extractor's module, and
    for the project's own pipeline what its first file would load (see :mod:`.warm`)."""
    module = extractor.partition(":")[0]
    return [module, f"{__package__}.warm"] if module == "vorlagenparser.pipeline" else [module]


def init_worker(jobs: int = 1) -> None:
    """Per-process set-up: one OCR thread per worker (the pool is the parallelism), and Ctrl-C
    is left to the parent, which stops the workers itself. Beside other workers (``jobs`` > 1)
    OpenCV works on one thread too; a lone worker may use the machine's cores."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    opencv = sys.modules.get("cv2")
    if jobs > 1 and opencv is not None:  # loaded by the fork server (.warm)
        opencv.setNumThreads(1)


def serve(conn: Connection, max_tasks: int, jobs: int = 1) -> None:
    """Worker-process main loop for the process executor: one task at a time over a pipe,
    then exit after ``max_tasks`` so leaked memory is returned to the system. Each step of a
    conversion (a page) is reported as it begins, so the parent can time steps."""
    init_worker(jobs)
    limits.set_listener(lambda label: conn.send(Step(label)))
    for _ in range(max_tasks):
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if task is None:
            return
        conn.send(convert_one(task))
