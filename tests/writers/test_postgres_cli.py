"""`search` and `export` with a postgresql:// URL, and PostgreSQL errors as one line."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from vorlagenparser.cli import main
from vorlagenparser.errors import ExitCode
from vorlagenparser.writers import Record, database_writer

pytest.importorskip("psycopg")
MakeRecord = Callable[..., Record]


@pytest.mark.postgres
def test_search_and_export_read_a_postgres_url(clean_url: str, make_record: MakeRecord,
                                               tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    with database_writer(clean_url) as writer:
        writer.write(make_record("a"))
        writer.write(make_record("b", betreff="Abfallgebühren 2024"))
    assert main(["search", "Gebuehren", "--db", clean_url, "--json"]) == 0
    [hit] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert hit["output_name"] == "b"
    dest = tmp_path / "papers.json"
    assert main(["export", clean_url, "--out", str(dest), "--body-name", "Stadt X"]) == 0
    papers = json.loads(dest.read_text(encoding="utf-8"))["data"]
    assert sorted(p["name"] for p in papers) == ["Abfallgebühren 2024",
                                                 "Bebauungsplan Nr. 17 „Am Mühlbach“"]
    assert all(p["created"] and p["body"].endswith("/body/stadt-x") for p in papers)
    assert (tmp_path / "papers.body.json").is_file()


@pytest.mark.postgres
def test_an_empty_database_says_to_run_batch(clean_url: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "Plan", "--db", clean_url]) == ExitCode.input_file
    assert "run `vorlagenparser batch --db URL` first" in capsys.readouterr().err


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port  # closed again: nobody listens there


@pytest.mark.parametrize("command", [["search", "Plan", "--db"], ["export", "--out", "x.json"],
                                     ["batch", "nothing-here", "--out", "o", "--db"]])
def test_connection_errors_are_one_line_without_the_password(
        command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "nothing-here").mkdir()
    (tmp_path / "nothing-here" / "a.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    url = f"postgresql://archiv:geheim@127.0.0.1:{_closed_port()}/vorlagen"
    args = [*command[:1], url, *command[1:]] if command[0] == "export" else [*command, url]
    code = main(args)
    err = capsys.readouterr().err.strip()
    assert code in (ExitCode.input_file, ExitCode.output_error)
    assert len(err.splitlines()) == 1, err
    assert "geheim" not in err and "archiv" not in err
    assert f"postgresql://127.0.0.1:{url.rsplit(':', 1)[1]}" in err and "cannot connect" in err
