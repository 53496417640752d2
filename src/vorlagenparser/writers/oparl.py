"""Vorlage → OParl 1.1 objects (pure mappings) and a writer for folders or one JSON file.

Our data has no server behind it, so every OParl URL is derived from ``base_url`` and stable
keys: papers and files by the input's SHA-256, organisations by a slug of their name, meetings
by Gremium and date, the body by ``--body-id``. Every File's ``accessUrl`` (required by OParl)
is ``<base>/file/<id>/<file name>``: the place where whoever publishes the export serves the
file. An Anlage whose file is not at hand keeps only its name there: no size, checksum or type.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO
from urllib.parse import quote

from ..model import Vorlage
from . import Record, SourceFile, Writer
from ._atomic import atomic_open, write_bytes
from .oparl_common import (
    DEFAULT_BASE_URL,
    DEFAULT_BODY_ID,
    SCHEMA,
    OParlObject,
    compact,
    organization_url,
    slug,
)
from .oparl_meetings import Session, Step, agenda_item, meeting, meeting_url, sessions

__all__ = ["DEFAULT_BASE_URL", "DEFAULT_BODY_ID", "SCHEMA", "Body", "OParlObject", "OParlWriter",
           "body_object", "export", "organization_url", "paper", "slug"]


@dataclass(frozen=True, slots=True)
class Body:
    """The council (Körperschaft) the papers belong to; its name is needed for a Body object."""

    id: str = DEFAULT_BODY_ID
    name: str | None = None

    def url(self, base: str) -> str:
        return f"{base.rstrip('/')}/body/{quote(self.id, safe='')}"


def paper(record: Record, base_url: str = DEFAULT_BASE_URL, body: Body | None = None,
          attachments: Mapping[str, SourceFile] | None = None) -> OParlObject:
    """The OParl Paper for one converted document, with its Files and Consultations embedded.

    ``attachments`` maps Anlage names to the files found for them (see :func:`find_attachments`).
    """
    vorlage, base, stamp = record.vorlage, base_url.rstrip("/"), record.converted
    paper_id = f"{base}/paper/{record.source.sha256}"
    return compact({
        "id": paper_id,
        "type": SCHEMA + "Paper",
        "body": (body or Body()).url(base),
        "name": vorlage.betreff,
        "reference": vorlage.vorlagennummer,
        "date": vorlage.datum.isoformat() if vorlage.datum else None,
        "paperType": vorlage.vorlagenart,
        "underDirectionOf": ([organization_url(base, vorlage.federfuehrung)]
                             if vorlage.federfuehrung else None),
        "mainFile": main_file(record, base),
        "auxiliaryFile": [auxiliary_file(record, base, n, name, (attachments or {}).get(name))
                          for n, name in enumerate(vorlage.anlagen, start=1)],
        "consultation": [consultation(paper_id, base, n, step, stamp)
                         for n, step in enumerate(_steps(vorlage), start=1)],
        "created": stamp, "modified": stamp,
    })


def _file(file_id: str, name: str, source: SourceFile | None, stamp: str | None,
          text: str | None = None) -> OParlObject:
    filename = source.filename if source else name
    return compact({
        "id": file_id, "type": SCHEMA + "File", "name": name,
        "fileName": source.filename if source else None,
        "mimeType": source.mime_type if source else None,
        "size": source.size if source else None,
        "sha512Checksum": source.sha512 if source else None,
        "text": text,
        "accessUrl": f"{file_id}/{quote(filename)}",
        "created": stamp, "modified": stamp,
    })


def main_file(record: Record, base: str) -> OParlObject:
    source = record.source
    return _file(f"{base}/file/{source.sha256}", source.filename, source, record.converted,
                 document_text(record.vorlage))


def auxiliary_file(record: Record, base: str, number: int, name: str,
                   found: SourceFile | None) -> OParlObject:
    """An Anlage by its printed name; with the file's facts when it was found beside the paper."""
    file_id = f"{base}/file/{record.source.sha256}-anlage-{number}"
    return _file(file_id, name, found, record.converted)


def consultation(paper_id: str, base: str, number: int, step: Step,
                 stamp: str | None) -> OParlObject:
    consultation_id = f"{paper_id}/consultation/{number}"
    session, role = step.session, step.role
    meeting_id = meeting_url(base, step.gremium, session.date) if session else None
    return compact({
        "id": consultation_id,
        "type": SCHEMA + "Consultation",
        "paper": paper_id,
        "meeting": meeting_id,
        "agendaItem": _item_url(meeting_id, paper_id, number) if meeting_id else None,
        "organization": [organization_url(base, step.gremium)],
        "role": role,
        "authoritative": role == "Entscheidung" if role else None,
        "created": stamp, "modified": stamp,
    })


def _steps(vorlage: Vorlage) -> list[Step]:
    return sessions(vorlage.beratungsfolge, vorlage.beratungsergebnis)


def _item_url(meeting_id: str, paper_id: str, number: int) -> str:
    return f"{meeting_id}/agendaItem/{paper_id.rsplit('/', 1)[-1]}-{number}"


def agenda_items(record: Record, base_url: str) -> list[tuple[Session, OParlObject]]:
    """The paper's items on the agendas of its dated sessions (for the Meetings)."""
    base = base_url.rstrip("/")
    paper_id = f"{base}/paper/{record.source.sha256}"
    out = []
    for number, step in enumerate(_steps(record.vorlage), start=1):
        session = step.session
        if session is None:
            continue
        meeting_id = meeting_url(base, step.gremium, session.date)
        out.append((session, agenda_item(_item_url(meeting_id, paper_id, number), meeting_id,
                                         f"{paper_id}/consultation/{number}", session,
                                         record.vorlage.betreff, record.converted)))
    return out


def body_object(body: Body, base_url: str) -> OParlObject | None:
    """The Body, when its name is known (OParl requires one); lists are URLs under it."""
    if body.name is None:
        return None
    url = body.url(base_url)
    return {"id": url, "type": SCHEMA + "Body", "name": body.name,
            **{key: f"{url}/{key}" for key in ("organization", "person", "meeting", "paper")},
            "legislativeTerm": []}


def find_attachments(record: Record, folders: Sequence[Path] = ()) -> dict[str, SourceFile]:
    """Anlagen whose file lies beside the paper's input (or in ``folders``), matched by name:
    "Lageplan.pdf" or "Anlage 2 - Lageplan.pdf" for the Anlage "Lageplan"."""
    source = Path(record.source.path)
    candidates = [p for folder in (source.parent, *folders) if folder.is_dir()
                  for p in sorted(folder.iterdir()) if p.is_file() and p != source]
    found: dict[str, SourceFile] = {}
    for name in record.vorlage.anlagen:
        wanted = slug(name)
        match = next((p for p in candidates
                      if slug(p.stem) == wanted or slug(p.stem).endswith("-" + wanted)), None)
        if match is not None:
            found[name] = _file_facts(match)
    return found


def _file_facts(path: Path) -> SourceFile:
    data = path.read_bytes()
    return SourceFile(path=str(path), sha256=hashlib.sha256(data).hexdigest(),
                      sha512=hashlib.sha512(data).hexdigest(), size=len(data),
                      mime_type=mimetypes.guess_type(path.name)[0])


def document_text(vorlage: Vorlage) -> str | None:
    """The extracted text sections, headed as in the document, for File.text."""
    sections = (("Betreff", vorlage.betreff), ("Beschlussvorschlag", vorlage.beschlussvorschlag),
                ("Begründung", vorlage.begruendung),
                ("Finanzielle Auswirkungen", vorlage.finanzielle_auswirkungen))
    text = "\n\n".join(f"{title}\n{body}" for title, body in sections if body)
    return text or None


class OParlWriter(Writer):
    """``dest`` ending in ``.json``: one file ``{"data": [...], "pagination": ...}`` (the shape
    of an OParl list) of Papers, with the Meetings in ``<stem>.meetings.json`` and the Body in
    ``<stem>.body.json`` beside it; otherwise a folder with one ``<name>.json`` Paper per
    document, ``meeting/<id>.json`` per session and ``body/<id>.json``. Meetings collect the
    agenda items of every paper and are written when the writer closes."""

    def __init__(self, dest: Path, base_url: str = DEFAULT_BASE_URL, body: Body | None = None,
                 attachment_dirs: Sequence[Path] = ()) -> None:
        self.dest = dest
        self.base_url = base_url.rstrip("/")
        self.body = body or Body()
        self.attachment_dirs = tuple(attachment_dirs)
        self.count = 0
        self._file: AbstractContextManager[IO[bytes]] | None = None
        self._handle: IO[bytes] | None = None
        self._meetings: dict[str, tuple[Session, list[OParlObject]]] = {}

    @property
    def single_file(self) -> bool:
        return self.dest.suffix.lower() == ".json"

    @property
    def sink_id(self) -> str:
        return f"oparl:{self.dest.resolve()}"

    def open(self) -> None:
        if not self.single_file:
            self.dest.mkdir(parents=True, exist_ok=True)
            return
        self.dest.parent.mkdir(parents=True, exist_ok=True)
        # The list is streamed into a temp file and renamed on close: never half an export.
        self._file = atomic_open(self.dest)
        self._handle = self._file.__enter__()
        self._handle.write(b'{"data": [\n')

    def write(self, record: Record) -> None:
        found = find_attachments(record, self.attachment_dirs)
        data = _dumps(paper(record, self.base_url, self.body, found))
        if self._handle is None:
            write_bytes(self.dest / f"{record.name}.json", data + b"\n")
        else:
            self._handle.write((b",\n" if self.count else b"") + data)
        for session, item in agenda_items(record, self.base_url):
            key = meeting_url(self.base_url, session.gremium, session.date)
            self._meetings.setdefault(key, (session, []))[1].append(item)
        self.count += 1

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if exc_type is not None and self._file is not None:
            # Failed half-way: drop the temp file instead of completing a partial list.
            file, self._file, self._handle = self._file, None, None
            file.__exit__(exc_type, exc, tb)
            return
        self.close()

    def close(self) -> None:
        meetings = [meeting(self.base_url, session, items)
                    for session, items in self._meetings.values()]
        body = body_object(self.body, self.base_url)
        if self.single_file:
            self._close_list()
            if meetings:
                write_bytes(self.beside("meetings"), _listing(meetings))
            if body is not None:
                write_bytes(self.beside("body"), _dumps(body) + b"\n")
        else:
            for item in meetings:
                self._write_object("meeting", item)
            if body is not None:
                self._write_object("body", body)
        self._meetings = {}

    def beside(self, kind: str) -> Path:
        """``papers.json`` → ``papers.<kind>.json``: the other objects of a single-file export."""
        return self.dest.with_name(f"{self.dest.stem}.{kind}.json")

    def _close_list(self) -> None:
        if self._handle is None or self._file is None:
            return
        tail = f'\n], "pagination": {json.dumps(_pagination(self.count))}, "links": {{}}}}\n'
        self._handle.write(tail.encode())
        self._file.__exit__(None, None, None)
        self._handle = self._file = None

    def _write_object(self, kind: str, obj: OParlObject) -> None:
        folder = self.dest / kind
        folder.mkdir(exist_ok=True)
        write_bytes(folder / f"{obj['id'].rsplit('/', 1)[-1]}.json", _dumps(obj) + b"\n")


def _dumps(obj: OParlObject) -> bytes:
    return json.dumps(obj, ensure_ascii=False, indent=2).encode("utf-8")


def _pagination(count: int) -> dict[str, int]:
    return {"totalElements": count, "elementsPerPage": count, "currentPage": 1, "totalPages": 1}


def _listing(objects: list[OParlObject]) -> bytes:
    listing = {"data": objects, "pagination": _pagination(len(objects)), "links": {}}
    return _dumps(listing) + b"\n"


def export(records: Iterable[Record], writer: OParlWriter) -> int:
    """Write every record through ``writer``; returns the number of papers."""
    with writer:
        for record in records:
            writer.write(record)
    return writer.count
