"""One document in a supervised child process: the ``extract`` command's way of converting.

The child reads the file (loading, rendering, OCR, checkbox detection: the native libraries on
untrusted bytes) and is watched exactly like a batch worker: its memory (``max_memory_mb``),
the time of each step (``page_timeout_s``) and its death. A hostile file costs the child, never
the caller, and every outcome comes back as the error the conversion would have raised
in-process.

Meanwhile the caller loads the layout stage, about a third of a one-page conversion's start-up
on a second core, and lays out what the child read itself: pure Python over the page model,
under the same per-step time limit, checked in-process (:mod:`..limits`). A long document is laid
out in the child as before, where sending its page model would cost more than that saves.
"""

from __future__ import annotations

import time
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ExitCode, VorlagenparserError
from ..options import ExtractOptions
from .executors import ProcessExecutor
from .report import FileResult, Status
from .worker import Task, failed

if TYPE_CHECKING:
    from ..model import Vorlage
    from ..pipeline import Extraction
    from ..reading import Reading

__all__ = ["error_of", "extract_isolated", "read_for_extract"]

READ_FOR_EXTRACT = f"{__name__}:read_for_extract"
# Up to this many words a page model goes to the caller. Sending it costs 3.5-5 µs a word in all
# (30-40 ms for 8000 words, some twenty pages); loading the layout stage beside the child saves
# about 45 ms. A longer document is laid out in the child, which then loads the layout stage
# too (on a second core, so it costs time only on a busy machine).
SENT_WORDS = 8000


def extract_isolated(path: str | Path, options: ExtractOptions | None = None, *,
                     extractor: str = READ_FOR_EXTRACT) -> Vorlage:
    """:func:`vorlagenparser.extract` with the file read in a child process under the options'
    resource limits; ``extractor`` may also convert all the way (a Vorlage comes back).

    Raises the VorlagenparserError the conversion raised, or ResourceLimitError-like errors
    (exit code ``resource_limit``) when the supervisor stopped the child.
    """
    task = Task(str(path), "", options or ExtractOptions(), extractor, digest=False)
    results: list[FileResult] = []
    # fork: the caller is single-threaded and has imported what the child needs; no server.
    executor = ProcessExecutor(1, max_tasks_per_child=1, fork=True)
    executor.run([task], results.append, meanwhile=_load_layout_stage)
    [result] = results
    if result.status is Status.done and result.reading is not None:
        from ..pipeline import lay_out

        started = time.perf_counter()
        try:
            return lay_out(result.reading).vorlage
        except Exception as exc:  # said as the child would have said it
            raise error_of(failed(task, started, exc)) from exc
    if result.status is Status.done and result.document is not None:
        from ..model import Vorlage

        return Vorlage.model_validate(result.document)
    raise error_of(result)


def read_for_extract(path: str, options: ExtractOptions) -> Reading | Extraction:
    """The child's part: read the file; lay out a long one here too (see :data:`SENT_WORDS`)."""
    from ..reading import read_document  # here, not in the caller before the fork

    reading = read_document(path, options)
    if sum(len(page.words) for page in reading.document.pages) <= SENT_WORDS:
        return reading
    from ..pipeline import lay_out

    return lay_out(reading)


def _load_layout_stage() -> None:
    # The output models too: the child needs none of them, so they are built here, not before
    # the fork.
    import_module("vorlagenparser.pipeline")


def error_of(result: FileResult) -> VorlagenparserError:
    """The error a failed result stands for, with its exit code, hint and traceback."""
    kind = _error_classes().get(result.error_type or "", VorlagenparserError)
    error = kind(result.message or "failed", result.path)
    error.exit_code = ExitCode(result.error_code or ExitCode.failure)
    error.detail = result.detail
    return error


def _error_classes() -> dict[str, type[VorlagenparserError]]:
    found: dict[str, type[VorlagenparserError]] = {}
    todo = [VorlagenparserError]
    while todo:
        cls = todo.pop()
        found[cls.__name__] = cls
        todo.extend(cls.__subclasses__())
    return found
