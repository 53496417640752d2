"""Resource bombs: small files that unfold into gigabytes or endless work, and active content."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from .base import deflate_repeated, page_with, pdf_with_pages, save, text_ops

_GIB_CHUNK = 16 << 20
_GIB_TIMES = 64  # 64 × 16 MiB = 1 GiB


def _flate_stream(pdf: pikepdf.Pdf, data: bytes, **keys: object) -> pikepdf.Stream:
    stream = pikepdf.Stream(pdf, data)
    stream.Filter = pikepdf.Name.FlateDecode
    for key, value in keys.items():
        stream[f"/{key}"] = value
    return stream


def flate_bomb_content(path: Path) -> Path:
    """A 1 MB content stream that inflates to 1 GiB of spaces."""
    pdf = pikepdf.new()
    page = page_with(pdf, b"")
    page.Contents = _flate_stream(pdf, deflate_repeated(b" " * _GIB_CHUNK, _GIB_TIMES))
    return save(pdf_with_pages(page, pdf=pdf), path)


def flate_bomb_image(path: Path) -> Path:
    """A 32768 × 32768 grey image (1 GiB of pixels) in a 1 MB stream, drawn beside a few lines."""
    pdf = pikepdf.new()
    side = 32768
    image = _flate_stream(pdf, deflate_repeated(b"\xff" * _GIB_CHUNK, _GIB_TIMES),
                          Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=side,
                          Height=side, ColorSpace=pikepdf.Name.DeviceGray, BitsPerComponent=8)
    content = text_ops() + b"q 400 0 0 400 100 100 cm /Im1 Do Q\n"
    page = page_with(pdf, content, xobjects={"Im1": pdf.make_indirect(image)})
    return save(pdf_with_pages(page, pdf=pdf), path)


def image_huge_declared(path: Path) -> Path:
    """An image claiming 100000 × 100000 pixels with a few bytes of data."""
    pdf = pikepdf.new()
    image = pikepdf.Stream(pdf, b"\x00" * 64)
    for key, value in {"Type": pikepdf.Name.XObject, "Subtype": pikepdf.Name.Image,
                       "Width": 100_000, "Height": 100_000, "BitsPerComponent": 8,
                       "ColorSpace": pikepdf.Name.DeviceGray}.items():
        image[f"/{key}"] = value
    content = text_ops() + b"q 400 0 0 400 100 100 cm /Im1 Do Q\n"
    page = page_with(pdf, content, xobjects={"Im1": pdf.make_indirect(image)})
    return save(pdf_with_pages(page, pdf=pdf), path)


def _form(pdf: pikepdf.Pdf, content: bytes, xobjects: dict[str, pikepdf.Object] | None = None,
          ) -> pikepdf.Stream:
    form = pdf.make_stream(content)
    form.Type = pikepdf.Name.XObject
    form.Subtype = pikepdf.Name.Form
    form.BBox = [0, 0, 595, 842]
    if xobjects is not None:
        form.Resources = pikepdf.Dictionary(
            XObject=pikepdf.Dictionary({f"/{k}": v for k, v in xobjects.items()}))
    return form


def xobject_fanout(path: Path, levels: int = 12, fanout: int = 10) -> Path:
    """Each form draws the next one ``fanout`` times, ``levels`` deep: 10^12 leaf drawings in 4 KB."""
    pdf = pikepdf.new()
    node = _form(pdf, b"0 0 m 1 1 l S\n")
    for _ in range(levels):
        node = _form(pdf, b"/X Do\n" * fanout, {"X": node})
    page = page_with(pdf, text_ops() + b"/X Do\n", xobjects={"X": node})
    return save(pdf_with_pages(page, pdf=pdf), path)


def self_recursive_xobject(path: Path) -> Path:
    pdf = pikepdf.new()
    form = _form(pdf, b"0 0 m 10 10 l S /Self Do\n")
    form.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Self=form))
    page = page_with(pdf, text_ops() + b"/Self Do\n", xobjects={"Self": form})
    return save(pdf_with_pages(page, pdf=pdf), path)


def mutually_recursive_xobjects(path: Path) -> Path:
    pdf = pikepdf.new()
    a = _form(pdf, b"0 0 m 10 10 l S /B Do\n")
    b = _form(pdf, b"0 10 m 10 0 l S /A Do\n")
    a.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(B=b))
    b.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(A=a))
    page = page_with(pdf, text_ops() + b"/A Do\n", xobjects={"A": a})
    return save(pdf_with_pages(page, pdf=pdf), path)


def rect_flood(path: Path, count: int = 20_000) -> Path:
    """One page with tens of thousands of small ruled rectangles (a CPU bomb for table finding)."""
    pdf = pikepdf.new()
    cells = b"".join(b"%d %d 2 2 re S\n" % (20 + (i % 200) * 2.8, 20 + (i // 200) * 3.5)
                     for i in range(count))
    return save(pdf_with_pages(page_with(pdf, text_ops() + cells), pdf=pdf), path)


def javascript_actions(path: Path, marker: Path) -> Path:
    """Document-level, open-action and page-action JavaScript that would write ``marker``."""
    pdf = pikepdf.new()
    script = (f"var f = this.exportDataObject({{cName: 'x', nLaunch: 2}}); "
              f"app.launchURL('file://{marker}', true); app.alert('ran');")
    action = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String(script)))
    page = page_with(pdf, text_ops(),
                     AA=pikepdf.Dictionary(O=action, C=action))
    pdf = pdf_with_pages(page, pdf=pdf)
    pdf.Root.OpenAction = action
    pdf.Root.Names = pikepdf.Dictionary(JavaScript=pikepdf.Dictionary(Names=[pikepdf.String("init"), action]))
    return save(pdf, path)


def launch_action(path: Path, marker: Path) -> Path:
    """An open action launching a shell script that would create ``marker``."""
    script = path.with_name(path.stem + ".launch.sh")
    script.write_text(f"#!/bin/sh\ntouch '{marker}'\n", encoding="utf-8")
    script.chmod(0o755)
    pdf = pikepdf.new()
    launch = pdf.make_indirect(pikepdf.Dictionary(
        S=pikepdf.Name.Launch, F=pikepdf.String(str(script)), NewWindow=True,
        Unix=pikepdf.Dictionary(F=pikepdf.String(str(script)))))
    pdf = pdf_with_pages(page_with(pdf, text_ops(), AA=pikepdf.Dictionary(O=launch)), pdf=pdf)
    pdf.Root.OpenAction = launch
    return save(pdf, path)


def noise_pages(path: Path, count: int = 2) -> Path:
    """A5 pages that are one picture of random grey noise each (a scanner's worst day)."""
    import numpy as np

    rng = np.random.default_rng(9)
    pdf = pikepdf.new()
    width, height = 874, 1240  # A5 at 150 dpi
    for _ in range(count):
        pixels = rng.integers(0, 256, size=(height, width), dtype=np.uint8).tobytes()
        image = pdf.make_stream(pixels)
        for key, value in {"Type": pikepdf.Name.XObject, "Subtype": pikepdf.Name.Image,
                           "Width": width, "Height": height, "BitsPerComponent": 8,
                           "ColorSpace": pikepdf.Name.DeviceGray}.items():
            image[f"/{key}"] = value
        page = page_with(pdf, b"q 420 0 0 595 0 0 cm /Im1 Do Q\n", size=(420, 595),
                         xobjects={"Im1": image})
        pdf.pages.append(pikepdf.Page(page))
    return save(pdf, path)
