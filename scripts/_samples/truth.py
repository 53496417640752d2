"""Serialise a rendered :class:`~_samples.doc.Doc` and its recorded boxes into ``X.truth.json``."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import unicodedata
from pathlib import Path
from typing import Any

from _samples.doc import CheckboxTruth, Doc, Para, clean


def _text(value: str | None) -> str | None:
    if value is None:
        return None
    return unicodedata.normalize("NFC", " ".join(clean(value).split())) or None


def _paras(paras: list[Para]) -> str | None:
    if not paras:
        return None
    return "\n".join(unicodedata.normalize("NFC", p.truth()) for p in paras)


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _plain(obj: Any) -> dict[str, Any]:
    """A dataclass as a JSON-ready dict: dates as ISO, strings cleaned."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, str):
            value = _text(value)
        out[f.name] = value
    return out


def truth_of(doc: Doc, boxes: list[CheckboxTruth], sample: dict[str, Any]) -> dict[str, Any]:
    betreff = doc.betreff
    if betreff and doc.betreff_hier:
        betreff = f"{betreff} {doc.betreff_hier}"
    return {
        "sample": sample,
        "vorlagenart": _text(doc.vorlagenart),
        "vorlagennummer": _text(doc.vorlagennummer),
        "aktenzeichen": _text(doc.aktenzeichen),
        "datum": _date(doc.datum),
        "federfuehrung": _text(doc.federfuehrung),
        "hinweis": _text(doc.hinweis),
        "betreff": _text(betreff),
        "beratungsfolge": [_plain(f) for f in doc.beratungsfolge],
        "beschlussvorschlag": _paras(doc.beschluss),
        "begruendung": _paras(doc.begruendung),
        "finanzielle_auswirkungen": _paras(doc.finanzen),
        "beratungsergebnis": [_plain(e) for e in doc.ergebnisse],
        "unterzeichnung": _plain(doc.unterz),
        "anlagen": [t for a in doc.anlagen if (t := _text(a))],
        "checkboxes": [dataclasses.asdict(b) for b in boxes],
    }


def write_truth(path: Path, truth: dict[str, Any]) -> None:
    path.write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
