from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vorlagenparser.parsing.numbers import parse_count, parse_int

counts = st.integers(min_value=0, max_value=10_000)


def test_count_on_a_write_in_line() -> None:
    assert parse_count("__9__") == 9
    assert parse_count("_12") == 12
    assert parse_count("____") is None


@given(counts)
def test_count_round_trips(n: int) -> None:
    assert parse_count(str(n)) == n


@given(counts, st.sampled_from(["Stimmen", "Ja-Stimmen", "Stimme", "(SPD, CDU)", "Nein", ""]))
def test_count_with_words_after_it(n: int, words: str) -> None:
    assert parse_count(f"{n} {words}") == n


@given(counts, counts, st.sampled_from([" ", "/", ",", ".", "-", " und "]))
def test_two_numbers_are_ambiguous(a: int, b: int, separator: str) -> None:
    assert parse_count(f"{a}{separator}{b}") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("12", 12),
    ("12 Stimmen", 12),
    (" 7 ", 7),
    ("12.", 12),
    ("0", 0),
    ("keine", 0),
    ("Keine.", 0),
    ("null", 0),
    ("eine Stimme", 1),
    ("zwölf", 12),
    ("–", None),
    ("-", None),
    ("—", None),
    ("", None),
    ("./.", None),
    ("x", None),
    ("einstimmig", None),
    ("12,5", None),
    ("1.000", None),
    ("-3", None),
])
def test_count_examples(text: str, expected: int | None) -> None:
    assert parse_count(text) == expected


@given(st.integers())
def test_int_round_trips_plain(n: int) -> None:
    assert parse_int(str(n)) == n


@given(st.integers(min_value=-(10**15), max_value=10**15), st.sampled_from([".", " ", "\u202f"]))
def test_int_round_trips_with_thousands_separators(n: int, separator: str) -> None:
    assert parse_int(f"{n:,}".replace(",", separator)) == n


@pytest.mark.parametrize(("text", "expected"), [
    ("−5", -5),
    ("+7", 7),
    ("1.234.567", 1_234_567),
    ("12.3", None),
    ("1.23.456", None),
    ("1 234.567", None),
    ("١٢", None),  # non-ASCII digits are not accepted silently
    ("", None),
    ("abc", None),
    ("9" * 5000, None),  # beyond int()'s digit limit: None, not ValueError
])
def test_int_examples(text: str, expected: int | None) -> None:
    assert parse_int(text) == expected


@given(st.text())
def test_never_raise_on_arbitrary_text(text: str) -> None:
    count = parse_count(text)
    assert count is None or count >= 0
    parse_int(text)
