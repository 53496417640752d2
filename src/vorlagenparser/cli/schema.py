"""`vorlagenparser schema`: print the output JSON Schema, or check/rewrite the committed files."""

from __future__ import annotations

import click

from ..errors import ExitCode
from .console import err, error_line, escape, out

# Enough lines to see what drifted without burying the hint to run --write.
_MAX_DIFF_LINES = 20


@click.command("schema")
@click.option("--check", is_flag=True,
              help="Compare the committed schemas/*.schema.json with the models; exit 1 on drift.")
@click.option("--write", is_flag=True,
              help="Regenerate schemas/*.schema.json in the source checkout.")
@click.pass_context
def command(ctx: click.Context, check: bool, write: bool) -> None:
    """Print the JSON Schema of the output (default), or check or rewrite the committed files."""
    from ..schema import generate_schema, schema_text, write_schemas

    if check and write:
        raise click.UsageError("--check and --write exclude each other")
    if write:
        for path in write_schemas():
            err.print(f"wrote {escape(str(path))}")
    elif check:
        _check(ctx)
    else:
        click.echo(schema_text(generate_schema()), nl=False)


def _check(ctx: click.Context) -> None:
    from ..schema import check_schemas

    drift = check_schemas()
    if not drift:
        out.print("schemas are up to date")
        return
    for path, differences in drift.items():
        error_line(f"{path}: {len(differences)} difference(s) from the models")
        for line in differences[:_MAX_DIFF_LINES]:
            err.print(f"  {escape(line)}")
        if len(differences) > _MAX_DIFF_LINES:
            err.print(f"  … and {len(differences) - _MAX_DIFF_LINES} more")
    err.print("run `vorlagenparser schema --write` and commit the result")
    ctx.exit(ExitCode.failure)
