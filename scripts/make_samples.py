"""Regenerate ``samples/``: digital PDFs, scanned variants and a ``.truth.json`` beside each.

Run ``python scripts/make_samples.py``. Output is deterministic (fixed seeds, reportlab
``invariant``), so a regeneration only shows up in git when the generator changed. Every file
this script owns is deleted first, so samples that a change no longer produces do not linger.
``--family NAME`` (repeatable) regenerates only those families and the scans made from them,
leaving every other file alone.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Collection
from pathlib import Path

from _samples import (
    layout_allris,
    layout_antrag,
    layout_at_amtsbericht,
    layout_buergerschaft,
    layout_ch_antrag,
    layout_drucksache,
    layout_formular,
    layout_fraktur,
    layout_frankenthal,
    layout_gemeinde_bw,
    layout_kreis_einladung,
    layout_landkreis,
    layout_lra_sitzungsvorlage,
    layout_nrw_drucksache,
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
    "at_amtsbericht": layout_at_amtsbericht.generate,
    "lra_sitzungsvorlage": layout_lra_sitzungsvorlage.generate,
    "ch_antrag": layout_ch_antrag.generate,
    "nrw_drucksache": layout_nrw_drucksache.generate,
}
OWNED_SUFFIXES = (".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".truth.json")


def clean_outputs(samples: Path, families: Collection[str] | None = None) -> None:
    """Delete generated files in the folders this script owns (and nothing else); with
    ``families``, only theirs and the scans made from them."""
    for folder in LAYOUTS if families is None else families:
        _unlink_owned(samples / folder)
    if families is None:
        _unlink_owned(samples / "scans")
        return
    for spec in scans.specs_for(families):
        _unlink_owned(samples / "scans", stem=spec.name)


def _unlink_owned(directory: Path, stem: str | None = None) -> None:
    if not directory.is_dir():
        return
    for path in directory.iterdir():
        name = path.name
        if path.is_file() and name.endswith(OWNED_SUFFIXES) and (
            stem is None or name.split(".", 1)[0] == stem
        ):
            path.unlink()


def truth_path(sample: Path) -> Path:
    return sample.with_name(sample.stem + ".truth.json")


def write_digital(result: Rendered) -> None:
    sample = {"layout": result.layout, "kind": "digital", "notes": result.notes}
    write_truth(truth_path(result.path), truth_of(result.doc, result.boxes, sample))


def generate_all(out: Path, families: Collection[str] | None = None) -> None:
    """Render every layout (or only ``families``) into ``out``, then the scans made from them."""
    digital: dict[str, list[Rendered]] = {}
    for name, generate in LAYOUTS.items():
        if families is not None and name not in families:
            continue
        folder = out / name
        folder.mkdir(parents=True)
        digital[name] = generate(folder)
        for result in digital[name]:
            write_digital(result)
    scan_folder = out / "scans"
    scan_folder.mkdir()
    made = scans.generate(scan_folder, digital, families)
    if families is None:
        made += layout_fraktur.generate(scan_folder)
    for scan in made:
        write_truth(truth_path(scan.path), scan.truth)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "samples", help="samples folder")
    parser.add_argument(
        "--family",
        action="append",
        choices=sorted(LAYOUTS),
        help="regenerate only this family and its scans (repeatable); default: all",
    )
    args = parser.parse_args(argv)
    families: list[str] | None = args.family
    started = time.perf_counter()
    samples: Path = args.out.resolve()
    samples.mkdir(parents=True, exist_ok=True)
    # Build in a staging folder and swap in only on success: a crash halfway must not leave
    # the committed corpus half deleted.
    with tempfile.TemporaryDirectory(prefix=".samples-", dir=samples.parent) as tmp:
        staging = Path(tmp)
        generate_all(staging, families)
        clean_outputs(samples, families)
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
