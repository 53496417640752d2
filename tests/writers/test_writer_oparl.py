"""OParl 1.1 Papers: the mapping, and validity against the official schema files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from vorlagenparser.model import PageInfo, Source, Vorlage
from vorlagenparser.writers import Record, SourceFile
from vorlagenparser.writers.oparl import OParlWriter, export, organization_url, paper, slug

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
def validator(oparl_schema_dir: Path) -> Draft202012Validator:
    registry: Registry = Registry()
    for path in oparl_schema_dir.glob("*.json"):
        contents = _linked(json.loads(path.read_text(encoding="utf-8")))
        registry = registry.with_resource(BASE + path.name,
                                          Resource.from_contents(contents, DRAFT202012))
    return Draft202012Validator({"$ref": BASE + "Paper.json"}, registry=registry,
                                format_checker=FormatChecker())


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
