"""Fake OCR engines, injected through the same OcrEngine Protocol production uses (habit 10)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from vorlagenparser.errors import OcrError
from vorlagenparser.ocr.engine import OcrTimeoutError, OcrWord
from vorlagenparser.ocr.tsv import parse_tsv


@dataclass
class FakeOcrEngine:
    """Replays the given words (pixel boxes) for every page, or parsed TSV from a recording."""

    words: Sequence[OcrWord] = ()
    rotation: tuple[int, float] = (0, 0.0)
    name: str = "fake"
    version: str = "0"
    languages: str = "deu"
    calls: list[tuple[tuple[int, ...], int]] = field(default_factory=list)
    orientation_calls: int = 0

    @classmethod
    def from_tsv(cls, tsv: str, **kwargs: object) -> FakeOcrEngine:
        return cls(words=parse_tsv(tsv), **kwargs)  # type: ignore[arg-type]

    def recognise(
        self, image, dpi: int, *, timeout_s: float | None = None, psm: int | None = None
    ) -> list[OcrWord]:
        self.calls.append((tuple(image.shape), dpi))
        return list(self.words)

    def orientation(self, image) -> tuple[int, float]:
        self.orientation_calls += 1
        return self.rotation


@dataclass
class CrashingOcrEngine(FakeOcrEngine):
    """An engine whose recognition always fails, as a tesseract crash does."""

    message: str = "tesseract crashed (signal 11)"

    def recognise(
        self, image, dpi: int, *, timeout_s: float | None = None, psm: int | None = None
    ) -> list[OcrWord]:
        raise OcrError(self.message)


@dataclass
class SlowOcrEngine(FakeOcrEngine):
    """Takes ``delay`` seconds; honours the timeout as the real engines do."""

    delay: float = 0.5

    def recognise(
        self, image, dpi: int, *, timeout_s: float | None = None, psm: int | None = None
    ) -> list[OcrWord]:
        if timeout_s is not None and timeout_s < self.delay:
            time.sleep(timeout_s)
            raise OcrTimeoutError(f"stopped after {timeout_s:g} s")
        time.sleep(self.delay)
        return list(self.words)
