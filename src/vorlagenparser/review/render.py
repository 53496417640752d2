"""Page images for the review tool: the original page, rendered once and cached as PNG.

PDF pages are rendered by PDFium as displayed (:mod:`vorlagenparser.load.render`), image files
decoded by Pillow frame by frame, upright per EXIF as the loader reads them. Either way the
image covers the page's box in points (``source.pages[].width/height``), so the overlay is drawn
in page points over the image, whatever its pixel size. The cache lives in the batch's hidden
state folder (``OUT/.vorlagenparser/review/``), which ``verify`` and ``bag`` leave out.
"""

from __future__ import annotations

import io
import threading
from pathlib import Path

from PIL import Image, ImageOps

from ..errors import VorlagenparserError
from ..load.render import render_pdf_page
from ..model import PageInfo, Vorlage
from ..writers._atomic import write_bytes
from .store import ReviewStore

DISPLAY_DPI = 150
MAX_SIDE_PX = 2400  # a poster-sized page is shown smaller rather than at 150 dpi
# PDFium is not thread-safe, and the web server answers requests in threads.
_RENDER_LOCK = threading.Lock()


class PageImageError(VorlagenparserError):
    """The page cannot be shown (the input is gone, changed, or cannot be rendered)."""


def page_image(store: ReviewStore, vorlage: Vorlage, number: int) -> Path:
    """The PNG of page ``number`` (1-based), rendered on first use; PageImageError if none."""
    if not 1 <= number <= vorlage.source.page_count:
        raise PageImageError(f"the document has no page {number}")
    cached = store.cache_dir() / f"{vorlage.source.sha256}-{number}.png"
    if cached.is_file():
        return cached
    source = store.source(vorlage)
    if source.path is None:
        raise PageImageError(source.problem or "the input file is not available")
    page = vorlage.source.pages[number - 1]
    with _RENDER_LOCK:
        image = (_pdf_page(source.path, page) if source.kind == "pdf"
                 else _image_frame(source.path, page))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    cached.parent.mkdir(parents=True, exist_ok=True)
    write_bytes(cached, buffer.getvalue())
    return cached


def _dpi(page: PageInfo) -> float:
    return min(DISPLAY_DPI, MAX_SIDE_PX * 72 / max(page.width, page.height))


def _pdf_page(path: Path, page: PageInfo) -> Image.Image:
    try:
        pixels = render_pdf_page(str(path), page.number - 1, round(_dpi(page)))
    except VorlagenparserError as exc:
        raise PageImageError(f"cannot render page {page.number}: {exc.message}") from exc
    return Image.fromarray(pixels)


def _image_frame(path: Path, page: PageInfo) -> Image.Image:
    size = (max(1, round(page.width * _dpi(page) / 72)), max(1, round(page.height * _dpi(page) / 72)))
    try:
        with Image.open(path) as img:
            img.seek(page.number - 1)
            img.draft("RGB", size)  # JPEG: decode at a reduced scale right away
            frame = ImageOps.exif_transpose(img) or img
            frame = frame.convert("RGB") if frame.mode not in ("L", "RGB") else frame
            return frame.resize(size, Image.Resampling.LANCZOS)
    except (OSError, ValueError, EOFError, Image.DecompressionBombError) as exc:
        raise PageImageError(f"cannot read page {page.number} of the image: {exc}") from exc
