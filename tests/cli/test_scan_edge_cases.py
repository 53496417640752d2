"""Scans that hold nothing readable: a warning and nulls, never a crash."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from vorlagenparser.pipeline import extract

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")


def _save(path: Path, pixels: np.ndarray) -> Path:
    Image.fromarray(pixels).save(path, dpi=(300, 300))
    return path


def test_blank_page_gives_a_warning_and_nulls(tmp_path: Path) -> None:
    blank = _save(tmp_path / "blank.png", np.full((3508, 2480), 255, dtype=np.uint8))
    v = extract(blank)
    assert v.source.pages[0].method == "ocr"
    assert v.betreff is None and v.datum is None and v.checkboxes == []
    assert v.needs_review and any("blank" in w for w in v.warnings)


def test_noise_only_page_does_not_crash(tmp_path: Path) -> None:
    rng = np.random.default_rng(7)
    noise = (rng.random((1754, 1240)) > 0.995).astype(np.uint8) * 255
    v = extract(_save(tmp_path / "noise.png", 255 - noise))
    assert v.source.page_count == 1
    assert v.vorlagennummer is None
