"""Stage times of one in-process extraction, measured by wrapping the pipeline's stage calls.

``reading.read_document`` and ``pipeline.lay_out`` call one function per stage by the name they
imported; while a :class:`StageClock` is active those names point to timed wrappers, as do the
OCR engine (recognition and orientation inside tesseract) and PDF rendering. Nothing in the
package changes: the wrappers are removed on exit.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from types import ModuleType, TracebackType
from typing import Any
from unittest import mock

# Stage name → (module, attribute) wrapped. "ocr" is the whole OCR stage: its decision for
# text pages, and rendering and recognition for scans (also reported on their own).
_CALLS = {"load": ("vorlagenparser.reading", "open_document"),
          "checkboxes": ("vorlagenparser.reading", "detect"),
          "layout": ("vorlagenparser.pipeline", "analyse"),
          "validate": ("vorlagenparser.pipeline", "to_vorlage")}
_GENERATORS = {"ocr": ("vorlagenparser.reading", "prepare_pages"),
               "render": ("vorlagenparser.load.render", "render_pdf_pages")}
STAGES = ("load", "ocr", "checkboxes", "layout", "validate")


class StageClock:
    """Adds up seconds per stage while active; ``take()`` returns and resets them."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self._stack = ExitStack()

    def __enter__(self) -> StageClock:
        import importlib

        for stage, (module, name) in _CALLS.items():
            self._patch(importlib.import_module(module), name, self._timed(stage))
        for stage, (module, name) in _GENERATORS.items():
            self._patch(importlib.import_module(module), name, self._timed_iter(stage))
        ocr = importlib.import_module("vorlagenparser.ocr")
        self._patch(ocr, "default_engine", self._timed_engine(ocr.default_engine))
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._stack.close()

    def take(self) -> dict[str, float]:
        out = dict(self.seconds)
        self.seconds.clear()
        return out

    def add(self, stage: str, seconds: float) -> None:
        self.seconds[stage] += seconds
        self.calls[stage] += 1

    def _patch(self, module: ModuleType, name: str, wrap: Callable[[Any], Any]) -> None:
        self._stack.enter_context(mock.patch.object(module, name, wrap(getattr(module, name))))

    def _timed(self, stage: str) -> Callable[[Any], Any]:
        def wrap(function: Callable[..., Any]) -> Callable[..., Any]:
            def timed(*args: Any, **kwargs: Any) -> Any:
                started = time.perf_counter()
                try:
                    return function(*args, **kwargs)
                finally:
                    self.add(stage, time.perf_counter() - started)
            return timed
        return wrap

    def _timed_iter(self, stage: str) -> Callable[[Any], Any]:
        def wrap(function: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
            def timed(*args: Any, **kwargs: Any) -> Iterator[Any]:
                items = function(*args, **kwargs)
                while True:
                    started = time.perf_counter()
                    try:
                        item = next(items)
                    except StopIteration:
                        return
                    finally:
                        self.add(stage, time.perf_counter() - started)
                    yield item
            return timed
        return wrap

    def _timed_engine(self, factory: Callable[[str], Any]) -> Callable[[Any], Any]:
        clock = self

        class Engine:
            """The production engine with its two tesseract calls timed."""

            def __init__(self, inner: Any) -> None:
                self.inner = inner
                self.name, self.version, self.languages = inner.name, inner.version, inner.languages

            def recognise(self, *args: Any, **kwargs: Any) -> Any:
                return clock._timed("tesseract")(self.inner.recognise)(*args, **kwargs)

            def orientation(self, *args: Any, **kwargs: Any) -> Any:
                return clock._timed("osd")(self.inner.orientation)(*args, **kwargs)

        engines: dict[str, Engine] = {}

        def wrap(_factory: Any) -> Callable[[str], Engine]:
            def default_engine(languages: str) -> Engine:
                if languages not in engines:
                    engines[languages] = Engine(factory(languages))
                return engines[languages]
            return default_engine
        return wrap
