"""The command line: a thin shell over the library. The one exception→exit-code handler lives here."""

from __future__ import annotations

import atexit
import gc
import importlib
import os
import sys
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

import click

from .. import __version__
from ..collector import set_for_documents
from ..errors import ExitCode, VorlagenparserError
from ..heap import keep_large_blocks
from .console import err, error_line

if TYPE_CHECKING:
    from pydantic import ValidationError

# One module per command, named like it; each exposes a click command named `command`.
COMMAND_MODULES = ("extract", "batch", "inspect", "validate", "schema", "eval", "export", "search", "verify",
                   "bag", "review")


class _LazyGroup(click.Group):
    """Loads a command's module only when that command is asked for (click's pattern for lazy
    subcommands): ``extract`` need not load what ``export`` or ``review`` bring along."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMAND_MODULES:
            return None
        command: click.Command = importlib.import_module(f"{__name__}.{cmd_name}").command
        return command


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="vorlagenparser")
@click.option("-v", "--verbose", is_flag=True, help="Show tracebacks for unexpected errors.")
@click.pass_context
def cli(ctx: click.Context, verbose: bool) -> None:
    """Turn German council documents (Beschlussvorlagen, Drucksachen, Anträge) into JSON."""
    ctx.ensure_object(dict)
    ctx.obj["verbose"] = verbose


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return the exit code; every error becomes one line on stderr."""
    args = list(sys.argv[1:] if argv is None else argv)
    verbose = "-v" in args or "--verbose" in args
    try:
        result = cli.main(args=args, prog_name="vorlagenparser", standalone_mode=False)
    except click.exceptions.Abort:
        error_line("interrupted")
        return ExitCode.interrupted
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except KeyboardInterrupt:
        error_line("interrupted")
        return ExitCode.interrupted
    except VorlagenparserError as exc:
        hint = f" ({exc.hint})" if exc.hint else ""
        error_line(f"{exc}{hint}")
        if verbose and exc.detail:
            err.print(exc.detail, markup=False, highlight=False)
        return exc.exit_code
    except Exception as exc:
        invalid = _validation_error(exc)
        if invalid is not None:
            error_line(f"invalid options: {invalid.errors()[0].get('msg', exc)}")
            return ExitCode.usage
        if verbose:
            raise
        error_line(f"unexpected {type(exc).__name__}: {exc} (re-run with -v for a traceback)")
        return ExitCode.failure
    return int(result) if isinstance(result, int) else ExitCode.ok


def run() -> int:
    """The ``vorlagenparser`` console script: :func:`main`, then a quick way out: the process
    ends without Python's teardown (:func:`end_process`). Where Python must end it itself, the
    objects the models and the pipeline made are frozen out of the collector first: once a
    command is done nothing needs collecting, and the teardown's collection over them took
    ~15 ms of a one-page ``extract``. Before,
    the collector and the allocator are set for converting documents (:mod:`..collector`,
    :mod:`..heap`), and pydantic's third-party plugins are not looked for: none has business
    in our models, and finding them reads every installed package's metadata (about 4 ms of
    each start). Who wants them sets ``PYDANTIC_DISABLE_PLUGINS`` to something else."""
    set_for_documents()
    keep_large_blocks()
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    code = main()
    gc.freeze()
    end_process(code)  # returns only where Python must end the process itself
    return code


def end_process(code: int) -> None:
    """End the process now with ``code``, as Python would after its exit handlers, but without
    its teardown: the teardown frees, object by object, what the system takes back at once
    (about 11 ms of a one-page ``extract``, 4 % of it). The exit handlers run (the logging
    handlers flush, multiprocessing stops its helpers, temporary folders go) and stdout and
    stderr are flushed first; every command has closed its own files and databases by then.

    Returns, leaving the end to Python, while another thread runs (Python joins it first) and
    when the standard streams cannot be written (a closed pipe: Python reports it as always).
    """
    if threading.active_count() > 1 or not _flushed():
        return
    atexit._run_exitfuncs()  # what Python's own end calls; it empties the list as it goes
    if _flushed():  # what the handlers wrote
        os._exit(code)


def _flushed() -> bool:
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):  # a closed pipe or stream
        return False
    return True


def _validation_error(exc: Exception) -> ValidationError | None:
    """``exc`` if it is pydantic's ValidationError: caught by type, without loading pydantic
    for commands that never use it (any that raised one has loaded it)."""
    pydantic_core = sys.modules.get("pydantic_core")
    if pydantic_core is not None and isinstance(exc, pydantic_core.ValidationError):
        return cast("ValidationError", exc)
    return None
