"""Form widgets: checkboxes, radio buttons and text fields, read through PDFium's form environment."""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Iterator
from typing import Any

import pypdfium2.raw as pdfium_c

from ...geometry import BBox
from ...pagemodel import Widget
from .frame import _Frame

_RADIO_FLAG = 1 << 15
_FIELD_TYPES = {pdfium_c.FPDF_FORMFIELD_PUSHBUTTON: "Btn", pdfium_c.FPDF_FORMFIELD_CHECKBOX: "Btn",
                pdfium_c.FPDF_FORMFIELD_RADIOBUTTON: "Btn", pdfium_c.FPDF_FORMFIELD_TEXTFIELD: "Tx"}


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
