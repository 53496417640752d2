"""The OCR engine interface: tesseract in production, fakes in tests, through the same Protocol.

An engine works in *pixels* of the image it is given; turning pixels into page points is the
caller's job (``ocr/__init__.py``), so an engine knows nothing about pages or PDFs.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from ..errors import OcrError
from ..pagemodel import GrayImage

__all__ = ["OcrEngine", "OcrTimeoutError", "OcrWord", "default_engine"]


@dataclass(frozen=True, slots=True)
class OcrWord:
    """One recognised word; the box is in pixels of the recognised image, top-left origin."""

    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float  # 0..1
    block: int = 0
    paragraph: int = 0
    line: int = 0
    word: int = 0


class OcrTimeoutError(OcrError):
    """The engine gave up on one image after its time limit; the page gets a note, not a failure."""


@runtime_checkable
class OcrEngine(Protocol):
    """What the OCR stage needs from an engine. Implementations must be reusable across pages."""

    @property
    def name(self) -> str: ...

    @property
    def version(self) -> str: ...

    @property
    def languages(self) -> str: ...  # tesseract style, e.g. "deu+eng"

    def recognise(self, image: GrayImage, dpi: int, *,
                  timeout_s: float | None = None, psm: int | None = None) -> list[OcrWord]:
        """Words in pixel coordinates of ``image``. ``psm`` overrides the page segmentation
        (7: one line, 6: one block — for a table cell). Raises OcrTimeoutError / OcrError."""
        ...

    def orientation(self, image: GrayImage) -> tuple[int, float]:
        """(clockwise degrees 0/90/180/270 that make the image upright, confidence >= 0).

        The confidence is on tesseract's OSD scale (about 0..20; above ~2 is usable);
        (0, 0.0) means "could not tell".
        """
        ...


@functools.cache
def default_engine(languages: str) -> OcrEngine:
    """The production engine for ``languages``, created once per process (models load once).

    Raises MissingDependencyError when tesseract or a language pack is missing.
    """
    from .tesseract import create_engine

    return create_engine(languages)
