"""What every OParl mapping shares: the schema URL, stable URL slugs, dropping unknown values."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

SCHEMA = "https://schema.oparl.org/1.1/"
DEFAULT_BASE_URL = "https://example.invalid/oparl"
DEFAULT_BODY_ID = "1"
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


def compact(fields: OParlObject) -> OParlObject:
    """OParl omits unknown values instead of sending null (and empty lists say nothing)."""
    return {key: value for key, value in fields.items() if value is not None and value != []}
