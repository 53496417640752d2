"""The sample corpus is complete and its ground truth is valid, in bounds and self-consistent.

One test per sample (ids are paths relative to ``samples/``), plus corpus-wide checks. Rebuild
the corpus with ``python scripts/make_samples.py``.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from PIL import Image

from vorlagenparser.model import (
    Beratungsergebnis,
    BeratungsfolgeEintrag,
    Checkbox,
    Unterzeichnung,
    Vorlage,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SAMPLE_SUFFIXES = {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}
# The truth holds the model's content fields; the rest is bookkeeping the extractor adds.
CONTENT_KEYS = set(Vorlage.model_fields) - {
    "schema_version",
    "source",
    "provenance",
    "warnings",
    "needs_review",
    "corrections",
}
TEXT_KEYS = [
    "vorlagenart",
    "vorlagennummer",
    "aktenzeichen",
    "federfuehrung",
    "hinweis",
    "betreff",
    "beschlussvorschlag",
    "begruendung",
    "finanzielle_auswirkungen",
]
FIELD_PATH = re.compile(r"^(beratungsergebnis|beratungsfolge)\[(\d+)\]\.(\w+)$")


def _samples() -> list[Path]:
    return sorted(
        p for p in SAMPLES.rglob("*") if p.is_file() and p.suffix.lower() in SAMPLE_SUFFIXES
    )


SAMPLE_FILES = _samples()
IDS = [p.relative_to(SAMPLES).as_posix() for p in SAMPLE_FILES]
sample_param = pytest.mark.parametrize("sample", SAMPLE_FILES, ids=IDS)


def truth_path(sample: Path) -> Path:
    return sample.with_name(sample.stem + ".truth.json")


def load_truth(sample: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(truth_path(sample).read_text(encoding="utf-8"))
    return data


def page_sizes(sample: Path, truth: dict[str, Any]) -> list[tuple[float, float]]:
    """Page sizes in points; images use the scan dpi recorded in the truth."""
    if sample.suffix.lower() == ".pdf":
        pdf = pdfium.PdfDocument(str(sample))
        try:
            return [(pdf[i].get_size()[0], pdf[i].get_size()[1]) for i in range(len(pdf))]
        finally:
            pdf.close()
    dpi = truth["sample"]["dpi"]
    with Image.open(sample) as image:
        frames = getattr(image, "n_frames", 1)
        sizes = []
        for frame in range(frames):
            image.seek(frame)
            sizes.append((image.width * 72 / dpi, image.height * 72 / dpi))
        return sizes


def as_vorlage(sample: Path, truth: dict[str, Any]) -> Vorlage:
    """The truth as an output document, with a synthetic ``source`` block."""
    sizes = page_sizes(sample, truth)
    kind = truth["sample"]["kind"]
    method = "ocr" if kind == "scan" else "text"
    source = {
        "filename": sample.name,
        "sha256": hashlib.sha256(sample.read_bytes()).hexdigest(),
        "page_count": len(sizes),
        "pages": [
            {"number": n, "method": method, "width": w, "height": h}
            for n, (w, h) in enumerate(sizes, 1)
        ],
    }
    checkboxes = [
        {**box, "confidence": 1.0, "source": "raster" if kind == "scan" else "vector"}
        for box in truth["checkboxes"]
    ]
    content = {k: v for k, v in truth.items() if k in CONTENT_KEYS}
    return Vorlage.model_validate({**content, "source": source, "checkboxes": checkboxes})


# -- per sample ---------------------------------------------------------------------------------


@sample_param
def test_sample_has_truth(sample: Path) -> None:
    assert truth_path(sample).is_file(), f"no truth file beside {sample.name}"


@sample_param
def test_truth_has_exactly_the_content_keys(sample: Path) -> None:
    truth = load_truth(sample)
    assert set(truth) == CONTENT_KEYS | {"sample"}
    meta = truth["sample"]
    assert meta["kind"] in ("digital", "scan")
    assert meta["layout"] and isinstance(meta["notes"], str)
    assert (meta["kind"] == "scan") == (sample.parent.name == "scans")
    if meta["kind"] == "scan":
        assert isinstance(meta["dpi"], int) and 150 <= meta["dpi"] <= 400


@sample_param
def test_truth_validates_against_the_model(sample: Path) -> None:
    truth = load_truth(sample)
    for entry in truth["beratungsfolge"]:
        BeratungsfolgeEintrag.model_validate(entry)
    for entry in truth["beratungsergebnis"]:
        assert set(entry) == set(Beratungsergebnis.model_fields), "all keys must be present"
        Beratungsergebnis.model_validate(entry)
    Unterzeichnung.model_validate(truth["unterzeichnung"])
    vorlage = as_vorlage(sample, truth)
    assert all(isinstance(box, Checkbox) for box in vorlage.checkboxes)


@sample_param
def test_texts_are_clean(sample: Path) -> None:
    truth = load_truth(sample)
    for key in TEXT_KEYS:
        value = truth[key]
        if value is None:
            continue
        assert value == value.strip() and value, key
        assert "\u00ad" not in value, f"{key} has a soft hyphen"
        assert "  " not in value, f"{key} has a double space"
    assert all(a and a == a.strip() for a in truth["anlagen"])


@sample_param
def test_checkbox_boxes_lie_inside_their_page(sample: Path) -> None:
    truth = load_truth(sample)
    sizes = page_sizes(sample, truth)
    for box in truth["checkboxes"]:
        assert 1 <= box["page"] <= len(sizes), box
        width, height = sizes[box["page"] - 1]
        x0, top, x1, bottom = box["bbox"]
        assert 0 <= x0 < x1 <= width + 0.01, box
        assert 0 <= top < bottom <= height + 0.01, box
        assert 3 <= x1 - x0 <= 40 and 3 <= bottom - top <= 40, f"implausible box size {box}"


@sample_param
def test_checkbox_fields_agree_with_the_values(sample: Path) -> None:
    """A box mapped to a field must point at an existing entry holding the box's state."""
    truth = load_truth(sample)
    for box in truth["checkboxes"]:
        if box["field"] is None:
            continue
        match = FIELD_PATH.match(box["field"])
        assert match, box["field"]
        table, index, key = match.group(1), int(match.group(2)), match.group(3)
        assert index < len(truth[table]), box["field"]
        value = truth[table][index][key]
        if key == "zustaendigkeit":  # one box per role; the ticked one names the role
            assert (value == box["label"]) == box["checked"], box
        else:
            assert value is box["checked"], box


# -- corpus -----------------------------------------------------------------------------------


def test_corpus_has_enough_variety() -> None:
    digital = [p for p in SAMPLE_FILES if p.parent.name != "scans"]
    scans = [p for p in SAMPLE_FILES if p.parent.name == "scans"]
    assert all(p.suffix == ".pdf" for p in digital)
    per_layout = Counter(p.parent.name for p in digital)
    assert len(digital) >= 12
    assert len([n for n, c in per_layout.items() if c >= 3]) >= 4, per_layout
    assert len(scans) >= 6
    assert {p.suffix for p in scans} >= {".png", ".jpg", ".tif", ".pdf"}
    assert any(load_truth(p)["sample"].get("rotation") == 180 for p in scans)


def test_corpus_has_blank_and_ticked_results() -> None:
    ticked = blank = 0
    for sample in SAMPLE_FILES:
        for entry in load_truth(sample)["beratungsergebnis"]:
            flags = [v for k, v in entry.items() if isinstance(v, bool)]
            ticked += any(flags)
            blank += bool(flags) and not any(flags)
    assert ticked >= 5 and blank >= 3


def test_no_orphan_truth_files() -> None:
    for truth in SAMPLES.rglob("*.truth.json"):
        stem = truth.name.removesuffix(".truth.json")
        assert any(p.stem == stem for p in truth.parent.iterdir() if p.suffix in SAMPLE_SUFFIXES)


def test_sample_files_are_small() -> None:
    for sample in SAMPLE_FILES:
        assert sample.stat().st_size < 1.5 * 1024 * 1024, sample.name


@pytest.mark.slow
def test_generator_reproduces_the_committed_truth(tmp_path: Path) -> None:
    """The committed samples are what the generator makes now (fixed seeds, no drift)."""
    script = ROOT / "scripts" / "make_samples.py"
    subprocess.run(
        [sys.executable, str(script), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
        timeout=240,
    )
    fresh = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.truth.json"))
    committed = sorted(p.relative_to(SAMPLES) for p in SAMPLES.rglob("*.truth.json"))
    assert fresh == committed
    for rel in committed:
        assert (tmp_path / rel).read_text("utf-8") == (SAMPLES / rel).read_text("utf-8"), rel


@pytest.mark.slow
def test_generator_remakes_one_family_and_leaves_the_rest(tmp_path: Path) -> None:
    """``--family`` rebuilds that family and the scans made from it, and touches nothing else."""
    out = tmp_path / "samples"
    shutil.copytree(SAMPLES, out)

    def owned(rel: Path) -> bool:
        return rel.parent == Path("antrag") or rel.name.startswith("scan_08_antrag")

    (out / "antrag" / "antrag_01.truth.json").write_text("{}", encoding="utf-8")
    before = {p.relative_to(out): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    script = ROOT / "scripts" / "make_samples.py"
    subprocess.run(
        [sys.executable, str(script), "--out", str(out), "--family", "antrag"],
        check=True,
        capture_output=True,
        timeout=240,
    )
    after = {p.relative_to(out): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    assert set(after) == set(before)
    for rel, mtime in before.items():
        if owned(rel):
            if rel.name.endswith(".truth.json"):
                assert (out / rel).read_bytes() == (SAMPLES / rel).read_bytes(), rel
        else:
            assert after[rel] == mtime, f"{rel} was rewritten"
