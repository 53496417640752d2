"""OCR test setup: fakes importable, and `tesseract`-marked tests skipped when it is absent."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# tests/fakes.py (shared by several test folders) and ocr_synth.py beside this file are plain
# modules in folders without __init__.py: make both folders importable whatever the import mode.
for _folder in (Path(__file__).resolve().parent, Path(__file__).resolve().parent.parent):
    if str(_folder) not in sys.path:
        sys.path.insert(0, str(_folder))


def _tesseract_missing() -> str | None:
    from vorlagenparser.ocr.tesseract import probe

    info = probe()
    if info.backend is None:
        return "tesseract is not installed"
    if info.missing_languages("deu"):
        return "tesseract language pack 'deu' is not installed"
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    marked = [item for item in items if item.get_closest_marker("tesseract")]
    if not marked:
        return
    reason = _tesseract_missing()
    if reason:
        for item in marked:
            item.add_marker(pytest.mark.skip(reason=reason))
