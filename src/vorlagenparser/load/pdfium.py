"""Fast PDF loader on PDFium (pypdfium2's ctypes API): the page model of :mod:`.pdf`, ~10× faster.

pdfminer interprets every content stream in Python (~70–100 ms per page); PDFium parses in C++
and we only read its results (~5 ms per page). Both loaders must be interchangeable, so this one
reproduces the pdfplumber loader's choices rather than PDFium's own text layout:

* **words** — pdfplumber's ``extract_words(x_tolerance=1.5, y_tolerance=2.5,
  extra_attrs=["fontname", "size"])``: characters form groups of one font and size (in content
  order), each group is split into lines (tops chained within 2.5 pt) and each line, sorted left
  to right, into words at spaces and at gaps over 1.5 pt. Boxes are pdfminer's: bottom at the
  font's descent below the baseline, top one font size above that; x from PDFium's loose box.
  The spaces and line breaks PDFium invents are dropped; unmapped glyphs read ``(cid:N)``;
  PDFium's end-of-line hyphen marker reads ``-``; the standard ZapfDingbats font reads as
  pdfminer's StandardEncoding letters (the glyph checkbox tables are keyed by them).
* **vertical words** — turned characters as pdfplumber char dicts, grouped by
  :func:`.vertical.vertical_words` like the pdfplumber loader does.
* **graphics** — pdfminer's path classification: one straight piece is a line, a closed
  axis-aligned four-corner path a rect, anything else a curve through its end points.
* **grids** — pdfplumber's table-finding stages (edges → intersections → cells → tables), fed
  with edges made from those graphics; no pdfplumber page is built.
* **coordinates** — points from the top left of the MediaBox after the page's /Rotate, exactly
  the frame pdfplumber reports.

Known differences from the pdfplumber loader, all small: font names may lack the subset tag;
text drawn twice at one place (fake bold) is kept once; a space glyph overlapping the next glyph
is dropped by PDFium (the two words may join); x extents include glyph ink that overhangs the
advance (italics, up to ~0.15 em); pdfminer has no width for "€" in the standard-14 fonts nor for
ZapfDingbats glyphs, so pdfplumber misplaces the rest of such a line and PDFium does not; word
order inside a page may differ where pdfplumber splits groups on float noise in the font size;
line widths default to PDFium's 1.0 where pdfminer reports 0. Bold comes from the font name
only, as in the pdfplumber loader: ``FPDFText_GetFontWeight`` reports 695 for plain Arial.

PDFium is not thread-safe, so one lock serialises every document this module opens.
"""

from __future__ import annotations

import ctypes
import logging
import math
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from operator import itemgetter
from typing import Any

import pypdfium2  # noqa: F401  # importing the package initialises the PDFium library
import pypdfium2.raw as pdfium_c

from ..errors import EncryptedPdfError, InputFileError, TruncatedPdfError
from ..geometry import BBox
from ..options import ExtractOptions
from ..pagemodel import Document, Grid, Page, Rect, Segment, Widget, Word
from .grids import find_grids
from .vertical import vertical_words

__all__ = ["open_pdf_fast"]

log = logging.getLogger(__name__)

_X_TOLERANCE = 1.5  # as the pdfplumber loader's extract_words
_Y_TOLERANCE = 2.5
_MIN_RULES_FOR_GRID = 6  # as the pdfplumber loader: table finding only on ruled pages
_RADIO_FLAG = 1 << 15
_SAME_POINT = 1e-3  # pdfminer compares path corners exactly; PDFium's floats need a hair of slack
# pdfplumber expands these ligatures in words (str.translate table).
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st",
                            "ﬅ": "st"})
_GENERATED_CANDIDATES = frozenset(" \r\n")  # the only characters PDFium ever invents
# PDFium's stand-ins for a hyphen that ends a line (GetUnicode says U+0002, GetText U+FFFE).
_HYPHEN_MARKS = frozenset("\x02\ufffe")
_LOCK = threading.Lock()
# pdfminer reads the standard ZapfDingbats font through StandardEncoding (code 0x6F is "o"),
# PDFium through the font's own encoding (0x6F is "❏"). The glyph checkbox tables are keyed by
# pdfminer's letters, so codes 0x21–0x7E are given back as those letters.
_ZAPF_TO_STANDARD = dict(zip(
    "✁✂✃✄☎✆✇✈✉☛☞✌✍✎✏✐✑✒✓✔✕✖✗✘✙✚✛✜✝✞✟✠✡✢✣✤✥✦✧★✩✪✫✬✭✮✯✰✱✲✳✴✵✶✷✸✹✺✻✼✽✾✿❀❁❂❃❄❅❆❇❈❉❊"
    "❋●❍■❏❐❑❒▲▼◆❖◗❘❙❚❛❜❝❞",
    "!\"#$%&’()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_‘abcdefghijklmnopqrstuvwxyz{|}~",
    strict=True))

# pdfminer's page matrix for each /Rotate (a, b, c, d): it maps PDF user space onto the upright page.
_ROTATION_CTM = {0: (1.0, 0.0, 0.0, 1.0), 90: (0.0, -1.0, 1.0, 0.0),
                 180: (-1.0, 0.0, 0.0, -1.0), 270: (0.0, 1.0, -1.0, 0.0)}
_FIELD_TYPES = {pdfium_c.FPDF_FORMFIELD_PUSHBUTTON: "Btn", pdfium_c.FPDF_FORMFIELD_CHECKBOX: "Btn",
                pdfium_c.FPDF_FORMFIELD_RADIOBUTTON: "Btn", pdfium_c.FPDF_FORMFIELD_TEXTFIELD: "Tx"}
_ERRORS = {pdfium_c.FPDF_ERR_FILE: "the file cannot be opened",
           pdfium_c.FPDF_ERR_FORMAT: "the PDF structure is damaged",
           pdfium_c.FPDF_ERR_SECURITY: "the PDF uses an unsupported security handler",
           pdfium_c.FPDF_ERR_PAGE: "a page cannot be read"}


def _plain(function: Any, restype: Any, *argtypes: Any) -> Any:
    """A second prototype of a PDFium function with plain ``c_void_p`` handles and results.

    The generated bindings wrap handles in typed pointer objects; in the per-character loop,
    plain integers are several times cheaper to pass, return and compare.
    """
    address = ctypes.cast(function, ctypes.c_void_p).value
    if address is None:
        raise ImportError("PDFium function without an address")
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


_VP, _INT = ctypes.c_void_p, ctypes.c_int
_char_text_object = _plain(pdfium_c.FPDFText_GetTextObject, _VP, _VP, _INT)
_char_loose_box = _plain(pdfium_c.FPDFText_GetLooseCharBox, _INT, _VP, _INT, _VP)
_char_is_generated = _plain(pdfium_c.FPDFText_IsGenerated, _INT, _VP, _INT)
_char_map_error = _plain(pdfium_c.FPDFText_HasUnicodeMapError, _INT, _VP, _INT)
_text_object_font = _plain(pdfium_c.FPDFTextObj_GetFont, _VP, _VP)
_font_descent = _plain(pdfium_c.FPDFFont_GetDescent, _INT, _VP, ctypes.c_float, _VP)
_font_is_embedded = _plain(pdfium_c.FPDFFont_GetIsEmbedded, _INT, _VP)


class _PdfiumFailure(Exception):
    """A PDFium call failed on this file (turned into an InputFileError with the path)."""


# --- document ---------------------------------------------------------------------------------

def open_pdf_fast(path: str, filename: str, sha256: str, options: ExtractOptions) -> Document:
    """Load every page of a PDF into the page model (InputFileError subclasses for bad files)."""
    with _LOCK:
        doc = _open_document(path)
        try:
            pages, created = _read_document(doc, path, options)
        finally:
            pdfium_c.FPDF_CloseDocument(doc)
    return Document(path=path, filename=filename, sha256=sha256, pages=pages, kind="pdf",
                    created=created)


def _open_document(path: str) -> Any:
    doc = pdfium_c.FPDF_LoadDocument(os.fsencode(path), None)
    if doc:
        return doc
    code = pdfium_c.FPDF_GetLastError()
    if code == pdfium_c.FPDF_ERR_PASSWORD:
        raise EncryptedPdfError("PDF is encrypted with a password", path)
    if code == pdfium_c.FPDF_ERR_FORMAT:
        raise TruncatedPdfError("PDF is damaged (PDFium cannot parse its structure)", path)
    raise InputFileError(f"PDF cannot be read ({_ERRORS.get(code, f'PDFium error {code}')})", path)


def _read_document(doc: Any, path: str, options: ExtractOptions) -> tuple[tuple[Page, ...], str | None]:
    n = pdfium_c.FPDF_GetPageCount(doc)
    if n <= 0:
        raise InputFileError("PDF has no pages", path)
    if n > options.max_pages:
        raise InputFileError(f"PDF has {n} pages, above the limit of {options.max_pages}", path)
    forms = _FormEnv(doc)
    try:
        pages = tuple(_load_page(doc, forms, index, path) for index in range(n))
    except _PdfiumFailure as exc:
        raise InputFileError(str(exc), path) from exc
    except (ValueError, ArithmeticError, IndexError) as exc:
        # Hostile numbers in a page (NaN coordinates, absurd counts) must not end in a traceback.
        raise InputFileError(f"PDF page cannot be read ({type(exc).__name__}: {exc})", path) from exc
    finally:
        forms.close()
    return pages, _meta_text(doc, "CreationDate")


def _meta_text(doc: Any, tag: str) -> str | None:
    size = pdfium_c.FPDF_GetMetaText(doc, tag.encode("ascii"), None, 0)
    if size <= 2:  # just the terminating NUL: the key is absent or empty
        return None
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDF_GetMetaText(doc, tag.encode("ascii"), buffer, size)
    return buffer.raw[: size - 2].decode("utf-16-le", errors="replace") or None


class _FormEnv:
    """PDFium's form-fill environment, created only when a page has widgets (field names,
    types and values inherited from parent fields are only reachable through it)."""

    def __init__(self, doc: Any) -> None:
        self._doc = doc
        self._info: Any = None
        self._handle: Any = None

    def handle(self) -> Any:
        """The environment, or a NULL handle (falsy) when PDFium cannot create one."""
        if self._info is None:
            self._info = pdfium_c.FPDF_FORMFILLINFO(version=1)  # must outlive the environment
            self._handle = pdfium_c.FPDFDOC_InitFormFillEnvironment(self._doc, self._info)
        return self._handle

    def close(self) -> None:
        if self._handle:
            pdfium_c.FPDFDOC_ExitFormFillEnvironment(self._handle)
        self._handle = None


# --- page -------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Frame:
    """PDF user space → the upright page, top-left origin, as pdfplumber reports coordinates.

    ``X = a·x + b·y + c`` and ``T = d·x + e·y + f``. pdfplumber keeps the MediaBox's own x offset
    and measures top as (page height − y), which this reproduces (not the mathematically
    neutral frame).
    """

    width: float
    height: float
    rotation: int
    a: float
    b: float
    c: float
    d: float
    e: float
    f: float

    @property
    def is_plain(self) -> bool:
        return self.rotation == 0

    def point(self, x: float, y: float) -> tuple[float, float]:
        return self.a * x + self.b * y + self.c, self.d * x + self.e * y + self.f

    def box(self, left: float, bottom: float, right: float, top: float) -> BBox:
        xs, ts = zip(*(self.point(x, y) for x in (left, right) for y in (bottom, top)), strict=True)
        return BBox(min(xs), min(ts), max(xs), max(ts))

    def display(self, a: float, b: float, c: float, d: float) -> tuple[float, float, float, float]:
        """A glyph matrix as pdfminer sees it: on the turned page, y pointing up."""
        ra, rb, rc, rd = _ROTATION_CTM[self.rotation]
        return a * ra + b * rc, a * rb + b * rd, c * ra + d * rc, c * rb + d * rd


def _frame(page: Any) -> _Frame:
    x0, y0, x1, y1 = _media_box(page)
    rotation = (pdfium_c.FPDFPage_GetRotation(page) % 4) * 90
    # pdfminer's device matrix for the rotation (translation part), then pdfplumber's flip.
    ra, rb, rc, rd = _ROTATION_CTM[rotation]
    re_, rf = {0: (-x0, -y0), 90: (-y0, x1), 180: (x1, y1), 270: (y1, -x0)}[rotation]
    nx0, ny0, nx1, ny1 = (x0, y0, x1, y1) if rotation in (0, 180) else (y0, x0, y1, x1)
    width, height = round(nx1 - nx0, 4), round(ny1 - ny0, 4)
    return _Frame(width=width, height=height, rotation=rotation,
                  a=ra, b=rc, c=re_ + nx0, d=-rb, e=-rd, f=height - rf + (height - ny1))


def _media_box(page: Any) -> tuple[float, float, float, float]:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not pdfium_c.FPDFPage_GetMediaBox(page, left, bottom, right, top):
        # The MediaBox is inherited from the page tree; PDFium's page box resolves inheritance.
        rect = pdfium_c.FS_RECTF()
        if not pdfium_c.FPDF_GetPageBoundingBox(page, rect):
            raise _PdfiumFailure("page has no usable MediaBox")
        left.value, bottom.value, right.value, top.value = rect.left, rect.bottom, rect.right, rect.top
    xs = sorted((left.value, right.value))
    ys = sorted((bottom.value, top.value))
    return xs[0], ys[0], xs[1], ys[1]


def _load_page(doc: Any, forms: _FormEnv, index: int, path: str) -> Page:
    page = pdfium_c.FPDF_LoadPage(doc, index)
    if not page:
        raise _PdfiumFailure(f"page {index + 1} cannot be read")
    try:
        frame = _frame(page)
        words, vertical = _page_text_layer(page, frame)
        shapes = _page_shapes(page, frame)
        widgets = tuple(_page_widgets(page, forms, frame))
    finally:
        pdfium_c.FPDF_ClosePage(page)
    grids = _grids(shapes) if shapes.rule_count >= _MIN_RULES_FOR_GRID else ()
    return Page(number=index + 1, width=frame.width, height=frame.height,
                rotation=frame.rotation, method="text", words=words, rects=tuple(shapes.rects),
                segments=shapes.segments, widgets=widgets, grids=grids, vertical_words=vertical)


# --- text -------------------------------------------------------------------------------------

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

# A character: text, x0, x1, top, bottom (tuples: the per-character loop is the hot path).
_Char = tuple[str, float, float, float, float]
_X0 = itemgetter(1)


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


def _address(handle: Any) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


def _page_text_layer(page: Any, frame: _Frame) -> tuple[tuple[Word, ...], tuple[Word, ...]]:
    """The page's words, and its turned text runs (column headers at 90°) as vertical words."""
    textpage = pdfium_c.FPDFText_LoadPage(page)
    if not textpage:
        raise _PdfiumFailure("the text layer of a page cannot be read")
    try:
        groups, turned = _char_groups(textpage, frame)
    finally:
        pdfium_c.FPDFText_ClosePage(textpage)
    words = tuple(word for run, chars in groups for word in _group_words(chars, run))
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


def _char_groups(textpage: Any, frame: _Frame,
                 ) -> tuple[list[tuple[_Run, list[_Char]]], list[dict[str, Any]]]:
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
    tp = _address(textpage)
    reader = _RunReader(textpage, frame)
    rect = pdfium_c.FS_RECTF()
    rect_ptr = ctypes.addressof(rect)
    shift = frame.c
    groups: list[tuple[_Run, list[_Char]]] = []
    turned: list[dict[str, Any]] = []
    chars: list[_Char] = []
    run = _NO_RUN
    current_object = -1
    simple = special = False
    top = bottom = 0.0
    for k in range(n):
        ch = text[k]
        if ch in _GENERATED_CANDIDATES and _char_is_generated(tp, k):
            continue  # PDFium's own spaces and line breaks: pdfminer has none
        text_object = _char_text_object(tp, k) or 0
        if text_object != current_object:
            current_object = text_object
            run, chars = _next_run(reader.read(k, text_object), run, chars, groups)
            special = run.unmapped or run.translate is not None
            simple = frame.is_plain and run.extent is not None
            top, bottom = run.extent or (0.0, 0.0)
        if special or ch in _HYPHEN_MARKS:
            ch = _reading(ch, run, tp, k)
        _char_loose_box(tp, k, rect_ptr)
        if simple:
            chars.append((ch, rect.left + shift, rect.right + shift, top, bottom))
        elif run.upright:
            chars.append(_placed(ch, rect, run, reader, k))
        else:  # turned text: not words, but maybe a column header printed at 90°
            turned.append(_turned(ch, rect, run, reader, k))
    return [(r, c) for r, c in groups if r.upright and c], turned


def _next_run(run: _Run, previous: _Run, chars: list[_Char],
              groups: list[tuple[_Run, list[_Char]]]) -> tuple[_Run, list[_Char]]:
    """Continue the current group if font, size and orientation stay, else open a new one."""
    if (run.fontname, run.size, run.upright) == (previous.fontname, previous.size, previous.upright):
        return run, chars
    chars = []
    groups.append((run, chars))
    return run, chars


def _reading(ch: str, run: _Run, textpage: int, index: int) -> str:
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


def _group_words(chars: list[_Char], run: _Run) -> list[Word]:
    """pdfplumber's line clustering (chained tops within the tolerance) and word splitting."""
    cluster_of: dict[float, int] = {}
    tops = sorted({c[3] for c in chars})
    cluster, last = 0, tops[0]
    for top in tops:
        if top > last + _Y_TOLERANCE:
            cluster += 1
        cluster_of[top] = cluster
        last = top
    lines: list[list[_Char]] = [[] for _ in range(cluster + 1)]
    for c in chars:
        lines[cluster_of[c[3]]].append(c)
    words: list[Word] = []
    for line in lines:
        line.sort(key=_X0)  # stable: equal x keeps content order, as pdfplumber's sort
        words.extend(_line_words(line, run))
    return words


def _line_words(line: list[_Char], run: _Run) -> list[Word]:
    """pdfplumber's word split: at spaces, at a gap over 1.5 pt, at a step back or a jump in
    height (measured from the previous character)."""
    words: list[Word] = []
    start = -1  # index of the current word's first character
    px0 = px1 = ptop = 0.0
    for i, (text, x0, x1, top, _) in enumerate(line):
        if text.isspace():
            if start >= 0:
                words.append(_word(line[start:i], run))
                start = -1
            continue
        if start < 0:
            start = i
        elif x0 < px0 or x0 > px1 + _X_TOLERANCE or abs(top - ptop) > _Y_TOLERANCE:
            words.append(_word(line[start:i], run))
            start = i
        px0, px1, ptop = x0, x1, top
    if start >= 0:
        words.append(_word(line[start:], run))
    return words


def _word(chars: list[_Char], run: _Run) -> Word:
    texts, x0s, x1s, tops, bottoms = zip(*chars, strict=True)
    text = "".join(texts).translate(_LIGATURES)
    box = BBox(min(x0s), min(tops), max(x1s), max(bottoms))
    return Word(text=text, bbox=box, fontname=run.fontname, size=run.size, bold=run.bold)


# --- graphics ---------------------------------------------------------------------------------

@dataclass(slots=True)
class _Shapes:
    """Graphics of a page in pdfminer's three kinds, plus what table finding needs."""

    rects: list[Rect]
    line_segments: list[Segment]
    curve_segments: list[Segment]
    lines: list[tuple[float, float, float, float]]  # x0, y0, x1, y1 of one-piece paths
    curves: list[list[tuple[float, float]]]  # end points of the other paths

    @property
    def rule_count(self) -> int:
        return len(self.lines) + len(self.rects)

    @property
    def segments(self) -> tuple[Segment, ...]:
        """Lines first, then curve pieces: the pdfplumber loader's order."""
        return (*self.line_segments, *self.curve_segments)


@dataclass(frozen=True, slots=True)
class _Paint:
    stroke: bool
    fill: bool
    linewidth: float
    fill_gray: float | None


_Matrix = tuple[float, float, float, float, float, float]  # x' = a·x + c·y + e, y' = b·x + d·y + f
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _then(inner: _Matrix, outer: _Matrix) -> _Matrix:
    """The matrix applying ``inner`` first, then ``outer``."""
    a, b, c, d, e, f = inner
    oa, ob, oc, od, oe, of = outer
    return (a * oa + b * oc, a * ob + b * od, c * oa + d * oc, c * ob + d * od,
            e * oa + f * oc + oe, e * ob + f * od + of)


def _object_matrix(obj: Any) -> _Matrix:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _path_objects(parent: Any, outer: _Matrix, in_form: bool) -> Iterator[tuple[Any, _Matrix]]:
    """Every path object with its matrix to page space, descending into form XObjects
    (whose children's matrices are relative to the form)."""
    count = pdfium_c.FPDFFormObj_CountObjects if in_form else pdfium_c.FPDFPage_CountObjects
    get = pdfium_c.FPDFFormObj_GetObject if in_form else pdfium_c.FPDFPage_GetObject
    for i in range(max(0, count(parent))):
        obj = get(parent, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            yield obj, _then(_object_matrix(obj), outer)
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            yield from _path_objects(obj, _then(_object_matrix(obj), outer), in_form=True)


def _page_shapes(page: Any, frame: _Frame) -> _Shapes:
    shapes = _Shapes(rects=[], line_segments=[], curve_segments=[], lines=[], curves=[])
    for obj, matrix in _path_objects(page, _IDENTITY, in_form=False):
        paint = _paint(obj, matrix)
        if paint is None:
            continue
        for subpath in _subpaths(obj, matrix, frame):
            _classify(subpath, paint, shapes)
    return shapes


def _paint(obj: Any, matrix: _Matrix) -> _Paint | None:
    """How the path is drawn; None for paths that paint nothing (pdfminer ignores them)."""
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, fill_mode, stroke):
        return None
    fill = fill_mode.value != pdfium_c.FPDF_FILLMODE_NONE
    if not fill and not stroke.value:
        return None
    width = ctypes.c_float()
    linewidth = width.value if pdfium_c.FPDFPageObj_GetStrokeWidth(obj, width) else 1.0
    # pdfminer scales the width by the current matrix, as it looks on the page.
    linewidth *= math.hypot(matrix[0], matrix[1])
    return _Paint(stroke=bool(stroke.value), fill=fill, linewidth=linewidth,
                  fill_gray=_fill_gray(obj) if fill else None)


def _fill_gray(obj: Any) -> float | None:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetFillColor(obj, r, g, b, a):
        return None
    return (0.299 * r.value + 0.587 * g.value + 0.114 * b.value) / 255.0


# A path operation in pdfminer's terms: "m", "l", "c" (a curve's end point) or "h", at (x, top).
_Op = tuple[str, float, float]


def _subpaths(obj: Any, matrix: _Matrix, frame: _Frame) -> list[list[_Op]]:
    """The path as pdfminer sees it: split at every move, curves reduced to their end points,
    a close turned into an "h" back to the subpath's start."""
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    subpaths: list[list[_Op]] = []
    bezier_points = 0
    for i in range(max(0, pdfium_c.FPDFPath_CountSegments(obj))):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        if not segment or not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            bezier_points += 1
            if bezier_points % 3:
                continue  # a control point
        else:
            bezier_points = 0
        px, py = frame.point(a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append([("m", px, py)])
        else:
            subpaths[-1].append(("c" if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO else "l", px, py))
        if pdfium_c.FPDFPathSegment_GetClose(segment):
            start = subpaths[-1][0]
            subpaths[-1].append(("h", start[1], start[2]))
    return subpaths


def _same(p: tuple[float, float], q: tuple[float, float]) -> bool:
    return abs(p[0] - q[0]) <= _SAME_POINT and abs(p[1] - q[1]) <= _SAME_POINT


def _classify(ops: list[_Op], paint: _Paint, shapes: _Shapes) -> None:
    """pdfminer's ``paint_path``: a line, a rect or a curve."""
    shape = "".join(op[0] for op in ops)
    pts = [(op[1], op[2]) for op in ops]
    if len(shape) > 3 and shape[-2:] == "lh" and _same(pts[-2], pts[0]):
        shape = shape[:-2] + "h"  # PDFium closes with an explicit line back to the start
        pts.pop()
    if shape in ("ml", "mlh"):
        (x0, y0), (x1, y1) = pts[0], pts[1]
        shapes.lines.append((x0, y0, x1, y1))
        shapes.line_segments.append(Segment(x0, y0, x1, y1, paint.linewidth or 1.0))
    elif shape in ("mlllh", "mllll") and _same(pts[0], pts[4]) and _is_axis_aligned(pts[:4]):
        xs, ys = [p[0] for p in pts[:4]], [p[1] for p in pts[:4]]
        shapes.rects.append(Rect(bbox=BBox(min(xs), min(ys), max(xs), max(ys)), stroke=paint.stroke,
                                 fill=paint.fill, linewidth=paint.linewidth,
                                 fill_gray=paint.fill_gray))
    else:
        shapes.curves.append(pts)
        lw = paint.linewidth or 1.0
        shapes.curve_segments.extend(Segment(p[0], p[1], q[0], q[1], lw) for p, q in pairwise(pts))


def _is_axis_aligned(corners: list[tuple[float, float]]) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = corners

    def eq(u: float, v: float) -> bool:
        return abs(u - v) <= _SAME_POINT

    return (eq(x0, x1) and eq(y1, y2) and eq(x2, x3) and eq(y3, y0)) or (
        eq(y0, y1) and eq(x1, x2) and eq(y2, y3) and eq(x3, x0))


# --- form widgets -----------------------------------------------------------------------------

def _page_widgets(page: Any, forms: _FormEnv, frame: _Frame) -> Iterator[Widget]:
    for i in range(max(0, pdfium_c.FPDFPage_GetAnnotCount(page))):
        annot = pdfium_c.FPDFPage_GetAnnot(page, i)
        if not annot:
            continue
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(annot) == pdfium_c.FPDF_ANNOT_WIDGET:
                widget = _widget(annot, forms.handle(), frame)
                if widget is not None:
                    yield widget
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)


def _widget(annot: Any, form: Any, frame: _Frame) -> Widget | None:
    """The pdfplumber loader's reading: the widget's own keys first, then its parent field's."""
    field_type = pdfium_c.FPDFAnnot_GetFormFieldType(form, annot) if form else -1
    ftype = _FIELD_TYPES.get(field_type) or _annot_text(annot, "FT")
    own_name = _annot_text(annot, "T")
    name = own_name or _field_text(pdfium_c.FPDFAnnot_GetFormFieldName, form, annot).rsplit(".", 1)[-1]
    bbox = _annot_box(annot, frame)
    if ftype == "Btn":
        flags = pdfium_c.FPDFAnnot_GetFormFieldFlags(form, annot) if form else 0
        state = (_annot_text(annot, "AS") or _annot_text(annot, "V")
                 or _field_text(pdfium_c.FPDFAnnot_GetFormFieldValue, form, annot))
        return Widget(bbox=bbox, name=name, kind="radio" if max(flags, 0) & _RADIO_FLAG else "checkbox",
                      checked=state not in ("", "Off"))
    if ftype == "Tx":
        return Widget(bbox=bbox, name=name, kind="text", value=_annot_text(annot, "V") or None)
    return None


def _utf16_call(call: Callable[[Any, int], int]) -> str:
    """Runs a PDFium "fill this UTF-16 buffer" getter twice: for the size, then for the text."""
    size = call(None, 0)
    if size <= 2:
        return ""
    buffer = (ctypes.c_ushort * (size // 2))()
    call(buffer, size)
    return ctypes.string_at(buffer, size - 2).decode("utf-16-le", errors="replace")


def _annot_text(annot: Any, key: str) -> str:
    raw = key.encode("ascii")
    if not pdfium_c.FPDFAnnot_HasKey(annot, raw):
        return ""
    return _utf16_call(lambda buf, n: int(pdfium_c.FPDFAnnot_GetStringValue(annot, raw, buf, n)))


def _field_text(getter: Any, form: Any, annot: Any) -> str:
    if not form:
        return ""
    return _utf16_call(lambda buf, n: int(getter(form, annot, buf, n)))


def _annot_box(annot: Any, frame: _Frame) -> BBox:
    """pdfplumber's annotation box: the Rect turned with the page, measured from the top."""
    rect = pdfium_c.FS_RECTF()
    if not pdfium_c.FPDFAnnot_GetRect(annot, rect):
        return BBox(0.0, 0.0, 0.0, 0.0)
    corners = [_turn_point((rect.left, rect.bottom), frame), _turn_point((rect.right, rect.top), frame)]
    xs, ys = sorted(p[0] for p in corners), sorted(p[1] for p in corners)
    return BBox(xs[0], frame.height - ys[1], xs[1], frame.height - ys[0])


def _turn_point(point: tuple[float, float], frame: _Frame) -> tuple[float, float]:
    """pdfplumber's ``rotate_point`` for annotations (it differs from the content transform)."""
    turns = frame.rotation // 90
    x, y = point
    for i in range(turns):
        comp = frame.width if i == turns % 2 else frame.height
        x, y = y, comp - x
    return x, y


# --- ruled tables -----------------------------------------------------------------------------


def _grids(shapes: _Shapes) -> tuple[Grid, ...]:
    return find_grids(shapes.lines, shapes.rects, shapes.curves)
