"""The Dask executor on an in-process LocalCluster: same results as the process pool."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from vorlagenparser.batch import DaskExecutor, Status, run_batch
from vorlagenparser.writers import create

distributed = pytest.importorskip("dask.distributed")
pytestmark = pytest.mark.dask
MakeGood = Callable[..., list[Path]]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with distributed.LocalCluster(processes=False, n_workers=1, threads_per_worker=2,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as dask_client:
        yield dask_client


def test_dask_batch_writes_in_the_parent_and_resumes(tmp_path: Path, make_good: MakeGood,
                                                     fake_extractor: str, client: Any) -> None:
    make_good(tmp_path / "in", 8)
    (tmp_path / "in" / "empty.pdf").write_bytes(b"")
    out = tmp_path / "out"

    def batch() -> Any:
        return run_batch([tmp_path / "in"], out, writers=[create("sqlite", out / "db.sqlite")],
                         executor=DaskExecutor(client=client, window=2),
                         extractor=fake_extractor)

    first = batch()
    assert (first.done, first.failed) == (8, 1)
    assert first.failures[0].error_type == "EmptyFileError"
    second = batch()
    assert (second.done, second.skipped, second.failed) == (0, 8, 1)
    with sqlite3.connect(out / "db.sqlite") as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 8
    assert {r.status for r in [*first.failures, *second.failures]} == {Status.failed}


def test_cli_runs_on_a_scheduler_address(tmp_path: Path, make_good: MakeGood,
                                         fake_extractor: str, client: Any,
                                         cli_main: Callable[..., int]) -> None:
    make_good(tmp_path / "in", 3)
    code = cli_main(["batch", str(tmp_path / "in"), "--out", str(tmp_path / "out"),
                     "--executor", "dask", "--scheduler", client.scheduler.address,
                     "--extractor", fake_extractor])
    assert code == 0
    assert len(list((tmp_path / "out").glob("vorlage-*.json"))) == 3
