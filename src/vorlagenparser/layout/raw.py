"""What the layout stage hands on: found values with their places, before validation."""

from __future__ import annotations

from dataclasses import dataclass

from .document import Found
from .folge import FolgeRow
from .results import Entry
from .sections import TEXT_SECTIONS
from .ties import Tie

__all__ = ["TEXT_SECTIONS", "RawVorlage"]


@dataclass(frozen=True, slots=True)
class RawVorlage:
    fields: dict[str, Found]
    beratungsfolge: tuple[FolgeRow, ...]
    beratungsergebnis: tuple[Entry, ...]
    unterzeichnung: dict[str, Found]
    anlagen: tuple[Found, ...]
    checkboxes: tuple[tuple[Tie, str | None], ...]  # every box with the output path it set
    warnings: tuple[str, ...]
