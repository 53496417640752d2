"""Text runs: what the characters of one PDFium text object share (font, size, orientation)."""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass
from typing import Any, NamedTuple

import pypdfium2.raw as pdfium_c

from .capi import (
    _address,
    _char_font_size,
    _char_map_error,
    _char_matrix,
    _char_origin,
    _font_descent,
    _font_is_embedded,
    _text_object_font,
)
from .frame import _Frame

# pdfminer reads the standard ZapfDingbats font through StandardEncoding (code 0x6F is "o"),
# PDFium through the font's own encoding (0x6F is "❏"). The glyph checkbox tables are keyed by
# pdfminer's letters, so codes 0x21–0x7E are given back as those letters.
_ZAPF_TO_STANDARD = dict(zip(
    "✁✂✃✄☎✆✇✈✉☛☞✌✍✎✏✐✑✒✓✔✕✖✗✘✙✚✛✜✝✞✟✠✡✢✣✤✥✦✧★✩✪✫✬✭✮✯✰✱✲✳✴✵✶✷✸✹✺✻✼✽✾✿❀❁❂❃❄❅❆❇❈❉❊"
    "❋●❍■❏❐❑❒▲▼◆❖◗❘❙❚❛❜❝❞",
    "!\"#$%&’()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_‘abcdefghijklmnopqrstuvwxyz{|}~",
    strict=True))


class _Run(NamedTuple):
    """What the characters of one PDFium text object share.

    A named tuple rather than a frozen dataclass: a page has about a hundred text objects,
    and a frozen dataclass's per-field setters made building their runs cost more than
    reading them from PDFium."""

    fontname: str
    size: float  # the rendered size (font size × text and graphics scale), as pdfminer's
    bold: bool
    upright: bool
    unmapped: bool  # the run's first glyph has no Unicode mapping: check every glyph
    # pdfminer's glyph box spans from the font's descent below the baseline to one font size
    # above that. On a level baseline that is one (top, bottom) for the whole run; on a skewed
    # one it differs per glyph and `extent` is None.
    extent: tuple[float, float] | None
    span: tuple[float, float, float, float]  # baseline → descent line → top, in user space
    display: tuple[float, float, float, float]  # the glyph matrix on the displayed page
    translate: dict[str, str] | None = None  # characters to read as pdfminer does


_NO_RUN = _Run(fontname="", size=-1.0, bold=False, upright=False, unmapped=False, extent=None,
               span=(0.0, 0.0, 0.0, 0.0), display=(1.0, 0.0, 0.0, 1.0))


@dataclass(frozen=True, slots=True)
class _Shape:
    """What a run's font, size and glyph matrix decide, whatever its place on the page."""

    fontname: str
    size: float
    bold: bool
    upright: bool
    level: bool  # a horizontal baseline on the page
    span: tuple[float, float, float, float]
    display: tuple[float, float, float, float]
    translate: dict[str, str] | None


class _RunReader:
    """Reads the font attributes of a text run once, where it starts.

    A page has dozens of runs in a few fonts, sizes and orientations: what those decide is
    worked out once per (font, size, matrix), so a run costs a few calls into PDFium."""

    def __init__(self, textpage: Any, frame: _Frame) -> None:
        self._textpage = textpage
        self._handle = ctypes.c_void_p(_address(textpage))  # for the bare prototypes (capi)
        self.frame = frame
        self._matrix = pdfium_c.FS_MATRIX()
        self._matrix_ptr = ctypes.pointer(self._matrix)
        self._x, self._y = ctypes.c_double(), ctypes.c_double()
        self._xy_ptrs = ctypes.pointer(self._x), ctypes.pointer(self._y)
        self._name = ctypes.create_string_buffer(256)
        self._flags = ctypes.c_int()
        self._descents: dict[int, float] = {}
        self._translations: dict[int, dict[str, str] | None] = {}
        self._fontnames: dict[int, str] = {}
        self._shapes: dict[tuple[int, float, float, float, float, float], _Shape] = {}

    def read(self, index: int, text_object: int) -> _Run:
        m = self._matrix
        handle = self._handle
        _char_matrix(handle, index, self._matrix_ptr)  # left as it was when it fails
        font_size = _char_font_size(handle, index)  # the Tf operand
        font = _text_object_font(text_object) or 0 if text_object else 0
        key = (font, font_size, m.a, m.b, m.c, m.d)
        shape = self._shapes.get(key) if font else None
        if shape is None:
            shape = self._shape(index, text_object, font, font_size)
            if font:
                self._shapes[key] = shape
        return _Run(shape.fontname, shape.size, shape.bold, shape.upright,
                    bool(_char_map_error(handle, index)),
                    self.extent(index, shape.span) if shape.level and shape.upright else None,
                    shape.span, shape.display, shape.translate)

    def _shape(self, index: int, text_object: int, font: int, font_size: float) -> _Shape:
        m = self._matrix
        fontname = self._fontname_of(index, font)
        lower = fontname.lower()
        low = self._descent(text_object) * font_size
        high = low + font_size
        display = self.frame.display(m.a, m.b, m.c, m.d)
        a2, b2, c2, d2 = display
        return _Shape(fontname=fontname, size=round(font_size * math.hypot(m.c, m.d), 4),
                      bold="bold" in lower or "black" in lower,
                      upright=a2 * d2 > 0 and b2 * c2 <= 0,  # pdfminer's test
                      level=abs(b2) <= 1e-6 * max(abs(a2), 1e-9),
                      span=(m.c * low, m.d * low, m.c * high, m.d * high), display=display,
                      translate=self._translation(text_object, fontname))

    def _fontname_of(self, index: int, font: int) -> str:
        """The character's font name, as PDFium reports it for the font of its text object."""
        if not font:
            return self._fontname(index)
        if font not in self._fontnames:
            self._fontnames[font] = self._fontname(index)
        return self._fontnames[font]

    def _fontname(self, index: int) -> str:
        length = pdfium_c.FPDFText_GetFontInfo(self._textpage, index, self._name, len(self._name),
                                               self._flags)
        if length > len(self._name):  # PDFium leaves a too small buffer untouched
            self._name = ctypes.create_string_buffer(length)
            length = pdfium_c.FPDFText_GetFontInfo(self._textpage, index, self._name, length,
                                                   self._flags)
        return self._name.value.decode("utf-8", errors="replace") if length else ""

    def extent(self, index: int, span: tuple[float, float, float, float]) -> tuple[float, float]:
        """Top and bottom of the glyph box on the page, from the glyph's baseline origin (the
        top coordinates of :meth:`span_points`, without the x ones)."""
        x, y = self._origin(index)
        frame = self.frame
        low = frame.d * (x + span[0]) + frame.e * (y + span[1]) + frame.f
        high = frame.d * (x + span[2]) + frame.e * (y + span[3]) + frame.f
        return min(low, high), max(low, high)

    def span_points(self, index: int, span: tuple[float, float, float, float],
                    ) -> tuple[float, float, float, float]:
        """The glyph's descent point and top point on the page (x, top, x, top)."""
        x, y = self._origin(index)
        return (*self.frame.point(x + span[0], y + span[1]),
                *self.frame.point(x + span[2], y + span[3]))

    def _origin(self, index: int) -> tuple[float, float]:
        x, y = self._x, self._y
        x.value = y.value = 0.0  # as fresh ones: a failed call leaves them
        _char_origin(self._handle, index, *self._xy_ptrs)
        return x.value, y.value

    def _translation(self, text_object: int, fontname: str) -> dict[str, str] | None:
        """pdfminer's reading of the non-embedded standard ZapfDingbats font (see above)."""
        if fontname.rsplit("+", 1)[-1] != "ZapfDingbats":
            return None
        font = _text_object_font(text_object) or 0
        if font not in self._translations:
            embedded = font and _font_is_embedded(font) == 1
            self._translations[font] = None if embedded else _ZAPF_TO_STANDARD
        return self._translations[font]

    def _descent(self, text_object: int) -> float:
        """The font's descent per point of size (negative), from its descriptor as pdfminer
        reads it; PDFium's loose boxes clamp it to the FontBBox, which some fonts get wrong."""
        font = _text_object_font(text_object) or 0
        if font not in self._descents:
            value = ctypes.c_float()
            ok = font and _font_descent(font, 1.0, ctypes.addressof(value))
            self._descents[font] = -abs(value.value) if ok else 0.0
        return self._descents[font]
