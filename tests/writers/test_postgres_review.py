"""The review tool over a batch that wrote to PostgreSQL: the URL must be given (the run
record never holds a password), and a correction then reaches the row and its search index."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers import SAMPLES

from vorlagenparser.batch import SerialExecutor, run_batch
from vorlagenparser.model import Vorlage
from vorlagenparser.review.store import ReviewStore
from vorlagenparser.writers import database_writer, read_database, search_database

pytest.importorskip("psycopg")
pytestmark = pytest.mark.postgres

INPUT = SAMPLES / "formular" / "formular_01.pdf"


def test_a_correction_reaches_postgres(clean_url: str, tmp_path: Path) -> None:
    if not INPUT.is_file():
        pytest.skip(f"sample missing: {INPUT}")
    out = tmp_path / "out"
    assert run_batch([INPUT], out, writers=[database_writer(clean_url)],
                     executor=SerialExecutor()).exit_code == 0
    unnamed = ReviewStore(out)
    assert unnamed.db is None and unnamed.db_note and "pass --db" in unnamed.db_note

    ReviewStore(out, db=clean_url).save("formular_01", "corrected", "betreff",
                                        "Beschaffung einer Drehleiter für die Feuerwache Nord")
    [record] = list(read_database(clean_url))
    assert record.vorlage.betreff == "Beschaffung einer Drehleiter für die Feuerwache Nord"
    assert record.vorlage.provenance["betreff"].method == "manual"
    assert record.source.sha512  # the input's facts came along from the ledger
    [hit] = search_database(clean_url, "Drehleiter")
    assert hit.sha256 == Vorlage.model_validate_json((out / "formular_01.json").read_bytes()).source.sha256
