"""The one place that knows rich: consoles, progress and tables for the CLI."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from ..filenames import printable

# Results go to stdout; messages, progress and summaries to stderr so stdout stays pipeable.
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


def error_line(text: str) -> None:
    """``text`` is plain (not markup): one line, file names with odd bytes escaped."""
    err.print(f"[bold red]vorlagenparser:[/] {escape(printable(text))}", markup=True,
              highlight=False)


def warn_line(text: str) -> None:
    err.print(f"[yellow]warning:[/] {escape(printable(text))}", markup=True, highlight=False)
