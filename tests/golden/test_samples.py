"""Golden-file tests: every sample in samples/ against its truth, and the aggregate accuracy.

Misses the extractor is known to make are listed per sample in ``known_misses.json`` (the truth
name without ".truth.json" → field paths, and ``checkbox p<page> '<label>' at <x0>,<top>`` for a
box it misreads or does not find). A known miss that still misses is left out of the figures
the thresholds apply to, so a layout family the extractor was not built around can join the
corpus before it is read well; the raw figures are printed beside them. A digital known miss
that is now read correctly fails :func:`test_known_digital_misses_still_miss`: take it off the
list, which only shrinks. Scans are exempt from that check, as OCR output differs between
Tesseract builds.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.helpers import SAMPLES, has_tesseract, sample_files

from vorlagenparser.evaluate import DocumentResult, EvalReport, evaluate, normalise_text
from vorlagenparser.jsonvalidate import validate_json_file
from vorlagenparser.model import Vorlage
from vorlagenparser.options import ExtractOptions
from vorlagenparser.pipeline import extract

DIGITAL = sample_files("digital")
SCANS = sample_files("scan")
KNOWN_MISSES_FILE = Path(__file__).with_name("known_misses.json")
KNOWN_MISSES: dict[str, list[str]] = json.loads(KNOWN_MISSES_FILE.read_text(encoding="utf-8"))


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


def _evaluate(out: Path, kind: str) -> EvalReport:
    truth = out.parent / f"{out.name}_truth"
    for p in (DIGITAL if kind == "digital" else SCANS):
        src = p.with_name(p.name.rsplit(".", 1)[0] + ".truth.json")
        dst = truth / src.relative_to(SAMPLES)
        dst.parent.mkdir(parents=True, exist_ok=True)
        dst.write_bytes(src.read_bytes())
    return evaluate(out, truth)


def _box_keys(doc: DocumentResult) -> set[str]:
    """One key per truth box the output misreads or misses (not for extra output boxes)."""
    return {f"checkbox p{i.page} {i.label!r} at {round(i.bbox[0])},{round(i.bbox[1])}"
            for i in doc.checkbox_issues if i.kind != "extra"}


def _miss_keys(doc: DocumentResult) -> set[str]:
    return {f.path for f in doc.mismatches} | _box_keys(doc)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not normalise_text(value))


def _report(report: EvalReport, kind: str) -> dict[str, float]:
    """Print the raw figures and those without the known misses; return the latter."""
    fields, known_fields, known_boxes, unknown = [], 0, 0, []
    for doc in report.documents:
        known = set(KNOWN_MISSES.get(doc.name, ()))
        for result in doc.fields:
            if not result.correct and result.path in known:
                known_fields += 1
                continue
            fields.append(result)
            if not result.correct:
                unknown.append((doc.name, result))
        known_boxes += len(_box_keys(doc) & known)
    cb = report.checkboxes
    similarities = [f.similarity for f in fields if f.similarity is not None
                    and not (_blank(f.expected) and _blank(f.got))]
    boxes = cb.total - known_boxes
    figures = {"field_accuracy": sum(f.correct for f in fields) / len(fields) if fields else 0.0,
               "checkbox_accuracy": cb.correct / boxes if boxes else 1.0,
               "similarity": sum(similarities) / len(similarities) if similarities else 1.0}
    print(f"\n[{kind}] field accuracy {figures['field_accuracy']:.4f}, checkbox accuracy "
          f"{figures['checkbox_accuracy']:.4f}, long-text similarity {figures['similarity']:.4f} "
          f"without {known_fields} known field and {known_boxes} known box misses "
          f"({KNOWN_MISSES_FILE.name}); all: field accuracy {report.field_accuracy or 0.0:.4f}, "
          f"checkboxes {cb.to_dict()}, long-text similarity "
          f"{report.mean_long_text_similarity or 1.0:.4f}")
    for name, miss in unknown[:40]:
        print(f"  {name}: {miss.path}: expected {str(miss.expected)[:60]!r}, got {str(miss.got)[:60]!r}")
    return figures


@pytest.fixture(scope="module")
def digital_report(digital_out: Path) -> EvalReport:
    return _evaluate(digital_out, "digital")


def test_digital_accuracy(digital_report: EvalReport, capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():  # the figures belong in the CI log, passing or not
        figures = _report(digital_report, "digital")
    assert figures["field_accuracy"] >= 0.99
    assert figures["checkbox_accuracy"] == 1.0


def test_known_digital_misses_still_miss(digital_report: EvalReport) -> None:
    """The known-miss list only shrinks: a digital miss that is gone must leave it."""
    misses = {doc.name: _miss_keys(doc) for doc in digital_report.documents}
    gone = [f"{name}: {key}" for name, keys in KNOWN_MISSES.items()
            if not name.startswith("scans/") for key in keys if key not in misses.get(name, ())]
    assert not gone, f"read correctly now, remove from {KNOWN_MISSES_FILE.name}: {gone}"


@pytest.mark.tesseract
@pytest.mark.slow
def test_scan_accuracy(scan_out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not SCANS:
        pytest.skip("no scan samples")
    with capsys.disabled():
        figures = _report(_evaluate(scan_out, "scan"), "scan")
    assert figures["field_accuracy"] >= 0.95
    assert figures["checkbox_accuracy"] >= 0.99
    assert figures["similarity"] >= 0.97
