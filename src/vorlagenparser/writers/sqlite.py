"""The embedded archive database (the only module that imports sqlite3).

Tables ``documents`` (one row per input SHA-256, the full JSON in ``document``) and the children
``beratungsfolge``, ``beratungsergebnis``, ``checkboxes``, ``anlagen``; an FTS5 index
``documents_fts`` over Betreff, Beschlussvorschlag and Begründung kept in step by triggers.
One transaction per document: a crash loses at most the document in flight, and the batch ledger
is only told "done" after the commit.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputFileError, OutputError
from ..model import Vorlage
from . import Record, SourceFile, Writer
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

_TYPES = {"text": "TEXT", "int": "INTEGER", "bool": "INTEGER", "date": "TEXT", "real": "REAL",
          "json": "TEXT"}
_FTS = ", ".join(FULLTEXT_COLUMNS)
_OLD = ", ".join(f"old.{c}" for c in FULLTEXT_COLUMNS)
_NEW = ", ".join(f"new.{c}" for c in FULLTEXT_COLUMNS)


def _column_ddl(columns: Columns) -> str:
    return ", ".join(f"{name} {_TYPES[kind]}" for name, kind in columns)


def schema_sql() -> str:
    """The whole schema; every statement is idempotent."""
    children = "\n".join(
        f"CREATE TABLE IF NOT EXISTS {table} (sha256 TEXT NOT NULL REFERENCES documents(sha256) "
        f"ON DELETE CASCADE, position INTEGER NOT NULL, {_column_ddl(cols)}, "
        f"PRIMARY KEY (sha256, position));"
        for table, cols in CHILD_TABLES.items())
    documents = _column_ddl(DOCUMENT_COLUMNS).replace("sha256 TEXT", "sha256 TEXT PRIMARY KEY", 1)
    return f"""
CREATE TABLE IF NOT EXISTS documents ({documents}, converted_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS documents_vorlagennummer ON documents(vorlagennummer);
{children}
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5({_FTS}, content='documents',
    content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER IF NOT EXISTS documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, {_FTS}) VALUES (new.rowid, {_NEW}); END;
CREATE TRIGGER IF NOT EXISTS documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, {_FTS}) VALUES ('delete', old.rowid, {_OLD});
END;
CREATE TRIGGER IF NOT EXISTS documents_au AFTER UPDATE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, {_FTS}) VALUES ('delete', old.rowid, {_OLD});
    INSERT INTO documents_fts(rowid, {_FTS}) VALUES (new.rowid, {_NEW}); END;
"""


def _upsert_sql() -> str:
    names = (*column_names(DOCUMENT_COLUMNS), "converted_at")
    updates = ", ".join(f"{n} = excluded.{n}" for n in names if n != "sha256")
    return (f"INSERT INTO documents ({', '.join(names)}) "
            f"VALUES ({', '.join(':' + n for n in names)}) "
            f"ON CONFLICT(sha256) DO UPDATE SET {updates}")


def _insert_sql(table: str) -> str:
    names = child_columns(table)
    return f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join(':' + n for n in names)})"


def _encode(row: Row) -> Row:
    # sqlite3 stores bools as 0/1 by itself; dates and the JSON document need text.
    return {k: json.dumps(v, ensure_ascii=False) if k == "document"
            else v.isoformat() if isinstance(v, dt.date) else v for k, v in row.items()}


def connect(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL makes each commit survive power loss, not only a killed process: the ledger that
        # marks a file done is fsynced too, so the database must not lag behind it.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 10000")
    except sqlite3.Error as exc:
        raise OutputError(f"cannot open the SQLite database: {exc}", path) from exc
    return conn


class SqliteWriter(Writer):
    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None

    @property
    def sink_id(self) -> str:
        return f"sqlite:{self.path.resolve()}"

    def open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = connect(self.path)
        try:
            self._conn.executescript(schema_sql())
        except sqlite3.Error as exc:
            raise OutputError(f"cannot create the tables: {exc}", self.path) from exc

    def write(self, record: Record) -> None:
        if self._conn is None:
            raise RuntimeError("SqliteWriter.write() before open()")
        row = _encode(document_row(record)) | {"converted_at": _now()}
        try:
            with _transaction(self._conn):
                self._conn.execute(_upsert_sql(), row)
                for table, rows in child_rows(record).items():
                    self._conn.execute(f"DELETE FROM {table} WHERE sha256 = ?", (row["sha256"],))
                    self._conn.executemany(_insert_sql(table), [_encode(r) for r in rows])
        except sqlite3.Error as exc:
            raise OutputError(f"cannot write {record.name}: {exc}", self.path) from exc

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class _transaction:
    """BEGIN IMMEDIATE … COMMIT, ROLLBACK on any error (sqlite3's autocommit is off here)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SearchHit:
    sha256: str
    output_name: str | None
    vorlagennummer: str | None
    datum: str | None
    betreff: str | None
    snippet: str


def _open_existing(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise InputFileError("no database here; run `vorlagenparser batch` first", path)
    return connect(path)


def fts_query(text: str) -> str:
    """Plain words → an FTS5 AND query, each word quoted so no input is a syntax error.

    A trailing ``*`` stays a prefix search (``Bebauungsplan*`` also finds ``Bebauungsplans``).
    """
    terms = []
    for word in text.split():
        prefix = word.endswith("*")
        word = word.rstrip("*")
        if word:
            terms.append('"' + word.replace('"', '""') + '"' + ("*" if prefix else ""))
    if not terms:
        raise ValueError("empty search")
    return " ".join(terms)


def search(path: Path, text: str, limit: int = 20) -> list[SearchHit]:
    """Full-text search over Betreff, Beschlussvorschlag and Begründung, best matches first."""
    sql = ("SELECT d.sha256, d.output_name, d.vorlagennummer, d.datum, d.betreff, "
           "snippet(documents_fts, -1, '[', ']', '…', 12) "
           "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
           "WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts) LIMIT ?")
    conn = _open_existing(path)
    try:
        rows = conn.execute(sql, (fts_query(text), limit)).fetchall()
    except sqlite3.Error as exc:
        raise InputFileError(f"cannot search: {exc}", path) from exc
    finally:
        conn.close()
    return [SearchHit(*row) for row in rows]


def read_records(path: Path) -> Iterator[Record]:
    """Every stored document with its source-file facts, in a stable order."""
    conn = _open_existing(path)
    try:
        cursor = conn.execute("SELECT output_name, document, source_path, sha256, sha512, size, "
                              "mime_type, converted_at FROM documents ORDER BY output_name, sha256")
        for name, document, source_path, sha256, sha512, size, mime, converted in cursor:
            vorlage = Vorlage.model_validate_json(document)
            source = SourceFile(path=source_path or vorlage.source.filename, sha256=sha256,
                                sha512=sha512, size=size, mime_type=mime)
            yield Record(name=name or sha256, vorlage=vorlage, source=source, converted=converted)
    except sqlite3.Error as exc:
        raise InputFileError(f"cannot read the database: {exc}", path) from exc
    finally:
        conn.close()
