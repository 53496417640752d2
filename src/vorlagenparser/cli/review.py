"""`vorlagenparser review`: check and correct a batch's results in the browser."""

from __future__ import annotations

from pathlib import Path

import click

from .console import err, escape


@click.command("review")
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on; anything but loopback lets others change documents.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port to listen on (0: any free port).")
@click.option("--db", help="SQLite file or postgresql:// URL to update as well [default: the "
                           "SQLite database the batch wrote].")
def command(out_dir: Path, host: str, port: int, db: str | None) -> None:
    """Open the documents in OUT_DIR (a batch output folder) in a local web app: flagged
    values first, each beside its page; correct a value, tick a box or accept a value.

    Every change is saved at once: the document JSON, the database row and search index,
    and a line in OUT_DIR/corrections.jsonl, which a later batch re-applies.
    """
    from ..review import is_loopback, make_server  # Flask loads only for this command

    server = make_server(out_dir, host, port, db)
    if not is_loopback(host):
        err.print(f"[bold yellow]warning:[/] listening on {escape(host)}: anyone who can reach "
                  "this port can read and change the documents")
    url_host = f"[{host}]" if ":" in host else host
    err.print(f"review: http://{escape(url_host)}:{server.server_port}/ (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        err.print("review: stopped")  # Ctrl+C is how a server is meant to end: exit 0
    finally:
        server.server_close()
