"""List items of the Anlagen: numbers, bullets and 'Anlage 1:' prefixes go, the title stays."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vorlagenparser.layout.sections import strip_item


@pytest.mark.parametrize(("item", "title"), [
    ("1. Lageplan", "Lageplan"),
    ("12) Kostenschätzung", "Kostenschätzung"),
    ("l. Beispiele aus anderen Kommunen", "Beispiele aus anderen Kommunen"),  # OCR's "l." for "1."
    ("IV. Stellungnahme des Ortsbeirats", "Stellungnahme des Ortsbeirats"),
    ("b) Übersichtsplan", "Übersichtsplan"),
    ("- Satzungsentwurf", "Satzungsentwurf"),
    ("Anlage 2: Kostenberechnung", "Kostenberechnung"),
    ("Lageplan 1:500", "Lageplan 1:500"),
    ("a. d. Weinstraße, Lageplan", "a. d. Weinstraße, Lageplan"),  # no number: "a." is text
])
def test_strip_item(item: str, title: str) -> None:
    assert strip_item(item) == title


@given(st.text(alphabet=st.characters(categories=("L", "N", "Zs", "P")), max_size=40))
def test_strip_item_only_shortens(text: str) -> None:
    out = strip_item(text)
    assert len(out) <= len(text.strip()) and out in text
