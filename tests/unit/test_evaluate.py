from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vorlagenparser.errors import VorlagenparserError
from vorlagenparser.evaluate import (
    MISSING,
    PlacedBox,
    evaluate,
    label_key,
    levenshtein,
    match_boxes,
    normalise_text,
    pair_boxes,
    same_value,
    score_checkboxes,
    text_similarity,
)

BEGRUENDUNG = ("Das Projekt begleitet zehn Modellkommunen darin, Führungskräfte und Mitarbeitende "
               "der Verwaltung gegen Rassismus und Hass zu stärken. ") * 3


def box(page: int, x: float, y: float, checked: bool, size: float = 10.0) -> dict[str, Any]:
    return {"label": f"box@{x},{y}", "checked": checked, "page": page,
            "bbox": [x, y, x + size, y + size], "field": None}


def truth_doc() -> dict[str, Any]:
    return {
        "sample": {"layout": "frankenthal", "note": "ignored by the scorer"},
        "vorlagenart": "Beschlussvorlage",
        "vorlagennummer": "2023/017",
        "aktenzeichen": "Die Grünen",
        "datum": "2023-02-07",
        "federfuehrung": None,
        "hinweis": None,
        "betreff": "Teilnahme am Modellprojekt „Kommunale Allianz“",
        "beratungsfolge": [{"gremium": "Stadtrat", "sitzung_am": "2023-02-14", "top": "3",
                            "zustaendigkeit": "Entscheidung", "oeffentlich": True}],
        "beschlussvorschlag": "Die Stadt bewirbt sich als Modellkommune.",
        "begruendung": BEGRUENDUNG,
        "finanzielle_auswirkungen": None,
        "beratungsergebnis": [{"gremium": "Stadtrat", "einstimmig": True, "ja_stimmen": 12}],
        "unterzeichnung": {"ort": "Frankenthal", "datum": "2023-02-07",
                           "name": "Ute Hatzfeld-Baumann"},
        "anlagen": ["Projektvorstellung"],
        "checkboxes": [box(1, 100, 100, True), box(1, 200, 100, False), box(1, 300, 100, True),
                       box(2, 100, 100, False)],
    }


def output_doc() -> dict[str, Any]:
    """A perfect output in the shape the extractor writes (extra run keys included)."""
    doc = {k: v for k, v in truth_doc().items() if k != "sample"}
    doc["schema_version"] = "1.0"
    doc["warnings"] = []
    doc["betreff"] = "Teilnahme am  Modellprojekt \"Kommunale Allianz\" "  # typography differs
    doc["checkboxes"] = [{**b, "confidence": 0.9, "source": "vector"} for b in doc["checkboxes"]]
    return doc


def write(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.fixture
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    truth, out = tmp_path / "samples", tmp_path / "out"
    write(truth / "frankenthal" / "a.truth.json", truth_doc())
    out.mkdir()
    return out, truth


def test_perfect_output_scores_everything_correct(dirs: tuple[Path, Path]) -> None:
    out, truth = dirs
    write(out / "a.json", output_doc())
    report = evaluate(out, truth)
    assert report.field_accuracy == 1.0
    assert report.checkboxes.accuracy == 1.0
    assert report.mean_long_text_similarity == 1.0
    [document] = report.documents
    assert document.name == "frankenthal/a"
    assert document.mismatches == []


def test_field_counts_follow_the_model(dirs: tuple[Path, Path]) -> None:
    out, truth = dirs
    write(out / "a.json", output_doc())
    report = evaluate(out, truth)
    # 7 scalars + 3 long texts + 5 beratungsfolge keys + 14 beratungsergebnis keys
    # + 3 unterzeichnung keys + 1 Anlage
    assert report.fields_total == 7 + 3 + 5 + 14 + 3 + 1
    groups = [s.group for s in report.per_field]
    assert groups[:3] == ["vorlagenart", "vorlagennummer", "aktenzeichen"]
    assert groups[-1] == "anlagen[]"
    assert "beratungsergebnis[].ja_stimmen" in groups


def test_wrong_field_is_listed_with_expected_and_got(dirs: tuple[Path, Path]) -> None:
    out, truth = dirs
    doc = output_doc()
    doc["beratungsergebnis"][0]["ja_stimmen"] = 11
    doc["datum"] = "2023-02-08"
    write(out / "a.json", doc)
    report = evaluate(out, truth)
    wrong = {m.path: (m.expected, m.got) for m in report.documents[0].mismatches}
    assert wrong == {"beratungsergebnis[0].ja_stimmen": (12, 11),
                     "datum": ("2023-02-07", "2023-02-08")}
    assert report.fields_correct == report.fields_total - 2
    stats = {s.group: s for s in report.per_field}
    assert stats["datum"].accuracy == 0.0


def test_checkbox_false_positive_and_false_negative(dirs: tuple[Path, Path]) -> None:
    out, truth = dirs
    doc = output_doc()
    doc["checkboxes"][0]["checked"] = False  # truth ticked → FN
    doc["checkboxes"][1]["checked"] = True  # truth empty → FP
    doc["checkboxes"][2]["bbox"] = [302, 101, 312, 111]  # moved 2 pt: still the same box
    write(out / "a.json", doc)
    boxes = evaluate(out, truth).checkboxes
    assert (boxes.total, boxes.correct) == (4, 2)
    assert (boxes.false_positives, boxes.false_negatives) == (1, 1)
    assert (boxes.missed, boxes.phantoms) == (0, 0)
    assert boxes.accuracy == 0.5


def test_checkbox_missed_and_phantom_are_counted_apart_from_state(
        dirs: tuple[Path, Path]) -> None:
    out, truth = dirs
    doc = output_doc()
    del doc["checkboxes"][0]  # a ticked truth box without output: missed, not a false negative
    doc["checkboxes"].append(box(1, 400, 400, True))  # nothing in the truth there: a phantom
    doc["checkboxes"][-2]["page"] = 3  # page 2's box reported on page 3: missed + phantom
    write(out / "a.json", doc)
    report = evaluate(out, truth)
    boxes = report.checkboxes
    assert (boxes.total, boxes.found, boxes.correct) == (4, 2, 2)
    assert (boxes.missed, boxes.phantoms) == (2, 2)
    assert (boxes.false_negatives, boxes.false_positives) == (0, 0)
    assert boxes.accuracy == 0.5  # a missed box is not a right one
    assert (boxes.label_accuracy, boxes.field_accuracy) == (1.0, 1.0)  # of the two found
    kinds = sorted(i.kind for i in report.documents[0].checkbox_issues)
    assert kinds == ["missed", "missed", "phantom", "phantom"]


def tied(label: str, field: str | None, checked: bool = True, x: float = 100) -> PlacedBox:
    return PlacedBox(1, (x, 100, x + 10, 110), checked, label, field)


def test_box_tied_to_the_wrong_label_and_field_is_scored_apart_from_its_state() -> None:
    truth = [tied("Einstimmig", "beratungsergebnis[0].einstimmig"),
             tied("Mit Stimmenmehrheit", "beratungsergebnis[0].mit_stimmenmehrheit", False, 200),
             tied("vertagt", None, False, 300)]
    got = [tied("Einstimmig", "beratungsergebnis[0].einstimmig", False),  # state wrong only
           tied("Stimmenmehrheit", "beratungsergebnis[0].mit_stimmenmehrheit", False, 201),
           tied("Ja", "beratungsergebnis[0].oeffentlich", False, 299)]  # tied to a neighbour
    score, issues = score_checkboxes(truth, got)
    assert (score.total, score.found, score.correct, score.false_negatives) == (3, 3, 2, 1)
    assert (score.labels_correct, score.fields_correct) == (1, 2)
    assert score.label_accuracy == pytest.approx(1 / 3)
    assert score.field_accuracy == pytest.approx(2 / 3)
    assert [(i.kind, i.label, i.expected, i.got) for i in issues] == [
        ("false_negative", "Einstimmig", True, False),
        ("wrong_label", "Mit Stimmenmehrheit", "Mit Stimmenmehrheit", "Stimmenmehrheit"),
        ("wrong_label", "vertagt", "vertagt", "Ja"),
        ("wrong_field", "vertagt", None, "beratungsergebnis[0].oeffentlich"),
    ]


def test_box_results_name_each_truth_box_in_order() -> None:
    truth = [tied("a", None), tied("b", "x", x=200)]
    scoring = pair_boxes(truth, [tied("b", None, x=200), tied("c", None, x=500)])
    first, second = scoring.boxes
    assert first.output is None and not first.label_correct and not first.state_correct
    assert second.state_correct and second.label_correct and not second.field_correct
    assert scoring.phantoms == (tied("c", None, x=500),)
    assert pair_boxes(truth, None).score.missed == 2


@pytest.mark.parametrize(("printed", "read", "same"), [
    ("lt. Beschl.-Vorschl.", "lt. Beschl.- Vorschl.", True),  # hyphenated across lines
    ("Kenntnis genommen", "Kennt- nis genom- men", True),
    ("Mit Stimmenmehrheit", "mit\nStimmenmehrheit", True),
    ("Öffentlich", "öffentlich:", True),
    ("abweichender Beschluss (siehe Anlage)", "abweichender Beschluss", True),
    ("mit Änderungen (s. Niederschrift)", "mit Änderungen", True),
    ("Mit Stimmenmehrheit", "Stimmenmehrheit", False),  # half a wrapped label
    ("lt. Vorlage", "It. Vorlage", False),
    ("öffentlich", "nichtöffentlich", False),
    ("vertagt", "", False),
])
def test_label_key(printed: str, read: str, same: bool) -> None:
    assert (label_key(printed) == label_key(read)) is same


def test_checkbox_tie_figures_are_in_the_json_report(dirs: tuple[Path, Path]) -> None:
    out, truth = dirs
    doc = output_doc()
    doc["checkboxes"][1]["label"] = "Nein"
    doc["checkboxes"][1]["field"] = "beratungsergebnis[0].einstimmig"
    write(out / "a.json", doc)
    data = json.loads(json.dumps(evaluate(out, truth).to_dict()))
    assert data["checkboxes"]["labels_correct"] == 3
    assert data["checkboxes"]["fields_correct"] == 3
    assert data["checkboxes"]["label_accuracy"] == 0.75
    issues = data["per_document"][0]["checkbox_issues"]
    assert [(i["kind"], i["expected"], i["got"]) for i in issues] == [
        ("wrong_label", "box@200,100", "Nein"),
        ("wrong_field", None, "beratungsergebnis[0].einstimmig")]


def test_missing_output_counts_every_field_wrong(dirs: tuple[Path, Path]) -> None:
    out, truth = dirs
    report = evaluate(out, truth)
    [document] = report.documents
    assert document.output is None
    assert document.note == "no output file"
    assert report.fields_correct == 0
    assert report.fields_total == 33
    assert all(f.got is MISSING for f in document.fields)
    boxes = report.checkboxes
    assert (boxes.correct, boxes.missed, boxes.false_negatives) == (0, 4, 0)
    assert report.mean_long_text_similarity == 0.0
    assert report.to_dict()["missing_outputs"] == 1


def test_unreadable_output_counts_as_missing(dirs: tuple[Path, Path]) -> None:
    out, truth = dirs
    (out / "a.json").write_text("{not json", encoding="utf-8")
    report = evaluate(out, truth)
    note = report.documents[0].note
    assert note is not None and note.startswith("output is not readable JSON")
    assert report.fields_correct == 0


def test_extra_and_missing_rows_count_wrong(dirs: tuple[Path, Path]) -> None:
    out, truth = dirs
    doc = output_doc()
    doc["beratungsfolge"].append({"gremium": "Hauptausschuss"})
    doc["anlagen"] = []
    write(out / "a.json", doc)
    report = evaluate(out, truth)
    wrong = {m.path: (m.expected, m.got) for m in report.documents[0].mismatches}
    assert wrong["beratungsfolge[1].gremium"] == (MISSING, "Hauptausschuss")
    assert wrong["beratungsfolge[1].top"] == (MISSING, None)
    assert wrong["anlagen[0]"] == ("Projektvorstellung", MISSING)
    assert len(wrong) == 5 + 1


def test_long_text_counts_correct_above_the_threshold(dirs: tuple[Path, Path]) -> None:
    out, truth = dirs
    doc = output_doc()
    doc["begruendung"] = BEGRUENDUNG.replace("Rassismus", "Rassisnus", 1)  # one OCR slip
    doc["beschlussvorschlag"] = "Die Stadt bewirbt sich."
    write(out / "a.json", doc)
    report = evaluate(out, truth)
    results = {f.path: f for f in report.documents[0].fields}
    assert results["begruendung"].correct
    assert results["begruendung"].similarity == pytest.approx(1 - 1 / len(BEGRUENDUNG.strip()))
    assert not results["beschlussvorschlag"].correct
    # finanzielle_auswirkungen is empty on both sides and does not enter the mean
    assert len(report.long_text_similarities) == 2


def test_output_in_mirrored_subfolder_wins(dirs: tuple[Path, Path]) -> None:
    out, truth = dirs
    write(out / "frankenthal" / "a.json", output_doc())
    write(out / "other" / "a.json", {})
    report = evaluate(out, truth)
    assert report.documents[0].output == out / "frankenthal" / "a.json"
    assert report.field_accuracy == 1.0


def test_ambiguous_outputs_raise(dirs: tuple[Path, Path]) -> None:
    out, truth = dirs
    write(out / "x" / "a.json", output_doc())
    write(out / "y" / "a.json", output_doc())
    with pytest.raises(VorlagenparserError, match=r"2 outputs could belong to a\.json"):
        evaluate(out, truth)


def test_truth_with_unknown_key_fails_loudly(dirs: tuple[Path, Path]) -> None:
    out, truth = dirs
    write(truth / "b.truth.json", {**truth_doc(), "betref": "typo",
                                   "beratungsfolge": [{"gremum": "Rat"}]})
    with pytest.raises(VorlagenparserError, match=r"unknown key 'betref'.*beratungsfolge\[0\]"):
        evaluate(out, truth)


def test_no_truth_files_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(VorlagenparserError, match=r"no \*\.truth\.json files"):
        evaluate(tmp_path, tmp_path)


def test_report_is_json_serialisable(dirs: tuple[Path, Path]) -> None:
    out, truth = dirs
    report = evaluate(out, truth)
    data = json.loads(json.dumps(report.to_dict()))
    assert data["per_document"][0]["mismatches"][0]["got"] == "<missing>"
    assert data["checkboxes"]["missed"] == 4


@pytest.mark.parametrize(("a", "b", "same"), [
    ("  Die   Stadt\n", "Die Stadt", True),
    ("„Allianz“", '"Allianz"', True),
    ("2023–2025", "2023-2025", True),
    ("", None, True),
    (True, 1, False),
    (12, 12, True),
    (None, MISSING, False),
])
def test_same_value(a: object, b: object, same: bool) -> None:
    assert same_value(a, b) is same


def test_normalise_text_folds_ligatures_and_soft_hyphens() -> None:
    assert normalise_text("Ver\u00adöffentlichung ﬁnal") == "Veröffentlichung final"


def edit_distance_table(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


@given(st.text(alphabet="abcä ", max_size=40), st.text(alphabet="abcä ", max_size=40))
def test_levenshtein_equals_the_textbook_table(a: str, b: str) -> None:
    assert levenshtein(a, b) == edit_distance_table(a, b)


@given(st.text(max_size=200), st.text(max_size=200))
def test_similarity_is_bounded(a: str, b: str) -> None:
    assert 0.0 <= text_similarity(a, b) <= 1.0
    assert text_similarity(a, a) == 1.0


def test_levenshtein_is_fast_on_long_texts() -> None:
    long_text = BEGRUENDUNG * 20  # about 8000 characters
    assert levenshtein(long_text, long_text[::-1][:7000]) > 0


def test_greedy_matching_prefers_the_nearest_box() -> None:
    truth = [PlacedBox(1, (100, 100, 110, 110), True, "a"), PlacedBox(1, (112, 100, 122, 110),
                                                                       False, "b")]
    got = [PlacedBox(1, (111, 100, 121, 110), False, "b"), PlacedBox(1, (101, 100, 111, 110),
                                                                     True, "a")]
    assert match_boxes(truth, got) == {0: 1, 1: 0}
    score, issues = score_checkboxes(truth, got)
    assert score.correct == 2 and issues == []


def test_large_box_tolerance_is_half_its_size() -> None:
    truth = [PlacedBox(1, (0, 0, 40, 40), True, "big")]
    assert match_boxes(truth, [PlacedBox(1, (19, 0, 59, 40), True, "")]) == {0: 0}
    assert match_boxes(truth, [PlacedBox(1, (21, 0, 61, 40), True, "")]) == {}


def test_absent_keys_in_a_present_output_mean_null(dirs: tuple[Path, Path]) -> None:
    # Regression: an output without "unterzeichnung" was scored as if the whole file were missing.
    out, truth = dirs
    write(truth / "frankenthal" / "a.truth.json", {"betreff": "A"})
    write(out / "a.json", {"betreff": "A"})
    report = evaluate(out, truth)
    assert report.documents[0].mismatches == []
    assert report.fields_total == 13
