"""Shared test helpers (importable as tests.helpers)."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
# A one-page digital sample whose text layer is full (no 50 dpi look for missing print).
FULL_TEXT_PAGE = SAMPLES / "lra_sitzungsvorlage" / "lra_sitzungsvorlage_03.pdf"

def sample_files(kind: str | None = None) -> list[Path]:
    """Every sample input that has a truth file beside it (kind: 'digital' or 'scan')."""
    out = []
    for truth in sorted(SAMPLES.rglob("*.truth.json")):
        stem = truth.name[: -len(".truth.json")]
        inputs = [p for p in truth.parent.glob(f"{stem}.*") if not p.name.endswith(".json")]
        for p in inputs:
            is_scan = "scans" in p.relative_to(SAMPLES).parts
            if kind is None or (kind == "scan") == is_scan:
                out.append(p)
    return out


def has_tesseract() -> bool:
    return shutil.which("tesseract") is not None
