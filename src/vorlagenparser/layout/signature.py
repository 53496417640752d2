"""Stage 11, signature: place-and-date lines ("Frankenthal, 07.02.2023", "Erlangen, den
7.7.2022"), who signed, and the document's date where no label gives it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..pagemodel import Word
from ..parsing.dates import find_dates
from .document import Doc, Found
from .headings import Heading
from .normalize import clean, key
from .sections import TEXT_SECTIONS, Boundaries
from .text import Line, Phrase
from .vocab import within_edits

# "Erlangen, den 7.7.2022"; scans add stray dots: "Schwäbisch Gmünd,. 16. Januar 2023".
_PLACE = re.compile(r"^\s*(?:\d{5}\s+)?(?P<ort>[A-ZÄÖÜ][\wäöüÄÖÜß.\- /()]{1,60}?)"
                    r"\s*,[\s.,;]*(?:den\s+|am\s+)?$")


_WEEKDAY = re.compile(r"^(?:mo|di|mi|do|fr|sa|so|montag|dienstag|mittwoch|donnerstag|freitag|samstag|"
                      r"sonnabend|sonntag)\.?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PlaceDate:
    line: Line
    phrase_index: int
    ort: str
    datum: Found


def place_dates(doc: Doc) -> list[PlaceDate]:
    out = []
    for line in doc.lines:
        if "," not in line.text and doc.page(line.page).method != "ocr":
            continue  # the place ends in a comma (_PLACE): a text page's line without one has none
        found = [pd for i, phrase in enumerate(line.phrases) if (pd := _place_date(doc, line, i, (phrase,)))]
        if not found and 1 < len(line.phrases) <= 4:
            # OCR spaced the line apart: "Stade, den | 29. | Januar 2022".
            found = [pd] if (pd := _place_date(doc, line, 0, line.phrases)) else []
        out.extend(found)
    return out


def _place_date(doc: Doc, line: Line, index: int, phrases: tuple[Phrase, ...]) -> PlaceDate | None:
    text = doc.typed(" ".join(p.text for p in phrases), phrases[0].page)
    if "," not in text:
        return None  # the place ends in a comma (_PLACE): without one no date is looked for
    dates = find_dates(text)
    if not dates:
        return None
    parsed, start, end = dates[0]
    m = _PLACE.match(text[:start])
    if m is None or text[end:].strip(" .,") or _WEEKDAY.match(m.group("ort").split()[-1]):
        return None  # "Di, 12.04.2022" is a weekday, not a place
    datum = doc.found(list(phrases), parsed.value, raw=None if parsed.value else parsed.raw)
    return PlaceDate(line, index, _town(doc, clean(m.group("ort"))), datum)


def is_signed_line(doc: Doc, line: Line) -> bool:
    """"gez. Name": a signature line, whatever follows."""
    hit = doc.vocab.signature_prefixes.prefix(line.phrases[0].words)
    return hit is not None and hit.nwords < len(line.phrases[0].words)


def _town(doc: Doc, place: str) -> str:
    """"Landratsamt Fürstenfeldbruck" → "Fürstenfeldbruck": drop the authority before the town."""
    words = place.split()
    for prefix in sorted(doc.profile.place_prefixes, key=len, reverse=True):
        n = len(prefix.split())
        if len(words) > n and key(" ".join(words[:n])) == key(prefix):
            return " ".join(words[n:])
    return place


def signer(doc: Doc, bounds: Boundaries, after: Line, max_lines: int = 7,
           include_self: bool = False) -> Found | None:
    """The first line below `after` that names a person (not a role, greeting or 'gez.')."""
    roles = doc.vocab.roles
    prefixes = doc.vocab.signature_prefixes
    candidates = ([after] if include_self else []) + list(doc.after(after)[:max_lines])
    for line in candidates:
        if line.page != after.page and line.index - after.index > 2:
            break
        kind = bounds.kind(line.index)
        if (kind or line.index in bounds.covered) and kind != "signature":
            break
        for phrase in line.phrases:
            words = list(phrase.words)
            hit = prefixes.prefix(words)
            if hit is not None:
                words = words[hit.nwords:]
            words = _after_role_colon(words, roles)  # "Der Präsident: Urs Brunner"
            text = clean(" ".join(w.text for w in words)).strip("()[] ")
            if not text or doc.vocab.is_role(text) or _role_prefix(text, roles):
                continue
            if _looks_like_name(text):
                return doc.found([phrase], text)
    return None


def _after_role_colon(words: list[Word], roles: frozenset[str]) -> list[Word]:
    for n, word in enumerate(words[:-1], start=1):
        if word.text.endswith(":") and key(" ".join(w.text for w in words[:n])) in roles:
            return words[n:]
    return words


def _role_prefix(text: str, roles: frozenset[str]) -> bool:
    """A role, also followed by more words, cut short or misread by OCR ("In Vextretun")."""
    k = key(text)
    return any((k.startswith(r) and len(r) >= 6) or (r.startswith(k) and len(k) >= 6)
               or (len(r) >= 10 and within_edits(k, r[: len(k) + 1], 2)) for r in roles)


# Bodies sign as such ("GEMEINDERAT MÄNNEDORF", "Der Magistrat"): no person's name.
_BODY = re.compile(r"(gemeinderat|stadtrat|magistrat|kreistag|kreisausschuss|gemeindevorstand|senat"
                   r"|stadtverwaltung|gemeindeverwaltung|landratsamt|bezirksamt)", re.IGNORECASE)


def _looks_like_name(text: str) -> bool:
    words = text.split()
    if _BODY.search(text) and (text.isupper() or len(words) <= 3):
        return False
    if not 1 <= len(words) <= 6 or any(c.isdigit() for c in text) or text.endswith((":", ".")):
        return False
    if sum(c.isalpha() for c in text) < 4 or max(len(w) for w in words) < 3:
        return False  # "In V", "i.A." and other scraps of a signature block
    return sum(1 for w in words if w[:1].isupper()) >= max(1, len(words) - 2)


@dataclass(frozen=True, slots=True)
class Signature:
    unterzeichnung: dict[str, Found]  # ort, datum, name
    datum: Found | None  # the document's date when no label gives one


def read_signature(doc: Doc, bounds: Boundaries, headings: tuple[Heading, ...], places: list[PlaceDate],
                   known: dict[str, Found]) -> Signature:
    first: dict[str, Heading] = {}
    for h in headings:
        first.setdefault(h.name, h)
    # The text sections come before the signature; Anlagen and the Beratungsergebnis often after.
    last_section = max((h.line.index for n, h in first.items() if n in TEXT_SECTIONS), default=-1)
    # A closing place-and-date follows the text; one at the top of a letter dates the letter.
    half = len(doc.lines) // 2
    closing = [p for p in places if p.phrase_index == 0 and p.line.index > last_section
               and (p.line.index > half or _role_below(doc, p.line))
               and not _opens_letter(doc, p.line)]
    # A place-and-date in the letterhead dates the document, not its signature.
    pd = closing[-1] if closing else None
    out: dict[str, Found] = {}
    if pd is not None:
        out["ort"] = Found(pd.ort, pd.datum.page, pd.datum.bbox, pd.datum.confidence)
        out["datum"] = pd.datum
    name = (_beside(doc, pd) or signer(doc, bounds, pd.line)) if closing and pd is not None else None
    if name is None:
        # A role or "gez." line below the letterhead; some templates sign before the last section.
        first_section = min((h.line.index for n, h in first.items() if n in TEXT_SECTIONS), default=-1)
        # Without sections (minutes, letters) only the closing third of the text is signed.
        name = _signer_after_role(
            doc, bounds, first_section if first_section >= 0 else 2 * len(doc.lines) // 3
        )
    if name is not None:
        out["name"] = name
    return Signature(out, _document_date(doc, places, known))


def _opens_letter(doc: Doc, line: Line) -> bool:
    """A salutation within a few lines under the place and date ("Sehr geehrte Damen und
    Herren,"): the date of a letter, such as one attached to the Vorlage, not a signature's."""
    return _below(doc, line, 3, doc.vocab.is_salutation)


def _role_below(doc: Doc, line: Line) -> bool:
    """A signer's role within a few lines under the place and date: the signature block."""
    return _below(doc, line, 5, doc.vocab.is_role)


def _below(doc: Doc, line: Line, lines: int, test: Callable[[str], bool]) -> bool:
    """One of the next ``lines`` lines on the line's page passes ``test``."""
    return any(ln.page == line.page and test(ln.text) for ln in doc.after(line)[:lines])


def _beside(doc: Doc, pd: PlaceDate) -> Found | None:
    """The signer printed on the place-and-date line, to its right ("Eggenbach, 05.03.2024 ·
    Dr. Sabine Aumüller"), the role below the name."""
    for phrase in pd.line.phrases[pd.phrase_index + 1:]:
        text = clean(phrase.text).strip("()[] ")
        if text and not doc.vocab.is_role(text) and _looks_like_name(text):
            return doc.found([phrase], text)
    return None


def _document_date(doc: Doc, places: list[PlaceDate], known: dict[str, Found]) -> Found | None:
    if "datum" in known and known["datum"].value is not None:
        return None
    if places:
        return places[0].datum
    loose = _loose_date(doc)
    if loose is not None:
        return loose
    betreff = known.get("betreff")
    if betreff is not None:
        # "5. Sitzung des Gemeinderates am 4. April 2022": a title that dates the document.
        dates = find_dates(doc.typed(str(betreff.value), betreff.page))
        if dates and dates[0][0].value is not None:
            return Found(dates[0][0].value, betreff.page, betreff.bbox, betreff.confidence)
    return None


def _signer_after_role(doc: Doc, bounds: Boundaries, after: int) -> Found | None:
    """A signature block without place and date: a role line ("Der Oberbürgermeister"), then a name."""
    roles = [ln for ln in doc.lines if ln.index > after and bounds.kind(ln.index) == "signature"]
    for role in roles:
        name = signer(doc, bounds, role, max_lines=3, include_self=is_signed_line(doc, role))
        if name is not None:
            return name
    for role in roles:  # the name printed above its role ("Katharina Öztürk / Fraktionsvorsitz")
        above = doc.lines[role.index - 1] if role.index > 0 else None
        if above is not None and above.page == role.page and above.index > after:
            name = signer(doc, bounds, above, max_lines=0, include_self=True)
            if name is not None:
                return name
    return None


def _loose_date(doc: Doc) -> Found | None:
    """Letters print their date alone, top right ("20. April 2019")."""
    page = doc.page(1)
    for line in doc.lines:
        if line.page != 1 or line.bbox.top > page.height * 0.45:
            break
        for phrase in line.phrases:
            dates = find_dates(doc.typed(phrase.text, phrase.page))
            if dates and dates[0][0].value and len(phrase.text) - (dates[0][2] - dates[0][1]) < 6:
                return doc.found([phrase], dates[0][0].value)
    return None
