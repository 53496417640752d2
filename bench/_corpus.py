"""The files the benchmarks run on: the devset when it is there, else the project's samples.

``../shared/devset/data/manifest.json`` names each document's ``variant`` (``digital``, or one
of the scan kinds) and its page count; without it, ``samples/`` gives the digital PDFs and
``samples/scans/`` the scans.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# BENCH_DEVSET points elsewhere, e.g. when benchmarking an older checkout exported to /tmp.
DEVSET = Path(os.environ.get("BENCH_DEVSET", ROOT.parent / "shared" / "devset" / "data"))
SAMPLES = ROOT / "samples"
_SCAN_SUFFIXES = {".pdf", ".png", ".tif", ".tiff", ".jpg", ".jpeg"}


@dataclass(frozen=True, slots=True)
class Corpus:
    name: str  # where the files come from, for the report
    digital: tuple[Path, ...]
    scans: tuple[Path, ...]

    @property
    def mixed(self) -> tuple[Path, ...]:
        """Digital and scanned files interleaved, as an archive's folder would hold them."""
        longer, shorter = (self.digital, self.scans) if len(self.digital) >= len(self.scans) \
            else (self.scans, self.digital)
        step = max(1, round(len(longer) / max(1, len(shorter))))
        out: list[Path] = []
        rest = list(shorter)
        for i, path in enumerate(longer):
            out.append(path)
            if rest and i % step == step - 1:
                out.append(rest.pop(0))
        return (*out, *rest)


def load_corpus() -> Corpus:
    manifest = DEVSET / "manifest.json"
    if manifest.is_file():
        documents = json.loads(manifest.read_text(encoding="utf-8"))["documents"]
        digital = tuple(DEVSET / d["file"] for d in documents if d["variant"] == "digital")
        scans = tuple(DEVSET / d["file"] for d in documents if d["variant"] != "digital")
        return Corpus("devset (../shared/devset/data)", digital, scans)
    digital = tuple(sorted(p for p in SAMPLES.rglob("*.pdf") if "scans" not in p.parts))
    scans = tuple(sorted(p for p in (SAMPLES / "scans").iterdir()
                         if p.suffix.lower() in _SCAN_SUFFIXES))
    return Corpus("samples/", digital, scans)


def one_page_pdf(corpus: Corpus) -> Path:
    """The first one-page digital PDF (for the whole-process ``extract`` timing)."""
    import pypdfium2 as pdfium

    for path in corpus.digital:
        pdf = pdfium.PdfDocument(str(path))
        try:
            if len(pdf) == 1:
                return path
        finally:
            pdf.close()
    return corpus.digital[0]
