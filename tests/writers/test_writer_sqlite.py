"""The SQLite archive: keyed tables, idempotent upserts, full-text search, reading back."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from vorlagenparser.errors import InputFileError
from vorlagenparser.writers import Record, database_writer
from vorlagenparser.writers.sqlite import SqliteWriter, read_records, search

MakeRecord = Callable[..., Record]


def counts(path: Path) -> dict[str, int]:
    tables = ("documents", "beratungsfolge", "beratungsergebnis", "checkboxes", "anlagen",
              "search_stems", "search_forms")
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def test_writing_twice_keeps_one_copy(tmp_path: Path, make_record: MakeRecord) -> None:
    db = tmp_path / "a.sqlite"
    for _ in range(2):
        with SqliteWriter(db) as writer:
            writer.write(make_record("a"))
            writer.write(make_record("a"))
            writer.write(make_record("b"))
    assert counts(db) == {"documents": 2, "beratungsfolge": 6, "beratungsergebnis": 2,
                          "checkboxes": 2, "anlagen": 2, "search_stems": 2, "search_forms": 2}


def test_columns_hold_typed_values_and_the_full_json(tmp_path: Path,
                                                     make_record: MakeRecord) -> None:
    db = tmp_path / "a.sqlite"
    with database_writer(str(db)) as writer:
        writer.write(make_record("a"))
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT vorlagennummer, datum, size, needs_review, "
                           "json_extract(document, '$.beratungsergebnis[0].ja_stimmen') "
                           "FROM documents").fetchone()
        folge = conn.execute("SELECT position, gremium, sitzung_am, oeffentlich "
                             "FROM beratungsfolge ORDER BY position").fetchall()
    assert row == ("BV/17/2024", "2024-03-14", 1234, 0, 30)
    assert folge[0] == (0, "Bauausschuss", "2024-04-02", 1) and folge[2][3] is None


def test_search_follows_updates(tmp_path: Path, make_record: MakeRecord) -> None:
    db = tmp_path / "a.sqlite"
    with SqliteWriter(db) as writer:
        writer.write(make_record("a"))
        writer.write(make_record("b", betreff="Haushaltssatzung 2024"))
    # Both propose "des Bebauungsplans"; "a" has the word in its Betreff and ranks first.
    assert [h.output_name for h in search(db, "Bebauungsplan")] == ["a", "b"]
    assert [h.output_name for h in search(db, "Haushaltssatzungen")] == ["b"]
    with SqliteWriter(db) as writer:
        writer.write(make_record("a", betreff="Straßenbenennung"))
    assert [h.output_name for h in search(db, "strassenbenennung")] == ["a"]
    assert search(db, '"Nr. 17"') == []


def test_a_database_from_before_the_search_index_gets_it(tmp_path: Path,
                                                         make_record: MakeRecord) -> None:
    db = tmp_path / "old.sqlite"
    with SqliteWriter(db) as writer:
        writer.write(make_record("a"))
    conn = sqlite3.connect(db)
    conn.executescript("DROP TABLE search_stems; DROP TABLE search_forms; PRAGMA user_version = 0;"
                       "CREATE VIRTUAL TABLE documents_fts USING fts5(betreff, content='documents');")
    conn.close()
    assert [h.output_name for h in search(db, "Bebauungsplanverfahren OR Mühlbach")] == ["a"]
    tables = {name for (name,) in sqlite3.connect(db).execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "documents_fts" not in tables and {"search_stems", "search_forms"} <= tables


def test_read_records_round_trip(tmp_path: Path, make_record: MakeRecord) -> None:
    db = tmp_path / "a.sqlite"
    record = make_record("a")
    with SqliteWriter(db) as writer:
        writer.write(record)
    [back] = read_records(db)
    assert replace(back, converted=None) == record
    assert back.converted is not None and dt.datetime.fromisoformat(back.converted).tzinfo


def test_a_missing_database_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="run `vorlagenparser batch` first"):
        search(tmp_path / "none.sqlite", "x")
