"""glibc's allocator and the scan path's large arrays.

A scanned page is worked on in arrays of 5-10 MB (the page image, its ink, the upright frame,
line masks, the evened page), dozens per page, each freed soon after. glibc hands out blocks that
large as fresh memory mappings and returns them to the system when they are freed (its mmap
threshold follows the sizes it sees freed, up to 32 MB, and its trim threshold returns the top
of the heap), so every page's arrays fault their memory in and have it zeroed again: on the
devset's scans about 6,700 page faults and 17-22 ms of system time per page. Kept on the heap
instead, the blocks are reused from page to page; the peak memory stays the same (the devset's
scans: 267 MB either way), only less of it goes back to the system between documents.

Set by our own processes only, as the collector (:mod:`.collector`): the command line and a
worker pool's fork server; importing the library leaves the caller's allocator alone.
"""

from __future__ import annotations

import ctypes
import os
import sys

__all__ = ["keep_large_blocks"]

_M_TRIM_THRESHOLD = -1  # mallopt parameters (malloc.h)
_M_MMAP_THRESHOLD = -3
_MMAP_THRESHOLD = 32 * 2**20  # glibc's largest: blocks up to this size come from the heap
_TRIM_THRESHOLD = 256 * 2**20  # free memory at the heap's top kept up to this size
# Who tunes glibc's malloc through its environment decides for themselves.
_USER_SETTINGS = ("GLIBC_TUNABLES", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_",
                  "MALLOC_TOP_PAD_", "MALLOC_MMAP_MAX_")


def keep_large_blocks() -> bool:
    """Keep blocks of up to 32 MB on the heap and reuse them (glibc on Linux only; not when
    the environment tunes malloc). True when glibc took the settings."""
    if not sys.platform.startswith("linux") or any(name in os.environ for name in _USER_SETTINGS):
        return False
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:  # not glibc (musl's C library has another name)
        return False
    mallopt = getattr(libc, "mallopt", None)
    if mallopt is None:
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)) and bool(
        mallopt(_M_TRIM_THRESHOLD, _TRIM_THRESHOLD))
