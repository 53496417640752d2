"""Start-up: whole processes timed from the outside, interleaved, median of the runs."""

from __future__ import annotations

import importlib.util
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

BIN = Path(sys.executable).parent
PACKAGE = Path(__file__).resolve().parent.parent / "src" / "vorlagenparser"


@dataclass(frozen=True, slots=True)
class StartupFigures:
    label: str
    median_ms: float
    best_ms: float


def _commands(one_page: Path) -> list[tuple[str, list[str]]]:
    cli = str(BIN / "vorlagenparser")
    return [
        ("python -c pass", [sys.executable, "-c", "pass"]),
        ("import vorlagenparser", [sys.executable, "-c", "import vorlagenparser"]),
        ("vorlagenparser --help", [cli, "--help"]),
        (f"vorlagenparser extract {one_page.name} (1 page)", [cli, "extract", str(one_page)]),
    ]


def measure(one_page: Path, runs: int) -> list[StartupFigures]:
    commands = _commands(one_page)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    times: dict[str, list[float]] = {label: [] for label, _ in commands}
    for _label, args in commands:  # warm the page cache and __pycache__ once
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
    for _ in range(runs):
        for label, args in commands:
            started = time.perf_counter()
            subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                           check=True)
            times[label].append(1000 * (time.perf_counter() - started))
    return [StartupFigures(label, statistics.median(t), min(t)) for label, t in times.items()]


def bytecode_state(package: Path = PACKAGE) -> str:
    """How many of the package's modules have bytecode at least as new as their source.

    Without it every process compiles them again (``PYTHONDONTWRITEBYTECODE`` keeps Python from
    caching; ``scripts/setup.sh`` precompiles), which is a large part of a cold start."""
    sources = sorted(package.rglob("*.py"))
    fresh = 0
    for source in sources:
        cached = Path(importlib.util.cache_from_source(str(source)))
        if cached.exists() and cached.stat().st_mtime >= source.stat().st_mtime:
            fresh += 1
    setting = "set" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "unset"
    return (f"bytecode: {fresh} of {len(sources)} modules precompiled "
            f"(PYTHONDONTWRITEBYTECODE {setting})")


def report(figures: list[StartupFigures]) -> list[str]:
    lines = ["start-up, whole process (median / best)", f"  {bytecode_state()}"]
    targets = {"import vorlagenparser": 150, "vorlagenparser --help": 150}
    for f in figures:
        target = targets.get(f.label, 300 if f.label.startswith("vorlagenparser extract") else None)
        note = f"   (target <= {target} ms)" if target else ""
        lines.append(f"  {f.label:<44} {f.median_ms:6.0f} / {f.best_ms:4.0f} ms{note}")
    return lines
