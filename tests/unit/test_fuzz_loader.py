"""Property-based fuzzing of the loader with mutated PDFs: a damaged file is a Document or one
of our errors (an exit code and a message), never another exception; through the supervised
extract path it never kills the converter nor escapes as an unexpected error."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from vorlagenparser.batch.isolated import extract_isolated
from vorlagenparser.errors import VorlagenparserError
from vorlagenparser.load import open_document
from vorlagenparser.options import ExtractOptions

OPTIONS = ExtractOptions(ocr="never", page_timeout_s=20)


def _seed_pdf() -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    for i, line in enumerate(("Beschlussvorlage", "Vorlage Nr.: BV/017/2024",
                              "Betreff: Bebauungsplan Nr. 17", "Datum: 12.03.2024")):
        pdf.drawString(72, 770 - 18 * i, line)
    pdf.rect(72, 600, 10, 10)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


SEED = _seed_pdf()
_TOKENS = [b"obj", b"endobj", b"stream", b"endstream", b"xref", b"trailer", b"<<", b">>", b"[",
           b"]", b"/Length", b"/Type /Page", b"R", b"0", b"-1", b"99999999999", b"%%EOF", b"\x00",
           b"(", b")", b"/Filter /FlateDecode", b"1e308", b"BT", b"ET", b"Tj", b"Do", b"q", b"Q"]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """The seed with bytes overwritten, PDF tokens spliced in and a possible cut."""
    data = bytearray(SEED)
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data) - 1))
        if draw(st.booleans()):
            data[at:at + 1] = bytes([draw(st.integers(0, 255))])
        else:
            data[at:at] = b" " + draw(st.sampled_from(_TOKENS)) + b" "
    if draw(st.integers(0, 4)) == 0:
        data = data[: draw(st.integers(16, len(data)))]
    return bytes(data)


def written(folder: Path, data: bytes) -> Path:
    path = folder / "mutated.pdf"
    path.write_bytes(data)
    return path


FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(data=mutated())
def test_a_mutated_pdf_loads_or_fails_with_our_error(data: bytes, tmp_path: Path) -> None:
    try:
        document = open_document(written(tmp_path, data), OPTIONS)
    except VorlagenparserError as exc:
        assert exc.message and "\n" not in exc.message
        return
    assert document.pages and all(p.width >= 1 and p.height >= 1 for p in document.pages)


@pytest.mark.slow
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=mutated())
def test_a_mutated_pdf_through_the_whole_supervised_pipeline(data: bytes, tmp_path: Path) -> None:
    try:
        vorlage = extract_isolated(written(tmp_path, data), OPTIONS)
    except VorlagenparserError as exc:
        assert not exc.message.startswith("unexpected"), exc.detail
        assert "worker process" not in exc.message, exc.message  # it crashed the converter
        return
    assert vorlage.source.page_count >= 1
