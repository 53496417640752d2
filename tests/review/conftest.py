"""Fixtures for the review tool: a real batch over two samples, flags set by the test, and
small documents built by hand (the tests never depend on how well the extractor does)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from tests.helpers import SAMPLES

from vorlagenparser.batch import SerialExecutor, run_batch
from vorlagenparser.model import (
    Beratungsergebnis,
    BeratungsfolgeEintrag,
    Checkbox,
    PageInfo,
    Provenance,
    Source,
    Vorlage,
)
from vorlagenparser.writers import Record, SourceFile, create

SAMPLE_INPUTS = (SAMPLES / "formular" / "formular_01.pdf", SAMPLES / "allris" / "allris_01.pdf")
DB_NAME = "vorlagen.sqlite"
# Where a value the extractor did not place is drawn when a test flags it anyway.
SOME_BOX = [60.0, 60.0, 320.0, 80.0]

Flag = Callable[..., Vorlage]


@pytest.fixture(scope="session")
def batch_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    missing = [p for p in SAMPLE_INPUTS if not p.is_file()]
    if missing:
        pytest.skip(f"sample missing: {missing[0]}")
    out = tmp_path_factory.mktemp("review-batch") / "out"
    report = run_batch(SAMPLE_INPUTS, out, writers=[create("sqlite", out / DB_NAME)],
                       executor=SerialExecutor())
    assert report.exit_code == 0
    return out


@pytest.fixture
def out(batch_once: Path, tmp_path: Path) -> Path:
    """A fresh copy of the batch output (a moved folder, as the run records will tell)."""
    target = tmp_path / "out"
    shutil.copytree(batch_once, target)
    return target


@pytest.fixture
def flag(out: Path) -> Flag:
    """``flag(name, values=[paths], boxes=[indices], warnings=[...])``: mark values and boxes
    of a batch document for review, in its JSON file and its database row."""

    def flag_values(name: str, values: Sequence[str] = (), boxes: Sequence[int] = (),
                    warnings: Sequence[str] = ()) -> Vorlage:
        path = out / f"{name}.json"
        vorlage = Vorlage.model_validate_json(path.read_bytes())
        provenance = dict(vorlage.provenance)
        for key in values:
            known = provenance.get(key) or Provenance(page=1, bbox=SOME_BOX, method="text",
                                                      confidence=0.9)
            provenance[key] = known.model_copy(update={"needs_review": True, "confidence": 0.41})
        checkboxes = [box.model_copy(update={"needs_review": True}) if i in boxes else box
                      for i, box in enumerate(vorlage.checkboxes)]
        while len(checkboxes) <= max(boxes, default=-1):  # the extractor found fewer boxes
            checkboxes.append(Checkbox(label="vertagt", checked=False, page=1, confidence=0.5,
                                       bbox=[60.0, 90.0 + 12 * len(checkboxes), 68.0,
                                             98.0 + 12 * len(checkboxes)],
                                       source="vector", needs_review=True))
        vorlage = vorlage.model_copy(update={
            "provenance": provenance, "checkboxes": checkboxes,
            "warnings": [*vorlage.warnings, *warnings], "needs_review": True})
        vorlage = Vorlage.model_validate(vorlage.model_dump())
        path.write_text(vorlage.model_dump_json(indent=2) + "\n", encoding="utf-8")
        with create("sqlite", out / DB_NAME) as writer:
            writer.write(Record(name=name, vorlage=vorlage,
                                source=SourceFile(path=vorlage.source.filename,
                                                  sha256=vorlage.source.sha256)))
        return vorlage

    return flag_values


def small_vorlage(**changes: object) -> Vorlage:
    """A document built by hand: a Beratungsfolge and a Beratungsergebnis row, two boxes (one
    mapped to ``beratungsergebnis[0].einstimmig``), provenance for every value."""
    prov = {key: Provenance(page=1, bbox=[10.0 * i, 10.0, 10.0 * i + 8, 18.0], method="text",
                            confidence=0.9)
            for i, key in enumerate(("betreff", "datum", "beratungsfolge[0].gremium",
                                     "beratungsergebnis[0].einstimmig",
                                     "beratungsergebnis[0].ja_stimmen", "anlagen[0]"), start=1)}
    data: dict[str, object] = {
        "source": Source(filename="x.pdf", sha256="a" * 64, page_count=1,
                         pages=[PageInfo(number=1, method="text", width=595.0, height=842.0)]),
        "betreff": "Bebauungsplan Nr. 17", "datum": "2024-03-01",
        "beratungsfolge": [BeratungsfolgeEintrag(gremium="Bauausschuss")],
        "beratungsergebnis": [Beratungsergebnis(einstimmig=True, ja_stimmen=12)],
        "anlagen": ["Lageplan"],
        "checkboxes": [
            Checkbox(label="einstimmig", checked=True, page=1, bbox=[100.0, 500.0, 110.0, 510.0],
                     confidence=0.9, source="vector", field="beratungsergebnis[0].einstimmig",
                     label_bbox=[115.0, 500.0, 160.0, 510.0]),
            Checkbox(label="vertagt", checked=False, page=1, bbox=[200.0, 500.0, 210.0, 510.0],
                     confidence=0.9, source="vector"),
        ],
        "provenance": prov,
    }
    data.update(changes)
    return Vorlage.model_validate(data)
