"""What every layout stage reads and none changes: pages, lines, marks, vocabularies, settings.

A :class:`Doc` is built once per document and is immutable; each stage takes it (and the values
of the stages before it) and returns a new value. Findings never go back into the Doc.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..geometry import BBox, BoxIndex, union
from ..pagemodel import Mark, Page, Word
from ..parsing.ocrfix import fix_identifier, fix_numeric
from ..profiles import per_profile
from ..profiles.model import Profile
from .normalize import key
from .settings import LayoutSettings
from .text import Line, Phrase
from .vocab import Vocabulary

# A number read together with the borders of its write-in box: "[0]", "lo]", "|21|".
# "23.-Januar 2023": a speck read as a dash between day and month name.
_STRAY_DASH = re.compile(r"(\d{1,2})\.\s*[-–—~]\s*([A-ZÄÖÜ][a-zäöü]{2,})")
_BOXED = re.compile(r"^[\[|(lI{]\s*([\dOoQDlISBZ]{1,4})\s*[\]|)}J]$")


@dataclass(frozen=True, slots=True)
class Found:
    """One extracted value with where it was printed (page frame coordinates) and how sure we are."""

    value: Any
    page: int
    bbox: BBox
    confidence: float
    raw: str | None = None


@dataclass(frozen=True, slots=True)
class Vocabularies:
    """The profile's wording, as matchers."""

    fields: Vocabulary
    sections: Vocabulary
    checkboxes: Vocabulary
    folge_columns: Vocabulary
    ergebnis_columns: Vocabulary
    zustaendigkeit: Vocabulary
    oeffentlich: Vocabulary
    arten: Vocabulary
    colon_only: frozenset[str]  # folded headings that need a colon to count
    signature_prefixes: Vocabulary
    roles: frozenset[str]
    salutations: tuple[str, ...]  # folded
    # The sections' heading patterns, compiled (ignoring case) in the profile's order: asked of
    # every line that starts with no known heading.
    heading_patterns: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]

    def is_salutation(self, text: str) -> bool:
        """A letter's opening ("Sehr geehrte Damen und Herren,"): text begins with one of the
        profile's salutations."""
        folded = key(text)
        return any(folded.startswith(s) for s in self.salutations)

    def is_role(self, text: str) -> bool:
        """A signer's role: one of the profile's, or an office by its shape ("Die Abteilungs-
        leiterin:", "Der Amtsvorstand", "Stadtkämmerer")."""
        if key(text) in self.roles:
            return True
        shape = text.strip().rstrip(":").strip()
        return _OFFICE_END.fullmatch(shape[-6:]) is not None and _ROLE_SHAPE.match(shape) is not None

    @classmethod
    def of(cls, profile: Profile) -> Vocabularies:
        """The profile's vocabularies, built once per profile (a dozen, each sorted and indexed)."""
        return per_profile(profile, cls._build)

    @classmethod
    def _build(cls, profile: Profile) -> Vocabularies:
        labels = {k: list(r.labels) for k, r in profile.fields.items()}
        if "vorlagennummer" in labels:  # "Sitzungsvorlage Nr.", "Anfrage-Nr.": every kind names its number
            labels["vorlagennummer"] += [
                f"{art}{sep}Nr." for art in profile.vorlagenarten for sep in (" ", "-")
            ]
        folge = profile.tables.get("beratungsfolge")
        ergebnis = profile.tables.get("beratungsergebnis")
        return cls(
            fields=Vocabulary(labels),
            sections=Vocabulary({k: [*r.headings, *r.colon_headings] for k, r in profile.sections.items()}),
            checkboxes=Vocabulary(profile.checkboxes),
            folge_columns=Vocabulary(folge.columns if folge else {}),
            ergebnis_columns=Vocabulary(ergebnis.columns if ergebnis else {}),
            zustaendigkeit=Vocabulary(profile.zustaendigkeit),
            oeffentlich=Vocabulary(profile.oeffentlich_values),
            arten=Vocabulary({a: [a] for a in profile.vorlagenarten}),
            colon_only=frozenset(key(h) for r in profile.sections.values() for h in r.colon_headings),
            signature_prefixes=Vocabulary({"p": profile.signature_prefixes}),
            roles=frozenset(key(r) for r in profile.signature_roles),
            salutations=tuple(key(s) for s in profile.salutations),
            heading_patterns=tuple((name, tuple(re.compile(p, re.IGNORECASE) for p in rule.patterns))
                                   for name, rule in profile.sections.items()),
        )


# The offices a role's last word ends in ("Abteilungsleiterin", "Oberbürgermeister").
_OFFICES = ("leiter", "leiterin", "meister", "meisterin", "direktor", "direktorin", "präsident",
            "präsidentin", "dezernent", "dezernentin", "referent", "referentin", "vorsitzende",
            "vorsitzender", "vorstand", "vorsteher", "vorsteherin", "sprecher", "sprecherin",
            "beauftragte", "beauftragter", "schreiber", "schreiberin", "kämmerer", "kämmerin", "amtmann",
            "landrat", "landrätin")
_ROLE_SHAPE = re.compile(
    r"^(?:(?:der|die)\s+)?(?:(?:stellv\.|stellvertretende[r]?|komm\.|kommissarische[r]?)\s+)?"
    r"(?:[A-ZÄÖÜ][\w\-äöüß]*)?(?:" + "|".join(_OFFICES) + r")$", re.IGNORECASE)
# The last six letters of an office (none is shorter), matched alike: a text ending otherwise is
# no role. Asked first, as _ROLE_SHAPE is slow to fail (it tries every office at every letter of
# the last word, some µs a line, and every line and phrase is asked).
_OFFICE_END = re.compile("|".join(sorted({office[-6:] for office in _OFFICES})), re.IGNORECASE)


@dataclass(frozen=True)
class Doc:
    pages: tuple[Page, ...]
    lines: tuple[Line, ...]
    marks: tuple[tuple[Mark, ...], ...]  # per page, as the detectors and the marks stage found them
    profile: Profile
    vocab: Vocabularies
    settings: LayoutSettings
    _by_page: dict[int, tuple[Line, ...]] = field(default_factory=dict, compare=False, repr=False)

    def page(self, number: int) -> Page:
        return self.pages[number - 1]

    def page_marks(self, number: int) -> tuple[Mark, ...]:
        return self.marks[number - 1]

    @cached_property
    def _word_indexes(self) -> dict[tuple[int, bool], BoxIndex[Word]]:
        return {}

    @cached_property
    def memo(self) -> dict[Hashable, Any]:
        """Answers a stage derives from the Doc alone, kept for the stages (and lines) that ask
        again: e.g. a grid row's header labels, asked for each line in the row."""
        return {}

    def word_index(self, number: int, vertical: bool = False) -> BoxIndex[Word]:
        """The words of page ``number`` (with ``vertical``: then its vertical words), indexed by
        position; built on first use."""
        page = self.page(number)
        slot = (number, vertical and bool(page.vertical_words))  # most pages have none: one index
        index = self._word_indexes.get(slot)
        if index is None:
            words = page.words + page.vertical_words if vertical else page.words
            index = self._word_indexes[slot] = BoxIndex(words, _word_box)
        return index

    @cached_property
    def lines_by_page(self) -> dict[int, tuple[Line, ...]]:
        out: dict[int, list[Line]] = {}
        for line in self.lines:
            out.setdefault(line.page, []).append(line)
        return {p: tuple(v) for p, v in out.items()}

    @cached_property
    def mark_lines(self) -> frozenset[int]:
        """Indexes of the lines whose middle a mark's height reaches (±2 pt): lines of options.
        Worked out once, as the tables and the boundaries ask it of every line."""
        out: set[int] = set()
        for number, marks in enumerate(self.marks, start=1):
            if not marks:
                continue
            bands = [(m.bbox.top - 2, m.bbox.bottom + 2) for m in marks]
            for line in self.on_page(number):
                cy = line.bbox.cy
                if any(top <= cy <= bottom for top, bottom in bands):
                    out.add(line.index)
        return frozenset(out)

    def on_page(self, number: int) -> tuple[Line, ...]:
        return self.lines_by_page.get(number, ())

    def line_of(self, phrase: Phrase) -> Line | None:
        for line in self.on_page(phrase.page):
            if any(p is phrase for p in line.phrases):
                return line
        return None

    def after(self, line: Line) -> tuple[Line, ...]:
        return self.lines[line.index + 1:]

    def line_height(self, line: Line) -> float:
        return max(line.height, 4.0)

    def typed(self, text: str, page: int) -> str:
        """Text that must be a date or a number: on scanned pages, OCR confusions repaired
        ("l2" → "12", "14.1O.2022" → "14.10.2022", a boxed "[0]" → "0"). Never for free text."""
        if self.page(page).method != "ocr":
            return text
        m = _BOXED.match(text.strip())
        text = _STRAY_DASH.sub(r"\1. \2", m.group(1) if m else text)
        return fix_numeric(text)

    def identifier(self, text: str, page: int) -> str:
        """An identifier (Vorlagen-Nr., Aktenzeichen) read by OCR, its letter prefix repaired."""
        return fix_identifier(text) if self.page(page).method == "ocr" else text

    def found(self, phrases: Sequence[Phrase], value: Any, raw: str | None = None,
              confidence: float | None = None) -> Found:
        first = phrases[0]
        conf = min(p.confidence for p in phrases) if confidence is None else confidence
        return Found(
            value=value, page=first.page, bbox=union(p.bbox for p in phrases), confidence=conf, raw=raw
        )


def _word_box(word: Word) -> BBox:
    return word.bbox


def make_doc(pages: Sequence[Page], lines: Sequence[Line], marks: Sequence[Sequence[Mark]], profile: Profile,
             settings: LayoutSettings) -> Doc:
    return Doc(pages=tuple(pages), lines=tuple(lines), marks=tuple(tuple(m) for m in marks), profile=profile,
               vocab=Vocabularies.of(profile), settings=settings)
