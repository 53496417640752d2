"""What the layout stages share: lines in reading order, marks, vocabularies, and the findings."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..geometry import BBox
from ..pagemodel import Mark, Page
from ..parsing.ocrfix import fix_numeric
from ..profiles.model import Profile
from .lines import Line, Phrase
from .normalize import key
from .vocab import Vocabulary

# A number read together with the borders of its write-in box: "[0]", "lo]", "|21|".
# "23.-Januar 2023": a speck read as a dash between day and month name.
_STRAY_DASH = re.compile(r"(\d{1,2})\.\s*[-–—~]\s*([A-ZÄÖÜ][a-zäöü]{2,})")
_BOXED = re.compile(r"^[\[|(lI{]\s*([\dOoQDlISBZ]{1,4})\s*[\]|)}J]$")


@dataclass(frozen=True, slots=True)
class Found:
    """One extracted value with where it was printed (page frame coordinates)."""

    value: Any
    page: int
    bbox: BBox
    confidence: float
    raw: str | None = None


@dataclass(frozen=True, slots=True)
class TiedMark:
    mark: Mark
    page: int
    label: str
    label_bbox: BBox | None
    key: str | None  # the vocabulary key ("einstimmig"), None when the label is unknown


@dataclass
class Context:
    pages: Sequence[Page]
    lines: list[Line]
    marks: Sequence[Sequence[Mark]]
    profile: Profile
    fields: Vocabulary
    sections: Vocabulary
    checkbox_labels: Vocabulary
    colon_only: set[str]  # folded headings that need a colon to count
    # Line index → what starts there ("section:begruendung", "field:datum", "table:…", "stop").
    boundaries: dict[int, str] = field(default_factory=dict)
    consumed: set[int] = field(default_factory=set)  # lines that belong to a table or form block
    used_labels: set[tuple[int, int]] = field(default_factory=set)  # (line, phrase) that gave a value
    warnings: list[str] = field(default_factory=list)

    def page(self, number: int) -> Page:
        return self.pages[number - 1]

    def typed(self, text: str, page: int) -> str:
        """Text that must be a date or a number: on scanned pages, OCR confusions repaired
        ("l2" → "12", "14.1O.2022" → "14.10.2022", a boxed "[0]" → "0"). Never for free text."""
        if self.page(page).method != "ocr":
            return text
        m = _BOXED.match(text.strip())
        text = _STRAY_DASH.sub(r"\1. \2", m.group(1) if m else text)
        return fix_numeric(text)

    def line_height(self, line: Line) -> float:
        return max(line.height, 4.0)

    def lines_after(self, line: Line) -> list[Line]:
        return self.lines[line.index + 1:]

    def is_boundary(self, line: Line) -> bool:
        return line.index in self.boundaries or line.index in self.consumed

    def found(self, phrases: Sequence[Phrase], value: Any, raw: str | None = None) -> Found:
        from ..geometry import union

        boxes = [p.bbox for p in phrases]
        first = phrases[0]
        conf = min(p.confidence for p in phrases)
        return Found(value=value, page=first.page, bbox=union(boxes), confidence=conf, raw=raw)


def build_context(pages: Sequence[Page], lines: list[Line], marks: Sequence[Sequence[Mark]],
                  profile: Profile) -> Context:
    labels = {k: list(r.labels) for k, r in profile.fields.items()}
    if "vorlagennummer" in labels:  # "Sitzungsvorlage Nr.", "Anfrage-Nr.": every kind names its number
        labels["vorlagennummer"] += [f"{art}{sep}Nr." for art in profile.vorlagenarten for sep in (" ", "-")]
    return Context(
        pages=pages, lines=lines, marks=marks, profile=profile,
        fields=Vocabulary(labels),
        sections=Vocabulary({k: [*r.headings, *r.colon_headings] for k, r in profile.sections.items()}),
        colon_only={key(h) for r in profile.sections.values() for h in r.colon_headings},
        checkbox_labels=Vocabulary(profile.checkboxes),
    )
