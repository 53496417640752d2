"""What layout extraction hands on: found values with their places, before validation."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import results
from .context import Found, TiedMark

TEXT_SECTIONS = ("beschlussvorschlag", "begruendung", "finanzielle_auswirkungen")


@dataclass
class RawVorlage:
    fields: dict[str, Found] = field(default_factory=dict)
    beratungsfolge: list[Found] = field(default_factory=list)
    beratungsergebnis: list[results.Entry] = field(default_factory=list)
    unterzeichnung: dict[str, Found] = field(default_factory=dict)
    anlagen: list[Found] = field(default_factory=list)
    checkboxes: list[tuple[TiedMark, str | None]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
