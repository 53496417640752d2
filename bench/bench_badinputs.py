"""Hostile inputs: exit code, time and peak memory of `extract` per corpus kind, and of a batch.

    .venv/bin/python bench/bench_badinputs.py                  # every kind, then the batch
    .venv/bin/python bench/bench_badinputs.py --only flate_bomb_content,xobject_fanout --no-batch

Builds the bad-input corpus (scripts/make_badinputs.py) in a temporary folder, runs
``vorlagenparser extract`` on each kind in its own process and prints the exit code, wall time,
peak RSS (the largest process of the run, worker children included) and the first stderr line.
The batch run converts the whole folder plus the digital samples with ``--jobs 2`` and reports
the largest single process and the largest sum of all its processes at one moment.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from _badinputs import BY_NAME, KINDS, make_corpus  # noqa: E402
from _badinputs.measure import run_measured  # noqa: E402


def extract_table(paths: dict[str, Path], timeout: float, out: Path) -> None:
    print(f"{'kind':32} {'exit':>4} {'want':>4} {'time s':>7} {'peak MB':>8}  message")
    for name, path in paths.items():
        kind = BY_NAME[name]
        command = [sys.executable, "-m", "vorlagenparser", "extract", str(path),
                   "-o", str(out / "x.json")]
        run = run_measured(command, timeout, cwd=ROOT)
        line = (run.stderr.strip().splitlines() or [""])[-1][:90]
        print(f"{name:32} {run.exit_code:>4} {kind.exit_code:>4} {run.seconds:>7.1f} "
              f"{run.largest_mb:>8}  {line}", flush=True)


def batch_figures(folder: Path, timeout: float, out: Path) -> None:
    staged = folder / "good"
    staged.mkdir()
    for sample in sorted((ROOT / "samples").rglob("*.pdf"))[:20]:
        shutil.copyfile(sample, staged / sample.name)
    command = [sys.executable, "-m", "vorlagenparser", "batch", str(folder), "--out",
               str(out / "batch"), "--jobs", "2"]
    run = run_measured(command, timeout, cwd=ROOT)
    failed = [line for line in run.stderr.splitlines() if str(folder) in line]
    print(f"\nbatch --jobs 2: exit {run.exit_code}, {run.seconds:.1f} s, largest process "
          f"{run.largest_mb} MB, all processes at once {run.total_mb} MB, {len(failed)} stderr "
          "lines naming an input")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated kind names")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per run")
    parser.add_argument("--no-batch", action="store_true")
    args = parser.parse_args()
    names = args.only.split(",") if args.only else [k.name for k in KINDS]
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "corpus", Path(tmp) / "out"
        out.mkdir()
        paths = make_corpus(folder, names)
        extract_table(paths, args.timeout, out)
        if not args.no_batch:
            batch_figures(folder, args.timeout * 4, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
