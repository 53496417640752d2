"""Vorlage → OParl 1.1 ``Paper`` (a pure mapping) and a writer for folders or one JSON file.

Our data has no server behind it, so every OParl URL is derived from ``base_url`` and stable
keys: papers and files by the input's SHA-256, organisations by a slug of their name. Vote counts
have no OParl field; they stay in our own JSON and database.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from contextlib import AbstractContextManager
from pathlib import Path
from types import TracebackType
from typing import IO, Any
from urllib.parse import quote

from ..model import BeratungsfolgeEintrag, Vorlage
from . import Record, Writer
from ._atomic import atomic_open, write_bytes

DEFAULT_BASE_URL = "https://example.invalid/oparl"
SCHEMA = "https://schema.oparl.org/1.1/"
OParlObject = dict[str, Any]

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def slug(text: str) -> str:
    """A URL path segment that is stable for the same name: "Ausschuss für Umwelt" →
    "ausschuss-fuer-umwelt"."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "unbenannt"


def organization_url(base_url: str, name: str) -> str:
    return f"{base_url.rstrip('/')}/organization/{slug(name)}"


def paper(record: Record, base_url: str = DEFAULT_BASE_URL) -> OParlObject:
    """The OParl Paper for one converted document, with File and Consultations embedded."""
    vorlage, base = record.vorlage, base_url.rstrip("/")
    paper_id = f"{base}/paper/{record.source.sha256}"
    fields: OParlObject = {
        "id": paper_id,
        "type": SCHEMA + "Paper",
        "name": vorlage.betreff,
        "reference": vorlage.vorlagennummer,
        "date": vorlage.datum.isoformat() if vorlage.datum else None,
        "paperType": vorlage.vorlagenart,
        "underDirectionOf": ([organization_url(base, vorlage.federfuehrung)]
                             if vorlage.federfuehrung else None),
        "mainFile": main_file(record, base),
        "consultation": [consultation(paper_id, base, i, item)
                         for i, item in enumerate(vorlage.beratungsfolge)] or None,
    }
    # OParl omits unknown values instead of sending null.
    return {key: value for key, value in fields.items() if value is not None}


def main_file(record: Record, base: str) -> OParlObject:
    source = record.source
    file_id = f"{base}/file/{source.sha256}"
    fields: OParlObject = {
        "id": file_id,
        "type": SCHEMA + "File",
        "name": source.filename,
        "fileName": source.filename,
        "mimeType": source.mime_type,
        "size": source.size,
        "sha512Checksum": source.sha512,
        "text": document_text(record.vorlage),
        "accessUrl": f"{file_id}/{quote(source.filename)}",
    }
    return {key: value for key, value in fields.items() if value is not None}


def consultation(paper_id: str, base: str, index: int,
                 item: BeratungsfolgeEintrag) -> OParlObject:
    fields: OParlObject = {
        "id": f"{paper_id}/consultation/{index + 1}",
        "type": SCHEMA + "Consultation",
        "organization": [organization_url(base, item.gremium)],
        "role": item.zustaendigkeit,
        "authoritative": (item.zustaendigkeit == "Entscheidung"
                          if item.zustaendigkeit else None),
    }
    return {key: value for key, value in fields.items() if value is not None}


def document_text(vorlage: Vorlage) -> str | None:
    """The extracted text sections, headed as in the document, for File.text."""
    sections = (("Betreff", vorlage.betreff), ("Beschlussvorschlag", vorlage.beschlussvorschlag),
                ("Begründung", vorlage.begruendung),
                ("Finanzielle Auswirkungen", vorlage.finanzielle_auswirkungen))
    text = "\n\n".join(f"{title}\n{body}" for title, body in sections if body)
    return text or None


class OParlWriter(Writer):
    """``dest`` ending in ``.json``: one file ``{"data": [...], "pagination": ...}`` (the shape
    of an OParl list); otherwise a folder with one ``<name>.json`` Paper per document."""

    def __init__(self, dest: Path, base_url: str = DEFAULT_BASE_URL) -> None:
        self.dest = dest
        self.base_url = base_url
        self.count = 0
        self._file: AbstractContextManager[IO[bytes]] | None = None
        self._handle: IO[bytes] | None = None

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
        data = json.dumps(paper(record, self.base_url), ensure_ascii=False, indent=2)
        if self._handle is None:
            write_bytes(self.dest / f"{record.name}.json", data.encode("utf-8") + b"\n")
        else:
            self._handle.write((",\n" if self.count else "").encode() + data.encode("utf-8"))
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
        if self._handle is None or self._file is None:
            return
        pagination = {"totalElements": self.count, "elementsPerPage": self.count,
                      "currentPage": 1, "totalPages": 1}
        tail = f'\n], "pagination": {json.dumps(pagination)}, "links": {{}}}}\n'
        self._handle.write(tail.encode())
        self._file.__exit__(None, None, None)
        self._handle = self._file = None


def export(records: Iterable[Record], writer: OParlWriter) -> int:
    """Write every record through ``writer``; returns the number of papers."""
    with writer:
        for record in records:
            writer.write(record)
    return writer.count
