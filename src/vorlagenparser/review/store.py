"""A batch output folder as the review tool sees it: documents, their sources, and saving.

Documents are looked up by name in the folder's own listing, never by joining a name from a
request onto a path, so nothing outside the folder can be named. A save appends the edit to
``corrections.jsonl`` first (the log a re-run of the batch re-applies), then rewrites the
document JSON atomically, updates the database row with its search index, and records the new
checksums in a run record, all under the batch's folder lock.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path

from pydantic import JsonValue, ValidationError

from ..archive.runrecord import ReviewRecord, read_record, record_paths
from ..batch.ledger import folder_lock, read_entries
from ..corrections import Action, Edit, apply_edit, box_index, field_type, parse_input
from ..errors import CorrectionError, InputFileError, VorlagenparserError
from ..filenames import output_stem
from ..load import sniff
from ..model import Vorlage
from ..writers import Record, SourceFile, correction_log, database_writer, is_postgres_url
from ..writers.json import JsonDirWriter, is_run_record

DEFAULT_DB_NAME = "vorlagen.sqlite"


@dataclass(frozen=True, slots=True)
class Summary:
    """A document's line in the list."""

    name: str
    sha256: str
    betreff: str | None
    vorlagennummer: str | None
    datum: str | None
    pages: int
    flagged: int  # values and boxes flagged for review
    warnings: tuple[str, ...]
    needs_review: bool
    corrections: int


@dataclass(frozen=True, slots=True)
class Source:
    """Where a document's input file is, if it is still there and unchanged."""

    path: Path | None
    kind: str | None  # "pdf", "png", "jpeg", "tiff"
    problem: str | None  # why there is no page image


class ReviewStore:
    def __init__(self, folder: Path, db: str | None = None) -> None:
        if not folder.is_dir():
            raise InputFileError("not a folder", folder)
        self.folder = folder
        self.db, self.db_note = _database(folder, db)
        self._summaries: dict[Path, tuple[int, Summary]] = {}
        self._sources: dict[str, Source] = {}
        self._record = ReviewRecord(folder)
        self._write_lock = threading.Lock()

    # -- reading -------------------------------------------------------------------------------

    def names(self) -> dict[str, Path]:
        """Document name → its JSON file: names a batch could have written (so a save
        rewrites the same file), run records excluded."""
        return {p.stem: p for p in sorted(self.folder.glob("*.json"))
                if not is_run_record(p) and output_stem(p.stem) == p.stem}

    def load(self, name: str) -> Vorlage:
        """The document ``name``; KeyError when the folder holds no such document."""
        return _read(self.names()[name])

    def summaries(self) -> list[Summary]:
        """Every document, flagged ones first (most flags first), then by name. Files that
        are no documents of ours are left out."""
        found = []
        for name, path in self.names().items():
            try:
                found.append(self._summary(name, path))
            except (InputFileError, OSError):
                continue
        return sorted(found, key=lambda s: (not s.needs_review, -s.flagged, s.name))

    def source(self, vorlage: Vorlage) -> Source:
        """The input file: from the run records (newest first) and the ledger, checked by its
        SHA-256, so a page image never shows another file than the one converted."""
        sha256 = vorlage.source.sha256
        if sha256 not in self._sources:
            self._sources[sha256] = self._find_source(sha256)
        return self._sources[sha256]

    def cache_dir(self) -> Path:
        return self.folder / ".vorlagenparser" / "review"

    # -- writing -------------------------------------------------------------------------------

    def save(self, name: str, action: Action, path: str, text: str | None = None) -> Vorlage:
        """Correct (``text`` is what was typed), accept or toggle the value at ``path``.

        CorrectionError when the value does not fit; OutputError when a batch is writing
        into the folder. Nothing is written unless the whole change is valid.
        """
        with self._write_lock, folder_lock(self.folder):
            vorlage = self.load(name)
            edit = Edit(vorlage.source.sha256, path, action, self._new_value(vorlage, action, path, text),
                        dt.datetime.now(dt.UTC))
            corrected, edit = apply_edit(vorlage, edit)
            correction_log.append(self.folder, edit)
            self._write(name, corrected, action)
            return corrected

    def _new_value(self, vorlage: Vorlage, action: Action, path: str, text: str | None) -> JsonValue:
        if action == "accepted":
            return None  # the value as it stands
        if action == "toggled":
            index = box_index(path)
            if not 0 <= index < len(vorlage.checkboxes):
                raise CorrectionError(f"the document has no box {path!r}")
            return not vorlage.checkboxes[index].checked
        return parse_input(field_type(path), text or "")

    def _write(self, name: str, vorlage: Vorlage, action: Action) -> None:
        record = Record(name=name, vorlage=vorlage, source=self._source_facts(vorlage))
        json_dir = JsonDirWriter(self.folder)
        json_dir.write(record)
        if self.db is not None:
            with database_writer(self.db) as writer:
                writer.write(record)
        database = [] if self.db is None or is_postgres_url(self.db) else [Path(self.db)]
        self._record.add(input_path=record.source.path, sha256=record.source.sha256,
                         action=action, outputs=[json_dir.path_for(name)],
                         files=[correction_log.log_path(self.folder), *database])

    def _source_facts(self, vorlage: Vorlage) -> SourceFile:
        entry = read_entries(self.folder).get(vorlage.source.sha256)
        if entry is None:
            return SourceFile(path=vorlage.source.filename, sha256=vorlage.source.sha256)
        return SourceFile(path=entry.input, sha256=entry.sha256, sha512=entry.sha512,
                          size=entry.size, mime_type=entry.mime_type)

    # -- helpers -------------------------------------------------------------------------------

    def _summary(self, name: str, path: Path) -> Summary:
        stamp = path.stat().st_mtime_ns
        cached = self._summaries.get(path)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        vorlage = _read(path)
        flagged = (sum(p.needs_review for p in vorlage.provenance.values())
                   + sum(b.needs_review for b in vorlage.checkboxes))
        summary = Summary(name=name, sha256=vorlage.source.sha256, betreff=vorlage.betreff,
                          vorlagennummer=vorlage.vorlagennummer,
                          datum=vorlage.datum.isoformat() if vorlage.datum else None,
                          pages=vorlage.source.page_count, flagged=flagged,
                          warnings=tuple(vorlage.warnings), needs_review=vorlage.needs_review,
                          corrections=len(vorlage.corrections))
        self._summaries[path] = (stamp, summary)
        return summary

    def _find_source(self, sha256: str) -> Source:
        candidates = [entry["path"] for record in reversed(record_paths(self.folder))
                      for entry in _inputs(record) if entry.get("sha256") == sha256]
        ledger = read_entries(self.folder).get(sha256)
        if ledger is not None:
            candidates.append(ledger.input)
        for candidate in dict.fromkeys(candidates):
            try:
                found = sniff(candidate)
            except (VorlagenparserError, OSError):
                continue
            if found.sha256 == sha256:
                return Source(Path(candidate), found.kind, None)
        if not candidates:
            return Source(None, None, "no run record names the input file")
        return Source(None, None, f"the input file is no longer at {candidates[0]} (or has changed)")


def _read(path: Path) -> Vorlage:
    try:
        return Vorlage.model_validate_json(path.read_bytes())
    except ValidationError as exc:
        raise InputFileError(f"not a vorlagenparser document: {exc.errors()[0]['msg']}",
                             path) from exc


def _inputs(record_path: Path) -> list[dict[str, str]]:
    try:
        entries: list[dict[str, str]] = read_record(record_path).get("inputs", [])
    except InputFileError:
        return []
    return entries


def _database(folder: Path, db: str | None) -> tuple[str | None, str | None]:
    """The database to update: the one given, else the SQLite file the newest batch wrote
    (``sinks`` of its run record; one inside the folder is found again after the folder was
    moved), else ``vorlagen.sqlite`` in the folder. The note says why no database is updated
    (a PostgreSQL password is never recorded)."""
    if db is not None:
        return db, None
    for record in reversed(record_paths(folder)):
        try:
            sinks = read_record(record).get("options", {}).get("sinks")
        except InputFileError:
            continue
        if sinks is not None:  # a batch's record (a review record has none)
            return _recorded_database(folder, sinks)
    return _default_database(folder)


def _recorded_database(folder: Path, sinks: list[str]) -> tuple[str | None, str | None]:
    targets = dict(sink.split(":", 1) for sink in sinks)
    home = Path(targets.get("json", folder.resolve()))  # where the folder was when written
    if "postgres" in targets:
        return None, (f"the batch wrote to PostgreSQL ({targets['postgres']}); pass --db with "
                      "its URL to update it too")
    if "sqlite" not in targets:
        return _default_database(folder)
    recorded = Path(targets["sqlite"])
    if recorded.is_relative_to(home):
        recorded = folder / recorded.relative_to(home)
    elif home != folder.resolve():
        return None, (f"the batch wrote to {recorded}, outside this folder, which has moved "
                      "since; pass --db to update that database too")
    return (str(recorded), None) if recorded.is_file() else (None, f"the database {recorded} is gone")


def _default_database(folder: Path) -> tuple[str | None, str | None]:
    default = folder / DEFAULT_DB_NAME
    return (str(default), None) if default.is_file() else (None, "no database to update")


__all__ = ["DEFAULT_DB_NAME", "ReviewStore", "Source", "Summary"]
