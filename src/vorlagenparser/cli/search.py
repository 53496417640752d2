"""`vorlagenparser search`: full-text search in a batch's SQLite database."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click
from rich.markup import escape
from rich.table import Table

from ..writers import sqlite
from .batch import DEFAULT_DB_NAME
from .console import out


@click.command("search")
@click.argument("query")
@click.option("--db", "db", type=click.Path(dir_okay=False, path_type=Path),
              help=f"The SQLite database [default: OUT/{DEFAULT_DB_NAME}].")
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path(), show_default=True, help="The batch output folder.")
@click.option("-n", "--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit on stdout.")
def command(query: str, db: Path | None, out_dir: Path, limit: int, as_json: bool) -> None:
    """Find documents whose Betreff, Beschlussvorschlag or Begründung match QUERY.

    All words must occur; end a word with * to match its beginning (Bebauungsplan*).
    """
    if not query.strip(" *"):
        raise click.UsageError("QUERY has no words")
    hits = sqlite.search(db or out_dir / DEFAULT_DB_NAME, query, limit)
    if as_json:
        for hit in hits:
            out.print(json.dumps(asdict(hit), ensure_ascii=False), markup=False)
        return
    table = Table("Nr.", "Datum", "Betreff", "Treffer", "Datei")
    for hit in hits:
        table.add_row(*(escape(value or "") for value in (
            hit.vorlagennummer, hit.datum, hit.betreff, hit.snippet, hit.output_name)))
    out.print(table)
    out.print(f"{len(hits)} hit{'s' if len(hits) != 1 else ''}")
