"""The text stage's cheap first tests and indexes answer as the plain scans they replace."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from vorlagenparser.layout.text import _ID, _is_id


@given(st.text(alphabet="aZ19/-._ \nß", max_size=20))
def test_a_document_number_is_what_the_regex_finds(text: str) -> None:
    assert _is_id(text) == (_ID.search(text) is not None)
