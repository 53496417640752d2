"""Output sinks for converted documents: one protocol, a registry by name, lazy backends.

Writers see finished :class:`~vorlagenparser.model.Vorlage` objects plus the facts about the
source file that the model does not hold (sha512, size, MIME type). They run in one process
only (the batch parent), so none of them needs locking.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol

from ..filenames import output_stem

if TYPE_CHECKING:
    from ..model import Vorlage
    from ..search import SearchHit


@dataclass(frozen=True, slots=True)
class SourceFile:
    """What we know about the input file itself (OParl's File wants size and sha512)."""

    path: str
    sha256: str
    sha512: str | None = None
    size: int | None = None
    mime_type: str | None = None

    @property
    def filename(self) -> str:
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class Record:
    """One converted document on its way to the sinks; ``name`` is the output stem.

    Every writer names its output after ``name``, which is made safe and short here by the one
    rule they share (:func:`~vorlagenparser.filenames.output_stem`).
    """

    name: str
    vorlage: Vorlage
    source: SourceFile
    # When the document was converted (ISO 8601 with offset), where the store remembers it.
    converted: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", output_stem(self.name))


class Writer(Protocol):
    """A sink. ``write`` must be idempotent per ``source.sha256`` and durable when it returns,
    because the batch ledger marks a file done right after all writers accepted it."""

    @property
    def sink_id(self) -> str:
        """Stable identity of the destination (never a password): part of the resume state."""
        ...

    def open(self) -> None: ...

    def write(self, record: Record) -> None: ...

    def close(self) -> None: ...

    def __enter__(self) -> Writer:
        self.open()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


# name -> "module:class", imported on use so that optional drivers stay optional.
REGISTRY: dict[str, str] = {
    "json": "json:JsonDirWriter",
    "jsonl": "jsonl:JsonlWriter",
    "sqlite": "sqlite:SqliteWriter",
    "postgres": "postgres:PostgresWriter",
    "oparl": "oparl:OParlWriter",
}

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def create(name: str, *args: Any, **kwargs: Any) -> Writer:
    """Build a registered writer by name, e.g. ``create("jsonl", Path("all.jsonl"))``."""
    try:
        module_name, class_name = REGISTRY[name].split(":")
    except KeyError:
        raise ValueError(f"unknown writer {name!r}; known: {', '.join(sorted(REGISTRY))}") from None
    module = importlib.import_module(f"{__name__}.{module_name}")
    writer: Writer = getattr(module, class_name)(*args, **kwargs)
    return writer


def is_postgres_url(target: str) -> bool:
    return target.startswith(POSTGRES_SCHEMES)


def database_writer(target: str) -> Writer:
    """``postgresql://…`` selects PostgreSQL; anything else is a SQLite file path."""
    if is_postgres_url(target):
        return create("postgres", target)
    return create("sqlite", Path(target))


def search_database(target: str | Path, text: str, limit: int = 20) -> list[SearchHit]:
    """Full-text search in a SQLite file or a ``postgresql://`` database (same results)."""
    if is_postgres_url(str(target)):
        from . import postgres

        return postgres.search(str(target), text, limit)
    from . import sqlite

    return sqlite.search(Path(target), text, limit)


def read_database(target: str | Path) -> Iterator[Record]:
    """Every document stored in a SQLite file or a ``postgresql://`` database."""
    if is_postgres_url(str(target)):
        from . import postgres

        return postgres.read_records(str(target))
    from . import sqlite

    return sqlite.read_records(Path(target))


__all__ = ["REGISTRY", "Record", "SourceFile", "Writer", "create", "database_writer",
           "is_postgres_url", "read_database", "search_database"]
