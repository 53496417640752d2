"""What the OCR decision asks of a PDF page with a thin text layer, answered by the loader.

Whether a page needs OCR although it has text (see ``ocr.decision``) is judged from the page
as printed: a small picture of it shows print the text layer lacks, and images covering the
page betray a scan under a stamp's text. The PDFium loader has each page open anyway and
takes both while it reads the page, so the decision does not open and parse the file again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..pagemodel import GrayImage

__all__ = ["PREVIEW_DPI", "THIN_TEXT", "GrayRaster", "PagePreview"]

PREVIEW_DPI = 50  # enough to tell text-sized ink from rules and logos, in a few ms
THIN_TEXT = 1500  # characters: pages with fewer are looked at; a full text page is not


@dataclass(frozen=True, slots=True)
class GrayRaster:
    """Grey pixels row by row, one byte each (0 black … 255 white), ``width`` per row."""

    pixels: bytes
    width: int

    @property
    def height(self) -> int:
        return len(self.pixels) // self.width if self.width else 0

    @classmethod
    def of(cls, image: GrayImage) -> GrayRaster:
        """From a 2-D uint8 array, as ``load.render`` renders pages."""
        return cls(image.tobytes(), int(image.shape[1]))


@dataclass(frozen=True, slots=True)
class PagePreview:
    """A page rendered at :data:`PREVIEW_DPI` (grey, as ``load.render`` renders it), and the
    area its image objects cover (points², summed) next to its own size (points)."""

    image: GrayRaster = field(repr=False)
    image_area: float
    width: float
    height: float

    def images_cover(self, fraction: float) -> bool:
        """Image objects cover at least ``fraction`` of the page (a scan inside)."""
        return bool(self.image_area >= fraction * self.width * self.height)
