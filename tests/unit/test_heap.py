"""The allocator setting for the scan path's large arrays: taken on glibc, left to the user."""

from __future__ import annotations

import os
import platform
import subprocess
import sys

import pytest

from vorlagenparser import heap

_GLIBC = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"


def _in_child(code: str, env: dict[str, str] | None = None) -> str:
    """What ``code`` prints in a fresh interpreter: each process's allocator is its own."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60, env=env).stdout.strip()


@pytest.mark.skipif(not _GLIBC, reason="glibc's mallopt")
def test_glibc_takes_the_setting_and_page_sized_blocks_still_work() -> None:
    shown = _in_child("import numpy as np; from vorlagenparser.heap import keep_large_blocks; "
                      "taken = keep_large_blocks(); page = np.ones((3000, 2500), np.uint8); "
                      "print(taken, int(page.sum()))",
                      env={k: v for k, v in os.environ.items()
                           if k not in heap._USER_SETTINGS})
    assert shown == f"True {3000 * 2500}"


def test_the_environment_decides_when_it_tunes_malloc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GLIBC_TUNABLES", "glibc.malloc.trim_threshold=131072")
    assert heap.keep_large_blocks() is False
