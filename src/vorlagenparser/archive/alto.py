"""ALTO v4 full text of one document: pages → text blocks → lines → strings, and the checkboxes.

A pure function of the converted document and its page model. Positions are in the *original*
page's coordinates (each word's frame box mapped through ``Page.transform``): pixels of the
scanned image for image files, 1/1200 inch for PDFs (exact from PDF points, and the same for
digital and scanned pages of one file). ``WC`` is the word confidence (tesseract's for OCR
pages, 1 for a text layer); ``PC`` the page's mean OCR confidence.

Checkboxes are ``Illustration`` blocks with ``TYPE="checkbox"``: in ALTO 4 the only block type
that carries a type of its own (``GraphicalElement`` is documented as a separator and has none).
Their state cannot go into a block attribute, so each box points (``TAGREFS``) to an
``OtherTag`` with ``TYPE="checkbox"``, ``LABEL`` "checked" or "unchecked" and the printed label
as ``DESCRIPTION``; the mapped output field, confidence and detector sit in the tag's
``XmlData`` in our own namespace, which ALTO validates laxly.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from xml.etree import ElementTree as ET

from ..geometry import BBox
from ..model import Checkbox, Vorlage
from ..pagemodel import Document, Page, Word
from .lines import TextBlock, group_blocks, group_lines, union_box

ALTO_NS = "http://www.loc.gov/standards/alto/ns-v4#"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
EXT_NS = "urn:vorlagenparser:alto:checkbox:1"
SCHEMA_LOCATION = f"{ALTO_NS} http://www.loc.gov/standards/alto/v4/alto-4-4.xsd"
_INCH1200_PER_POINT = 1200 / 72
# Characters XML 1.0 cannot hold (C0 controls except tab, newline, return; lone surrogates).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def alto_xml(vorlage: Vorlage, document: Document, *, software: str, version: str,
             settings: str | None = None) -> bytes:
    """The ALTO 4 document (UTF-8 bytes with XML declaration) for one converted file."""
    ET.register_namespace("", ALTO_NS)
    ET.register_namespace("xsi", XSI_NS)
    ET.register_namespace("vp", EXT_NS)
    pixels = document.kind == "image"
    root = ET.Element(_q("alto"), {f"{{{XSI_NS}}}schemaLocation": SCHEMA_LOCATION})
    _description(root, vorlage, pixels, software, version, settings)
    _tags(root, vorlage.checkboxes)
    layout = ET.SubElement(root, _q("Layout"))
    numbered = list(enumerate(vorlage.checkboxes, start=1))
    for page in document.pages:
        boxes = [(i, c) for i, c in numbered if c.page == page.number]
        _page(layout, page, boxes, _unit_scale(page, pixels))
    ET.indent(root, space=" ")
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return body + b"\n"


def _q(tag: str) -> str:
    return f"{{{ALTO_NS}}}{tag}"


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") or "0"


def _text(value: str) -> str:
    return _NOT_XML.sub("", value)


def _unit_scale(page: Page, pixels: bool) -> float:
    """Output units per original page point."""
    return page.image_scale if pixels else _INCH1200_PER_POINT


def _description(root: ET.Element, vorlage: Vorlage, pixels: bool, software: str,
                 version: str, settings: str | None) -> None:
    desc = ET.SubElement(root, _q("Description"))
    ET.SubElement(desc, _q("MeasurementUnit")).text = "pixel" if pixels else "inch1200"
    info = ET.SubElement(desc, _q("sourceImageInformation"))
    ET.SubElement(info, _q("fileName")).text = _text(vorlage.source.filename)
    step = ET.SubElement(desc, _q("Processing"), {"ID": "PROC1"})
    ET.SubElement(step, _q("processingCategory")).text = "contentGeneration"
    if settings:
        ET.SubElement(step, _q("processingStepSettings")).text = _text(settings)
    tool = ET.SubElement(step, _q("processingSoftware"))
    ET.SubElement(tool, _q("softwareName")).text = software
    ET.SubElement(tool, _q("softwareVersion")).text = version


def _tags(root: ET.Element, boxes: Sequence[Checkbox]) -> None:
    if not boxes:
        return
    tags = ET.SubElement(root, _q("Tags"))
    for index, box in enumerate(boxes, start=1):
        tag = ET.SubElement(tags, _q("OtherTag"), {
            "ID": f"CB{index}", "TYPE": "checkbox",
            "LABEL": "checked" if box.checked else "unchecked",
            "DESCRIPTION": _text(box.label)})
        data = ET.SubElement(tag, _q("XmlData"))
        attrs = {"confidence": _num(box.confidence), "detector": box.source}
        if box.field:
            attrs["field"] = box.field
        ET.SubElement(data, f"{{{EXT_NS}}}checkbox", attrs)


def _page(layout: ET.Element, page: Page, boxes: Sequence[tuple[int, Checkbox]],
          scale: float) -> None:
    width = (page.original_width or page.width) * scale
    height = (page.original_height or page.height) * scale
    attrs = {"ID": f"P{page.number}", "PHYSICAL_IMG_NR": str(page.number),
             "WIDTH": _num(width), "HEIGHT": _num(height)}
    if page.ocr_confidence is not None:
        attrs["PC"] = _num(page.ocr_confidence)
    element = ET.SubElement(layout, _q("Page"), attrs)
    space = ET.SubElement(element, _q("PrintSpace"), {
        "HPOS": "0", "VPOS": "0", "WIDTH": _num(width), "HEIGHT": _num(height)})
    rotation = _rotation(page)
    for index, block in enumerate(group_blocks(group_lines(page.words)), start=1):
        _block(space, page, block, f"P{page.number}_B{index}", scale, rotation)
    for index, box in boxes:
        ET.SubElement(space, _q("Illustration"), {
            "ID": f"P{page.number}_CB{index}", "TYPE": "checkbox", "TAGREFS": f"CB{index}",
            **_position(BBox(*box.bbox), scale)})


def _rotation(page: Page) -> str | None:
    """Counter-clockwise degrees of the text in the original page (quarter turn + skew)."""
    clockwise = math.degrees(math.atan2(page.transform.d, page.transform.a))
    degrees = round(-clockwise % 360, 2) % 360
    return None if min(degrees, 360 - degrees) < 0.05 else _num(degrees)


def _position(box: BBox, scale: float) -> dict[str, str]:
    return {"HPOS": _num(box.x0 * scale), "VPOS": _num(box.top * scale),
            "WIDTH": _num(box.width * scale), "HEIGHT": _num(box.height * scale)}


def _block(space: ET.Element, page: Page, block: TextBlock, block_id: str, scale: float,
           rotation: str | None) -> None:
    lines = [[(w, page.to_original(w.bbox)) for w in line.words] for line in block.lines]
    line_boxes = [union_box([b for _, b in line]) for line in lines]
    attrs = {"ID": block_id, **_position(union_box(line_boxes), scale)}
    if rotation:
        attrs["ROTATION"] = rotation
    element = ET.SubElement(space, _q("TextBlock"), attrs)
    for number, (line, box) in enumerate(zip(lines, line_boxes, strict=True), start=1):
        line_id = f"{block_id}_L{number}"
        line_element = ET.SubElement(element, _q("TextLine"), {"ID": line_id, **_position(box, scale)})
        for index, (word, word_box) in enumerate(line, start=1):
            if index > 1:
                ET.SubElement(line_element, _q("SP"))
            ET.SubElement(line_element, _q("String"), _string(word, word_box, scale))


def _string(word: Word, box: BBox, scale: float) -> dict[str, str]:
    attrs = {"CONTENT": _text(word.text), **_position(box, scale),
             "WC": _num(max(0.0, min(1.0, word.confidence)))}
    if word.bold:
        attrs["STYLE"] = "bold"
    return attrs
