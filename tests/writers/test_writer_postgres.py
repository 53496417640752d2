"""PostgreSQL: the same tables, JSONB, idempotent upserts, against a real throwaway server.

The server is started from the Debian binaries (initdb, pg_ctl) on loopback in a temporary
folder, as the ``postgres`` user when the tests run as root. Skipped cleanly when PostgreSQL or
psycopg is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from vorlagenparser.writers import Record, database_writer

psycopg = pytest.importorskip("psycopg")

MakeRecord = Callable[..., Record]
pytestmark = pytest.mark.postgres


def test_upserts_are_idempotent(clean_url: str, make_record: MakeRecord) -> None:
    for _ in range(2):
        with database_writer(clean_url) as writer:
            writer.write(make_record("a"))
            writer.write(make_record("a"))
            writer.write(make_record("b"))
    with psycopg.connect(clean_url) as conn:
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("documents", "beratungsfolge", "beratungsergebnis", "checkboxes",
                            "anlagen")}
    assert counts == {"documents": 2, "beratungsfolge": 6, "beratungsergebnis": 2,
                      "checkboxes": 2, "anlagen": 2}


def test_typed_columns_jsonb_and_german_full_text(clean_url: str,
                                                  make_record: MakeRecord) -> None:
    from vorlagenparser.writers.postgres import search as pg_search

    with database_writer(clean_url) as writer:
        writer.write(make_record("a"))
        writer.write(make_record("b", betreff="Haushaltssatzung 2024"))
    with psycopg.connect(clean_url) as conn:
        row = conn.execute("SELECT datum::text, needs_review, "
                           "(document -> 'beratungsergebnis' -> 0 ->> 'ja_stimmen')::int "
                           "FROM documents WHERE output_name = 'a'").fetchone()

        def search(words: str) -> list[tuple[str | None]]:
            return sorted((h.output_name,) for h in pg_search(clean_url, words))

        stemmed, only_b = search("Bebauungspläne"), search("Haushaltssatzungen")
        folge = conn.execute("SELECT sitzung_am::text, oeffentlich FROM beratungsfolge "
                             "ORDER BY sha256, position LIMIT 1").fetchone()
    assert row == ("2024-03-14", False, 30)
    assert (stemmed, only_b) == ([("a",), ("b",)], [("b",)])  # German stemming
    assert folge == ("2024-04-02", True)


def test_sink_id_never_contains_the_password() -> None:
    writer = database_writer("postgresql://user:secret@db.example:5433/archiv")
    assert writer.sink_id == "postgres:postgresql://db.example:5433/archiv"


def test_batch_with_the_real_extractor_into_postgres_resumes(clean_url: str,
                                                            tmp_path: Path) -> None:
    pytest.importorskip("vorlagenparser.pipeline")
    from reportlab.pdfgen import canvas

    from vorlagenparser.batch import SerialExecutor, run_batch

    for i in range(3):
        pdf = canvas.Canvas(str(tmp_path / f"v{i}.pdf"), invariant=1)
        pdf.drawString(72, 770, f"Betreff: Bebauungsplan Nr. {i}")
        pdf.save()

    def batch() -> tuple[int, int]:
        report = run_batch([tmp_path], tmp_path / "out", writers=[database_writer(clean_url)],
                           executor=SerialExecutor())
        return report.done, report.skipped

    assert (batch(), batch()) == ((3, 0), (0, 3))
    with psycopg.connect(clean_url) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 3
