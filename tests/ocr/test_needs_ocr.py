"""The OCR decision and its reasons."""

from __future__ import annotations

import numpy as np
import pytest

from vorlagenparser.geometry import BBox
from vorlagenparser.ocr import needs_ocr
from vorlagenparser.options import ExtractOptions
from vorlagenparser.pagemodel import Page, Word

AUTO = ExtractOptions()


def page(*texts: str, method: str = "text") -> Page:
    words = tuple(Word(t, BBox(10 + 30 * i, 10, 38 + 30 * i, 20)) for i, t in enumerate(texts))
    return Page(number=1, width=595, height=842, words=words, method=method)  # type: ignore[arg-type]


SENTENCE = ("Der Gemeinderat beschließt den Bebauungsplan Nr. 12 in der Fassung vom "
            "7. Februar 2023 als Satzung. Die Verwaltung wird beauftragt.")
GOOD = tuple(SENTENCE.split(" "))


@pytest.mark.parametrize(("texts", "expected", "reason"), [
    ((), True, "no text layer"),
    (("  ",), True, "no text layer"),
    (GOOD, False, "usable text layer"),
    (tuple(["(cid:12)(cid:7)(cid:44)"] * 10), True, "(cid:NN)"),
    (tuple(["Ge\ufffd\ufffdrat"] * 10), True, "replacement"),
    (tuple(["\ue001\ue002\ue003x"] * 10), True, "private-use"),
    (tuple(["%$#@!", "&*^~"] * 10), True, "letters and digits"),
    (tuple("BeschlussvorlagederStadtverwaltungGemeinderat1"), True, "one-character words"),
    (("Seite", "2"), True, "only 6 characters"),
])
def test_decision_and_reason(texts: tuple[str, ...], expected: bool, reason: str) -> None:
    decision, why = needs_ocr(page(*texts), AUTO)
    assert decision is expected
    assert reason in why


def test_numbers_heavy_table_page_is_a_usable_text_layer() -> None:
    texts = (*(f"{i},{i * 7 % 100:02d}" for i in range(60)), "Summe", "Euro")
    assert needs_ocr(page(*texts), AUTO) == (False, "usable text layer")


def test_sparse_digital_page_without_images_keeps_its_text() -> None:
    decision, why = needs_ocr(page("Seite", "2"), AUTO, has_images=False)
    assert (decision, why) == (False, "usable text layer")


def test_sparse_text_on_a_scanned_image_needs_ocr() -> None:
    assert needs_ocr(page("Eingang:", "12.3."), AUTO, has_images=True)[0]


def test_forced_modes_override_the_text_layer() -> None:
    assert needs_ocr(page(*GOOD), ExtractOptions(ocr="always")) == (True, "forced by --ocr always")
    assert needs_ocr(page(), ExtractOptions(ocr="never")) == (False, "OCR disabled by --ocr never")


def test_an_already_recognised_page_is_not_done_twice() -> None:
    done = page(*GOOD, method="ocr")
    assert needs_ocr(done, ExtractOptions(ocr="always")) == (False, "already recognised")


def test_an_image_page_without_words_needs_ocr() -> None:
    scan = Page(number=1, width=595, height=842, method="ocr",
                image=np.full((10, 10), 255, np.uint8))
    assert needs_ocr(scan, AUTO) == (True, "no text layer")


def test_text_layer_missing_printed_text_needs_ocr() -> None:
    decision, why = needs_ocr(page(*GOOD), AUTO, missing_text=0.47)
    assert decision and why == "text layer misses 47% of the printed text"
    assert needs_ocr(page(*GOOD), AUTO, missing_text=0.05) == (False, "usable text layer")
