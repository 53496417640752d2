"""`vorlagenparser verify OUTDIR|BAGDIR`: check every checksum of an output folder or a bag."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import ExitCode
from .console import err, escape, out


@click.command("verify")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.pass_context
def command(ctx: click.Context, folder: Path) -> None:
    """Check FOLDER (a batch output folder or a BagIt bag) against its checksums.

    An output folder is checked against its run records (run-*.json), a bag against its
    manifests. Prints one line per changed, missing or added file and exits 1 if there is any.
    """
    from ..archive.fixity import is_bag, verify

    problems = verify(folder)
    what = "bag" if is_bag(folder) else "output folder"
    for problem in problems:
        out.print(escape(str(problem)))
    if problems:
        err.print(f"{escape(str(folder))}: {len(problems)} file(s) changed, missing or added")
        ctx.exit(ExitCode.failure)
    err.print(f"{escape(str(folder))}: {what} intact")
