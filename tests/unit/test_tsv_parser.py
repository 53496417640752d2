"""parse_tsv in one loop gives what the row-by-row parser gave: the same words, or the same error."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from vorlagenparser.ocr.engine import OcrWord
from vorlagenparser.ocr.tsv import TSV_HEADER, TsvFormatError, parse_tsv


def _plain_row(number: int, line: str) -> OcrWord | None:
    fields = line.split("\t", 11)
    if len(fields) == 11:
        fields.append("")
    if len(fields) != 12:
        raise TsvFormatError(number, f"expected 12 tab-separated columns, got {len(fields)}")
    try:
        level, _page, block, par, line_no, word_no, left, top, width, height = (int(f) for f in fields[:10])
        conf = float(fields[10])
    except ValueError as exc:
        raise TsvFormatError(number, f"non-numeric column ({exc})") from exc
    text = fields[11].strip()
    if level != 5 or not text:
        return None
    if width < 0 or height < 0:
        raise TsvFormatError(number, "negative box size")
    return OcrWord(text=text, left=left, top=top, width=width, height=height,
                   confidence=min(1.0, max(0.0, conf / 100.0)),
                   block=block, paragraph=par, line=line_no, word=word_no)


def _plain(text: str) -> list[OcrWord]:
    words = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or (number == 1 and line.startswith("level")):
            continue
        word = _plain_row(number, line)
        if word is not None:
            words.append(word)
    return words


_number = st.one_of(st.integers(-5, 3000).map(str), st.sampled_from(["", "x", " 7", "1_0", "+3", "٣", "1.5"]))
_conf = st.one_of(st.floats(-10, 110, allow_nan=False).map(lambda f: f"{f:.6f}"),
                  st.sampled_from(["-1", "nan", "inf", "", "9x"]))
_text = st.one_of(st.text(st.sampled_from("ab§$|ÄÖ ._-\t\x0c\r"), max_size=8), st.just(""))


@st.composite
def _row(draw: st.DrawFn) -> str:
    level = draw(st.sampled_from(["5", "5", "5", "4", "1", "3"]))
    numbers = [draw(_number) if draw(st.integers(0, 30)) == 0 else str(draw(st.integers(0, 400)))
               for _ in range(9)]
    cells = [level, *numbers, draw(_conf)]
    shape = draw(st.integers(0, 12))
    if shape == 0:
        return "\t".join(cells)  # no text column
    if shape == 1:
        return "\t".join(cells[:draw(st.integers(0, 10))])  # too few columns
    return "\t".join([*cells, draw(_text)]) + draw(st.sampled_from(["", "\r"]))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_row(), st.sampled_from(["", " ", TSV_HEADER])), max_size=12), st.booleans())
def test_parse_tsv_is_the_row_by_row_parser(rows: list[str], header: bool) -> None:
    text = "\n".join([TSV_HEADER, *rows] if header else rows)
    try:
        expected: list[OcrWord] | tuple[int, str] = _plain(text)
    except TsvFormatError as exc:
        expected = (exc.line_number, str(exc))
    try:
        got: list[OcrWord] | tuple[int, str] = parse_tsv(text)
    except TsvFormatError as exc:
        got = (exc.line_number, str(exc))
    assert got == expected
