"""File names as text: for messages, for the output, and as names of output files.

Archives hold names that are not valid UTF-8 (Latin-1 from old file servers), that hold line
breaks or terminal escapes, or that are longer than a file system allows once a suffix is added.
Python reads undecodable bytes as lone surrogates (``surrogateescape``), which no JSON, SQLite or
UTF-8 stream accepts. Three views of a name, each for one purpose:

* :func:`decoded` — the name as text, undecodable bytes written ``\\xe4``: ``source.filename``;
* :func:`printable` — also control characters escaped, so a message stays one harmless line;
* :func:`output_stem` — a short, safe stem for ``<stem>.json`` and every other writer.

This module is a leaf: it imports nothing from the package.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from os import PathLike

__all__ = ["MAX_STEM_BYTES", "decoded", "output_stem", "printable"]

# NAME_MAX is 255 bytes; an atomic write's temp file adds ".<name>.json.<8 chars>.partial",
# and a batch may add "__<folders>" to tell equal stems apart. 120 bytes leaves room for all.
MAX_STEM_BYTES = 120
_HASH_CHARS = 8
# Characters that are not allowed (or not portable) in a file name on Windows, macOS or Linux.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f-\x9f\u2028\u2029]')
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_CONTROL = frozenset({"Cc", "Zl", "Zp"})  # control characters, line and paragraph separators


def decoded(name: str | PathLike[str]) -> str:
    """``name`` with undecodable bytes (lone surrogates) as ``\\xNN``; valid text is kept."""
    text = str(name)
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that stands for no byte: not from a file name
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def printable(text: str | PathLike[str]) -> str:
    """:func:`decoded`, with control characters escaped: one line, no terminal escapes."""
    return "".join(_escape(c) if unicodedata.category(c) in _CONTROL else c for c in decoded(text))


def _escape(char: str) -> str:
    code = ord(char)
    return _ESCAPES.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def output_stem(text: str, max_bytes: int = MAX_STEM_BYTES) -> str:
    """A file-name stem from ``text`` that every file system takes.

    Undecodable bytes become ``_xNN``, unsafe characters ``_``, leading dots ``_`` (no hidden
    files). A stem longer than ``max_bytes`` in UTF-8 is cut at a character boundary and ends
    in ``~`` and a hash of the whole text, so two long names that share their beginning stay
    apart. The result is never empty, and ``output_stem(output_stem(x)) == output_stem(x)``.
    """
    safe = _UNSAFE.sub("_", decoded(text)).strip() or "_"
    safe = "_" + safe[1:] if safe.startswith(".") else safe
    if len(safe.encode("utf-8")) <= max_bytes:
        return safe
    digest = hashlib.sha256(safe.encode("utf-8")).hexdigest()[:_HASH_CHARS]
    room = max_bytes - _HASH_CHARS - 1
    head = safe.encode("utf-8")[:room].decode("utf-8", "ignore").rstrip()
    return f"{head}~{digest}"
