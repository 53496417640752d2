"""Verify an output folder against its run records, or a BagIt bag against its manifest.

Every file a run record lists must exist with the SHA-256 the newest record gives it; every
other file in the folder (outside the batch's internal ``.vorlagenparser/`` state, the run
records themselves and SQLite's ``-wal``/``-shm`` companions of a recorded database) counts as
added. A bag is checked by the ``bagit`` library: payload
manifest, tag manifest and the payload's completeness.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..errors import InputFileError, MissingDependencyError
from ..writers._atomic import TEMP_SUFFIX
from .runrecord import STATE_DIR, expected_checksums, record_paths, sha256_of

Kind = Literal["changed", "missing", "added"]
# SQLite's companions of an open (or crashed) database: transient state of a recorded file.
_SQLITE_SIDECARS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    path: str  # relative to the folder (or the bag), POSIX separators
    kind: Kind
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.kind}: {self.path}" + (f" ({self.detail})" if self.detail else "")


def is_bag(path: Path) -> bool:
    return (path / "bagit.txt").is_file()


def verify(path: Path) -> list[Problem]:
    """Problems found in an output folder or a bag (empty: everything is intact)."""
    if not path.is_dir():
        raise InputFileError("not a folder", path)
    return verify_bag(path) if is_bag(path) else verify_folder(path)


def verify_folder(folder: Path) -> list[Problem]:
    if not record_paths(folder):
        raise InputFileError("no run record (run-*.json) in this folder, nothing to verify "
                             "against; is it a batch output folder?", folder)
    expected = expected_checksums(folder)
    problems = []
    for name, digest in expected.items():
        path = folder / name
        if not path.is_file():
            problems.append(Problem(name, "missing"))
        elif sha256_of(path) != digest:
            problems.append(Problem(name, "changed", "SHA-256 differs from the run record"))
    sidecars = {name + suffix for name in expected for suffix in _SQLITE_SIDECARS}
    problems.extend(Problem(name, "added")
                    for name in _present(folder) - set(expected) - sidecars)
    return sorted(problems)


def _present(folder: Path) -> set[str]:
    records = set(record_paths(folder))
    found = set()
    for path in folder.rglob("*"):
        rel = path.relative_to(folder)
        if not path.is_file() or rel.parts[0] == STATE_DIR or path in records:
            continue
        if path.name.startswith(".") and path.name.endswith(TEMP_SUFFIX):
            continue  # an atomic write under way (or killed): never an output
        found.add(rel.as_posix())
    return found


def verify_bag(bag_dir: Path) -> list[Problem]:
    """bagit validates; when it fails, every file at fault is listed (bagit itself stops at the
    first failed check, e.g. the Payload-Oxum count, without naming files)."""
    bagit = bagit_module()
    try:
        bag = bagit.Bag(str(bag_dir))
    except bagit.BagError as exc:
        raise InputFileError(f"not a readable BagIt bag: {exc}", bag_dir) from exc
    try:
        bag.validate(processes=1)
    except bagit.BagValidationError as exc:
        return _bag_problems(bag_dir, bag) or [Problem(".", "changed", str(exc.message))]
    except bagit.BagError as exc:
        raise InputFileError(f"not a valid BagIt bag: {exc}", bag_dir) from exc
    return []


def _bag_problems(bag_dir: Path, bag: Any) -> list[Problem]:
    only_in_manifests, only_on_disk = bag.compare_manifests_with_fs()
    problems = [Problem(p, "missing") for p in only_in_manifests]
    problems += [Problem(p, "added") for p in only_on_disk]
    for rel, digests in bag.entries.items():
        path = bag_dir / rel
        if not path.is_file():
            if rel not in only_in_manifests:
                problems.append(Problem(rel, "missing"))
            continue
        with path.open("rb") as handle:
            found = {alg: hashlib.file_digest(handle, alg).hexdigest()
                     for alg in digests if not handle.seek(0)}
        wrong = sorted(alg for alg, digest in digests.items() if found.get(alg) != digest)
        if wrong:
            problems.append(Problem(rel, "changed", f"{', '.join(wrong)} differs from the manifest"))
    return sorted(problems)


def bagit_module() -> Any:
    """The bagit library, or MissingDependencyError saying how to install it."""
    try:
        import bagit
    except ImportError as exc:
        raise MissingDependencyError(
            "BagIt support needs the bagit library (pip install 'vorlagenparser[archive]')") from exc
    return bagit
