"""The archival copy ``<name>.pdf``: PDF/A-2b, searchable, made with OCRmyPDF's machinery.

Recipe: the original as a PDF (PDFs as they are; images losslessly through img2pdf) → our OCR
words grafted on every recognised page as an invisible text layer (:mod:`.textlayer`) →
PDF/A-2b, first by pikepdf's repair-and-validate conversion (no Ghostscript, nothing is
re-encoded), else by Ghostscript through OCRmyPDF's wrapper (which embeds missing fonts).
Whatever cannot become PDF/A is still archived: a digital original unchanged, a scan as a
searchable PDF; :attr:`ArchivePdf.note` says why.
"""

from __future__ import annotations

import io
import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pikepdf

from .. import __version__
from ..pagemodel import Document
from ._ocrmypdf import load as load_ocrmypdf

log = logging.getLogger(__name__)

PDFA_PART = "2"
PDFA_FLAVOUR = "pdfa-2"  # OCRmyPDF's name for PDF/A-2b
Method = Literal["pikepdf", "ghostscript", "none"]


@dataclass(frozen=True, slots=True)
class ArchivePdf:
    """The archival PDF's bytes and how they came about.

    ``conformance`` is "PDF/A-2B" when the file declares it; ``validated`` when pikepdf's
    PDF/A validator (an allowlist: it approves only what it knows to conform) passed it;
    ``text_layer_pages`` counts the pages that got our OCR words; ``note`` explains a file that
    is not PDF/A.
    """

    data: bytes
    conformance: str | None
    method: Method
    validated: bool
    text_layer_pages: int
    note: str | None = None


def archive_pdf(source: str | Path, document: Document, title: str | None = None) -> ArchivePdf:
    """Build the archival PDF of ``source`` (the file ``document`` was read from)."""
    load_ocrmypdf()
    with tempfile.TemporaryDirectory(prefix="vorlagenparser-archive-") as tmp:
        work = Path(tmp)
        prepared = work / "prepared.pdf"
        grafted = _prepare(Path(source), document, title, prepared)
        out = work / "pdfa.pdf"
        method, reason = _to_pdfa(prepared, out, work)
        if method == "none":
            if grafted == 0 and document.kind == "pdf":
                data, why = Path(source).read_bytes(), f"original kept, not PDF/A: {reason}"
            else:
                data, why = prepared.read_bytes(), f"searchable PDF, not PDF/A: {reason}"
            log.info("%s: %s", document.filename, why)
            return ArchivePdf(data, None, "none", False, grafted, why)
        conformance, validated = check_pdfa(out)
        return ArchivePdf(out.read_bytes(), conformance, method, validated, grafted,
                          None if conformance else "PDF/A conversion ran but the file declares no PDF/A")


def _prepare(source: Path, document: Document, title: str | None, target: Path) -> int:
    """The original as a PDF with our text layer on its OCR pages; returns how many got one."""
    from .textlayer import graft, render_text_layer

    base = pikepdf.open(source) if document.kind == "pdf" else pikepdf.open(_image_pdf(source))
    with base:
        recognised = [(i, p) for i, p in enumerate(document.pages)
                      if p.method == "ocr" and p.words and i < len(base.pages)]
        if recognised:
            layer_path = target.with_name("layer.pdf")
            render_text_layer([p for _, p in recognised], layer_path)
            with pikepdf.open(layer_path) as layer:
                graft(base, layer, recognised)
        if title:
            base.docinfo[pikepdf.Name.Title] = title
        base.docinfo[pikepdf.Name.Creator] = f"vorlagenparser {__version__}"
        base.save(target)
    return len(recognised)


def _image_pdf(source: Path) -> io.BytesIO:
    """TIFF/PNG/JPEG → PDF without recompression (img2pdf embeds JPEG and CCITT data as is);
    images img2pdf refuses (alpha channels, odd colour spaces) are flattened by Pillow first."""
    import img2pdf

    try:
        data = img2pdf.convert(str(source), rotation=img2pdf.Rotation.ifvalid)
    except (img2pdf.AlphaChannelError, img2pdf.ImageOpenError,
            img2pdf.UnsupportedColorspaceError, ValueError) as exc:
        log.info("%s: img2pdf cannot embed the image as is (%s); flattening", source.name, exc)
        data = img2pdf.convert(*_flattened_frames(source))
    return io.BytesIO(data)


def _flattened_frames(source: Path) -> list[bytes]:
    from PIL import Image, ImageSequence

    frames = []
    with Image.open(source) as img:
        for frame in ImageSequence.Iterator(img):
            rgba = frame.convert("RGBA")
            paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
            flat = Image.alpha_composite(paper, rgba).convert("RGB")
            buf = io.BytesIO()
            flat.save(buf, format="PNG", dpi=frame.info.get("dpi", (300, 300)))
            frames.append(buf.getvalue())
    return frames


def _to_pdfa(prepared: Path, out: Path, work: Path) -> tuple[Method, str | None]:
    """Write PDF/A-2b to ``out``; (method used, or "none" with the reason)."""
    from ocrmypdf.pdfa import speculative_pdfa_conversion
    from pikepdf.pdfa import PdfaError

    try:
        speculative_pdfa_conversion(prepared, out, PDFA_FLAVOUR)
        return "pikepdf", None
    except PdfaError as exc:
        log.debug("pikepdf PDF/A conversion not approved: %s", exc.report.summary())
    except (pikepdf.PdfError, ValueError) as exc:
        log.debug("pikepdf PDF/A conversion failed: %s", exc)
    reason = _ghostscript_pdfa(prepared, out, work)
    return ("ghostscript", None) if reason is None else ("none", reason)


def _ghostscript_pdfa(prepared: Path, out: Path, work: Path) -> str | None:
    """Ghostscript's PDF/A-2b conversion; None on success, else the reason it is impossible."""
    from ocrmypdf._exec import ghostscript
    from ocrmypdf.exceptions import ExitCodeException
    from ocrmypdf.pdfa import (
        add_simple_font_tounicode,
        find_nonembedded_cid_fonts,
        find_nonembedded_fonts,
        generate_pdfa_ps,
        has_embedded_fonts,
        repair_annotations_for_ghostscript,
    )

    if not ghostscript.available():
        return "Ghostscript is not installed (apt-get install ghostscript)"
    fixed = work / "for-ghostscript.pdf"
    with pikepdf.open(prepared) as pdf:
        missing = find_nonembedded_cid_fonts(pdf)
        if missing:
            # Ghostscript would substitute these and garble the text: keep the original.
            return f"CID fonts are not embedded ({', '.join(sorted(missing))})"
        # Subsetting would damage fonts the file embeds itself; when it embeds none, the
        # substitutes Ghostscript must embed are subset (tens of KB instead of hundreds).
        subset = bool(find_nonembedded_fonts(pdf)) and not has_embedded_fonts(pdf)
        add_simple_font_tounicode(pdf)
        repair_annotations_for_ghostscript(pdf, report_removed=True)
        pdf.save(fixed)
    stub = generate_pdfa_ps(work / "pdfa.ps")
    try:
        ghostscript.generate_pdfa(
            [stub, fixed], out, compression="lossless",
            color_conversion_strategy="LeaveColorUnchanged", pdfa_part=PDFA_PART,
            subset_fonts=subset)
    except ExitCodeException as exc:
        return f"Ghostscript could not convert it ({exc})"
    return None


def check_pdfa(path: Path) -> tuple[str | None, bool]:
    """(declared conformance like "PDF/A-2B" or None, whether pikepdf's validator approves)."""
    from pikepdf.pdfa import Flavour, validate_written

    with pikepdf.open(path) as pdf:
        status = pdf.open_metadata().pdfa_status
    if not status:
        return None, False
    try:
        approved = validate_written(path, Flavour(f"{PDFA_PART}b")).verdict == "pass"
    except (pikepdf.PdfError, ValueError) as exc:
        log.debug("PDF/A validation failed to run: %s", exc)
        approved = False
    return f"PDF/A-{status.upper()}", approved
