"""Layout mechanisms on hand-made pages: labels, headings, sections, boxes (no PDF needed)."""

from __future__ import annotations

from vorlagenparser.checkboxes import detect
from vorlagenparser.geometry import BBox
from vorlagenparser.layout.assemble import assemble
from vorlagenparser.layout.raw import RawVorlage
from vorlagenparser.pagemodel import Page, Word
from vorlagenparser.profiles import load_profile

CHAR = 5.5  # points per character of the made-up monospaced font
LINE = 14.0


def _page(rows: list[tuple[float, str]], bold: frozenset[int] = frozenset()) -> Page:
    """rows: (x of the first character, text); runs of 3+ spaces separate phrases."""
    words = []
    for i, (x, text) in enumerate(rows):
        top = 60 + i * LINE
        col = 0
        for token in text.split(" "):
            if token:
                x0 = x + col * CHAR
                words.append(Word(token, BBox(x0, top, x0 + len(token) * CHAR, top + 10), size=10,
                                  bold=i in bold))
            col += len(token) + 1
    return Page(number=1, width=595, height=842, words=tuple(words))


def _run(page: Page) -> RawVorlage:
    page, marks = detect(page)
    return assemble([page], [list(marks)], load_profile())


def test_labels_right_and_numbered_headings() -> None:
    raw = _run(_page([
        (60, "Beschlussvorlage"),
        (60, "Vorlage-Nr.:      VO/2024/0815"),
        (60, "Federführend:     Amt 61 – Stadtplanung"),
        (60, "Betreff:          Neubau der Grundschule Süd"),
        (60, "1. Beschlussvorschlag"),
        (60, "Der Rat beschließt den Neubau."),
        (60, "2. Begründung"),
        (60, "Die Schule ist zu klein."),
    ]))
    assert raw.fields["vorlagenart"].value == "Beschlussvorlage"
    assert raw.fields["vorlagennummer"].value == "VO/2024/0815"
    assert raw.fields["federfuehrung"].value == "Amt 61 – Stadtplanung"
    assert raw.fields["betreff"].value == "Neubau der Grundschule Süd"
    assert raw.fields["beschlussvorschlag"].value == "Der Rat beschließt den Neubau."
    assert raw.fields["begruendung"].value == "Die Schule ist zu klein."


def test_typed_boxes_tie_to_the_label_after_them() -> None:
    raw = _run(_page([
        (60, "Beratungsergebnis:"),
        (60, "[x] einstimmig     [ ] mit Stimmenmehrheit"),
        (60, "[ ] laut Beschlussvorschlag     [x] abweichender Beschluss"),
    ]))
    (entry,) = raw.beratungsergebnis
    assert entry.values["einstimmig"] is True
    assert entry.values["mit_stimmenmehrheit"] is False
    assert entry.values["laut_beschlussvorschlag"] is False
    assert entry.values["abweichender_beschluss"] is True
    assert {f for _, f in raw.checkboxes} == {
        "beratungsergebnis[0].einstimmig", "beratungsergebnis[0].mit_stimmenmehrheit",
        "beratungsergebnis[0].laut_beschlussvorschlag", "beratungsergebnis[0].abweichender_beschluss"}


# A Drucksache of 1989 in the old spelling, signed at its end.
_SIGNED_DRUCKSACHE = [
    (60.0, "Drucksache Nr. 204/89"),
    (60.0, "Betr.: Bebauungsplan Nr. 12"),
    (60.0, "Beschlußvorschlag:"),
    (60.0, "Der Rat beschließt den Plan."),
    (60.0, "Musterhausen, den 7. Februar 1989"),
    (60.0, "Der Oberstadtdirektor"),
    (60.0, "gez. Dr. Kühn"),
]


def test_old_spelling_and_signature() -> None:
    raw = _run(_page(_SIGNED_DRUCKSACHE))
    assert raw.fields["vorlagennummer"].value == "204/89"
    assert raw.fields["vorlagenart"].value == "Drucksache"
    assert raw.fields["betreff"].value == "Bebauungsplan Nr. 12"
    assert raw.fields["beschlussvorschlag"].value == "Der Rat beschließt den Plan."
    assert str(raw.unterzeichnung["datum"].value) == "1989-02-07"
    assert raw.unterzeichnung["ort"].value == "Musterhausen"
    assert raw.unterzeichnung["name"].value == "Dr. Kühn"


def test_an_attached_letter_does_not_sign_the_vorlage() -> None:
    """A letter's place and date open it (a salutation follows): the signature stays the Vorlage's."""
    raw = _run(_page([
        *_SIGNED_DRUCKSACHE,
        (60, "Anlage 1"),
        (60, "Bezirksregierung Musterstadt"),
        (60, "Musterstadt, 2. Februar 1989"),
        (60, "Förderung nach den Richtlinien"),
        (60, "Sehr geehrte Damen und Herren,"),
        (60, "wir bestätigen den Eingang Ihres Antrags."),
    ]))
    assert str(raw.unterzeichnung["datum"].value) == "1989-02-07"
    assert raw.unterzeichnung["ort"].value == "Musterhausen"
    assert raw.unterzeichnung["name"].value == "Dr. Kühn"


def test_values_below_a_row_of_labels() -> None:
    raw = _run(_page([
        (60, "Vorlage Nr.        Datum              Aktenzeichen"),
        (60, "KT/2023/076        03.10.2023         20.3-39-29"),
    ], bold=frozenset({0})))
    assert raw.fields["vorlagennummer"].value == "KT/2023/076"
    assert str(raw.fields["datum"].value) == "2023-10-03"
    assert raw.fields["aktenzeichen"].value == "20.3-39-29"


def test_session_named_in_a_minutes_title() -> None:
    from vorlagenparser.layout.results import _nominative

    assert _nominative("Bauausschusses") == "Bauausschuss"
    assert _nominative("Gemeinderates") == "Gemeinderat"
    assert _nominative("Ausschusses für Umwelt und Verkehr") == "Ausschuss für Umwelt und Verkehr"
    assert _nominative("Stadtrats") == "Stadtrat"


def test_votes_written_as_a_ratio_after_the_result_heading() -> None:
    raw = _run(_page([
        (60, "Beschlussvorschlag:"),
        (60, "Der Gemeinderat beschließt den Plan."),
        (60, "Abstimmung: 12 : 3"),
    ]))
    (entry,) = raw.beratungsergebnis
    assert (entry.values["ja_stimmen"], entry.values["nein_stimmen"]) == (12, 3)
    assert entry.values["enthaltungen"] is None


def test_headings_wrapped_in_a_label_column_without_bold() -> None:
    """OCR's bold flags miss much: a label column's wrapped pieces are a heading by position."""
    raw = _run(_page([
        (60, "Betreff:          Haushaltssatzung 2025"),
        (60, "Beschluss-        Der Kreistag beschließt die Haushaltssatzung"),
        (60, "vorschlag:        in der Fassung der Anlage 1."),
        (60, "Begründung:       Der Entwurf wurde beraten."),
        (60, "Finanzielle       Siehe Haushaltsplan."),
        (60, "Auswirkun-"),
        (60, "gen:"),
    ]))
    proposal = "Der Kreistag beschließt die Haushaltssatzung in der Fassung der Anlage 1."
    assert raw.fields["beschlussvorschlag"].value == proposal
    assert raw.fields["finanzielle_auswirkungen"].value == "Siehe Haushaltsplan."
    assert raw.fields["begruendung"].value == "Der Entwurf wurde beraten."


def test_beratungsfolge_lines_with_dot_leaders_and_a_misread_role() -> None:
    raw = _run(_page([
        (60, "Betreff: Zuschuss an den Turnverein"),
        (60, "Beratungsfolge:"),
        (60, "Magistrat .....oeeueennneeereeen 30.10.1983 (Vorberatung)"),
        (60, "Stadtverordnetenversammlung ........ 10.11.1983 (Beschlußlassung)"),
        (60, "Begründung:"),
        (60, "Der Verein saniert seine Halle."),
    ]))
    rows = [{k: f.value for k, f in row.leaves.items()} for row in raw.beratungsfolge]
    assert [(r["gremium"], r.get("zustaendigkeit")) for r in rows] == [
        ("Magistrat", "Vorberatung"), ("Stadtverordnetenversammlung", "Entscheidung")]


def test_a_blank_line_between_the_beratungsfolge_heading_and_its_list() -> None:
    raw = _run(_page([
        (60, "Betreff: Entgeltordnung der Stadthalle"),
        (60, "Beratungsfolge:"),
        (60, ""),
        (74, "Magistrat (Vorberatung)                        17.03.1986"),
        (74, "Stadtverordnetenversammlung (Entscheidung)     24.04.1986"),
        (60, ""),
        (60, "Beschlußvorschlag:"),
        (60, "Die Entgeltordnung wird beschlossen."),
    ]))
    gremien = [row.leaves["gremium"].value for row in raw.beratungsfolge]
    assert gremien == ["Magistrat", "Stadtverordnetenversammlung"]


def test_a_question_with_boxes_after_a_section_ends_it_but_not_right_under_its_heading() -> None:
    raw = _run(_page([
        (60, "Betreff: Neubau der Sporthalle"),
        (60, "Finanzielle Auswirkungen:"),
        (60, "Haushaltsmittel erforderlich:   [x] ja   [ ] nein"),
        (60, "Die Kosten sind im Haushalt veranschlagt."),
        (60, "Klimarelevanz:   [x] ja   [ ] nein"),
        (60, "Der Neubau wird als Effizienzgebäude geplant."),
    ]))
    assert raw.fields["finanzielle_auswirkungen"].value == "Die Kosten sind im Haushalt veranschlagt."
