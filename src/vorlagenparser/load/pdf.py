"""The only module that touches pdfplumber: PDF pages → page model (words, graphics, widgets, grids)."""

from __future__ import annotations

import logging
import math
from itertools import pairwise
from typing import Any, Literal

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSLiteral

from .. import limits
from ..errors import (
    EncryptedPdfError,
    InputFileError,
    ResourceLimitError,
    TruncatedPdfError,
    VorlagenparserError,
)
from ..geometry import BBox
from ..options import ExtractOptions
from ..pagemodel import Document, Grid, Page, Rect, Segment, Widget, Word
from .vertical import vertical_words

log = logging.getLogger(__name__)

# Ruling-line table finding is the slowest part of loading; skip it on pages with too few lines.
_MIN_RULES_FOR_GRID = 6
_RADIO_FLAG = 1 << 15


def open_pdf(path: str, filename: str, sha256: str, options: ExtractOptions) -> Document:
    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:  # pdfminer raises many plain exception types on broken input
        if _is_encryption_error(exc):
            raise EncryptedPdfError("PDF is encrypted with a password", path) from exc
        if _is_instance_in_chain(exc, PDFSyntaxError):
            raise TruncatedPdfError(f"PDF is damaged ({exc})", path) from exc
        raise InputFileError(f"PDF cannot be read ({type(exc).__name__}: {exc})", path) from exc
    with pdf:
        try:
            n = len(pdf.pages)
            if n == 0:
                raise InputFileError("PDF has no pages", path)
            if n > options.max_pages:
                raise ResourceLimitError(limits.too_many_pages("PDF", n, options.max_pages), path)
            pages = tuple(_load_page(p, i + 1, path) for i, p in enumerate(pdf.pages))
            created = _name((pdf.metadata or {}).get("CreationDate")) or None
        except VorlagenparserError:
            raise
        except Exception as exc:
            if _is_encryption_error(exc):
                raise EncryptedPdfError("PDF is encrypted with a password", path) from exc
            raise InputFileError(f"PDF page cannot be read ({type(exc).__name__}: {exc})", path) from exc
    return Document(path=path, filename=filename, sha256=sha256, pages=pages, kind="pdf",
                    created=created)


def _is_instance_in_chain(exc: BaseException, kind: type[BaseException]) -> bool:
    """pdfplumber wraps pdfminer's errors; look through the wrapper's args and causes."""
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            return False
        if isinstance(seen, kind) or any(isinstance(a, kind) for a in seen.args):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _is_encryption_error(exc: BaseException) -> bool:
    return (_is_instance_in_chain(exc, PDFPasswordIncorrect)
            or _is_instance_in_chain(exc, PDFEncryptionError)
            or "password" in str(exc).lower())


def _load_page(page: Any, number: int, path: str) -> Page:
    limits.step(f"page {number}")
    width, height = float(page.width), float(page.height)
    if not (math.isfinite(width) and math.isfinite(height)) or width < 1 or height < 1:
        raise InputFileError(f"page {number} has no usable size ({width:g} × {height:g} pt)", path)
    words = tuple(_words(page))
    rects = tuple(_rects(page))
    segments = tuple(_segments(page))
    widgets = tuple(_widgets(page))
    grids = tuple(_grids(page)) if _rule_count(page) >= _MIN_RULES_FOR_GRID else ()
    vertical = tuple(vertical_words([c for c in page.chars if not c.get("upright", True)]))
    return Page(number=number, width=float(page.width), height=float(page.height),
                rotation=int(page.rotation or 0) % 360, method="text", words=words, rects=rects,
                segments=segments, widgets=widgets, grids=grids, vertical_words=vertical)


def _words(page: Any) -> list[Word]:
    raw = page.extract_words(x_tolerance=1.5, y_tolerance=2.5, keep_blank_chars=False,
                             use_text_flow=False, extra_attrs=["fontname", "size"])
    out = []
    for w in raw:
        if not w.get("upright", True):
            continue  # rotated marginal text (stamps, filing notes) is not part of the form
        font = str(w.get("fontname", ""))
        out.append(Word(text=str(w["text"]), bbox=BBox(w["x0"], w["top"], w["x1"], w["bottom"]),
                        fontname=font, size=float(w.get("size", 0.0)),
                        bold="bold" in font.lower() or "black" in font.lower()))
    return out


def _gray(color: Any) -> float | None:
    """Grey level 0..1 of a pdfplumber colour tuple (None when unknown)."""
    if color is None:
        return None
    values = color if isinstance(color, (tuple, list)) else (color,)
    try:
        nums = [float(v) for v in values]
    except (TypeError, ValueError):
        return None
    if len(nums) == 1:
        return nums[0]
    if len(nums) == 3:
        return 0.299 * nums[0] + 0.587 * nums[1] + 0.114 * nums[2]
    if len(nums) == 4:  # CMYK
        return (1 - min(1.0, nums[0] + nums[3])) * 0.3 + (1 - min(1.0, nums[1] + nums[3])) * 0.59 \
            + (1 - min(1.0, nums[2] + nums[3])) * 0.11
    return None


def _rects(page: Any) -> list[Rect]:
    return [Rect(bbox=BBox(r["x0"], r["top"], r["x1"], r["bottom"]), stroke=bool(r.get("stroke")),
                 fill=bool(r.get("fill")), linewidth=float(r.get("linewidth") or 0.0),
                 fill_gray=_gray(r.get("non_stroking_color")) if r.get("fill") else None)
            for r in page.rects]


def _segments(page: Any) -> list[Segment]:
    out = [Segment(ln["x0"], ln["top"], ln["x1"], ln["bottom"], float(ln.get("linewidth") or 1.0))
           for ln in page.lines]
    for curve in page.curves:
        pts = curve.get("pts") or []
        lw = float(curve.get("linewidth") or 1.0)
        out.extend(Segment(a[0], a[1], b[0], b[1], lw) for a, b in pairwise(pts))
    return out


def _name(value: Any) -> str:
    if isinstance(value, PSLiteral):
        name = value.name
        return name.decode("latin-1") if isinstance(name, bytes) else str(name)
    if isinstance(value, bytes):
        return value.decode("latin-1", errors="replace")
    return "" if value is None else str(value)


def _resolved(value: Any) -> Any:
    resolve = getattr(value, "resolve", None)
    return resolve() if callable(resolve) else value


def _widgets(page: Any) -> list[Widget]:
    out = []
    for annot in page.annots or []:
        data = annot.get("data") or {}
        if _name(data.get("Subtype")) != "Widget":
            continue
        parent = _resolved(data.get("Parent")) or {}
        ftype = _name(data.get("FT") or parent.get("FT"))
        flags = int(_resolved(data.get("Ff") or parent.get("Ff") or 0) or 0)
        state = _name(data.get("AS") or data.get("V") or parent.get("V"))
        name = _name(data.get("T") or parent.get("T"))
        bbox = BBox(annot["x0"], annot["top"], annot["x1"], annot["bottom"])
        if ftype == "Btn":
            kind: Literal["radio", "checkbox"] = "radio" if flags & _RADIO_FLAG else "checkbox"
            out.append(Widget(bbox=bbox, name=name, kind=kind, checked=state not in ("", "Off")))
        elif ftype == "Tx":
            out.append(Widget(bbox=bbox, name=name, kind="text", value=_name(data.get("V")) or None))
    return out


def _rule_count(page: Any) -> int:
    return len(page.lines) + len(page.rects)


def _grids(page: Any) -> list[Grid]:
    try:
        tables = page.find_tables({"vertical_strategy": "lines", "horizontal_strategy": "lines",
                                   "snap_tolerance": 3, "intersection_tolerance": 3})
    except Exception:  # table finding is a hint; a failure must not lose the page
        log.debug("table finding failed on page %s", page.page_number, exc_info=True)
        return []
    grids = []
    for table in tables:
        rows = tuple(tuple(BBox(*c) if c else None for c in row.cells) for row in table.rows)
        if len(rows) >= 1 and max(len(r) for r in rows) >= 2:
            x0, top, x1, bottom = table.bbox
            grids.append(Grid(bbox=BBox(x0, top, x1, bottom), rows=rows))
    return grids
