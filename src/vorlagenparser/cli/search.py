"""`vorlagenparser search`: full-text search in a batch's SQLite or PostgreSQL database."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .batch import DEFAULT_DB_NAME
from .console import out

if TYPE_CHECKING:
    from rich.console import Console

    from ..search import SearchHit

_INDENT = 4


@click.command("search")
@click.argument("query")
@click.option("--db", "db", help=f"SQLite file or postgresql:// URL [default: OUT/{DEFAULT_DB_NAME}].")
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path(), show_default=True, help="The batch output folder.")
@click.option("-n", "--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit on stdout.")
def command(query: str, db: str | None, out_dir: Path, limit: int, as_json: bool) -> None:
    """Find documents whose Betreff, Beschlussvorschlag or Begründung match QUERY.

    \b
    Words match their inflected forms (Bebauungsplan: Bebauungsplanes, Bebauungspläne),
    ae/ä, oe/ö, ue/ü, ss/ß and case alike, and inside compounds (Verfahren:
    Bebauungsplanverfahren). All words must occur unless joined by OR;
    "quoted words" are a phrase; -word or NOT word excludes; Bebauung* is a prefix;
    parentheses group: (Kita OR Schule) Sanierung.
    """
    from ..writers import search_database

    hits = search_database(db or out_dir / DEFAULT_DB_NAME, query, limit)
    if as_json:
        for hit in hits:
            out.print(json.dumps(asdict(hit), ensure_ascii=False), markup=False)
        return
    render_hits(out.real(), hits)


def render_hits(console: Console, hits: Sequence[SearchHit]) -> None:
    """Each hit as a block that reads at any width: a line with rank, number, date and file;
    the Betreff cut to one line; the snippet wrapped below it, matches in bold."""
    from rich.padding import Padding
    from rich.text import Text

    width = console.width - _INDENT
    for rank, hit in enumerate(hits, start=1):
        head = Text(f"{rank:>2}. ", style="bold")
        head.append("  ".join(v for v in (hit.vorlagennummer, _date(hit.datum), hit.output_name)
                              if v), style="cyan")
        head.truncate(console.width, overflow="ellipsis")
        title = Text(hit.betreff or "(ohne Betreff)", style="bold")
        title.truncate(width, overflow="ellipsis")
        snippet = Text(hit.snippet)
        for start, end in hit.highlights:
            snippet.stylize("bold yellow", start, end)
        console.print(head, no_wrap=True, soft_wrap=False)
        console.print(Padding(title, (0, 0, 0, _INDENT)), no_wrap=True, soft_wrap=False)
        if hit.snippet:
            console.print(Padding(snippet, (0, 0, 0, _INDENT)), soft_wrap=False)
    console.print(f"{len(hits)} hit{'s' if len(hits) != 1 else ''}")


def _date(iso: str | None) -> str | None:
    # German order for people; the JSON output keeps ISO.
    if not iso or len(iso) != 10:
        return iso
    year, month, day = iso.split("-")
    return f"{day}.{month}.{year}"
