"""Acceptance with the real extractor: good samples convert, every bad input fails alone."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from vorlagenparser.errors import ExitCode

MakeGood = Callable[..., list[Path]]
MakeBad = Callable[[Path], dict[str, Path]]


def copy_digital_samples(samples: Path, dest: Path, limit: int) -> list[Path]:
    """A snapshot of the digital samples (scans need OCR and take longer)."""
    dest.mkdir(parents=True)
    copied: list[Path] = []
    for path in sorted(samples.glob("*/*.pdf")):
        if path.parent.name == "scans" or len(copied) == limit:
            continue
        target = dest / f"{path.parent.name}-{path.name}"
        try:
            shutil.copyfile(path, target)
        except FileNotFoundError:  # the samples are regenerated now and then
            continue
        copied.append(target)
    return copied


@pytest.mark.slow
def test_real_extractor_over_good_and_bad_inputs(tmp_path: Path, samples_dir: Path,
                                                 make_good: MakeGood,
                                                 make_bad: MakeBad,
                                                 cli_main: Callable[..., int],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("vorlagenparser.pipeline")
    good = (copy_digital_samples(samples_dir, tmp_path / "in", limit=6)
            or make_good(tmp_path / "in", 3))
    bad = make_bad(tmp_path / "in" / "bad")
    out = tmp_path / "out"
    code = cli_main(["batch", str(tmp_path / "in"), "--out", str(out), "--jobs", "2",
                     "--no-db"])
    stderr = capsys.readouterr().err
    assert code == ExitCode.partial_batch, stderr
    assert sorted(p.stem for p in out.glob("*.json") if not p.stem.startswith("run-")) == sorted(
        p.stem for p in good)
    for path in bad.values():
        assert sum(line.startswith(f"{path}: ") for line in stderr.splitlines()) == 1, path
    failures = [json.loads(line) for line in (out / "failures.jsonl").read_text().splitlines()]
    assert sorted(f["path"] for f in failures) == sorted(map(str, bad.values()))
