"""Value paths, typed values, and applying (or re-applying) a person's edits to a document."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vorlagenparser.corrections import (
    BoxRef,
    Edit,
    apply_edit,
    field_type,
    leaves,
    parse_input,
    parse_path,
    reapply,
)
from vorlagenparser.corrections.paths import format_path
from vorlagenparser.errors import CorrectionError
from vorlagenparser.model import Checkbox, Vorlage

from .conftest import small_vorlage

T0 = dt.datetime(2025, 3, 4, 9, 0, tzinfo=dt.UTC)
SHA = "a" * 64


def edit(path: str, action: str = "corrected", new: object = None, **kw: object) -> Edit:
    return Edit(SHA, path, action, new, kw.pop("time", T0), **kw)  # type: ignore[arg-type]


# -- paths and typed values ----------------------------------------------------------------------

names = st.from_regex(r"[a-z_]{1,12}", fullmatch=True)
paths = st.lists(st.tuples(names, st.one_of(st.none(), st.integers(0, 999))), min_size=1, max_size=4)


@given(paths)
def test_a_path_reads_back_as_written(parts: list[tuple[str, int | None]]) -> None:
    text = ".".join(name + (f"[{index}]" if index is not None else "") for name, index in parts)
    assert format_path(parse_path(text)) == text


@given(st.text(max_size=30))
def test_any_text_is_a_path_or_a_correction_error(text: str) -> None:
    with contextlib.suppress(CorrectionError):
        parse_path(text)


@pytest.mark.parametrize(("path", "kind", "required"), [
    ("betreff", "longtext", False), ("vorlagennummer", "text", False), ("datum", "date", False),
    ("beratungsfolge[3].gremium", "text", True),
    ("beratungsfolge[0].zustaendigkeit", "choice", False),
    ("beratungsergebnis[1].ja_stimmen", "count", False), ("beratungsergebnis[0].einstimmig", "bool", False),
    ("unterzeichnung.datum", "date", False), ("anlagen[2]", "text", True),
    ("checkboxes[4]", "checkbox", True),
])
def test_field_types_come_from_the_model(path: str, kind: str, required: bool) -> None:
    ftype = field_type(path)
    assert (ftype.kind, ftype.required) == (kind, required)


@pytest.mark.parametrize("path", ["source", "source.sha256", "provenance", "warnings", "beratungsfolge",
                                  "beratungsfolge[0]", "betreff[0]", "unterzeichnung", "nope",
                                  "checkboxes", "checkboxes[0].label", "Betreff", "a..b", ""])
def test_paths_that_name_no_single_value_are_refused(path: str) -> None:
    with pytest.raises(CorrectionError):
        field_type(path)


@pytest.mark.parametrize(("path", "typed", "value"), [
    ("datum", "08.09.2023", "2023-09-08"), ("datum", "2023-09-08", "2023-09-08"),
    ("datum", "8. September 2023", "2023-09-08"), ("datum", "  ", None),
    ("beratungsergebnis[0].ja_stimmen", "0", 0), ("beratungsergebnis[0].ja_stimmen", " 31 ", 31),
    ("beratungsergebnis[0].einstimmig", "false", False), ("beratungsergebnis[0].einstimmig", "", None),
    ("beratungsfolge[0].zustaendigkeit", "Entscheidung", "Entscheidung"),
    ("betreff", "  Neuer Betreff  ", "Neuer Betreff"),
])
def test_typed_values_become_field_values(path: str, typed: str, value: object) -> None:
    assert parse_input(field_type(path), typed) == value


@pytest.mark.parametrize(("path", "typed", "message"), [
    ("datum", "31.02.2023", "not a date"), ("datum", "gestern", "not a date"),
    ("beratungsergebnis[0].ja_stimmen", "-3", "not a count"),
    ("beratungsergebnis[0].ja_stimmen", "2,5", "not a count"),
    ("beratungsergebnis[0].ja_stimmen", "²", "not a count"),
    ("beratungsergebnis[0].einstimmig", "vielleicht", "neither true nor false"),
    ("beratungsfolge[0].zustaendigkeit", "Beratung", "none of"),
    ("beratungsfolge[0].gremium", "", "cannot be empty"), ("anlagen[0]", " ", "cannot be empty"),
])
def test_values_that_do_not_fit_are_refused(path: str, typed: str, message: str) -> None:
    with pytest.raises(CorrectionError, match=message):
        parse_input(field_type(path), typed)


@given(st.integers(0, 10_000))
def test_every_count_reads_back(count: int) -> None:
    assert parse_input(field_type("beratungsergebnis[0].nein_stimmen"), str(count)) == count


@given(st.text(max_size=20))
def test_typed_dates_are_dates_or_refused(text: str) -> None:
    try:
        value = parse_input(field_type("datum"), text)
    except CorrectionError:
        return
    assert value is None or dt.date.fromisoformat(str(value))


def test_leaves_list_every_value_in_document_order() -> None:
    found = [leaf.path for leaf in leaves(small_vorlage())]
    assert found[:3] == ["vorlagenart", "vorlagennummer", "aktenzeichen"]
    assert "beratungsfolge[0].gremium" in found and "beratungsergebnis[0].stellungnahme_beigefuegt" in found
    assert found.index("beratungsfolge[0].oeffentlich") < found.index("beschlussvorschlag")
    assert found[-4:] == ["unterzeichnung.ort", "unterzeichnung.datum", "unterzeichnung.name", "anlagen[0]"]
    assert not any(p.startswith(("source", "checkboxes", "provenance")) for p in found)


# -- applying edits -----------------------------------------------------------------------------

def test_a_correction_sets_the_value_and_marks_it_manual() -> None:
    flagged = _flag(small_vorlage(), "datum")
    done, applied = apply_edit(flagged, edit("datum", new="2024-03-02"))
    assert done.datum == dt.date(2024, 3, 2)
    prov = done.provenance["datum"]
    assert (prov.method, prov.needs_review, prov.confidence) == ("manual", False, 1.0)
    assert prov.bbox == flagged.provenance["datum"].bbox  # still shown where it is printed
    assert [(c.path, c.action, c.old, c.new) for c in done.corrections] == [
        ("datum", "corrected", "2024-03-01", "2024-03-02")]
    assert (applied.old, applied.new) == ("2024-03-01", "2024-03-02")
    assert flagged.datum == dt.date(2024, 3, 1)  # the document given is not changed


def test_a_second_correction_keeps_the_extractors_value() -> None:
    first, _ = apply_edit(small_vorlage(), edit("betreff", new="Erster Versuch"))
    second, applied = apply_edit(first, edit("betreff", new="Zweiter Versuch"))
    assert second.betreff == "Zweiter Versuch"
    assert [(c.old, c.new) for c in second.corrections] == [("Bebauungsplan Nr. 17", "Zweiter Versuch")]
    assert applied.old == "Bebauungsplan Nr. 17"


def test_accepting_keeps_the_value_and_clears_the_flag() -> None:
    flagged = _flag(small_vorlage(), "betreff", "beratungsergebnis[0].ja_stimmen")
    assert flagged.needs_review
    once, applied = apply_edit(flagged, edit("betreff", "accepted"))
    assert once.betreff == flagged.betreff and applied.new == flagged.betreff
    assert once.provenance["betreff"].method == "manual"
    assert once.needs_review  # ja_stimmen is still flagged
    twice, _ = apply_edit(once, edit("beratungsergebnis[0].ja_stimmen", "accepted"))
    assert not twice.needs_review
    assert [c.action for c in twice.corrections] == ["accepted", "accepted"]


def test_a_warning_keeps_the_document_flagged() -> None:
    flagged = _flag(small_vorlage(), "betreff").model_copy(update={"warnings": ["anlagen: unreadable"]})
    done, _ = apply_edit(flagged, edit("betreff", "accepted"))
    assert done.needs_review and not done.provenance["betreff"].needs_review


def test_a_value_filled_in_gets_manual_provenance_and_an_emptied_one_loses_it() -> None:
    filled, _ = apply_edit(small_vorlage(), edit("beratungsergebnis[0].nein_stimmen", new=3))
    prov = filled.provenance["beratungsergebnis[0].nein_stimmen"]
    assert (prov.method, prov.page, prov.bbox) == ("manual", 1, None)
    emptied, _ = apply_edit(filled, edit("betreff", new=None))
    assert emptied.betreff is None and "betreff" not in emptied.provenance
    assert emptied.corrections[-1].old == "Bebauungsplan Nr. 17"


def test_toggling_a_box_sets_the_field_it_was_mapped_to() -> None:
    flagged = small_vorlage().model_copy(update={"checkboxes": [
        small_vorlage().checkboxes[0].model_copy(update={"needs_review": True}),
        small_vorlage().checkboxes[1]], "needs_review": True})
    done, applied = apply_edit(flagged, edit("checkboxes[0]", "toggled", new=False))
    assert done.checkboxes[0].checked is False and not done.checkboxes[0].needs_review
    assert done.beratungsergebnis[0].einstimmig is False
    assert done.provenance["beratungsergebnis[0].einstimmig"].method == "manual"
    assert {(c.path, c.old, c.new) for c in done.corrections} == {
        ("checkboxes[0]", True, False), ("beratungsergebnis[0].einstimmig", True, False)}
    assert applied.box == BoxRef(1, (100.0, 500.0, 110.0, 510.0), "einstimmig")
    assert not done.needs_review


def test_correcting_a_field_ticks_its_box_too() -> None:
    done, _ = apply_edit(small_vorlage(), edit("beratungsergebnis[0].einstimmig", new=False))
    assert done.checkboxes[0].checked is False
    unmapped, _ = apply_edit(small_vorlage(), edit("checkboxes[1]", "toggled", new=True))
    assert unmapped.checkboxes[1].checked and unmapped.beratungsergebnis[0].einstimmig is True


@pytest.mark.parametrize(("path", "new", "message"), [
    ("beratungsergebnis[3].ja_stimmen", 4, "no value at"),
    ("anlagen[1]", "Plan", "no value at"),
    ("checkboxes[9]", True, "no value at"),
    ("beratungsergebnis[0].ja_stimmen", 10_001, "less than or equal"),
    ("provenance", {}, "no extracted value"),
])
def test_impossible_edits_are_refused(path: str, new: object, message: str) -> None:
    with pytest.raises(CorrectionError, match=message):
        apply_edit(small_vorlage(), edit(path, new=new))


def test_a_whole_rows_provenance_can_be_accepted() -> None:
    vorlage = small_vorlage()
    row = vorlage.provenance["betreff"].model_copy(update={"needs_review": True})
    flagged = vorlage.model_copy(update={"provenance": {**vorlage.provenance, "beratungsergebnis[0]": row},
                                         "needs_review": True})
    done, _ = apply_edit(flagged, edit("beratungsergebnis[0]", "accepted"))
    assert not done.needs_review and done.provenance["beratungsergebnis[0]"].method == "manual"
    with pytest.raises(CorrectionError):
        apply_edit(flagged, edit("beratungsergebnis[0]", new={}))


def test_edits_survive_a_new_extraction() -> None:
    first = small_vorlage()
    log = []
    doc = first
    for step in (edit("betreff", new="Korrigiert"), edit("checkboxes[1]", "toggled", new=True),
                 edit("betreff", new="Nochmals korrigiert")):
        doc, applied = apply_edit(doc, step)
        log.append(applied)
    # The new extraction finds one more box, before the others: indices shift.
    extra = Checkbox(label="öffentlich", checked=False, page=1, bbox=[50.0, 400.0, 60.0, 410.0],
                     confidence=1.0, source="vector")
    again = small_vorlage(betreff="Bebauungsplan Nr 17", checkboxes=[extra, *first.checkboxes])
    redone = reapply(again, log)
    assert redone.betreff == "Nochmals korrigiert"
    assert redone.checkboxes[2].checked and redone.checkboxes[2].label == "vertagt"
    assert {c.path: c.old for c in redone.corrections} == {"betreff": "Bebauungsplan Nr 17",
                                                           "checkboxes[2]": False}
    assert redone == reapply(redone, log).model_copy(update={"corrections": redone.corrections})


def test_an_edit_that_no_longer_fits_becomes_a_warning() -> None:
    stale = [edit("beratungsergebnis[2].top", new="7"),
             edit("checkboxes[0]", "toggled", new=True, box=BoxRef(2, (1.0, 1.0, 5.0, 5.0), "ja"))]
    redone = reapply(small_vorlage(), stale)
    assert redone.needs_review
    assert [w.split(":")[0] for w in redone.warnings] == ["beratungsergebnis[2].top", "checkboxes[0]"]
    assert "could not be applied again" in redone.warnings[0]


def test_edits_read_back_from_their_json_form() -> None:
    _, applied = apply_edit(small_vorlage(), edit("checkboxes[0]", "toggled", new=False))
    assert Edit.from_json(applied.to_json()) == applied
    with pytest.raises(ValueError, match="unknown action"):
        Edit.from_json({**applied.to_json(), "action": "deleted"})
    with pytest.raises(ValueError):
        Edit.from_json({**applied.to_json(), "box": {"page": 1, "bbox": [1, 2, 3], "label": "x"}})


def _flag(vorlage: Vorlage, *paths: str) -> Vorlage:
    provenance = {k: p.model_copy(update={"needs_review": k in paths}) for k, p in vorlage.provenance.items()}
    return vorlage.model_copy(update={"provenance": provenance, "needs_review": True})
