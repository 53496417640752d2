"""The allocator setting for the scan path's large arrays: taken on glibc, left to the user."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from vorlagenparser.ocr import heap


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_glibc_takes_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in heap._USER_SETTINGS:
        monkeypatch.delenv(name, raising=False)
    assert heap.keep_large_blocks() in (True, False)  # False only off glibc (musl)
    page = np.ones((3000, 2500), dtype=np.uint8)  # blocks of a page's size still work
    assert int(page.sum()) == 3000 * 2500


def test_the_environment_decides_when_it_tunes_malloc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GLIBC_TUNABLES", "glibc.malloc.trim_threshold=131072")
    assert heap.keep_large_blocks() is False
