"""Place-and-date lines ("Frankenthal, 07.02.2023", "Erlangen, den 7.7.2022") and who signed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..pagemodel import Word
from ..parsing.dates import find_dates
from .context import Context, Found
from .lines import Line
from .normalize import clean, key
from .vocab import Vocabulary, within_edits

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


def place_dates(ctx: Context) -> list[PlaceDate]:
    out = []
    for line in ctx.lines:
        for i, phrase in enumerate(line.phrases):
            text = ctx.typed(phrase.text, phrase.page)
            dates = find_dates(text)
            if not dates:
                continue
            parsed, start, end = dates[0]
            m = _PLACE.match(text[:start])
            if m is None or text[end:].strip(" .,") or _WEEKDAY.match(m.group("ort").split()[-1]):
                continue  # "Di, 12.04.2022" is a weekday, not a place
            datum = ctx.found([phrase], parsed.value, raw=None if parsed.value else parsed.raw)
            out.append(PlaceDate(line, i, _town(ctx, clean(m.group("ort"))), datum))
    return out


def is_signed_line(ctx: Context, line: Line) -> bool:
    """"gez. Name": a signature line, whatever follows."""
    prefixes = Vocabulary({"p": ctx.profile.signature_prefixes})
    hit = prefixes.prefix(line.phrases[0].words)
    return hit is not None and hit.nwords < len(line.phrases[0].words)


def _town(ctx: Context, place: str) -> str:
    """"Landratsamt Fürstenfeldbruck" → "Fürstenfeldbruck": drop the authority before the town."""
    words = place.split()
    for prefix in sorted(ctx.profile.place_prefixes, key=len, reverse=True):
        n = len(prefix.split())
        if len(words) > n and key(" ".join(words[:n])) == key(prefix):
            return " ".join(words[n:])
    return place


def signer(ctx: Context, after: Line, max_lines: int = 7, include_self: bool = False) -> Found | None:
    """The first line below `after` that names a person (not a role, greeting or 'gez.')."""
    roles = {key(r) for r in ctx.profile.signature_roles}
    prefixes = Vocabulary({"p": ctx.profile.signature_prefixes})
    candidates = ([after] if include_self else []) + ctx.lines_after(after)[:max_lines]
    for line in candidates:
        if line.page != after.page and line.index - after.index > 2:
            break
        kind = ctx.boundaries.get(line.index)
        if kind is not None and kind != "signature":
            break
        for phrase in line.phrases:
            words = list(phrase.words)
            hit = prefixes.prefix(words)
            if hit is not None:
                words = words[hit.nwords:]
            words = _after_role_colon(words, roles)  # "Der Präsident: Urs Brunner"
            text = clean(" ".join(w.text for w in words)).strip("()[] ")
            if not text or key(text) in roles or _role_prefix(text, roles):
                continue
            if _looks_like_name(text):
                return ctx.found([phrase], text)
    return None


def _after_role_colon(words: list[Word], roles: set[str]) -> list[Word]:
    for n, word in enumerate(words[:-1], start=1):
        if word.text.endswith(":") and key(" ".join(w.text for w in words[:n])) in roles:
            return words[n:]
    return words


def _role_prefix(text: str, roles: set[str]) -> bool:
    """A role, also followed by more words, cut short or misread by OCR ("In Vextretun")."""
    k = key(text)
    return any((k.startswith(r) and len(r) >= 6) or (r.startswith(k) and len(k) >= 6)
               or (len(r) >= 10 and within_edits(k, r[: len(k) + 1], 2)) for r in roles)


def _looks_like_name(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 6 or any(c.isdigit() for c in text) or text.endswith((":", ".")):
        return False
    if sum(c.isalpha() for c in text) < 4 or max(len(w) for w in words) < 3:
        return False  # "In V", "i.A." and other scraps of a signature block
    return sum(1 for w in words if w[:1].isupper()) >= max(1, len(words) - 2)
