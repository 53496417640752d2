"""Open any supported input as a :class:`~vorlagenparser.pagemodel.Document`."""

from __future__ import annotations

from pathlib import Path

from ..options import ExtractOptions
from ..pagemodel import Document
from .sniff import Sniffed, sniff

__all__ = ["open_document", "sniff"]


def open_document(path: str | Path, options: ExtractOptions) -> Document:
    """Dispatch on the sniffed file type: PDFs to the text-layer loader, images to the raster one."""
    info: Sniffed = sniff(path, max_mb=options.max_file_mb)
    name = Path(path).name
    if info.kind == "pdf":
        from .pdf import open_pdf

        return open_pdf(info.path, name, info.sha256, options)
    from .image import open_image

    return open_image(info.path, name, info.sha256, options)
