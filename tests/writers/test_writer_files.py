"""Atomic files, the JSON folder and the resumable JSON Lines file."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from vorlagenparser.filenames import output_stem
from vorlagenparser.model import Vorlage
from vorlagenparser.writers import Record, create
from vorlagenparser.writers._atomic import atomic_open, remove_stale_temps, write_bytes
from vorlagenparser.writers.json import JsonDirWriter, read_folder

MakeRecord = Callable[..., Record]


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    write_bytes(target, b"old")
    with pytest.raises(RuntimeError), atomic_open(target) as handle:
        handle.write(b"half")
        raise RuntimeError("killed")
    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]
    assert oct(target.stat().st_mode & 0o777) != oct(0o600)


def test_stale_temps_from_a_killed_run_are_removed(tmp_path: Path) -> None:
    (tmp_path / ".a.json.x1.partial").write_bytes(b"{")
    (tmp_path / "b.json").write_bytes(b"{}")
    assert remove_stale_temps(tmp_path) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["b.json"]


def test_json_folder_round_trip(tmp_path: Path, make_record: MakeRecord) -> None:
    record = make_record("x")
    with JsonDirWriter(tmp_path) as writer:
        writer.write(record)
    assert Vorlage.model_validate_json((tmp_path / "x.json").read_bytes()) == record.vorlage
    [back] = read_folder(tmp_path, lambda v: record.source)
    assert (back.name, back.vorlage) == ("x", record.vorlage)


def test_jsonl_repairs_a_torn_tail_and_never_repeats_a_document(tmp_path: Path,
                                                                 make_record: MakeRecord) -> None:
    path = tmp_path / "all.jsonl"
    with create("jsonl", path) as writer:
        writer.write(make_record("a"))
        writer.write(make_record("a"))
    with path.open("ab") as handle:
        handle.write(b'{"schema_version": "1.0", "sou')  # killed mid-line
    with create("jsonl", path) as writer:
        writer.write(make_record("a"))
        writer.write(make_record("b"))
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert [line["source"]["sha256"][:6] for line in lines] == [
        make_record("a").source.sha256[:6], make_record("b").source.sha256[:6]]


def test_unknown_writer_names_are_refused() -> None:
    with pytest.raises(ValueError, match="known: json"):
        create("xml")


def test_every_writer_names_its_output_by_the_one_safe_rule(tmp_path: Path,
                                                            make_record: MakeRecord) -> None:
    odd = os.fsdecode(b"Stra\xdfe:\nVorlage_") + "x" * 300
    record = make_record("odd")
    record = Record(name=odd, vorlage=record.vorlage, source=record.source)
    assert record.name == output_stem(odd) and len(record.name.encode()) <= 120
    writers = [create("json", tmp_path / "json"), create("sqlite", tmp_path / "db.sqlite"),
               create("oparl", tmp_path / "oparl"), create("jsonl", tmp_path / "all.jsonl")]
    for writer in writers:
        with writer:
            writer.write(record)
    assert [p.stem for p in (tmp_path / "json").glob("*.json")] == [record.name]
    assert [p.stem for p in (tmp_path / "oparl").glob("*.json")] == [record.name]
    with sqlite3.connect(tmp_path / "db.sqlite") as conn:
        assert conn.execute("SELECT output_name FROM documents").fetchone()[0] == record.name
