"""Read a batch's results back (for exports): from its JSON folder or its SQLite database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import InputFileError
from ..model import Vorlage
from ..writers import Record, SourceFile, is_postgres_url, read_database
from ..writers import json as json_writer
from .ledger import read_entries

SQLITE_MAGIC = b"SQLite format 3\x00"


def load_records(source: str | Path) -> Iterator[Record]:
    """Documents with their source-file facts from a batch folder, a SQLite database or a
    ``postgresql://`` URL.

    A folder's JSON files do not hold the input's size and SHA-512; the batch ledger in the
    same folder does, and is used when present.
    """
    if is_postgres_url(str(source)):
        return read_database(str(source))
    source = Path(source)
    if source.is_dir():
        entries = read_entries(source)

        def source_for(vorlage: Vorlage) -> SourceFile:
            entry = entries.get(vorlage.source.sha256)
            if entry is None:
                return SourceFile(path=vorlage.source.filename, sha256=vorlage.source.sha256)
            return SourceFile(path=entry.input, sha256=entry.sha256, sha512=entry.sha512,
                              size=entry.size, mime_type=entry.mime_type)

        return json_writer.read_folder(source, source_for)
    if source.is_file() and _is_sqlite(source):
        return read_database(source)
    if not source.exists():
        raise InputFileError("no such file or folder", source)
    raise InputFileError("neither a batch output folder nor a SQLite database", source)


def _is_sqlite(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
