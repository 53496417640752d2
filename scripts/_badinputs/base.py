"""Building blocks for the bad-input corpus: a good Vorlage, pikepdf helpers, deflate bombs."""

from __future__ import annotations

import functools
import io
import zlib
from pathlib import Path

import pikepdf
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

LINES = (
    "Stadt Musterstadt",
    "Beschlussvorlage",
    "Vorlage Nr.: BV/017/2024",
    "Datum: 12.03.2024",
    "Betreff: Bebauungsplan Nr. 17 Am Mühlbach",
    "Beschlussvorschlag:",
    "Der Ausschuss für Umwelt beschließt den Bebauungsplan Nr. 17.",
    "Begründung:",
    "Die Verwaltung schlägt vor, dem Vorhaben zuzustimmen.",
)


@functools.cache
def good_pdf() -> bytes:
    """A small, sound one-page Vorlage with a text layer (reportlab, deterministic)."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    for i, line in enumerate(LINES):
        pdf.drawString(72, 770 - 18 * i, line)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def text_ops(lines: tuple[str, ...] = LINES[:5], x: float = 72, top: float = 770) -> bytes:
    """Content-stream operators printing ``lines`` in Helvetica (resource name /F1)."""
    ops = [b"BT /F1 11 Tf"]
    for i, line in enumerate(lines):
        text = line.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        ops.append(b"1 0 0 1 %d %d Tm (%s) Tj" % (x, top - 16 * i, text))
    ops.append(b"ET")
    return b"\n".join(ops) + b"\n"


def helvetica(pdf: pikepdf.Pdf) -> pikepdf.Object:
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding))


def page_with(pdf: pikepdf.Pdf, content: bytes, *, size: tuple[float, float] = A4,
              xobjects: dict[str, pikepdf.Object] | None = None, **extra: object) -> pikepdf.Dictionary:
    """A page dictionary (not yet in any page tree) drawing ``content`` with /F1 available."""
    resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=helvetica(pdf)))
    if xobjects:
        resources.XObject = pikepdf.Dictionary({f"/{k}": v for k, v in xobjects.items()})
    page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, *size],
                              Resources=resources, Contents=pdf.make_stream(content))
    for key, value in extra.items():
        page[f"/{key}"] = value
    return page


def pdf_with_pages(*pages: pikepdf.Dictionary, pdf: pikepdf.Pdf | None = None) -> pikepdf.Pdf:
    pdf = pdf or pikepdf.new()
    for page in pages:
        pdf.pages.append(pikepdf.Page(page))
    return pdf


def save(pdf: pikepdf.Pdf, path: Path, **kwargs: object) -> Path:
    # No object streams and no compression of our own: the structures stay as written.
    pdf.save(path, compress_streams=False, object_stream_mode=pikepdf.ObjectStreamMode.disable,
             static_id=True, **kwargs)  # type: ignore[arg-type]
    return path


def deflate_repeated(chunk: bytes, times: int) -> bytes:
    """zlib data that inflates to ``chunk * times``, made without compressing all of it.

    A full flush ends every block and forgets the window, so the compressed form of ``chunk``
    is the same each time it is fed again: one compression, repeated, plus the Adler-32 of the
    whole. A gigabyte bomb is built in well under a second.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw deflate: we write header and trailer
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    assert block == again, "a full flush must make the chunk's blocks repeatable"
    checksum = 1
    for _ in range(times):
        checksum = zlib.adler32(chunk, checksum)
    final_empty_block = b"\x03\x00"
    return b"\x78\xda" + block * times + final_empty_block + checksum.to_bytes(4, "big")


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF from object bodies numbered 1..n (object 1 is the catalog), with a correct xref.

    For structures that pikepdf refuses to write (it walks the page tree on save).
    """
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def raw_page(parent: int, content: int, font: int) -> bytes:
    return (b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (parent, content, font))


def raw_stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data)


RAW_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
