"""`vorlagenparser inspect`: draw what the layout stage decided on one page."""

from __future__ import annotations

from pathlib import Path

import click

from .console import err


@click.command("inspect")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--page", "page_no", type=click.IntRange(min=1), default=1, show_default=True,
              help="The page to draw (1-based).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Write the picture here (PNG).")
@click.option("--dpi", type=click.IntRange(50, 300), default=110, show_default=True,
              help="Resolution for digital pages (scans are drawn at their OCR resolution).")
@click.option("--ocr", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True)
@click.option("--languages", default="deu", show_default=True, help="Tesseract languages, e.g. deu+frk.")
@click.option("--profile", default=None, help="Profile name or TOML file.")
def command(file: Path, page_no: int, output: Path, dpi: int, ocr: str, languages: str,
            profile: str | None) -> None:
    """Draw one page with the layout's decisions: cells, labels and values, boxes and the
    labels they were tied to, counts, tables and result entries."""
    import io

    from ..inspect import inspect_page
    from ..options import ExtractOptions
    from ..writers._atomic import write_bytes

    options = ExtractOptions.model_validate({"ocr": ocr, "languages": languages, "profile": profile})
    picture = inspect_page(file, page_no, options, dpi=dpi)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    write_bytes(output, buffer.getvalue())
    err.print(f"wrote {output}", highlight=False)
