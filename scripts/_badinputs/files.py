"""Odd file names (each holding a sound Vorlage) and special files that are no documents."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from pathlib import Path

from .base import good_pdf


def good_file(path: Path) -> Path:
    """The sound Vorlage, under whatever name ``path`` has."""
    path.write_bytes(good_pdf())
    return path


LATIN1_NAME = b"Beschlussvorlage_Stra\xdfe_M\xfchlbach_\xc4nderung.pdf"  # Latin-1, not UTF-8
NEWLINE_NAME = "Vorlage\nNr 5\r.pdf"
SPACES_NAME = "  Vorlage   mit  Leerzeichen .pdf"
DASH_NAME = "-rf --help.pdf"
SHELL_NAME = "Vorlage 'a' \"b\" $(id) `id` *?<>|:;&.pdf"
CONTROL_NAME = "Vorlage\x1b[31mrot\x07\x7f.pdf"
UNICODE_NAME = "Vorlage für Straßenbenennung – Ährenweg 🏛.pdf"
UPPER_NAME = "VORLAGE_GROSS.PDF"


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def symlink_to(target: str) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        path.symlink_to(target)
        return path

    return make


def symlink_loop(path: Path) -> Path:
    """Two links pointing at each other; the second is hidden, so a folder holds one input."""
    other = path.with_name(".loop-b.pdf")
    path.symlink_to(other.name)
    other.symlink_to(path.name)
    return path


def symlink_to_good(path: Path) -> Path:
    target = path.with_name(".target-of-link.pdf")  # hidden: only reached through the link
    target.write_bytes(good_pdf())
    path.symlink_to(target.name)
    return path


def unix_socket(path: Path) -> Path:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
    finally:
        server.close()
    return path


def unreadable(path: Path) -> Path:
    """Mode 000. Root reads it anyway unless it runs without CAP_DAC_OVERRIDE."""
    path.write_bytes(good_pdf())
    path.chmod(0)
    return path


def folder_named_pdf(path: Path) -> Path:
    path.mkdir()
    return path


def empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def text_named_pdf(path: Path) -> Path:
    path.write_text("Sitzungsprotokoll als Text\n" * 20, encoding="utf-8")
    return path


def html_named_pdf(path: Path) -> Path:
    path.write_text("<!DOCTYPE html><html><body>404 Not Found</body></html>\n", encoding="utf-8")
    return path


def png_named_pdf(path: Path) -> Path:
    from .images import _encoded, _scan

    path.write_bytes(_encoded(_scan((200, 100)), "PNG"))
    return path
