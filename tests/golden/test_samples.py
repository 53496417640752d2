"""Golden-file tests: every sample in samples/ against its truth, and the aggregate accuracy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.helpers import SAMPLES, has_tesseract, sample_files

from vorlagenparser.evaluate import evaluate
from vorlagenparser.jsonvalidate import validate_json_file
from vorlagenparser.model import Vorlage
from vorlagenparser.options import ExtractOptions
from vorlagenparser.pipeline import extract

DIGITAL = sample_files("digital")
SCANS = sample_files("scan")


def _options(sample: Path) -> ExtractOptions:
    """A sample may name the OCR languages it needs (the Fraktur scan: deu+frk)."""
    truth = json.loads(sample.with_name(sample.name.rsplit(".", 1)[0] + ".truth.json").read_text())
    return ExtractOptions(languages=truth["sample"].get("languages", "deu"))


def _convert(paths: list[Path], out: Path) -> Path:
    for p in paths:
        target = out / p.relative_to(SAMPLES).with_suffix(".json")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(extract(p, _options(p)).model_dump_json(indent=2), encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def digital_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _convert(DIGITAL, tmp_path_factory.mktemp("digital"))


@pytest.fixture(scope="module")
def scan_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not has_tesseract():
        pytest.skip("tesseract is not installed")
    return _convert(SCANS, tmp_path_factory.mktemp("scans"))


def test_there_are_samples() -> None:
    assert len(DIGITAL) >= 12
    assert len({p.parent for p in DIGITAL}) >= 4


@pytest.mark.parametrize("sample", DIGITAL, ids=lambda p: str(p.relative_to(SAMPLES)))
def test_digital_sample_validates(sample: Path, digital_out: Path) -> None:
    path = digital_out / sample.relative_to(SAMPLES).with_suffix(".json")
    assert validate_json_file(path) == []  # the model and the published schema's required keys
    data = json.loads(path.read_text())
    vorlage = Vorlage.model_validate(data)
    assert vorlage.source.page_count >= 1
    assert all(p.method == "text" for p in vorlage.source.pages)
    # Every non-null top-level value has provenance.
    for name in ("vorlagennummer", "datum", "betreff", "beschlussvorschlag", "begruendung"):
        if data[name] is not None:
            assert name in vorlage.provenance


def _report(out: Path, kind: str) -> dict[str, float]:
    truth = out.parent / f"{out.name}_truth"
    for p in (DIGITAL if kind == "digital" else SCANS):
        src = p.with_name(p.name.rsplit(".", 1)[0] + ".truth.json")
        dst = truth / src.relative_to(SAMPLES)
        dst.parent.mkdir(parents=True, exist_ok=True)
        dst.write_bytes(src.read_bytes())
    report = evaluate(out, truth)
    cb = report.checkboxes
    figures = {"field_accuracy": report.field_accuracy or 0.0,
               "checkbox_accuracy": cb.accuracy if cb.accuracy is not None else 1.0,
               "similarity": report.mean_long_text_similarity or 1.0}
    print(f"\n[{kind}] field accuracy {figures['field_accuracy']:.4f}, checkbox accuracy "
          f"{figures['checkbox_accuracy']:.4f} ({cb.to_dict()}), long-text similarity "
          f"{figures['similarity']:.4f}")
    misses = [(doc.name, miss) for doc in report.documents for miss in doc.mismatches]
    for name, miss in misses[:40]:
        print(f"  {name}: {miss.path}: expected {str(miss.expected)[:60]!r}, got {str(miss.got)[:60]!r}")
    return figures


def test_digital_accuracy(digital_out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():  # the figures belong in the CI log, passing or not
        figures = _report(digital_out, "digital")
    assert figures["field_accuracy"] >= 0.99
    assert figures["checkbox_accuracy"] == 1.0


@pytest.mark.tesseract
@pytest.mark.slow
def test_scan_accuracy(scan_out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not SCANS:
        pytest.skip("no scan samples")
    with capsys.disabled():
        figures = _report(scan_out, "scan")
    assert figures["field_accuracy"] >= 0.95
    assert figures["checkbox_accuracy"] >= 0.99
    assert figures["similarity"] >= 0.97
