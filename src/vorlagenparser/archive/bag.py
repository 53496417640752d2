"""Pack a verified output folder as a BagIt bag, with its run records summarised in bag-info.

The folder is checked against its run records first, so a bag never blesses a changed file.
Its files (without the batch's internal resume state) are copied into a staging folder beside
the target, bagged there by the ``bagit`` library (SHA-256 and SHA-512 manifests), and the
finished bag is renamed into place: a failure leaves no half bag behind.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from ..errors import OutputError, ValidationFailedError
from .fixity import bagit_module, verify_folder
from .runrecord import STATE_DIR, read_record, record_paths

CHECKSUMS = ["sha256", "sha512"]


def make_bag(out_dir: Path, bag_dir: Path) -> Path:
    """Bag ``out_dir`` into the new folder ``bag_dir``; returns ``bag_dir``."""
    bagit = bagit_module()
    problems = verify_folder(out_dir)
    if problems:
        raise ValidationFailedError(
            f"{len(problems)} file(s) differ from the run records (first: {problems[0]}); "
            "run 'vorlagenparser verify' for the list", out_dir)
    if bag_dir.exists() and any(bag_dir.iterdir()):
        raise OutputError("the bag folder exists and is not empty", bag_dir)
    info = bag_info(out_dir)
    bag_dir.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".{bag_dir.name}.", dir=bag_dir.parent) as tmp:
        staging = Path(tmp) / "bag"
        shutil.copytree(out_dir, staging, ignore=shutil.ignore_patterns(STATE_DIR))
        try:
            bagit.make_bag(str(staging), info, checksums=CHECKSUMS)
        except (bagit.BagError, OSError) as exc:
            raise OutputError(f"cannot make the bag: {exc}", bag_dir) from exc
        if bag_dir.exists():
            bag_dir.rmdir()  # empty, checked above
        staging.rename(bag_dir)
    return bag_dir


def bag_info(out_dir: Path) -> dict[str, str | list[str]]:
    """bag-info.txt: who made the bag, and one line per run record (repeated tag)."""
    from .. import __version__

    runs = []
    for path in record_paths(out_dir):
        record = read_record(path)
        summary = ", ".join(f"{k} {v}" for k, v in record.get("summary", {}).items())
        tesseract = (record.get("tesseract") or {}).get("version") or "none"
        runs.append(f"{path.name}: {record.get('status')}, {record.get('started')} to "
                    f"{record.get('finished')}, vorlagenparser {record['tool']['version']}, "
                    f"tesseract {tesseract}, {summary}")
    return {
        "Bag-Software-Agent": f"vorlagenparser {__version__} (bagit library)",
        "External-Description": "Converted council documents: JSON, PDF/A copies, ALTO full "
                                "text and the run records that describe their conversion",
        "Vorlagenparser-Run-Record": runs,
    }
