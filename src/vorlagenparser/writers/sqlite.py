"""The embedded archive database (the only module that imports sqlite3).

Tables ``documents`` (one row per input SHA-256, the full JSON in ``document``) and the children
``beratungsfolge``, ``beratungsergebnis``, ``checkboxes``, ``anlagen``. Full-text search over
Betreff, Beschlussvorschlag and Begründung uses two FTS5 tables keyed by the document's rowid:
``search_stems`` (Snowball stems per field, ranked by BM25) and ``search_forms`` (full word
forms under the ``trigram`` tokenizer, for compound parts and prefixes); see
:mod:`vorlagenparser.search`.
One transaction per document: a crash loses at most the document in flight, and the batch ledger
is only told "done" after the commit.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputFileError, OutputError
from ..model import Vorlage
from ..search import IndexText, SearchHit, compile_query, hit, index_text
from ..search.sql import rank_query, where
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
    search_entries,
)

_TYPES = {"text": "TEXT", "int": "INTEGER", "bool": "INTEGER", "date": "TEXT", "real": "REAL",
          "json": "TEXT"}
_FTS = ", ".join(FULLTEXT_COLUMNS)
_TEXTS = ", ".join(f"d.{c}" for c in FULLTEXT_COLUMNS)
# Raised when the search index layout changes; older databases are migrated on open.
INDEX_VERSION = 2
# BM25 weights of Betreff, Beschlussvorschlag, Begründung (PostgreSQL: weights A, B, C).
_BM25 = "bm25(search_stems, 10.0, 4.0, 1.0)"


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
DROP TRIGGER IF EXISTS documents_ai;
DROP TRIGGER IF EXISTS documents_ad;
DROP TRIGGER IF EXISTS documents_au;
DROP TABLE IF EXISTS documents_fts;
CREATE VIRTUAL TABLE IF NOT EXISTS search_stems USING fts5({_FTS},
    tokenize='unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE IF NOT EXISTS search_forms USING fts5(forms, tokenize='trigram');
CREATE TRIGGER IF NOT EXISTS search_ad AFTER DELETE ON documents BEGIN
    DELETE FROM search_stems WHERE rowid = old.rowid;
    DELETE FROM search_forms WHERE rowid = old.rowid; END;
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
            ensure_schema(self._conn)
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
                (rowid,) = self._conn.execute("SELECT rowid FROM documents WHERE sha256 = ?",
                                              (row["sha256"],)).fetchone()
                _index(self._conn, rowid, search_entries(record.vorlage))
        except sqlite3.Error as exc:
            raise OutputError(f"cannot write {record.name}: {exc}", self.path) from exc

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Create the tables; a database from before the current search index gets it built."""
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    conn.executescript(schema_sql())
    if version >= INDEX_VERSION:
        return
    with _transaction(conn):
        rows = conn.execute(f"SELECT rowid, {_FTS} FROM documents").fetchall()
        for rowid, *values in rows:
            _index(conn, rowid, index_text(dict(zip(FULLTEXT_COLUMNS, values, strict=True))))
        conn.execute(f"PRAGMA user_version = {INDEX_VERSION}")


def _index(conn: sqlite3.Connection, rowid: int, entries: IndexText) -> None:
    conn.execute("DELETE FROM search_stems WHERE rowid = ?", (rowid,))
    conn.execute("DELETE FROM search_forms WHERE rowid = ?", (rowid,))
    conn.execute(f"INSERT INTO search_stems (rowid, {_FTS}) VALUES (?, {', '.join('?' * 3)})",
                 (rowid, *(entries.stems[name] for name in FULLTEXT_COLUMNS)))
    conn.execute("INSERT INTO search_forms (rowid, forms) VALUES (?, ?)", (rowid, entries.forms))


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


def _open_existing(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise InputFileError("no database here; run `vorlagenparser batch` first", path)
    return connect(path)


def search(path: Path, text: str, limit: int = 20) -> list[SearchHit]:
    """Documents matching the query (see :mod:`vorlagenparser.search.query`), best first."""
    query = compile_query(text)
    condition, rank = where(query, "sqlite"), rank_query(query, "sqlite")
    scores = (f"(SELECT rowid AS id, {_BM25} AS score FROM search_stems "
              "WHERE search_stems MATCH ?)") if rank else "(SELECT NULL AS id, NULL AS score)"
    sql = (f"SELECT d.sha256, d.output_name, d.vorlagennummer, d.datum, {_TEXTS} "
           f"FROM documents d LEFT JOIN {scores} r ON r.id = d.rowid WHERE {condition.sql} "
           "ORDER BY r.score IS NULL, r.score, d.datum DESC, d.output_name LIMIT ?")
    params = (*([rank] if rank else []), *condition.params, limit)
    conn = _open_existing(path)
    try:
        if conn.execute("PRAGMA user_version").fetchone()[0] < INDEX_VERSION:
            ensure_schema(conn)  # an older database: build its index once (needs write access)
        rows = conn.execute(sql, params).fetchall()
    except sqlite3.Error as exc:
        raise InputFileError(f"cannot search: {exc}", path) from exc
    finally:
        conn.close()
    return [hit(query, sha, name, nummer, datum, dict(zip(FULLTEXT_COLUMNS, texts, strict=True)))
            for sha, name, nummer, datum, *texts in rows]


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
