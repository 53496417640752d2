"""Where a stage spends its time: cProfile over the digital files, one package's functions."""

from __future__ import annotations

import cProfile
import pstats
from collections.abc import Sequence
from pathlib import Path


def measure(files: Sequence[Path], package: str, limit: int) -> list[str]:
    """The ``limit`` functions of ``src/vorlagenparser/<package>/`` with the most own time,
    with their cumulative time, per page of ``files``."""
    from vorlagenparser.options import ExtractOptions
    from vorlagenparser.pipeline import extract

    options = ExtractOptions()
    extract(files[0], options)  # warm-up outside the profile
    profile = cProfile.Profile()
    pages = 0
    profile.enable()
    for path in files:
        pages += extract(path, options).source.page_count
    profile.disable()
    stats = pstats.Stats(profile)
    marker = f"/vorlagenparser/{package}/"
    rows = []
    for (filename, line, name), (_cc, calls, own, cumulative, _callers) in \
            stats.stats.items():  # type: ignore[attr-defined]
        if marker in filename:
            rows.append((own, cumulative, calls, f"{Path(filename).name}:{line} {name}"))
    rows.sort(reverse=True)
    total_own = sum(r[0] for r in rows)
    lines = [f"hot spots in {package}/ under cProfile ({pages} pages; profiled times run slower): "
             f"own time {1000 * total_own / pages:.1f} ms/page",
             f"  {'own ms/page':>11} {'cum ms/page':>11} {'calls/page':>10}  function"]
    for own, cumulative, calls, where in rows[:limit]:
        lines.append(f"  {1000 * own / pages:11.2f} {1000 * cumulative / pages:11.2f} "
                     f"{calls / pages:10.0f}  {where}")
    return lines
