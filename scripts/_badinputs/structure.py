"""Damaged and odd PDF structures: cut files, broken cross-references, page trees, encryption."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pikepdf

from .base import (
    RAW_FONT,
    good_pdf,
    page_with,
    pdf_with_pages,
    raw_page,
    raw_pdf,
    raw_stream,
    save,
    text_ops,
)


def truncated_half(path: Path) -> Path:
    data = good_pdf()
    path.write_bytes(data[: len(data) // 2])
    return path


def truncated_with_eof(path: Path) -> Path:
    """Cut inside the page's content, yet ending in %%EOF: the sniffer cannot tell."""
    data = good_pdf()
    path.write_bytes(data[: int(len(data) * 0.6)] + b"\n%%EOF\n")
    return path


def corrupt_xref(path: Path) -> Path:
    """Every offset in the cross-reference table is wrong (PDF readers rebuild it)."""
    data = good_pdf()
    start = data.rindex(b"xref")
    table = re.sub(rb"\d{10} (\d{5}) n", lambda m: b"0000000999 " + m.group(1) + b" n",
                   data[start:])
    path.write_bytes(data[:start] + table)
    return path


def no_trailer(path: Path) -> Path:
    data = good_pdf()
    start = data.rindex(b"trailer")
    end = data.index(b">>", data.index(b"/Root", start)) + 2
    path.write_bytes(data[:start] + data[end:])
    return path


def no_xref_no_trailer(path: Path) -> Path:
    data = good_pdf()
    path.write_bytes(data[: data.rindex(b"xref")] + b"%%EOF\n")
    return path


def garbage_body(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 16 + b"\n%%EOF\n")
    return path


def header_only(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.7\n%%EOF\n")
    return path


def leading_garbage(path: Path) -> Path:
    """Bytes before the header (mail gateways and web forms add them): readers skip them."""
    path.write_bytes(b"Content-Type: application/pdf\r\n\r\n" + good_pdf())
    return path


def wrong_stream_length(path: Path) -> Path:
    data = good_pdf()
    path.write_bytes(re.sub(rb"/Length \d+", b"/Length 999999", data, count=1))
    return path


def _encrypted(path: Path, user: str, owner: str, r: int) -> Path:
    with pikepdf.open(io.BytesIO(good_pdf())) as pdf:
        return save(pdf, path, encryption=pikepdf.Encryption(user=user, owner=owner, R=r))


def encrypted_user_password(path: Path) -> Path:
    return _encrypted(path, "geheim", "owner", 4)


def encrypted_aes256_user_password(path: Path) -> Path:
    return _encrypted(path, "geheim", "owner", 6)


def encrypted_owner_only(path: Path) -> Path:
    """Only an owner password (printing allowed, no password to open): must convert."""
    return _encrypted(path, "", "owner", 4)


def zero_pages(path: Path) -> Path:
    pdf = pikepdf.new()  # a catalog with an empty page tree
    return save(pdf, path)


def zero_size_page(path: Path) -> Path:
    pdf = pikepdf.new()
    return save(pdf_with_pages(page_with(pdf, text_ops(), size=(0, 0)), pdf=pdf), path)


def inverted_mediabox(path: Path) -> Path:
    pdf = pikepdf.new()
    page = page_with(pdf, text_ops())
    page.MediaBox = [595, 842, 0, 0]
    return save(pdf_with_pages(page, pdf=pdf), path)


def huge_page(path: Path) -> Path:
    """200 × 200 inches, the largest page PDF allows, with a few lines of text."""
    pdf = pikepdf.new()
    return save(pdf_with_pages(page_with(pdf, text_ops(top=14300), size=(14400, 14400)),
                               pdf=pdf), path)


def tiny_page(path: Path) -> Path:
    pdf = pikepdf.new()
    return save(pdf_with_pages(page_with(pdf, b"0 0 1 1 re f\n", size=(1, 1)), pdf=pdf), path)


def rotated_page(path: Path) -> Path:
    """A valid page turned by /Rotate 90: must convert."""
    pdf = pikepdf.new()
    return save(pdf_with_pages(page_with(pdf, text_ops(), Rotate=90), pdf=pdf), path)


def rotate_45(path: Path) -> Path:
    """/Rotate must be a multiple of 90; 45 is ignored by readers."""
    pdf = pikepdf.new()
    return save(pdf_with_pages(page_with(pdf, text_ops(), Rotate=45), pdf=pdf), path)


def deep_page_tree(path: Path, depth: int = 5000) -> Path:
    """One page under 5000 nested /Pages nodes (objects: 1 catalog, 2 font, 3 content, 4 page,
    5.. the chain of nodes from the page upwards; the last one is the root)."""
    first = 5
    nodes = [b"<< /Type /Pages /Kids [%d 0 R] /Count 1 /Parent %d 0 R >>"
             % (first + i - 1 if i else 4, first + i + 1) for i in range(depth)]
    nodes[-1] = nodes[-1].split(b" /Parent")[0] + b" >>"
    root = first + depth - 1
    objects = [b"<< /Type /Catalog /Pages %d 0 R >>" % root, RAW_FONT, raw_stream(text_ops()),
               raw_page(first, 3, 2), *nodes]
    path.write_bytes(raw_pdf(objects))
    return path


def circular_page_tree(path: Path) -> Path:
    """The root lists an inner node and the page; the inner node lists the root again."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
               b"<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>",
               raw_page(2, 5, 6), raw_stream(text_ops()), RAW_FONT]
    path.write_bytes(raw_pdf(objects))
    return path


def _one_page(path: Path, pages_node: bytes) -> Path:
    """Object 3 is the one page; ``pages_node`` (object 2, the root) may list it as it likes."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", pages_node, raw_page(2, 4, 5),
               raw_stream(text_ops()), RAW_FONT]
    path.write_bytes(raw_pdf(objects))
    return path


def page_count_lie(path: Path) -> Path:
    """/Count claims a million pages; there is one."""
    return _one_page(path, b"<< /Type /Pages /Kids [3 0 R] /Count 1000000 >>")


def shared_page_object(path: Path) -> Path:
    """One page object listed three times in the tree."""
    return _one_page(path, b"<< /Type /Pages /Kids [3 0 R 3 0 R 3 0 R] /Count 3 >>")


def broken_font_program(path: Path) -> Path:
    """An embedded TrueType font whose program is garbage."""
    pdf = pikepdf.new()
    page = page_with(pdf, text_ops())
    font = page.Resources.Font.F1
    font.Subtype = pikepdf.Name.TrueType
    font.FontDescriptor = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.FontDescriptor, FontName=pikepdf.Name.Broken, Flags=32,
        FontBBox=[0, 0, 1000, 1000], ItalicAngle=0, Ascent=800, Descent=-200, CapHeight=700,
        StemV=80, FontFile2=pdf.make_stream(bytes(range(256)) * 40)))
    return save(pdf_with_pages(page, pdf=pdf), path)


def garbage_operators(path: Path) -> Path:
    """A content stream of unknown operators, unbalanced q/Q and absurd numbers."""
    pdf = pikepdf.new()
    junk = (b"q q q 1e308 1e308 m 1e308 0 l S Q Q Q Q Q Q BT ET ET ET Tj Tj ] ] >> << "
            b"/NoSuchFont 12 Tf (x) Tj 9999999999999999999 0 0 1 0 0 cm BI /W 1 ID \x00\xff EI ")
    return save(pdf_with_pages(page_with(pdf, junk * 50 + text_ops()), pdf=pdf), path)


def pages(count: int, content: bytes, path: Path) -> Path:
    pdf = pikepdf.new()
    page = page_with(pdf, content)
    for _ in range(count):
        pdf.pages.append(pikepdf.Page(page))
    return save(pdf, path)


def blank_300_pages(path: Path) -> Path:
    return pages(300, b"", path)


def over_page_limit(path: Path) -> Path:
    return pages(2001, text_ops(), path)
