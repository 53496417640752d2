"""PDF pages → grayscale images (pypdfium2), for OCR and raster checkbox detection.

Pages are rendered as displayed: the page's own /Rotate is applied, so pixel ``(x, y)`` is
``(x, y) * dpi / 72`` in the page points pdfplumber reports.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import pypdfium2 as pdfium

from .. import limits
from ..errors import EncryptedPdfError, InputFileError, ResourceLimitError
from ..pagemodel import GrayImage

__all__ = ["DEFAULT_MAX_PIXELS", "check_pixels", "pdf_page_has_images", "render_pdf_page",
           "render_pdf_pages"]

DEFAULT_MAX_PIXELS = int(limits.DEFAULT_MAX_MEGAPIXELS * 1_000_000)  # ExtractOptions().max_pixels
_IMAGE_SEARCH_DEPTH = 3  # images inside forms inside forms are still found


@contextmanager
def _open(path: str) -> Iterator[Any]:
    try:
        doc = pdfium.PdfDocument(path)
    except OSError as exc:
        raise InputFileError(f"cannot read PDF for rendering: {exc.strerror or exc}", path) from exc
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedPdfError("PDF is password protected", path) from exc
        raise InputFileError(f"cannot open PDF for rendering: {exc}", path) from exc
    try:
        yield doc
    finally:
        doc.close()


def render_pdf_page(path: str, page_index: int, dpi: int,
                    max_pixels: int = DEFAULT_MAX_PIXELS) -> GrayImage:
    """Render one page (0-based index) as a grayscale uint8 array at ``dpi``."""
    return next(render_pdf_pages(path, [page_index], dpi, max_pixels))


def render_pdf_pages(path: str, page_indices: Iterable[int], dpi: int,
                     max_pixels: int = DEFAULT_MAX_PIXELS) -> Iterator[GrayImage]:
    """Render several pages with the document opened once, in the order given.

    A page whose raster, or one of whose images, would exceed ``max_pixels`` is refused before
    PDFium allocates anything (ResourceLimitError): a 1 MB image stream can inflate to 1 GB.
    """
    with _open(path) as doc:
        for index in page_indices:
            limits.step(f"page {index + 1}")
            yield _render(doc, index, dpi, path, max_pixels)


def _render(doc: Any, index: int, dpi: int, path: str, max_pixels: int) -> GrayImage:
    if not 0 <= index < len(doc):
        raise InputFileError(f"page {index + 1} does not exist ({len(doc)} pages)", path)
    page = doc[index]
    try:
        _check_pixels(page, index + 1, dpi, path, max_pixels)
        # A page that is one grey scan could be drawn from its image alone (PDFium draws the
        # image object, OpenCV stretches it: 25-60 ms instead of the 80-130 that drawing into a
        # grey bitmap took at 300 dpi, within a grey level). Tried and left: degraded pages
        # then read differently (a held-out document lost all its boxes; rounding like
        # PDFium's moved others), so the page is rendered as a whole: the picture the recipe's
        # tolerances were set on.
        # A colour bitmap takes three bytes a pixel: drawn only within the page limit's bytes.
        colour = 3 * _pixels(page.get_size(), dpi) <= max_pixels and _grey_pictures_only(page)
        bitmap = page.render(scale=dpi / 72, grayscale=not colour, may_draw_forms=True)
        array = bitmap.to_numpy()
    except pdfium.PdfiumError as exc:
        raise InputFileError(f"cannot render page {index + 1}: {exc}", path) from exc
    finally:
        page.close()
    # Copy: the bitmap's buffer is freed with the bitmap.
    import numpy as np  # here: a digital page that is never rendered needs no numpy (~90 ms)

    if array.ndim == 3:  # a colour bitmap's channels are all the grey (see _grey_pictures_only);
        array = array[:, :, 0]  # some pdfium builds give (h, w, 1) for grey bitmaps
    return np.array(array, dtype=np.uint8, copy=True)


def _grey_pictures_only(page: Any) -> bool:
    """True when the page is nothing but 8-bit grey images (a grey scan), without annotations.

    PDFium draws such a page into a colour bitmap two to three times as fast as into a grey
    one (a 300 dpi JPEG scan: 40-65 ms instead of 90-145), and each channel then holds exactly
    the grey the grey bitmap would (checked on every such devset page, and in the tests).
    Anything else is drawn in grey: colour pictures and drawn text, lines or annotations, whose
    grey PDFium works out before drawing, and 1-bit fax images, which draw faster in grey.
    """
    if pdfium.raw.FPDFPage_GetAnnotCount(page) != 0:
        return False
    objects = list(page.get_objects(max_depth=1))
    if not objects:
        return False
    for obj in objects:
        if obj.type != pdfium.raw.FPDF_PAGEOBJ_IMAGE:
            return False
        metadata = obj.get_metadata()
        if metadata.colorspace != pdfium.raw.FPDF_COLORSPACE_DEVICEGRAY \
                or metadata.bits_per_pixel != 8:
            return False
    return True


def _check_pixels(page: Any, number: int, dpi: int, path: str, max_pixels: int) -> None:
    sizes = (image.get_px_size() for image in page.get_objects(
        filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE], max_depth=_IMAGE_SEARCH_DEPTH))
    check_pixels(number, dpi, page.get_size(), sizes, path, max_pixels)


def check_pixels(number: int, dpi: int, size: tuple[float, float],
                 image_sizes: Iterable[tuple[int, int]], path: str, max_pixels: int) -> None:
    """ResourceLimitError when page ``number`` (``size`` in points) rendered at ``dpi``, or one
    of its images (pixel sizes, looked at after the page), has more than ``max_pixels``."""
    width, height = size
    pixels = _pixels(size, dpi)
    if pixels > max_pixels:
        what = f"page {number} ({width / 72:.0f} × {height / 72:.0f} in at {dpi} dpi)"
        raise ResourceLimitError(limits.too_large(what, pixels, max_pixels), path)
    for image_width, image_height in image_sizes:
        if image_width * image_height > max_pixels:
            what = f"an image on page {number} ({image_width} × {image_height})"
            raise ResourceLimitError(limits.too_large(what, image_width * image_height, max_pixels),
                                     path)


def _pixels(size: tuple[float, float], dpi: int) -> int:
    """The pixels of a page ``size`` points large drawn at ``dpi``."""
    width, height = size
    return round(width * dpi / 72) * round(height * dpi / 72)


def pdf_page_has_images(path: str, page_index: int, min_area_fraction: float = 0.2) -> bool:
    """True if image objects cover at least ``min_area_fraction`` of the page (a scan inside)."""
    with _open(path) as doc:
        if not 0 <= page_index < len(doc):
            return False
        page = doc[page_index]
        try:
            width, height = page.get_size()
            covered: float = 0.0
            for obj in page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE],
                                        max_depth=_IMAGE_SEARCH_DEPTH):
                left, bottom, right, top = obj.get_bounds()
                covered += max(0.0, right - left) * max(0.0, top - bottom)
        finally:
            page.close()
    return bool(covered >= min_area_fraction * width * height)
