"""The one place that knows rich: consoles, progress and tables for the CLI."""

from __future__ import annotations

from rich.console import Console

# Results go to stdout; messages, progress and summaries to stderr so stdout stays pipeable.
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


def error_line(text: str) -> None:
    err.print(f"[bold red]vorlagenparser:[/] {text}", markup=True, highlight=False)


def warn_line(text: str) -> None:
    err.print(f"[yellow]warning:[/] {text}", markup=True, highlight=False)
