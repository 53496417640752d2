"""The fork server's warm-up module sets the garbage collector for converting documents."""

from __future__ import annotations

import subprocess
import sys


def test_warm_module_freezes_what_it_loaded_and_raises_the_young_threshold() -> None:
    # In a child: importing the module changes the process's collector, not pytest's.
    code = ("import gc, vorlagenparser.batch.warm; "
            "print(gc.get_threshold()[0], gc.get_freeze_count() > 0, gc.isenabled())")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=120)
    assert done.stdout.split() == ["10000", "True", "True"]
