"""A complete sample document and records built from it."""

from __future__ import annotations

import datetime as dt
import glob
import hashlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from vorlagenparser.model import (
    Beratungsergebnis,
    BeratungsfolgeEintrag,
    Checkbox,
    PageInfo,
    Source,
    Vorlage,
)
from vorlagenparser.writers import Record, SourceFile

MakeRecord = Callable[..., Record]


def sample_vorlage(sha256: str, betreff: str) -> Vorlage:
    return Vorlage(
        source=Source(filename="BV-17-2024.pdf", sha256=sha256, page_count=1,
                      pages=[PageInfo(number=1, method="text", width=595.0, height=842.0)],
                      profile="default", extractor_version="0.1.0"),
        vorlagenart="Beschlussvorlage", vorlagennummer="BV/17/2024", datum=dt.date(2024, 3, 14),
        federfuehrung="Amt für Stadtplanung und Umwelt", betreff=betreff,
        beschlussvorschlag="Der Stadtrat beschließt die Aufstellung des Bebauungsplans.",
        begruendung="Die Fläche am Mühlbach soll für Wohnungsbau entwickelt werden.",
        beratungsfolge=[
            BeratungsfolgeEintrag(gremium="Bauausschuss", sitzung_am=dt.date(2024, 4, 2),
                                  zustaendigkeit="Vorberatung", oeffentlich=True),
            BeratungsfolgeEintrag(gremium="Stadtrat", zustaendigkeit="Entscheidung"),
            BeratungsfolgeEintrag(gremium="Ortsbeirat Süd"),
        ],
        beratungsergebnis=[Beratungsergebnis(gremium="Stadtrat", ja_stimmen=30, nein_stimmen=8,
                                              enthaltungen=2, mit_stimmenmehrheit=True)],
        anlagen=["Lageplan"],
        checkboxes=[Checkbox(label="einstimmig", checked=False, page=1,
                             bbox=[50.0, 700.0, 60.0, 710.0], confidence=0.9, source="vector")],
    )


@pytest.fixture
def make_record() -> MakeRecord:
    def make(key: str = "a", betreff: str = "Bebauungsplan Nr. 17 „Am Mühlbach“") -> Record:
        sha256 = hashlib.sha256(key.encode()).hexdigest()
        source = SourceFile(path=f"/archiv/{key}.pdf", sha256=sha256,
                            sha512=hashlib.sha512(key.encode()).hexdigest(), size=1234,
                            mime_type="application/pdf")
        return Record(name=key, vorlage=sample_vorlage(sha256, betreff), source=source)

    return make


# --- a throwaway PostgreSQL server -------------------------------------------------------------
# Started once per session from the Debian binaries (initdb, pg_ctl) on loopback in a temporary
# folder, as the ``postgres`` user when the tests run as root; skipped when it is not installed.


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


@pytest.fixture(scope="session")
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
    """The server with no vorlagenparser tables (each test starts from an empty database)."""
    psycopg = pytest.importorskip("psycopg")
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS beratungsfolge, beratungsergebnis, checkboxes, "
                     "anlagen, documents")
    return postgres_url
