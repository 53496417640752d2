"""`batch --archive` end to end on real samples: PDF/A-2b with our text layer, ALTO, fixity.

One batch (real tesseract and Ghostscript) is shared by the module; tests that damage files
work on copies.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from tests.helpers import SAMPLES, has_tesseract

from vorlagenparser.batch import SerialExecutor, run_batch
from vorlagenparser.cli import main as cli_main
from vorlagenparser.errors import ExitCode

pikepdf = pytest.importorskip("pikepdf")
etree = pytest.importorskip("lxml.etree")

pytestmark = [pytest.mark.slow, pytest.mark.tesseract]
SCAN = SAMPLES / "scans" / "scan_05_formular_upside_down.png"  # turned 180°, skewed 0.4°
FAX = SAMPLES / "scans" / "scan_03_drucksache_fax.pdf"  # an image-only PDF
DIGITAL = SAMPLES / "frankenthal" / "frankenthal_01.pdf"


@pytest.fixture(scope="module")
def archived(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not has_tesseract() or shutil.which("gs") is None:
        pytest.skip("tesseract or Ghostscript is not installed")
    out = tmp_path_factory.mktemp("archive") / "out"
    report = run_batch([SCAN, FAX, DIGITAL], out, executor=SerialExecutor(), archive=True)
    assert report.exit_code == ExitCode.ok, report.failures
    return out


def _truth(sample: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(sample.with_name(sample.stem + ".truth.json").read_text())
    return data


def _pdftotext(pdf: Path) -> list[str]:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    # -layout: lines as printed (the default reading-order mode splits widely spaced lines)
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout.split()


@pytest.mark.parametrize("sample", [SCAN, FAX], ids=["upside-down-png", "fax-pdf"])
def test_the_scans_pdf_holds_the_betreff_as_text(archived: Path, sample: Path) -> None:
    words = _pdftotext(archived / f"{sample.stem}.pdf")
    betreff = _truth(sample)["betreff"].split()
    assert " ".join(betreff[:5]) in " ".join(words)
    assert set(betreff) <= set(words)


@pytest.mark.parametrize("sample", [SCAN, FAX, DIGITAL], ids=["png", "fax-pdf", "digital"])
def test_the_pdf_is_pdfa_2b(archived: Path, sample: Path) -> None:
    path = archived / f"{sample.stem}.pdf"
    with pikepdf.open(path) as pdf:
        meta = pdf.open_metadata()
        assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("2", "B")
    from pikepdf.pdfa import Flavour, validate_written

    assert validate_written(path, Flavour("2b")).verdict == "pass"
    if shutil.which("qpdf"):
        subprocess.run(["qpdf", "--check", str(path)], check=True, capture_output=True)


def test_the_scan_keeps_its_pixels(archived: Path) -> None:
    """The page image is the original PNG's, not a re-rendered or deskewed copy."""
    from PIL import Image

    with pikepdf.open(archived / f"{SCAN.stem}.pdf") as pdf:
        (image,) = pikepdf.Page(pdf.pages[0]).get_images().values()
        pixels = pikepdf.PdfImage(image).as_pil_image()
    with Image.open(SCAN) as original:
        assert pixels.size == original.size
        assert pixels.convert("L").tobytes() == original.convert("L").tobytes()


def test_the_run_record_describes_the_archive(archived: Path) -> None:
    (path,) = archived.glob("run-*.json")
    record = json.loads(path.read_text())
    assert record["options"]["archive"] is True
    assert record["archive_tools"]["ghostscript"]
    assert {t["file"] for t in record["tesseract"]["traineddata"]} >= {"deu.traineddata"}
    by_name = {Path(i["path"]).name: i for i in record["inputs"]}
    scan = by_name[SCAN.name]
    assert scan["archive"]["conformance"] == "PDF/A-2B" and scan["archive"]["text_layer_pages"] == 1
    assert by_name[DIGITAL.name]["archive"]["text_layer_pages"] == 0
    assert sorted(o["file"] for o in scan["outputs"]) == sorted(
        f"{SCAN.stem}{s}" for s in (".alto.xml", ".json", ".pdf"))


@pytest.mark.parametrize("sample", [SCAN, FAX, DIGITAL], ids=["png", "fax-pdf", "digital"])
def test_the_alto_validates(archived: Path, alto_schema: Any, sample: Path) -> None:
    root = etree.parse(str(archived / f"{sample.stem}.alto.xml"))
    alto_schema.assertValid(root)
    ns = {"a": "http://www.loc.gov/standards/alto/ns-v4#"}
    strings = root.findall(".//a:String", ns)
    assert len(strings) > 100
    document = json.loads((archived / f"{sample.stem}.json").read_text())
    assert len(root.findall(".//a:Illustration[@TYPE='checkbox']", ns)) == len(
        document["checkboxes"])
    if document["source"]["pages"][0]["method"] == "ocr":
        assert any(float(s.get("WC")) < 1 for s in strings)


def test_verify_passes_then_names_the_changed_pdf(archived: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(archived, copy)
    assert cli_main(["verify", str(copy)]) == 0
    target = copy / f"{SCAN.stem}.pdf"
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one byte
    target.write_bytes(bytes(data))
    capsys.readouterr()
    assert cli_main(["verify", str(copy)]) == ExitCode.failure
    assert capsys.readouterr().out.splitlines() == [
        f"changed: {SCAN.stem}.pdf (SHA-256 differs from the run record)"]


def test_bag_of_an_archive_round_trips(archived: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    bag = tmp_path / "bag"
    assert cli_main(["bag", str(archived), str(bag)]) == 0
    assert cli_main(["verify", str(bag)]) == 0
    (bag / "data" / f"{FAX.stem}.alto.xml").unlink()
    capsys.readouterr()
    assert cli_main(["verify", str(bag)]) == ExitCode.failure
    assert capsys.readouterr().out.splitlines() == [f"missing: data/{FAX.stem}.alto.xml"]


def test_archiving_into_the_input_folder_is_refused(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(FAX, tmp_path / FAX.name)
    code = cli_main(["batch", str(tmp_path), "--out", str(tmp_path), "--archive", "-j", "1"])
    assert code == ExitCode.output_error
    assert "would overwrite this input" in capsys.readouterr().err
    assert (tmp_path / FAX.name).read_bytes() == FAX.read_bytes()


