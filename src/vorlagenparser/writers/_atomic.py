"""Atomic file writes: a reader (or a crash) sees the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ..errors import OutputError

TEMP_SUFFIX = ".partial"


@contextlib.contextmanager
def atomic_open(path: Path) -> Iterator[IO[bytes]]:
    """Yield a temp file beside ``path``; on success it is fsynced and renamed over ``path``.

    The temp file lives in the same folder so ``os.replace`` is a rename on one file system.
    Its name starts with a dot and ends in :data:`TEMP_SUFFIX`, so globs like ``*.json`` never
    see it and :func:`remove_stale_temps` can clean up after a SIGKILL.
    """
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below on every path
            dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX, delete=False)
    except OSError as exc:
        raise OutputError(f"cannot write here: {exc.strerror}", path) from exc
    temp = Path(handle.name)
    try:
        # mkstemp creates 0600; a finished output gets the usual mode, like open() would give.
        temp.chmod(0o666 & ~_umask())
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        temp.replace(path)
        _fsync_dir(path.parent)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise OutputError(f"cannot write: {exc.strerror}", path) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_bytes(path: Path, data: bytes) -> None:
    with atomic_open(path) as handle:
        handle.write(data)


def remove_stale_temps(folder: Path) -> int:
    """Delete temp files a killed run left behind; returns how many were removed."""
    stale = list(folder.glob(f".*{TEMP_SUFFIX}"))
    for temp in stale:
        temp.unlink(missing_ok=True)
    return len(stale)


def append_line(handle: IO[bytes], line: bytes) -> None:
    """Append one line and make it durable before returning (crash-safe logs)."""
    handle.write(line + b"\n")
    handle.flush()
    os.fsync(handle.fileno())


def truncate_torn_tail(path: Path) -> None:
    """Cut a final line that a killed writer left without its newline."""
    with path.open("r+b") as handle:
        data = handle.read()
        end = data.rfind(b"\n") + 1
        if end != len(data):
            handle.truncate(end)
            handle.flush()
            os.fsync(handle.fileno())


@functools.cache
def _umask() -> int:
    # The only portable way to read the umask is to set it and put it back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not possible (nor needed) on every platform.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
