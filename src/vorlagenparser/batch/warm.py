"""Imported by the fork server of a worker pool that runs the project's pipeline: what every
worker would load again on its first file is loaded once, before the workers are forked.

Tesseract's library reads ``OMP_THREAD_LIMIT`` when it loads, so it is set here as each
worker sets it (:func:`.worker.init_worker`): one OCR thread per worker.

The garbage collector and glibc's allocator are set for converting documents (:mod:`..collector`,
:mod:`..heap`), and the workers inherit them: what is loaded here is frozen out of every later
collection.
"""

from __future__ import annotations

import os

os.environ["OMP_THREAD_LIMIT"] = "1"

from ..collector import freeze_loaded, set_for_documents
from ..heap import keep_large_blocks
from ..pipeline import warm_up  # after the thread limit

warm_up()
freeze_loaded()
set_for_documents()
keep_large_blocks()
