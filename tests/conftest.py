from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.helpers import SAMPLES, SHARED

# Tesseract must use one thread per process in tests too (several test workers may run).
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def realworld_dir() -> Path:
    path = SHARED / "realworld"
    if not path.is_dir():
        pytest.skip("../shared/realworld is not present")
    return path


@pytest.fixture(scope="session")
def oparl_schema_dir() -> Path:
    path = SHARED / "oparl-1.1-schema"
    if not path.is_dir():
        pytest.skip("../shared/oparl-1.1-schema is not present")
    return path
