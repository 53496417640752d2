"""The reading stages, page by page: load → OCR where needed → checkbox detection.

What they make of a file, a :class:`Reading`, is all the layout stage needs, and it is plain
picklable data. So the two halves of a conversion can run apart: the ``extract`` command reads
the file in a supervised child process (the part that runs PDFium, image decoders, Tesseract
and OpenCV on untrusted bytes) while it loads the layout stage itself (see
:mod:`.batch.isolated`). That is also why this module loads no more of ``layout`` than the
vocabulary the checkbox labels are matched with.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import limits
from .checkboxes import LabelMatcher, detect
from .layout.vocab import Vocabulary
from .load import open_document
from .load.typed import with_typed_rules
from .ocr import LoaderEvidence, prepare_pages
from .options import ExtractOptions
from .pagemodel import Document, Mark, Word
from .profiles import load_profile, load_profile_dir, per_profile, select_profile
from .profiles.model import COUNT_KEYS, Profile

__all__ = ["Reading", "option_labels", "read_document"]


@dataclass(frozen=True, slots=True)
class Reading:
    """A file as the reading stages left it, for the layout stage.

    ``document`` holds every page's words (recognised or from the text layer) in frame points,
    page images only for the pages asked for; ``marks`` the checkboxes found on each page, in
    page order; ``profile`` the layout profile given or chosen by the first page's words.
    """

    path: str
    options: ExtractOptions
    document: Document
    marks: tuple[tuple[Mark, ...], ...]
    profile: Profile


def read_document(path: str | Path, options: ExtractOptions,
                  keep_images: Collection[int] = ()) -> Reading:
    """Read a file's pages (PDF, TIFF, PNG or JPEG) up to the layout stage, under the step clock."""
    profile = load_profile(options.profile) if options.profile else None
    candidates = load_profile_dir(options.profiles) if options.profiles and profile is None else ()
    with limits.timed(str(path), options.page_timeout_s):
        evidence = LoaderEvidence()  # the OCR decision's look at thin text pages, taken in loading
        document = open_document(path, options, on_preview=evidence)
        pages, marks = [], []
        labels: LabelMatcher | None = None
        for prepared in prepare_pages(document, options, evidence=evidence):
            page = with_typed_rules(prepared)  # tables typed with "|" and "---+---"
            if profile is None:  # chosen by the first page's words
                profile = select_profile(page.text, candidates)
            labels = labels or option_labels(profile)
            page, found = detect(page, labels)
            # The raster is done with: free it page by page (unless a picture of it is wanted).
            pages.append(page if page.number in keep_images else page.with_(image=None))
            marks.append(found)
            limits.step(f"page {page.number + 1}")  # an image file's next page is OCR'd now
        if profile is None:
            profile = select_profile("", candidates)
        return Reading(str(path), options, document.with_pages(pages), tuple(marks), profile)


def option_labels(profile: Profile) -> LabelMatcher:
    """How many leading words form a box's option label ("mit Stimmenmehrheit"); counts are none."""
    vocab = per_profile(profile, _option_vocabulary)  # once per profile, not per document

    def matcher(words: Sequence[Word]) -> int:
        # A label starts with a word: OCR's "[" for a typed box is read past by the vocabulary,
        # and would otherwise pass for the label's first word, with the box sought before it.
        if not words or not any(c.isalpha() for c in words[0].text):
            return 0
        hit = vocab.prefix(words) or vocab.near_prefix(words)
        return hit.nwords if hit is not None else 0

    return matcher


def _option_vocabulary(profile: Profile) -> Vocabulary:
    return Vocabulary({k: v for k, v in profile.checkboxes.items() if k not in COUNT_KEYS})
