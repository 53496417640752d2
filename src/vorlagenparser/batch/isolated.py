"""One document in a supervised child process: the ``extract`` command's way of converting.

The child is watched exactly like a batch worker: its memory (``max_memory_mb``), the time of
each step (``page_timeout_s``) and its death. A hostile file costs the child, never the caller,
and every outcome comes back as the error the conversion would have raised in-process.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ExitCode, VorlagenparserError
from ..model import Vorlage
from ..options import ExtractOptions
from .executors import ProcessExecutor
from .report import FileResult, Status
from .worker import DEFAULT_EXTRACTOR, Task

__all__ = ["error_of", "extract_isolated"]


def extract_isolated(path: str | Path, options: ExtractOptions | None = None, *,
                     extractor: str = DEFAULT_EXTRACTOR) -> Vorlage:
    """:func:`vorlagenparser.extract` in a child process under the options' resource limits.

    Raises the VorlagenparserError the conversion raised, or ResourceLimitError-like errors
    (exit code ``resource_limit``) when the supervisor stopped the child.
    """
    results: list[FileResult] = []
    # fork: the caller is single-threaded and has imported what the child needs; no server.
    executor = ProcessExecutor(1, max_tasks_per_child=1, fork=True)
    executor.run([Task(str(path), "", options or ExtractOptions(), extractor, digest=False)],
                 results.append)
    [result] = results
    if result.status is Status.done and result.document is not None:
        return Vorlage.model_validate(result.document)
    raise error_of(result)


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
