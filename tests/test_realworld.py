"""Real council PDFs from ../shared/realworld (used by path, never copied; skipped when absent)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.helpers import SHARED

from vorlagenparser.options import ExtractOptions
from vorlagenparser.pipeline import extract

REALWORLD = sorted((SHARED / "realworld").glob("*.pdf")) if (SHARED / "realworld").is_dir() else []
LETTERS = [p for p in REALWORLD if "_antrag_" in p.name or "_stellungnahme_" in p.name]
pytestmark = pytest.mark.realworld


@pytest.mark.parametrize("pdf", REALWORLD, ids=lambda p: p.name)
def test_converts_to_valid_json(pdf: Path) -> None:
    vorlage = extract(pdf, ExtractOptions(ocr="never"))
    assert vorlage.source.page_count >= 1
    assert vorlage.source.filename == pdf.name


@pytest.mark.parametrize("pdf", LETTERS, ids=lambda p: p.name)
def test_letters_get_kind_date_and_subject(pdf: Path) -> None:
    vorlage = extract(pdf, ExtractOptions(ocr="never"))
    assert vorlage.vorlagenart in {"Antrag", "Stellungnahme"}
    assert vorlage.datum is not None
    assert vorlage.betreff and len(vorlage.betreff.split()) >= 3


def test_known_letter_values(realworld_dir: Path) -> None:
    v = extract(realworld_dir / "erlangen_stbr_antrag_soziale_stadt_2019.pdf", ExtractOptions(ocr="never"))
    assert (v.vorlagenart, str(v.datum)) == ("Antrag", "2019-04-20")
    assert v.betreff is not None and "Erweiterung der Sozialen Stadt" in v.betreff
    path = realworld_dir / "erlangen_stbr_stellungnahme_bv_613-167-2022.pdf"
    v = extract(path, ExtractOptions(ocr="never"))
    assert (v.vorlagenart, str(v.datum)) == ("Stellungnahme", "2022-07-07")


@pytest.mark.tesseract
@pytest.mark.slow
def test_mixed_file_pages_text_then_ocr(realworld_dir: Path) -> None:
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed")
    v = extract(realworld_dir / "erlangen_stbr_stellungnahme_bv_oe23_mixedscan.pdf")
    assert [p.method for p in v.source.pages] == ["text", "ocr", "ocr", "ocr", "ocr"]
    assert v.vorlagenart == "Stellungnahme"
    assert all(p.ocr_confidence is not None for p in v.source.pages[1:])
