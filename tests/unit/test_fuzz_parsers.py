"""Property-based fuzzing of the text parsers: any text, including long runs of the characters
they look for, gives a value or None, never an exception, and in time linear enough for CI."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from vorlagenparser.parsing.dates import find_dates, first_date, parse_date, parse_pdf_date
from vorlagenparser.parsing.numbers import parse_count, parse_int
from vorlagenparser.parsing.ocrfix import fix_numeric

# What the parsers react to, so that random text hits their patterns often.
_HOT = "0123456789.,:;/-–_… \u00a0\t\nOolIi|SsBZzGDQ!xXD:+'()[]Februar März Mai Dezember den am vom Di"
texts = st.one_of(st.text(max_size=300), st.text(alphabet=st.sampled_from(_HOT), max_size=300))
# Long inputs catch patterns that backtrack (a page of punctuation, a table of digits).
long_texts = st.text(alphabet=st.sampled_from(_HOT), min_size=2000, max_size=6000)
_NUMBER_LIKE = frozenset("0123456789.,:/-OoQDlI|i!SsBZzG")
FUZZ = settings(max_examples=200, deadline=2000)
LONG = settings(max_examples=15, deadline=3000)


@FUZZ
@given(texts)
def test_date_parsers_never_raise(text: str) -> None:
    parsed = parse_date(text)
    assert parsed.value is not None or parsed.reason
    for found, start, end in find_dates(text):
        assert text[start:end] == found.raw
    assert first_date(text) is None or isinstance(first_date(text), dt.date)
    assert parse_pdf_date(text) is None or isinstance(parse_pdf_date(text), dt.date)


@FUZZ
@given(st.from_regex(r"D:\d{0,16}([+\-Z]\d{0,2}'?\d{0,2}'?)?", fullmatch=True))
def test_pdf_dates_of_any_shape(text: str) -> None:
    value = parse_pdf_date(text)
    assert value is None or dt.date(1000, 1, 1) <= value <= dt.date(9999, 12, 31)


@FUZZ
@given(texts)
def test_number_parsers_never_raise(text: str) -> None:
    assert parse_int(text) is None or isinstance(parse_int(text), int)
    count = parse_count(text)
    assert count is None or 0 <= count <= 999_999


@FUZZ
@given(st.integers(-10**12, 10**12))
def test_integers_read_back(number: int) -> None:
    assert parse_int(str(number)) == number
    grouped = f"{number:,}".replace(",", ".")
    assert parse_int(grouped) == number


@FUZZ
@given(texts)
def test_ocr_fixes_never_raise_and_leave_words_alone(text: str) -> None:
    fixed = fix_numeric(text).split()
    for token in text.split():
        # A word with a letter OCR never reads for a digit, and no digit, is not a number.
        if not set(token) <= _NUMBER_LIKE and not any(c.isdigit() for c in token):
            assert token in fixed, (token, fixed)


@LONG
@given(long_texts)
def test_long_inputs_stay_fast(text: str) -> None:
    parse_date(text)
    find_dates(text)
    parse_count(text)
    parse_int(text)
    fix_numeric(text)
