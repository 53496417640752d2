"""Review flags: each rule flags the value it is about, with a reason, and nothing else."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vorlagenparser.model import Beratungsergebnis, Checkbox, PageInfo, Provenance, Source, Vorlage
from vorlagenparser.trust import ReviewSettings, flag_built, flag_for_review


def _prov(method: str = "text", confidence: float = 1.0, raw: str | None = None) -> Provenance:
    return Provenance(page=1, bbox=[10, 10, 50, 20], method=method, confidence=confidence, raw=raw)  # type: ignore[arg-type]


def _vorlage(values: dict[str, Any], provenance: dict[str, Provenance], **more: Any) -> Vorlage:
    source = Source(filename="x.pdf", sha256="0" * 64, page_count=1,
                    pages=[PageInfo(number=1, method="ocr", width=595, height=842)])
    return Vorlage(source=source, provenance=provenance, **values, **more)


def _reasons(v: Vorlage) -> dict[str, str | None]:
    return {p: prov.review_reason for p, prov in v.provenance.items() if prov.needs_review}


def test_a_sure_clean_document_is_not_flagged() -> None:
    v = flag_for_review(_vorlage({"betreff": "Neubau der Grundschule", "datum": dt.date(2023, 3, 1)},
                                 {"betreff": _prov("ocr", 0.93), "datum": _prov()}))
    assert _reasons(v) == {} and not v.needs_review


@pytest.mark.parametrize(("field", "value", "prov", "why"), [
    ("betreff", "Neubau der Grundschule", _prov("ocr", 0.55), "OCR confidence 0.55"),
    ("begruendung", "Ein langer Text.", _prov("ocr", 0.45), "OCR confidence 0.45"),
    ("datum", None, _prov(raw="31.02.2023"), "could not be read"),
    ("datum", dt.date(2023, 1, 1), _prov("metadata"), "metadata"),
    ("federfuehrung", "Amt ä 61", _prov(), "noise"),
    ("federfuehrung", "61 / 2", _prov(), "no letters"),
])
def test_each_rule_flags_its_value(field: str, value: Any, prov: Provenance, why: str) -> None:
    v = flag_for_review(_vorlage({field: value}, {field: prov}))
    assert why in (_reasons(v)[field] or "") and v.needs_review


def test_a_long_text_is_held_to_its_own_threshold() -> None:
    v = flag_for_review(_vorlage({"begruendung": "Ein langer Text."}, {"begruendung": _prov("ocr", 0.6)}))
    assert _reasons(v) == {}  # 0.6 flags a short value, not a long text's least sure line


@pytest.mark.parametrize(("top", "flagged"), [
    ("20", False), ("12a", False), ("3.1", False), ("Ö 9", False), ("TOP 4", False),
    (">0", True), ("|22", True), ("2O", True),
])
def test_agenda_item_numbers_must_look_like_one(top: str, flagged: bool) -> None:
    row = Beratungsergebnis(gremium="Stadtrat", top=top)
    v = flag_for_review(_vorlage({"beratungsergebnis": [row]}, {
        "beratungsergebnis[0].gremium": _prov(), "beratungsergebnis[0].top": _prov()}))
    assert ("beratungsergebnis[0].top" in _reasons(v)) is flagged


def test_both_of_an_exclusive_pair_ticked_flags_both() -> None:
    row = Beratungsergebnis(gremium="Stadtrat", einstimmig=True, mit_stimmenmehrheit=True)
    paths = ["beratungsergebnis[0].gremium", "beratungsergebnis[0].einstimmig",
             "beratungsergebnis[0].mit_stimmenmehrheit"]
    v = flag_for_review(_vorlage({"beratungsergebnis": [row]}, {p: _prov() for p in paths}))
    reasons = _reasons(v)
    assert "both ticked" in (reasons["beratungsergebnis[0].einstimmig"] or "")
    assert "beratungsergebnis[0].mit_stimmenmehrheit" in reasons
    assert "beratungsergebnis[0].gremium" not in reasons


def test_an_unsure_box_flags_itself_and_its_field() -> None:
    box = Checkbox(label="einstimmig", checked=True, page=1, bbox=[10, 10, 20, 20], confidence=0.6,
                   source="raster", field="beratungsergebnis[0].einstimmig")
    row = Beratungsergebnis(gremium="Stadtrat", einstimmig=True)
    v = flag_for_review(_vorlage({"beratungsergebnis": [row]}, {
        "beratungsergebnis[0].gremium": _prov(), "beratungsergebnis[0].einstimmig": _prov()},
        checkboxes=[box]))
    assert v.checkboxes[0].needs_review and "uncertain" in (v.checkboxes[0].review_reason or "")
    assert "its box" in (_reasons(v)["beratungsergebnis[0].einstimmig"] or "")


def test_a_warning_flags_the_document_and_a_correction_is_never_flagged() -> None:
    v = flag_for_review(_vorlage({"betreff": "ä"}, {"betreff": _prov("manual", 1.0)}, warnings=["page 1: …"],
                                 needs_review=True))
    assert _reasons(v) == {} and v.needs_review


@given(st.floats(min_value=0.0, max_value=1.0))
def test_the_short_threshold_is_the_settings(confidence: float) -> None:
    vorlage = _vorlage({"betreff": "Neubau der Grundschule"}, {"betreff": _prov("ocr", confidence)})
    v = flag_for_review(vorlage, ReviewSettings(ocr_short=0.8))
    assert ("betreff" in _reasons(v)) is (confidence < 0.8)


@pytest.mark.parametrize(("gremium", "flagged"), [
    ("Haupt- und Finanzausschuss", False), ("Rat der Stadt", False), ("Bezirksvertretung Mitte", False),
    ("Stadtverordnetenversammlung", False), ("In Vertretung", True), ("(Zutreffendes bitte ankreuzen)", True),
])
def test_a_gremium_must_name_a_body(gremium: str, flagged: bool) -> None:
    row = Beratungsergebnis(gremium=gremium)
    v = flag_for_review(_vorlage({"beratungsergebnis": [row]}, {"beratungsergebnis[0].gremium": _prov()}))
    assert ("beratungsergebnis[0].gremium" in _reasons(v)) is flagged


def test_flagging_a_built_vorlage_in_place_gives_what_the_copy_gives() -> None:
    def build() -> Vorlage:
        row = Beratungsergebnis(gremium="In Vertretung", einstimmig=True, mit_stimmenmehrheit=True)
        boxes = [Checkbox(label="", checked=True, page=1, bbox=[1, 1, 5, 5], confidence=0.9, source="vector"),
                 Checkbox(label="einstimmig", checked=True, page=1, bbox=[1, 9, 5, 13], confidence=0.5,
                          source="vector", field="beratungsergebnis[0].einstimmig")]
        return _vorlage({"betreff": "Amt ä 61", "beratungsergebnis": [row], "checkboxes": boxes},
                        {"betreff": _prov("ocr", 0.5), "beratungsergebnis[0].gremium": _prov(),
                         "beratungsergebnis[0].einstimmig": _prov(), "datum": _prov("manual")})

    copied, original = flag_for_review(build()), build()
    in_place = flag_built(original)
    assert in_place is original and in_place == copied
    assert in_place.model_dump_json() == copied.model_dump_json()
    assert [p.model_fields_set for p in in_place.provenance.values()] == \
        [p.model_fields_set for p in copied.provenance.values()]
    assert [b.model_fields_set for b in in_place.checkboxes] == \
        [b.model_fields_set for b in copied.checkboxes]
    assert in_place.model_fields_set == copied.model_fields_set and copied.needs_review
