"""Is a path a file we may read? Told from its metadata alone: a FIFO or a device is never opened.

An archive holds more than documents: named pipes (reading one blocks until someone writes),
links to ``/dev/zero`` (reading one never ends), link loops, dangling links, sockets, files
without read permission. :func:`file_problem` names the reason in words for the one-line
report; :func:`open_regular` is the only way inputs are opened for hashing and sniffing.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from ..errors import InputFileError

__all__ = ["file_problem", "open_regular"]

_KINDS = (
    (stat.S_ISDIR, "is a folder, not a file"),
    (stat.S_ISFIFO, "is a FIFO (named pipe), not a file; it was not read"),
    (stat.S_ISCHR, "is a character device, not a file; it was not read"),
    (stat.S_ISBLK, "is a block device, not a file; it was not read"),
    (stat.S_ISSOCK, "is a socket, not a file"),
)


def file_problem(path: Path) -> str | None:
    """Why ``path`` cannot be read as a document, or None for a readable regular file."""
    try:
        mode = path.stat().st_mode  # follows symbolic links, as reading would
    except OSError as exc:
        return _stat_problem(path, exc)
    for test, reason in _KINDS:
        if test(mode):
            return reason
    if not stat.S_ISREG(mode):
        return "is not a regular file"
    if not os.access(path, os.R_OK):
        return "cannot be read: permission denied"
    return None


def _stat_problem(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "is a symbolic link loop (too many levels of symbolic links)"
    if exc.errno == errno.ENOENT:
        return "is a broken symbolic link (its target does not exist)" if path.is_symlink() \
            else "no such file"
    if exc.errno == errno.EACCES:
        return "cannot be read: permission denied"
    if exc.errno == errno.ENAMETOOLONG:
        return "cannot be read: the file name is too long for the file system"
    return f"cannot be read: {exc.strerror or exc}"


def open_regular(path: Path) -> BinaryIO:
    """Open ``path`` for reading if it is a regular file, else raise InputFileError.

    Checked on the open descriptor, so a file swapped for a FIFO after :func:`file_problem`
    looked at it cannot block us: ``O_NONBLOCK`` makes opening a FIFO return at once.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise InputFileError(_stat_problem(path, exc), path) from exc
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            reason = next((r for test, r in _KINDS if test(mode)), "is not a regular file")
            raise InputFileError(reason, path)
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
