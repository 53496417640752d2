"""Verify an output folder against its run records, or a BagIt bag against its manifest.

Every file a run record lists must exist with the SHA-256 the newest record gives it; every
other file in the folder (outside the batch's internal ``.vorlagenparser/`` state and the run
records themselves) counts as added. A bag is checked by the ``bagit`` library: payload
manifest, tag manifest and the payload's completeness.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..errors import InputFileError, MissingDependencyError
from ..writers._atomic import TEMP_SUFFIX
from .runrecord import RECORD_GLOB, STATE_DIR, expected_checksums, record_paths, sha256_of

Kind = Literal["changed", "missing", "added"]


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
    problems.extend(Problem(name, "added") for name in _present(folder) - set(expected))
    return sorted(problems)


def _present(folder: Path) -> set[str]:
    records = set(folder.glob(RECORD_GLOB))
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
    bagit = bagit_module()
    try:
        bag = bagit.Bag(str(bag_dir))
        bag.validate(processes=1)
    except bagit.BagValidationError as exc:
        problems = [_problem(bagit, detail) for detail in (exc.details or [])]
        return sorted(problems) or [Problem(".", "changed", str(exc.message))]
    except bagit.BagError as exc:
        raise InputFileError(f"not a valid BagIt bag: {exc}", bag_dir) from exc
    return []


def _problem(bagit: Any, detail: Any) -> Problem:
    path = str(getattr(detail, "path", "?")).replace("\\", "/")
    if isinstance(detail, bagit.ChecksumMismatch):
        return Problem(path, "changed", f"{detail.algorithm} differs from the manifest")
    if isinstance(detail, bagit.FileMissing):
        return Problem(path, "missing")
    if isinstance(detail, bagit.UnexpectedFile):
        return Problem(path, "added")
    return Problem(path, "changed", str(detail))


def bagit_module() -> Any:
    """The bagit library, or MissingDependencyError saying how to install it."""
    try:
        import bagit
    except ImportError as exc:
        raise MissingDependencyError(
            "BagIt support needs the bagit library (pip install 'vorlagenparser[archive]')") from exc
    return bagit
