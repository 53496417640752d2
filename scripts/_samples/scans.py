"""Scanned variants: rasterise digital samples, mark and degrade them, save as image files.

Each recorded checkbox travels with the raster as its four corners in pixels; every geometric
step (skew, 180° turn) transforms the corners with the same matrix as the image, so the truth
bbox is exact in the saved image: [x0, top, x1, bottom] = pixel bbox × 72 / dpi.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import io
import random
import re
import tempfile
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pypdfium2 as pdfium
from PIL import Image

from _samples import handmarks, layout_typewriter, layout_typewriter76, photo
from _samples.common import Rendered
from _samples.doc import CheckboxTruth
from _samples.truth import truth_of


@dataclass
class Sheet:
    image: np.ndarray  # uint8 greyscale (RGB only after the last step, "photo")
    boxes: list[tuple[CheckboxTruth, np.ndarray]]  # truth, 4×2 corners in pixels


@dataclass(frozen=True)
class ScanSpec:
    name: str
    source: tuple[str, int]  # (layout folder, index) — "typewriter" is generated on the fly
    dpi: int
    steps: tuple[str, ...]
    fmt: str  # png | jpg | tif | pdf
    notes: str
    hand: dict[str, Any] = field(default_factory=dict)
    quality: int = 40  # JPEG quality (jpg, and a pdf of JPEG images)
    pdf_images: str = "ccitt"  # pdf: "ccitt" (bilevel, like a fax) or "jpeg" (greyscale)


SCANS = [
    ScanSpec(
        "scan_01_frankenthal_clean",
        ("frankenthal", 0),
        300,
        (),
        "png",
        "clean 300 dpi greyscale PNG",
    ),
    ScanSpec(
        "scan_02_ris_degraded",
        ("ris_tabelle", 0),
        200,
        ("rotate:1.7", "shade", "blur:0.7", "noise:9"),
        "jpg",
        "200 dpi, skewed 1.7°, uneven light, blur, noise, JPEG q40; glyph boxes as raster",
    ),
    ScanSpec(
        "scan_03_drucksache_fax",
        ("drucksache", 0),
        200,
        ("rotate:-0.6", "blur:0.5", "binarise:150", "speckle:500"),
        "pdf",
        "fax-like: binarised 200 dpi CCITT image in an image-only PDF",
    ),
    ScanSpec(
        "scan_04_frankenthal_multipage",
        ("frankenthal", 1),
        200,
        ("rotate:rand:1.2", "blur:0.4"),
        "tif",
        "multi-page greyscale TIFF (3 pages, each skewed differently)",
    ),
    ScanSpec(
        "scan_05_formular_upside_down",
        ("formular", 0),
        200,
        ("rotate:0.4", "rotate180"),
        "png",
        "AcroForm sample printed and scanned upside down (180°); bboxes in the saved image",
    ),
    ScanSpec(
        "scan_06_typewriter_hand",
        ("typewriter", 0),
        300,
        ("hand", "rotate:-0.9", "blur:0.5"),
        "png",
        "typewriter form, two boxes ticked by hand (tick, cross), signature scribble",
        {"marks": {"einstimmig": "tick", "lt. Beschlußvorschlag": "cross"}},
    ),
    ScanSpec(
        "scan_07_typewriter_hand_degraded",
        ("typewriter", 1),
        200,
        ("hand", "rotate:2.6", "shade", "blur:0.8", "noise:10"),
        "jpg",
        "typewriter form, scribbled and filled boxes, handwritten vote counts, JPEG q40",
        {
            "marks": {"mit Stimmenmehrheit": "scribble", "abweichender Beschluß": "filled"},
            "counts": {"Ja": 17, "Nein": 9, "Enthaltungen": 2},
        },
    ),
    ScanSpec(
        "scan_08_antrag_degraded",
        ("antrag", 0),
        200,
        ("rotate:-2.9", "shade", "blur:0.6", "noise:8"),
        "jpg",
        "letter-form Antrag, skewed 2.9°, uneven light, JPEG q40",
    ),
    ScanSpec(
        "scan_09_kreis_einladung_clean",
        ("kreis_einladung", 1),
        300,
        ("hand",),
        "png",
        "clean 300 dpi PNG of the two-column Kreistag form; small ▢ glyph boxes as raster, "
        "first grid row ticked by hand (tick, cross) while the second row stays blank",
        {
            "marks": {
                "beratungsergebnis[0].einstimmig": "tick",
                "beratungsergebnis[0].laut_beschlussvorschlag": "cross",
            }
        },
    ),
    ScanSpec(
        "scan_10_gemeinde_bw_hand_degraded",
        ("gemeinde_bw", 1),
        200,
        ("hand", "rotate:1.4", "shade", "blur:0.6", "noise:8"),
        "jpg",
        "BW Sitzungsvorlage, blank stamp ticked by hand (tick, cross), handwritten counts and "
        "signature, skewed 1.4°, uneven light, JPEG q40",
        {
            "marks": {"mehrheitlich": "tick", "wie Antrag": "cross"},
            "counts": {"Ja": 11, "Nein": 4, "Enthaltungen": 2},
        },
    ),
    ScanSpec(
        "scan_11_buergerschaft_fax",
        ("buergerschaft", 1),
        200,
        ("rotate:0.8", "blur:0.5", "binarise:150", "speckle:400"),
        "pdf",
        "fax-like single page: binarised 200 dpi CCITT image of a Hamburg Antrag, no boxes",
    ),
    ScanSpec(
        "scan_12_nrw_vorlage_clean",
        ("nrw_vorlage", 1),
        300,
        (),
        "png",
        "clean 300 dpi greyscale PNG of a one-page NRW Mitteilungsvorlage: finance boxes drawn "
        "as line segments in a ruled table, grey Betreff bar, blank word-result table",
    ),
    ScanSpec(
        "scan_13_schweiz_degraded",
        ("schweiz", 2),
        200,
        ("rotate:-1.3", "shade", "blur:0.6", "noise:9"),
        "jpg",
        "Swiss Bericht und Antrag (no ß), 200 dpi, skewed -1.3°, uneven light, blur, noise, "
        "JPEG q40; no boxes",
    ),
    ScanSpec(
        "scan_14_schweiz_rotated90",
        ("schweiz", 1),
        200,
        ("rotate:0.5", "rotate90"),
        "png",
        "Swiss Botschaft scanned as landscape: the portrait page is turned 90° clockwise in "
        "the image (rotation 90 = the content is rotated 90° clockwise; turn the image 90° "
        "counter-clockwise to read it); bboxes would be in the saved landscape image",
    ),
    ScanSpec(
        "scan_15_typewriter76_rotated",
        ("typewriter76", 0),
        150,
        ("hand", "rotate:-0.8", "blur:0.6", "speckle:300", "rotate270"),
        "png",
        "1976 typewritten Kreis Beschlußvorlage, low resolution 150 dpi, landscape scan of a "
        "portrait page turned 90° counter-clockwise (rotation 270 = content rotated 270° "
        "clockwise; turn the image 90° clockwise to read it); two stamp boxes ticked by hand "
        "(tick, cross), signature scribble; bboxes in the saved landscape image",
        {"marks": {"einstimmig": "tick", "wie vorgeschlagen": "cross"}},
    ),
    ScanSpec(
        "scan_16_at_amtsbericht_photo",
        ("at_amtsbericht", 2),
        200,
        ("hand", "photo"),
        "jpg",
        "phone photo of the one-page Austrian Amtsbericht lying on a desk (perspective, lamp "
        "light, colour), its blank result blocks filled in by hand: glyph boxes ticked and "
        "crossed, TOP and votes written on the lines, signature; bboxes in the photo",
        {
            "marks": {
                "beratungsergebnis[0].einstimmig": "tick",
                "beratungsergebnis[0].laut_beschlussvorschlag": "tick",
                "beratungsergebnis[1].kenntnisnahme": "cross",
            },
            "write": {
                "beratungsergebnis[0].top": "16",
                "beratungsergebnis[0].ja_stimmen": 11,
                "beratungsergebnis[0].nein_stimmen": 0,
                "beratungsergebnis[0].enthaltungen": 0,
                "beratungsergebnis[1].top": "11",
            },
        },
        quality=85,
    ),
    ScanSpec(
        "scan_17_lra_sitzungsvorlage_fax",
        ("lra_sitzungsvorlage", 2),
        200,
        ("hand", "rotate:0.7", "blur:0.6", "binarise:150", "speckle:500"),
        "pdf",
        "fax-like: binarised 200 dpi CCITT image of a Saxon Beschlussvorlage whose blank result "
        "grid was filled in by hand (small ☐ glyphs in the cells crossed and ticked, TOP and "
        "votes written into their cells)",
        {
            "marks": {
                "beratungsergebnis[0].nichtoeffentlich": "cross",
                "beratungsergebnis[0].einstimmig": "cross",
                "beratungsergebnis[0].laut_beschlussvorschlag": "cross",
                "beratungsergebnis[1].oeffentlich": "tick",
                "beratungsergebnis[1].mit_stimmenmehrheit": "tick",
                "beratungsergebnis[1].laut_beschlussvorschlag": "tick",
            },
            "write": {
                "beratungsergebnis[0].top": "7",
                "beratungsergebnis[0].ja_stimmen": 15,
                "beratungsergebnis[0].nein_stimmen": 0,
                "beratungsergebnis[0].enthaltungen": 0,
                "beratungsergebnis[1].top": "12",
                "beratungsergebnis[1].ja_stimmen": 71,
                "beratungsergebnis[1].nein_stimmen": 9,
                "beratungsergebnis[1].enthaltungen": 3,
            },
        },
    ),
    ScanSpec(
        "scan_18_ch_antrag_photo",
        ("ch_antrag", 2),
        200,
        ("hand", "photo"),
        "jpg",
        "phone photo of a one-page Swiss Antrag whose blank Beschluss grid was filled in by "
        "hand: three boxes crossed, meeting date, Traktandum and votes written on the lines and "
        "into the vote boxes; bboxes in the photo",
        {
            "marks": {
                "beratungsergebnis[0].oeffentlich": "cross",
                "beratungsergebnis[0].mit_stimmenmehrheit": "cross",
                "beratungsergebnis[0].laut_beschlussvorschlag": "cross",
            },
            "write": {
                "beratungsergebnis[0].sitzung_am": dt.date(2024, 3, 21),
                "beratungsergebnis[0].top": "4",
                "beratungsergebnis[0].ja_stimmen": 88,
                "beratungsergebnis[0].nein_stimmen": 12,
                "beratungsergebnis[0].enthaltungen": 4,
            },
        },
        quality=85,
    ),
    ScanSpec(
        "scan_19_nrw_drucksache_degraded",
        ("nrw_drucksache", 2),
        200,
        ("hand", "rotate:rand:2.2", "shade", "blur:0.7", "noise:6"),
        "pdf",
        "office-scanner PDF of greyscale JPEG pages (q40), 4 pages (the Vorlage and its two "
        "Anlagen), each skewed up to 2.2°, uneven light, blur, noise; the blank result frames "
        "ticked by hand, meeting dates, TOP and votes written on the lines",
        {
            "marks": {
                "beratungsergebnis[0].einstimmig": "tick",
                "beratungsergebnis[0].laut_beschlussvorschlag": "tick",
                "beratungsergebnis[1].mit_stimmenmehrheit": "tick",
                "beratungsergebnis[1].abweichender_beschluss": "cross",
            },
            "write": {
                "beratungsergebnis[0].sitzung_am": dt.date(2024, 10, 22),
                "beratungsergebnis[0].top": "6",
                "beratungsergebnis[1].sitzung_am": dt.date(2024, 11, 7),
                "beratungsergebnis[1].top": "14",
                "beratungsergebnis[1].ja_stimmen": 31,
                "beratungsergebnis[1].nein_stimmen": 12,
                "beratungsergebnis[1].enthaltungen": 2,
            },
        },
        pdf_images="jpeg",
    ),
    ScanSpec(
        "scan_21_nrw_drucksache_photo",
        ("nrw_drucksache", 1),
        200,
        ("photo",),
        "jpg",
        "phone photo of a one-page NRW Mitteilungsvorlage (printed result, ✔ in drawn boxes, "
        "☐/☑ glyphs) lying on a desk; bboxes in the photo",
        quality=85,
    ),
]
COUNT_FIELDS = {"Ja": "ja_stimmen", "Nein": "nein_stimmen", "Enthaltungen": "enthaltungen"}
FIELD_PATH = re.compile(r"beratungsergebnis\[(\d+)\]\.(\w+)")


@dataclass
class ScanResult:
    path: Path
    truth: dict[str, Any]


def rasterise(result: Rendered, dpi: int) -> list[Sheet]:
    scale = dpi / 72
    pdf = pdfium.PdfDocument(str(result.path))
    pdf.init_forms()  # AcroForm widgets are only drawn with the form environment loaded
    sheets = []
    for number in range(len(pdf)):
        bitmap = pdf[number].render(scale=scale, grayscale=True, may_draw_forms=True)
        array = bitmap.to_numpy()
        image = np.ascontiguousarray(array.reshape(array.shape[0], array.shape[1], -1)[:, :, 0])
        boxes = []
        for box in result.boxes:
            if box.page == number + 1:
                x0, top, x1, bottom = (v * scale for v in box.bbox)
                corners = np.array([[x0, top], [x1, top], [x1, bottom], [x0, bottom]])
                boxes.append((copy.deepcopy(box), corners))
        sheets.append(Sheet(image.copy(), boxes))
    pdf.close()
    return sheets


def _rotate(sheet: Sheet, angle: float) -> Sheet:
    h, w = sheet.image.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    image = cv2.warpAffine(sheet.image, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)
    moved = [(t, np.hstack([c, np.ones((4, 1))]) @ matrix.T) for t, c in sheet.boxes]
    return Sheet(image, moved)


def _rotate180(sheet: Sheet) -> Sheet:
    h, w = sheet.image.shape
    moved = [(t, np.column_stack([w - c[:, 0], h - c[:, 1]])) for t, c in sheet.boxes]
    return Sheet(np.ascontiguousarray(sheet.image[::-1, ::-1]), moved)


def _rotate90(sheet: Sheet, clockwise: bool) -> Sheet:
    """Turn the page by a quarter: the saved image is landscape, the boxes move with it."""
    h, w = sheet.image.shape
    if clockwise:
        moved = [(t, np.column_stack([h - c[:, 1], c[:, 0]])) for t, c in sheet.boxes]
        image = np.rot90(sheet.image, k=-1)
    else:
        moved = [(t, np.column_stack([c[:, 1], w - c[:, 0]])) for t, c in sheet.boxes]
        image = np.rot90(sheet.image, k=1)
    return Sheet(np.ascontiguousarray(image), moved)


def _shade(image: np.ndarray, rng: random.Random) -> np.ndarray:
    """Uneven illumination: a linear falloff in a random direction plus a darker corner."""
    h, w = image.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    angle = rng.uniform(0, 2 * np.pi)
    ramp = np.cos(angle) * xx / w + np.sin(angle) * yy / h
    ramp = (ramp - ramp.min()) / (ramp.max() - ramp.min())
    cx, cy = rng.choice([(0, 0), (w, 0), (0, h), (w, h)])
    corner = np.exp(-(((xx - cx) / w) ** 2 + ((yy - cy) / h) ** 2) * 4)
    light = 1.0 - 0.2 * ramp - 0.12 * corner
    shaded: np.ndarray = np.clip(image.astype(np.float32) * light, 0, 255).astype(np.uint8)
    return shaded


def _noise(image: np.ndarray, sigma: float, seed: int) -> np.ndarray:
    noise = np.random.default_rng(seed).normal(0, sigma, image.shape)
    return np.clip(image.astype(np.float32) + noise, 0, 255).astype(np.uint8)


def _speckle(image: np.ndarray, count: int, seed: int) -> np.ndarray:
    gen = np.random.default_rng(seed)
    out = image.copy()
    ys = gen.integers(0, image.shape[0], count)
    xs = gen.integers(0, image.shape[1], count)
    out[ys, xs] = 0
    return out


def _hand(
    sheet: Sheet,
    page: int,
    spec: ScanSpec,
    result: Rendered,
    doc_fields: dict[str, Any],
    rng: random.Random,
) -> None:
    """Tick the named boxes with pen marks and write counts on the write-in lines."""
    scale = spec.dpi / 72
    marks = spec.hand.get("marks", {})
    for truth, corners in sheet.boxes:
        # a mark is named by the box's field path (a grid repeats its labels in every row)
        # or by its label
        kind = marks.get(truth.field) if truth.field in marks else marks.get(truth.label)
        if kind:
            (x0, top), (x1, bottom) = corners.min(axis=0), corners.max(axis=0)
            box = (float(x0), float(top), float(x1), float(bottom))
            handmarks.MARKS[kind](sheet.image, box, rng, spec.dpi)
            truth.checked = True
            if truth.field:
                doc_fields[truth.field] = True
    for label, value in spec.hand.get("counts", {}).items():
        anchor_page, bbox = result.anchors[label]
        if anchor_page != page:
            continue
        handmarks.handwrite(sheet.image, str(value), _pixels(bbox, scale), rng, spec.dpi)
        doc_fields[f"beratungsergebnis[0].{COUNT_FIELDS[label]}"] = value
    # "write": values written by hand on a field's write-in line, the layout's anchor named
    # by the field path ("beratungsergebnis[1].top"); a date is written short ("21.3.24")
    for path, value in spec.hand.get("write", {}).items():
        anchor_page, bbox = result.anchors[path]
        if anchor_page != page:
            continue
        text = f"{value.day}.{value.month}.{value.year % 100:02d}" if isinstance(
            value, dt.date) else str(value)
        handmarks.handwrite(sheet.image, text, _pixels(bbox, scale), rng, spec.dpi)
        doc_fields[path] = value
    if "signature" in result.anchors and result.anchors["signature"][0] == page:
        _, bbox = result.anchors["signature"]
        handmarks.signature(sheet.image, _pixels(bbox, scale), rng, spec.dpi)


def _pixels(bbox: list[float], scale: float) -> handmarks.Box:
    x0, top, x1, bottom = (v * scale for v in bbox)
    return (x0, top, x1, bottom)


def _apply(
    sheet: Sheet, page: int, step: str, spec: ScanSpec, result: Rendered, doc_fields: dict[str, Any]
) -> Sheet:
    seed = hash_seed(spec.name, page, step)
    rng = random.Random(seed)
    name, _, arg = step.partition(":")
    if name == "rotate":
        angle = (
            rng.uniform(-float(arg[5:]), float(arg[5:])) if arg.startswith("rand:") else float(arg)
        )
        return _rotate(sheet, angle)
    if name == "rotate180":
        return _rotate180(sheet)
    if name in ("rotate90", "rotate270"):
        return _rotate90(sheet, clockwise=name == "rotate90")
    if name == "hand":
        _hand(sheet, page, spec, result, doc_fields, rng)
        return sheet
    if name == "photo":
        if step != spec.steps[-1]:
            raise ValueError(f"{spec.name}: the photo (an RGB frame) must be the last step")
        image, matrix = photo.photograph(sheet.image, rng, seed)
        return Sheet(image, [(t, photo.move_corners(c, matrix)) for t, c in sheet.boxes])
    image = sheet.image
    if name == "shade":
        image = _shade(image, rng)
    elif name == "blur":
        image = cv2.GaussianBlur(image, (0, 0), float(arg))
    elif name == "noise":
        image = _noise(image, float(arg), seed)
    elif name == "binarise":
        image = np.where(image > int(arg), 255, 0).astype(np.uint8)
    elif name == "speckle":
        image = _speckle(image, int(arg), seed)
    else:
        raise ValueError(f"unknown scan step {step!r}")
    return Sheet(image, sheet.boxes)


def _save(sheets: list[Sheet], spec: ScanSpec, path: Path) -> None:
    images = [Image.fromarray(s.image, mode="L" if s.image.ndim == 2 else "RGB") for s in sheets]
    dpi = (spec.dpi, spec.dpi)
    if spec.fmt == "png":
        images[0].save(path, dpi=dpi, optimize=True)
    elif spec.fmt == "jpg":
        images[0].save(path, quality=spec.quality, dpi=dpi)
    elif spec.fmt == "tif":
        images[0].save(
            path, save_all=True, append_images=images[1:], compression="tiff_deflate", dpi=dpi
        )
    elif spec.fmt == "pdf":
        # Bilevel images go in as CCITT G4 like a fax, greyscale ones as JPEG like an office
        # scanner's PDF; fixed dates keep the file byte-stable.
        buf = io.BytesIO()
        if spec.pdf_images == "ccitt":
            pages = [im.convert("1", dither=Image.Dither.NONE) for im in images]
            extra: dict[str, Any] = {}
        elif spec.pdf_images == "jpeg":
            pages, extra = images, {"quality": spec.quality}
        else:
            raise ValueError(spec.pdf_images)
        pages[0].save(
            buf,
            format="PDF",
            resolution=spec.dpi,
            save_all=True,
            append_images=pages[1:],
            creationDate="D:20240101000000Z",
            modDate="D:20240101000000Z",
            producer="vorlagenparser sample generator",
            **extra,
        )
        path.write_bytes(buf.getvalue())
    else:
        raise ValueError(spec.fmt)
    if len(sheets) > 1 and spec.fmt not in ("tif", "pdf"):
        raise ValueError(f"{spec.name}: {spec.fmt} holds one page, source has {len(sheets)}")


def _box_truth(sheets: list[Sheet], dpi: int) -> list[CheckboxTruth]:
    boxes = []
    for sheet in sheets:
        h, w = sheet.image.shape[:2]
        for truth, corners in sheet.boxes:
            x0, top = np.clip(corners.min(axis=0), 0, [w, h])
            x1, bottom = np.clip(corners.max(axis=0), 0, [w, h])
            bbox = [round(float(v) * 72 / dpi, 2) for v in (x0, top, x1, bottom)]
            boxes.append(dataclasses.replace(truth, bbox=bbox))
    return boxes


def make_scan(spec: ScanSpec, result: Rendered, out_dir: Path, source_name: str) -> ScanResult:
    sheets = rasterise(result, spec.dpi)
    doc = copy.deepcopy(result.doc)
    doc_fields: dict[str, Any] = {}
    for index, sheet in enumerate(sheets):
        for step in spec.steps:
            sheet = _apply(sheet, index + 1, step, spec, result, doc_fields)
        sheets[index] = sheet
    for field_path, value in doc_fields.items():
        match = FIELD_PATH.fullmatch(field_path)
        if match is None:
            raise ValueError(f"{spec.name}: a hand mark on {field_path!r} maps to no result field")
        setattr(doc.ergebnisse[int(match.group(1))], match.group(2), value)
    path = out_dir / f"{spec.name}.{spec.fmt}"
    _save(sheets, spec, path)
    sample = {
        "layout": result.layout,
        "kind": "scan",
        "notes": spec.notes,
        "source": source_name,
        "dpi": spec.dpi,
        "rotation": _rotation(spec.steps),
    }
    return ScanResult(path, truth_of(doc, _box_truth(sheets, spec.dpi), sample))


def _rotation(steps: tuple[str, ...]) -> int:
    """Quarter turns of the content in the saved image, clockwise (skew angles aside)."""
    for step, degrees in (("rotate180", 180), ("rotate90", 90), ("rotate270", 270)):
        if step in steps:
            return degrees
    return 0


def hash_seed(*parts: object) -> int:
    """A stable seed (Python's hash() is salted per process)."""
    return random.Random("/".join(map(str, parts))).randrange(2**31)


# Layouts that exist only as scans: generated on the fly, their PDFs not kept.
SCAN_ONLY: dict[str, Callable[[Path], list[Rendered]]] = {
    "typewriter": layout_typewriter.generate,
    "typewriter76": layout_typewriter76.generate,
}


def specs_for(layouts: Collection[str] | None) -> list[ScanSpec]:
    """The scans made from ``layouts`` (all of them for None)."""
    return [s for s in SCANS if layouts is None or s.source[0] in layouts]


def generate(
    out_dir: Path, digital: dict[str, list[Rendered]], layouts: Collection[str] | None = None
) -> list[ScanResult]:
    """The scans of :data:`SCANS` whose source layout is in ``layouts`` (all for None)."""
    results = []
    scan_only: dict[str, list[Rendered]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for spec in specs_for(layouts):
            layout, index = spec.source
            if layout in SCAN_ONLY:
                if layout not in scan_only:
                    scan_only[layout] = SCAN_ONLY[layout](Path(tmp))
                source = scan_only[layout][index]
                name = f"{layout} layout (generated for the scan only, PDF not kept)"
            else:
                source = digital[layout][index]
                name = f"{layout}/{source.path.name}"
            results.append(make_scan(spec, source, out_dir, name))
    return results
