"""Convert many documents in worker processes (or on Dask); the parent alone writes outputs.

The names below load their modules on first use: the ``extract`` command needs only the
executor and starts its child process without the batch's writers, ledger and archive code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_attributes

if TYPE_CHECKING:
    from .executors import DaskExecutor, Executor, ProcessExecutor, SerialExecutor
    from .report import BatchReport, FileResult, Progress, Status
    from .run import FAILURES_NAME, run_batch
    from .worker import DEFAULT_EXTRACTOR

_HOMES = {"DEFAULT_EXTRACTOR": "worker", "FAILURES_NAME": "run", "BatchReport": "report",
          "DaskExecutor": "executors", "Executor": "executors", "FileResult": "report",
          "ProcessExecutor": "executors", "Progress": "report", "SerialExecutor": "executors",
          "Status": "report", "run_batch": "run"}

__all__ = ["DEFAULT_EXTRACTOR", "FAILURES_NAME", "BatchReport", "DaskExecutor", "Executor",
           "FileResult", "ProcessExecutor", "Progress", "SerialExecutor", "Status", "run_batch"]


__getattr__ = lazy_attributes(__name__, _HOMES, globals())
