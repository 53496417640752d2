"""The bench's stage clock wraps the names the stages really call, so a renamed or moved stage
call fails here and not first in a benchmark run."""

from __future__ import annotations

import importlib
import sys

from tests.helpers import FULL_TEXT_PAGE, ROOT

from vorlagenparser.pipeline import extract


def test_the_stage_clock_times_every_stage_of_an_extraction() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        stages = importlib.import_module("_stages")
    finally:
        sys.path.remove(str(ROOT / "bench"))
    with stages.StageClock() as clock:
        extract(FULL_TEXT_PAGE)
    seconds = clock.take()
    assert set(stages.STAGES) <= set(seconds)
    assert all(seconds[stage] > 0 for stage in stages.STAGES)
