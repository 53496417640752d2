"""Tell what a file is from its bytes, and refuse what we cannot read with a clear error."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..errors import (
    EmptyFileError,
    InputFileError,
    NotAPdfError,
    TruncatedPdfError,
    UnsupportedFileError,
)
from .files import file_problem, open_regular

FileKind = Literal["pdf", "png", "jpeg", "tiff"]

_MAGIC: tuple[tuple[bytes, FileKind], ...] = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
)


@dataclass(frozen=True, slots=True)
class Sniffed:
    path: str
    kind: FileKind
    size: int
    sha256: str


def sha256_of(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with open_regular(path) as fh:
        while block := fh.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def sniff(path: str | Path, max_mb: float = 512.0) -> Sniffed:
    """Classify the file by magic bytes; raise an InputFileError subclass for unusable files."""
    p = Path(path)
    problem = file_problem(p)
    if problem:
        raise InputFileError(problem, p)
    size = p.stat().st_size
    if size == 0:
        raise EmptyFileError("file is empty (0 bytes)", p)
    if size > max_mb * 1024 * 1024:
        raise InputFileError(f"file is {size / 1048576:.0f} MB, above the {max_mb:.0f} MB limit", p)
    with open_regular(p) as fh:
        head = fh.read(1024)
        fh.seek(max(0, size - 2048))
        tail = fh.read()
    kind = _kind_of(head)
    if kind is None:
        if p.suffix.lower() == ".pdf":
            raise NotAPdfError("not a PDF (no %PDF header)", p)
        raise UnsupportedFileError("unsupported file type (expected PDF, TIFF, PNG or JPEG)", p)
    if kind == "pdf" and b"%%EOF" not in tail:
        # A PDF ends with %%EOF; without it the file was cut off in transfer or storage.
        raise TruncatedPdfError("PDF is truncated (no %%EOF marker at the end)", p)
    if kind != "pdf" and p.suffix.lower() == ".pdf":
        raise NotAPdfError(f"not a PDF: the file is a {kind.upper()} image named .pdf", p)
    return Sniffed(str(p), kind, size, sha256_of(p))


def _kind_of(head: bytes) -> FileKind | None:
    if b"%PDF-" in head:
        return "pdf"
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    return None
