"""`vorlagenparser eval`, run in-process on small truth/output folders made here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from vorlagenparser.cli.eval import command

TRUTH: dict[str, Any] = {
    "sample": {"layout": "test"},
    "vorlagennummer": "2023/017",
    "betreff": "Modellprojekt",
    "beratungsergebnis": [{"ja_stimmen": 12}],
    "checkboxes": [{"label": "Einstimmig", "checked": True, "page": 1,
                    "bbox": [10, 10, 20, 20], "field": "beratungsergebnis[0].einstimmig"}],
}


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    truth, out = tmp_path / "truth", tmp_path / "out"
    truth.mkdir()
    out.mkdir()
    (truth / "a.truth.json").write_text(json.dumps(TRUTH), encoding="utf-8")
    output = {k: v for k, v in TRUTH.items() if k != "sample"}
    (out / "a.json").write_text(json.dumps(output), encoding="utf-8")
    wrong = output | {"betreff": "Anderes Projekt",
                      "checkboxes": [TRUTH["checkboxes"][0] | {"checked": False}]}
    (truth / "b.truth.json").write_text(json.dumps(TRUTH), encoding="utf-8")
    (out / "b.json").write_text(json.dumps(wrong), encoding="utf-8")
    return out, truth


def run(*args: str) -> Any:
    return CliRunner().invoke(command, list(args), catch_exceptions=False)


def test_prints_the_accuracy_table(folders: tuple[Path, Path]) -> None:
    out, truth = folders
    result = run(str(out), str(truth))
    assert result.exit_code == 0
    assert "Field accuracy" in result.stdout
    assert "beratungsergebnis[].ja_stimmen" in result.stdout
    assert "checkbox accuracy: 50.0% (1/2)" in result.stdout
    assert "false negatives 1" in result.stdout
    assert "expected" not in result.stdout  # mismatches only with --details


def test_details_list_mismatches(folders: tuple[Path, Path]) -> None:
    out, truth = folders
    result = run(str(out), str(truth), "--details")
    assert 'betreff: expected "Modellprojekt", got "Anderes Projekt"' in result.stdout
    assert "checkbox false_negative p.1" in result.stdout


def test_minimums_set_the_exit_code(folders: tuple[Path, Path]) -> None:
    out, truth = folders
    assert run(str(out), str(truth), "--min-field-accuracy", "0.5").exit_code == 0
    result = run(str(out), str(truth), "--min-field-accuracy", "0.99",
                 "--min-checkbox-accuracy", "0.9")
    assert result.exit_code == 1
    assert "field accuracy" in result.stderr and "is below 99.0%" in result.stderr
    assert "checkbox accuracy 50.0% is below 90.0%" in result.stderr


def test_minimum_outside_zero_to_one_is_a_usage_error(folders: tuple[Path, Path]) -> None:
    out, truth = folders
    assert run(str(out), str(truth), "--min-field-accuracy", "95").exit_code == 2


def test_json_report(folders: tuple[Path, Path], tmp_path: Path) -> None:
    out, truth = folders
    report_path = tmp_path / "report.json"
    assert run(str(out), str(truth), "--json", str(report_path)).exit_code == 0
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["documents"] == 2
    assert report["checkboxes"]["false_negatives"] == 1
    [doc_b] = [d for d in report["per_document"] if d["name"] == "b"]
    assert doc_b["mismatches"][0]["field"] == "betreff"


def test_missing_output_folder_is_a_usage_error(tmp_path: Path) -> None:
    assert run(str(tmp_path / "nope"), str(tmp_path)).exit_code == 2


def test_prints_what_boxes_are_tied_to_and_phantoms(folders: tuple[Path, Path]) -> None:
    out, truth = folders
    output = json.loads((out / "a.json").read_text(encoding="utf-8"))
    output["checkboxes"] = [
        TRUTH["checkboxes"][0] | {"label": "Nein", "field": None},  # right state, wrong tie
        {"label": "Ja", "checked": False, "page": 1, "bbox": [300, 300, 310, 310], "field": None}]
    (out / "a.json").write_text(json.dumps(output), encoding="utf-8")
    result = run(str(out), str(truth), "--details")
    assert "checkboxes found: 2/2; missed 0, phantoms 1" in result.stdout
    assert "checkbox ties, of the boxes found: label 50.0% (1/2), field 50.0% (1/2)" in result.stdout
    assert "checkbox wrong_label p.1" in result.stdout
    assert "'Einstimmig': expected \"Einstimmig\", got \"Nein\"" in result.stdout
    assert ('expected "beratungsergebnis[0].einstimmig", got null' in result.stdout)
    assert "checkbox phantom p.1 [300.0, 300.0, 310.0, 310.0] 'Ja'" in result.stdout


def _row(stdout: str, name: str, table: str = "") -> list[str]:
    """The cells of the first table row whose first cell is ``name``, after the title ``table``."""
    for line in stdout[stdout.index(table):].splitlines():
        cells = [c.strip() for c in line.strip("│┃ ").split("│")]
        if cells and cells[0] == name:
            return cells[1:]
    raise AssertionError(f"no row {name!r} in:\n{stdout}")


def test_prints_calibration(tmp_path: Path) -> None:
    truth, out = tmp_path / "truth", tmp_path / "out"
    truth.mkdir()
    out.mkdir()
    row = {"vorlagennummer": "2023/017", "betreff": "Modellprojekt",
           "beratungsergebnis": [{"ja_stimmen": 12}]}
    for name in ("a", "b"):
        (truth / f"{name}.truth.json").write_text(json.dumps(row), encoding="utf-8")

    def prov(confidence: float, flagged: bool) -> dict[str, Any]:
        return {"page": 1, "bbox": None, "method": "ocr", "confidence": confidence,
                "needs_review": flagged}

    # a: number right but flagged (0.4), betreff wrong and unflagged (0.95), count wrong and
    # flagged (0.6); the document says it needs review.
    a = {"vorlagennummer": "2023/017", "betreff": "Anderes Projekt",
         "beratungsergebnis": [{"ja_stimmen": 13}], "needs_review": True,
         "provenance": {"vorlagennummer": prov(0.4, True), "betreff": prov(0.95, False),
                        "beratungsergebnis[0].ja_stimmen": prov(0.6, True)}}
    # b: no provenance at all, betreff wrong, and the document claims no review is needed.
    b = row | {"betreff": "Anderes Projekt", "needs_review": False}
    (out / "a.json").write_text(json.dumps(a), encoding="utf-8")
    (out / "b.json").write_text(json.dumps(b), encoding="utf-8")
    report_path = tmp_path / "report.json"

    result = run(str(out), str(truth), "--json", str(report_path))

    assert result.exit_code == 0
    stdout = result.stdout
    assert stdout.index("Field accuracy") < stdout.index("Confidence calibration")
    assert _row(stdout, "[0.00, 0.50)") == ["1", "1", "100.0%"]
    assert _row(stdout, "[0.50, 0.70)") == ["1", "0", "0.0%"]
    assert _row(stdout, "[0.70, 0.90)") == ["0", "0", "–"]
    assert _row(stdout, "[0.90, 1.00]") == ["1", "0", "0.0%"]
    assert _row(stdout, "no confidence") == ["3", "2", "66.7%"]
    # kind: wrong, flagged, recall, right, flagged, false flags
    assert _row(stdout, "short") == ["2", "0", "0.0%", "2", "1", "50.0%"]
    assert _row(stdout, "count") == ["1", "1", "100.0%", "1", "0", "0.0%"]
    assert _row(stdout, "all values") == ["3", "1", "33.3%", "3", "1", "33.3%"]
    per_field = "needs_review per field"
    assert _row(stdout, "betreff", per_field) == ["0% (0/2)", "–"]
    assert _row(stdout, "beratungsergebnis[].ja_stimmen", per_field) == ["100% (1/1)", "0% (0/1)"]
    assert "documents with a wrong value and no needs_review at all: 1 (b)" in stdout
    calibration = json.loads(report_path.read_text(encoding="utf-8"))["calibration"]
    assert calibration["unflagged_documents"] == ["b"]
    assert [(k["name"], k["recall"]) for k in calibration["per_kind"]] == [
        ("short", 0.0), ("count", 1.0)]
