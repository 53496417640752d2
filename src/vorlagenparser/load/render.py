"""PDF pages → grayscale images (pypdfium2), for OCR and raster checkbox detection.

Pages are rendered as displayed: the page's own /Rotate is applied, so pixel ``(x, y)`` is
``(x, y) * dpi / 72`` in the page points pdfplumber reports.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import pypdfium2 as pdfium

from .. import limits
from ..errors import EncryptedPdfError, InputFileError, ResourceLimitError
from ..pagemodel import GrayImage

__all__ = ["DEFAULT_MAX_PIXELS", "check_pixels", "pdf_page_has_images", "render_pdf_page",
           "render_pdf_pages", "scanned_page"]

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
        scanned = scanned_page(page, dpi / 72)
        if scanned is not None:
            return scanned
        return _gray(page.render(scale=dpi / 72, grayscale=True, may_draw_forms=True))
    except pdfium.PdfiumError as exc:
        raise InputFileError(f"cannot render page {index + 1}: {exc}", path) from exc
    finally:
        page.close()


def _gray(bitmap: Any) -> GrayImage:
    """A grey PDFium bitmap as a uint8 array of its own (the bitmap's buffer goes with it)."""
    import numpy as np  # here: a digital page that is never rendered needs no numpy (~90 ms)

    array = bitmap.to_numpy()
    if array.ndim == 3:  # some pdfium builds return (h, w, 1) for grayscale bitmaps
        array = array[:, :, 0]
    return np.array(array, dtype=np.uint8, copy=True)


def scanned_page(page: Any, scale: float) -> GrayImage | None:
    """A scanned page as ``page.render(scale, grayscale=True)`` shows it, from its image alone;
    None when the page is not a plain scan (it is then rendered as usual).

    PDFium renders a page that is one big grey image slowly (80-130 ms at 300 dpi: it
    composites and stretches the image in general code). Asked for the image object alone, it
    draws it at its own size, with its masks and decode array, and OpenCV stretches it into its
    place on white paper: 25-60 ms in all. That is done for a page that is nothing but one
    opaque grey image of 8 bits or more, upright, unclipped and of no more pixels than the
    rendering (its drawing takes four bytes a pixel): bilevel images (fax) PDFium renders fast
    itself, and larger ones it shrinks as it draws.
    """
    import cv2
    import numpy as np

    image = _only_image(page)
    if image is None or not _plain(image):
        return None
    width, height = math.ceil(page.get_width() * scale), math.ceil(page.get_height() * scale)
    place = _placement(image, page, width, height)
    image_width, image_height = image.get_px_size()
    if place is None or image_width * image_height > width * height:
        return None
    drawn = image.get_bitmap(render=True).to_numpy()  # BGRA at the image's own size
    if drawn.ndim != 3 or drawn.shape[2] != 4:
        return None
    if cv2.minMaxLoc(cv2.extractChannel(drawn, 3))[0] < 255:
        return None  # partly transparent: the page's paper shows through
    grey = cv2.cvtColor(drawn, cv2.COLOR_BGRA2GRAY)
    x0, y0, x1, y1 = place
    if grey.shape[::-1] != (x1 - x0, y1 - y0):
        shrinking = x1 - x0 < grey.shape[1]
        grey = cv2.resize(grey, (x1 - x0, y1 - y0),
                          interpolation=cv2.INTER_AREA if shrinking else cv2.INTER_LINEAR)
    if (x0, y0, x1, y1) == (0, 0, width, height):
        return np.array(grey, dtype=np.uint8, copy=True)
    frame = np.full((height, width), 255, dtype=np.uint8)  # the paper around a pasted scan
    frame[y0:y1, x0:x1] = grey
    return frame


def _only_image(page: Any) -> Any:
    """The page's one page object if that is an image and nothing else is drawn, else None."""
    if page.get_rotation() != 0 or pdfium.raw.FPDFPage_GetAnnotCount(page) != 0:
        return None
    objects = list(itertools.islice(page.get_objects(max_depth=1), 2))
    if len(objects) != 1 or objects[0].type != pdfium.raw.FPDF_PAGEOBJ_IMAGE:
        return None
    return objects[0]


# Colour scans are left to PDFium: it stretches some of them without smoothing (sharper than
# OpenCV's interpolation would make them), grey ones as OpenCV does (0.8 grey levels apart).
_GREY_SPACES = frozenset({pdfium.raw.FPDF_COLORSPACE_DEVICEGRAY, pdfium.raw.FPDF_COLORSPACE_CALGRAY})


def _plain(image: Any) -> bool:
    """A grey image of 8 bits or more a pixel, drawn without a blend, soft mask or clip."""
    metadata = image.get_metadata()
    if metadata.colorspace not in _GREY_SPACES or metadata.bits_per_pixel < 8:
        return False
    if pdfium.raw.FPDFPageObj_HasTransparency(image):
        return False
    clip = pdfium.raw.FPDFPageObj_GetClipPath(image)
    return not clip or pdfium.raw.FPDFClipPath_CountPaths(clip) <= 0


def _placement(image: Any, page: Any, width: int, height: int,
               ) -> tuple[int, int, int, int] | None:
    """Where the image lands in a ``width`` × ``height`` rendering of the page (pypdfium2 draws
    the page onto the whole bitmap), as pixel edges x0, y0, x1, y1 rounded to the nearest; None
    unless it stands upright and unmirrored within the page, at least a few pixels large."""
    a, b, c, d, _, _ = image.get_matrix().get()
    if a <= 0 or d <= 0 or b != 0 or c != 0:
        return None
    left, bottom, right, top = image.get_bounds()
    page_left, page_bottom, page_right, page_top = page.get_bbox()
    sx, sy = width / (page_right - page_left), height / (page_top - page_bottom)
    x0, x1 = round((left - page_left) * sx), round((right - page_left) * sx)
    y0, y1 = round((page_top - top) * sy), round((page_top - bottom) * sy)
    if min(x0, y0) < 0 or x1 > width or y1 > height:
        return None  # partly off the page: cut, as rendering does in its own way
    if x1 - x0 < 8 or y1 - y0 < 8:
        return None
    return x0, y0, x1, y1


def _check_pixels(page: Any, number: int, dpi: int, path: str, max_pixels: int) -> None:
    sizes = (image.get_px_size() for image in page.get_objects(
        filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE], max_depth=_IMAGE_SEARCH_DEPTH))
    check_pixels(number, dpi, page.get_size(), sizes, path, max_pixels)


def check_pixels(number: int, dpi: int, size: tuple[float, float],
                 image_sizes: Iterable[tuple[int, int]], path: str, max_pixels: int) -> None:
    """ResourceLimitError when page ``number`` (``size`` in points) rendered at ``dpi``, or one
    of its images (pixel sizes, looked at after the page), has more than ``max_pixels``."""
    width, height = size
    pixels = round(width * dpi / 72) * round(height * dpi / 72)
    if pixels > max_pixels:
        what = f"page {number} ({width / 72:.0f} × {height / 72:.0f} in at {dpi} dpi)"
        raise ResourceLimitError(limits.too_large(what, pixels, max_pixels), path)
    for image_width, image_height in image_sizes:
        if image_width * image_height > max_pixels:
            what = f"an image on page {number} ({image_width} × {image_height})"
            raise ResourceLimitError(limits.too_large(what, image_width * image_height, max_pixels),
                                     path)


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
