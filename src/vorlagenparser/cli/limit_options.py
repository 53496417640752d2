"""The resource-limit options shared by `extract` and `batch` (defaults from `limits`, which
ExtractOptions uses too)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from .. import limits

F = TypeVar("F", bound=Callable[..., Any])

LIMIT_PARAMS = ("max_memory_mb", "max_megapixels", "max_pages", "page_timeout_s")


def limit_options(function: F) -> F:
    """Add --max-memory, --max-megapixels, --max-pages and --page-timeout to a command."""
    options = (
        click.option("--max-memory", "max_memory_mb", type=click.IntRange(min=0),
                     default=limits.DEFAULT_MAX_MEMORY_MB, show_default=True,
                     help="MB of memory one document may use before it is stopped; 0: no limit."),
        click.option("--max-megapixels", type=click.FloatRange(min=0, min_open=True),
                     default=limits.DEFAULT_MAX_MEGAPIXELS, show_default=True,
                     help="Millions of pixels one page (or one image in it) may have."),
        click.option("--max-pages", type=click.IntRange(min=1), default=limits.DEFAULT_MAX_PAGES,
                     show_default=True, help="Pages one document may have."),
        click.option("--page-timeout", "page_timeout_s", type=click.FloatRange(min=0, min_open=True),
                     default=limits.DEFAULT_PAGE_TIMEOUT_S, show_default=True,
                     help="Seconds one page may take (also opening the file and the layout)."),
    )
    for option in reversed(options):
        function = option(function)
    return function


def pop_limits(params: dict[str, Any]) -> dict[str, Any]:
    """Take the limit values out of a command's keyword arguments (for ExtractOptions)."""
    return {name: params.pop(name) for name in LIMIT_PARAMS}
