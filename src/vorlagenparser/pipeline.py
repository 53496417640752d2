"""THE composition: the reading stages (:mod:`.reading`), then layout and validation; data
flowing one way."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from . import limits
from .layout.assemble import analyse, to_raw
from .layout.form import Form
from .model import Vorlage
from .options import ExtractOptions
from .pagemodel import Document
from .reading import Reading, read_document
from .validate import to_vorlage


@dataclass(frozen=True, slots=True)
class Extraction:
    """A converted document together with the page model it was read from and the layout
    stage's decisions.

    ``document`` holds every page's words (recognised or from the text layer) in frame points
    with ``Page.transform`` back to the original page; page images only for the pages asked
    for (``keep_images``). ``form`` is what the layout stage found: regions, box ties, pairs,
    tables, results (see ``vorlagenparser inspect``).
    """

    vorlage: Vorlage
    document: Document
    form: Form


def extract_document(path: str | Path, options: ExtractOptions | None = None,
                     keep_images: Collection[int] = ()) -> Extraction:
    """Extract one document and keep its page model and layout (see :class:`Extraction`)."""
    return lay_out(read_document(path, options or ExtractOptions(), keep_images))


def lay_out(reading: Reading) -> Extraction:
    """The layout stage and validation over a file the reading stages have read."""
    from . import __version__

    with limits.timed(reading.path, reading.options.page_timeout_s, limits.LAYOUT):
        form = analyse(reading.document.pages, reading.marks, reading.profile)
        vorlage = to_vorlage(to_raw(form), reading.document, reading.profile, __version__)
        return Extraction(vorlage, reading.document, form)


def warm_up() -> None:
    """Load now what converting the first documents would load on the way: the scan recipe
    with OpenCV (which also counts the OCR decision's text-like ink), tesserocr, and the probe
    of the Tesseract installation (cached). A worker pool's fork server calls it once for all
    its workers."""
    from importlib import import_module

    from .ocr.tesseract import probe

    for name in ("vorlagenparser.ocr.recipe", "vorlagenparser.checkboxes.raster",
                 "vorlagenparser.checkboxes.probe", "vorlagenparser.checkboxes.ticks"):
        import_module(name)
    probe()


def extract(path: str | Path, options: ExtractOptions | None = None) -> Vorlage:
    """Extract one document (PDF, TIFF, PNG or JPEG) into a validated Vorlage."""
    return extract_document(path, options).vorlage
