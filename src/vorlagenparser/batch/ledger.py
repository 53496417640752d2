"""Resume state: which inputs are done (or failed) for this extractor, these options and sinks.

An append-only JSON Lines file, fsynced after every entry, under ``<out>/.vorlagenparser/``.
A SIGKILL can at worst tear the last line, which is cut off on the next open; an entry is only
appended after every writer has made the document durable, so "done" never lies. A lock file
keeps two batches from writing into the same folder at once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from ..errors import OutputError
from ..options import LIMIT_FIELDS, ExtractOptions
from ..writers._atomic import append_line, atomic_open, truncate_torn_tail

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks, single batch assumed
    fcntl = None  # type: ignore[assignment]

STATE_DIR = ".vorlagenparser"
LEDGER_NAME = "ledger.jsonl"


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    key: str
    sha256: str
    status: str  # "done" | "failed"
    input: str
    output: str | None = None
    sinks: tuple[str, ...] = ()
    pages: int = 0
    size: int | None = None
    sha512: str | None = None
    mime_type: str | None = None
    error_code: int | None = None
    error_type: str | None = None
    message: str | None = None
    at: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LedgerEntry:
        return cls(**{**data, "sinks": tuple(data.get("sinks", ()))})


def fingerprint(options: ExtractOptions, extractor: str, version: str) -> str:
    """Everything besides the input bytes that decides the output: a change means reconvert."""
    parts = [version, extractor, options.model_dump_json(exclude=set(LIMIT_FIELDS))]
    if options.profile and Path(options.profile).is_file():
        parts.append(hashlib.sha256(Path(options.profile).read_bytes()).hexdigest())
    if options.profiles and Path(options.profiles).is_dir():
        # Editing, adding or removing a user profile may change which one a file gets.
        parts += [f"{p.name}:{hashlib.sha256(p.read_bytes()).hexdigest()}"
                  for p in sorted(Path(options.profiles).glob("*.toml"))]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def resume_key(sha256: str, fingerprint: str) -> str:
    return f"{sha256}:{fingerprint}"


class Ledger:
    def __init__(self, folder: Path) -> None:
        self.state_dir = folder / STATE_DIR
        self.path = self.state_dir / LEDGER_NAME
        self._entries: dict[str, LedgerEntry] = {}
        self._handle: IO[bytes] | None = None
        self._lock: IO[bytes] | None = None

    def open(self) -> Ledger:
        try:
            self.state_dir.mkdir(parents=True, exist_ok=True)
            self._lock = _acquire_lock(self.state_dir / "lock")
            lines = self._load()
            if lines > 2 * len(self._entries) + 1000:
                self._compact()
            self._handle = self.path.open("ab")
        except OSError as exc:
            self.close()
            raise OutputError(f"cannot use the resume ledger: {exc.strerror}", self.path) from exc
        return self

    def get(self, key: str) -> LedgerEntry | None:
        return self._entries.get(key)

    def entries(self) -> Iterator[LedgerEntry]:
        return iter(self._entries.values())

    def record(self, entry: LedgerEntry) -> None:
        if self._handle is None:
            raise RuntimeError("Ledger.record() before open()")
        if not entry.at:
            entry = _stamped(entry)
        try:
            append_line(self._handle, json.dumps(asdict(entry), ensure_ascii=False).encode())
        except OSError as exc:
            raise OutputError(f"cannot append to the resume ledger: {exc.strerror}",
                              self.path) from exc
        self._entries[entry.key] = entry

    def close(self) -> None:
        for handle in (self._handle, self._lock):
            if handle is not None:
                handle.close()
        self._handle = self._lock = None

    def __enter__(self) -> Ledger:
        return self.open()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def _load(self) -> int:
        """Read all entries (the last one per key wins); returns the number of lines."""
        if not self.path.exists():
            return 0
        truncate_torn_tail(self.path)
        count = 0
        with self.path.open("rb") as handle:
            for line in handle:
                if line.strip():
                    entry = LedgerEntry.from_json(json.loads(line))
                    self._entries[entry.key] = entry
                    count += 1
        return count

    def _compact(self) -> None:
        # Rewrites only the latest entry per key; atomic, so a crash keeps the long version.
        with atomic_open(self.path) as handle:
            for entry in self._entries.values():
                handle.write(json.dumps(asdict(entry), ensure_ascii=False).encode() + b"\n")


def read_entries(folder: Path) -> dict[str, LedgerEntry]:
    """The latest done entry per SHA-256, read without locking (for exports)."""
    ledger = Ledger(folder)
    if ledger.path.exists():
        ledger._load()
    return {e.sha256: e for e in ledger.entries() if e.status == "done"}


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold the folder's batch lock for one short write from outside a batch (the review
    tool): OutputError while a batch is writing into the folder."""
    state_dir = folder / STATE_DIR
    try:
        state_dir.mkdir(exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot use the batch state folder: {exc.strerror}", state_dir) from exc
    handle = _acquire_lock(state_dir / "lock")
    try:
        yield
    finally:
        handle.close()


def _acquire_lock(path: Path) -> IO[bytes]:
    handle = path.open("ab")
    if fcntl is not None:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise OutputError("another batch is writing into this folder",
                              path.parent.parent) from None
    return handle


def _stamped(entry: LedgerEntry) -> LedgerEntry:
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    return LedgerEntry(**{**asdict(entry), "at": now})
