"""One line per document in a single JSON Lines file, safe to resume.

The file is append-only and fsynced per line. On open, a line torn by a crash is cut off and
the documents already present are remembered, so a resumed batch never writes a line twice.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO

from ..errors import OutputError
from . import Record, Writer
from ._atomic import append_line, truncate_torn_tail

# A line is "the same document" when input bytes, extractor and profile are the same.
LineKey = tuple[str, str | None, str | None]


class JsonlWriter(Writer):
    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[bytes] | None = None
        self._seen: set[LineKey] = set()

    @property
    def sink_id(self) -> str:
        return f"jsonl:{self.path.resolve()}"

    def open(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self.path.exists():
                truncate_torn_tail(self.path)
                self._seen = _keys_in(self.path)
            self._handle = self.path.open("ab")
        except OSError as exc:
            raise OutputError(f"cannot open for appending: {exc.strerror}", self.path) from exc

    def write(self, record: Record) -> None:
        if self._handle is None:
            raise RuntimeError("JsonlWriter.write() before open()")
        source = record.vorlage.source
        key = (source.sha256, source.extractor_version, source.profile)
        if key in self._seen:
            return
        try:
            append_line(self._handle, record.vorlage.model_dump_json().encode("utf-8"))
        except OSError as exc:
            raise OutputError(f"cannot append: {exc.strerror}", self.path) from exc
        self._seen.add(key)

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None


def _keys_in(path: Path) -> set[LineKey]:
    keys: set[LineKey] = set()
    with path.open("rb") as handle:
        for line in handle:
            if not line.strip():
                continue
            source = json.loads(line).get("source", {})
            keys.add((source.get("sha256"), source.get("extractor_version"), source.get("profile")))
    return keys
