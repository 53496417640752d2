"""German dates as printed in council documents, parsed into values that carry their reason.

Nothing here raises on bad input. An unreadable or impossible date becomes a :class:`DateParse`
with ``value=None`` and a ``reason``, so the caller can turn it into a warning: uncertainty is a
value, not an exception.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Final

# Years outside this window are almost certainly misreadings (OCR, Aktenzeichen parts).
MIN_YEAR: Final = 1800
MAX_YEAR: Final = 2199
# Two-digit years up to (current year + this) are read as 20xx, later ones as 19xx.
TWO_DIGIT_YEAR_LOOKAHEAD: Final = 5

_MONTHS: Final[dict[str, int]] = {
    "januar": 1, "jan": 1, "jänner": 1, "jaenner": 1, "jän": 1,
    "februar": 2, "feb": 2, "febr": 2, "feber": 2,
    "märz": 3, "maerz": 3, "mär": 3, "mrz": 3,
    "april": 4, "apr": 4,
    "mai": 5,
    "juni": 6, "jun": 6,
    "juli": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "okt": 10,
    "november": 11, "nov": 11,
    "dezember": 12, "dez": 12,
}
MONTH_NAMES: Final = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                      "September", "Oktober", "November", "Dezember")
WEEKDAY_NAMES: Final = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag",
                        "Sonntag")
_WEEKDAYS: Final[dict[str, int]] = {
    **{name.lower(): i for i, name in enumerate(WEEKDAY_NAMES)},
    **{name[:2].lower(): i for i, name in enumerate(WEEKDAY_NAMES)},
    "sonnabend": 5,
}

# One-to-one replacements only, so positions in the folded text equal positions in the original
# (find_dates reports spans on the caller's text). Dashes fold to "-", exotic spaces to " ".
_FOLD: Final = str.maketrans({
    **dict.fromkeys("‐‑‒–—―−", "-"),
    **dict.fromkeys("\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f"
                    "\u205f\u3000", " "),
})

# A letter run that may contain combining marks, so a decomposed "a\u0308" in "März" still
# reads as one word; the token is NFC-normalised before the month lookup.
_WORD = r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f])*"
# Not glued to a preceding number, dotted number or path ("613.1/67/2022" holds no date); a
# weekday's dot may touch it ("Do.17.02.22").
_START = r"(?:(?<![\d./])|(?<=[^\W\d_]\.))"
_YEAR = r"(?P<year>\d{4}|\d{2})(?!\d)"
_NUMERIC = re.compile(
    rf"{_START}(?P<day>\d{{1,2}})\s*\.\s*(?P<month>\d{{1,2}})\s*\.\s*{_YEAR}")
_NAMED = re.compile(
    rf"{_START}(?P<day>\d{{1,2}})\s*(?:\.\s*)?(?P<name>{_WORD})\.?\s*{_YEAR}")
_ISO = re.compile(rf"{_START}(?P<year>\d{{4}})-(?P<month>\d{{1,2}})-(?P<day>\d{{1,2}})(?!\d)")
_SLASHED = re.compile(rf"{_START}(?P<first>\d{{1,2}})/(?P<second>\d{{1,2}})/{_YEAR}(?!/)")
_PATTERNS: Final = (_NUMERIC, _NAMED, _ISO, _SLASHED)
_DIGIT: Final = re.compile(r"\d")  # _FOLD maps no character to or from a digit

_WEEKDAY_ALT = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
# "am Dienstag, den", "Di.,", "den", "vom" ... before the date; the weekday is kept for a check.
_PREFIX = re.compile(
    r"^[\s(\[]*(?:(?:am|vom)\s+)?"
    rf"(?:(?P<weekday>{_WEEKDAY_ALT})(?![^\W\d_])\.?\s*(?:,\s*)?)?"
    r"(?:(?:den|am|vom)\s+)?",
    re.IGNORECASE)
# Stripped with str.rstrip, not a regex: "[...]+$" is quadratic on long punctuation runs.
_TRAILING: Final = " \t\n\r\f\v.,;:!?)]"


@dataclass(frozen=True, slots=True)
class DateParse:
    """A parsed date. ``reason`` is set whenever ``value`` is None; it may also accompany a
    value as a warning (for example a weekday that does not fit the date)."""

    value: date | None
    raw: str
    reason: str | None = None

    @property
    def ok(self) -> bool:
        return self.value is not None


def parse_date(text: str, *, today: date | None = None) -> DateParse:
    """Parse a text that *is* a date, allowing a weekday or "den" before it and punctuation after.

    ``today`` fixes the pivot for two-digit years (tests); it defaults to the current date.
    """
    folded = text.translate(_FOLD)
    prefix = _PREFIX.match(folded)
    weekday = prefix.group("weekday") if prefix else None
    core = folded[prefix.end() if prefix else 0:].rstrip(_TRAILING)
    if not core:
        return DateParse(None, text, "empty")
    for pattern in _PATTERNS:
        match = pattern.fullmatch(core)
        if match:
            parsed = _from_match(match, text, today or date.today())
            return _check_weekday(parsed, weekday)
    return DateParse(None, text, f"not a recognised date form: {core[:40]!r}")


def find_dates(text: str, *, today: date | None = None) -> list[tuple[DateParse, int, int]]:
    """Every date-shaped span in ``text`` as (parse, start, end), in reading order.

    Impossible dates ("31.02.2023") are returned too, with value None, so callers can warn.
    """
    if _DIGIT.search(text) is None:
        return []  # every date form has digits; most lines of a page have none
    folded = text.translate(_FOLD)
    spans: list[tuple[int, int, re.Match[str]]] = []
    for pattern in _PATTERNS:
        spans.extend((m.start(), m.end(), m) for m in pattern.finditer(folded))
    # Earliest first, longest first on ties; a span overlapping an accepted one is dropped.
    spans.sort(key=lambda s: (s[0], -s[1]))
    found: list[tuple[DateParse, int, int]] = []
    reference = today or date.today()
    for start, end, match in spans:
        if found and start < found[-1][2]:
            continue
        if match.re is _NAMED and _month_number(match.group("name")) is None:
            continue
        found.append((_from_match(match, text[start:end], reference), start, end))
    return found


def expand_year(year: int, digits: int, today: date) -> int:
    """Complete a two-digit year: up to (this year + 5) → 20xx, later → 19xx."""
    if digits != 2:
        return year
    pivot = min(99, today.year % 100 + TWO_DIGIT_YEAR_LOOKAHEAD)
    return 2000 + year if year <= pivot else 1900 + year


def _from_match(match: re.Match[str], raw: str, today: date) -> DateParse:
    groups = match.groupdict()
    year = expand_year(int(groups["year"]), len(groups["year"]), today)
    if match.re is _SLASHED:
        return _slashed(int(groups["first"]), int(groups["second"]), year, raw)
    if match.re is _NAMED:
        month = _month_number(groups["name"])
        if month is None:
            return DateParse(None, raw, f"unknown month name {groups['name']!r}")
    else:
        month = int(groups["month"])
    return make_date(year, month, int(groups["day"]), raw)


def make_date(year: int, month: int, day: int, raw: str) -> DateParse:
    """Build a date, or explain in words which part does not exist."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return DateParse(None, raw, f"implausible year {year}")
    if not 1 <= month <= 12:
        return DateParse(None, raw, f"month {month} does not exist")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return DateParse(None, raw, f"day {day} does not exist in {MONTH_NAMES[month - 1]} {year} "
                                    f"({days} days)")
    return DateParse(date(year, month, day), raw)


def _slashed(first: int, second: int, year: int, raw: str) -> DateParse:
    # German order is day/month, but slashes also appear in US-style exports; accept only a
    # reading that cannot be the other way round.
    as_dm = make_date(year, second, first, raw)
    as_md = make_date(year, first, second, raw)
    if as_dm.value and as_md.value and as_dm.value != as_md.value:
        return DateParse(None, raw, "ambiguous day/month order with slashes")
    return as_dm if as_dm.value or not as_md.value else as_md


def _month_number(name: str) -> int | None:
    return _MONTHS.get(unicodedata.normalize("NFC", name).casefold())


def _check_weekday(parsed: DateParse, weekday: str | None) -> DateParse:
    if parsed.value is None or weekday is None:
        return parsed
    printed = _WEEKDAYS[weekday.lower()]
    if printed == parsed.value.weekday():
        return parsed
    actual = WEEKDAY_NAMES[parsed.value.weekday()]
    return DateParse(parsed.value, parsed.raw,
                     f"printed weekday {weekday!r} does not match the date (a {actual})")


_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def parse_pdf_date(text: str) -> date | None:
    """The date part of a PDF date string ("D:20200918194739Z"); None when it is not one."""
    m = _PDF_DATE.match(text.strip())
    if m is None:
        return None
    parsed = make_date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1), text)
    return parsed.value


def first_date(text: str) -> date | None:
    """The first valid date printed in a text (a cell, a line), or None."""
    found = find_dates(text)
    return found[0][0].value if found else None
