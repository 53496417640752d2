"""Every speed figure of the project, each next to its yardstick, measured in the same run.

    .venv/bin/python bench/bench_all.py [--only digital,startup,scans,scaling,hotspots]
                                        [--repeat 3] [--startup-runs 7] [--scan-files N]
                                        [--batch-files N] [--max-tasks-per-child 20]

* digital: ms/page in process (stages: load, OCR decision, checkboxes, layout, validate + JSON)
  next to pdfplumber (words + graphics) and raw pypdfium2 (text with boxes) on the same pages;
* startup: ``import vorlagenparser``, ``vorlagenparser --help`` and a one-page ``extract`` as
  whole processes, next to ``python -c pass``;
* scans: ms/page end to end next to the ``tesseract`` CLI and raw tesserocr on the same page
  images, with the ratios;
* scaling: a mixed digital/scan batch with ``--jobs 1`` and ``--jobs 2``, and the peak RSS of
  each worker; then one worker converting the set twice, for memory growth with the files;
* hotspots (only when asked for): the layout stage's functions by own time under cProfile.

Files: the devset (``../shared/devset/data``, its ``manifest.json`` tells digital from scanned)
when present, else ``samples/``. Prints figures and the targets; asserts nothing. Other load
on the machine slows every column alike (the runs are interleaved), so compare ratios.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # before tesserocr loads: one thread per process

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent / "src"))

import _corpus
import _digital
import _hotspots
import _scaling
import _scans
import _startup

SECTIONS = ("digital", "startup", "scans", "scaling")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--only", default=",".join(SECTIONS),
                        help=f"comma-separated sections: {', '.join(SECTIONS)}, hotspots")
    parser.add_argument("--repeat", type=int, default=3, help="runs per digital file (best counts)")
    parser.add_argument("--startup-runs", type=int, default=7)
    parser.add_argument("--scan-files", type=int, default=None, help="at most this many scans")
    parser.add_argument("--batch-files", type=int, default=None,
                        help="at most this many files in the scaling batch")
    parser.add_argument("--max-tasks-per-child", type=int, default=20)
    parser.add_argument("--hotspots", default="layout", help="package profiled by 'hotspots'")
    return parser.parse_args()


def main() -> int:
    args = _arguments()
    chosen = {s.strip() for s in args.only.split(",") if s.strip()}
    corpus = _corpus.load_corpus()
    print(f"files: {corpus.name}: {len(corpus.digital)} digital, {len(corpus.scans)} scanned; "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}", flush=True)
    started = time.perf_counter()
    blocks: list[list[str]] = []
    if "digital" in chosen:
        blocks.append(_digital.report(_digital.measure(corpus.digital, args.repeat)))
        _show(blocks[-1])
    if "startup" in chosen:
        figures = _startup.measure(_corpus.one_page_pdf(corpus), args.startup_runs)
        blocks.append(_startup.report(figures))
        _show(blocks[-1])
    if "scans" in chosen:
        blocks.append(_scans.report(_scans.measure(corpus.scans[:args.scan_files])))
        _show(blocks[-1])
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if "scaling" in chosen:
        files = corpus.mixed[:args.batch_files]
        figures_batch = _scaling.measure(files, args.max_tasks_per_child)
        blocks.append(_scaling.report(figures_batch, args.max_tasks_per_child))
        _show(blocks[-1])
        blocks.append(_scaling.report_memory(_scaling.measure_memory(files)))
        _show(blocks[-1])
    if "hotspots" in chosen:
        blocks.append(_hotspots.measure(corpus.digital, args.hotspots, limit=25))
        _show(blocks[-1])
    print(f"peak RSS of this process (in-process sections, incl. the yardsticks): {rss_mb:.0f} MB; "
          f"took {time.perf_counter() - started:.0f} s; load average now {os.getloadavg()[0]:.1f}")
    return 0


def _show(lines: list[str]) -> None:
    print("\n".join(lines), end="\n\n", flush=True)


if __name__ == "__main__":
    sys.exit(main())
