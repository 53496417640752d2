"""Table rules on a page lit unevenly (a lamp, a shadow at the spine) are still found."""

from __future__ import annotations

import numpy as np
from ocr_synth import PX_PER_MM, blank, ruled_table

from vorlagenparser.ocr.rules import find_rules

SCALE = PX_PER_MM * 25.4 / 72


def test_rules_under_a_shadow() -> None:
    img = blank(180, 100, paper=235)
    ruled_table(img, 20, 20, [40, 20, 20, 20, 20], rows=3, row_mm=10.0, line=2)
    shade = np.linspace(1.0, 0.55, img.shape[1])[None, :]  # darker to the right, as under a lamp
    img = np.asarray(img * shade, dtype=np.uint8)
    rules = find_rules(img, SCALE)
    vertical = [r for r in rules if r[2] - r[0] < r[3] - r[1]]
    horizontal = [r for r in rules if r[2] - r[0] > r[3] - r[1]]
    assert len(vertical) == 6 and len(horizontal) == 4
