"""Archival outputs beside each ``<name>.json``: a searchable PDF/A copy and ALTO full text.

:func:`build_archive` computes both for one converted document (in a batch worker); writing
them is the caller's business (the batch parent, atomically). The run record
(:mod:`.runrecord`), fixity checks (:mod:`.fixity`) and BagIt packing (:mod:`.bag`) describe
and protect a whole output folder.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import OutputError
from ..model import Vorlage
from ..options import ExtractOptions

if TYPE_CHECKING:
    from ..pipeline import Extraction

PDF_SUFFIX = ".pdf"
ALTO_SUFFIX = ".alto.xml"

__all__ = ["ALTO_SUFFIX", "PDF_SUFFIX", "ArchiveFiles", "build_archive", "extract_to_archive"]


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


def refuse_overwriting_inputs(inputs: Sequence[Path], stems: Sequence[Path]) -> None:
    """OutputError when an output ``<stem>.pdf`` (or any other) would replace an input file,
    e.g. a scanned PDF archived into its own folder."""
    sources = {p.resolve() for p in inputs}
    for stem in stems:
        for suffix in (".json", PDF_SUFFIX, ALTO_SUFFIX):
            target = stem.with_name(stem.name + suffix)
            if target.resolve() in sources:
                raise OutputError("the archival copy would overwrite this input; "
                                  "choose another output folder", target)


def extract_to_archive(path: str | Path, out_dir: Path,
                       options: ExtractOptions | None = None) -> Vorlage:
    """Convert one file into ``out_dir``: ``<stem>.json``, ``.pdf``, ``.alto.xml`` and a run
    record, each written atomically (``extract --archive``). Errors raise as from ``extract``."""
    from ..pipeline import extract_document
    from ..writers._atomic import write_bytes
    from .runrecord import RunRecord, sha256_of

    options = options or ExtractOptions()
    source = Path(path)
    refuse_overwriting_inputs([source], [out_dir / source.stem])
    extraction = extract_document(source, options)
    files = build_archive(extraction, source, options)
    vorlage = extraction.vorlage
    out_dir.mkdir(parents=True, exist_ok=True)
    record = RunRecord(out_dir, options, archive=True)
    targets = {".json": vorlage.model_dump_json(indent=2).encode("utf-8") + b"\n", **files.files}
    written = [out_dir / f"{source.stem}{suffix}" for suffix in targets]
    for target, data in zip(written, targets.values(), strict=True):
        write_bytes(target, data)
    record.add_input(path=str(source), sha256=sha256_of(source), status="done", outputs=written,
                     warnings=len(vorlage.warnings), archive=files.info)
    record.finish("complete")
    return vorlage
