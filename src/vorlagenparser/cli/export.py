"""`vorlagenparser export`: a batch's documents as OParl 1.1 Paper objects."""

from __future__ import annotations

from pathlib import Path

import click

from ..writers.oparl_common import DEFAULT_BASE_URL, DEFAULT_BODY_ID
from .console import err, escape


@click.command("export")
@click.argument("source")
@click.option("--format", "fmt", type=click.Choice(["oparl"]), default="oparl",
              show_default=True)
@click.option("-o", "--out", "dest", required=True, type=click.Path(path_type=Path),
              help="A folder (one Paper per file) or a .json file (one OParl list).")
@click.option("--base-url", default=DEFAULT_BASE_URL, show_default=True,
              help="Prefix of the generated OParl URLs (papers, files, organisations).")
@click.option("--body-id", default=None,
              help="Id of the council (OParl Body) in its URL [default: from --body-name, else "
                   f"{DEFAULT_BODY_ID}].")
@click.option("--body-name", default=None,
              help="Name of the council, e.g. 'Stadt Musterstadt'; also writes the Body object.")
@click.option("--attachments", "attachment_dirs", multiple=True,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder to look for Anlagen files by name (besides each input's folder).")
def command(source: str, fmt: str, dest: Path, base_url: str, body_id: str | None,
            body_name: str | None, attachment_dirs: tuple[Path, ...]) -> None:
    """Export SOURCE (a batch output folder, its SQLite database or a postgresql:// URL) as
    OParl 1.1 Papers, with their Meetings (sessions with agenda items and results) and Body."""
    from ..batch.outputs import load_records
    from ..writers import oparl

    body = oparl.Body(body_id or (oparl.slug(body_name) if body_name else DEFAULT_BODY_ID),
                      body_name)
    writer = oparl.OParlWriter(dest, base_url, body, attachment_dirs)
    count = oparl.export(load_records(source), writer)
    err.print(f"{count} {fmt} paper{'s' if count != 1 else ''} → {escape(str(dest))}")
