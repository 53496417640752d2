"""A complete sample document and records built from it."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable

import pytest

from vorlagenparser.model import (
    Beratungsergebnis,
    BeratungsfolgeEintrag,
    Checkbox,
    PageInfo,
    Source,
    Vorlage,
)
from vorlagenparser.writers import Record, SourceFile

MakeRecord = Callable[..., Record]


def sample_vorlage(sha256: str, betreff: str) -> Vorlage:
    return Vorlage(
        source=Source(filename="BV-17-2024.pdf", sha256=sha256, page_count=1,
                      pages=[PageInfo(number=1, method="text", width=595.0, height=842.0)],
                      profile="default", extractor_version="0.1.0"),
        vorlagenart="Beschlussvorlage", vorlagennummer="BV/17/2024", datum=dt.date(2024, 3, 14),
        federfuehrung="Amt für Stadtplanung und Umwelt", betreff=betreff,
        beschlussvorschlag="Der Stadtrat beschließt die Aufstellung des Bebauungsplans.",
        begruendung="Die Fläche am Mühlbach soll für Wohnungsbau entwickelt werden.",
        beratungsfolge=[
            BeratungsfolgeEintrag(gremium="Bauausschuss", sitzung_am=dt.date(2024, 4, 2),
                                  zustaendigkeit="Vorberatung", oeffentlich=True),
            BeratungsfolgeEintrag(gremium="Stadtrat", zustaendigkeit="Entscheidung"),
            BeratungsfolgeEintrag(gremium="Ortsbeirat Süd"),
        ],
        beratungsergebnis=[Beratungsergebnis(gremium="Stadtrat", ja_stimmen=30, nein_stimmen=8,
                                              enthaltungen=2, mit_stimmenmehrheit=True)],
        anlagen=["Lageplan"],
        checkboxes=[Checkbox(label="einstimmig", checked=False, page=1,
                             bbox=[50.0, 700.0, 60.0, 710.0], confidence=0.9, source="vector")],
    )


@pytest.fixture
def make_record() -> MakeRecord:
    def make(key: str = "a", betreff: str = "Bebauungsplan Nr. 17 „Am Mühlbach“") -> Record:
        sha256 = hashlib.sha256(key.encode()).hexdigest()
        source = SourceFile(path=f"/archiv/{key}.pdf", sha256=sha256,
                            sha512=hashlib.sha512(key.encode()).hexdigest(), size=1234,
                            mime_type="application/pdf")
        return Record(name=key, vorlage=sample_vorlage(sha256, betreff), source=source)

    return make
