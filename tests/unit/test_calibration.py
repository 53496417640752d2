"""Calibration of confidence and needs_review against the scorer's judgement, on hand-built
outputs whose buckets, recall and false-flag rates are counted by hand below."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from vorlagenparser.evaluate import (
    FIELD_GROUPS,
    Calibration,
    JudgedValue,
    Trust,
    calibrate,
    evaluate,
    field_kind,
    read_provenance,
)
from vorlagenparser.trust import COUNT_KEYS, LONG_FIELDS

BEGRUENDUNG = "Die Stadt bewirbt sich als Modellkommune und trägt den Eigenanteil. " * 3


def box(x: float, checked: bool, **extra: Any) -> dict[str, Any]:
    return {"label": f"box{x}", "checked": checked, "page": 1, "bbox": [x, 10, x + 10, 20],
            "field": None, **extra}


def prov(confidence: float, flagged: bool) -> dict[str, Any]:
    return {"page": 1, "bbox": [0, 0, 10, 10], "method": "ocr", "confidence": confidence,
            "needs_review": flagged, "review_reason": "test" if flagged else None}


TRUTH: dict[str, Any] = {
    "vorlagennummer": "2023/017",
    "aktenzeichen": "32.1",
    "datum": "2023-02-07",
    "betreff": "Modellprojekt",
    "begruendung": BEGRUENDUNG,
    "beratungsergebnis": [{"gremium": "Stadtrat", "einstimmig": True, "ja_stimmen": 12}],
    "checkboxes": [box(10, True), box(100, False)],
}

# path: (value, confidence, flagged); a value without provenance has None as confidence.
OUTPUT_VALUES: dict[str, tuple[Any, float | None, bool]] = {
    "vorlagennummer": ("2023/017", 1.0, False),  # right
    "aktenzeichen": (None, None, False),  # null: states nothing, not judged
    "datum": ("2023-02-08", 0.95, False),  # wrong, not flagged: a miss
    "betreff": ("Anderes Projekt", 0.6, True),  # wrong, flagged
    "begruendung": (BEGRUENDUNG, 0.4, True),  # right, flagged: a false flag
}
ROW: dict[str, tuple[Any, float | None, bool]] = {
    "gremium": ("Stadtrat", None, False),  # right, no provenance
    "einstimmig": (True, 0.75, False),  # right
    "mit_stimmenmehrheit": (False, 0.7, True),  # wrong: the truth prints no such box
    "ja_stimmen": (13, 0.8, True),  # wrong, flagged
}


def output_doc() -> dict[str, Any]:
    doc: dict[str, Any] = {k: v for k, (v, _, _) in OUTPUT_VALUES.items()}
    doc["beratungsergebnis"] = [{k: v for k, (v, _, _) in ROW.items()}]
    provenance = {k: prov(c, f) for k, (v, c, f) in OUTPUT_VALUES.items()
                  if v is not None and c is not None}
    provenance |= {f"beratungsergebnis[0].{k}": prov(c, f) for k, (_, c, f) in ROW.items()
                   if c is not None}
    doc["provenance"] = provenance
    doc["checkboxes"] = [box(10, True, confidence=0.9, needs_review=False),  # right
                         box(100, True, confidence=0.6, needs_review=True),  # wrong, flagged
                         box(300, True, confidence=0.95, needs_review=False)]  # phantom
    doc["needs_review"] = True
    return doc


def write(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.fixture
def calibration(tmp_path: Path) -> Calibration:
    write(tmp_path / "truth" / "a.truth.json", TRUTH)
    write(tmp_path / "out" / "a.json", output_doc())
    write(tmp_path / "truth" / "missing.truth.json", TRUTH)  # no output: no values to judge
    return evaluate(tmp_path / "out", tmp_path / "truth").calibration


def test_every_non_null_value_is_judged_with_its_provenance(calibration: Calibration) -> None:
    judged = {v.path: (v.kind, v.right, v.confidence, v.flagged) for v in calibration.values}
    assert judged == {
        "vorlagennummer": ("short", True, 1.0, False),
        "datum": ("short", False, 0.95, False),
        "betreff": ("short", False, 0.6, True),
        "begruendung": ("long", True, 0.4, True),
        "beratungsergebnis[0].gremium": ("short", True, None, False),
        "beratungsergebnis[0].einstimmig": ("boolean", True, 0.75, False),
        "beratungsergebnis[0].mit_stimmenmehrheit": ("boolean", False, 0.7, True),
        "beratungsergebnis[0].ja_stimmen": ("count", False, 0.8, True),
        "checkboxes[0]": ("checkbox", True, 0.9, False),
        "checkboxes[1]": ("checkbox", False, 0.6, True),
    }
    assert {v.document for v in calibration.values} == {"a"}


def test_confidence_buckets(calibration: Calibration) -> None:
    # [0, .5): begruendung .4 right. [.5, .7): betreff .6, box 1 .6, both wrong.
    # [.7, .9): einstimmig .75 right, mit_stimmenmehrheit .7 wrong, ja_stimmen .8 wrong.
    # [.9, 1]: vorlagennummer 1.0 right, datum .95 wrong, box 0 .9 right. None: gremium right.
    rows = [(b.label, b.total, b.right) for b in calibration.buckets]
    assert rows == [("[0.00, 0.50)", 1, 1), ("[0.50, 0.70)", 2, 0), ("[0.70, 0.90)", 3, 1),
                    ("[0.90, 1.00]", 3, 2), ("no confidence", 1, 1)]
    assert [b.share_right for b in calibration.buckets] == [1.0, 0.0, 1 / 3, 2 / 3, 1.0]


def test_recall_and_false_flags_per_kind(calibration: Calibration) -> None:
    rows = {s.name: (s.wrong, s.wrong_flagged, s.right, s.right_flagged)
            for s in calibration.per_kind}
    assert rows == {"short": (2, 1, 2, 0), "long": (0, 0, 1, 1), "boolean": (1, 1, 1, 0),
                    "count": (1, 1, 0, 0), "checkbox": (1, 1, 1, 0)}
    kinds = {s.name: s for s in calibration.per_kind}
    assert kinds["short"].recall == 0.5 and kinds["short"].false_flag_rate == 0.0
    assert kinds["long"].recall is None and kinds["long"].false_flag_rate == 1.0
    assert kinds["count"].recall == 1.0 and kinds["count"].false_flag_rate is None
    overall = calibration.overall
    assert (overall.wrong, overall.wrong_flagged, overall.right, overall.right_flagged) == (5, 4, 5, 1)
    assert overall.recall == 0.8 and overall.false_flag_rate == 0.2


def test_per_field_rows_follow_the_accuracy_table(calibration: Calibration) -> None:
    assert [s.name for s in calibration.per_field] == [
        "vorlagennummer", "datum", "betreff", "begruendung", "beratungsergebnis[].gremium",
        "beratungsergebnis[].einstimmig", "beratungsergebnis[].mit_stimmenmehrheit",
        "beratungsergebnis[].ja_stimmen", "checkboxes[]"]
    ja = next(s for s in calibration.per_field if s.name == "beratungsergebnis[].ja_stimmen")
    assert (ja.wrong, ja.wrong_flagged, ja.right, ja.right_flagged) == (1, 1, 0, 0)


def test_phantom_boxes_are_counted_apart(calibration: Calibration) -> None:
    assert (calibration.phantoms, calibration.phantoms_flagged) == (1, 0)
    assert "checkboxes[2]" not in {v.path for v in calibration.values}


def test_flagged_document_is_not_listed_as_unflagged(calibration: Calibration) -> None:
    assert calibration.unflagged_documents == []


def judged(document: str, right: bool, flagged: bool = False) -> JudgedValue:
    return JudgedValue(document, "betreff", "betreff", "short", right, 0.9, flagged)


def test_unflagged_documents_have_a_wrong_value_and_no_document_flag() -> None:
    values = [judged("wrong-unflagged", False), judged("wrong-flagged-doc", False),
              judged("right-unflagged", True), judged("wrong-value-flagged", False, True)]
    result = calibrate(values, flagged_documents=["wrong-flagged-doc"])
    # The output's own document flag counts, not the value's: "wrong-value-flagged" claims no
    # review at document level although one of its values is flagged.
    assert result.unflagged_documents == ["wrong-unflagged", "wrong-value-flagged"]


def test_json_carries_the_calibration(calibration: Calibration) -> None:
    data = calibration.to_dict()
    assert json.loads(json.dumps(data)) == data
    short = next(k for k in data["per_kind"] if k["name"] == "short")
    assert (short["recall"], short["false_flag_rate"]) == (0.5, 0.0)
    ja = next(f for f in data["per_field"] if f["name"] == "beratungsergebnis[].ja_stimmen")
    assert ja["kind"] == "count"
    assert data["buckets"][-1] == {"bucket": "no confidence", "low": None, "high": None,
                                   "total": 1, "right": 1, "share_right": 1.0}
    assert (data["phantom_checkboxes"], data["phantom_checkboxes_flagged"]) == (1, 0)


@pytest.mark.parametrize(("field", "kind"), [
    ("vorlagennummer", "short"), ("datum", "short"), ("betreff", "short"),
    ("beschlussvorschlag", "long"), ("finanzielle_auswirkungen", "long"),
    ("beratungsfolge[].zustaendigkeit", "short"), ("beratungsfolge[].oeffentlich", "boolean"),
    ("beratungsergebnis[].sitzung_am", "short"), ("beratungsergebnis[].kenntnisnahme", "boolean"),
    ("beratungsergebnis[].enthaltungen", "count"), ("beratungsergebnis[2].ja_stimmen", "count"),
    ("unterzeichnung.name", "short"), ("anlagen[]", "short"), ("checkboxes[]", "checkbox"),
])
def test_field_kinds_come_from_the_contract(field: str, kind: str) -> None:
    assert field_kind(field) == kind


def test_kinds_agree_with_the_review_thresholds() -> None:
    """The scorer reads the kinds from the model; trust picks its OCR thresholds by name."""
    assert {g for g in FIELD_GROUPS if field_kind(g) == "count"} == {
        f"beratungsergebnis[].{k}" for k in COUNT_KEYS}
    assert {g for g in FIELD_GROUPS if field_kind(g) == "long"} == set(LONG_FIELDS)


def test_malformed_provenance_counts_as_unknown() -> None:
    output = {"provenance": {"betreff": {"confidence": "high", "needs_review": "yes"},
                             "datum": "not an entry",
                             "vorlagenart": {"confidence": True, "needs_review": True},
                             "hinweis": {"confidence": 0.5}}}
    assert read_provenance(output) == {"betreff": Trust(None, False),
                                       "vorlagenart": Trust(None, True),
                                       "hinweis": Trust(0.5, False)}
    assert read_provenance({"provenance": []}) == {}
