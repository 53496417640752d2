"""A Gremium cell holding the session date, with what OCR leaves of a dot leader between."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vorlagenparser.layout.folge import gremium_and_date


@pytest.mark.parametrize(("cell", "gremium"), [
    ("Finanzausschuß. nn. 11.03.1971", "Finanzausschuß"),
    ("Finanzausschuß ........ 11.03.1971", "Finanzausschuß"),
    ("Finanzausschuß........ 11.03.1971", "Finanzausschuß"),
    ("Haupt- u. Finanzausschuss 11.03.1971", "Haupt- u. Finanzausschuss"),
    ("Hauptausschuss Do., 11.03.1971", "Hauptausschuss"),
    ("Rat der Stadt am 11.03.1971", "Rat der Stadt"),
])
def test_gremium_and_date(cell: str, gremium: str) -> None:
    assert gremium_and_date(cell) == (gremium, datetime.date(1971, 3, 11))


@given(st.text(alphabet=". nrXä", max_size=300))
def test_leaders_of_any_length_are_quick(text: str) -> None:
    name, day = gremium_and_date(f"Stadtrat {text} 11.03.1971")
    assert name is not None and name.startswith("Stadtrat") and day == datetime.date(1971, 3, 11)
