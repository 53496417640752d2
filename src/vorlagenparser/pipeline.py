"""THE composition: one call per stage, data flowing one way."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import limits
from .checkboxes import LabelMatcher, detect
from .layout.assemble import analyse, to_raw
from .layout.counts import COUNT_KEYS
from .layout.document import per_profile
from .layout.form import Form
from .layout.vocab import Vocabulary
from .load import open_document
from .load.typed import with_typed_rules
from .model import Vorlage
from .ocr import LoaderEvidence, prepare_pages
from .options import ExtractOptions
from .pagemodel import Document, Word
from .profiles import load_profile, load_profile_dir, select_profile
from .profiles.model import Profile
from .validate import to_vorlage


@dataclass(frozen=True, slots=True)
class Extraction:
    """A converted document together with the page model it was read from and the layout
    stage's decisions.

    ``document`` holds every page's words (recognised or from the text layer) in frame points
    with ``Page.transform`` back to the original page; page images only for the pages asked
    for (``keep_images``). ``form`` is what the layout stage found: regions, box ties, pairs,
    tables, results (see ``vorlagenparser inspect``).
    """

    vorlage: Vorlage
    document: Document
    form: Form


def extract_document(path: str | Path, options: ExtractOptions | None = None,
                     keep_images: Collection[int] = ()) -> Extraction:
    """Extract one document and keep its page model and layout (see :class:`Extraction`)."""
    from . import __version__

    options = options or ExtractOptions()
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
            marks.append(list(found))
            limits.step(f"page {page.number + 1}")  # an image file's next page is OCR'd now
        document = document.with_pages(pages)
        if profile is None:
            profile = select_profile("", candidates)
        limits.step("the layout")
        form = analyse(pages, marks, profile)
        return Extraction(to_vorlage(to_raw(form), document, profile, __version__), document, form)


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


def warm_up() -> None:
    """Load now what converting the first documents would load on the way: the scan recipe
    with OpenCV (which also counts the OCR decision's text-like ink), tesserocr, and the probe
    of the Tesseract installation (cached). A worker pool's fork server calls it once for all
    its workers."""
    from importlib import import_module

    from .ocr.tesseract import probe

    for name in ("vorlagenparser.ocr.recipe", "vorlagenparser.checkboxes.raster",
                 "vorlagenparser.checkboxes.probe", "vorlagenparser.checkboxes.ticks"):
        import_module(name)
    probe()


def extract(path: str | Path, options: ExtractOptions | None = None) -> Vorlage:
    """Extract one document (PDF, TIFF, PNG or JPEG) into a validated Vorlage."""
    return extract_document(path, options).vorlage
