"""Synthetic scan pages drawn with OpenCV for the OCR and raster-checkbox tests (no files)."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

DPI = 300
SCALE = DPI / 72.0  # pixels per point
PX_PER_MM = DPI / 25.4


def blank(width_mm: float = 210, height_mm: float = 120, paper: int = 255) -> np.ndarray:
    return np.full((round(height_mm * PX_PER_MM), round(width_mm * PX_PER_MM)), paper, np.uint8)


def text_lines(img: np.ndarray, top_mm: float, lines: int, ink: int = 0,
               pitch_mm: float = 6.0, left_mm: float = 15.0) -> None:
    """Lines of real-looking words (Hershey font), for skew and orientation estimates."""
    words = ["Beschlussvorlage", "Gemeinderat", "Haushalt", "Bebauungsplan", "Stadt", "die",
             "öffentlich", "Kenntnisnahme", "Beratung", "Verwaltung", "Antrag", "Sitzung"]
    rng = np.random.default_rng(7)
    for i in range(lines):
        text = " ".join(rng.choice(words, size=6))
        y = round((top_mm + i * pitch_mm) * PX_PER_MM)
        cv2.putText(img, text, (round(left_mm * PX_PER_MM), y), cv2.FONT_HERSHEY_SIMPLEX,
                    1.4, ink, 3, cv2.LINE_AA)


@dataclass(frozen=True)
class Drawn:
    """A box drawn on a synthetic page: its outer box in pixels and whether it is ticked."""

    x0: int
    y0: int
    x1: int
    y1: int
    checked: bool
    kind: str

    def points(self) -> tuple[float, float, float, float]:
        return (self.x0 / SCALE, self.y0 / SCALE, self.x1 / SCALE, self.y1 / SCALE)


def box(img: np.ndarray, x_mm: float, y_mm: float, kind: str = "empty", side_mm: float = 4.0,
        border: int = 3, ink: int = 0, mark_ink: int | None = None) -> Drawn:
    """Draw a checkbox at (x_mm, y_mm) with a mark of ``kind``; returns where it is."""
    x0, y0 = round(x_mm * PX_PER_MM), round(y_mm * PX_PER_MM)
    side = round(side_mm * PX_PER_MM)
    x1, y1 = x0 + side, y0 + side
    cv2.rectangle(img, (x0, y0), (x1 - 1, y1 - 1), ink, border)
    m = ink if mark_ink is None else mark_ink
    pad = border + 4
    if kind == "x":
        cv2.line(img, (x0 + pad, y0 + pad), (x1 - pad, y1 - pad), m, 4, cv2.LINE_AA)
        cv2.line(img, (x1 - pad, y0 + pad), (x0 + pad, y1 - pad), m, 4, cv2.LINE_AA)
    elif kind == "tick":
        pts = np.array([(x0 + pad, y0 + side // 2), (x0 + side // 2 - 3, y1 - pad),
                        (x1 - pad + 2, y0 + pad - 2)], np.int32)
        cv2.polylines(img, [pts], False, m, 4, cv2.LINE_AA)
    elif kind == "scribble":
        rng = np.random.default_rng(3)
        pts = np.column_stack([rng.integers(x0 + pad, x1 - pad, 14),
                               rng.integers(y0 + pad, y1 - pad, 14)]).astype(np.int32)
        cv2.polylines(img, [pts], False, m, 3, cv2.LINE_AA)
    elif kind == "filled":
        cv2.rectangle(img, (x0, y0), (x1 - 1, y1 - 1), m, -1)
    elif kind == "overshoot":
        # A hasty tick: starts inside, its long arm shoots far out over the top-right corner.
        pts = np.array([(x0 + pad, y0 + side // 2), (x0 + side // 2, y1 - pad),
                        (x1 + side // 2, y0 - side // 2)], np.int32)
        cv2.polylines(img, [pts], False, m, 4, cv2.LINE_AA)
    elif kind != "empty":
        raise ValueError(kind)
    return Drawn(x0, y0, x1, y1, kind != "empty", kind)


def label(img: np.ndarray, x_px: int, y_px: int, text: str, ink: int = 0) -> None:
    cv2.putText(img, text, (x_px, y_px), cv2.FONT_HERSHEY_SIMPLEX, 1.3, ink, 3, cv2.LINE_AA)


def ruled_table(img: np.ndarray, x_mm: float, y_mm: float, cols_mm: list[float],
                rows: int, row_mm: float, line: int = 3) -> None:
    x0, y0 = round(x_mm * PX_PER_MM), round(y_mm * PX_PER_MM)
    xs = [x0] + [x0 + round(sum(cols_mm[: i + 1]) * PX_PER_MM) for i in range(len(cols_mm))]
    ys = [y0 + round(i * row_mm * PX_PER_MM) for i in range(rows + 1)]
    for y in ys:
        cv2.line(img, (xs[0], y), (xs[-1], y), 0, line)
    for x in xs:
        cv2.line(img, (x, ys[0]), (x, ys[-1]), 0, line)


def specks(img: np.ndarray, count: int, seed: int = 1,
           region: tuple[int, int, int, int] | None = None) -> None:
    rng = np.random.default_rng(seed)
    h, w = img.shape
    x0, y0, x1, y1 = region or (0, 0, w, h)
    for _ in range(count):
        cv2.circle(img, (int(rng.integers(x0, x1)), int(rng.integers(y0, y1))),
                   int(rng.integers(1, 3)), 0, -1)


def scanned(img: np.ndarray, noise: float = 6.0, blur: bool = True, seed: int = 0) -> np.ndarray:
    """A light blur and sensor noise, as a 300 dpi office scanner gives."""
    out = cv2.GaussianBlur(img, (3, 3), 0.8) if blur else img.copy()
    rng = np.random.default_rng(seed)
    noisy = out.astype(np.float64) + rng.normal(0, noise, out.shape)
    return np.clip(noisy, 0, 255).astype(np.uint8)
