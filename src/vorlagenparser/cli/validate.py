"""`vorlagenparser validate`: check output JSON files against the contract."""

from __future__ import annotations

from pathlib import Path

import click
from rich.markup import escape

from ..errors import ExitCode
from ..jsonvalidate import Problem, validate_json_file
from .console import err, out


@click.command("validate")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_context
def command(ctx: click.Context, files: tuple[Path, ...]) -> None:
    """Check JSON output FILES against the schema; exit 1 when any is invalid."""
    invalid = 0
    for path in files:
        problems = validate_json_file(path)
        _show(path, problems)
        invalid += bool(problems)
    if invalid:
        err.print(f"{invalid} of {len(files)} file(s) invalid")
        ctx.exit(ExitCode.failure)


def _show(path: Path, problems: list[Problem]) -> None:
    name = escape(str(path))
    if not problems:
        out.print(f"{name}: [green]ok[/]")
        return
    out.print(f"{name}: [red]{len(problems)} problem(s)[/]")
    for problem in problems:
        out.print(f"  {escape(str(problem))}")
