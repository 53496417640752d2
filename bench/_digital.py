"""Digital PDFs in process: our extraction next to pdfplumber and raw pypdfium2, same pages.

Runs are interleaved file by file (ours, pdfplumber, pypdfium2, then the next file), so load
from other processes falls on all three alike; each file counts with its fastest repeat.
Ours runs as in a batch worker: the module a worker pool's fork server imports comes first
(``vorlagenparser.batch.warm``: ``pipeline.warm_up()`` and the garbage collector's settings; a
one-shot ``extract`` instead counts the OCR decision's ink in plain Python, which spares it
loading OpenCV: see the start-up figures).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path

from _stages import STAGES, StageClock


@dataclass
class DigitalFigures:
    files: int = 0
    pages: int = 0
    ours_s: float = 0.0
    ours_first_s: float = 0.0  # each file's first run: memos hold only what earlier files left
    pdfplumber_s: float = 0.0
    pypdfium2_s: float = 0.0
    stages_s: dict[str, float] = field(default_factory=dict)

    def ms_per_page(self, seconds: float) -> float:
        return 1000 * seconds / max(1, self.pages)


def pdfplumber_words_and_graphics(path: Path) -> int:
    """What a pdfplumber user reads for this job: words with fonts, rects, lines and curves."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_words(x_tolerance=1.5, y_tolerance=2.5, extra_attrs=["fontname", "size"])
            _ = (page.rects, page.lines, page.curves)
        return len(pdf.pages)


def pypdfium2_text_with_boxes(path: Path) -> int:
    """The floor: PDFium's text and a box per character, nothing made of them."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        for page in pdf:
            textpage = page.get_textpage()
            count = textpage.count_chars()
            textpage.get_text_range()
            for index in range(count):
                textpage.get_charbox(index, loose=True)
            textpage.close()
            page.close()
        return len(pdf)
    finally:
        pdf.close()


def _ours(clock: StageClock) -> Callable[[Path], int]:
    from vorlagenparser.options import ExtractOptions
    from vorlagenparser.pipeline import extract

    options = ExtractOptions()
    import_module("vorlagenparser.batch.warm")  # what each batch worker is forked from

    def run(path: Path) -> int:
        vorlage = extract(path, options)
        started = time.perf_counter()
        vorlage.model_dump_json()
        clock.add("validate", time.perf_counter() - started)
        return vorlage.source.page_count

    return run


def _timed(function: Callable[[Path], int], path: Path) -> tuple[float, int]:
    started = time.perf_counter()
    pages = function(path)
    return time.perf_counter() - started, pages


def measure(files: Sequence[Path], repeat: int) -> DigitalFigures:
    figures = DigitalFigures(files=len(files))
    with StageClock() as clock:
        ours = _ours(clock)
        for warm in (ours, pdfplumber_words_and_graphics, pypdfium2_text_with_boxes):
            warm(files[0])  # imports, profile loading, first-call costs
        clock.take()
        stages = dict.fromkeys(STAGES, 0.0)
        for path in files:
            best: dict[str, float] = {}
            best_stages: dict[str, float] = {}
            for _ in range(repeat):
                for name, function in (("ours", ours), ("pdfplumber", pdfplumber_words_and_graphics),
                                       ("pypdfium2", pypdfium2_text_with_boxes)):
                    seconds, pages = _timed(function, path)
                    if name == "ours":
                        taken = clock.take()
                        if name not in best:
                            figures.ours_first_s += seconds
                        if seconds < best.get(name, float("inf")):
                            best_stages = taken
                    best[name] = min(best.get(name, float("inf")), seconds)
            figures.pages += pages
            figures.ours_s += best["ours"]
            figures.pdfplumber_s += best["pdfplumber"]
            figures.pypdfium2_s += best["pypdfium2"]
            for stage in STAGES:
                stages[stage] += best_stages.get(stage, 0.0)
        figures.stages_s = stages
    return figures


def report(f: DigitalFigures) -> list[str]:
    ours = f.ms_per_page(f.ours_s)
    plumber = f.ms_per_page(f.pdfplumber_s)
    stages = ", ".join(f"{s} {f.ms_per_page(f.stages_s[s]):.1f}" for s in STAGES)
    return [
        f"digital, in process: {f.files} files, {f.pages} pages (best of the repeats per file)",
        f"  ours                      {ours:7.1f} ms/page   ({stages})",
        f"  ours, each file's first run {f.ms_per_page(f.ours_first_s):5.1f} ms/page   (layout memos "
        f"hold only earlier files' phrases, as in a batch: {f.ours_first_s / f.pdfplumber_s:.2f}x)",
        f"  pdfplumber words+graphics {plumber:7.1f} ms/page",
        f"  raw pypdfium2 text+boxes  {f.ms_per_page(f.pypdfium2_s):7.1f} ms/page",
        f"  ours / pdfplumber         {ours / plumber:7.2f}x   (target <= 0.30x; layout <= load)",
    ]
