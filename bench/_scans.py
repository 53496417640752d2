"""Scans end to end next to Tesseract alone on the same page images.

Per document, interleaved: our extraction (in process, warm engine), then for each of its pages
the ``tesseract`` CLI as a shell script would run it (``OMP_THREAD_LIMIT=1 tesseract IMG out
-l deu tsv``) and raw tesserocr (one warm API: set the image, recognise, TSV). The page images
are the ones our OCR stage starts from: an image file's frames, a PDF's pages rendered at the
OCR resolution (prepared outside the timings, saved as PNG with their dpi for the CLI).
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from typing import Any

from _stages import STAGES, StageClock

_DETAIL = ("render", "tesseract", "osd")


@dataclass
class ScanFigures:
    files: int = 0
    pages: int = 0
    ours_s: float = 0.0
    cli_s: float = 0.0
    tesserocr_s: float = 0.0
    stages_s: dict[str, float] = field(default_factory=dict)
    recognitions: int = 0

    def ms_per_page(self, seconds: float) -> float:
        return 1000 * seconds / max(1, self.pages)


def page_images(path: Path) -> list[tuple[Any, int]]:
    """(grayscale image, dpi) per page, as the OCR stage receives them."""
    from vorlagenparser.load import open_document
    from vorlagenparser.load.render import render_pdf_pages
    from vorlagenparser.options import ExtractOptions

    options = ExtractOptions()
    doc = open_document(path, options)
    if doc.kind == "pdf":
        indices = [p.number - 1 for p in doc.pages]
        return [(img, options.dpi) for img in render_pdf_pages(doc.path, indices, options.dpi)]
    return [(p.image, round(p.image_scale * 72)) for p in doc.pages]


class RawTesserocr:
    """tesserocr as its README shows it, one API kept warm: the in-process floor."""

    def __init__(self) -> None:
        import tesserocr

        from vorlagenparser.ocr.tesseract import probe

        self.api = tesserocr.PyTessBaseAPI(path=f"{probe().tessdata}/", lang="deu",
                                           psm=tesserocr.PSM.AUTO)

    def __call__(self, image: Any, dpi: int) -> str:
        height, width = image.shape
        self.api.SetImageBytes(image.tobytes(), width, height, 1, width)
        self.api.SetSourceResolution(dpi)
        self.api.Recognize()
        tsv: str = self.api.GetTSVText(0)
        self.api.Clear()
        return tsv


def tesseract_cli(png: Path, out: Path) -> None:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    subprocess.run(["tesseract", str(png), str(out), "-l", "deu", "tsv"], check=True,
                   capture_output=True, env=env)


def _save_png(image: Any, dpi: int, path: Path) -> None:
    from PIL import Image

    Image.fromarray(image).save(path, dpi=(dpi, dpi))


def measure(files: Sequence[Path]) -> ScanFigures:
    from vorlagenparser.options import ExtractOptions
    from vorlagenparser.pipeline import extract

    options = ExtractOptions()
    figures = ScanFigures(files=len(files))
    raw = RawTesserocr()
    stages = dict.fromkeys((*STAGES, *_DETAIL), 0.0)
    import_module("vorlagenparser.batch.warm")  # as a batch worker: what it is forked from
    with StageClock() as clock, tempfile.TemporaryDirectory() as tmp:
        extract(files[0], options)  # warm: the engine loads its models once per process
        raw(*page_images(files[0])[0])
        clock.take()
        clock.calls.clear()
        for path in files:
            images = page_images(path)
            pngs = [Path(tmp) / f"page{i}.png" for i in range(len(images))]
            for (image, dpi), png in zip(images, pngs, strict=True):
                _save_png(image, dpi, png)
            clock.take()  # rendering the baseline's page images is not part of our time
            started = time.perf_counter()
            extract(path, options)
            figures.ours_s += time.perf_counter() - started
            for stage, seconds in clock.take().items():
                stages[stage] = stages.get(stage, 0.0) + seconds
            for (image, dpi), png in zip(images, pngs, strict=True):
                started = time.perf_counter()
                tesseract_cli(png, Path(tmp) / "out")
                figures.cli_s += time.perf_counter() - started
                started = time.perf_counter()
                raw(image, dpi)
                figures.tesserocr_s += time.perf_counter() - started
            figures.pages += len(images)
        figures.recognitions = clock.calls["tesseract"]
    figures.stages_s = stages
    return figures


def report(f: ScanFigures) -> list[str]:
    ours = f.ms_per_page(f.ours_s)
    cli, raw = f.ms_per_page(f.cli_s), f.ms_per_page(f.tesserocr_s)
    ms = {s: f.ms_per_page(v) for s, v in f.stages_s.items()}
    beside = ms["ocr"] - ms["render"] - ms["tesseract"] - ms["osd"]
    return [
        f"scans, end to end in process: {f.files} files, {f.pages} pages",
        f"  ours                      {ours:7.0f} ms/page   (load {ms['load']:.0f}, OCR stage "
        f"{ms['ocr']:.0f} = render {ms['render']:.0f} + tesseract {ms['tesseract']:.0f} + OSD "
        f"{ms['osd']:.0f} + ours {beside:.0f}; checkboxes {ms['checkboxes']:.0f}, layout "
        f"{ms['layout']:.0f}, validate {ms['validate']:.0f})",
        f"  tesseract calls per page  {f.recognitions / max(1, f.pages):7.2f}",
        f"  tesseract CLI             {cli:7.0f} ms/page   ratio ours / CLI {ours / cli:.2f}x "
        "(target <= 0.90x)",
        f"  raw tesserocr             {raw:7.0f} ms/page   ratio ours / tesserocr {ours / raw:.2f}x "
        "(target <= 1.15x)",
    ]
