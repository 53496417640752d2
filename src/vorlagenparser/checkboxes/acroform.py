"""AcroForm check box and radio button widgets: their on/off appearance state is the truth."""

from __future__ import annotations

from ..pagemodel import Mark, Page


def detect_acroform(page: Page) -> list[Mark]:
    return [Mark(bbox=w.bbox, checked=bool(w.checked), confidence=1.0, source="acroform")
            for w in page.widgets if w.kind in ("checkbox", "radio")]
