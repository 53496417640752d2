"""The page read as a form: every stage's value, kept together so it can be drawn (``inspect``)
and turned into a :class:`~vorlagenparser.layout.raw.RawVorlage`."""

from __future__ import annotations

from dataclasses import dataclass

from .counts import Count
from .document import Doc
from .folge import FolgeRow
from .headings import Heading
from .pairs import Pairs
from .regions import Regions
from .results import Results
from .sections import Boundaries, Sections
from .signature import Signature
from .tables import Table
from .ties import Tie
from .title import TitleParts


@dataclass(frozen=True, slots=True)
class Form:
    doc: Doc
    regions: Regions
    headings: tuple[Heading, ...]
    ties: tuple[Tie, ...]
    counts: tuple[Count, ...]
    tables: tuple[Table, ...]
    results: Results
    pairs: Pairs
    bounds: Boundaries
    sections: Sections
    folge: tuple[FolgeRow, ...]
    title: TitleParts
    signature: Signature
    vorlage_pages: int  # pages of the Vorlage itself; later pages are its Anlagen
