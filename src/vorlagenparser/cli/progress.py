"""Batch progress and summary for the terminal: a rich bar on a TTY, plain lines otherwise."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.progress import Progress as RichBar
from rich.table import Table

from ..batch import BatchReport, FileResult, Progress, Status
from ..filenames import printable
from .console import err


def failure_line(result: FileResult) -> str:
    """The one line a bad file gets: ``<path>: <message>``."""
    line = printable(f"{result.path}: {result.message or 'failed'}")
    return f"[red]{escape(line)}[/]"


class PlainProgress:
    """One log line per file on stderr, for logs and pipes (no cursor movement)."""

    def started(self, total: int) -> None:
        err.print(f"converting {total} file{'s' if total != 1 else ''}")

    def settled(self, result: FileResult, report: BatchReport) -> None:
        if result.status is Status.failed:
            err.print(failure_line(result))
            return
        done = result.status is Status.done
        detail = f" ({result.pages} p., {result.seconds:.1f} s)" if done else ""
        counter = escape(f"[{report.settled}/{report.total}]")
        err.print(f"{counter} {result.status}: {escape(printable(result.path))}{detail}")


class BarProgress:
    """A live bar: files, pages, pages/s, ETA and failures so far; failures also scroll above."""

    def __init__(self, bar: RichBar) -> None:
        self.bar = bar
        self.task: TaskID | None = None

    def started(self, total: int) -> None:
        self.task = self.bar.add_task("converting", total=total, pages=0, rate=0.0, failed=0)

    def settled(self, result: FileResult, report: BatchReport) -> None:
        if result.status is Status.failed:
            self.bar.console.print(failure_line(result))
        if self.task is not None:
            self.bar.update(self.task, completed=report.settled, pages=report.pages,
                            rate=report.pages_per_second, failed=report.failed)


@contextlib.contextmanager
def batch_progress() -> Iterator[Progress]:
    """The bar when stdout is a terminal, plain lines when it is not."""
    if not sys.stdout.isatty():
        yield PlainProgress()
        return
    bar = RichBar(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                  MofNCompleteColumn(), TextColumn("{task.fields[pages]} pages"),
                  TextColumn("{task.fields[rate]:.1f} pages/s"), TimeElapsedColumn(),
                  TextColumn("ETA"), TimeRemainingColumn(),
                  TextColumn("[red]{task.fields[failed]} failed"), console=err.real())
    with bar:
        yield BarProgress(bar)


def summary_table(report: BatchReport) -> Table:
    table = Table(title="batch summary", title_justify="left")
    for column in ("done", "skipped", "failed", "pages", "time", "pages/s"):
        table.add_column(column, justify="right")
    failed = f"[red]{report.failed}[/]" if report.failed else "0"
    table.add_row(str(report.done), str(report.skipped), failed, str(report.pages),
                  f"{report.elapsed:.1f} s", f"{report.pages_per_second:.2f}")
    return table


def render_summary(report: BatchReport, out_dir: Path) -> None:
    err.print(summary_table(report))
    err.print(f"output: {escape(str(out_dir))}")
    if report.run_record:
        err.print(f"run record: {escape(report.run_record)}")
    if report.failed and report.failures_file:
        err.print(f"failures: {escape(report.failures_file)}")
