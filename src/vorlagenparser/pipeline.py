"""THE composition: one call per stage, data flowing one way."""

from __future__ import annotations

from pathlib import Path

from .checkboxes import detect
from .layout.assemble import assemble
from .load import open_document
from .model import Vorlage
from .ocr import prepare_document
from .options import ExtractOptions
from .profiles import load_profile, select_profile
from .validate import to_vorlage


def extract(path: str | Path, options: ExtractOptions | None = None) -> Vorlage:
    """Extract one document (PDF, TIFF, PNG or JPEG) into a validated Vorlage."""
    from . import __version__

    options = options or ExtractOptions()
    profile = load_profile(options.profile) if options.profile else None
    document = open_document(path, options)
    document = prepare_document(document, options)
    if profile is None:
        profile = select_profile(document.pages[0].text if document.pages else "")
    detected = [detect(page) for page in document.pages]
    pages = [page for page, _ in detected]
    marks = [list(m) for _, m in detected]
    raw = assemble(pages, marks, profile)
    return to_vorlage(raw, document, profile, __version__)
