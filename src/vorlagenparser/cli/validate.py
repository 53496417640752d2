"""`vorlagenparser validate`: check output JSON files against the contract."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import ExitCode
from .console import err, escape, out

if TYPE_CHECKING:
    from ..jsonvalidate import FileCheck


@click.command("validate")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_context
def command(ctx: click.Context, files: tuple[Path, ...]) -> None:
    """Check output FILES against the schema; exit 1 when any is invalid.

    A FILE is one JSON document or JSON Lines (`batch --jsonl`), one document per line; a
    problem in JSON Lines names its line. Every contract key must be present (null allowed).
    """
    from ..jsonvalidate import check_file

    invalid = 0
    for path in files:
        result = check_file(path)
        _show(path, result)
        invalid += bool(result.problems)
    if invalid:
        err.print(f"{invalid} of {len(files)} file(s) invalid")
        ctx.exit(ExitCode.failure)


def _show(path: Path, result: FileCheck) -> None:
    name = escape(str(path))
    count = f" ({result.documents} document{'s' if result.documents != 1 else ''})" \
        if result.lines else ""
    if not result.problems:
        out.print(f"{name}: [green]ok[/]{count}")
        return
    out.print(f"{name}: [red]{len(result.problems)} problem(s)[/]{count}")
    for problem in result.problems:
        out.print(f"  {escape(str(problem))}")
