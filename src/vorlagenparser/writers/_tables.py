"""The relational layout shared by the SQLite and PostgreSQL writers, as data plus pure functions.

Every table is keyed by the input's SHA-256 (children add their ``position``), so writing the
same document again replaces its rows instead of adding new ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from ..model import Vorlage
from ..search import SEARCH_FIELDS, IndexText, index_text
from . import Record

ColumnType = Literal["text", "int", "bool", "date", "real", "json"]
Columns = tuple[tuple[str, ColumnType], ...]
Row = dict[str, object]

DOCUMENT_COLUMNS: Columns = (
    ("sha256", "text"), ("sha512", "text"), ("size", "int"), ("mime_type", "text"),
    ("filename", "text"), ("source_path", "text"), ("output_name", "text"),
    ("vorlagenart", "text"), ("vorlagennummer", "text"), ("aktenzeichen", "text"),
    ("datum", "date"), ("federfuehrung", "text"), ("betreff", "text"),
    ("beschlussvorschlag", "text"), ("begruendung", "text"), ("finanzielle_auswirkungen", "text"),
    ("page_count", "int"), ("profile", "text"), ("extractor_version", "text"),
    ("needs_review", "bool"), ("document", "json"),
)

CHILD_TABLES: Mapping[str, Columns] = {
    "beratungsfolge": (
        ("gremium", "text"), ("sitzung_am", "date"), ("top", "text"),
        ("zustaendigkeit", "text"), ("oeffentlich", "bool"),
    ),
    "beratungsergebnis": (
        ("gremium", "text"), ("sitzung_am", "date"), ("top", "text"), ("oeffentlich", "bool"),
        ("nichtoeffentlich", "bool"), ("einstimmig", "bool"), ("mit_stimmenmehrheit", "bool"),
        ("ja_stimmen", "int"), ("nein_stimmen", "int"), ("enthaltungen", "int"),
        ("laut_beschlussvorschlag", "bool"), ("abweichender_beschluss", "bool"),
        ("kenntnisnahme", "bool"), ("stellungnahme_beigefuegt", "bool"),
    ),
    "checkboxes": (
        ("label", "text"), ("checked", "bool"), ("page", "int"), ("x0", "real"), ("top", "real"),
        ("x1", "real"), ("bottom", "real"), ("confidence", "real"), ("source", "text"),
        ("field", "text"),
    ),
    "anlagen": (("name", "text"),),
}

# The columns a full-text index covers, in both databases.
FULLTEXT_COLUMNS = SEARCH_FIELDS


def column_names(columns: Columns) -> tuple[str, ...]:
    return tuple(name for name, _ in columns)


def child_columns(table: str) -> tuple[str, ...]:
    """Columns of a child table as inserted: the key first, then the data."""
    return ("sha256", "position", *column_names(CHILD_TABLES[table]))


def document_row(record: Record) -> Row:
    """The ``documents`` row; ``document`` is the full JSON as a dict (each writer encodes it)."""
    vorlage, source = record.vorlage, record.source
    return {
        "sha256": source.sha256, "sha512": source.sha512, "size": source.size,
        "mime_type": source.mime_type, "filename": vorlage.source.filename,
        "source_path": source.path, "output_name": record.name,
        "vorlagenart": vorlage.vorlagenart, "vorlagennummer": vorlage.vorlagennummer,
        "aktenzeichen": vorlage.aktenzeichen, "datum": vorlage.datum,
        "federfuehrung": vorlage.federfuehrung, "betreff": vorlage.betreff,
        "beschlussvorschlag": vorlage.beschlussvorschlag, "begruendung": vorlage.begruendung,
        "finanzielle_auswirkungen": vorlage.finanzielle_auswirkungen,
        "page_count": vorlage.source.page_count, "profile": vorlage.source.profile,
        "extractor_version": vorlage.source.extractor_version,
        "needs_review": vorlage.needs_review, "document": vorlage.model_dump(mode="json"),
    }


def child_rows(record: Record) -> dict[str, list[Row]]:
    """Rows for every child table, numbered by their position in the document."""
    vorlage, key = record.vorlage, record.source.sha256
    tables: dict[str, list[Row]] = {
        "beratungsfolge": [item.model_dump() for item in vorlage.beratungsfolge],
        "beratungsergebnis": [item.model_dump() for item in vorlage.beratungsergebnis],
        "checkboxes": [_checkbox_row(vorlage, i) for i in range(len(vorlage.checkboxes))],
        "anlagen": [{"name": name} for name in vorlage.anlagen],
    }
    return {table: [{"sha256": key, "position": pos, **row} for pos, row in enumerate(rows)]
            for table, rows in tables.items()}


def _checkbox_row(vorlage: Vorlage, index: int) -> Row:
    box = vorlage.checkboxes[index]
    x0, top, x1, bottom = box.bbox
    return {"label": box.label, "checked": box.checked, "page": box.page, "x0": x0, "top": top,
            "x1": x1, "bottom": bottom, "confidence": box.confidence, "source": box.source,
            "field": box.field}


def search_entries(vorlage: Vorlage) -> IndexText:
    """The document's full-text index entries (stems per field, full forms)."""
    return index_text({name: getattr(vorlage, name) for name in FULLTEXT_COLUMNS})
