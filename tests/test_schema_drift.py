"""The committed JSON Schemas are generated artefacts: they must equal what the models generate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from vorlagenparser.model import Beratungsergebnis, Vorlage
from vorlagenparser.schema import (
    check_schema,
    diff_json,
    generate_schema,
    generated_schemas,
    schema_path,
    schema_text,
)

REPO = Path(__file__).resolve().parents[1]


def minimal_document() -> dict[str, Any]:
    """A complete document as the writers produce it (every key present, most of them null)."""
    source = {"filename": "a.pdf", "sha256": "0" * 64, "page_count": 0, "pages": []}
    data: dict[str, Any] = Vorlage.model_validate({"source": source}).model_dump(mode="json")
    return data


@pytest.mark.parametrize("name", sorted(generated_schemas()))
def test_committed_schema_equals_generated(name: str) -> None:
    path = REPO / "schemas" / name
    assert check_schema(path, generated_schemas()[name]) == [], (
        "schema drift: run `vorlagenparser schema --write` and commit the result")
    # Byte-equal too, so regenerating never produces a noisy diff.
    assert path.read_text(encoding="utf-8") == schema_text(generated_schemas()[name])


def test_schema_path_points_into_this_checkout() -> None:
    assert schema_path() == REPO / "schemas" / "beschlussvorlage.schema.json"


def test_schema_is_valid_draft_2020_12() -> None:
    schema = generate_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_schema_accepts_a_minimal_document() -> None:
    jsonschema.Draft202012Validator(generate_schema()).validate(minimal_document())


@pytest.mark.parametrize("extra", [
    {"unbekannt": 1},
    {"beratungsergebnis": [Beratungsergebnis(ja_stimmen=3).model_dump(mode="json")
                           | {"stimmen": 3}]},
    {"source": minimal_document()["source"] | {"x": 1}},
])
def test_schema_rejects_extra_keys(extra: dict[str, Any]) -> None:
    validator = jsonschema.Draft202012Validator(generate_schema())
    with pytest.raises(jsonschema.ValidationError, match="Additional properties"):
        validator.validate(minimal_document() | extra)


def test_schema_requires_every_contract_key() -> None:
    validator = jsonschema.Draft202012Validator(generate_schema())
    document = minimal_document()
    del document["betreff"]
    with pytest.raises(jsonschema.ValidationError, match="'betreff' is a required property"):
        validator.validate(document)
    validator.validate(minimal_document() | {"betreff": None})


def test_every_sample_truth_validates_against_the_schema() -> None:
    from tests.test_samples_integrity import SAMPLE_FILES, as_vorlage, load_truth

    validator = jsonschema.Draft202012Validator(generate_schema())
    for sample in SAMPLE_FILES:
        truth = load_truth(sample)
        # The truth's own content as written (not re-dumped), plus the bookkeeping keys.
        content = {k: v for k, v in truth.items() if k not in ("sample", "checkboxes")}
        document = as_vorlage(sample, truth).model_dump(mode="json") | content
        assert [e.message for e in validator.iter_errors(document)] == [], sample.name


def test_schema_rejects_a_negative_count() -> None:
    document = minimal_document() | {"beratungsergebnis": [{"ja_stimmen": -1}]}
    assert not jsonschema.Draft202012Validator(generate_schema()).is_valid(document)


def test_check_schema_reports_drift(tmp_path: Path) -> None:
    schema = generate_schema()
    del schema["$defs"]["Unterzeichnung"]["properties"]["ort"]
    schema["$defs"]["Unterzeichnung"]["properties"]["stadt"] = {"type": "string"}
    path = tmp_path / "s.json"
    path.write_text(json.dumps(schema), encoding="utf-8")
    assert check_schema(path) == [
        "$.$defs.Unterzeichnung.properties.ort: missing from the committed file",
        "$.$defs.Unterzeichnung.properties.stadt: in the committed file but no longer generated",
    ]


def test_check_schema_on_absent_or_broken_file(tmp_path: Path) -> None:
    [absent] = check_schema(tmp_path / "none.json")
    assert "does not exist" in absent
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    [broken] = check_schema(tmp_path / "bad.json")
    assert "not readable JSON" in broken


def test_diff_json_changed_value() -> None:
    assert list(diff_json({"a": [1, {"b": 2}]}, {"a": [1, {"b": 3}]})) == [
        "$.a[1].b: committed 3, generated 2"]
