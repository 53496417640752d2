"""Write the bad-input corpus (hostile, damaged and odd inputs) into a folder.

``python scripts/make_badinputs.py DIR`` creates one input per kind (``--list`` shows them,
``--only a,b`` picks some). The tests build the same corpus in a temporary folder; nothing of it
is committed. Special files (FIFO, sockets, symlinks) need a POSIX file system.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from _badinputs import KINDS, make_corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?")
    parser.add_argument("--only", help="comma-separated kind names")
    parser.add_argument("--list", action="store_true", help="list the kinds and exit")
    args = parser.parse_args(argv)
    if args.list or args.folder is None:
        for kind in KINDS:
            print(f"{kind.name:32} {kind.group:10} extract exit {kind.exit_code}")
        return 0
    started = time.perf_counter()
    made = make_corpus(args.folder, args.only.split(",") if args.only else None)
    print(f"{len(made)} inputs in {args.folder} ({time.perf_counter() - started:.1f} s)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
