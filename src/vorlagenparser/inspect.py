"""A picture of what the layout stage decided on one page (``vorlagenparser inspect``).

The page is drawn as the layout saw it (for scans: the upright, deskewed frame), with

- words as thin grey boxes, ruled cells and frames in blue;
- section headings in violet; each field label (orange) joined to its value (green) and named;
- every box as a square, green when ticked and red when empty (dashed: a mark without a box),
  joined to the label it was tied to (magenta) and named with its key;
- vote counts joined from their label to the number; tables and result entries outlined.

It is the picture that shows why a value was read; use it on every failure.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .geometry import BBox
from .layout.document import Found
from .layout.form import Form
from .options import ExtractOptions
from .pipeline import extract_document

if TYPE_CHECKING:
    from PIL import Image, ImageDraw

__all__ = ["draw_form", "inspect_page"]

_GREY = (170, 170, 170)
_BLUE = (40, 110, 220)
_VIOLET = (140, 60, 200)
_ORANGE = (235, 140, 20)
_GREEN = (20, 160, 60)
_RED = (220, 30, 30)
_MAGENTA = (210, 30, 170)
_CYAN = (0, 160, 170)
_YELLOW = (200, 170, 0)


@dataclass(frozen=True, slots=True)
class _Pen:
    draw: ImageDraw.ImageDraw
    scale: float

    def box(self, b: BBox, color: tuple[int, int, int], width: int = 1) -> None:
        s = self.scale
        self.draw.rectangle([b.x0 * s, b.top * s, b.x1 * s, b.bottom * s], outline=color, width=width)

    def dashed(self, b: BBox, color: tuple[int, int, int]) -> None:
        s = self.scale
        x0, y0, x1, y1 = b.x0 * s, b.top * s, b.x1 * s, b.bottom * s
        for a, c in (((x0, y0), (x1, y0)), ((x1, y0), (x1, y1)), ((x1, y1), (x0, y1)), ((x0, y1), (x0, y0))):
            steps = 6
            for i in range(0, steps, 2):
                p = (a[0] + (c[0] - a[0]) * i / steps, a[1] + (c[1] - a[1]) * i / steps)
                q = (a[0] + (c[0] - a[0]) * (i + 1) / steps, a[1] + (c[1] - a[1]) * (i + 1) / steps)
                self.draw.line([p, q], fill=color, width=2)

    def join(self, a: BBox, b: BBox, color: tuple[int, int, int]) -> None:
        s = self.scale
        self.draw.line([(a.cx * s, a.cy * s), (b.cx * s, b.cy * s)], fill=color, width=2)

    def text(self, b: BBox, text: str, color: tuple[int, int, int]) -> None:
        s = self.scale
        self.draw.text((b.x0 * s, max(0.0, b.top * s - 11)), text[:40], fill=color)


def draw_form(form: Form, page_no: int, image: Image.Image, scale: float) -> Image.Image:
    """Draw the layout decisions for one page onto ``image`` (``scale`` pixels per point)."""
    from PIL import ImageDraw

    canvas = image.convert("RGB")
    pen = _Pen(ImageDraw.Draw(canvas), scale)
    page = form.doc.page(page_no)
    for w in page.words:
        pen.box(w.bbox, _GREY)
    for cell in (*form.regions.cells[page_no - 1], *form.regions.frames[page_no - 1]):
        pen.box(cell.bbox, _BLUE)
    for h in form.headings:
        if h.line.page == page_no:
            pen.box(h.label.bbox, _VIOLET, 2)
            pen.text(h.label.bbox, h.name, _VIOLET)
    for table in form.tables:
        for row in table.rows:
            if row.page == page_no:
                pen.box(row.bbox, _CYAN)
        if table.header.page == page_no:
            pen.box(table.header.bbox, _CYAN, 2)
            pen.text(table.header.bbox, f"table: {table.kind}", _CYAN)
    for i, entry in enumerate(form.results.entries):
        if entry.page == page_no and entry.bbox is not None:
            pen.box(entry.bbox.expand(3), _YELLOW, 2)
            pen.text(entry.bbox.expand(3), f"beratungsergebnis[{i}]", _YELLOW)
    for pair in form.pairs.pairs:
        if pair.hit.line.page == page_no:
            pen.box(pair.hit.label.bbox, _ORANGE, 2)
            if pair.value.page == page_no:
                pen.box(pair.value.bbox, _GREEN, 2)
                pen.join(pair.hit.label.bbox, pair.value.bbox, _ORANGE)
            pen.text(pair.hit.label.bbox, pair.hit.name, _ORANGE)
    named = [
        *form.sections.fields.items(),
        *form.title.fields.items(),
        *((f"unterzeichnung.{k}", v) for k, v in form.signature.unterzeichnung.items()),
        *((f"anlagen[{i}]", v) for i, v in enumerate(form.sections.anlagen)),
        *(
            (f"beratungsfolge[{i}]", Found(None, r.page, r.bbox, r.confidence))
            for i, r in enumerate(form.folge)
        ),
    ]
    for name, found in named:
        if found.page == page_no:
            pen.box(found.bbox, _GREEN)
            pen.text(found.bbox, name, _GREEN)
    for count in form.counts:
        if count.page == page_no:
            pen.join(count.label_bbox, count.bbox, _CYAN)
            pen.text(count.bbox, f"{count.key}={count.value}", _CYAN)
    for mark in form.doc.page_marks(page_no):
        color = _GREEN if mark.checked else _RED
        if mark.framed:
            pen.box(mark.bbox, color, 2)
        else:
            pen.dashed(mark.bbox, color)
    for tie in form.ties:
        if tie.page == page_no and tie.label_bbox is not None:
            pen.join(tie.mark.bbox, tie.label_bbox, _MAGENTA)
            pen.text(tie.mark.bbox, tie.key or "?", _MAGENTA)
    return canvas


def inspect_page(path: str | Path, page_no: int = 1, options: ExtractOptions | None = None,
                 dpi: int = 110) -> Image.Image:
    """Run the pipeline on a document and draw the layout decisions of one page."""
    from PIL import Image

    from .errors import InputFileError
    from .load.render import render_pdf_page

    result = extract_document(path, options, keep_images={page_no})
    if not 1 <= page_no <= len(result.document.pages):
        raise InputFileError(f"page {page_no} does not exist ({len(result.document.pages)} pages)", str(path))
    page = result.document.pages[page_no - 1]
    if page.image is not None:
        image, scale = Image.fromarray(page.image), page.image_scale
    else:
        image, scale = Image.fromarray(render_pdf_page(str(path), page_no - 1, dpi)), dpi / 72
    return draw_form(result.form, page_no, image, scale)
