"""TIFF/PNG/JPEG (including multi-page TIFF) → raster pages awaiting OCR.

Each frame becomes a :class:`Page` with its grayscale pixels, no words, and a size in points taken
from the file's resolution (300 dpi when the file gives none or an implausible one). The page's
original coordinates are pixels × 72 / dpi, which is what boxes in the output refer to.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageOps, UnidentifiedImageError

from .. import limits
from ..errors import InputFileError, ResourceLimitError, UnsupportedFileError
from ..options import ExtractOptions
from ..pagemodel import Document, GrayImage, Page

__all__ = ["DEFAULT_DPI", "open_image"]

DEFAULT_DPI = 300.0
_PLAUSIBLE_DPI = (70.0, 1200.0)
_SCREEN_DPI = (72.0, 96.0)  # written by default by many tools, not measured by a scanner
_MAX_PAGE_INCHES = 17.0  # longer than A3: then a 72/96 dpi tag is a default, not a measurement


def open_image(path: str, filename: str, sha256: str, options: ExtractOptions) -> Document:
    """Load every frame of an image file as a page; InputFileError for unreadable files."""
    try:
        pages = tuple(_pages(path, options))
    except (InputFileError, ResourceLimitError):
        raise
    except UnidentifiedImageError as exc:
        # The bytes start like an image (sniffed), yet Pillow finds no image in them.
        raise UnsupportedFileError("image is damaged or truncated: no readable PNG, JPEG or TIFF "
                                   "data", path) from exc
    except (OSError, ValueError, SyntaxError) as exc:
        # Pillow reports cut-off files as OSError("image file is truncated ...").
        raise InputFileError(f"image data is truncated or corrupt ({exc})", path) from exc
    if not pages:
        raise InputFileError("image file holds no pages", path)
    return Document(path=path, filename=filename, sha256=sha256, pages=pages, kind="image")


def _pages(path: str, options: ExtractOptions) -> Iterator[Page]:
    with _pixel_limit(), Image.open(path) as img:
        frames = getattr(img, "n_frames", 1)
        if frames > options.max_pages:
            raise ResourceLimitError(limits.too_many_pages("image", frames, options.max_pages), path)
        for number in range(1, frames + 1):
            limits.step(f"page {number}")
            try:
                img.seek(number - 1)
                page = _page(path, number, img, options.max_pixels)
            except (OSError, ValueError, SyntaxError, EOFError) as exc:
                if number == 1:
                    raise  # the file as a whole is unreadable: said once, without a page
                raise InputFileError(f"page {number}: image data is truncated or corrupt "
                                     f"({exc})", path) from exc
            yield page


@contextmanager
def _pixel_limit() -> Iterator[None]:
    """Our limit instead of Pillow's bomb check while an image is opened. Opening reads only the
    header; :func:`_page` compares every frame's declared size before a pixel is decoded."""
    saved = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = None  # the check in _page is the one, with the user's limit
    try:
        yield
    finally:
        Image.MAX_IMAGE_PIXELS = saved


def _page(path: str, number: int, frame: Image.Image, max_pixels: int) -> Page:
    width_px, height_px = frame.size
    if width_px * height_px > max_pixels:
        what = f"page {number} ({width_px} × {height_px})"
        raise ResourceLimitError(limits.too_large(what, width_px * height_px, max_pixels), path)
    if width_px < 8 or height_px < 8:
        raise InputFileError(f"page {number} is only {width_px}×{height_px} pixels", path)
    dpi, note = _resolution(frame, number)
    pixels = _grayscale(frame)
    height_px, width_px = pixels.shape  # EXIF rotation may have swapped them
    scale = dpi / 72.0
    width, height = width_px / scale, height_px / scale
    return Page(number=number, width=width, height=height, method="ocr", image=pixels,
                image_scale=scale, original_width=width, original_height=height,
                notes=(note,) if note else ())


def _resolution(frame: Image.Image, number: int) -> tuple[float, str | None]:
    """The frame's dpi, or DEFAULT_DPI with a note when absent or implausible."""
    raw = frame.info.get("dpi")
    try:
        dpi = float(raw[0]) if isinstance(raw, tuple) else float(raw) if raw else 0.0
    except (TypeError, ValueError):
        dpi = 0.0
    if abs(dpi - round(dpi)) < 0.05:
        dpi = float(round(dpi))  # PNG stores pixels per metre: 150 dpi comes back as 149.9994
    low, high = _PLAUSIBLE_DPI
    longest_inches = max(frame.size) / dpi if dpi > 0 else 0.0
    if dpi <= 0:
        reason = "no resolution in the file"
    elif not low <= dpi <= high:
        reason = f"implausible resolution {dpi:g} dpi"
    elif round(dpi) in _SCREEN_DPI and longest_inches > _MAX_PAGE_INCHES:
        reason = f"{dpi:g} dpi would make a {longest_inches:.0f}-inch page"
    else:
        return dpi, None
    return DEFAULT_DPI, f"page {number}: {reason}; assuming {DEFAULT_DPI:g} dpi"


def _grayscale(frame: Image.Image) -> GrayImage:
    """8-bit grayscale, upright per EXIF, transparency flattened onto white paper."""
    frame.load()  # decode now, so truncation surfaces here as OSError
    img = ImageOps.exif_transpose(frame) or frame
    if img.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        return _scale_to_8bit(np.asarray(img))
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        img = Image.alpha_composite(paper, rgba)
    if img.mode not in ("L", "1", "RGB"):
        img = img.convert("RGB")
    return np.array(img.convert("L"), dtype=np.uint8)


def _scale_to_8bit(values: npt.NDArray[Any]) -> GrayImage:
    data = values.astype(np.float64)
    low, high = float(data.min()), float(data.max())
    if low >= 0 and high <= 65535 and high > 255:
        # 16-bit samples: a fixed scale keeps a blank page blank (no contrast stretching).
        return np.rint(data / 257.0).astype(np.uint8)
    if low >= 0 and high <= 255:
        return data.astype(np.uint8)
    if high <= low:
        return np.full(data.shape, 255, dtype=np.uint8)
    # Floats or wider integers with an unknown range: map what is there onto 0..255.
    return np.rint((data - low) * (255.0 / (high - low))).astype(np.uint8)
