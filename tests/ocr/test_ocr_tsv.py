"""tesseract TSV → OcrWord: the format, its edge cases, and properties (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vorlagenparser.ocr.engine import OcrWord
from vorlagenparser.ocr.tsv import TSV_HEADER, TsvFormatError, format_tsv, parse_tsv

RECORDED = (
    TSV_HEADER + "\n"
    "1\t1\t0\t0\t0\t0\t0\t0\t2481\t3508\t-1\t\n"
    "2\t1\t1\t0\t0\t0\t237\t165\t1832\t2378\t-1\t\n"
    "4\t1\t1\t1\t1\t0\t251\t165\t294\t39\t-1\t\n"
    "5\t1\t1\t1\t1\t1\t251\t165\t151\t39\t93.261673\tSTADT\n"
    "5\t1\t1\t1\t1\t2\t417\t165\t128\t39\t92.340569\tWELS\n"
    "5\t1\t1\t1\t2\t1\t251\t237\t352\t38\t0\t \n"
    "5\t1\t1\t1\t2\t2\t620\t237\t99\t38\t96.4\tBeschluß\n"
)


def test_recorded_output_gives_word_rows_only() -> None:
    words = parse_tsv(RECORDED)
    assert [w.text for w in words] == ["STADT", "WELS", "Beschluß"]
    first = words[0]
    assert (first.left, first.top, first.width, first.height) == (251, 165, 151, 39)
    assert first.confidence == pytest.approx(0.93261673)
    assert (first.block, first.paragraph, first.line, first.word) == (1, 1, 1, 1)


def test_empty_output_and_header_only_give_no_words() -> None:
    assert parse_tsv("") == []
    assert parse_tsv(TSV_HEADER + "\n") == []


def test_windows_line_ends_are_accepted() -> None:
    words = parse_tsv(RECORDED.replace("\n", "\r\n"))
    assert [w.text for w in words] == ["STADT", "WELS", "Beschluß"]


@pytest.mark.parametrize("line", [
    "5\t1\t1\t1\t1\t1\t251\t165\tabc\t39\t93.2\tSTADT",
    "5\t1\t1",
    "Tesseract Open Source OCR Engine v5.3.0",
    "5\t1\t1\t1\t1\t1\t251\t165\t-4\t39\t93.2\tSTADT",
])
def test_malformed_rows_raise_with_the_line_number(line: str) -> None:
    with pytest.raises(TsvFormatError, match="TSV line 2"):
        parse_tsv(TSV_HEADER + "\n" + line + "\n")


def test_confidence_is_clamped_to_unit_range() -> None:
    row = "5\t1\t1\t1\t1\t1\t1\t1\t1\t1\t{}\tx\n"
    assert parse_tsv(row.format("-1"))[0].confidence == 0.0
    assert parse_tsv(row.format("100.5"))[0].confidence == 1.0


_text = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zs", "Zl", "Zp"),
                               blacklist_characters="\t\n\r\x0b\x0c\x1c\x1d\x1e\x85"),
                min_size=1, max_size=20).filter(lambda t: t.strip() == t and t)
_coord = st.integers(min_value=0, max_value=20_000)
_words = st.builds(OcrWord, text=_text, left=_coord, top=_coord, width=_coord, height=_coord,
                   confidence=st.integers(0, 100_000).map(lambda v: v / 100_000),
                   block=st.integers(0, 99), paragraph=st.integers(0, 99),
                   line=st.integers(0, 999), word=st.integers(0, 999))


@given(st.lists(_words, max_size=30))
def test_format_then_parse_round_trips(words: list[OcrWord]) -> None:
    parsed = parse_tsv(format_tsv(words))
    assert [(w.text, w.left, w.top, w.width, w.height, w.line) for w in parsed] == [
        (w.text, w.left, w.top, w.width, w.height, w.line) for w in words]
    for got, want in zip(parsed, words, strict=True):
        assert got.confidence == pytest.approx(want.confidence, abs=1e-6)


@given(st.text(max_size=300))
def test_arbitrary_text_never_raises_anything_but_tsv_errors(text: str) -> None:
    try:
        words = parse_tsv(text)
    except TsvFormatError:
        return
    assert all(w.text and 0.0 <= w.confidence <= 1.0 for w in words)
