"""Find the inputs (files, folders, globs), name their outputs, and hash them.

The order is stable (sorted paths) and output names are deterministic, so re-running the same
command addresses the same files: the basis of resuming.
"""

from __future__ import annotations

import glob
import hashlib
import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputFileError
from ..filenames import output_stem
from ..load.files import file_problem, open_regular

SUPPORTED_SUFFIXES = frozenset({".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg"})
_CHUNK = 1 << 20
_GLOB_CHARS = frozenset("*?[")
_MAGIC = ((b"%PDF", "application/pdf"), (b"\x89PNG\r\n\x1a\n", "image/png"),
          (b"II*\x00", "image/tiff"), (b"MM\x00*", "image/tiff"), (b"\xff\xd8\xff", "image/jpeg"))


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path
    name: str  # output stem, unique within the batch (see filenames.output_stem)


@dataclass(frozen=True, slots=True)
class Unreadable:
    """An input that is there but cannot be read as a document, and why (one line)."""

    path: Path
    reason: str


@dataclass(frozen=True, slots=True)
class Discovery:
    files: list[InputFile]
    unreadable: list[Unreadable]


@dataclass(frozen=True, slots=True)
class FileDigests:
    sha256: str
    sha512: str | None
    size: int
    mime_type: str | None


def discover(inputs: Sequence[str | Path]) -> Discovery:
    """Expand the command-line inputs into files with unique, deterministic output names, and
    the inputs that cannot be read (FIFOs, devices, link loops, no permission) with reasons."""
    paths, unreadable = _expand(inputs)
    if not paths and not unreadable:
        raise InputFileError("no PDF, TIFF, PNG or JPEG files found",
                             ", ".join(str(i) for i in inputs))
    names = output_names(paths)
    return Discovery([InputFile(path, names[path]) for path in paths], unreadable)


def expand(inputs: Iterable[str | Path]) -> list[Path]:
    """Files as given (any suffix), folders recursively (supported suffixes, no hidden
    entries), globs when the text does not name an existing path. Sorted, without duplicates.
    Only readable regular files; see :func:`discover` for the others."""
    return _expand(inputs)[0]


def _expand(inputs: Iterable[str | Path]) -> tuple[list[Path], list[Unreadable]]:
    found: dict[str, Path | Unreadable] = {}
    for item in inputs:
        for entry in _expand_one(str(item)):
            key = os.path.realpath(entry.path if isinstance(entry, Unreadable) else entry)
            found.setdefault(key, entry)
    files = sorted(e for e in found.values() if isinstance(e, Path))
    unreadable = sorted((e for e in found.values() if isinstance(e, Unreadable)),
                        key=lambda e: e.path)
    return files, unreadable


def _expand_one(item: str) -> list[Path | Unreadable]:
    path = Path(item)
    if path.is_dir():
        return _walk(path)
    if os.path.lexists(path):  # also a dangling link or a link loop: reported, not missing
        return [_candidate(path.absolute())]
    if _GLOB_CHARS & set(item):
        # glob.glob, not Path.glob: the pattern may be absolute.
        matches = [Path(m).absolute() for m in glob.glob(item, recursive=True)]  # noqa: PTH207
        entries = [_candidate(m) for m in matches if not m.is_dir()]
        if entries:
            return entries
    raise InputFileError("no such file or folder", item)


def _walk(root: Path) -> list[Path | Unreadable]:
    """Every non-hidden entry with a supported suffix under ``root``, links not followed into
    folders; folders that cannot be listed are reported as unreadable inputs."""
    entries: list[Path | Unreadable] = []

    def unlistable(exc: OSError) -> None:
        where = Path(exc.filename or root).absolute()
        entries.append(Unreadable(where, f"folder cannot be listed: {exc.strerror or exc}"))

    for folder, dirs, names in os.walk(root, onerror=unlistable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                entries.append(_candidate(Path(folder, name).absolute()))
    return entries


def _candidate(path: Path) -> Path | Unreadable:
    problem = file_problem(path)
    return path if problem is None else Unreadable(path, problem)


def output_names(paths: Sequence[Path]) -> dict[Path, str]:
    """``stem`` when unique; otherwise ``stem__<parent folders>`` with as many trailing folder
    names as it takes to tell the files apart (then the suffix, then a counter).

    Every name is made safe and short by :func:`~vorlagenparser.filenames.output_stem` (the
    rule all writers share). Case is ignored when comparing, so names stay unique on
    case-insensitive file systems. The result depends only on the set of paths, never on
    their order.
    """
    stems = {path: _safe(path.stem) for path in paths}
    groups: dict[str, list[Path]] = defaultdict(list)
    for path in paths:
        groups[stems[path].casefold()].append(path)
    names: dict[Path, str] = {}
    for group in groups.values():
        if len(group) == 1:
            names[group[0]] = stems[group[0]]
        else:
            names.update(_disambiguate(sorted(group), stems))
    return _shortened(names)


def _safe(text: str) -> str:
    """Safe characters, not yet shortened (shortening comes last, so it keeps labels apart)."""
    return output_stem(text, max_bytes=1 << 20)


def _disambiguate(group: list[Path], stems: dict[Path, str]) -> dict[Path, str]:
    depth_needed = max(len(p.parent.parts) for p in group)
    labels: list[str] = []
    for depth in range(1, depth_needed + 1):
        labels = [_safe("_".join(_folders(p)[-depth:])) for p in group]
        if _unique(labels):
            break
    else:
        labels = [f"{label}_{p.suffix.lstrip('.')}" for label, p in zip(labels, group, strict=True)]
        if not _unique(labels):
            labels = [f"{label}_{i}" for i, label in enumerate(labels, start=1)]
    return {p: f"{stems[p]}__{label}" for p, label in zip(group, labels, strict=True)}


def _shortened(names: dict[Path, str]) -> dict[Path, str]:
    """Every name cut to the byte limit (with a hash of the whole); on the rare clash left
    after cutting, a counter in sorted path order."""
    short = {path: output_stem(name) for path, name in names.items()}
    seen: set[str] = set()
    for path in sorted(short):
        name, count = short[path], 1
        while name.casefold() in seen:
            count += 1
            name = output_stem(f"{short[path]}_{count}")
        seen.add(name.casefold())
        short[path] = name
    return short


def _folders(path: Path) -> tuple[str, ...]:
    return tuple(part for part in path.parent.parts if part not in (path.anchor, ""))


def _unique(labels: list[str]) -> bool:
    return len({label.casefold() for label in labels}) == len(labels)


def sha256_file(path: Path) -> str:
    """Streamed, so a 500 MB scan never sits in memory at once."""
    return file_digests(path, sha512=False).sha256


def file_digests(path: Path, *, sha512: bool = True) -> FileDigests:
    """SHA-256 (and SHA-512, for OParl), size and sniffed MIME type in one read of the file."""
    problem = file_problem(path)
    if problem:
        raise InputFileError(problem, path)
    h256, h512 = hashlib.sha256(), hashlib.sha512() if sha512 else None
    size, head = 0, b""
    with open_regular(path) as handle:
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
