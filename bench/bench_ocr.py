"""Benchmark and score the scanned-document path.

    python bench/bench_ocr.py timing   [--pages N] [--dpi 300]
    python bench/bench_ocr.py accuracy [--psm 3 4 6 11]

``timing`` takes the scan samples (and the scanned pages of ../shared/realworld when present),
runs ``prepare_document`` with the production engine wrapped in a stopwatch, and the raw
``tesseract`` CLI on the same images saved as PNG. Our overhead is everything in the OCR stage
that is not tesseract (image analysis, orientation, skew, warp, conversion), as a share of the
time tesseract itself needs; the target is at most 15 %.

``accuracy`` scores raster checkboxes (truth boxes matched by centre distance, then checked vs
empty) and OCR token recall on the typed truth fields, for each page segmentation mode given.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cv2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from vorlagenparser.checkboxes.raster import detect_raster  # noqa: E402
from vorlagenparser.load import open_document  # noqa: E402
from vorlagenparser.load.render import render_pdf_page  # noqa: E402
from vorlagenparser.ocr import prepare_document  # noqa: E402
from vorlagenparser.ocr import tesseract as tess  # noqa: E402
from vorlagenparser.ocr.engine import OcrEngine, OcrWord  # noqa: E402
from vorlagenparser.options import ExtractOptions  # noqa: E402
from vorlagenparser.pagemodel import Document, GrayImage, Page  # noqa: E402

SCANS = ROOT / "samples" / "scans"
REALWORLD = ROOT.parent / "shared" / "realworld"
MIXED = REALWORLD / "erlangen_stbr_stellungnahme_bv_oe23_mixedscan.pdf"


@dataclass
class Stopwatch:
    """An OcrEngine proxy that adds up the time spent inside tesseract."""

    inner: OcrEngine
    recognise_s: float = 0.0
    orientation_s: float = 0.0
    calls: int = 0

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def version(self) -> str:
        return self.inner.version

    @property
    def languages(self) -> str:
        return self.inner.languages

    def recognise(self, image: GrayImage, dpi: int, *,
                  timeout_s: float | None = None) -> list[OcrWord]:
        started = time.perf_counter()
        try:
            return self.inner.recognise(image, dpi, timeout_s=timeout_s)
        finally:
            self.recognise_s += time.perf_counter() - started
            self.calls += 1

    def orientation(self, image: GrayImage) -> tuple[int, float]:
        started = time.perf_counter()
        try:
            return self.inner.orientation(image)
        finally:
            self.orientation_s += time.perf_counter() - started


# --- timing --------------------------------------------------------------------------------

def _image_documents(limit: int, dpi: int) -> list[Document]:
    """Single-page image documents: every scan sample page, plus the mixed PDF's scans."""
    options = ExtractOptions(dpi=dpi)
    docs: list[Document] = []
    for path in sorted(SCANS.glob("scan_*")):
        if path.suffix == ".json":
            continue
        doc = open_document(str(path), options)
        if doc.kind == "pdf":  # render the image-only PDF once, outside the timed part
            doc = _as_image_doc(doc, [render_pdf_page(doc.path, p.number - 1, dpi)
                                      for p in doc.pages], dpi)
        docs.extend(doc.with_pages([p]) for p in doc.pages)
    if MIXED.exists():
        images = [render_pdf_page(str(MIXED), i, dpi) for i in range(1, 5)]
        base = Document(path=str(MIXED), filename=MIXED.name, sha256="0" * 64, pages=())
        docs.extend(_as_image_doc(base, [img], dpi) for img in images)
    return docs[:limit]


def _as_image_doc(doc: Document, images: list[GrayImage], dpi: int) -> Document:
    scale = dpi / 72
    pages = tuple(Page(number=i, width=img.shape[1] / scale, height=img.shape[0] / scale,
                       method="ocr", image=img, image_scale=scale)
                  for i, img in enumerate(images, start=1))
    return Document(path=doc.path, filename=doc.filename, sha256=doc.sha256, pages=pages,
                    kind="image")


def _raw_cli(image: GrayImage, dpi: int, psm: int, folder: Path) -> float:
    """Seconds for `tesseract page.png out --psm N -l deu tsv` (what a shell script would do)."""
    png = folder / "page.png"
    cv2.imwrite(str(png), image)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    started = time.perf_counter()
    subprocess.run(["tesseract", str(png), str(folder / "out"), "--dpi", str(dpi), "--psm",
                    str(psm), "-l", "deu", "tsv"], check=True, capture_output=True, env=env)
    return time.perf_counter() - started


def timing(args: argparse.Namespace) -> None:
    options = ExtractOptions(dpi=args.dpi)
    engine = Stopwatch(tess.create_engine("deu", psm=args.psm[0]))
    docs = _image_documents(args.pages, args.dpi)
    prepare_document(docs[0], options, engine)  # warm up: model load, first-call costs
    engine.recognise_s = engine.orientation_s = 0.0
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for doc in docs:
            page = doc.pages[0]
            assert page.image is not None
            rec0, osd0 = engine.recognise_s, engine.orientation_s
            started = time.perf_counter()
            (done,) = prepare_document(doc, options, engine).pages
            total = time.perf_counter() - started
            rec, osd = engine.recognise_s - rec0, engine.orientation_s - osd0
            raw = _raw_cli(page.image, round(page.image_scale * 72), args.psm[0], Path(tmp))
            rows.append((f"{Path(doc.path).name}:{page.number}", page.image.shape, total, rec,
                         osd, raw, done.rotation, done.skew_degrees))
    _print_timing(rows)


def _print_timing(rows: list[tuple[Any, ...]]) -> None:
    print(f"{'page':44} {'size':>11} {'total':>7} {'tess':>7} {'osd':>6} {'ours':>6} "
          f"{'raw CLI':>8} {'rot':>4} {'skew':>6}")
    for name, shape, total, rec, osd, raw, rot, skew in rows:
        ours = total - rec - osd
        print(f"{name:44} {shape[1]:>5}x{shape[0]:<5} {total * 1000:7.0f} {rec * 1000:7.0f} "
              f"{osd * 1000:6.0f} {ours * 1000:6.0f} {raw * 1000:8.0f} {rot:4d} {skew:6.2f}")
    total = sum(r[2] for r in rows)
    rec = sum(r[3] for r in rows)
    osd = sum(r[4] for r in rows)
    raw = sum(r[5] for r in rows)
    n = len(rows)
    print(f"\n{n} pages: pipeline {total / n * 1000:.0f} ms/page (tesseract recognition "
          f"{rec / n * 1000:.0f}, OSD {osd / n * 1000:.0f}, ours {(total - rec - osd) / n * 1000:.0f})"
          f"; raw tesseract CLI {raw / n * 1000:.0f} ms/page")
    print(f"our overhead: {(total - rec - osd) / rec:.1%} of recognition time "
          f"(with OSD: {(total - rec) / rec:.1%}); pipeline vs raw CLI: {total / raw:.2f}×")


# --- accuracy ------------------------------------------------------------------------------

@dataclass
class Score:
    truth: int = 0
    found: int = 0
    state_ok: int = 0
    false: int = 0
    tokens: int = 0
    tokens_hit: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)


def _fields(truth: dict[str, Any]) -> list[str]:
    """Every printed truth text: typed fields, long texts, table cells, names, attachments."""
    keys = ("vorlagennummer", "aktenzeichen", "betreff", "federfuehrung", "beschlussvorschlag",
            "begruendung", "finanzielle_auswirkungen")
    values: list[Any] = [truth.get(k) for k in keys]
    values.extend(e.get(k) for e in truth.get("beratungsfolge", []) for k in ("gremium", "top"))
    values.extend(truth.get("anlagen", []))
    values.append((truth.get("unterzeichnung") or {}).get("name"))
    return [v for v in values if isinstance(v, str) and v]


def _norm(token: str) -> str:
    return re.sub(r"[^\w./-]", "", token.lower()).strip(".")


def _score_doc(path: Path, truth: dict[str, Any], psm: int, score: Score) -> None:
    options = ExtractOptions()
    engine = tess.create_engine("deu", psm=psm)
    started = time.perf_counter()
    doc = prepare_document(open_document(str(path), options), options, engine)
    score.seconds += time.perf_counter() - started
    # Multiset recall: each truth token must be matched by its own OCR word.
    words = Counter(_norm(w.text) for p in doc.pages for w in p.words)
    for value in _fields(truth):
        for token in filter(None, (_norm(t) for t in value.split())):
            score.tokens += 1
            if words[token] > 0:
                words[token] -= 1
                score.tokens_hit += 1
    marks = {p.number: [(p.to_original(m.bbox), m) for m in detect_raster(p)] for p in doc.pages}
    used: set[int] = set()
    for box in truth.get("checkboxes", []):
        score.truth += 1
        x0, top, x1, bottom = box["bbox"]
        cx, cy, side = (x0 + x1) / 2, (top + bottom) / 2, min(x1 - x0, bottom - top)
        near = [(abs(b.cx - cx) + abs(b.cy - cy), id(m), m) for b, m in marks.get(box["page"], [])
                if abs(b.cx - cx) <= max(4.0, side / 2) and abs(b.cy - cy) <= max(4.0, side / 2)]
        if not near:
            score.misses.append(f"{path.name} p{box['page']} missed {box['label']!r}")
            continue
        _, key, mark = min(near, key=lambda n: n[0])
        used.add(key)
        score.found += 1
        if mark.checked == box["checked"]:
            score.state_ok += 1
        else:
            score.misses.append(f"{path.name} p{box['page']} {box['label']!r}: "
                                f"{mark.checked} (conf {mark.confidence}) but truth {box['checked']}")
    extra = [m for ms in marks.values() for _, m in ms if id(m) not in used]
    score.false += len(extra)
    for page, ms in marks.items():
        for b, m in ms:
            if id(m) not in used:
                score.misses.append(f"{path.name} p{page} false box at "
                                    f"{[round(v) for v in b.as_list()]}")


def accuracy(args: argparse.Namespace) -> None:
    for psm in args.psm:
        score = Score()
        for truth_path in sorted(SCANS.glob("*.truth.json")):
            stem = truth_path.name.removesuffix(".truth.json")
            paths = [p for p in SCANS.glob(stem + ".*") if not p.name.endswith(".json")]
            if len(paths) != 1:
                print(f"    skipped {stem}: {len(paths)} input files")
                continue
            _score_doc(paths[0], json.loads(truth_path.read_text("utf-8")), psm, score)
        print(f"psm {psm}: checkboxes found {score.found}/{score.truth}, state right "
              f"{score.state_ok}/{score.found}, false boxes {score.false}; field token recall "
              f"{score.tokens_hit}/{score.tokens} = {score.tokens_hit / max(1, score.tokens):.1%}; "
              f"OCR {score.seconds:.1f} s")
        for line in score.misses:
            print("   ", line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=["timing", "accuracy"])
    parser.add_argument("--pages", type=int, default=12)
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--psm", type=int, nargs="+", default=[tess.DEFAULT_PSM])
    args = parser.parse_args()
    timing(args) if args.mode == "timing" else accuracy(args)


if __name__ == "__main__":
    main()
