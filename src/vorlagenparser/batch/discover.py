"""Find the inputs (files, folders, globs), name their outputs, and hash them.

The order is stable (sorted paths) and output names are deterministic, so re-running the same
command addresses the same files: the basis of resuming.
"""

from __future__ import annotations

import glob
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputFileError

SUPPORTED_SUFFIXES = frozenset({".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg"})
_CHUNK = 1 << 20
_GLOB_CHARS = frozenset("*?[")
_MAGIC = ((b"%PDF", "application/pdf"), (b"\x89PNG\r\n\x1a\n", "image/png"),
          (b"II*\x00", "image/tiff"), (b"MM\x00*", "image/tiff"), (b"\xff\xd8\xff", "image/jpeg"))


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path
    name: str  # output stem, unique within the batch


@dataclass(frozen=True, slots=True)
class FileDigests:
    sha256: str
    sha512: str | None
    size: int
    mime_type: str | None


def discover(inputs: Sequence[str | Path]) -> list[InputFile]:
    """Expand the command-line inputs into files with unique, deterministic output names."""
    paths = expand(inputs)
    if not paths:
        raise InputFileError("no PDF, TIFF, PNG or JPEG files found",
                             ", ".join(str(i) for i in inputs))
    names = output_names(paths)
    return [InputFile(path, names[path]) for path in paths]


def expand(inputs: Iterable[str | Path]) -> list[Path]:
    """Files as given (any suffix), folders recursively (supported suffixes, no hidden
    entries), globs when the text does not name an existing path. Sorted, without duplicates."""
    found: dict[Path, Path] = {}
    for item in inputs:
        for path in _expand_one(str(item)):
            found.setdefault(path.resolve(), path)
    return sorted(found.values())


def _expand_one(item: str) -> list[Path]:
    path = Path(item)
    if path.is_dir():
        return [p.absolute() for p in path.rglob("*")
                if p.suffix.lower() in SUPPORTED_SUFFIXES and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)]
    if path.exists():
        return [path.absolute()]
    if _GLOB_CHARS & set(item):
        # glob.glob, not Path.glob: the pattern may be absolute.
        matches = [Path(m).absolute() for m in glob.glob(item, recursive=True)]  # noqa: PTH207
        files = [m for m in matches if m.is_file()]
        if files:
            return files
    raise InputFileError("no such file or folder", item)


def output_names(paths: Sequence[Path]) -> dict[Path, str]:
    """``stem`` when unique; otherwise ``stem__<parent folders>`` with as many trailing folder
    names as it takes to tell the files apart (then the suffix, then a counter).

    Case is ignored when comparing, so names stay unique on case-insensitive file systems. The
    result depends only on the set of paths, never on their order.
    """
    groups: dict[str, list[Path]] = defaultdict(list)
    for path in paths:
        groups[path.stem.casefold()].append(path)
    names: dict[Path, str] = {}
    for group in groups.values():
        if len(group) == 1:
            names[group[0]] = group[0].stem
        else:
            names.update(_disambiguate(sorted(group)))
    return names


def _disambiguate(group: list[Path]) -> dict[Path, str]:
    depth_needed = max(len(p.parent.parts) for p in group)
    labels: list[str] = []
    for depth in range(1, depth_needed + 1):
        labels = ["_".join(_folders(p)[-depth:]) for p in group]
        if _unique(labels):
            break
    else:
        labels = [f"{label}_{p.suffix.lstrip('.')}" for label, p in zip(labels, group, strict=True)]
        if not _unique(labels):
            labels = [f"{label}_{i}" for i, label in enumerate(labels, start=1)]
    return {p: f"{p.stem}__{label}" for p, label in zip(group, labels, strict=True)}


def _folders(path: Path) -> tuple[str, ...]:
    return tuple(part for part in path.parent.parts if part not in (path.anchor, ""))


def _unique(labels: list[str]) -> bool:
    return len({label.casefold() for label in labels}) == len(labels)


def sha256_file(path: Path) -> str:
    """Streamed, so a 500 MB scan never sits in memory at once."""
    return file_digests(path, sha512=False).sha256


def file_digests(path: Path, *, sha512: bool = True) -> FileDigests:
    """SHA-256 (and SHA-512, for OParl), size and sniffed MIME type in one read of the file."""
    h256, h512 = hashlib.sha256(), hashlib.sha512() if sha512 else None
    size, head = 0, b""
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            if not size:
                head = chunk[:16]
            size += len(chunk)
            h256.update(chunk)
            if h512 is not None:
                h512.update(chunk)
    return FileDigests(h256.hexdigest(), h512.hexdigest() if h512 else None, size, sniff_mime(head))


def sniff_mime(head: bytes) -> str | None:
    return next((mime for magic, mime in _MAGIC if head.startswith(magic)), None)
