"""`vorlagenparser export`: a batch's documents as OParl 1.1 Paper objects."""

from __future__ import annotations

from pathlib import Path

import click
from rich.markup import escape

from ..batch.outputs import load_records
from ..writers import oparl
from .console import err


@click.command("export")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["oparl"]), default="oparl",
              show_default=True)
@click.option("-o", "--out", "dest", required=True, type=click.Path(path_type=Path),
              help="A folder (one Paper per file) or a .json file (one OParl list).")
@click.option("--base-url", default=oparl.DEFAULT_BASE_URL, show_default=True,
              help="Prefix of the generated OParl URLs (papers, files, organisations).")
def command(source: Path, fmt: str, dest: Path, base_url: str) -> None:
    """Export SOURCE (a batch output folder or its SQLite database) as OParl 1.1 Papers."""
    count = oparl.export(load_records(source), oparl.OParlWriter(dest, base_url))
    err.print(f"{count} {fmt} paper{'s' if count != 1 else ''} → {escape(str(dest))}")
