"""A small top-down page flow over reportlab: text wrapping, page breaks and deferred drawing.

Drawing is recorded as closures per page and replayed in :meth:`Flow.render`, because running
headers such as "Seite 2 von 3" need the page total before page 1 is written. All coordinates
here are points from the page's top left (the truth's coordinate system); the conversion to
reportlab's bottom-up system happens in exactly one place, :meth:`Flow._y`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from _samples.doc import SOFT, CheckboxTruth, clean
from _samples.fonts import register, width

Op = Callable[[Canvas], None]


@dataclass(frozen=True)
class Geometry:
    left: float = 70.0
    right: float = 55.0
    top: float = 60.0
    bottom: float = 65.0
    top_next: float | None = None  # top margin of continuation pages (below a running header)
    width: float = A4[0]
    height: float = A4[1]

    @property
    def content_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def x1(self) -> float:
        return self.width - self.right


def _splits(word: str, hyphenate: bool) -> list[tuple[str, str]]:
    """Ways to break ``word`` at a line end as (printed head, remaining tail), longest head first.

    Breaking at a soft hyphen prints an added "-"; breaking after a real hyphen keeps it
    ("Kita-" / "Neubau"), which is what the extractor has to tell apart.
    """
    options = []
    for i, char in enumerate(word):
        if char == SOFT and hyphenate:
            options.append((clean(word[:i]) + "-", word[i + 1 :]))
        elif char == "-" and 1 < i < len(word) - 2 and word[i + 1].isalpha():
            options.append((clean(word[: i + 1]), word[i + 1 :]))
    return options[::-1]


def wrap(
    text: str, font: str, size: float, max_width: float, hyphenate: bool = True
) -> list[list[str]]:
    """Greedy line breaking; returns the printed words of each line."""
    queue = text.split()
    lines: list[list[str]] = []
    current: list[str] = []
    while queue:
        word = queue.pop(0)
        if width(" ".join([*current, clean(word)]), font, size) <= max_width:
            current.append(clean(word))
            continue
        for head, tail in _splits(word, hyphenate):
            if len(clean(head)) >= 4 and width(" ".join([*current, head]), font, size) <= max_width:
                lines.append([*current, head])
                current = []
                queue.insert(0, tail)
                break
        else:
            if current:
                lines.append(current)
                current = []
                queue.insert(0, word)
            else:  # a single word wider than the line: let it overflow, as Word does
                current = [clean(word)]
    if current:
        lines.append(current)
    return lines


class Flow:
    def __init__(
        self, geometry: Geometry, decorate: Callable[[Flow, int, int], None] | None = None
    ) -> None:
        register()
        self.g = geometry
        self.pages: list[list[Op]] = [[]]
        self.y = geometry.top
        self.checkboxes: list[CheckboxTruth] = []
        # named places (page, bbox) that later stages need, e.g. write-in lines for scans
        self.anchors: dict[str, tuple[int, list[float]]] = {}
        self.decorate = decorate
        self._target: list[Op] = self.pages[-1]
        self._names = 0
        self.body_pages: int | None = None  # pages before the appended Anlagen, once begun

    # -- pagination ------------------------------------------------------------------------
    @property
    def page(self) -> int:
        return len(self.pages)

    @property
    def limit(self) -> float:
        return self.g.height - self.g.bottom

    def new_page(self) -> None:
        self.pages.append([])
        self._target = self.pages[-1]
        self.y = self.g.top_next if self.g.top_next is not None else self.g.top

    def appendix(self) -> None:
        """Start the Anlagen printed behind the document on a new page: the running headers
        and page numbers (``decorate``) cover only the pages before them, and count them."""
        if self.body_pages is None:
            self.body_pages = self.page
        self.new_page()

    def ensure(self, height: float) -> None:
        if self.y + height > self.limit:
            self.new_page()

    def gap(self, height: float) -> None:
        self.y += height

    # -- primitives (top-down coordinates) ---------------------------------------------------
    def _y(self, y: float) -> float:
        return self.g.height - y

    def add(self, op: Op) -> None:
        self._target.append(op)

    def text(
        self,
        x: float,
        baseline: float,
        s: str,
        font: str,
        size: float,
        align: str = "left",
        gray: float = 0.0,
    ) -> float:
        """Draw one line of text; returns its width."""
        s = clean(s)
        w = width(s, font, size)
        x0 = {"left": x, "right": x - w, "center": x - w / 2}[align]
        y = self._y(baseline)

        def op(c: Canvas) -> None:
            c.setFillGray(gray)
            c.setFont(font, size)
            c.drawString(x0, y, s)
            c.setFillGray(0)

        self.add(op)
        return w

    def words(
        self, x: float, baseline: float, words: list[str], font: str, size: float, spacing: float
    ) -> None:
        """Draw words one by one with a given gap (justified text)."""
        for word in words:
            self.text(x, baseline, word, font, size)
            x += width(word, font, size) + spacing

    def line(
        self, x0: float, y0: float, x1: float, y1: float, lw: float = 0.5, gray: float = 0.0
    ) -> None:
        a, b = self._y(y0), self._y(y1)

        def op(c: Canvas) -> None:
            c.setLineWidth(lw)
            c.setStrokeGray(gray)
            c.line(x0, a, x1, b)
            c.setStrokeGray(0)

        self.add(op)

    def rect(
        self,
        x0: float,
        top: float,
        x1: float,
        bottom: float,
        lw: float = 0.5,
        fill_gray: float | None = None,
        stroke: bool = True,
    ) -> None:
        y = self._y(bottom)

        def op(c: Canvas) -> None:
            c.setLineWidth(lw)
            if fill_gray is not None:
                c.setFillGray(fill_gray)
            c.rect(
                x0, y, x1 - x0, bottom - top, stroke=int(stroke), fill=int(fill_gray is not None)
            )
            c.setFillGray(0)

        self.add(op)

    def polyline(
        self, points: list[tuple[float, float]], lw: float = 0.8, curve: bool = False
    ) -> None:
        """A stroked path; with ``curve`` the points are start, control1, control2, end."""
        pts = [(x, self._y(y)) for x, y in points]

        def op(c: Canvas) -> None:
            c.setLineWidth(lw)
            c.setLineCap(1)
            c.setLineJoin(1)
            path = c.beginPath()
            path.moveTo(*pts[0])
            if curve:
                path.curveTo(*pts[1], *pts[2], *pts[3])
            else:
                for point in pts[1:]:
                    path.lineTo(*point)
            c.drawPath(path, stroke=1, fill=0)
            c.setLineCap(0)
            c.setLineJoin(0)

        self.add(op)

    def anchor(self, name: str, bbox: list[float]) -> None:
        self.anchors[name] = (self.page, bbox)

    def unique_name(self, stem: str) -> str:
        self._names += 1
        return f"{stem}{self._names}"

    def record(self, label: str, checked: bool, bbox: list[float], field: str | None) -> None:
        box = [round(v, 2) for v in bbox]
        self.checkboxes.append(CheckboxTruth(label, checked, self.page, box, field))

    # -- text blocks ----------------------------------------------------------------------------
    def paragraph(
        self,
        text: str,
        font: str,
        size: float,
        leading: float,
        *,
        x: float | None = None,
        max_width: float | None = None,
        justify: bool = False,
        hyphenate: bool = True,
        bullet: str | None = None,
        hang: float = 14.0,
        keep: bool = False,
    ) -> int:
        """Wrap and draw a paragraph, breaking pages between lines; returns the line count.

        ``keep`` moves the whole paragraph to the next page instead of splitting it (headings
        and short label blocks do this in real templates).
        """
        x = self.g.left if x is None else x
        max_width = self.g.content_width - (x - self.g.left) if max_width is None else max_width
        indent = hang if bullet else 0.0
        lines = wrap(text, font, size, max_width - indent, hyphenate)
        if keep:
            self.ensure(leading * len(lines))
        for index, line_words in enumerate(lines):
            self.ensure(leading)
            baseline = self.y + size
            if bullet and index == 0:
                self.text(x, baseline, bullet, font, size)
            last = index == len(lines) - 1
            if justify and not last and len(line_words) > 1:
                natural = width(" ".join(line_words), font, size)
                extra = (max_width - indent - natural) / (len(line_words) - 1)
                spacing = width(" ", font, size) + extra
                self.words(x + indent, baseline, line_words, font, size, spacing)
            else:
                self.text(x + indent, baseline, " ".join(line_words), font, size)
            self.y += leading
        return len(lines)

    # -- output -----------------------------------------------------------------------------------
    def render(self, path: Path, title: str) -> int:
        """Write the PDF (byte-stable thanks to ``invariant``); returns the page count."""
        total = self.body_pages or len(self.pages)
        if self.decorate is not None:
            for number in range(1, total + 1):
                self._target = self.pages[number - 1]
                self.decorate(self, number, total)
        canvas = Canvas(str(path), pagesize=(self.g.width, self.g.height), invariant=1)
        canvas.setTitle(title)
        canvas.setAuthor("vorlagenparser sample generator")
        for ops in self.pages:
            for op in ops:
                op(canvas)
            canvas.showPage()
        canvas.save()
        return len(self.pages)
