"""The same tables in PostgreSQL (the only module that imports psycopg; extra ``postgres``).

The full document is JSONB. Full-text search over Betreff, Beschlussvorschlag and Begründung
uses the same word forms as SQLite (:mod:`vorlagenparser.search`): ``search_vector`` holds the
Snowball German stems (weighted A/B/C by field, GIN index) and ``search_forms`` the full word
forms under a pg_trgm GIN index for compound parts and prefixes. The stems are computed here
rather than by PostgreSQL's ``german`` configuration because that one neither folds ae/oe/ue
nor stems the same across server versions, and SQLite must find the same documents. One
transaction per document, upserts keyed by SHA-256, so re-running a batch is idempotent.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from ..errors import InputFileError, MissingPackageError, OutputError, VorlagenparserError
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

_TYPES = {"text": "TEXT", "int": "BIGINT", "bool": "BOOLEAN", "date": "DATE",
          "real": "DOUBLE PRECISION", "json": "JSONB"}
_WEIGHTS = dict(zip(FULLTEXT_COLUMNS, "ABC", strict=True))
_VECTOR = " || ".join(f"setweight(to_tsvector('simple', %(stems_{c})s), '{w}')"
                      for c, w in _WEIGHTS.items())
_TEXTS = ", ".join(f"d.{c}" for c in FULLTEXT_COLUMNS)
# Connecting to an unreachable host must fail, not hang the batch.
_CONNECT_TIMEOUT_S = 10


def _column_ddl(columns: Columns) -> str:
    return ", ".join(f"{name} {_TYPES[kind]}" for name, kind in columns)


def schema_sql() -> list[str]:
    documents = _column_ddl(DOCUMENT_COLUMNS).replace("sha256 TEXT", "sha256 TEXT PRIMARY KEY", 1)
    statements = [
        # A trusted extension: a database owner may create it without superuser rights.
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        f"CREATE TABLE IF NOT EXISTS documents ({documents}, "
        "converted_at TIMESTAMPTZ NOT NULL DEFAULT now(), search_vector tsvector, "
        "search_forms TEXT)",
        # Tables from before the shared search index had a generated German vector: replace it.
        "DO $$ BEGIN IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = "
        "current_schema() AND table_name = 'documents' AND column_name = 'search_vector' AND "
        "is_generated = 'ALWAYS') THEN ALTER TABLE documents DROP COLUMN search_vector; "
        "END IF; END $$",
        "ALTER TABLE documents ADD COLUMN IF NOT EXISTS search_vector tsvector",
        "ALTER TABLE documents ADD COLUMN IF NOT EXISTS search_forms TEXT",
        "CREATE INDEX IF NOT EXISTS documents_search ON documents USING GIN (search_vector)",
        "CREATE INDEX IF NOT EXISTS documents_forms ON documents "
        "USING GIN (search_forms gin_trgm_ops)",
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
    updates = ", ".join(f"{n} = EXCLUDED.{n}" for n in (*names, "search_vector", "search_forms")
                        if n != "sha256")
    return (f"INSERT INTO documents ({', '.join(names)}, search_vector, search_forms) "
            f"VALUES ({', '.join(f'%({n})s' for n in names)}, {_VECTOR}, %(search_forms)s) "
            f"ON CONFLICT (sha256) DO UPDATE SET {updates}, converted_at = now()")


def _search_params(entries: IndexText) -> Row:
    return {**{f"stems_{c}": entries.stems[c] for c in FULLTEXT_COLUMNS},
            "search_forms": entries.forms}


def _insert_sql(table: str) -> str:
    names = child_columns(table)
    return (f"INSERT INTO {table} ({', '.join(names)}) "
            f"VALUES ({', '.join(f'%({n})s' for n in names)})")


def _one_line(exc: Exception) -> str:
    # libpq messages span lines ("…failed: Connection refused\n\tIs the server running…").
    return " ".join(str(exc).split())


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
        raise MissingPackageError(
            "PostgreSQL needs psycopg: pip install 'vorlagenparser[postgres]'") from exc
    return psycopg


def _connect(url: str, error: type[VorlagenparserError]) -> Any:
    psycopg = _psycopg()
    try:
        return psycopg.connect(url, connect_timeout=_CONNECT_TIMEOUT_S)
    except psycopg.Error as exc:
        raise error(f"cannot connect: {_one_line(exc)}", redact(url)) from exc


def ensure_schema(conn: Any) -> None:
    """Create the tables; rows from before the shared search index get their entries."""
    with conn.transaction():
        for statement in schema_sql():
            conn.execute(statement)
        rows = conn.execute(f"SELECT sha256, {', '.join(FULLTEXT_COLUMNS)} FROM documents "
                            "WHERE search_forms IS NULL").fetchall()
        for sha256, *values in rows:
            entries = index_text(dict(zip(FULLTEXT_COLUMNS, values, strict=True)))
            conn.execute(f"UPDATE documents SET search_vector = {_VECTOR}, "
                         "search_forms = %(search_forms)s WHERE sha256 = %(sha256)s",
                         {**_search_params(entries), "sha256": sha256})


class PostgresWriter(Writer):
    def __init__(self, url: str) -> None:
        self.url = url
        self._conn: Any = None

    @property
    def sink_id(self) -> str:
        return f"postgres:{redact(self.url)}"

    def open(self) -> None:
        psycopg = _psycopg()
        self._conn = _connect(self.url, OutputError)
        try:
            ensure_schema(self._conn)
        except psycopg.Error as exc:
            self.close()
            raise OutputError(f"cannot prepare the PostgreSQL tables: {_one_line(exc)}",
                              redact(self.url)) from exc

    def write(self, record: Record) -> None:
        if self._conn is None:
            raise RuntimeError("PostgresWriter.write() before open()")
        psycopg = _psycopg()
        row = _jsonb(document_row(record)) | _search_params(search_entries(record.vorlage))
        try:
            with self._conn.transaction(), self._conn.cursor() as cur:
                cur.execute(_upsert_sql(), row)
                for table, rows in child_rows(record).items():
                    cur.execute(f"DELETE FROM {table} WHERE sha256 = %s", (row["sha256"],))
                    if rows:
                        cur.executemany(_insert_sql(table), rows)
        except psycopg.Error as exc:
            raise OutputError(f"cannot write {record.name}: {_one_line(exc)}",
                              redact(self.url)) from exc

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def _jsonb(row: Row) -> Row:
    from psycopg.types.json import Jsonb

    return {**row, "document": Jsonb(row["document"])}


# --- reading ---------------------------------------------------------------------------------


def search(url: str, text: str, limit: int = 20) -> list[SearchHit]:
    """The same search as :func:`vorlagenparser.writers.sqlite.search`, in PostgreSQL."""
    query = compile_query(text)
    condition, rank = where(query, "postgres"), rank_query(query, "postgres")
    score = "ts_rank(d.search_vector, to_tsquery('simple', %s))" if rank else "0"
    sql = (f"SELECT d.sha256, d.output_name, d.vorlagennummer, d.datum::text, {_TEXTS}, "
           f"{score} AS score FROM documents d WHERE {condition.sql} "
           "ORDER BY score DESC, d.datum DESC NULLS LAST, d.output_name LIMIT %s")
    rows = _read(url, "cannot search", sql, (*([rank] if rank else []), *condition.params, limit))
    return [hit(query, sha, name, nummer, datum, dict(zip(FULLTEXT_COLUMNS, texts, strict=True)))
            for sha, name, nummer, datum, *texts, _ in rows]


def read_records(url: str) -> Iterator[Record]:
    """Every stored document with its source-file facts, in a stable order (streamed through a
    server-side cursor, so an export of a large archive does not hold it all in memory)."""
    psycopg = _psycopg()
    conn = _connect(url, InputFileError)
    try:
        _prepare_for_reading(conn, url)
        with conn.cursor(name="vorlagenparser_records") as cursor:
            cursor.execute("SELECT output_name, document, source_path, sha256, sha512, size, "
                           "mime_type, converted_at FROM documents ORDER BY output_name, sha256")
            for name, document, source_path, sha256, sha512, size, mime, converted in cursor:
                vorlage = Vorlage.model_validate(document)
                source = SourceFile(path=source_path or vorlage.source.filename, sha256=sha256,
                                    sha512=sha512, size=size, mime_type=mime)
                yield Record(name=name or sha256, vorlage=vorlage, source=source,
                             converted=converted.isoformat(timespec="seconds"))
    except psycopg.Error as exc:
        raise InputFileError(f"cannot read the database: {_one_line(exc)}", redact(url)) from exc
    finally:
        conn.close()


def _read(url: str, what: str, sql: str, params: tuple[object, ...]) -> list[tuple[Any, ...]]:
    psycopg = _psycopg()
    conn = _connect(url, InputFileError)
    try:
        _prepare_for_reading(conn, url)
        rows: list[tuple[Any, ...]] = conn.execute(sql, params).fetchall()
    except psycopg.Error as exc:
        raise InputFileError(f"{what}: {_one_line(exc)}", redact(url)) from exc
    finally:
        conn.close()
    return rows


def _prepare_for_reading(conn: Any, url: str) -> None:
    """Readers may lack the right to create anything: only an older layout is migrated."""
    columns = {name for (name,) in conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = "
        "current_schema() AND table_name = 'documents'").fetchall()}
    if not columns:
        raise InputFileError("no vorlagenparser tables here; run `vorlagenparser batch --db URL` "
                             "first", redact(url))
    stale = "search_forms" not in columns or conn.execute(
        "SELECT EXISTS (SELECT 1 FROM documents WHERE search_forms IS NULL)").fetchone()[0]
    if stale:
        ensure_schema(conn)
