"""One ``<name>.json`` per document, written atomically; and reading such a folder back."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from pydantic import ValidationError

from ..errors import InputFileError, OutputError
from ..filenames import output_stem
from ..model import Vorlage
from . import Record, SourceFile, Writer
from ._atomic import remove_stale_temps, write_bytes

# The batch's run records (run-20250101T120000.123456Z.json) share the folder with the
# documents; everything that reads documents back skips them.
RUN_RECORD_NAME = re.compile(r"run-\d{8}T\d{6}(\.\d+)?Z\.json")


def is_run_record(path: Path) -> bool:
    return RUN_RECORD_NAME.fullmatch(path.name) is not None


class JsonDirWriter(Writer):
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @property
    def sink_id(self) -> str:
        return f"json:{self.folder.resolve()}"

    def path_for(self, name: str) -> Path:
        return self.folder / f"{output_stem(name)}.json"

    def open(self) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot create the folder: {exc.strerror}", self.folder) from exc
        remove_stale_temps(self.folder)

    def write(self, record: Record) -> None:
        data = record.vorlage.model_dump_json(indent=2).encode("utf-8") + b"\n"
        write_bytes(self.path_for(record.name), data)

    def close(self) -> None:
        pass


def read_folder(folder: Path, source_for: Callable[[Vorlage], SourceFile]) -> Iterator[Record]:
    """Yield every ``*.json`` document in ``folder`` (sorted); ``source_for`` adds file facts."""
    for path in sorted(folder.glob("*.json")):
        if is_run_record(path):
            continue
        try:
            vorlage = Vorlage.model_validate_json(path.read_bytes())
        except ValidationError as exc:
            raise InputFileError(f"not a vorlagenparser document: {exc.errors()[0]['msg']}",
                                 path) from exc
        # The file's time is when the document was (last) converted.
        converted = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
        yield Record(name=path.stem, vorlage=vorlage, source=source_for(vorlage),
                     converted=converted.isoformat(timespec="seconds"))
