"""``OUTDIR/corrections.jsonl``: every correction a person made in the review tool, in order.

Append-only and fsynced per line, like the batch ledger: the log is what a new batch run
re-applies to a document it converts again, so a correction is never lost to a re-run. A line
torn by a crash is cut off before the next append.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from ..corrections import Edit
from ..errors import InputFileError, OutputError
from ._atomic import append_line, truncate_torn_tail

LOG_NAME = "corrections.jsonl"


def log_path(folder: Path) -> Path:
    return folder / LOG_NAME


def append(folder: Path, edit: Edit) -> None:
    path = log_path(folder)
    line = json.dumps(edit.to_json(), ensure_ascii=False).encode("utf-8")
    try:
        if path.exists():
            truncate_torn_tail(path)
        with path.open("ab") as handle:
            append_line(handle, line)
    except OSError as exc:
        raise OutputError(f"cannot append to the corrections log: {exc.strerror}", path) from exc


def read(folder: Path) -> dict[str, list[Edit]]:
    """The edits per document (input SHA-256), oldest first; empty when there is no log."""
    path = log_path(folder)
    edits: dict[str, list[Edit]] = defaultdict(list)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return edits
    except OSError as exc:
        raise InputFileError(f"cannot read the corrections log: {exc.strerror}", path) from exc
    # What follows the last newline is a line torn by a crash (or nothing): not a correction.
    for number, line in enumerate(data.split(b"\n")[:-1], start=1):
        if not line.strip():
            continue
        try:
            edit = Edit.from_json(json.loads(line))
        except (ValueError, KeyError, TypeError) as exc:
            raise InputFileError(f"line {number}: not a correction ({exc})", path) from exc
        edits[edit.sha256].append(edit)
    return edits
