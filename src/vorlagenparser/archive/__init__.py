"""Archival outputs beside each ``<name>.json``: a searchable PDF/A copy and ALTO full text.

:func:`build_archive` computes both for one converted document (in a batch worker); writing
them is the caller's business (the batch parent, atomically). The run record
(:mod:`.runrecord`), fixity checks (:mod:`.fixity`) and BagIt packing (:mod:`.bag`) describe
and protect a whole output folder.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..options import ExtractOptions

if TYPE_CHECKING:
    from ..pipeline import Extraction

PDF_SUFFIX = ".pdf"
ALTO_SUFFIX = ".alto.xml"

__all__ = ["ALTO_SUFFIX", "PDF_SUFFIX", "ArchiveFiles", "build_archive"]


@dataclass(frozen=True, slots=True)
class ArchiveFiles:
    """The archival files of one document: output suffix → bytes, plus how the PDF was made."""

    files: dict[str, bytes]
    info: dict[str, Any]


def build_archive(extraction: Extraction, source: str | Path,
                  options: ExtractOptions) -> ArchiveFiles:
    """PDF/A copy and ALTO of one converted document (``source`` is the file it came from)."""
    from .. import __version__
    from .alto import alto_xml
    from .pdfa import archive_pdf  # pikepdf and OCRmyPDF load only when archiving

    vorlage, document = extraction.vorlage, extraction.document
    pdf = archive_pdf(source, document, vorlage.betreff)
    settings = (f"ocr={options.ocr}; languages={options.languages}; dpi={options.dpi}; "
                f"profile={vorlage.source.profile or 'automatic'}")
    alto = alto_xml(vorlage, document, software="vorlagenparser", version=__version__,
                    settings=settings)
    info = {k: v for k, v in asdict(pdf).items() if k != "data"}
    return ArchiveFiles({PDF_SUFFIX: pdf.data, ALTO_SUFFIX: alto}, info)
