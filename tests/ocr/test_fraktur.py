"""Fraktur: language names, the Debian package a missing model is in, and the Fraktur sample."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.helpers import SAMPLES, has_tesseract

from vorlagenparser.errors import MissingLanguageError
from vorlagenparser.ocr import tesseract
from vorlagenparser.options import ExtractOptions

FRAKTUR = SAMPLES / "scans" / "scan_20_fraktur_clean.png"


@pytest.mark.parametrize("languages", ["deu+frk", "deu+Fraktur", "frk+deu+script/Fraktur"])
def test_fraktur_languages_are_valid_options(languages: str) -> None:
    assert ExtractOptions(languages=languages).languages == languages


@pytest.mark.parametrize(("model", "package"), [
    ("frk", "tesseract-ocr-frk"), ("deu", "tesseract-ocr-deu"),
    ("chi_sim", "tesseract-ocr-chi-sim"), ("Fraktur", "tesseract-ocr-script-frak"),
    ("script/Fraktur", "tesseract-ocr-script-frak"), ("Latin", "tesseract-ocr-script-latn"),
])
def test_debian_package_of_a_model(model: str, package: str) -> None:
    assert tesseract.debian_package(model) == package


def test_a_missing_language_names_its_package(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    (tmp_path / "deu.traineddata").write_bytes(b"x")
    info = tesseract.TesseractInfo(binary="/usr/bin/tesseract", version="5", tessdata=tmp_path,
                                   languages=frozenset({"deu"}), tesserocr_version=None)
    monkeypatch.setattr(tesseract, "probe", lambda: info)
    with pytest.raises(MissingLanguageError) as caught:
        tesseract.create_engine("deu+frk+Fraktur")
    assert "apt-get install tesseract-ocr-frk tesseract-ocr-script-frak" in str(caught.value)
    assert caught.value.hint is None  # not the generic "install tesseract-ocr-deu" hint


@pytest.mark.slow
@pytest.mark.tesseract
def test_the_fraktur_sample_reads_with_deu_frk() -> None:
    if not has_tesseract() or "frk" not in tesseract.probe().languages:
        pytest.skip("tesseract with the frk model is not installed")
    from vorlagenparser.pipeline import extract

    truth = json.loads(FRAKTUR.with_name(FRAKTUR.stem + ".truth.json").read_text())
    assert truth["sample"]["languages"] == "deu+frk"
    vorlage = extract(FRAKTUR, ExtractOptions(languages="deu+frk"))
    assert vorlage.betreff == truth["betreff"]
    assert vorlage.vorlagennummer == truth["vorlagennummer"]
    assert str(vorlage.datum) == truth["datum"]
    assert [f.gremium for f in vorlage.beratungsfolge] == [
        f["gremium"] for f in truth["beratungsfolge"]]
