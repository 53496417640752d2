"""OCR digit confusions in typed values."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vorlagenparser.parsing.ocrfix import fix_numeric


@pytest.mark.parametrize(("raw", "fixed"), [
    ("12,O3.2O23", "12.03.2023"),
    ("12. 03. 2023", "12.03.2023"),
    ("Sitzung am 1,7,2O22", "Sitzung am 1.7.2022"),
    ("Ja: l2 Nein: O Enthaltungen: lO", "Ja: 12 Nein: 0 Enthaltungen: 10"),
    ("2S", "25"),
    ("B7", "87"),
    ("1Z", "12"),
    ("I|", "11"),
    ("7. März 2023", "7. März 2023"),
    ("Do, 12.03.2023", "Do, 12.03.2023"),
    ("So", "So"),
    ("1.234,56", "1.234,56"),
    ("45,12,2023", "45,12,2023"),
    ("TOP 5", "TOP 5"),
])
def test_fix_numeric(raw: str, fixed: str) -> None:
    assert fix_numeric(raw) == fixed


@given(st.text(alphabet="0123456789 .,:"))
def test_clean_numbers_keep_their_digits(text: str) -> None:
    # Only separators change (a date's "12,03.2023" or "1.1..00" becomes dotted).
    assert re.sub(r"\D", "", fix_numeric(text)) == re.sub(r"\D", "", text)


@given(st.text())
def test_idempotent(text: str) -> None:
    once = fix_numeric(text)
    assert fix_numeric(once) == once
