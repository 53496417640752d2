"""Text runs: what the characters of one PDFium text object share (font, size, orientation)."""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass
from typing import Any

import pypdfium2.raw as pdfium_c

from .capi import _address, _char_map_error, _font_descent, _font_is_embedded, _text_object_font
from .frame import _Frame

# pdfminer reads the standard ZapfDingbats font through StandardEncoding (code 0x6F is "o"),
# PDFium through the font's own encoding (0x6F is "❏"). The glyph checkbox tables are keyed by
# pdfminer's letters, so codes 0x21–0x7E are given back as those letters.
_ZAPF_TO_STANDARD = dict(zip(
    "✁✂✃✄☎✆✇✈✉☛☞✌✍✎✏✐✑✒✓✔✕✖✗✘✙✚✛✜✝✞✟✠✡✢✣✤✥✦✧★✩✪✫✬✭✮✯✰✱✲✳✴✵✶✷✸✹✺✻✼✽✾✿❀❁❂❃❄❅❆❇❈❉❊"
    "❋●❍■❏❐❑❒▲▼◆❖◗❘❙❚❛❜❝❞",
    "!\"#$%&’()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_‘abcdefghijklmnopqrstuvwxyz{|}~",
    strict=True))


@dataclass(frozen=True, slots=True)
class _Run:
    """What the characters of one PDFium text object share."""

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


class _RunReader:
    """Reads the font attributes of a text run once, where it starts."""

    def __init__(self, textpage: Any, frame: _Frame) -> None:
        self._textpage = textpage
        self._address = _address(textpage)
        self.frame = frame
        self._matrix = pdfium_c.FS_MATRIX()
        self._name = ctypes.create_string_buffer(256)
        self._flags = ctypes.c_int()
        self._descents: dict[int, float] = {}
        self._translations: dict[int, dict[str, str] | None] = {}

    def read(self, index: int, text_object: int) -> _Run:
        tp, m, frame = self._textpage, self._matrix, self.frame
        pdfium_c.FPDFText_GetMatrix(tp, index, m)
        font_size = pdfium_c.FPDFText_GetFontSize(tp, index)  # the Tf operand
        fontname = self._fontname(index)
        lower = fontname.lower()
        low = self._descent(text_object) * font_size
        high = low + font_size
        span = (m.c * low, m.d * low, m.c * high, m.d * high)
        display = frame.display(m.a, m.b, m.c, m.d)
        a2, b2, c2, d2 = display
        upright = a2 * d2 > 0 and b2 * c2 <= 0  # pdfminer's test
        level = abs(b2) <= 1e-6 * max(abs(a2), 1e-9)  # a horizontal baseline on the page
        return _Run(fontname=fontname, size=round(font_size * math.hypot(m.c, m.d), 4),
                    bold="bold" in lower or "black" in lower, upright=upright,
                    unmapped=bool(_char_map_error(self._address, index)),
                    extent=self.extent(index, span) if level and upright else None, span=span,
                    display=display, translate=self._translation(text_object, fontname))

    def _fontname(self, index: int) -> str:
        length = pdfium_c.FPDFText_GetFontInfo(self._textpage, index, self._name, len(self._name),
                                               self._flags)
        if length > len(self._name):  # PDFium leaves a too small buffer untouched
            self._name = ctypes.create_string_buffer(length)
            length = pdfium_c.FPDFText_GetFontInfo(self._textpage, index, self._name, length,
                                                   self._flags)
        return self._name.value.decode("utf-8", errors="replace") if length else ""

    def extent(self, index: int, span: tuple[float, float, float, float]) -> tuple[float, float]:
        """Top and bottom of the glyph box on the page, from the glyph's baseline origin."""
        _, low, _, high = self.span_points(index, span)
        return min(low, high), max(low, high)

    def span_points(self, index: int, span: tuple[float, float, float, float],
                    ) -> tuple[float, float, float, float]:
        """The glyph's descent point and top point on the page (x, top, x, top)."""
        x, y = ctypes.c_double(), ctypes.c_double()
        pdfium_c.FPDFText_GetCharOrigin(self._textpage, index, x, y)
        return (*self.frame.point(x.value + span[0], y.value + span[1]),
                *self.frame.point(x.value + span[2], y.value + span[3]))

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
