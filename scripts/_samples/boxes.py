"""The four ways templates print a checkbox, each recording its truth as it draws.

vector: a drawn square (a rectangle, or four separate line segments), ticked by strokes, a
curve, a fill or a check character; glyph: a font character such as "☐"/"☒" or a ZapfDingbats
code point, or an empty box glyph with a check glyph printed over it; typed: "[ ]"/"[x]" in the
running text; acroform: a form widget whose state lives in the annotation, not in the page
content.
"""

from __future__ import annotations

import functools

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from _samples.flow import Flow
from _samples.fonts import ink_box, width

# The pen-like marks; _tick also knows "glyph_check" (a typed "✔"), kept out of this tuple
# because layouts draw their random tick style from it.
VECTOR_STYLES = ("x", "check", "check_curve", "fill")

# name → (font, unchecked glyph, checked glyph, overprint): with overprint the checked state is
# the empty box with the mark printed on top of it, as some RIS exports do. For ZapfDingbats we
# pass Unicode and reportlab writes the font's own code points ("o", "q", "n", "4", "8", "3",
# "7"), which is what a text extractor then reports.
GLYPH_STYLES: dict[str, tuple[str, str, str, bool]] = {
    "dejavu_x": ("DejaVuSans", "☐", "☒", False),
    "dejavu_check": ("DejaVuSans", "☐", "☑", False),
    "zapf_box_filled": ("ZapfDingbats", "\u274f", "\u25a0", False),  # o ❏ / n ■
    "zapf_box_heavycheck": ("ZapfDingbats", "\u2751", "\u2714", False),  # q ❑ / 4 ✔
    "zapf_box_ballot": ("ZapfDingbats", "\u274f", "\u2718", False),  # o ❏ / 8 ✘
    "zapf_overprint_check": ("ZapfDingbats", "\u274f", "\u2713", True),  # o ❏ with 3 ✓ on top
    "zapf_overprint_x": ("ZapfDingbats", "\u2751", "\u2717", True),  # q ❑ with 7 ✗ on top
    # geometric shapes instead of ballot boxes: the text layer holds "□"/"⊠" or "▢"/"▣"
    "dejavu_square_x": ("DejaVuSans", "\u25a1", "\u22a0", False),  # □ / ⊠
    "dejavu_rounded_dot": ("DejaVuSans", "\u25a2", "\u25a3", False),  # ▢ / ▣
}


def vector_box(
    flow: Flow,
    x: float,
    top: float,
    size: float,
    checked: bool,
    style: str,
    label: str,
    field: str | None,
    lw: float = 0.6,
    *,
    segments: bool = False,
) -> None:
    """A drawn square, ticked by strokes, a curve or a fill (see :func:`_tick`).

    With ``segments`` the square is four separate line segments (no rectangle operator), as word
    processors export table-cell borders and hand-built boxes; each stroke overshoots by half
    the line width so the corners close."""
    if segments:
        h = lw / 2
        flow.line(x - h, top, x + size + h, top, lw=lw)  # top
        flow.line(x - h, top + size, x + size + h, top + size, lw=lw)  # bottom
        flow.line(x, top - h, x, top + size + h, lw=lw)  # left
        flow.line(x + size, top + size + h, x + size, top - h, lw=lw)  # right, drawn upwards
    else:
        flow.rect(x, top, x + size, top + size, lw=lw)
    if checked:
        _tick(flow, x, top, size, style, lw)
    flow.record(label, checked, [x, top, x + size, top + size], field)


# A square of four line segments: vector_box(..., segments=True).
lines_box = functools.partial(vector_box, segments=True)


def _tick(flow: Flow, x: float, top: float, size: float, style: str, lw: float) -> None:
    """The mark inside a drawn square (strokes, a curve, a fill or a check character)."""
    inset = size * 0.18
    a, b, c, d = x + inset, top + inset, x + size - inset, top + size - inset
    if style == "x":
        flow.line(a, b, c, d, lw=lw * 1.4)
        flow.line(a, d, c, b, lw=lw * 1.4)
    elif style == "check":
        flow.polyline([(a, top + size * 0.55), (x + size * 0.42, d), (c, b)], lw=lw * 1.6)
    elif style == "check_curve":
        flow.polyline(
            [
                (a, top + size * 0.5),
                (x + size * 0.35, top + size * 0.95),
                (x + size * 0.55, top + size * 0.4),
                (x + size * 1.05, top - size * 0.1),
            ],
            lw=lw * 1.6,
            curve=True,
        )
    elif style == "fill":
        flow.rect(a, b, c, d, lw=0, fill_gray=0.0, stroke=False)
    elif style == "glyph_check":  # a "✔" character typed into the drawn square
        unit = ink_box("DejaVuSans", "\u2714", 1.0, 0.0, 0.0)
        msize = (c - a) / (unit[2] - unit[0])
        mx = (a + c) / 2 - (unit[0] + unit[2]) / 2 * msize
        mb = (b + d) / 2 - (unit[1] + unit[3]) / 2 * msize
        flow.text(mx, mb, "\u2714", "DejaVuSans", msize)
    else:
        raise ValueError(style)


def glyph_overprint_box(
    flow: Flow,
    x: float,
    baseline: float,
    size: float,
    checked: bool,
    label: str,
    field: str | None,
    font: str = "DejaVuSans",
    box: str = "\u2610",  # ☐
    mark: str = "\u2714",  # ✔
) -> float:
    """An empty box glyph; ticked by a separate, smaller check glyph printed centred on top of
    it (two text runs at different positions and sizes). The truth box is the square's ink,
    which contains the mark. Returns the advance width of the box glyph."""
    flow.text(x, baseline, box, font, size)
    square = ink_box(font, box, size, x, baseline)
    if checked:
        inner_w = (square[2] - square[0]) * 0.78
        inner_h = (square[3] - square[1]) * 0.78
        unit = ink_box(font, mark, 1.0, 0.0, 0.0)
        msize = min(inner_w / (unit[2] - unit[0]), inner_h / (unit[3] - unit[1]))
        mx = (square[0] + square[2]) / 2 - (unit[0] + unit[2]) / 2 * msize
        mb = (square[1] + square[3]) / 2 - (unit[1] + unit[3]) / 2 * msize
        flow.text(mx, mb, mark, font, msize)
    flow.record(label, checked, square, field)
    return width(box, font, size)


def glyph_box(
    flow: Flow,
    x: float,
    baseline: float,
    size: float,
    checked: bool,
    style: str,
    label: str,
    field: str | None,
) -> float:
    """Print a glyph checkbox with its left edge at x; returns the advance width."""
    font, empty, ticked, overprint = GLYPH_STYLES[style]
    drawn = [empty, ticked] if (checked and overprint) else [ticked if checked else empty]
    boxes = []
    for glyph in drawn:
        flow.text(x, baseline, glyph, font, size)
        boxes.append(ink_box(font, glyph, size, x, baseline))
    union = [
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    ]
    flow.record(label, checked, union, field)
    return max(width(g, font, size) for g in drawn)


def typed_box(
    flow: Flow,
    x: float,
    baseline: float,
    font: str,
    size: float,
    checked: bool,
    mark: str,
    label: str,
    field: str | None,
) -> float:
    """Print "[x]"-style box text; the truth box is the ink of the brackets."""
    text = f"[{mark if checked else ' '}]"
    flow.text(x, baseline, text, font, size)
    flow.record(label, checked, ink_box(font, text, size, x, baseline), field)
    return width(text, font, size)


def acro_box(
    flow: Flow,
    x: float,
    top: float,
    size: float,
    checked: bool,
    style: str,
    label: str,
    field: str | None,
) -> None:
    """An AcroForm checkbox widget (reportlab writes /AS and the on/off appearance streams).

    Widgets get Acrobat's default names ("Check Box3") and no tooltip, as in most real forms,
    so the label has to be found on the page, not in the annotation.
    """
    name = flow.unique_name("Check Box")
    y = flow.g.height - top - size

    def op(c: Canvas) -> None:
        c.acroForm.checkbox(
            name=name,
            x=x,
            y=y,
            size=size,
            checked=checked,
            buttonStyle=style,
            borderWidth=1,
            borderColor=colors.black,
            fillColor=colors.white,
            textColor=colors.black,
            forceBorder=True,
        )

    flow.add(op)
    flow.record(label, checked, [x, top, x + size, top + size], field)
