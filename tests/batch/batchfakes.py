"""Fake extractors injected through the worker's ``extractor`` import path.

``extract`` sniffs inputs the way the real loader is meant to (empty, not a PDF, truncated,
encrypted, corrupt → our InputFileError subclasses) and builds a small but complete Vorlage from
the first text line. Words in the file name trigger misbehaviour for isolation tests:
``hang`` sleeps for an hour, ``crash`` dies of SIGSEGV, ``hog`` eats memory, ``slow`` takes
0.4 s, ``invalid`` returns a document that fails validation, ``stuck`` hangs inside page 1 (as
a C library call would), ``paced`` spends 0.4 s on each of five pages, ``noisy`` writes a
libtiff-style warning to file descriptor 2, ``boom`` raises an unexpected RuntimeError.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import signal
import time
from pathlib import Path

import pypdfium2 as pdfium

from vorlagenparser import limits
from vorlagenparser.errors import (
    EmptyFileError,
    EncryptedPdfError,
    NotAPdfError,
    TruncatedPdfError,
)
from vorlagenparser.model import (
    Beratungsergebnis,
    BeratungsfolgeEintrag,
    Checkbox,
    PageInfo,
    Source,
    Vorlage,
)
from vorlagenparser.options import ExtractOptions

EXTRACTOR = "batchfakes:extract"
LONG_EXTRACTOR = "batchfakes:read_as_long"
VERSION = "fake-1"


def extract(path: str, options: ExtractOptions) -> Vorlage:
    _misbehave(Path(path).name)
    data = Path(path).read_bytes()
    _sniff(path, data)
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise TruncatedPdfError(f"damaged PDF: {exc}", path) from exc
    try:
        sizes = [document[i].get_size() for i in range(len(document))]
        text = document[0].get_textpage().get_text_range() if sizes else ""
    finally:
        document.close()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    vorlage = make_vorlage(Path(path).name, hashlib.sha256(data).hexdigest(), sizes, lines,
                           options.profile)
    if "invalid" in Path(path).name:
        vorlage.warnings.append("forgot needs_review")  # breaks a model rule on re-validation
    return vorlage


def read_as_long(path: str, options: ExtractOptions) -> object:
    """The extract command's child part, the real one, as for a document too long to send."""
    from vorlagenparser.batch import isolated

    isolated.SENT_WORDS = -1  # in this worker process only, which serves one file and exits
    return isolated.read_for_extract(path, options)


def _sniff(path: str, data: bytes) -> None:
    if not data:
        raise EmptyFileError("the file is empty", path)
    if not data.startswith(b"%PDF"):
        raise NotAPdfError("not a PDF (no %PDF header)", path)
    if b"%%EOF" not in data[-1024:]:
        raise TruncatedPdfError("truncated PDF (no %%EOF at the end)", path)
    if b"/Encrypt" in data:
        raise EncryptedPdfError("the PDF is password-protected", path)


def _misbehave(name: str) -> None:
    if "hang" in name:
        time.sleep(3600)
    if "crash" in name:
        os.kill(os.getpid(), signal.SIGSEGV)
    if "hog" in name:
        hoard = []
        for _ in range(100):
            hoard.append(bytearray(32 * 1024 * 1024))  # touched, so it is resident
            time.sleep(0.02)
    if "stuck" in name:
        limits.step("page 1")
        time.sleep(3600)
    if "paced" in name:
        for number in range(1, 6):
            limits.step(f"page {number}")
            time.sleep(0.4)
    if "noisy" in name:
        os.write(2, b"TIFFReadDirectory: Warning, Unknown field with tag 50838 (0xc696)\n")
    if "boom" in name:
        raise RuntimeError("a bug, not the file")
    if "slow" in name:
        time.sleep(0.4)


def make_vorlage(filename: str, sha256: str, sizes: list[tuple[float, float]],
                 lines: list[str], profile: str | None = None) -> Vorlage:
    pages = [PageInfo(number=i + 1, method="text", width=w, height=h)
             for i, (w, h) in enumerate(sizes)]
    return Vorlage(
        source=Source(filename=filename, sha256=sha256, page_count=len(pages), pages=pages,
                      profile=profile, extractor_version=VERSION),
        vorlagenart="Beschlussvorlage",
        vorlagennummer=lines[1] if len(lines) > 1 else None,
        datum=dt.date(2024, 3, 14),
        federfuehrung="Amt für Stadtplanung",
        betreff=lines[0] if lines else None,
        beschlussvorschlag=" ".join(lines[2:3]) or None,
        begruendung=" ".join(lines[3:]) or None,
        beratungsfolge=[
            BeratungsfolgeEintrag(gremium="Ausschuss für Umwelt und Bau",
                                  sitzung_am=dt.date(2024, 4, 2), zustaendigkeit="Vorberatung",
                                  oeffentlich=True),
            BeratungsfolgeEintrag(gremium="Stadtrat", sitzung_am=dt.date(2024, 4, 25),
                                  zustaendigkeit="Entscheidung", oeffentlich=True),
        ],
        beratungsergebnis=[Beratungsergebnis(gremium="Stadtrat", einstimmig=False,
                                              mit_stimmenmehrheit=True, ja_stimmen=30,
                                              nein_stimmen=8, enthaltungen=2)],
        anlagen=["Lageplan", "Begründung zum Bebauungsplan"],
        checkboxes=[Checkbox(label="mit Stimmenmehrheit", checked=True, page=1,
                             bbox=[50.0, 700.0, 60.0, 710.0], confidence=0.95, source="vector",
                             field="beratungsergebnis.mit_stimmenmehrheit")],
    )
