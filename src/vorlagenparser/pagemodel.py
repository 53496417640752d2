"""The page model every stage shares: words, ruling graphics, form widgets and checkbox marks.

Loaders (text layer) and OCR (scans) produce the same objects. All boxes are in points with the
origin at the top left of the page *frame*; for scans the frame is the upright, deskewed page, and
``Page.transform`` maps frame coordinates back to the original page, which is what the output
reports. Objects are frozen; derived views return new objects.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

from .geometry import Affine, BBox, contains

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    GrayImage = npt.NDArray[np.uint8]
else:
    GrayImage = Any

TextMethod = Literal["text", "ocr"]
CheckboxSource = Literal["vector", "glyph", "acroform", "raster"]


@dataclass(frozen=True, slots=True, init=False)
class Word:
    text: str
    bbox: BBox
    fontname: str = ""
    size: float = 0.0
    bold: bool = False
    confidence: float = 1.0  # 0..1; OCR confidence, 1.0 for a text layer

    def __init__(self, text: str, bbox: BBox, fontname: str = "", size: float = 0.0,
                 bold: bool = False, confidence: float = 1.0) -> None:
        # Through the slots' setters, as BBox: loaders and OCR make words by the thousand.
        _SET_TEXT(self, text)
        _SET_BBOX(self, bbox)
        _SET_FONTNAME(self, fontname)
        _SET_SIZE(self, size)
        _SET_BOLD(self, bold)
        _SET_CONFIDENCE(self, confidence)

    def __reduce__(self) -> tuple[type[Word], tuple[str, BBox, str, float, bool, float]]:
        # Pickled by its fields' values, as BBox is (see there): words are a page model's bulk.
        return Word, (self.text, self.bbox, self.fontname, self.size, self.bold, self.confidence)


_SET_TEXT, _SET_BBOX, _SET_FONTNAME, _SET_SIZE, _SET_BOLD, _SET_CONFIDENCE = (
    Word.__dict__[name].__set__ for name in ("text", "bbox", "fontname", "size", "bold", "confidence"))


@dataclass(frozen=True, slots=True)
class Rect:
    bbox: BBox
    stroke: bool = True
    fill: bool = False
    linewidth: float = 1.0
    # Fill grey level 0 (black) .. 1 (white) when known; tells a filled box from a white one.
    fill_gray: float | None = None


@dataclass(frozen=True, slots=True)
class Segment:
    """A straight piece of a drawn line or curve (curves are kept as their polyline)."""

    x0: float
    y0: float
    x1: float
    y1: float
    linewidth: float = 1.0

    @property
    def bbox(self) -> BBox:
        return BBox(min(self.x0, self.x1), min(self.y0, self.y1),
                    max(self.x0, self.x1), max(self.y0, self.y1))

    @property
    def is_horizontal(self) -> bool:
        return abs(self.y1 - self.y0) <= 0.5 and abs(self.x1 - self.x0) > 0.5

    @property
    def is_vertical(self) -> bool:
        return abs(self.x1 - self.x0) <= 0.5 and abs(self.y1 - self.y0) > 0.5


@dataclass(frozen=True, slots=True)
class Widget:
    """An AcroForm field widget (only check boxes and radio buttons matter to us)."""

    bbox: BBox
    name: str
    kind: Literal["checkbox", "radio", "text", "other"]
    checked: bool | None = None
    value: str | None = None


@dataclass(frozen=True, slots=True)
class Grid:
    """A ruled table found on the page: rows of cells (cell boxes; None where merged away)."""

    bbox: BBox
    rows: tuple[tuple[BBox | None, ...], ...]


@dataclass(frozen=True, slots=True)
class Mark:
    """A checkbox found on a page, before it is tied to a label."""

    bbox: BBox
    checked: bool
    confidence: float
    source: CheckboxSource
    ambiguous: bool = False
    # False for a tick, cross or X printed without a box around it (a mark in a bare table cell):
    # only a table column gives it a meaning.
    framed: bool = True


@dataclass(frozen=True, slots=True)
class Page:
    number: int  # 1-based
    width: float  # of the page frame, points
    height: float
    rotation: int = 0  # clockwise degrees applied to make the page upright (0/90/180/270)
    method: TextMethod = "text"
    words: tuple[Word, ...] = ()
    rects: tuple[Rect, ...] = ()
    segments: tuple[Segment, ...] = ()
    widgets: tuple[Widget, ...] = ()
    grids: tuple[Grid, ...] = ()
    # Rotated text (e.g. column headers printed at 90°), one word per run, reading order kept.
    vertical_words: tuple[Word, ...] = ()
    # Grayscale raster of the page frame (scans, or rendered for OCR); None for pure text pages.
    image: GrayImage | None = field(default=None, compare=False, repr=False)
    image_scale: float = 1.0  # image pixels per point
    transform: Affine = field(default_factory=Affine)  # frame points -> original page points
    original_width: float | None = None  # the original page size, when the frame differs
    original_height: float | None = None
    ocr_confidence: float | None = None  # mean word confidence 0..1 for OCR pages
    skew_degrees: float = 0.0
    notes: tuple[str, ...] = ()  # warnings from loading/OCR, carried to the output

    @property
    def bbox(self) -> BBox:
        return BBox(0.0, 0.0, self.width, self.height)

    def to_original(self, bbox: BBox) -> BBox:
        return self.transform.box(bbox)

    def with_(self, **changes: Any) -> Page:
        return replace(self, **changes)

    def filter_words(self, pred: Callable[[Word], bool]) -> Page:
        return replace(self, words=tuple(w for w in self.words if pred(w)))

    def crop(self, bbox: BBox) -> Page:
        """A view holding only the objects inside bbox (coordinates unchanged)."""
        def inside(b: BBox) -> bool:
            return contains(bbox, b, tol=0.5)

        return replace(
            self,
            words=tuple(w for w in self.words if inside(w.bbox)),
            rects=tuple(r for r in self.rects if inside(r.bbox)),
            segments=tuple(s for s in self.segments if inside(s.bbox)),
            widgets=tuple(w for w in self.widgets if inside(w.bbox)),
        )

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass(frozen=True, slots=True)
class Document:
    path: str
    filename: str
    sha256: str
    pages: tuple[Page, ...]
    kind: Literal["pdf", "image"] = "pdf"
    created: str | None = None  # the file's own creation date (PDF Info CreationDate), raw

    def with_pages(self, pages: Iterable[Page]) -> Document:
        return replace(self, pages=tuple(pages))
