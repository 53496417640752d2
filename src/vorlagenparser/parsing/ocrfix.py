"""Undo the usual OCR confusions in *typed* values: dates, numbers, vote counts.

Never apply this to free text: "Obst" must stay "Obst". A token is repaired only when every
character in it is a digit, a separator, or a letter OCR commonly reads instead of a digit, so
words ("März", "Mai", "TOP") pass through untouched.
"""

from __future__ import annotations

import re

__all__ = ["fix_identifier", "fix_numeric"]

# The letters tesseract most often returns for digits in typewriter and office fonts.
_CONFUSIONS = str.maketrans({
    "O": "0", "o": "0", "Q": "0", "D": "0",
    "l": "1", "I": "1", "|": "1", "i": "1", "!": "1",
    "S": "5", "s": "5",
    "B": "8",
    "Z": "2", "z": "2",
    "G": "6",
})
_STRONG = frozenset("OoIl|")
_SEPARATORS = ".,:/-"
_ALLOWED = frozenset("0123456789" + _SEPARATORS + "".join(chr(c) for c in _CONFUSIONS))
_TOKEN = re.compile(r"\S+")
# d.m.yyyy written with a comma (or a doubled separator) by the scanner: "12,03.2023".
_DATE = re.compile(
    r"(?<![\d.,])(\d{1,2}) ?[.,]{1,2} ?(\d{1,2}) ?[.,]{1,2} ?(\d{4}|\d{2})(?![\d.,]?\d)")


def fix_numeric(text: str) -> str:
    """Repair digit confusions in the numeric tokens of ``text`` and commas in d.m.y dates.

    >>> fix_numeric("12,O3.2O23")
    '12.03.2023'
    >>> fix_numeric("Ja: l2 Nein: O")
    'Ja: 12 Nein: 0'
    >>> fix_numeric("7. März 2023")
    '7. März 2023'
    """
    fixed = _TOKEN.sub(lambda m: _fix_token(m.group(0)), text)
    return _DATE.sub(_fix_date, fixed)


def _fix_date(match: re.Match[str]) -> str:
    day, month, year = match.groups()
    if 1 <= int(day) <= 31 and 1 <= int(month) <= 12:
        return f"{day}.{month}.{year}"
    return match.group(0)


def _fix_token(token: str) -> str:
    core = token.rstrip(_SEPARATORS)
    if not core or not _looks_numeric(core):
        return token
    return core.translate(_CONFUSIONS) + token[len(core):]


def _looks_numeric(token: str) -> bool:
    """Only digits, separators and confusable letters, and more digit-like than separator."""
    if any(c not in _ALLOWED for c in token):
        return False
    body = [c for c in token if c not in _SEPARATORS]
    if not body:
        return False
    if any(c.isdigit() for c in body):
        return True
    # Without any digit, only the near-certain shapes count ("lO" → 10, "O" → 0), so that
    # weekday abbreviations before dates ("Do", "Di", "So") stay words.
    return len(body) <= 3 and all(c in _STRONG for c in body)


# Digits OCR returns for the letters of an identifier's letter prefix ("V0/2023" for "VO/2023").
_LETTERS = str.maketrans({"0": "O", "5": "S", "1": "I", "8": "B", "6": "G", "2": "Z"})
_PREFIX = re.compile(r"^(?P<head>[A-Za-zÄÖÜ0-9]{2,4})(?P<sep>[/\-.])(?P<tail>\d.*)$")
_SPLIT_DIGITS = re.compile(r"(?<=\d) (?=\d+[/\-])")


def fix_identifier(text: str) -> str:
    """Repair an identifier read by OCR ("V0/2022/0802", "D5/202 3/0090"): digits inside its
    letter prefix are letters, and a space between digits before a separator is none.

    >>> fix_identifier("V0/2022/0802")
    'VO/2022/0802'
    >>> fix_identifier("D5/202 3/0090")
    'DS/2023/0090'
    >>> fix_identifier("61.2 BPlan MR")
    '61.2 BPlan MR'
    """
    text = _SPLIT_DIGITS.sub("", text.strip())
    m = _PREFIX.match(text)
    if m is None:
        return text
    head = m.group("head")
    letters = sum(c.isalpha() for c in head)
    if letters == 0 or letters < len(head) - letters or not head[0].isalpha():
        return text  # "61.2", "2023-17": a number, not a letter prefix
    return head.translate(_LETTERS) + m.group("sep") + m.group("tail")
