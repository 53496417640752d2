"""A page's text layer: PDFium's characters in content order → runs → words and vertical words."""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2.raw as pdfium_c

from ...pagemodel import Word
from ..vertical import vertical_words
from .capi import (
    _address,
    _char_is_generated,
    _char_loose_box,
    _char_map_error,
    _char_text_object,
    _PdfiumFailure,
)
from .frame import _Frame
from .runs import _NO_RUN, _Run, _RunReader
from .words import _Char, _group_words

_GENERATED_CANDIDATES = frozenset(" \r\n")  # the only characters PDFium ever invents
# PDFium's stand-ins for a hyphen that ends a line (GetUnicode says U+0002, GetText U+FFFE).
_HYPHEN_MARKS = frozenset("\x02\ufffe")


def _page_text_layer(page: Any, frame: _Frame) -> tuple[tuple[Word, ...], tuple[Word, ...]]:
    """The page's words, and its turned text runs (column headers at 90°) as vertical words."""
    textpage = pdfium_c.FPDFText_LoadPage(page)
    if not textpage:
        raise _PdfiumFailure("the text layer of a page cannot be read")
    try:
        groups, turned = _char_groups(textpage, frame)
    finally:
        pdfium_c.FPDFText_ClosePage(textpage)
    words = tuple(word for group in groups for word in _group_words(group.chars, group.run, group.pieces))
    return words, tuple(vertical_words(turned)) if turned else ()


def _page_text(textpage: Any, n: int) -> str:
    """All characters in one call; per character when the text buffer is not 1:1 with the
    character list (PDFium leaves control characters out of it; UTF-16 pairs take two units)."""
    buffer = (ctypes.c_ushort * (n + 1))()
    pdfium_c.FPDFText_GetText(textpage, 0, n, buffer)
    text = ctypes.string_at(buffer, 2 * n).decode("utf-16-le", errors="surrogatepass")
    if len(text) == n and "\x00" not in text:
        return text
    codes = (pdfium_c.FPDFText_GetUnicode(textpage, k) for k in range(n))
    return "".join(chr(c) if 0 <= c <= 0x10FFFF else "\ufffd" for c in codes)


class _Group:
    """Upright characters of one font and size in a row of content, with the run they start
    in; and where each run's characters start and the top they share, when every run is
    level (None when one is skewed: its characters' tops differ one by one)."""

    __slots__ = ("chars", "pieces", "run")

    def __init__(self, run: _Run) -> None:
        self.run = run
        self.chars: list[_Char] = []
        self.pieces: list[tuple[int, float]] | None = \
            [(0, run.extent[0])] if run.extent is not None else None


def _char_groups(textpage: Any, frame: _Frame) -> tuple[list[_Group], list[dict[str, Any]]]:
    """Upright characters in content order, in groups of equal font name and size; and the
    turned characters, in the form the vertical-word grouping takes (pdfplumber's char dicts).

    This is pdfplumber's ``groupby(chars, (upright, fontname, size))``: a group ends where a
    different font, size or rotated text comes between, even if the next run matches again.
    The loop is the loader's hot path (thousands of characters per page): run attributes are
    read once per text object, and characters of level, upright runs take the short way.
    """
    n = pdfium_c.FPDFText_CountChars(textpage)
    if n <= 0:
        return [], []
    text = _page_text(textpage, n)
    handle = ctypes.c_void_p(_address(textpage))  # the bare prototypes take ctypes objects only
    reader = _RunReader(textpage, frame)
    rect = pdfium_c.FS_RECTF()
    rect_ptr = ctypes.pointer(rect)
    shift = frame.c
    groups: list[_Group] = []
    turned: list[dict[str, Any]] = []
    unused: list[_Char] = []
    append = unused.append  # replaced at the first character: every text object starts a run
    run = _NO_RUN
    current_object = -1
    simple = special = False
    top = bottom = 0.0
    for k, ch in enumerate(text):
        if ch in _GENERATED_CANDIDATES and _char_is_generated(handle, k):
            continue  # PDFium's own spaces and line breaks: pdfminer has none
        text_object = _char_text_object(handle, k)
        if text_object != current_object:
            current_object = text_object
            run = reader.read(k, text_object)
            append = _next_run(run, groups).chars.append
            special = run.unmapped or run.translate is not None
            simple = frame.is_plain and run.extent is not None
            top, bottom = run.extent or (0.0, 0.0)
        if special or ch in _HYPHEN_MARKS:
            ch = _reading(ch, run, handle, k)
        _char_loose_box(handle, k, rect_ptr)
        if simple:
            append((ch, rect.left + shift, rect.right + shift, top, bottom))
        elif run.upright:
            append(_placed(ch, rect, run, reader, k))
        else:  # turned text: not words, but maybe a column header printed at 90°
            turned.append(_turned(ch, rect, run, reader, k))
    return [group for group in groups if group.run.upright and group.chars], turned


def _next_run(run: _Run, groups: list[_Group]) -> _Group:
    """Continue the current group if font, size and orientation stay, else open a new one."""
    if groups:
        group = groups[-1]
        first = group.run
        if (run.fontname, run.size, run.upright) == (first.fontname, first.size, first.upright):
            if group.pieces is not None:
                if run.extent is None:
                    group.pieces = None
                else:
                    group.pieces.append((len(group.chars), run.extent[0]))
            return group
    group = _Group(run)
    groups.append(group)
    return group


def _reading(ch: str, run: _Run, textpage: ctypes.c_void_p, index: int) -> str:
    """A character as pdfminer reads it: end-of-line hyphens, unmapped glyphs, ZapfDingbats."""
    if ch in _HYPHEN_MARKS:
        return "-"
    if run.unmapped and _char_map_error(textpage, index):
        return f"(cid:{ord(ch)})"
    if run.translate is not None:
        return run.translate.get(ch, ch)
    return ch


def _turned(ch: str, rect: Any, run: _Run, reader: _RunReader, index: int) -> dict[str, Any]:
    """A turned glyph as pdfplumber describes it: along the baseline the advance (from the loose
    box), across it descent to descent + font size; its size is its height on the page."""
    box = reader.frame.box(rect.left, rect.bottom, rect.right, rect.top)
    x0, top, x1, bottom = box.x0, box.top, box.x1, box.bottom
    xa, ta, xb, tb = reader.span_points(index, run.span)
    a2, b2 = run.display[0], run.display[1]
    if abs(a2) <= 1e-6 * abs(b2):  # the baseline runs up or down the page
        x0, x1 = min(xa, xb), max(xa, xb)
    elif abs(b2) <= 1e-6 * abs(a2):  # a horizontal baseline, mirrored
        top, bottom = min(ta, tb), max(ta, tb)
    return {"text": ch, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "size": bottom - top,
            "matrix": (*run.display, 0.0, 0.0), "fontname": run.fontname}


def _placed(ch: str, rect: Any, run: _Run, reader: _RunReader, index: int) -> _Char:
    """The slow way for turned pages and skewed baselines: transform the loose box."""
    top, bottom = run.extent or reader.extent(index, run.span)
    box = reader.frame.box(rect.left, rect.bottom, rect.right, rect.top)
    return (ch, box.x0, box.x1, top, bottom)
