"""The garbage collector as our own processes set it (the command line, a worker pool's fork
server and so its workers); importing the library leaves the caller's collector alone.

Converting a page makes tens of thousands of short-lived objects and next to no reference
cycles: at Python's default (the youngest generation collected every 700 objects) a digital
page spent about 0.5 of its 11 ms in collections, a one-page ``extract`` 15-25 ms. Every
10,000 objects the collector still runs, and finds the same garbage.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 10_000


def set_for_documents() -> None:
    """Collect the youngest generation every :data:`YOUNG_THRESHOLD` objects; the older ones
    as often relative to it as by default."""
    _young, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)


def freeze_loaded() -> None:
    """Move what is loaded now (modules, vocabularies, models: alive as long as the process)
    out of every later collection; in a fork server this also keeps those pages shared with
    the workers instead of copied into each as collections touch them."""
    gc.collect()  # nothing already garbage is frozen
    gc.freeze()
