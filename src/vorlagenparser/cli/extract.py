"""`vorlagenparser extract FILE`: one document to JSON."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .console import note_line, warn_line
from .limit_options import limit_options, pop_limits


@click.command("extract")
@click.argument("file", type=click.Path(path_type=Path, readable=False))  # we say why, not click
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the JSON here (atomically) instead of to stdout.")
@click.option("--ocr", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Run OCR on pages without a usable text layer, on every page, or never.")
@click.option("--languages", default="deu", show_default=True,
              help="Tesseract languages, e.g. deu or deu+frk for Fraktur.")
@click.option("--dpi", type=int, default=300, show_default=True, help="Rendering resolution for OCR.")
@click.option("--profile", default=None, help="Profile name or TOML file (default: chosen automatically).")
@click.option("--profiles", "profiles_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of user profiles; each file gets the one whose match keywords fit "
                   "[default: $XDG_CONFIG_HOME/vorlagenparser/profiles when it exists].")
@click.option("--compact", is_flag=True, help="One-line JSON instead of pretty-printed.")
@click.option("--archive", "archive_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Also write DIR/<name>.json, .pdf (PDF/A-2b), .alto.xml and a run record.")
@limit_options
def command(file: Path, output: Path | None, compact: bool, profiles_dir: Path | None,
            archive_dir: Path | None, **params: Any) -> None:
    """Extract one document (PDF, TIFF, PNG, JPEG) into JSON.

    The file is read (loaded, rendered, recognised) in a child process under the resource
    limits, so a hostile file ends in one line and exit code 11 instead of exhausting the
    machine; the command lays out what the child read.
    """
    from ..batch.isolated import extract_isolated
    from ..options import ExtractOptions
    from ..profiles import user_profiles_dir
    from ..writers._atomic import write_bytes

    profiles = user_profiles_dir(profiles_dir, params.get("profile"))
    options = ExtractOptions.model_validate(pop_limits(params) | params | {"profiles": profiles})
    if archive_dir is not None:
        from ..archive import extract_to_archive

        vorlage = extract_to_archive(file, archive_dir, options)
        note_line(f"wrote {archive_dir}/{file.stem}.json, .pdf, .alto.xml")
    else:
        vorlage = extract_isolated(file, options)
    text = vorlage.model_dump_json(indent=None if compact else 2)
    if output is None:
        sys.stdout.write(text + "\n")
    else:
        write_bytes(output, (text + "\n").encode("utf-8"))
        note_line(f"wrote {output}")
    for warning in vorlage.warnings[:20]:
        warn_line(f"{file}: {warning}")
