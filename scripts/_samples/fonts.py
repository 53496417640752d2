"""Font families for the samples and exact ink extents of printed glyphs.

Glyph checkboxes ("☐", ZapfDingbats "o", typed "[x]") need a truth bbox around the visible
square, not around the font's em box, so :func:`ink_box` measures the ink by rendering once.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONTS = Path("/usr/share/fonts/truetype")
DEJAVU = FONTS / "dejavu"
LIBERATION = FONTS / "liberation"  # Debian fonts-liberation: metric twins of Arial/Times
CROSEXTRA = FONTS / "crosextra"  # Debian fonts-crosextra-carlito: a metric twin of Calibri
_TTF = {
    "DejaVuSans": DEJAVU / "DejaVuSans.ttf",
    "DejaVuSans-Bold": DEJAVU / "DejaVuSans-Bold.ttf",
    "DejaVuSerif": DEJAVU / "DejaVuSerif.ttf",
    "DejaVuSerif-Bold": DEJAVU / "DejaVuSerif-Bold.ttf",
    "DejaVuSansCondensed": DEJAVU / "DejaVuSansCondensed.ttf",
    "DejaVuSansCondensed-Bold": DEJAVU / "DejaVuSansCondensed-Bold.ttf",
    "DejaVuSansMono": DEJAVU / "DejaVuSansMono.ttf",
    "DejaVuSerifCondensed": DEJAVU / "DejaVuSerifCondensed.ttf",
    "DejaVuSerifCondensed-Bold": DEJAVU / "DejaVuSerifCondensed-Bold.ttf",
    "LiberationSans": LIBERATION / "LiberationSans-Regular.ttf",
    "LiberationSans-Bold": LIBERATION / "LiberationSans-Bold.ttf",
    "LiberationSerif": LIBERATION / "LiberationSerif-Regular.ttf",
    "LiberationSerif-Bold": LIBERATION / "LiberationSerif-Bold.ttf",
    "Carlito": CROSEXTRA / "Carlito-Regular.ttf",
    "Carlito-Bold": CROSEXTRA / "Carlito-Bold.ttf",
}


@dataclass(frozen=True)
class Family:
    regular: str
    bold: str


FAMILIES = {
    "helvetica": Family("Helvetica", "Helvetica-Bold"),
    "times": Family("Times-Roman", "Times-Bold"),
    "courier": Family("Courier", "Courier-Bold"),
    "dejavu_sans": Family("DejaVuSans", "DejaVuSans-Bold"),
    "dejavu_serif": Family("DejaVuSerif", "DejaVuSerif-Bold"),
    "dejavu_condensed": Family("DejaVuSansCondensed", "DejaVuSansCondensed-Bold"),
    "dejavu_serif_condensed": Family("DejaVuSerifCondensed", "DejaVuSerifCondensed-Bold"),
    # the faces of Word templates: Arial, Times New Roman and Calibri by their metrics
    "liberation_sans": Family("LiberationSans", "LiberationSans-Bold"),
    "liberation_serif": Family("LiberationSerif", "LiberationSerif-Bold"),
    "carlito": Family("Carlito", "Carlito-Bold"),
}


@functools.cache
def register() -> None:
    """Register the TrueType faces with reportlab once per process."""
    for name, path in _TTF.items():
        pdfmetrics.registerFont(TTFont(name, str(path)))


def is_truetype(font: str) -> bool:
    """Whether ``font`` is one of the embedded TrueType faces (not a standard-14 font)."""
    return font in _TTF


def width(text: str, font: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(text, font, size))


@functools.cache
def _ink_unit(font: str, text: str) -> tuple[float, float, float, float]:
    """Ink extent of ``text`` at 1 pt, relative to its origin, y measured downwards."""
    register()
    size, origin_x, baseline = 100.0, 50.0, 150.0
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(400, 200), invariant=1)
    canvas.setFont(font, size)
    canvas.drawString(origin_x, 200 - baseline, text)
    canvas.showPage()
    canvas.save()
    pdf = pdfium.PdfDocument(buf.getvalue())
    scale = 4.0
    image = pdf[0].render(scale=scale, grayscale=True).to_numpy()
    ink = np.argwhere(image.reshape(image.shape[0], image.shape[1], -1)[:, :, 0] < 128)
    pdf.close()
    if ink.size == 0:
        raise ValueError(f"no ink for {text!r} in {font}")
    (top, left), (bottom, right) = ink.min(axis=0), ink.max(axis=0) + 1
    return (
        (left / scale - origin_x) / size,
        (top / scale - baseline) / size,
        (right / scale - origin_x) / size,
        (bottom / scale - baseline) / size,
    )


def ink_box(font: str, text: str, size: float, x: float, baseline: float) -> list[float]:
    """[x0, top, x1, bottom] of the ink of ``text`` drawn at (x, baseline), top-down points."""
    dx0, dtop, dx1, dbottom = _ink_unit(font, text)
    return [x + dx0 * size, baseline + dtop * size, x + dx1 * size, baseline + dbottom * size]
