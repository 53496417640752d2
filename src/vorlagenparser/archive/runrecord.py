"""The run record ``run-<UTC time>.json``: what was done, with which tools, and every checksum.

One record per batch (or ``extract --archive``) in the output folder: the tool and Tesseract
versions with the SHA-256 of each traineddata file used, the options and profile hashes, start
and end, and for every input its SHA-256, status, warning count and each output file with its
SHA-256. The record is written atomically when the run starts, again every few seconds while it
goes on (``"status": "running"``), and a last time at the end (``"complete"`` or
``"interrupted"``), so a killed run still leaves a record of what it finished.
:mod:`.fixity` verifies a folder against its records, the newest record of a file winning.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import platform
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import InputFileError, MissingDependencyError
from ..options import ExtractOptions
from ..writers._atomic import write_bytes
from ..writers.json import is_run_record

RECORD_GLOB = "run-*.json"
RECORD_FORMAT = "vorlagenparser-run-record"
RECORD_VERSION = 1
STATE_DIR = ".vorlagenparser"  # the batch's resume state: internal, never an output
_FLUSH_EVERY_S = 5.0


def sha256_of(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _utc(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


class RunRecord:
    """Collects a run's facts in the parent process and keeps ``run-<time>.json`` current."""

    def __init__(self, folder: Path, options: ExtractOptions, *, archive: bool,
                 settings: dict[str, Any] | None = None) -> None:
        started = dt.datetime.now(dt.UTC)
        self.folder = folder
        self.path = folder / f"run-{started:%Y%m%dT%H%M%S.%f}Z.json"
        self._last_flush = 0.0
        self.data: dict[str, Any] = {
            "format": RECORD_FORMAT, "version": RECORD_VERSION,
            "status": "running", "started": _utc(started), "finished": None,
            "tool": _tool(), "tesseract": _tesseract(options),
            **({"archive_tools": _archive_tools()} if archive else {}),
            "options": {**options.model_dump(mode="json"), "archive": archive,
                        **(settings or {})},
            "profile": _profile(options),
            "summary": {"done": 0, "skipped": 0, "failed": 0},
            "inputs": [], "files": [],
        }
        self._earlier = expected_checksums(folder, strict=False)

    def add_input(self, *, path: str, sha256: str, status: str, outputs: Iterable[Path] = (),
                  warnings: int | None = None, error: str | None = None,
                  archive: dict[str, Any] | None = None, reuse_earlier: bool = False) -> None:
        """One input's outcome. ``reuse_earlier``: outputs made by an earlier run keep the
        checksum that run recorded (this run did not touch them), so tampering in between is
        still found; a file no earlier record lists is hashed now."""
        entry: dict[str, Any] = {"path": path, "sha256": sha256, "status": status}
        if warnings is not None:
            entry["warnings"] = warnings
        if error is not None:
            entry["error"] = error
        if archive is not None:
            entry["archive"] = archive
        entry["outputs"] = [self._file(p, reuse_earlier) for p in outputs if p.exists()]
        self.data["inputs"].append(entry)
        summary = self.data["summary"]
        summary[status] = summary.get(status, 0) + 1
        self.flush()

    def add_files(self, paths: Iterable[Path]) -> None:
        """Run-level outputs inside the folder (database, JSON Lines, failures list)."""
        for path in paths:
            if path.exists() and path.resolve().is_relative_to(self.folder.resolve()):
                self.data["files"].append(self._file(path, False))

    def flush(self, *, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self._last_flush >= _FLUSH_EVERY_S:
            text = json.dumps(self.data, ensure_ascii=False, indent=1) + "\n"
            write_bytes(self.path, text.encode("utf-8"))
            self._last_flush = now

    def finish(self, status: str) -> Path:
        self.data["status"] = status
        self.data["finished"] = _utc(dt.datetime.now(dt.UTC))
        self.flush(force=True)
        return self.path

    def _file(self, path: Path, reuse_earlier: bool) -> dict[str, str]:
        name = path.resolve().relative_to(self.folder.resolve()).as_posix()
        digest = self._earlier.get(name) if reuse_earlier else None
        return {"file": name, "sha256": digest or sha256_of(path)}


class ReviewRecord:
    """A run record for the changes a person makes in the review tool.

    Corrections rewrite documents (and the database) after their batch recorded them; listing
    the new checksums in a record of their own keeps ``verify`` and ``bag`` finding every other
    change. One record per review session, rewritten after each change; a new one is begun
    when a batch ran in between, so the newest record always holds the latest checksums.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path: Path | None = None
        self.data: dict[str, Any] = {}

    def add(self, *, input_path: str, sha256: str, action: str, outputs: Iterable[Path],
            files: Iterable[Path]) -> None:
        """One change to the document ``sha256``: its outputs and the folder-level files
        (corrections log, database) as they are now."""
        path = self.path
        if path is None or record_paths(self.folder)[-1:] != [path]:
            path = self.path = self._begin()
        inputs = self.data["inputs"]
        entry = next((e for e in inputs if e["sha256"] == sha256), None)
        if entry is None:
            entry = {"path": input_path, "sha256": sha256, "status": "reviewed"}
            inputs.append(entry)
        entry["outputs"] = [self._file(p) for p in outputs if p.exists()]
        self.data["files"] = [self._file(p) for p in files if p.exists()
                              and p.resolve().is_relative_to(self.folder.resolve())]
        summary = self.data["summary"]
        summary[action] = summary.get(action, 0) + 1
        self.data["finished"] = _utc(dt.datetime.now(dt.UTC))
        write_bytes(path, (json.dumps(self.data, ensure_ascii=False, indent=1) + "\n").encode())

    def _begin(self) -> Path:
        started = dt.datetime.now(dt.UTC)
        self.data = {"format": RECORD_FORMAT, "version": RECORD_VERSION, "kind": "review",
                     "status": "complete", "started": _utc(started), "finished": None,
                     "tool": _tool(), "summary": {}, "inputs": [], "files": []}
        return self.folder / f"run-{started:%Y%m%dT%H%M%S.%f}Z.json"

    def _file(self, path: Path) -> dict[str, str]:
        name = path.resolve().relative_to(self.folder.resolve()).as_posix()
        return {"file": name, "sha256": sha256_of(path)}


def _tool() -> dict[str, str]:
    from .. import __version__

    return {"name": "vorlagenparser", "version": __version__,
            "python": platform.python_version()}


def _tesseract(options: ExtractOptions) -> dict[str, Any] | None:
    """Version and the traineddata files this run's languages (and orientation) load."""
    if options.ocr == "never":
        return None
    from ..ocr.tesseract import probe

    info = probe()
    if info.tessdata is None:
        return {"version": info.version, "installed": False}
    models = [*options.languages.split("+"), "osd"]
    files = [info.tessdata / f"{m}.traineddata" for m in dict.fromkeys(models)]
    return {"version": info.tesserocr_version or info.version, "backend": info.backend,
            "tessdata": str(info.tessdata),
            "traineddata": [{"file": f.relative_to(info.tessdata).as_posix(),
                             "sha256": sha256_of(f)} for f in files if f.is_file()]}


def _archive_tools() -> dict[str, str | None]:
    from importlib.metadata import PackageNotFoundError, version

    found: dict[str, str | None] = {}
    for package in ("ocrmypdf", "pikepdf", "img2pdf"):
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            found[package] = None
    try:
        from ._ocrmypdf import load

        load()
        from ocrmypdf._exec import ghostscript

        found["ghostscript"] = str(ghostscript.version()) if ghostscript.available() else None
    except MissingDependencyError:
        found["ghostscript"] = None
    return found


def _profile(options: ExtractOptions) -> dict[str, Any]:
    from ..profiles import list_profiles, load_profile

    if options.profile:
        chosen = load_profile(options.profile)
        return {"name": chosen.name, "sha256": chosen.sha256}
    return {"selection": "automatic",
            "candidates": {name: load_profile(name).sha256 for name in list_profiles()}}


# -- reading -------------------------------------------------------------------------------------

def record_paths(folder: Path) -> list[Path]:
    """The run records of a folder, oldest first (their names sort by UTC start time)."""
    return sorted(p for p in folder.glob(RECORD_GLOB) if is_run_record(p))


def read_record(path: Path) -> dict[str, Any]:
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputFileError(f"not a readable run record: {exc}", path) from exc
    if data.get("format") != RECORD_FORMAT:
        raise InputFileError("not a vorlagenparser run record", path)
    return data


def recorded_files(record: dict[str, Any]) -> Iterator[dict[str, str]]:
    for entry in record.get("inputs", []):
        yield from entry.get("outputs", [])
    yield from record.get("files", [])


def expected_checksums(folder: Path, *, strict: bool = True) -> dict[str, str]:
    """File (relative, POSIX) → SHA-256 as the newest run record that lists it says.

    ``strict=False`` skips unreadable records (a new run must not fail on an old, damaged
    record; ``verify`` reports it instead)."""
    expected: dict[str, str] = {}
    for path in record_paths(folder):
        try:
            record = read_record(path)
        except InputFileError:
            if strict:
                raise
            continue
        for item in recorded_files(record):
            expected[item["file"]] = item["sha256"]
    return expected
