"""Fixtures for batch tests: small PDFs made here, bad inputs, and the fake extractor."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

HERE = Path(__file__).parent
if str(HERE) not in sys.path:  # workers (forkserver) import the fakes by module name
    sys.path.insert(0, str(HERE))

from batchfakes import EXTRACTOR  # noqa: E402

TOPICS = ("Bebauungsplan Nr. 17 Am Mühlbach", "Sanierung der Grundschule Süd",
          "Radverkehrskonzept 2030", "Haushaltssatzung 2024", "Straßenbenennung Ährenweg",
          "Förderprogramm Dachbegrünung", "Neubau Feuerwehrhaus Nord", "Friedhofssatzung")


def write_pdf(path: Path, lines: list[str], *, pages: int = 1,
              encrypt: StandardEncryption | None = None) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt, invariant=1)
    for _ in range(pages):
        for i, line in enumerate(lines):
            pdf.drawString(72, 770 - 16 * i, line)
        pdf.showPage()
    pdf.save()
    return path


def vorlage_lines(index: int) -> list[str]:
    topic = TOPICS[index % len(TOPICS)]
    return [f"{topic} ({index})", f"BV/{index:03d}/2024",
            f"Der Stadtrat beschließt: {topic}.",
            "Begründung: Die Verwaltung schlägt vor, dem Vorhaben zuzustimmen."]


@pytest.fixture
def make_good() -> Callable[[Path, int], list[Path]]:
    """``make_good(folder, n)``: n distinct one- or two-page Vorlagen as PDFs."""

    def make(folder: Path, count: int, prefix: str = "vorlage") -> list[Path]:
        folder.mkdir(parents=True, exist_ok=True)
        return [write_pdf(folder / f"{prefix}-{i:02d}.pdf", vorlage_lines(i), pages=1 + i % 2)
                for i in range(count)]

    return make


@pytest.fixture
def make_bad() -> Callable[[Path], dict[str, Path]]:
    """Every kind of bad input from the issue, keyed by kind."""

    def make(folder: Path) -> dict[str, Path]:
        folder.mkdir(parents=True, exist_ok=True)
        good = write_pdf(folder / "source.tmp", vorlage_lines(99)).read_bytes()
        (folder / "source.tmp").unlink()
        bad = {
            "empty": folder / "empty.pdf",
            "corrupt": folder / "corrupt.pdf",
            "not_pdf": folder / "notes.pdf",
            "truncated": folder / "truncated.pdf",
            "png": folder / "scan-as.pdf",
            "encrypted": folder / "encrypted.pdf",
        }
        bad["empty"].write_bytes(b"")
        bad["corrupt"].write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n")
        bad["not_pdf"].write_text("Sitzungsprotokoll als Text\n", encoding="utf-8")
        bad["truncated"].write_bytes(good[: len(good) // 2])
        bad["png"].write_bytes(_png())
        write_pdf(bad["encrypted"], vorlage_lines(98),
                  encrypt=StandardEncryption("geheim", "owner", canPrint=0))
        return bad

    return make


def _png() -> bytes:
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("L", (40, 20), 255).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def fake_extractor() -> str:
    return EXTRACTOR


@pytest.fixture
def cli_main() -> Callable[..., int]:
    """``vorlagenparser.cli.main`` (skips while sibling command modules are still missing)."""
    try:
        module = importlib.import_module("vorlagenparser.cli")
    except ImportError as exc:
        pytest.skip(f"CLI shell incomplete: {exc}")
    main: Callable[..., int] = module.main
    return main
