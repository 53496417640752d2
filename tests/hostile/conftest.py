"""The bad-input corpus, built once per session in a temporary folder (nothing committed)."""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

import pytest
from tests.helpers import ROOT

if str(ROOT / "scripts") not in sys.path:
    sys.path.insert(0, str(ROOT / "scripts"))

from _badinputs import KINDS, Kind, make_corpus

_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Kind name → its input, every kind in one folder."""
    return make_corpus(tmp_path_factory.mktemp("badinputs"))


@pytest.fixture(scope="session")
def corpus_dir(corpus: dict[str, Path]) -> Path:
    return next(iter(corpus.values())).parent


def obey_file_permissions() -> None:
    """``preexec_fn`` for a child that must obey file permissions even as root: drops
    CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from the capability bounding set, so the program
    it executes never has them. Raises OSError where that is not allowed (then skip)."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "cannot drop a capability")


def kinds(*, bombs: bool | None = None) -> list[Kind]:
    return [k for k in KINDS if bombs is None or k.bomb == bombs]
