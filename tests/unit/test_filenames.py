"""File names as text: decoded for the output, printable for messages, safe for file names."""

from __future__ import annotations

import os
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from vorlagenparser.filenames import MAX_STEM_BYTES, decoded, output_stem, printable

# Names as the OS hands them to Python: any bytes but "/" and NUL, undecodable ones as surrogates.
os_names = st.binary(min_size=1, max_size=400).map(
    lambda raw: os.fsdecode(raw.replace(b"/", b"_").replace(b"\x00", b"_")))
FAST = settings(max_examples=300, deadline=None)


def test_latin1_bytes_are_escaped_and_valid_text_is_kept() -> None:
    name = os.fsdecode(b"Stra\xdfe_M\xfchlbach.pdf")
    assert decoded(name) == "Stra\\xdfe_M\\xfchlbach.pdf"
    assert decoded("Straße.pdf") == "Straße.pdf"
    assert printable("a\nb\x1b[31m\u2028.pdf") == "a\\nb\\x1b[31m\\u2028.pdf"


def test_a_long_stem_is_cut_with_a_hash_of_the_whole() -> None:
    stem = output_stem("Vorlage_" + "ü" * 200)
    assert len(stem.encode()) <= MAX_STEM_BYTES
    assert stem.startswith("Vorlage_ü") and "~" in stem
    assert output_stem("Vorlage_" + "ü" * 200 + "x") != stem


@FAST
@given(os_names)
def test_decoded_and_printable_are_always_valid_utf8(name: str) -> None:
    assert decoded(name).encode("utf-8")
    line = printable(name)
    line.encode("utf-8")
    assert "\n" not in line and "\r" not in line and "\x1b" not in line


@FAST
@given(os_names)
def test_output_stems_are_safe_short_and_stable(name: str) -> None:
    stem = output_stem(name)
    assert stem and len(stem.encode("utf-8")) <= MAX_STEM_BYTES
    assert not set(stem) & set('\\/:*?"<>|') and not stem.startswith(".")
    assert not {unicodedata.category(c) for c in stem} & {"Cc", "Zl", "Zp", "Cs"}
    assert output_stem(stem) == stem
