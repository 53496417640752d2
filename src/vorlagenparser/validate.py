"""RawVorlage → validated Vorlage: provenance in original page coordinates, warnings, review flag.

Problems in one part (an entry that does not validate) become warnings; the document still
comes out. Only a model that cannot be built at all raises.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ValidationError

from .geometry import BBox
from .layout.document import Found
from .layout.raw import RawVorlage
from .model import (
    Beratungsergebnis,
    BeratungsfolgeEintrag,
    PageInfo,
    Source,
    Unterzeichnung,
    Vorlage,
)
from .pagemodel import Document, Page
from .parsing.dates import parse_pdf_date
from .profiles.model import Profile
from .trust import ReviewSettings, flag_built

SCALARS = ("vorlagenart", "vorlagennummer", "aktenzeichen", "datum", "federfuehrung", "hinweis",
           "betreff", "beschlussvorschlag", "begruendung", "finanzielle_auswirkungen")


class _Builder:
    def __init__(self, doc: Document, profile: Profile) -> None:
        self.doc = doc
        self.profile = profile
        # Provenance entries as the Vorlage's fields: validated with it, in one call (a model
        # built per entry cost more than the entry's checks).
        self.provenance: dict[str, dict[str, Any]] = {}
        self.warnings: list[str] = []
        # Per page: whether its frame is the original page, and the original's size (read for
        # every box given back: each value's and each checkbox's).
        self._frames = [(p.transform.is_identity, p.original_width or p.width, p.original_height or p.height)
                        for p in doc.pages]

    def box(self, page_no: int, bbox: BBox) -> list[float]:
        identity, w, h = self._frames[page_no - 1]
        b = bbox if identity else self.doc.pages[page_no - 1].to_original(bbox)
        x0, x1 = _ordered(_clamp(b.x0, w), _clamp(b.x1, w))
        t, bt = _ordered(_clamp(b.top, h), _clamp(b.bottom, h))
        return [round(x0, 2), round(t, 2), round(x1, 2), round(bt, 2)]

    def note(self, path: str, found: Found) -> None:
        page = self.doc.pages[found.page - 1]
        conf = round(max(0.0, min(1.0, found.confidence)), 3)
        self.provenance[path] = {"page": found.page, "bbox": self.box(found.page, found.bbox),
                                 "method": page.method, "confidence": conf, "raw": found.raw}

    def model(self, cls: type[BaseModel], data: dict[str, Any], path: str) -> Any:
        """Validate; a value that does not fit is dropped (with a warning), not the whole entry."""
        data = dict(data)
        for _ in range(len(data) + 1):
            try:
                return cls.model_validate(data)
            except ValidationError as exc:
                err = exc.errors()[0]
                where = str(err["loc"][0]) if err["loc"] else ""
                if where not in data or data[where] is None:
                    self.warnings.append(f"{path}: dropped: {err['msg']}")
                    return None
                self.warnings.append(f"{path}.{where}: {data[where]!r} dropped: {err['msg']}")
                data[where] = None
        return None


def to_vorlage(raw: RawVorlage, doc: Document, profile: Profile, version: str) -> Vorlage:
    b = _Builder(doc, profile)
    data: dict[str, Any] = {}
    for name in SCALARS:
        found = raw.fields.get(name)
        if found is None:
            continue
        if found.value is not None or found.raw:
            b.note(name, found)
        data[name] = found.value
    if data.get("datum") is None and "datum" not in b.provenance:
        _metadata_date(b, data)
    data["beratungsfolge"] = _folge(b, raw.beratungsfolge)
    data["beratungsergebnis"] = _ergebnis(b, raw)
    data["unterzeichnung"] = _unterzeichnung(b, raw.unterzeichnung)
    data["anlagen"] = _anlagen(b, raw.anlagen)
    data["checkboxes"] = _checkboxes(b, raw)
    data["provenance"] = b.provenance
    warnings = [*_page_notes(doc.pages), *raw.warnings, *b.warnings]
    vorlage = Vorlage(source=_source(doc, profile, version), warnings=warnings,
                      needs_review=bool(warnings), **data)
    return flag_built(vorlage, ReviewSettings(ocr_short=profile.review_threshold))


def _metadata_date(b: _Builder, data: dict[str, Any]) -> None:
    """An undated letter: fall back to the PDF's creation date, flagged for review."""
    created = parse_pdf_date(b.doc.created) if b.doc.created else None
    # Producers write placeholder dates (1970, 2000-01-01 in reproducible builds): no evidence.
    if created is None or created.year < 1993 or created == dt.date(2000, 1, 1):
        return
    data["datum"] = created
    b.provenance["datum"] = {"page": 1, "bbox": None, "method": "metadata", "confidence": 0.5,
                             "raw": b.doc.created}
    b.warnings.append("datum: not printed in the document; taken from the PDF creation date")


def _source(doc: Document, profile: Profile, version: str) -> Source:
    pages = [PageInfo(number=p.number, method=p.method, width=round(p.original_width or p.width, 2),
                      height=round(p.original_height or p.height, 2), rotation=_rotation(p.rotation),
                      ocr_confidence=None if p.ocr_confidence is None else round(p.ocr_confidence, 3))
             for p in doc.pages]
    return Source(filename=doc.filename, sha256=doc.sha256, page_count=len(pages), pages=pages,
                  profile=profile.name, extractor_version=version)


def _clamp(value: float, limit: float) -> float:
    """``min(max(value, 0.0), limit)`` as the comparisons min() and max() make (each keeps its
    first argument unless the other is strictly beyond it, so NaN and -0.0 come out alike):
    asked four times of every box given back, and the two calls cost more than the tests."""
    value = 0.0 if value < 0.0 else value
    return limit if limit < value else value


def _ordered(a: float, b: float) -> tuple[float, float]:
    """``sorted((a, b))`` as a tuple: b first only when it is less (NaN stays where it is)."""
    return (b, a) if b < a else (a, b)


def _rotation(value: int) -> Any:
    return value if value in (0, 90, 180, 270) else 0


def _page_notes(pages: tuple[Page, ...]) -> list[str]:
    return [n for p in pages for n in p.notes]


def _folge(b: _Builder, rows: tuple[Any, ...]) -> list[BeratungsfolgeEintrag]:
    out: list[BeratungsfolgeEintrag] = []
    for row in rows:
        path = f"beratungsfolge[{len(out)}]"
        entry = b.model(BeratungsfolgeEintrag, row.values, path)
        if entry is not None:
            _leaves(b, path, entry, row.leaves)
            out.append(entry)
    return out


def _ergebnis(b: _Builder, raw: RawVorlage) -> list[Beratungsergebnis]:
    out = []
    for i, entry in enumerate(raw.beratungsergebnis):
        path = f"beratungsergebnis[{i}]"
        model = b.model(Beratungsergebnis, entry.values, path)
        out.append(model if model is not None else Beratungsergebnis())
        _leaves(b, path, out[-1], entry.leaves)
    return out


def _leaves(b: _Builder, path: str, model: BaseModel, leaves: dict[str, Found]) -> None:
    """Provenance for every value the model kept (a dropped value has none)."""
    for name, found in leaves.items():
        if getattr(model, name, None) is not None or found.raw:
            b.note(f"{path}.{name}", found)


def _unterzeichnung(b: _Builder, parts: dict[str, Found]) -> Unterzeichnung:
    for name, found in parts.items():
        b.note(f"unterzeichnung.{name}", found)
    data = {k: v.value for k, v in parts.items()}
    model = b.model(Unterzeichnung, data, "unterzeichnung")
    return model if model is not None else Unterzeichnung()


def _anlagen(b: _Builder, items: tuple[Found, ...]) -> list[str]:
    out: list[str] = []
    for found in items:
        if found.value:
            b.note(f"anlagen[{len(out)}]", found)
            out.append(str(found.value))
    return out


def _checkboxes(b: _Builder, raw: RawVorlage) -> list[dict[str, Any]]:
    """The boxes as the Vorlage's fields (validated with it, as provenance is), in page order."""
    out: list[dict[str, Any]] = []
    for tie, path in raw.checkboxes:
        m = tie.mark
        out.append({"label": tie.label, "checked": m.checked, "page": tie.page,
                    "bbox": b.box(tie.page, m.bbox), "confidence": round(m.confidence, 3),
                    "source": m.source, "field": path,
                    "label_bbox": b.box(tie.page, tie.label_bbox) if tie.label_bbox else None})
    out.sort(key=lambda c: (c["page"], c["bbox"][1], c["bbox"][0]))
    return out
