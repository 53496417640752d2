"""Imported by the fork server of a worker pool that runs the project's pipeline: what every
worker would load again on its first file is loaded once, before the workers are forked.

Tesseract's library reads ``OMP_THREAD_LIMIT`` when it loads, so it is set here as each
worker sets it (:func:`.worker.init_worker`): one OCR thread per worker.

The garbage collector is set for converting documents, and the workers inherit it: what is
loaded here lives as long as the process, so it is frozen out of every later collection (and
stays in the pages the workers share with the fork server instead of being copied into each as
collections touch it); a page makes tens of thousands of short-lived objects and next to no
cycles, so the youngest generation is collected every 10,000 objects instead of every 700.
At the defaults a digital page spent about 0.5 of its 11 ms in collections; now 0.01.
"""

from __future__ import annotations

import gc
import os

os.environ["OMP_THREAD_LIMIT"] = "1"

from ..pipeline import warm_up  # after the thread limit

warm_up()

gc.collect()  # nothing already garbage is frozen
gc.freeze()
gc.set_threshold(10_000, 10, 10)
