"""Tesseract's TSV output → words in pixel coordinates. Pure: text in, values out.

Used for the CLI fallback, for ``GetTSVText`` from tesserocr (so both backends share one parser)
and for recorded fixtures in tests. Columns (tesseract 4/5)::

    level page_num block_num par_num line_num word_num left top width height conf text

Only level-5 rows are words; rows of the other levels describe the layout tree and are skipped.
"""

from __future__ import annotations

from collections.abc import Iterable

from .engine import OcrWord

__all__ = ["TSV_HEADER", "TsvFormatError", "format_tsv", "parse_tsv"]

TSV_HEADER = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num"
              "\tleft\ttop\twidth\theight\tconf\ttext")
_WORD_LEVEL = 5
_COLUMNS = 12


class TsvFormatError(ValueError):
    """The text is not tesseract TSV (a broken run or a bad fixture), with the 1-based line."""

    def __init__(self, line_number: int, reason: str) -> None:
        super().__init__(f"TSV line {line_number}: {reason}")
        self.line_number = line_number


def parse_tsv(text: str) -> list[OcrWord]:
    """All recognised words, in tesseract's reading order. Blank words are dropped."""
    words: list[OcrWord] = []
    # Split on "\n" only: str.splitlines would also break on form feeds and other separators.
    # One loop without a call per row: a page's recognitions give some 250 rows.
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or (number == 1 and line.startswith("level")):
            continue
        # The text column may itself be empty, so split at most 11 times and keep the rest intact.
        fields = line.split("\t", _COLUMNS - 1)
        if len(fields) == _COLUMNS - 1:
            fields.append("")  # tesseract leaves the text column off for non-word rows
        if len(fields) != _COLUMNS:
            raise TsvFormatError(number, f"expected {_COLUMNS} tab-separated columns, "
                                         f"got {len(fields)}")
        try:
            level, _page, block, par, line_no, word_no, left, top, width, height = map(int, fields[:10])
            conf = float(fields[10])
        except ValueError as exc:
            raise TsvFormatError(number, f"non-numeric column ({exc})") from exc
        if level != _WORD_LEVEL:
            continue
        word_text = fields[11].strip()
        if not word_text:
            continue
        if width < 0 or height < 0:
            raise TsvFormatError(number, "negative box size")
        words.append(OcrWord(
            text=word_text, left=left, top=top, width=width, height=height,
            confidence=min(1.0, max(0.0, conf / 100.0)),
            block=block, paragraph=par, line=line_no, word=word_no,
        ))
    return words


def format_tsv(words: Iterable[OcrWord]) -> str:
    """The inverse of :func:`parse_tsv` for word rows (used to record fixtures)."""
    rows = [TSV_HEADER]
    for w in words:
        rows.append("\t".join(str(v) for v in (
            _WORD_LEVEL, 1, w.block, w.paragraph, w.line, w.word,
            w.left, w.top, w.width, w.height, f"{w.confidence * 100:.6f}", w.text)))
    return "\n".join(rows) + "\n"
