"""Which values a person should check: the evidence behind each value, turned into flags.

An archivist needs an honest flag on anything uncertain rather than a confident wrong value.
Each value's provenance carries a measured confidence (OCR word confidences, how far a mark's ink
is from the ticked/empty threshold, how clear its label tie is); this stage adds what a value
says about itself and about its neighbours:

- OCR read it with low confidence (thresholds per kind of value: a long text tolerates a few
  unsure words, a count does not);
- it reads like noise ("en or]", "Rat der Stadt Ä"), or has no letters where a name is expected;
- its shape is wrong: a signer that is no person's name, two Gremien run into one row;
- it contradicts its neighbours: a result row ticked both "einstimmig" and "mit
  Stimmenmehrheit", or neither; a session date years away from the Vorlage's own date;
- it came from a box that is itself uncertain, or from the PDF's metadata.

Each flag carries its reason. A flagged Gremium flags its whole row: a row read from the wrong
place is wrong in every cell. The document needs review when any value or box is flagged or a
warning stands. Values a person corrected (method "manual") are never flagged again.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .model import Checkbox, Provenance, Vorlage
from .profiles.model import COUNT_KEYS

LONG_FIELDS = frozenset({"beschlussvorschlag", "begruendung", "finanzielle_auswirkungen"})
# Options of which a result row ticks exactly one when it prints both.
EXCLUSIVE = (("oeffentlich", "nichtoeffentlich"), ("einstimmig", "mit_stimmenmehrheit"))
# Outcomes of which a row ticks at most one.
OUTCOMES = ("laut_beschlussvorschlag", "abweichender_beschluss", "kenntnisnahme")
# Words that name a body: two of them in one Gremium cell are two Gremien run together.
_BODY = re.compile(r"(ausschu(ss|ß)|rat\b|^rat$|kreistag|versammlung|beirat|senat|magistrat|kommission"
                   r"|vorstand|konferenz|gremium|plenum|\wvertretung|bürgerschaft|buergerschaft|deputation)",
                   re.IGNORECASE)
# Short German words: a one- or two-letter token outside this list is a speck read as letters.
_SHORT_WORDS = frozenset({
    "a", "á", "à", "i", "o", "u", "y", "e", "ab", "am", "an", "as", "au", "da", "du", "er", "es",
    "im", "in", "ja", "je", "ob", "oh", "so", "um", "wo", "zu", "zum", "zur", "vom", "bis", "und",
    "der", "die", "das", "dem", "den", "des", "ein", "mit", "für", "von", "bei", "aus", "auf"
})
_UMLAUT_ALONE = frozenset("ÄÖÜäöüß")
_BRACKETS = frozenset("[]{}|")  # inside a token: a rule or a box's border read as a sign
_SPECK_SIGNS = _BRACKETS | {"_"}  # a token of nothing but punctuation is a speck with one of these


@dataclass(frozen=True, slots=True)
class ReviewSettings:
    ocr_short: float = 0.7  # OCR confidence below which a short value is flagged
    ocr_long: float = 0.5  # ... a long text (its least sure line)
    ocr_count: float = 0.7  # ... a vote count
    mark: float = 0.8  # a box's own confidence below which its state is flagged
    # A result value from a mark and its tie; an empty cell of a grid counts as "not ticked" with
    # a confidence of 0.75, which the row's other ticks confirm or contradict (see _contradictions).
    result_mark: float = 0.7
    max_count: int = 300  # more votes than any council has members
    session_years_before: float = 1.5  # a session this long before the Vorlage's date is unlikely
    session_years_after: float = 3.0  # ... or this long after it


def flag_for_review(vorlage: Vorlage, settings: ReviewSettings | None = None) -> Vorlage:
    """The Vorlage with ``needs_review`` and ``review_reason`` set on every value and box (a copy:
    ``vorlage`` stays as it is)."""
    reasons, box_reasons, needs = _review(vorlage, settings or ReviewSettings())
    provenance = {path: _flagged(prov, reasons.get(path)) for path, prov in vorlage.provenance.items()}
    boxes = [b.model_copy(update={"needs_review": why is not None, "review_reason": why})
             for b, why in zip(vorlage.checkboxes, box_reasons, strict=True)]
    return vorlage.model_copy(update={"provenance": provenance, "checkboxes": boxes, "needs_review": needs})


def flag_built(vorlage: Vorlage, settings: ReviewSettings | None = None) -> Vorlage:
    """:func:`flag_for_review` for a Vorlage just built, whose models nobody else holds: the
    flags are set on its own provenance entries and boxes. Validation flags every document, and
    copying each entry and box took longer than working out their flags."""
    reasons, box_reasons, needs = _review(vorlage, settings or ReviewSettings())
    for path, prov in vorlage.provenance.items():
        if prov.method != "manual":
            why = reasons.get(path)
            prov.needs_review, prov.review_reason = why is not None, why
    for box, why in zip(vorlage.checkboxes, box_reasons, strict=True):
        box.needs_review, box.review_reason = why is not None, why
    vorlage.needs_review = needs
    return vorlage


def _review(vorlage: Vorlage, s: ReviewSettings) -> tuple[dict[str, str], list[str | None], bool]:
    """The reasons to flag values (by provenance path) and boxes (in order), and whether the
    document needs review."""
    reasons: dict[str, str] = {}
    for path, prov in vorlage.provenance.items():
        if prov.method == "manual":
            continue
        reason = _reason(path, _value(vorlage, path), prov, vorlage, s)
        if reason is not None:
            reasons[path] = reason
    box_reasons = [_box_reason(b, s) for b in vorlage.checkboxes]
    for b, why in zip(vorlage.checkboxes, box_reasons, strict=True):
        if why is not None and b.field and b.field in vorlage.provenance:
            reasons.setdefault(b.field, f"its box: {why}")
    _contradictions(vorlage, reasons)
    _whole_rows(vorlage, reasons)
    # A value a person corrected keeps its flag; every other value is flagged when it has a reason.
    flagged = (prov.needs_review if prov.method == "manual" else path in reasons
               for path, prov in vorlage.provenance.items())
    needs = bool(vorlage.warnings) or any(flagged) or any(why is not None for why in box_reasons)
    return reasons, box_reasons, needs


def _flagged(prov: Provenance, reason: str | None) -> Provenance:
    if prov.method == "manual":
        return prov
    return prov.model_copy(update={"needs_review": reason is not None, "review_reason": reason})


def _box_reason(box: Checkbox, s: ReviewSettings) -> str | None:
    if not box.label.strip():
        return "no label found for the box"
    if box.confidence < s.mark:
        return f"{'tick' if box.checked else 'empty box'} uncertain (confidence {box.confidence:.2f})"
    return None


def _reason(path: str, value: Any, prov: Provenance, v: Vorlage, s: ReviewSettings) -> str | None:
    if prov.method == "metadata":
        return "not printed: taken from the PDF's metadata"
    if value is None:
        return f"printed as {prov.raw!r}, which could not be read as a value" if prov.raw else None
    name = _leaf(path)
    if prov.method == "ocr":
        limit = s.ocr_long if name in LONG_FIELDS else s.ocr_count if name in COUNT_KEYS else s.ocr_short
        if not isinstance(value, bool) and prov.confidence < limit:
            return f"OCR confidence {prov.confidence:.2f}"
        if isinstance(value, bool) and prov.confidence < s.result_mark:
            return f"mark or tie uncertain (confidence {prov.confidence:.2f})"
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return f"{value} votes is more than a council has" if value > s.max_count else None
    if isinstance(value, dt.date):
        return _date_reason(path, value, v, s)
    if isinstance(value, str) and name not in LONG_FIELDS:
        return _text_reason(name, value)
    return None


def _date_reason(path: str, value: dt.date, v: Vorlage, s: ReviewSettings) -> str | None:
    if v.datum is None or path == "datum":
        return None
    years = (value - v.datum).days / 365.25
    if path.endswith(".sitzung_am") and not -s.session_years_before <= years <= s.session_years_after:
        return f"session date {value.isoformat()} far from the Vorlage's date {v.datum.isoformat()}"
    if path == "unterzeichnung.datum" and abs(years) > 1:
        return f"signed {value.isoformat()}, far from the Vorlage's date {v.datum.isoformat()}"
    return None


def _text_reason(name: str, value: str) -> str | None:
    if name == "top":  # "Ö 9" is no lone umlaut here
        return None if _TOP.fullmatch(value.strip()) else "does not read like an agenda item number"
    words = value.split()
    named = name in ("gremium", "federfuehrung", "name", "ort", "betreff") or name.startswith("anlagen")
    if named and not any(c.isalpha() for c in value):
        return "no letters"
    # A plain word of three letters or digits or more is never junk (the common case: asked of
    # every word of every short value).
    junk = [w for w in words if not (len(w) > 2 and w.isalnum()) and _is_junk(w)]
    if junk:
        return f"reads like noise ({' '.join(junk[:3])})"
    if name.startswith("anlagen") and not any(sum(c.isalpha() for c in w) >= 4 for w in words):
        return "too short for the title of an Anlage"
    if name == "name" and not _person_like(words):
        return "does not read like a person's name"
    if name == "gremium":
        bodies = sum(bool(_BODY.search(w)) for w in words)
        if bodies >= 2:
            return "two Gremien in one"
        if bodies == 0:
            return "does not read like a Gremium"  # "In Vertretung" of a signature, a heading
    return None


# An agenda item: "7", "12a", "3.1", "Ö 9", "N 4", "TOP 20" (signs OCR makes of a speck do not fit).
_TOP = re.compile(r"(?:(?:TOP|Top)\s*)?(?:[ÖöNn]|NÖ)?\s*\d{1,3}(?:\.\d{1,3})*\s*[a-z]?")


def _is_junk(word: str) -> bool:
    """A token OCR made of a speck, a rule or a stamp: a lone umlaut, a stray bracket, one or
    two lower-case letters that are no word."""
    core = word.strip("„“”\"'‚‘’()[]{}.,;:!?-–—")
    if not core:
        return not _SPECK_SIGNS.isdisjoint(word)
    if core in _UMLAUT_ALONE:
        return True
    if not _BRACKETS.isdisjoint(core):
        return True
    return len(core) <= 2 and core.isalpha() and core.islower() and core.casefold() not in _SHORT_WORDS


def _person_like(words: list[str]) -> bool:
    """Two or more capitalised words of letters ("Dr. Anna Berg", "Hans-Peter von Alten")."""
    capital = [w for w in words if w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha()]
    return len(capital) >= 2 and not any(c.isdigit() for c in "".join(words))


def _contradictions(v: Vorlage, reasons: dict[str, str]) -> None:
    """Result rows whose ticks contradict each other. A row not filled in at all (no tick, no
    count: a Gremium that has not met yet) contradicts nothing."""
    for i, row in enumerate(v.beratungsergebnis):
        values = dict(row)  # its fields' values, as model_dump() gives them (no nested models)
        filled = any(v is True for v in values.values()) or any(values.get(k) is not None for k in COUNT_KEYS)

        def flag(keys: tuple[str, ...], why: str, i: int = i) -> None:
            for key in keys:
                reasons.setdefault(f"beratungsergebnis[{i}].{key}", why)

        for a, b in EXCLUSIVE:
            x, y = values.get(a), values.get(b)
            if x is True and y is True:
                flag((a, b), f"both ticked: {a} / {b}")
            elif x is False and y is False and filled:
                flag((a, b), f"neither ticked: {a} / {b}")
        ticked = tuple(k for k in OUTCOMES if values.get(k) is True)
        printed = tuple(k for k in OUTCOMES if values.get(k) is not None)
        if len(ticked) >= 2:
            flag(ticked, f"several outcomes ticked: {', '.join(ticked)}")
        elif not ticked and filled and {"laut_beschlussvorschlag", "abweichender_beschluss"} <= set(printed):
            flag(printed, "no outcome ticked in a row that was filled in")
        if values.get("einstimmig") is True and (values.get("nein_stimmen") or 0) > 0:
            flag(("einstimmig", "nein_stimmen"), "einstimmig, yet with Nein-Stimmen")


def _whole_rows(v: Vorlage, reasons: dict[str, str]) -> None:
    """A row whose Gremium is in doubt was perhaps read from the wrong place: all its cells are."""
    for table, rows in (("beratungsfolge", v.beratungsfolge), ("beratungsergebnis", v.beratungsergebnis)):
        for i in range(len(rows)):
            why = reasons.get(f"{table}[{i}].gremium")
            if why is None:
                continue
            prefix = f"{table}[{i}]."
            for path in v.provenance:
                if path.startswith(prefix):
                    reasons.setdefault(path, f"its row's Gremium: {why}")


def _value(v: Vorlage, path: str) -> Any:
    """The value at a provenance path ("beratungsergebnis[0].ja_stimmen", "anlagen[2]")."""
    node: Any = v
    for part in _steps(path):
        if isinstance(part, int):
            node = node[part] if isinstance(node, list) and part < len(node) else None
        else:
            node = getattr(node, part, None)
        if node is None:
            return None
    return node


@lru_cache(maxsize=4096)
def _leaf(path: str) -> str:
    """The value's own name in its path ("ja_stimmen" of "beratungsergebnis[0].ja_stimmen",
    "anlagen" of "anlagen[2]"), worked out once per path, as _steps."""
    return path.rsplit(".", 1)[-1].split("[")[0]


@lru_cache(maxsize=4096)
def _steps(path: str) -> tuple[str | int, ...]:
    """The attribute names and list indexes of a provenance path, read once per path (every
    document has the same few dozen paths)."""
    return tuple(int(part[1:-1]) if part.startswith("[") else part
                 for part in re.findall(r"[^.\[\]]+|\[\d+\]", path))
