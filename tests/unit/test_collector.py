"""Our own processes set the garbage collector for converting documents; the library does not."""

from __future__ import annotations

import subprocess
import sys

from vorlagenparser.collector import YOUNG_THRESHOLD


def _in_child(code: str) -> list[str]:
    """What ``code`` prints in a fresh interpreter: each process's collector is its own."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=120)
    return done.stdout.split()


def test_warm_module_freezes_what_it_loaded_and_raises_the_young_threshold() -> None:
    shown = _in_child("import gc, vorlagenparser.batch.warm; "
                      "print(gc.get_threshold()[0], gc.get_freeze_count() > 0, gc.isenabled())")
    assert shown == [str(YOUNG_THRESHOLD), "True", "True"]


def test_command_line_raises_the_young_threshold() -> None:
    # run() ends the process: what is shown is printed by an exit handler, which still runs.
    shown = _in_child("import atexit, gc, sys; from vorlagenparser.cli import run; "
                      "atexit.register(lambda: print(gc.get_threshold()[0], gc.isenabled())); "
                      "sys.argv = ['vorlagenparser', '--version']; run()")
    assert shown[-2:] == [str(YOUNG_THRESHOLD), "True"]


def test_importing_the_library_leaves_the_collector_alone() -> None:
    shown = _in_child("import gc; before = gc.get_threshold(); "
                      "import vorlagenparser, vorlagenparser.pipeline; "
                      "print(gc.get_threshold() == before, gc.get_freeze_count())")
    assert shown == ["True", "0"]
