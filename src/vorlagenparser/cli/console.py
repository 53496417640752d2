"""The one place that knows rich: consoles, progress and tables for the CLI.

rich is loaded when the first styled line is printed, not when the CLI starts: ``--help``
and an ``extract`` without warnings never pay for it (plain lines go out as they are).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from ..filenames import printable

if TYPE_CHECKING:
    from rich.console import Console


class LazyConsole:
    """A rich Console made when it first prints."""

    def __init__(self, **settings: Any) -> None:
        self._settings = settings
        self._console: Console | None = None

    def real(self) -> Console:
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._settings)
        return self._console

    def print(self, *objects: Any, **settings: Any) -> None:
        self.real().print(*objects, **settings)


# Results go to stdout; messages, progress and summaries to stderr so stdout stays pipeable.
err = LazyConsole(stderr=True, highlight=False, soft_wrap=True)
out = LazyConsole(highlight=False, soft_wrap=True)


def escape(text: str) -> str:
    """rich's markup escape, loaded when first needed."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def note_line(text: str) -> None:
    """A plain message on stderr ("wrote out.json"): no style, so no rich (some 25 ms to
    load); file names with odd bytes escaped. The stream is looked up at each call, as rich does."""
    sys.stderr.write(printable(text) + "\n")
    sys.stderr.flush()


def error_line(text: str) -> None:
    """``text`` is plain (not markup): one line, file names with odd bytes escaped."""
    err.print(f"[bold red]vorlagenparser:[/] {escape(printable(text))}", markup=True,
              highlight=False)


def warn_line(text: str) -> None:
    err.print(f"[yellow]warning:[/] {escape(printable(text))}", markup=True, highlight=False)
