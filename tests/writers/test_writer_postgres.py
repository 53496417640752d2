"""PostgreSQL: the same tables, JSONB, idempotent upserts, against a real throwaway server.

The server is started from the Debian binaries (initdb, pg_ctl) on loopback in a temporary
folder, as the ``postgres`` user when the tests run as root. Skipped cleanly when PostgreSQL or
psycopg is missing.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from vorlagenparser.writers import Record, database_writer

psycopg = pytest.importorskip("psycopg")

MakeRecord = Callable[..., Record]
pytestmark = pytest.mark.postgres


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _as_user() -> list[str]:
    """Commands prefix: PostgreSQL refuses to run as root."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("runuser"):
        pytest.skip("running as root without runuser")
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        pytest.skip("running as root and there is no postgres user")
    return ["runuser", "-u", "postgres", "--"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    bin_dir = _bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL server binaries not installed (apt-get install postgresql)")
    prefix = _as_user()
    # Not under pytest's tmp dir: that one is private to root and the server user could not enter.
    root = Path(tempfile.mkdtemp(prefix="vorlagenparser-pg-"))
    if prefix:
        shutil.chown(root, "postgres")
    data, port = root / "data", _free_port()
    run = [*prefix, str(bin_dir / "initdb"), "-D", str(data), "-U", "test", "--auth=trust",
           "-E", "UTF8", "--locale=C.UTF-8"]
    subprocess.run(run, check=True, capture_output=True)
    options = f"-h 127.0.0.1 -p {port} -k {root} -c fsync=off"
    subprocess.run([*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options,
                    "-l", str(root / "log"), "-w", "-t", "30", "start"],
                   check=True, capture_output=True)
    try:
        yield f"postgresql://test@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                        "stop"], check=False, capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def clean_url(postgres_url: str) -> str:
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS beratungsfolge, beratungsergebnis, checkboxes, "
                     "anlagen, documents")
    return postgres_url


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
    with database_writer(clean_url) as writer:
        writer.write(make_record("a"))
        writer.write(make_record("b", betreff="Haushaltssatzung 2024"))
    with psycopg.connect(clean_url) as conn:
        row = conn.execute("SELECT datum::text, needs_review, "
                           "(document -> 'beratungsergebnis' -> 0 ->> 'ja_stimmen')::int "
                           "FROM documents WHERE output_name = 'a'").fetchone()

        def search(words: str) -> list[tuple[str]]:
            rows: list[tuple[str]] = conn.execute(
                "SELECT output_name FROM documents WHERE search_vector @@ "
                "plainto_tsquery('german', %s) ORDER BY 1", (words,)).fetchall()
            return rows

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
