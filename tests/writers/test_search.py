"""German-aware search: the same cases against SQLite and a real PostgreSQL server."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from vorlagenparser.errors import QuerySyntaxError
from vorlagenparser.model import PageInfo, Source, Vorlage
from vorlagenparser.writers import Record, SourceFile, database_writer, search_database

MakeRecord = Callable[..., Record]

# name → (Betreff, Beschlussvorschlag, Begründung)
CORPUS = {
    "plan": ("Bebauungsplan Nr. 17 „Am Mühlbach“",
             "Der Stadtrat beschließt die Aufstellung des Bebauungsplanes.",
             "Die Fläche am Mühlbach soll für Wohnungsbau entwickelt werden."),
    "gebuehr": ("Satzung über die Abfallgebühren 2024", "Die Gebuehren werden erhöht.",
                "Die Kosten der Müllabfuhr sind gestiegen."),
    "strasse": ("Umbenennung der Strasse am Markt",
                "Im Bebauungsplanverfahren wird die Straße neu benannt.", None),
    "schule": ("Sanierung der Grundschule Süd", "Die Schulen werden saniert.",
               "BV/17/2024 betrifft das Schulgebäude."),
}

CASES = [
    # inflected forms, both ways
    ("Bebauungsplanes", {"plan", "strasse"}),
    ("Bebauungspläne", {"plan", "strasse"}),
    ("Schulen", {"schule"}),
    # folded: ä/ae, ö/oe, ü/ue, ß/ss, case
    ("Gebühren", {"gebuehr"}),
    ("Gebuehren", {"gebuehr"}),
    ("GEBÜHREN", {"gebuehr"}),
    ("Strasse", {"strasse"}),
    ("Straße", {"strasse"}),
    ("Muehlbach", {"plan"}),
    # compound parts
    ("Verfahren", {"strasse"}),
    ("Abfuhr", {"gebuehr"}),
    ("Gebäude", {"schule"}),
    # AND / OR / NOT / phrase / prefix / grouping
    ("Gebühren OR Schule", {"gebuehr", "schule"}),
    ("Bebauungsplan Mühlbach", {"plan"}),
    ("Bebauungsplan -Mühlbach", {"strasse"}),
    ("Bebauungsplan NOT Mühlbach", {"strasse"}),
    ('"am Mühlbach"', {"plan"}),
    ('"Mühlbach am"', set()),
    ('"Verfahren"', set()),  # a quoted word is matched whole: no compound parts
    ('"Schule"', {"schule"}),  # … but in every inflected form ("Schulen")
    ("Bebauung*", {"plan", "strasse"}),
    ("Umbenenn*", {"strasse"}),
    ("(Gebühren OR Straße) AND Markt", {"strasse"}),
    ("BV/17/2024", {"schule"}),
    ("Zoo", set()),
]


def _record(name: str) -> Record:
    betreff, vorschlag, begruendung = CORPUS[name]
    sha256 = hashlib.sha256(name.encode()).hexdigest()
    vorlage = Vorlage(source=Source(filename=f"{name}.pdf", sha256=sha256, page_count=1,
                                    pages=[PageInfo(number=1, method="text", width=595,
                                                    height=842)]),
                      betreff=betreff, beschlussvorschlag=vorschlag, begruendung=begruendung)
    return Record(name, vorlage, SourceFile(f"/in/{name}.pdf", sha256))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
                scope="module")
def database(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
             ) -> Iterator[str]:
    if request.param == "sqlite":
        target = str(tmp_path_factory.mktemp("search") / "v.sqlite")
    else:
        pytest.importorskip("psycopg")
        target = request.getfixturevalue("postgres_url").rsplit("/", 1)[0] + "/search"
        _create_database(request.getfixturevalue("postgres_url"), "search")
    with database_writer(target) as writer:
        for name in CORPUS:
            writer.write(_record(name))
    yield target


def _create_database(url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")


@pytest.mark.parametrize(("query", "expected"), CASES, ids=[q for q, _ in CASES])
def test_query_finds_its_documents(database: str, query: str, expected: set[str]) -> None:
    assert {hit.output_name for hit in search_database(database, query)} == expected


def test_whole_words_in_the_betreff_rank_before_compound_parts(database: str) -> None:
    assert [h.output_name for h in search_database(database, "Bebauungsplan")] == [
        "plan", "strasse"]


def test_snippets_mark_what_was_found(database: str) -> None:
    [hit] = search_database(database, "Gebühren")
    assert hit.betreff == "Satzung über die Abfallgebühren 2024"
    assert hit.snippet == "Die Gebuehren werden erhöht."
    assert [hit.snippet[a:b] for a, b in hit.highlights] == ["Gebuehren"]
    [compound] = search_database(database, "Verfahren")
    assert [compound.snippet[a:b] for a, b in compound.highlights] == ["Bebauungsplanverfahren"]


def test_limit_and_syntax_errors(database: str) -> None:
    assert len(search_database(database, "Bebauungsplan OR Schule", limit=2)) == 2
    for bad in ("Schule OR", "(Schule", "§ –"):
        with pytest.raises(QuerySyntaxError):
            search_database(database, bad)


def test_updates_replace_the_index_entries(tmp_path: Path) -> None:
    db = str(tmp_path / "u.sqlite")
    with database_writer(db) as writer:
        writer.write(_record("plan"))
    changed = _record("plan")
    changed = Record("plan", changed.vorlage.model_copy(update={"betreff": "Haushalt"}),
                     changed.source)
    with database_writer(db) as writer:
        writer.write(changed)
    assert search_database(db, "Haushalt")[0].output_name == "plan"
    assert {h.output_name for h in search_database(db, "Nr. 17")} == set()
