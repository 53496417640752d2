"""Our own OCR words as an invisible text layer, placed on the original page.

The words are handed to OCRmyPDF's text-layer renderer (fpdf2, glyphless font, word-fitted
horizontal scaling) as an :class:`~ocrmypdf.hocrtransform.OcrElement` tree in *frame* points,
the upright and deskewed page tesseract read. The rendered page then goes onto the original
page as a Form XObject under one matrix: frame → original page (``Page.transform``: the
quarter turn and the deskew undone) → the base PDF's page space (its size, MediaBox and
/Rotate). So a skewed or upside-down scan keeps its pixels untouched and its text still lies
on the printed words. No second OCR pass happens anywhere.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pikepdf

from ..geometry import Affine, BBox
from ..pagemodel import Page
from ._ocrmypdf import load as load_ocrmypdf
from .lines import group_lines

if TYPE_CHECKING:
    from ocrmypdf.hocrtransform import BoundingBox, OcrElement

# fpdf2 works in "pixels" at a resolution; at 72 dpi a pixel is a point, so frame points go in
# unchanged.
_POINTS_DPI = 72.0


def _box(b: BBox) -> BoundingBox:
    load_ocrmypdf()
    from ocrmypdf.hocrtransform import BoundingBox

    return BoundingBox(left=b.x0, top=b.top, right=max(b.x1, b.x0), bottom=max(b.bottom, b.top))


def _page_element(page: Page) -> OcrElement:
    load_ocrmypdf()
    from ocrmypdf.hocrtransform import BoundingBox, OcrClass, OcrElement

    lines = [
        OcrElement(ocr_class=OcrClass.LINE, bbox=_box(line.bbox), children=[
            OcrElement(ocr_class=OcrClass.WORD, bbox=_box(w.bbox), text=w.text,
                       confidence=w.confidence) for w in line.words])
        for line in group_lines(page.words, max_gap=math.inf)
        if line.bbox.height > 0
    ]
    return OcrElement(ocr_class=OcrClass.PAGE, bbox=BoundingBox(0, 0, page.width, page.height),
                      dpi=_POINTS_DPI, children=lines)


def render_text_layer(pages: Sequence[Page], target: Path) -> None:
    """One invisible-text PDF page per page in ``pages``, each the size of its frame."""
    load_ocrmypdf()
    import ocrmypdf
    from ocrmypdf.font import MultiFontManager
    from ocrmypdf.fpdf_renderer import Fpdf2MultiPageRenderer

    fonts = MultiFontManager(Path(ocrmypdf.__file__).parent / "data")
    data = [(i, _page_element(page), _POINTS_DPI) for i, page in enumerate(pages)]
    Fpdf2MultiPageRenderer(pages_data=data, multi_font_manager=fonts,
                           invisible_text=True).render(target)


def displayed_to_user(mediabox: Sequence[float], rotate: int) -> Affine:
    """Points from the top left of the page as displayed (after /Rotate) → PDF user space."""
    x0, y0, x1, y1 = (float(v) for v in mediabox)
    turn = rotate % 360
    if turn == 90:
        return Affine(a=0.0, b=1.0, c=x0, d=1.0, e=0.0, f=y0)
    if turn == 180:
        return Affine(a=-1.0, b=0.0, c=x1, d=0.0, e=1.0, f=y0)
    if turn == 270:
        return Affine(a=0.0, b=-1.0, c=x1, d=-1.0, e=0.0, f=y1)
    return Affine(a=1.0, b=0.0, c=x0, d=0.0, e=-1.0, f=y1)


def placement(page: Page, mediabox: Sequence[float], rotate: int) -> Affine:
    """Text-layer page space (PDF, y up, frame-sized) → the base page's user space.

    The base page may be sized differently from our idea of the original page (an image whose
    resolution we assumed), so the original is scaled onto the displayed page first.
    """
    x0, y0, x1, y1 = (float(v) for v in mediabox)
    shown_w, shown_h = (y1 - y0, x1 - x0) if rotate % 180 == 90 else (x1 - x0, y1 - y0)
    original_w = page.original_width or page.width
    original_h = page.original_height or page.height
    flip = Affine(a=1.0, b=0.0, c=0.0, d=0.0, e=-1.0, f=page.height)
    return (flip.then(page.transform)
            .then(Affine.scale(shown_w / original_w, shown_h / original_h))
            .then(displayed_to_user(mediabox, rotate)))


def graft(base: pikepdf.Pdf, layer: pikepdf.Pdf, targets: Sequence[tuple[int, Page]]) -> None:
    """Put layer page *i* onto base page ``targets[i][0]`` (0-based), placed for ``targets[i][1]``."""
    for index, (number, page) in enumerate(targets):
        target = base.pages[number]
        rotate = int(target.obj.get(pikepdf.Name.Rotate, 0))
        m = placement(page, [float(v) for v in target.mediabox], rotate)
        form = layer.pages[index].as_form_xobject()
        name = target.add_resource(form, pikepdf.Name.XObject, prefix="VpText")
        target.contents_add(b"q\n", prepend=True)
        # The page's own content may leave the graphics state changed: close it first.
        target.contents_add(
            f"Q\nq {m.a:.6f} {m.d:.6f} {m.b:.6f} {m.e:.6f} {m.c:.4f} {m.f:.4f} cm "
            f"{name} Do Q\n".encode("ascii"))
