"""Golden-file tests: every sample in samples/ against its truth, field by field and box by box.

Each sample is extracted once per module and scored by the project's own scorer
(``vorlagenparser.evaluate``), so these tests and ``vorlagenparser eval`` agree on what is right.
There is one test per (sample, field of its truth), three per (sample, truth box): its ticked
state, its label and its contract field; and per sample one for phantom boxes (output boxes where
the truth has none) and one for values beyond the truth (an extra row or Anlage). Test ids name
sample and field: ``frankenthal/frankenthal_01.pdf::beratungsergebnis[0].einstimmig``.

A miss that is known is listed, with its reason, in ``known_misses.toml`` and runs as a strict
xfail: the day it starts to pass, the run fails until the entry is removed.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from tests.helpers import SAMPLES, has_tesseract, sample_files

from vorlagenparser.evaluate import MISSING, DocumentResult, evaluate_document
from vorlagenparser.jsonvalidate import validate_json_file
from vorlagenparser.model import Vorlage
from vorlagenparser.options import ExtractOptions
from vorlagenparser.pipeline import extract

DIGITAL = sample_files("digital")
SCANS = sample_files("scan")
KNOWN_MISSES_FILE = Path(__file__).with_name("known_misses.toml")
BOX_ASPECTS = ("checked", "label", "field")
PHANTOMS = "phantom_checkboxes"
UNEXPECTED = "values_beyond_truth"
_BOX_KEY = re.compile(r"checkboxes\[(\d+)\]\.(\w+)")


def _truth_path(sample: Path) -> Path:
    return sample.with_name(sample.name.rsplit(".", 1)[0] + ".truth.json")


def _name(sample: Path) -> str:
    return sample.relative_to(SAMPLES).as_posix()


def _keys(sample: Path) -> Iterator[str]:
    """What is tested of a sample, read from its truth alone (the truth scored against itself
    yields every field path the scorer compares and every truth box)."""
    truth = _truth_path(sample)
    scored = evaluate_document(truth, truth)
    yield from (f.path for f in scored.fields)
    for i in range(len(scored.boxes.boxes)):
        yield from (f"checkboxes[{i}].{aspect}" for aspect in BOX_ASPECTS)
    yield PHANTOMS
    yield UNEXPECTED


def _load_known_misses() -> dict[str, dict[str, str]]:
    with KNOWN_MISSES_FILE.open("rb") as handle:
        data = tomllib.load(handle)
    return {sample: dict(fields) for sample, fields in data.items()}


KNOWN_MISSES = _load_known_misses()


def _cases(samples: list[Path]) -> list[object]:
    cases: list[object] = []
    for sample in samples:
        known = KNOWN_MISSES.get(_name(sample), {})
        for key in _keys(sample):
            marks = ([pytest.mark.xfail(strict=True, reason=known[key])] if key in known else [])
            cases.append(pytest.param(sample, key, marks=marks, id=f"{_name(sample)}::{key}"))
    return cases


def _options(sample: Path) -> ExtractOptions:
    """A sample may name the OCR languages it needs (the Fraktur scan: deu+frk)."""
    truth = json.loads(_truth_path(sample).read_text(encoding="utf-8"))
    return ExtractOptions(languages=truth["sample"].get("languages", "deu"))


Scored = Callable[[Path], DocumentResult]


def _scorer(out: Path) -> Scored:
    """Extract a sample on first use, write its JSON as ``batch`` would and score that file."""
    cache: dict[Path, DocumentResult] = {}

    def scored(sample: Path) -> DocumentResult:
        if sample not in cache:
            target = out / sample.relative_to(SAMPLES).with_suffix(".json")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(extract(sample, _options(sample)).model_dump_json(indent=2),
                              encoding="utf-8")
            cache[sample] = evaluate_document(_truth_path(sample), target, _name(sample))
        return cache[sample]

    return scored


@pytest.fixture(scope="module")
def digital(tmp_path_factory: pytest.TempPathFactory) -> Scored:
    return _scorer(tmp_path_factory.mktemp("digital"))


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> Scored:
    if not has_tesseract():
        pytest.skip("tesseract is not installed")
    return _scorer(tmp_path_factory.mktemp("scans"))


def _check(result: DocumentResult, key: str) -> None:
    if key == PHANTOMS:
        phantoms = [f"p.{b.page} {list(b.bbox)} {b.label!r} checked={b.checked}"
                    for b in result.boxes.phantoms]
        assert not phantoms, "output boxes where the truth has none: " + "; ".join(phantoms)
        return
    if key == UNEXPECTED:
        extra = [f"{f.path}={f.got!r}" for f in result.fields if f.expected is MISSING]
        assert not extra, "values the truth does not have: " + ", ".join(extra)
        return
    box = _BOX_KEY.fullmatch(key)
    if box is not None:
        _check_box(result, int(box[1]), box[2])
        return
    [field] = [f for f in result.fields if f.path == key]
    similarity = "" if field.similarity is None else f" (similarity {field.similarity:.3f})"
    assert field.correct, f"expected {field.expected!r}, got {field.got!r}{similarity}"


def _check_box(result: DocumentResult, index: int, aspect: str) -> None:
    box = result.boxes.boxes[index]
    truth, output = box.truth, box.output
    assert output is not None, (f"no output box at p.{truth.page} {list(truth.bbox)} "
                                f"({truth.label!r})")
    if aspect == "checked":
        assert box.state_correct, f"{truth.label!r}: expected checked={truth.checked}, got {output.checked}"
    elif aspect == "label":
        assert box.label_correct, f"tied to {output.label!r}, printed label {truth.label!r}"
    else:
        assert box.field_correct, f"{truth.label!r} sets {output.field!r}, expected {truth.field!r}"


def test_there_are_samples() -> None:
    assert len(DIGITAL) >= 12
    assert len({p.parent for p in DIGITAL}) >= 4
    assert SCANS


@pytest.mark.parametrize(("sample", "key"), _cases(DIGITAL))
def test_digital(sample: Path, key: str, digital: Scored) -> None:
    _check(digital(sample), key)


@pytest.mark.tesseract
@pytest.mark.slow
@pytest.mark.parametrize(("sample", "key"), _cases(SCANS))
def test_scan(sample: Path, key: str, scans: Scored) -> None:
    _check(scans(sample), key)


@pytest.mark.parametrize("sample", DIGITAL, ids=_name)
def test_digital_sample_validates(sample: Path, digital: Scored) -> None:
    path = digital(sample).output
    assert path is not None
    assert validate_json_file(path) == []  # the model and the published schema's required keys
    data = json.loads(path.read_text(encoding="utf-8"))
    vorlage = Vorlage.model_validate(data)
    assert vorlage.source.page_count >= 1
    assert all(p.method == "text" for p in vorlage.source.pages)
    # Every non-null top-level value has provenance.
    for name in ("vorlagennummer", "datum", "betreff", "beschlussvorschlag", "begruendung"):
        if data[name] is not None:
            assert name in vorlage.provenance


def test_known_misses_name_real_tests() -> None:
    """A known miss for a sample or field that is not tested would hide nothing and rot."""
    samples = {_name(s): s for s in DIGITAL + SCANS}
    for name, fields in KNOWN_MISSES.items():
        assert name in samples, f"{KNOWN_MISSES_FILE.name}: no sample {name!r}"
        stale = set(fields) - set(_keys(samples[name]))
        assert not stale, f"{KNOWN_MISSES_FILE.name}: {name} has no test {sorted(stale)}"
        empty = [key for key, reason in fields.items() if not str(reason).strip()]
        assert not empty, f"{KNOWN_MISSES_FILE.name}: {name}: no reason given for {empty}"


def test_truth_scored_against_itself_is_all_right() -> None:
    """The scorer's own consistency: if a truth file did not score perfectly against itself,
    the tests above could not pass for any output."""
    for sample in DIGITAL + SCANS:
        truth = _truth_path(sample)
        result = evaluate_document(truth, truth)
        assert result.mismatches == [] and result.checkbox_issues == [], _name(sample)


def test_a_wrong_value_and_a_lost_text_fail(tmp_path: Path) -> None:
    """The checks themselves can fail: a changed count and an emptied long text are caught (no
    similarity fallback lets an empty Begründung pass)."""
    sample = DIGITAL[0]
    truth = json.loads(_truth_path(sample).read_text(encoding="utf-8"))
    truth["begruendung"] = ""
    truth["checkboxes"][0]["label"] = "anything else"
    truth["beratungsfolge"].append({"gremium": "Hauptausschuss"})
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps(truth), encoding="utf-8")
    result = evaluate_document(_truth_path(sample), wrong)
    for key in ("begruendung", "checkboxes[0].label", UNEXPECTED):
        with pytest.raises(AssertionError):
            _check(result, key)
    _check(result, "checkboxes[0].checked")
