"""Regenerate ``samples/``: digital PDFs, scanned variants and a ``.truth.json`` beside each.

Run ``python scripts/make_samples.py``. Output is deterministic (fixed seeds, reportlab
``invariant``), so a regeneration only shows up in git when the generator changed. Every file
this script owns is deleted first, so samples that a change no longer produces do not linger.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from _samples import (
    layout_allris,
    layout_antrag,
    layout_buergerschaft,
    layout_drucksache,
    layout_formular,
    layout_fraktur,
    layout_frankenthal,
    layout_gemeinde_bw,
    layout_kreis_einladung,
    layout_landkreis,
    layout_nrw_vorlage,
    layout_ris,
    layout_schweiz,
    layout_sessionnet,
    layout_zweispaltig,
    scans,
)
from _samples.common import Rendered
from _samples.truth import truth_of, write_truth

ROOT = Path(__file__).resolve().parent.parent
LAYOUTS: dict[str, Callable[[Path], list[Rendered]]] = {
    "frankenthal": layout_frankenthal.generate,
    "ris_tabelle": layout_ris.generate,
    "formular": layout_formular.generate,
    "drucksache": layout_drucksache.generate,
    "antrag": layout_antrag.generate,
    "allris": layout_allris.generate,
    "sessionnet": layout_sessionnet.generate,
    "landkreis": layout_landkreis.generate,
    "buergerschaft": layout_buergerschaft.generate,
    "gemeinde_bw": layout_gemeinde_bw.generate,
    "kreis_einladung": layout_kreis_einladung.generate,
    "schweiz": layout_schweiz.generate,
    "nrw_vorlage": layout_nrw_vorlage.generate,
    "zweispaltig": layout_zweispaltig.generate,
}
OWNED_SUFFIXES = (".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".truth.json")


def clean_outputs(samples: Path) -> None:
    """Delete generated files in the folders this script owns (and nothing else)."""
    for folder in [*LAYOUTS, "scans"]:
        directory = samples / folder
        if not directory.is_dir():
            continue
        for path in directory.iterdir():
            if path.is_file() and path.name.endswith(OWNED_SUFFIXES):
                path.unlink()


def truth_path(sample: Path) -> Path:
    return sample.with_name(sample.stem + ".truth.json")


def write_digital(result: Rendered) -> None:
    sample = {"layout": result.layout, "kind": "digital", "notes": result.notes}
    write_truth(truth_path(result.path), truth_of(result.doc, result.boxes, sample))


def generate_all(out: Path) -> None:
    """Render every layout into ``out``, then the scans made from them."""
    digital: dict[str, list[Rendered]] = {}
    for name, generate in LAYOUTS.items():
        folder = out / name
        folder.mkdir(parents=True)
        digital[name] = generate(folder)
        for result in digital[name]:
            write_digital(result)
    scan_folder = out / "scans"
    scan_folder.mkdir()
    for scan in [*scans.generate(scan_folder, digital), *layout_fraktur.generate(scan_folder)]:
        write_truth(truth_path(scan.path), scan.truth)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "samples", help="samples folder")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    samples: Path = args.out.resolve()
    samples.mkdir(parents=True, exist_ok=True)
    # Build in a staging folder and swap in only on success: a crash halfway must not leave
    # the committed corpus half deleted.
    with tempfile.TemporaryDirectory(prefix=".samples-", dir=samples.parent) as tmp:
        staging = Path(tmp)
        generate_all(staging)
        clean_outputs(samples)
        for path in sorted(staging.rglob("*")):
            if path.is_file():
                target = samples / path.relative_to(staging)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(path, target)
    report(samples, time.perf_counter() - started)
    return 0


def report(samples: Path, seconds: float) -> None:
    files = sorted(p for p in samples.rglob("*") if p.is_file() and p.name.endswith(OWNED_SUFFIXES))
    total = sum(p.stat().st_size for p in files)
    for path in files:
        if not path.name.endswith(".truth.json"):
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
            print(f"{path.relative_to(samples)}  {path.stat().st_size / 1024:8.1f} KiB  {digest}")
    print(f"{len(files)} files, {total / 1024 / 1024:.2f} MiB in {seconds:.1f} s")


if __name__ == "__main__":
    sys.exit(main())
