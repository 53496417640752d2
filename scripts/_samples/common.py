"""Pieces shared by the layouts: the result record, running headers, cells and label blocks."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from _samples.doc import CheckboxTruth, Doc, Para
from _samples.flow import Flow, Geometry, wrap
from _samples.fonts import FAMILIES, Family, is_truetype, width


@dataclass
class Rendered:
    """One generated document: what was printed (doc), where its boxes are, and how."""

    path: Path
    layout: str
    doc: Doc
    boxes: list[CheckboxTruth]
    pages: int
    features: list[str] = field(default_factory=list)
    anchors: dict[str, tuple[int, list[float]]] = field(default_factory=dict)

    @property
    def notes(self) -> str:
        return "; ".join(self.features)


@dataclass(frozen=True)
class Look:
    """Typography of one sample, drawn at random per sample so no two look alike."""

    family: Family
    size: float
    leading: float
    justify: bool
    hyphenate: bool
    geometry: Geometry

    @property
    def regular(self) -> str:
        return self.family.regular

    @property
    def bold(self) -> str:
        return self.family.bold


def random_look(
    rng: random.Random,
    families: list[str],
    size: tuple[float, float] = (9.5, 11.5),
    justify: bool | None = None,
    hyphenate: bool | None = None,
    leading: float | None = None,
) -> Look:
    """Font, size, leading, margins and text setting, drawn per sample (or fixed by the caller)."""
    family = FAMILIES[rng.choice(families)]
    size_pt = round(rng.uniform(*size) * 2) / 2
    geometry = Geometry(
        left=rng.uniform(56, 85),
        right=rng.uniform(42, 70),
        top=rng.uniform(45, 70),
        bottom=rng.uniform(55, 80),
        top_next=rng.uniform(62, 80),
    )
    drawn_leading = round(size_pt * rng.uniform(1.18, 1.5), 2)
    drawn_justify, drawn_hyphenate = rng.random() < 0.4, rng.random() < 0.7
    return Look(
        family=family,
        size=size_pt,
        leading=drawn_leading if leading is None else leading,
        justify=drawn_justify if justify is None else justify,
        hyphenate=drawn_hyphenate if hyphenate is None else hyphenate,
        geometry=geometry,
    )


def fix_bullets(doc: Doc, look: Look) -> None:
    """Standard-14 fonts as written by reportlab extract "•" as "(cid:127)"; use a dash there."""
    if is_truetype(look.regular):
        return
    for para in [*doc.beschluss, *doc.begruendung]:
        if para.bullet == "•":
            para.bullet = "–"


def decorator(
    style: str, nummer: str | None, look: Look, town: str = "", printed: str = ""
) -> Callable[[Flow, int, int], None]:
    """Running headers/footers and page numbers that the extractor must drop from texts."""
    fs = max(7.5, look.size - 2)
    font = look.regular

    def draw(flow: Flow, number: int, total: int) -> None:
        g = flow.g
        head = g.top_next if g.top_next is not None else g.top
        if style == "dash" and number > 1:
            flow.text(g.width / 2, head - 22, f"- {number} -", font, look.size, align="center")
        elif style == "vorlage" and number > 1:
            flow.text(
                g.x1,
                head - 24,
                f"Vorlage {nummer} – Seite {number} von {total}",
                font,
                fs,
                align="right",
            )
            flow.line(g.left, head - 18, g.x1, head - 18, lw=0.4)
        elif style == "footer":
            flow.line(g.left, g.height - g.bottom + 18, g.x1, g.height - g.bottom + 18, lw=0.4)
            flow.text(g.left, g.height - g.bottom + 30, town, font, fs)
            flow.text(
                g.x1,
                g.height - g.bottom + 30,
                f"Seite {number} von {total}",
                font,
                fs,
                align="right",
            )
        elif style == "slash":
            flow.text(
                g.x1, g.height - g.bottom + 32, f"Seite {number}/{total}", font, fs, align="right"
            )
        elif style == "ris":
            flow.text(g.left, g.height - g.bottom + 30, f"Vorlage {nummer}", font, fs)
            flow.text(
                g.x1,
                g.height - g.bottom + 30,
                f"Ausdruck vom: {printed} / Seite {number} von {total}",
                font,
                fs,
                align="right",
            )

    return draw


# A coat of arms' charges: (x, top, width, height) as parts of the shield.
CHARGES = {"bar": (0.0, 0.45, 1.0, 0.16), "band": (0.0, 0.38, 1.0, 0.24), "half": (0.0, 0.0, 0.5, 1.0)}


def coat_of_arms(
    flow: Flow, x: float, top: float, w: float, h: float, grey: float, charge: str
) -> None:
    """A town's coat of arms in a letterhead: an outlined shield with a grey charge."""
    page_h = flow.g.height
    cx, ctop, cw, ch = CHARGES[charge]

    def op(c: Canvas) -> None:
        path = c.beginPath()
        path.moveTo(x, page_h - top)
        path.lineTo(x + w, page_h - top)
        path.lineTo(x + w, page_h - top - h * 0.55)
        path.curveTo(x + w, page_h - top - h * 0.85, x + w * 0.6, page_h - top - h * 0.95,
                     x + w / 2, page_h - top - h)
        path.curveTo(x + w * 0.4, page_h - top - h * 0.95, x, page_h - top - h * 0.85, x,
                     page_h - top - h * 0.55)
        path.close()
        c.setLineWidth(0.9)
        c.drawPath(path, stroke=1, fill=0)
        c.saveState()
        c.clipPath(path, stroke=0, fill=0)
        c.setFillGray(grey)
        c.rect(x + cx * w, page_h - top - (ctop + ch) * h, cw * w, ch * h, stroke=0, fill=1)
        c.restoreState()

    flow.add(op)


def cell_text(
    flow: Flow,
    text: str,
    x: float,
    top: float,
    w: float,
    font: str,
    size: float,
    leading: float | None = None,
    align: str = "left",
) -> int:
    """Wrap ``text`` into a table cell of width ``w`` starting at ``top``; returns line count."""
    leading = leading or size * 1.2
    lines = wrap(text, font, size, w, hyphenate=False)
    for index, words in enumerate(lines):
        baseline = top + size + index * leading
        if align == "center":
            flow.text(x + w / 2, baseline, " ".join(words), font, size, align="center")
        else:
            flow.text(x, baseline, " ".join(words), font, size)
    return len(lines)


def lines_needed(text: str, font: str, size: float, w: float) -> int:
    return len(wrap(text, font, size, w, hyphenate=False))


def heading(
    flow: Flow,
    text: str,
    look: Look,
    before: float = 10.0,
    underline: bool = False,
    size: float | None = None,
) -> None:
    size = size or look.size
    flow.gap(before)
    flow.ensure(size * 4)  # never leave a heading alone at the bottom of a page
    baseline = flow.y + size
    w = flow.text(flow.g.left, baseline, text, look.bold, size)
    if underline:
        flow.line(flow.g.left, baseline + 2, flow.g.left + w, baseline + 2, lw=0.6)
    flow.y += size * 1.6


def paragraphs(
    flow: Flow,
    paras: list[Para],
    look: Look,
    x: float | None = None,
    gap: float | None = None,
    bullet_gap: float = 1.0,
) -> None:
    """Body text; consecutive list items sit closer together than paragraphs."""
    gap = look.size * 0.6 if gap is None else gap
    for index, para in enumerate(paras):
        if index:
            flow.gap(bullet_gap if para.bullet and paras[index - 1].bullet else gap)
        flow.paragraph(
            para.text,
            look.regular,
            look.size,
            look.leading,
            x=x,
            justify=look.justify,
            hyphenate=look.hyphenate,
            bullet=para.bullet,
            hang=width("• ", look.regular, look.size) + 6,
        )


def betreff_beside(
    flow: Flow,
    doc: Doc,
    look: Look,
    label: str,
    x: float,
    *,
    label_font: str | None = None,
    hyphenate: bool = True,
) -> None:
    """``label`` at the left margin, the Betreff (bold) and its "hier:" line beside it from ``x``."""
    flow.text(flow.g.left, flow.y + look.size, label, label_font or look.bold, look.size)
    flow.paragraph(doc.betreff or "", look.bold, look.size, look.leading, x=x, hyphenate=hyphenate)
    if doc.betreff_hier:
        flow.paragraph(doc.betreff_hier, look.regular, look.size, look.leading, x=x)


def label_value(
    flow: Flow,
    label: str,
    value: str | None,
    look: Look,
    value_x: float | None,
    *,
    bold_label: bool = False,
    bold_value: bool = False,
) -> None:
    """A letterhead line "Label: value"; the value is wrapped at ``value_x`` or follows inline."""
    font_label = look.bold if bold_label else look.regular
    baseline = flow.y + look.size
    label_w = flow.text(flow.g.left, baseline, label, font_label, look.size)
    x = (
        value_x
        if value_x is not None
        else flow.g.left + label_w + width(" ", font_label, look.size)
    )
    if value:
        n = flow.paragraph(
            value,
            look.bold if bold_value else look.regular,
            look.size,
            look.leading,
            x=x,
            hyphenate=False,
        )
        if n == 0:
            flow.y += look.leading
    else:
        flow.y += look.leading


def replace_words(paras: list[Para], pairs: list[tuple[str, str]]) -> list[Para]:
    """Swap words of the shared pools for a layout's own (Stadtrat → Gemeinderat, ...).

    ``old`` matches with or without soft hyphens between its letters, so "Haupt- und
    Finanzausschuss" also replaces "Haupt- und Finanz~ausschuss".
    """
    patterns = [
        (re.compile("\u00ad?".join(re.escape(ch) for ch in old)), new) for old, new in pairs
    ]
    out = []
    for para in paras:
        text = para.text
        for pattern, new in patterns:
            text = pattern.sub(new.replace("\\", "\\\\"), text)
        out.append(Para(text, para.bullet))
    return out
