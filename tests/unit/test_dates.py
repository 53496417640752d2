from __future__ import annotations

import calendar
import time
from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from vorlagenparser.parsing.dates import (
    MONTH_NAMES,
    WEEKDAY_NAMES,
    DateParse,
    expand_year,
    find_dates,
    parse_date,
)

TODAY = date(2025, 6, 1)  # fixes the two-digit-year pivot: 00–30 → 20xx, 31–99 → 19xx
ABBREVIATIONS = ("Jan.", "Feb.", "Mär.", "Apr.", "Mai", "Jun.", "Jul.", "Aug.", "Sep.", "Okt.",
                 "Nov.", "Dez.")
ALTERNATIVE_NAMES = {1: "Jänner", 3: "Maerz"}  # Austrian January, März without umlaut
DECOMPOSED_A_UMLAUT = "a\u0308"  # as some PDF producers emit "ä"

dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
# Dates whose two-digit year expands back to the same century under TODAY's pivot.
two_digit_dates = st.dates(min_value=date(1931, 1, 1), max_value=date(2030, 12, 31))

Format = Callable[[date], str]
FORMATS: dict[str, Format] = {
    "dd.mm.yyyy": lambda d: f"{d:%d.%m.%Y}",
    "d.m.yyyy": lambda d: f"{d.day}.{d.month}.{d.year}",
    "trailing comma": lambda d: f"{d:%d.%m.%Y},",
    "trailing full stop": lambda d: f"{d:%d.%m.%Y}.",
    "spaces around dots": lambda d: f"{d:%d. %m. %Y}",
    "month name": lambda d: f"{d.day}. {MONTH_NAMES[d.month - 1]} {d.year}",
    "dd. month name": lambda d: f"{d:%d}. {MONTH_NAMES[d.month - 1]} {d.year}",
    "abbreviated month": lambda d: f"{d.day}. {ABBREVIATIONS[d.month - 1]} {d.year}",
    "upper case month": lambda d: f"{d.day}. {MONTH_NAMES[d.month - 1].upper()} {d.year}",
    "alternative month": lambda d: f"{d.day}. "
                                   f"{ALTERNATIVE_NAMES.get(d.month, MONTH_NAMES[d.month - 1])} "
                                   f"{d.year}",
    "decomposed umlaut": lambda d: f"{d.day}. "
                                   f"{MONTH_NAMES[d.month - 1].replace('ä', DECOMPOSED_A_UMLAUT)}"
                                   f" {d.year}",
    "iso": lambda d: d.isoformat(),
    "weekday": lambda d: f"{WEEKDAY_NAMES[d.weekday()]}, {d.day}. {MONTH_NAMES[d.month - 1]} "
                         f"{d.year}",
    "short weekday": lambda d: f"{WEEKDAY_NAMES[d.weekday()][:2]}., {d:%d.%m.%Y}",
    "den": lambda d: f"den {d.day}.{d.month}.{d.year}",
    "weekday den": lambda d: f"{WEEKDAY_NAMES[d.weekday()]}, den {d:%d.%m.%Y}",
    "no-break spaces": lambda d: f"{d.day}.\u00a0{MONTH_NAMES[d.month - 1]}\u00a0{d.year}",
    "parentheses": lambda d: f"({d:%d.%m.%Y})",
}
TWO_DIGIT_FORMATS: dict[str, Format] = {
    "d.m.yy": lambda d: f"{d.day}.{d.month}.{d:%y}",
    "dd.mm.yy": lambda d: f"{d:%d.%m.%y}",
    "d. month yy": lambda d: f"{d.day}. {MONTH_NAMES[d.month - 1]} {d:%y}",
}


@pytest.mark.parametrize("form", FORMATS)
@given(day=dates)
def test_every_form_round_trips(form: str, day: date) -> None:
    text = FORMATS[form](day)
    parsed = parse_date(text, today=TODAY)
    assert parsed == DateParse(day, text, None)


@pytest.mark.parametrize("form", TWO_DIGIT_FORMATS)
@given(day=two_digit_dates)
def test_two_digit_years_round_trip(form: str, day: date) -> None:
    assert parse_date(TWO_DIGIT_FORMATS[form](day), today=TODAY).value == day


@given(day=dates)
def test_unambiguous_slashes_round_trip(day: date) -> None:
    assume(day.day > 12 or day.day == day.month)
    assert parse_date(f"{day.day}/{day.month}/{day.year}", today=TODAY).value == day


@pytest.mark.parametrize("form", FORMATS)
@given(day=dates)
def test_find_dates_locates_each_form_inside_a_line(form: str, day: date) -> None:
    printed = FORMATS[form](day)
    line = f"Frankenthal, {printed} gez. Hatzfeld"
    found = find_dates(line, today=TODAY)
    assert [parse.value for parse, _, _ in found] == [day]
    parse, start, end = found[0]
    assert line[start:end] == parse.raw
    assert parse.raw in printed


@st.composite
def impossible_days(draw: st.DrawFn) -> tuple[int, int, int]:
    year, month = draw(st.integers(1900, 2100)), draw(st.integers(1, 12))
    return year, month, draw(st.integers(calendar.monthrange(year, month)[1] + 1, 99))


@given(impossible_days())
def test_impossible_days_give_a_reason(ymd: tuple[int, int, int]) -> None:
    year, month, day = ymd
    for text in (f"{day:02d}.{month:02d}.{year}", f"{day}. {MONTH_NAMES[month - 1]} {year}"):
        parsed = parse_date(text)
        assert parsed.value is None
        assert parsed.reason is not None and f"day {day} does not exist" in parsed.reason


@given(year=st.integers(1900, 2100), month=st.integers(13, 99), day=st.integers(1, 28))
def test_impossible_months_give_a_reason(year: int, month: int, day: int) -> None:
    parsed = parse_date(f"{day}.{month}.{year}")
    assert parsed.value is None
    assert parsed.reason == f"month {month} does not exist"


@given(st.text())
def test_never_raises_on_arbitrary_text(text: str) -> None:
    parsed = parse_date(text)
    assert parsed.raw == text
    assert parsed.value is not None or parsed.reason


@given(st.text(alphabet=st.sampled_from("0123456789./- ,Februar März den Di\u00a0–")))
def test_never_raises_on_date_like_text(text: str) -> None:
    parsed = parse_date(text)
    assert parsed.value is not None or parsed.reason
    for found, start, end in find_dates(text):
        assert text[start:end] == found.raw
        assert found.value is not None or found.reason


@pytest.mark.parametrize(("text", "expected"), [
    ("07.02.2023", date(2023, 2, 7)),
    ("7.2.2023", date(2023, 2, 7)),
    ("7.2.23", date(2023, 2, 7)),
    ("07.02.2023,", date(2023, 2, 7)),
    ("7. Februar 2023", date(2023, 2, 7)),
    ("7. Feb. 2023", date(2023, 2, 7)),
    ("07. März 2023", date(2023, 3, 7)),
    ("7. Maerz 2023", date(2023, 3, 7)),
    ("7. Jänner 2023", date(2023, 1, 7)),
    ("2023-02-07", date(2023, 2, 7)),
    ("2023–02–07", date(2023, 2, 7)),
    ("13/2/2023", date(2023, 2, 13)),
    ("Dienstag, 7. Februar 2023", date(2023, 2, 7)),
    ("den 7.7.2022", date(2022, 7, 7)),
    ("am Freitag, den 7.7.2023", date(2023, 7, 7)),
    ("vom 7. Juli 2023", date(2023, 7, 7)),
    ("07. 02. 2023", date(2023, 2, 7)),
    ("7.2.99", date(1999, 2, 7)),
])
def test_printed_forms(text: str, expected: date) -> None:
    assert parse_date(text, today=TODAY) == DateParse(expected, text, None)


@pytest.mark.parametrize(("text", "reason"), [
    ("31.02.2023", "day 31 does not exist in Februar 2023 (28 days)"),
    ("29.02.2023", "day 29 does not exist in Februar 2023 (28 days)"),
    ("7.13.2023", "month 13 does not exist"),
    ("00.01.2023", "day 0 does not exist in Januar 2023 (31 days)"),
    ("7.2.0023", "implausible year 23"),
    ("7/2/2023", "ambiguous day/month order with slashes"),
    ("7. Foo 2023", "unknown month name 'Foo'"),
    ("", "empty"),
    ("  , ", "empty"),
])
def test_unparseable_dates_explain_why(text: str, reason: str) -> None:
    assert parse_date(text) == DateParse(None, text, reason)


def test_leap_day_is_valid() -> None:
    assert parse_date("29.02.2024").value == date(2024, 2, 29)


def test_wrong_weekday_keeps_the_date_with_a_warning() -> None:
    parsed = parse_date("Montag, 7. Februar 2023")
    assert parsed.value == date(2023, 2, 7)
    assert parsed.reason == "printed weekday 'Montag' does not match the date (a Dienstag)"


def test_text_around_a_date_is_not_a_date() -> None:
    parsed = parse_date("Frankenthal, 07.02.2023")
    assert parsed.value is None
    assert parsed.reason is not None and parsed.reason.startswith("not a recognised date form")


@pytest.mark.parametrize(("line", "expected"), [
    ("Erlangen, den 7.7.2022", [("7.7.2022", date(2022, 7, 7))]),
    ("Frankenthal, 07.02.2023", [("07.02.2023", date(2023, 2, 7))]),
    ("Sitzung am 14.02.2023, 17:00 Uhr, bis 1. März 2023",
     [("14.02.2023", date(2023, 2, 14)), ("1. März 2023", date(2023, 3, 1))]),
    ("Vorlagen-Nr. 613.1/67/2022", []),
    ("Antrag Nr. 266/2019 vom 12 Abs 2020", []),
    ("Version 1.7.2.2023", []),
])
def test_find_dates_in_lines(line: str, expected: list[tuple[str, date]]) -> None:
    found = find_dates(line, today=TODAY)
    assert [(p.raw, p.value) for p, _, _ in found] == expected
    assert all(line[s:e] == p.raw for p, s, e in found)


def test_find_dates_reports_impossible_dates() -> None:
    [(parsed, start, end)] = find_dates("Frist: 31.02.2023.")
    assert parsed.value is None and parsed.reason
    assert (start, end) == (7, 17)


@pytest.mark.parametrize(("year", "today", "expected"), [
    (30, date(2025, 1, 1), 2030),
    (31, date(2025, 1, 1), 1931),
    (0, date(2025, 1, 1), 2000),
    (99, date(2096, 1, 1), 2099),
    (2023, date(2025, 1, 1), 2023),
])
def test_two_digit_year_pivot(year: int, today: date, expected: int) -> None:
    assert expand_year(year, len(str(year)) if year >= 100 else 2, today) == expected


@pytest.mark.parametrize("text", ["1" + " " * 20_000 + "x", "." * 20_000 + "a",
                                  "Dienstag" + " " * 20_000 + "x", "12. " * 5_000])
def test_long_pathological_text_is_linear(text: str) -> None:
    # Regression guard: nested optional whitespace in the patterns once made this quadratic.
    started = time.perf_counter()
    parse_date(text)
    find_dates(text)
    assert time.perf_counter() - started < 1.0
