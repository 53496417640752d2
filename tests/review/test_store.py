"""Saving in the review tool: the JSON, corrections.jsonl, the database and its search index,
the run records, and a re-run of the batch that must keep every correction."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from vorlagenparser.archive.fixity import verify_folder
from vorlagenparser.batch import SerialExecutor, run_batch
from vorlagenparser.batch.ledger import Ledger
from vorlagenparser.cli import main
from vorlagenparser.errors import CorrectionError, InputFileError, OutputError
from vorlagenparser.model import Vorlage
from vorlagenparser.review.store import ReviewStore
from vorlagenparser.writers import correction_log, create

from .conftest import DB_NAME, SAMPLE_INPUTS, Flag

NEW_BETREFF = "Beschaffung einer Drehleiter DLK 23/12 für die Feuerwache Nord"


def row(out: Path, sha256: str) -> dict[str, object]:
    with sqlite3.connect(out / DB_NAME) as conn:
        conn.row_factory = sqlite3.Row
        found = conn.execute("SELECT * FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
        boxes = conn.execute("SELECT position, checked FROM checkboxes WHERE sha256 = ?",
                             (sha256,)).fetchall()
    return {**dict(found), "boxes": {b["position"]: b["checked"] for b in boxes}}


def log_lines(out: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in (out / "corrections.jsonl").read_text().splitlines()]


def document(out: Path, name: str) -> Vorlage:
    return Vorlage.model_validate_json((out / f"{name}.json").read_bytes())


def test_the_list_puts_flagged_documents_first(out: Path, flag: Flag) -> None:
    flag("allris_01", values=["betreff", "datum"], warnings=["anlagen: label without a value"])
    store = ReviewStore(out)
    summaries = store.summaries()
    assert summaries[0].name == "allris_01"
    first = summaries[0]
    assert (first.flagged, first.needs_review, first.warnings) == (
        2, True, ("anlagen: label without a value",))
    assert store.db == str(out / DB_NAME)  # found again in the copied folder


def test_a_correction_reaches_json_log_database_search_and_export(
        out: Path, flag: Flag, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    flagged = flag("formular_01", values=["betreff", "datum"], boxes=[0])
    sha = flagged.source.sha256
    old_betreff = flagged.betreff
    store = ReviewStore(out)
    store.save("formular_01", "corrected", "betreff", NEW_BETREFF)
    store.save("formular_01", "corrected", "datum", "01.02.2024")
    store.save("formular_01", "toggled", "checkboxes[0]")

    saved = document(out, "formular_01")
    assert (saved.betreff, str(saved.datum)) == (NEW_BETREFF, "2024-02-01")
    assert saved.checkboxes[0].checked is not flagged.checkboxes[0].checked
    assert saved.provenance["betreff"].method == "manual" and not saved.provenance["betreff"].needs_review
    assert not saved.needs_review  # nothing flagged is left, no warnings
    assert {c.path: c.old for c in saved.corrections}["betreff"] == old_betreff

    lines = log_lines(out)
    assert [(e["sha256"], e["path"], e["action"]) for e in lines] == [
        (sha, "betreff", "corrected"), (sha, "datum", "corrected"), (sha, "checkboxes[0]", "toggled")]
    assert lines[0]["old"] == old_betreff and lines[0]["new"] == NEW_BETREFF and lines[0]["time"]

    stored = row(out, sha)
    assert (stored["betreff"], stored["datum"], stored["needs_review"]) == (NEW_BETREFF, "2024-02-01", 0)
    assert stored["boxes"][0] == saved.checkboxes[0].checked
    assert json.loads(str(stored["document"]))["betreff"] == NEW_BETREFF

    assert main(["search", "Drehleiter", "--out", str(out), "--json"]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [h["sha256"] for h in hits] == [sha]

    for source in (out, out / DB_NAME):
        papers = tmp_path / f"papers-{source.name}.json"
        assert main(["export", str(source), "-o", str(papers)]) == 0
        names = {paper["name"] for paper in json.loads(papers.read_text())["data"]}
        assert NEW_BETREFF in names and old_betreff not in names

    assert verify_folder(out) == []  # the review's own run record lists the new checksums


def test_a_rerun_of_the_batch_keeps_every_correction(out: Path, flag: Flag) -> None:
    flag("formular_01", values=["betreff"])
    store = ReviewStore(out)
    store.save("formular_01", "corrected", "betreff", NEW_BETREFF)
    store.save("formular_01", "corrected", "betreff", NEW_BETREFF + " (2)")
    store.save("formular_01", "toggled", "checkboxes[1]")
    before = document(out, "formular_01")
    (out / "formular_01.json").unlink()  # makes the batch convert it again

    report = run_batch(SAMPLE_INPUTS, out, writers=[create("sqlite", out / DB_NAME)],
                       executor=SerialExecutor())
    assert report.exit_code == 0
    again = document(out, "formular_01")
    assert again.betreff == NEW_BETREFF + " (2)"
    assert again.checkboxes[1].checked == before.checkboxes[1].checked
    extracted = {c.path: c.old for c in again.corrections}
    assert extracted["betreff"] not in (NEW_BETREFF, NEW_BETREFF + " (2)")  # the extractor's
    assert row(out, again.source.sha256)["betreff"] == NEW_BETREFF + " (2)"
    assert len(log_lines(out)) == 3
    assert verify_folder(out) == []


def test_an_invalid_value_writes_nothing(out: Path, flag: Flag) -> None:
    flag("formular_01", values=["datum"])
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    store = ReviewStore(out)
    for path, typed in (("datum", "31.02.2023"), ("beratungsergebnis[0].ja_stimmen", "-1"),
                        ("beratungsergebnis[0].ja_stimmen", "20000"), ("anlagen[0]", ""),
                        ("beratungsergebnis[7].top", "3"), ("source.sha256", "x")):
        with pytest.raises(CorrectionError):
            store.save("formular_01", "corrected", path, typed)
    with pytest.raises(CorrectionError):
        store.save("formular_01", "toggled", "checkboxes[99]")
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == before


def test_no_save_while_a_batch_writes_into_the_folder(out: Path, flag: Flag) -> None:
    flag("formular_01", values=["betreff"])
    before = (out / "formular_01.json").read_bytes()
    with Ledger(out), pytest.raises(OutputError, match="batch is writing"):
        ReviewStore(out).save("formular_01", "accepted", "betreff")
    assert (out / "formular_01.json").read_bytes() == before
    assert not (out / "corrections.jsonl").exists()


def test_unknown_documents_are_not_found(out: Path) -> None:
    store = ReviewStore(out)
    for name in ("../out/formular_01", "run-20250101T000000Z", "nope", ".formular_01"):
        with pytest.raises(KeyError):
            store.load(name)


def test_the_database_comes_from_the_run_record(out: Path, tmp_path: Path) -> None:
    assert ReviewStore(out, db=str(tmp_path / "other.sqlite")).db == str(tmp_path / "other.sqlite")
    (out / DB_NAME).rename(tmp_path / "away.sqlite")
    store = ReviewStore(out)
    assert store.db is None and store.db_note and "gone" in store.db_note


def test_the_log_survives_a_torn_last_line(out: Path) -> None:
    store = ReviewStore(out)
    sha = store.save("formular_01", "corrected", "betreff", "Erste Fassung").source.sha256
    log = out / "corrections.jsonl"
    with log.open("ab") as handle:
        handle.write(b'{"sha256": "' + sha.encode()[:10])  # a crash in the middle of a line
    assert [e.new for e in correction_log.read(out)[sha]] == ["Erste Fassung"]
    store.save("formular_01", "corrected", "betreff", "Zweite Fassung")
    assert [e["new"] for e in log_lines(out)] == ["Erste Fassung", "Zweite Fassung"]
    log.write_text(log.read_text() + "kein JSON\n")
    with pytest.raises(InputFileError, match="line 3: not a correction"):
        correction_log.read(out)
