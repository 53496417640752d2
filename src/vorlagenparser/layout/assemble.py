"""The layout recipe: each stage a pure function of the values before it.

    text → regions → headings → ties (marks → labels) → counts → tables → results
         → pairs (labels → values) → boundaries → sections → Beratungsfolge → title → signature

``analyse`` returns the whole :class:`Form` (for ``inspect``); ``to_raw`` turns it into the
:class:`RawVorlage` that validation makes a Vorlage of; ``assemble`` does both.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..geometry import BBox, intersection_area
from ..pagemodel import Mark, Page
from ..profiles.model import Profile
from .counts import Count, find_counts, is_count_tie
from .document import Doc, Found, make_doc
from .extent import vorlage_pages
from .folge import find_folge
from .form import Form
from .headings import Heading, find_headings, sibling_headings
from .marks import typed_marks
from .normalize import key
from .pairs import LabelHit, find_labels, find_pairs
from .raw import RawVorlage
from .regions import find_regions
from .results import BOOL_KEYS, Results, find_results
from .sections import Boundaries, read_sections
from .settings import LayoutSettings
from .signature import PlaceDate, is_signed_line, place_dates, read_signature
from .tables import Table, find_tables
from .text import read_text
from .ties import Tie, tie_marks
from .title import read_title


def assemble(pages: Sequence[Page], marks: Sequence[Sequence[Mark]], profile: Profile,
             settings: LayoutSettings | Mapping[str, Any] | None = None) -> RawVorlage:
    return to_raw(analyse(pages, marks, profile, settings))


def analyse(pages: Sequence[Page], marks: Sequence[Sequence[Mark]], profile: Profile,
            settings: LayoutSettings | Mapping[str, Any] | None = None) -> Form:
    s = LayoutSettings.resolve(settings)
    pages, marks = typed_marks(pages, marks, profile)
    lines = read_text(pages, marks, s)
    doc = make_doc(pages, lines, marks, profile, s)
    extent = vorlage_pages(doc)
    if extent < len(doc.pages):  # the Anlagen printed after the Vorlage are no part of it
        doc = make_doc(pages, [ln for ln in lines if ln.page <= extent], marks, profile, s)
    regions = find_regions(doc.pages, s)
    headings = find_headings(doc)
    ties = tie_marks(doc, regions)
    counts = find_counts(doc, ties)
    label_lines = _label_lines(doc, headings)
    tables = find_tables(doc, headings, label_lines)
    results = find_results(doc, regions, headings, ties, counts, tables)
    claimed = _claimed(doc, ties, counts)
    skip = frozenset(ln for t in tables for ln in t.lines) | results.lines
    labels = find_labels(doc, regions, skip, claimed)
    pairs = find_pairs(doc, regions, labels, claimed, label_lines | skip)
    places = place_dates(doc)
    bounds = boundaries(doc, headings, labels, tables, results, places)
    sections = read_sections(doc, bounds, headings)
    stops = {i for i, kind in bounds.kinds.items() if kind != "marks"} | {i for t in tables for i in t.lines}
    folge = find_folge(doc, headings, tables, set(claimed), stops)
    known = {**pairs.fields, **sections.fields}
    title = read_title(doc, bounds, pairs, known, frozenset(h.line.index for h in headings))
    known = {**known, **title.fields}
    signature = read_signature(doc, bounds, headings, places, known)
    return Form(doc, regions, headings, ties, counts, tables, results, pairs, bounds, sections, folge, title,
                signature, extent)


def _label_lines(doc: Doc, headings: tuple[Heading, ...]) -> frozenset[int]:
    """Lines that start with a heading or a strong field label: an unruled table ends there."""
    out = {h.line.index for h in headings} | {h.start for h in headings}
    for line in doc.lines:
        hit = doc.vocab.fields.prefix(line.phrases[0].words)
        if hit is not None and hit.strong:
            out.add(line.index)
    return frozenset(out)


def _claimed(doc: Doc, ties: tuple[Tie, ...], counts: tuple[Count, ...]) -> frozenset[int]:
    """Phrases that are the labels of boxes or vote counts: never a field's value."""
    out = {id(p) for t in ties for p in t.phrases}
    for c in counts:
        for line in doc.on_page(c.page):
            if _apart(line.bbox, c.label_bbox) and _apart(line.bbox, c.bbox):
                continue  # its phrases lie within its height: none meets the count
            for p in line.phrases:
                if intersection_area(p.bbox, c.label_bbox) > 0 or intersection_area(p.bbox, c.bbox) > 0:
                    out.add(id(p))
    return frozenset(out)


def _apart(a: BBox, b: BBox) -> bool:
    """No shared height (NaN edges are never apart: their overlap is asked box by box)."""
    return min(a.bottom, b.bottom) - max(a.top, b.top) <= 0


def boundaries(
    doc: Doc,
    headings: tuple[Heading, ...],
    labels: tuple[LabelHit, ...],
    tables: tuple[Table, ...],
    results: Results,
    places: list[PlaceDate],
) -> Boundaries:
    kinds: dict[int, str] = {}
    seen: set[str] = set()
    for sibling in sibling_headings(doc, headings):
        kinds[sibling.index] = "section:other"
    for h in headings:
        kind = f"section:{h.name}" + (":again" if h.name in seen else "")
        seen.add(h.name)
        for line in (h.first, h.line):
            if line is not None:
                kinds.setdefault(line.index, kind)
    for hit in labels:
        if hit.phrase_index == 0:
            kinds.setdefault(hit.line.index, f"field:{hit.name}")
    mark_lines = doc.mark_lines
    for line in doc.lines:
        if line.index in mark_lines:
            kinds.setdefault(line.index, "marks")
    stops = {key(s) for s in doc.profile.stop_lines}

    def role(text: str) -> bool:
        return doc.vocab.is_role(text) or key(text) in stops

    for line in doc.lines:
        # Two signers side by side print two roles on one line: every phrase is a role.
        # (A line of one phrase is that phrase's text: asked once.)
        if role(line.text) or (len(line.phrases) > 1 and all(role(p.text) for p in line.phrases)) \
                or is_signed_line(doc, line):
            kinds.setdefault(line.index, "signature")
    for pd in places:
        if pd.phrase_index == 0 and pd.line.index > 3:
            kinds.setdefault(pd.line.index, "signature")
    covered = frozenset(i for t in tables for i in t.lines) | results.lines
    return Boundaries(kinds, covered, mark_lines)


def to_raw(form: Form) -> RawVorlage:
    doc = form.doc
    fields: dict[str, Found] = {**form.pairs.fields, **form.sections.fields}
    for name, found in form.title.fields.items():
        fields.setdefault(name, found)
    if form.signature.datum is not None and (fields.get("datum") is None or fields["datum"].value is None):
        fields["datum"] = form.signature.datum
    boxes = _checkboxes(doc, form)
    warnings = [*form.pairs.warnings, *form.sections.warnings]
    for tie, _ in boxes:
        if not tie.label:
            warnings.append(f"page {tie.page}: checkbox at x={tie.mark.bbox.x0:.0f}, "
                            f"y={tie.mark.bbox.top:.0f} has no label")
        if tie.mark.ambiguous:
            warnings.append(f"page {tie.page}: checkbox '{tie.label}' is ambiguous "
                            f"(confidence {tie.mark.confidence:.2f})")
    for i, entry in enumerate(form.results.entries):
        for option in entry.unboxed:
            warnings.append(f"beratungsergebnis[{i}].{option}: label printed but no box found")
        for name, found in entry.leaves.items():
            if found.value is None and found.raw:
                warnings.append(f"beratungsergebnis[{i}].{name}: {found.raw!r} could not be read")
    return RawVorlage(fields=fields, beratungsfolge=form.folge, beratungsergebnis=form.results.entries,
                      unterzeichnung=dict(form.signature.unterzeichnung), anlagen=form.sections.anlagen,
                      checkboxes=tuple(boxes), warnings=tuple(warnings))


def _checkboxes(doc: Doc, form: Form) -> list[tuple[Tie, str | None]]:
    """Every box with the output path it set: result boxes by entry, the rest unmapped. Boxes
    that hold vote counts are no checkboxes."""
    out: list[tuple[Tie, str | None]] = []
    placed: set[int] = set()
    for i, entry in enumerate(form.results.entries):
        for tie, name in entry.boxes:
            path = f"beratungsergebnis[{i}].{name}" if name in BOOL_KEYS else None
            out.append((tie, path))
            placed.add(id(tie.mark))
    for tie in form.ties:
        if id(tie.mark) in placed or is_count_tie(tie, doc):
            continue
        out.append((tie, None))
        placed.add(id(tie.mark))
    return out
