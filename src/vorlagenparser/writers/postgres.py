"""The same tables in PostgreSQL (the only module that imports psycopg; extra ``postgres``).

The full document is JSONB; a generated ``tsvector`` column with a GIN index gives German
full-text search over Betreff, Beschlussvorschlag and Begründung. One transaction per document,
upserts keyed by SHA-256, so re-running a batch is idempotent.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from ..errors import MissingDependencyError, OutputError
from . import Record, Writer
from ._tables import (
    CHILD_TABLES,
    DOCUMENT_COLUMNS,
    FULLTEXT_COLUMNS,
    Columns,
    Row,
    child_columns,
    child_rows,
    column_names,
    document_row,
)

_TYPES = {"text": "TEXT", "int": "BIGINT", "bool": "BOOLEAN", "date": "DATE",
          "real": "DOUBLE PRECISION", "json": "JSONB"}
_VECTOR = " || ' ' || ".join(f"coalesce({c}, '')" for c in FULLTEXT_COLUMNS)


def _column_ddl(columns: Columns) -> str:
    return ", ".join(f"{name} {_TYPES[kind]}" for name, kind in columns)


def schema_sql() -> list[str]:
    documents = _column_ddl(DOCUMENT_COLUMNS).replace("sha256 TEXT", "sha256 TEXT PRIMARY KEY", 1)
    statements = [
        f"CREATE TABLE IF NOT EXISTS documents ({documents}, "
        "converted_at TIMESTAMPTZ NOT NULL DEFAULT now(), "
        f"search_vector tsvector GENERATED ALWAYS AS (to_tsvector('german', {_VECTOR})) STORED)",
        "CREATE INDEX IF NOT EXISTS documents_search ON documents USING GIN (search_vector)",
        "CREATE INDEX IF NOT EXISTS documents_vorlagennummer ON documents (vorlagennummer)",
    ]
    statements += [
        f"CREATE TABLE IF NOT EXISTS {table} (sha256 TEXT NOT NULL REFERENCES documents(sha256) "
        f"ON DELETE CASCADE, position INTEGER NOT NULL, {_column_ddl(cols)}, "
        "PRIMARY KEY (sha256, position))"
        for table, cols in CHILD_TABLES.items()]
    return statements


def _upsert_sql() -> str:
    names = column_names(DOCUMENT_COLUMNS)
    updates = ", ".join(f"{n} = EXCLUDED.{n}" for n in names if n != "sha256")
    return (f"INSERT INTO documents ({', '.join(names)}) "
            f"VALUES ({', '.join(f'%({n})s' for n in names)}) "
            f"ON CONFLICT (sha256) DO UPDATE SET {updates}, converted_at = now()")


def _insert_sql(table: str) -> str:
    names = child_columns(table)
    return (f"INSERT INTO {table} ({', '.join(names)}) "
            f"VALUES ({', '.join(f'%({n})s' for n in names)})")


def redact(url: str) -> str:
    """The URL without user and password: safe for logs and the resume ledger."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}"


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError as exc:
        raise MissingDependencyError(
            "PostgreSQL output needs psycopg: pip install 'vorlagenparser[postgres]'") from exc
    return psycopg


class PostgresWriter(Writer):
    def __init__(self, url: str) -> None:
        self.url = url
        self._conn: Any = None

    @property
    def sink_id(self) -> str:
        return f"postgres:{redact(self.url)}"

    def open(self) -> None:
        psycopg = _psycopg()
        try:
            self._conn = psycopg.connect(self.url)
            with self._conn.transaction():
                for statement in schema_sql():
                    self._conn.execute(statement)
        except psycopg.Error as exc:
            raise OutputError(f"cannot prepare the PostgreSQL tables: {exc}",
                              redact(self.url)) from exc

    def write(self, record: Record) -> None:
        if self._conn is None:
            raise RuntimeError("PostgresWriter.write() before open()")
        psycopg = _psycopg()
        row = _jsonb(document_row(record))
        try:
            with self._conn.transaction(), self._conn.cursor() as cur:
                cur.execute(_upsert_sql(), row)
                for table, rows in child_rows(record).items():
                    cur.execute(f"DELETE FROM {table} WHERE sha256 = %s", (row["sha256"],))
                    if rows:
                        cur.executemany(_insert_sql(table), rows)
        except psycopg.Error as exc:
            raise OutputError(f"cannot write {record.name}: {exc}", redact(self.url)) from exc

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def _jsonb(row: Row) -> Row:
    from psycopg.types.json import Jsonb

    return {**row, "document": Jsonb(row["document"])}
