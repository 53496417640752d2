"""The time budget per page: each step of a conversion must finish within ``page_timeout_s``.

A conversion is a row of steps: opening the file, then each page (loading, rendering, OCR,
checkboxes), then the layout. :func:`step` marks where the next one begins. Two guards use it:

* in-process, :func:`step` raises :class:`ResourceLimitError` when the step that just ended
  took longer than the budget (works everywhere, also in the library and on Dask);
* a supervising process (the extract command, batch workers) is told of every step through the
  listener a worker installs, and stops a worker stuck inside one step, e.g. in a C library
  call that never returns, which no in-process check can interrupt.

Outside :func:`timed` (no conversion running), :func:`step` only informs the listener.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from .errors import ResourceLimitError

__all__ = ["LAYOUT", "OPENING", "StepClock", "set_listener", "step", "timed", "too_large", "too_many_pages",
           "too_slow"]

OPENING = "opening the file"
LAYOUT = "the layout"
# Defaults of the resource limits (ExtractOptions, and the CLI's options show them without
# loading the options model): far above a real Vorlage (a scanned A4 page at 600 dpi is 35
# million pixels and needs about 400 MB), far below what a hostile file would take.
DEFAULT_MAX_MEMORY_MB = 768
DEFAULT_MAX_MEGAPIXELS = 60.0
DEFAULT_MAX_PAGES = 2000
DEFAULT_PAGE_TIMEOUT_S = 300.0
Listener = Callable[[str], None]

_listener: Listener | None = None


def too_slow(label: str, budget_s: float) -> str:
    """The one wording for a step over its budget (in-process and from a supervisor)."""
    return f"{label} took longer than {budget_s:g} s, the time limit per page (--page-timeout)"


def too_many_pages(what: str, count: int, limit: int) -> str:
    return f"{what} has {count} pages, above the limit of {limit} (--max-pages)"


def too_large(what: str, pixels: int, limit: int) -> str:
    """``what`` names the thing, e.g. "page 3 (200 × 200 in at 50 dpi)"."""
    return (f"{what} has {pixels / 1e6:.0f} million pixels, above the limit of "
            f"{limit / 1e6:g} million (--max-megapixels)")


@dataclass(slots=True)
class StepClock:
    path: str
    budget_s: float
    label: str = OPENING
    started: float = field(default_factory=time.monotonic)

    def step(self, label: str) -> None:
        self.check()
        self.label, self.started = label, time.monotonic()

    def check(self) -> None:
        if time.monotonic() - self.started > self.budget_s:
            raise ResourceLimitError(too_slow(self.label, self.budget_s), self.path)


_clock: ContextVar[StepClock | None] = ContextVar("vorlagenparser_step_clock", default=None)


@contextmanager
def timed(path: str, budget_s: float, first: str = OPENING) -> Iterator[StepClock]:
    """Time the steps of converting ``path``; the first step is opening it, or ``first`` where
    the conversion goes on from another process's steps (the layout of a file read there)."""
    clock = StepClock(path, budget_s, first)
    token = _clock.set(clock)
    _notify(first)
    try:
        yield clock
        clock.check()
    finally:
        _clock.reset(token)


def step(label: str) -> None:
    """The current step is done and ``label`` begins (raises if the last one ran too long)."""
    clock = _clock.get()
    if clock is not None:
        clock.step(label)
    _notify(label)


def set_listener(listener: Listener | None) -> None:
    """Called with each step's label as it begins (a worker reports them to its supervisor)."""
    global _listener
    _listener = listener


def _notify(label: str) -> None:
    if _listener is not None:
        _listener(label)
