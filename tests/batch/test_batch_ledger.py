from __future__ import annotations

from pathlib import Path

import pytest

from vorlagenparser.batch.ledger import Ledger, LedgerEntry, fingerprint, read_entries
from vorlagenparser.errors import OutputError
from vorlagenparser.options import ExtractOptions


def entry(key: str, status: str = "done") -> LedgerEntry:
    return LedgerEntry(key=key, sha256=key.split(":")[0], status=status, input=f"/in/{key}.pdf",
                       output=key, sinks=("json:/out",), pages=2)


def test_entries_survive_reopening(tmp_path: Path) -> None:
    with Ledger(tmp_path) as ledger:
        ledger.record(entry("a:1", "failed"))
        ledger.record(entry("a:1"))
        ledger.record(entry("b:1"))
    with Ledger(tmp_path) as ledger:
        found = ledger.get("a:1")
        assert found is not None and found.status == "done" and found.at
        assert found.sinks == ("json:/out",)
        assert ledger.get("c:1") is None


def test_a_line_torn_by_a_kill_is_cut_off(tmp_path: Path) -> None:
    with Ledger(tmp_path) as ledger:
        ledger.record(entry("a:1"))
        path = ledger.path
    with path.open("ab") as handle:
        handle.write(b'{"key": "b:1", "sha2')
    with Ledger(tmp_path) as ledger:
        assert ledger.get("a:1") is not None
        ledger.record(entry("c:1"))
    keys = [line[:12] for line in path.read_bytes().splitlines()]
    assert keys == [b'{"key": "a:1', b'{"key": "c:1']


def test_two_batches_cannot_share_a_folder(tmp_path: Path) -> None:
    with Ledger(tmp_path), pytest.raises(OutputError, match="another batch"):
        Ledger(tmp_path).open()


def test_long_ledgers_are_compacted_on_open(tmp_path: Path) -> None:
    with Ledger(tmp_path) as ledger:
        for _ in range(1100):
            ledger.record(entry("a:1"))
    with Ledger(tmp_path) as ledger:
        assert len(ledger.path.read_bytes().splitlines()) == 1
        assert ledger.get("a:1") is not None


def test_read_entries_gives_done_documents_by_sha256(tmp_path: Path) -> None:
    with Ledger(tmp_path) as ledger:
        ledger.record(entry("a:1"))
        ledger.record(entry("b:1", "failed"))
    assert set(read_entries(tmp_path)) == {"a"}


def test_fingerprint_changes_with_what_changes_the_output(tmp_path: Path) -> None:
    base = fingerprint(ExtractOptions(), "m:f", "1.0")
    assert base == fingerprint(ExtractOptions(), "m:f", "1.0")
    assert base != fingerprint(ExtractOptions(ocr="never"), "m:f", "1.0")
    assert base != fingerprint(ExtractOptions(), "m:f", "1.1")
    assert base != fingerprint(ExtractOptions(), "m:g", "1.0")
    profile = tmp_path / "p.toml"
    profile.write_text("a = 1\n")
    first = fingerprint(ExtractOptions(profile=str(profile)), "m:f", "1.0")
    profile.write_text("a = 2\n")
    assert first != fingerprint(ExtractOptions(profile=str(profile)), "m:f", "1.0")
