"""Benchmark the archival outputs: time per page for the PDF/A copy and ALTO, and their sizes.

    python bench/bench_archive.py [--limit N]

Every sample (digital PDFs and scans) is extracted once, then timed through
``archive.build_archive`` alone (text layer, PDF/A conversion, ALTO), so the figures are the
archive's cost on top of a normal conversion. Prints per kind: pages, ms per page, input and
output sizes, and how the PDF/A was made (pikepdf's conversion or Ghostscript).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from vorlagenparser.archive import ALTO_SUFFIX, PDF_SUFFIX, build_archive  # noqa: E402
from vorlagenparser.options import ExtractOptions  # noqa: E402
from vorlagenparser.pipeline import extract_document  # noqa: E402


def _options(sample: Path) -> ExtractOptions:
    truth = sample.with_name(sample.name.rsplit(".", 1)[0] + ".truth.json")
    languages = json.loads(truth.read_text())["sample"].get("languages", "deu")
    return ExtractOptions(languages=languages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="samples per kind (0: all)")
    args = parser.parse_args(argv)
    samples = sorted(p for p in (ROOT / "samples").rglob("*")
                     if p.suffix in {".pdf", ".png", ".jpg", ".tif"})
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    methods: dict[str, Counter[str]] = defaultdict(Counter)
    for sample in samples:
        kind = "scan" if sample.parent.name == "scans" else "digital"
        if args.limit and totals[kind]["files"] >= args.limit:
            continue
        options = _options(sample)
        extraction = extract_document(sample, options)
        started = time.perf_counter()
        files = build_archive(extraction, sample, options)
        seconds = time.perf_counter() - started
        t = totals[kind]
        t["files"] += 1
        t["pages"] += len(extraction.document.pages)
        t["ms"] += round(seconds * 1000)
        t["input_bytes"] += sample.stat().st_size
        t["pdf_bytes"] += len(files.files[PDF_SUFFIX])
        t["alto_bytes"] += len(files.files[ALTO_SUFFIX])
        methods[kind][f"{files.info['method']}{'' if files.info['validated'] else ' (not validated)'}"] += 1
    for kind, t in totals.items():
        print(f"{kind}: {t['files']} files, {t['pages']} pages, "
              f"{t['ms'] / t['pages']:.0f} ms/page for PDF/A + ALTO, "
              f"input {t['input_bytes'] / 1024 / t['files']:.0f} KiB/file → PDF/A "
              f"{t['pdf_bytes'] / 1024 / t['files']:.0f} KiB/file "
              f"({t['pdf_bytes'] / t['input_bytes']:.2f}×), ALTO "
              f"{t['alto_bytes'] / 1024 / t['pages']:.0f} KiB/page; PDF/A by {dict(methods[kind])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
