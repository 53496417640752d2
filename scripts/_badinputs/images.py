"""Raster inputs: decompression bombs (huge declared sizes), cut and corrupt PNG/JPEG/TIFF."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image, ImageDraw

from .base import LINES


def _scan(size: tuple[int, int] = (1240, 1754)) -> Image.Image:
    """A clean 150-dpi page with a few typed lines."""
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(LINES[:5]):
        draw.text((120, 120 + 40 * i), line, fill=0)
    return image


def _encoded(image: Image.Image, fmt: str, **kwargs: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **kwargs)
    return buffer.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(path: Path, side: int = 100_000) -> Path:
    """A PNG declaring 100000 × 100000 pixels (10 gigapixels) in a few hundred bytes."""
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)  # 8-bit greyscale
    rows = zlib.compress((b"\x00" + b"\xff" * side) * 4, 9)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", rows)
                     + _chunk(b"IEND", b""))
    return path


def png_truncated(path: Path) -> Path:
    data = _encoded(_scan(), "PNG")
    path.write_bytes(data[: len(data) // 2])
    return path


def png_bad_crc(path: Path) -> Path:
    data = bytearray(_encoded(_scan(), "PNG"))
    start = data.index(b"IDAT") + 40
    data[start:start + 8] = b"\x00" * 8
    path.write_bytes(bytes(data))
    return path


def png_tiny(path: Path) -> Path:
    path.write_bytes(_encoded(Image.new("L", (1, 1), 255), "PNG"))
    return path


def gif_named_png(path: Path) -> Path:
    path.write_bytes(_encoded(_scan((200, 100)), "GIF"))
    return path


def jpeg_bomb(path: Path) -> Path:
    """A JPEG whose frame header declares 65500 × 65500 pixels."""
    data = bytearray(_encoded(_scan((64, 64)), "JPEG"))
    sof = data.index(b"\xff\xc0")
    data[sof + 5:sof + 9] = struct.pack(">HH", 65500, 65500)
    path.write_bytes(bytes(data))
    return path


def jpeg_truncated(path: Path) -> Path:
    data = _encoded(_scan(), "JPEG", quality=80)
    path.write_bytes(data[: len(data) // 2])
    return path


def tiff_bomb(path: Path) -> Path:
    """A TIFF whose only strip is 8 bytes but whose IFD claims 200000 × 200000 pixels."""
    entries = [(256, 4, 1, 200_000), (257, 4, 1, 200_000), (258, 3, 1, 8), (259, 3, 1, 1),
               (262, 3, 1, 1), (273, 4, 1, 8), (277, 3, 1, 1), (278, 4, 1, 200_000),
               (279, 4, 1, 8)]
    ifd_offset = 16
    ifd = struct.pack("<H", len(entries)) + b"".join(
        struct.pack("<HHII", tag, kind, count, value) if kind == 4
        else struct.pack("<HHIHH", tag, kind, count, value, 0) for tag, kind, count, value in entries
    ) + struct.pack("<I", 0)
    path.write_bytes(b"II*\x00" + struct.pack("<I", ifd_offset) + b"\xff" * 8 + ifd)
    return path


def tiff_truncated(path: Path) -> Path:
    data = _encoded(_scan(), "TIFF", compression="tiff_lzw")
    path.write_bytes(data[: len(data) // 2])
    return path


def tiff_corrupt_second_page(path: Path) -> Path:
    """Two pages; the second page's pixel data points past the end of the file."""
    first, second = _scan(), _scan()
    buffer = io.BytesIO()
    first.save(buffer, format="TIFF", save_all=True, append_images=[second], compression="raw")
    data = bytearray(buffer.getvalue())
    # StripOffsets (tag 273) of the last IFD: aim it far beyond the file.
    last = data.rindex(struct.pack("<HH", 273, 4))
    data[last + 8:last + 12] = struct.pack("<I", 0x7FFFFFF0)
    path.write_bytes(bytes(data))
    return path


def tiff_over_page_limit(path: Path, pages: int = 2001) -> Path:
    frame = Image.new("L", (16, 16), 255)
    buffer = io.BytesIO()
    frame.save(buffer, format="TIFF", save_all=True, append_images=[frame] * (pages - 1))
    path.write_bytes(buffer.getvalue())
    return path
