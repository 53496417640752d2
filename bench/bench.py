"""Digital extraction benchmark: ms/page, pages/s and peak RSS on one core.

    .venv/bin/python bench/bench.py [FILES or folders ...] [--repeat N]

Defaults to every digital PDF under samples/ (scans are left out: bench/bench_ocr.py covers OCR).
Target: <= 20 ms per page end to end. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

ROOT = Path(__file__).resolve().parent.parent


def _inputs(args: list[str]) -> list[Path]:
    if not args:
        return sorted(p for p in (ROOT / "samples").rglob("*.pdf") if "scans" not in p.parts)
    out: list[Path] = []
    for a in args:
        p = Path(a)
        out.extend(sorted(p.rglob("*.pdf")) if p.is_dir() else [p])
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from vorlagenparser.options import ExtractOptions
    from vorlagenparser.pipeline import extract

    files = _inputs(args.inputs)
    if not files:
        print("no input PDFs", file=sys.stderr)
        return 1
    options = ExtractOptions(ocr="never")
    extract(files[0], options)  # warm up imports and profile loading
    pages = 0
    start = time.perf_counter()
    cpu0 = time.process_time()
    for _ in range(args.repeat):
        for f in files:
            pages += extract(f, options).source.page_count
    wall = time.perf_counter() - start
    cpu = time.process_time() - cpu0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"files {len(files)} x {args.repeat}, pages {pages}")
    print(f"wall {wall:.2f} s, cpu {cpu:.2f} s")
    print(f"ms/page {1000 * wall / pages:.1f} (cpu {1000 * cpu / pages:.1f})")
    print(f"pages/s {pages / wall:.1f}")
    print(f"peak RSS {rss_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
