"""OParl 1.1 Papers: the mapping, and validity against the official schema files."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from vorlagenparser.model import (
    Beratungsergebnis,
    BeratungsfolgeEintrag,
    PageInfo,
    Source,
    Vorlage,
)
from vorlagenparser.writers import Record, SourceFile
from vorlagenparser.writers.oparl import (
    SCHEMA,
    Body,
    OParlWriter,
    agenda_items,
    export,
    organization_url,
    paper,
    slug,
)

MakeRecord = Callable[..., Record]
BASE = "https://schema.oparl.org/1.1/schema/"
BASE_URL = "https://ris.example.org/oparl"


def _linked(node: Any) -> Any:
    """The files embed objects with a custom ``"schema": "File.json"`` key; make it a $ref so
    embedded Files and Consultations are checked as well."""
    if isinstance(node, dict):
        linked = {key: _linked(value) for key, value in node.items()}
        if isinstance(node.get("schema"), str) and node["schema"].endswith(".json"):
            linked["$ref"] = node["schema"]
        return linked
    if isinstance(node, list):
        return [_linked(item) for item in node]
    return node


@pytest.fixture(scope="module")
def registry(oparl_schema_dir: Path) -> Registry:
    registry: Registry = Registry()
    for path in oparl_schema_dir.glob("*.json"):
        contents = _linked(json.loads(path.read_text(encoding="utf-8")))
        registry = registry.with_resource(BASE + path.name,
                                          Resource.from_contents(contents, DRAFT202012))
    return registry


@pytest.fixture(scope="module")
def validator(registry: Registry) -> Draft202012Validator:
    return Draft202012Validator({"$ref": BASE + "Paper.json"}, registry=registry,
                                format_checker=FormatChecker())


def _objects(node: Any) -> Any:
    """Every OParl object in ``node``, embedded ones included (they carry a ``type`` URL)."""
    if isinstance(node, dict):
        if str(node.get("type", "")).startswith(SCHEMA):
            yield node
        for value in node.values():
            yield from _objects(value)
    elif isinstance(node, list):
        for item in node:
            yield from _objects(item)


@pytest.fixture(scope="module")
def check_all(registry: Registry) -> Callable[[Any], list[str]]:
    """Validate every object in a tree against the schema of its own type, and check the
    date-times (jsonschema only checks that format with an optional package)."""

    def check(node: Any) -> list[str]:
        problems = []
        for obj in _objects(node):
            kind = obj["type"].removeprefix(SCHEMA)
            schema_validator = Draft202012Validator({"$ref": f"{BASE}{kind}.json"},
                                                    registry=registry,
                                                    format_checker=FormatChecker())
            problems += [f"{kind}: {e.message}" for e in schema_validator.iter_errors(obj)]
            for key in ("created", "modified", "start", "end"):
                if key in obj and dt.datetime.fromisoformat(obj[key]).tzinfo is None:
                    problems.append(f"{kind}.{key} has no time zone")
        return problems

    return check


def _sessions_record(make_record: MakeRecord) -> Record:
    """A paper decided in a dated session with a known result, and prepared in another one."""
    record = make_record("s")
    vorlage = record.vorlage.model_copy(update={
        "beratungsfolge": [
            BeratungsfolgeEintrag(gremium="Bauausschuss", sitzung_am=dt.date(2024, 4, 2),
                                  top="5.1", zustaendigkeit="Vorberatung", oeffentlich=True),
            BeratungsfolgeEintrag(gremium="Stadtrat", sitzung_am=dt.date(2024, 4, 18),
                                  zustaendigkeit="Entscheidung")],
        "beratungsergebnis": [
            Beratungsergebnis(gremium="Stadtrat", top="12", laut_beschlussvorschlag=True,
                              mit_stimmenmehrheit=True, ja_stimmen=30, nein_stimmen=8,
                              enthaltungen=2),
            Beratungsergebnis(gremium="Ortsbeirat Süd", sitzung_am=dt.date(2024, 3, 20),
                              einstimmig=True, kenntnisnahme=True)],
        "anlagen": ["Lageplan", "Kostenschätzung"]})
    return Record(record.name, vorlage, record.source, converted="2024-05-02T09:30:00+00:00")


def test_paper_fields_come_from_the_vorlage(make_record: MakeRecord) -> None:
    record = make_record("a")
    result = paper(record, BASE_URL)
    assert result["id"] == f"{BASE_URL}/paper/{record.source.sha256}"
    assert result["type"] == "https://schema.oparl.org/1.1/Paper"
    assert (result["name"], result["reference"], result["date"], result["paperType"]) == (
        record.vorlage.betreff, "BV/17/2024", "2024-03-14", "Beschlussvorlage")
    assert result["underDirectionOf"] == [
        f"{BASE_URL}/organization/amt-fuer-stadtplanung-und-umwelt"]
    main = result["mainFile"]
    assert (main["fileName"], main["mimeType"], main["size"]) == (
        "a.pdf", "application/pdf", 1234)
    assert main["sha512Checksum"] == record.source.sha512
    assert "Bebauungsplans" in main["text"] and main["accessUrl"].endswith("/a.pdf")
    roles = [(c.get("role"), c.get("authoritative")) for c in result["consultation"]]
    assert roles == [("Vorberatung", False), ("Entscheidung", True), (None, None)]
    assert result["consultation"][1]["organization"] == [f"{BASE_URL}/organization/stadtrat"]
    assert "ja_stimmen" not in json.dumps(result)  # no OParl field for votes


def test_papers_validate_against_the_oparl_schema(make_record: MakeRecord,
                                                  validator: Draft202012Validator) -> None:
    bare = Vorlage(source=Source(filename="x.pdf", sha256="0" * 64, page_count=1,
                                 pages=[PageInfo(number=1, method="ocr", width=1, height=1)]))
    for record in (make_record("a"), Record("x", bare, SourceFile("/x.pdf", "0" * 64))):
        errors = [e.message for e in validator.iter_errors(paper(record, BASE_URL))]
        assert errors == []


def test_the_validator_does_check_embedded_objects(make_record: MakeRecord,
                                                   validator: Draft202012Validator) -> None:
    broken = paper(make_record("a"), BASE_URL)
    del broken["mainFile"]["accessUrl"]
    broken["consultation"][0]["type"] = "https://schema.oparl.org/1.1/Paper"
    assert len(list(validator.iter_errors(broken))) == 2


@pytest.mark.parametrize(("name", "expected"), [
    ("Ausschuss für Umwelt, Bau & Verkehr", "ausschuss-fuer-umwelt-bau-verkehr"),
    ("Straßen- und Grünflächenamt", "strassen-und-gruenflaechenamt"), ("Café", "cafe"),
    ("§§", "unbenannt")])
def test_slugs_are_stable_url_segments(name: str, expected: str) -> None:
    assert slug(name) == expected
    assert organization_url("https://x/oparl/", name) == f"https://x/oparl/organization/{expected}"


def test_single_file_export_is_an_oparl_list(tmp_path: Path, make_record: MakeRecord,
                                             validator: Draft202012Validator) -> None:
    dest = tmp_path / "papers.json"
    assert export([make_record("a"), make_record("b")], OParlWriter(dest, BASE_URL)) == 2
    listing = json.loads(dest.read_text())
    assert listing["pagination"]["totalElements"] == 2
    assert all(not list(validator.iter_errors(p)) for p in listing["data"])


def test_a_failed_export_leaves_no_half_file(tmp_path: Path, make_record: MakeRecord) -> None:
    def records() -> Any:
        yield make_record("a")
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        export(records(), OParlWriter(tmp_path / "papers.json"))
    assert list(tmp_path.iterdir()) == []


def test_body_anlagen_and_timestamps(tmp_path: Path, make_record: MakeRecord,
                                     check_all: Callable[[Any], list[str]]) -> None:
    record = _sessions_record(make_record)
    result = paper(record, BASE_URL, Body("musterstadt", "Stadt Musterstadt"))
    assert result["body"] == f"{BASE_URL}/body/musterstadt"
    assert [f["name"] for f in result["auxiliaryFile"]] == ["Lageplan", "Kostenschätzung"]
    # Not at hand: the name only, no invented size, checksum or type.
    assert not {"fileName", "size", "sha512Checksum", "mimeType"} & set(result["auxiliaryFile"][0])
    assert result["auxiliaryFile"][0]["accessUrl"].startswith(f"{BASE_URL}/file/")
    assert (result["created"], result["modified"]) == ("2024-05-02T09:30:00+00:00",) * 2
    assert result["mainFile"]["created"] == result["created"]
    assert check_all(result) == []


def test_an_anlage_found_beside_the_paper_gets_its_file_facts(
        tmp_path: Path, make_record: MakeRecord, check_all: Callable[[Any], list[str]]) -> None:
    base = _sessions_record(make_record)
    (tmp_path / "Anlage 1 - Lageplan.pdf").write_bytes(b"%PDF-1.4 Lageplan")
    (tmp_path / "vorlage.pdf").write_bytes(b"%PDF-1.4 Vorlage")
    record = Record(base.name, base.vorlage, SourceFile(str(tmp_path / "vorlage.pdf"), "a" * 64))
    dest = tmp_path / "out"
    export([record], OParlWriter(dest, BASE_URL))
    [exported] = [json.loads(p.read_text()) for p in dest.glob("*.json")]
    lageplan, kosten = exported["auxiliaryFile"]
    assert (lageplan["fileName"], lageplan["size"], lageplan["mimeType"]) == (
        "Anlage 1 - Lageplan.pdf", 17, "application/pdf")
    assert len(lageplan["sha512Checksum"]) == 128 and "size" not in kosten
    assert check_all(exported) == []


def test_consultations_link_meetings_that_carry_date_and_result(
        make_record: MakeRecord, check_all: Callable[[Any], list[str]]) -> None:
    record = _sessions_record(make_record)
    consultations = paper(record, BASE_URL)["consultation"]
    assert [c["meeting"].rsplit("/", 1)[-1] if "meeting" in c else None
            for c in consultations] == ["bauausschuss-2024-04-02", "stadtrat-2024-04-18",
                                        "ortsbeirat-sued-2024-03-20"]
    items = {session.gremium: item for session, item in agenda_items(record, BASE_URL)}
    assert items["Stadtrat"]["result"] == (
        "ungeändert beschlossen, mit Stimmenmehrheit (30 Ja, 8 Nein, 2 Enthaltungen)")
    assert items["Stadtrat"]["number"] == "12"  # the TOP of the result
    assert items["Ortsbeirat Süd"]["result"] == "zur Kenntnis genommen, einstimmig"
    assert "result" not in items["Bauausschuss"] and items["Bauausschuss"]["public"] is True
    assert consultations[1]["agendaItem"] == items["Stadtrat"]["id"]
    assert check_all(consultations) == []


def test_export_writes_meetings_and_body_all_valid(tmp_path: Path, make_record: MakeRecord,
                                                   check_all: Callable[[Any], list[str]]) -> None:
    first = _sessions_record(make_record)
    second = make_record("t")
    second = Record("t", second.vorlage.model_copy(update={"beratungsfolge": [
        BeratungsfolgeEintrag(gremium="Stadtrat", sitzung_am=dt.date(2024, 4, 18), top="3")]}),
        second.source)
    dest = tmp_path / "papers.json"
    body = Body("musterstadt", "Stadt Musterstadt")
    assert export([first, second], OParlWriter(dest, BASE_URL, body)) == 2
    papers = json.loads(dest.read_text())
    meetings = json.loads((tmp_path / "papers.meetings.json").read_text())
    body_object = json.loads((tmp_path / "papers.body.json").read_text())
    assert check_all(papers) == check_all(meetings) == check_all(body_object) == []
    rat = next(m for m in meetings["data"] if m["id"].endswith("stadtrat-2024-04-18"))
    assert rat["start"].startswith("2024-04-18T00:00:00")
    assert [(i["order"], i.get("number")) for i in rat["agendaItem"]] == [(1, "3"), (2, "12")]
    assert body_object["name"] == "Stadt Musterstadt" and body_object["id"] == papers["data"][0]["body"]
    kinds = {o["type"].removeprefix(SCHEMA) for tree in (papers, meetings, body_object)
             for o in _objects(tree)}
    assert kinds == {"Paper", "File", "Consultation", "Meeting", "AgendaItem", "Body"}


def test_folder_export_puts_meetings_and_body_in_their_folders(tmp_path: Path,
                                                               make_record: MakeRecord) -> None:
    export([_sessions_record(make_record)],
           OParlWriter(tmp_path / "oparl", BASE_URL, Body("1", "Gemeinde X")))
    assert sorted(p.relative_to(tmp_path / "oparl").as_posix()
                  for p in (tmp_path / "oparl").rglob("*.json")) == [
        "body/1.json", "meeting/bauausschuss-2024-04-02.json",
        "meeting/ortsbeirat-sued-2024-03-20.json", "meeting/stadtrat-2024-04-18.json", "s.json"]
