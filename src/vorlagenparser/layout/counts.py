"""Stage 4, vote counts: numbers beside Ja / Nein / Enthaltungen, never checkboxes.

A count label ("Ja-Stimmen:", "Nein", "Enth.") takes the number after it on its line — typed,
written into a box or onto a fill-in line ("Ja ___12___") — up to the next label or box; a box
tied to a count label holds its count inside. A blank box or line is a count not given (None);
a value that is neither blank nor a number is unreadable (None with its raw text kept).
Whether a count belongs to a Beratungsergebnis is the result stage's call: here every count
label is read, and ``strong`` says whether it is one without context (a colon, or a
"…-Stimmen" form) or only inside a result block ("Ja 12").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..geometry import BBox, gap_x, vertical_overlap
from ..pagemodel import Mark, Word
from ..parsing.numbers import parse_count
from ..profiles import per_profile
from ..profiles.model import COUNT_KEYS, Profile
from .document import Doc
from .ties import Tie
from .vocab import Vocabulary

_FILLER = re.compile(r"^[_.…:=\-–—|\[\](){}]+$")
_BORDERS = "[]|(){}"


@dataclass(frozen=True, slots=True)
class Count:
    key: str
    value: int | None
    page: int
    line: int  # index of the label's line
    label_bbox: BBox
    bbox: BBox  # where the value (or the blank) is
    how: str  # after-label | box
    strong: bool
    confidence: float
    raw: str | None = None  # printed text that is no count
    mark: Mark | None = None  # the box the count is written in, when it is a detected box


def count_vocabulary(doc: Doc) -> Vocabulary:
    return per_profile(doc.profile, _count_vocabulary)


def _count_vocabulary(profile: Profile) -> Vocabulary:
    labels: dict[str, list[str]] = {k: list(profile.checkboxes.get(k, [])) for k in COUNT_KEYS}
    rule = profile.tables.get("beratungsergebnis")
    for k in COUNT_KEYS:
        if rule is not None:
            labels[k] += [c for c in rule.columns.get(k, []) if c not in labels[k]]
    return Vocabulary({k: v for k, v in labels.items() if v})


def find_counts(doc: Doc, ties: tuple[Tie, ...]) -> tuple[Count, ...]:
    vocab = count_vocabulary(doc)
    if not vocab:
        return ()
    out: list[Count] = []
    in_boxes: set[int] = set()  # label phrases of count boxes: read once, from the box
    for tie in ties:
        count = box_count(doc, tie)
        if count is not None:
            out.append(count)
            in_boxes.update(id(p) for p in tie.phrases)
    for line in doc.lines:
        words = [w for p in line.phrases if id(p) not in in_boxes for w in p.words] if in_boxes \
            else list(line.words)
        may = vocab.may_begin(words)
        if True not in may:
            continue  # no word of the line can begin a count label (most lines)
        marks: list[Mark] | None = None  # the line's boxes, once a label is found on it
        i = 0
        while i < len(words):
            hit = vocab.prefix(words[i:]) if may[i] else None
            if hit is None or not (hit.strong or _starts_label(words, i)):
                i += 1
                continue
            if marks is None:
                marks = [m for m in doc.page_marks(line.page)
                         if vertical_overlap(m.bbox, line.bbox) > 0.3]
            label = words[i:i + hit.nwords]
            if hit.strong:
                count = _after_label(
                    doc, vocab, line.page, line.index, hit.name, label, words[i + hit.nwords :], marks
                )
            else:  # "mit 18 Ja-Stimmen, 1 Nein-Stimme": a number before a bare label is its count
                count = _before_label(
                    doc, line.page, line.index, hit.name, label, words[i - 1] if i else None
                ) or _after_label(
                    doc, vocab, line.page, line.index, hit.name, label, words[i + hit.nwords :], marks
                )
            if count is not None:
                out.append(count)
            i += hit.nwords
    return tuple(out)


def _starts_label(words: list[Word], i: int) -> bool:
    """A count label starts a word run: "Ja:" yes, the "ja" inside "Stimmen dafür: ja" no."""
    if i == 0:
        return True
    prev = words[i - 1]
    return not prev.text[-1:].isalpha() or words[i].bbox.x0 - prev.bbox.x1 > 1.5 * words[i].bbox.height


def is_count_tie(tie: Tie, doc: Doc) -> bool:
    """A box beside a count label is a write-in field — unless it answers a yes/no question
    ("Finanzielle Auswirkungen: ☐ Ja ☒ Nein")."""
    if tie.key not in COUNT_KEYS:
        return False
    wide = tie.mark.bbox.width > doc.settings.count_box_min_aspect * tie.mark.bbox.height
    return wide or _digits_inside(doc, tie) or (tie.group is None and len(tie.label) > 4)


def box_count(doc: Doc, tie: Tie) -> Count | None:
    if not is_count_tie(tie, doc) or tie.key is None or tie.label_bbox is None:
        return None
    words = doc.word_index(tie.page).inside(tie.mark.bbox.expand(2), tol=1)
    text = doc.typed(" ".join(w.text for w in words), tie.page).strip(_BORDERS + " ")
    value = parse_count(text) if text else None
    raw = text if text and value is None and not _FILLER.match(text) else None
    line = _line_index(doc, tie.page, tie.label_bbox)
    conf = min((w.confidence for w in words), default=tie.quality)
    return Count(tie.key, value, tie.page, line, tie.label_bbox, tie.mark.bbox, "box",
                 strong=True, confidence=conf, raw=raw, mark=tie.mark)


def _digits_inside(doc: Doc, tie: Tie) -> bool:
    # Asked of the page's word index (every count box, by several stages), not of every word.
    return any(any(c.isdigit() for c in w.text)
               for w in doc.word_index(tie.page).inside(tie.mark.bbox.expand(2), tol=1))


def _line_index(doc: Doc, page: int, box: BBox) -> int:
    for line in doc.on_page(page):
        if vertical_overlap(line.bbox, box) > 0.3:
            return line.index
    return -1


def _after_label(doc: Doc, vocab: Vocabulary, page: int, line: int, key: str, label: list[Word],
                 rest: list[Word], marks: list[Mark]) -> Count | None:
    last = label[-1]
    height = max(last.bbox.height, 4.0)
    label_box = BBox(label[0].bbox.x0, min(w.bbox.top for w in label), last.bbox.x1,
                     max(w.bbox.bottom for w in label))
    colon = last.text.endswith(":") or (rest[:1] and rest[0].text.startswith(":"))
    long_form = len("".join(w.text for w in label).strip(":")) > 4
    next_mark = min((m.bbox.x0 for m in marks if m.bbox.x0 >= last.bbox.x1 - 1), default=1e9)
    cell = _cell_of(doc, page, label_box)
    taken: list[Word] = []
    for w in rest:
        # In a ruled cell the count may stand at its far end ("Ja        [ 6 ]"), or in the box
        # ruled into that end (a cell of its own, right beside the label's).
        in_cell = cell is not None and (cell.x0 - 1 <= w.bbox.cx <= cell.x1 + 1
                                        or _beside_cell(doc, page, cell, w))
        far = gap_x(w.bbox, taken[-1].bbox if taken else last.bbox) > 6 * height
        if w.bbox.x0 >= next_mark or (far and not in_cell) or (cell is not None and not in_cell):
            break
        if vocab.prefix([w]) is not None and not _FILLER.match(w.text):
            break  # the next count label: this one was left blank
        taken.append(w)
        if any(c.isdigit() for c in w.text) or len(taken) >= 3:
            break
    text = " ".join(w.text for w in taken).strip()
    core = text.lstrip(":").strip()
    if not core or _FILLER.match(core):
        box = _empty_box(doc, page, label_box, height)
        if box is None and not colon and not long_form:
            return None  # a bare "Ja" with nothing after it is a word, not a count
        where = box or BBox(last.bbox.x1, last.bbox.top, last.bbox.x1 + 2 * height, last.bbox.bottom)
        return Count(key, None, page, line, label_box, where, "after-label", strong=bool(colon or long_form),
                     confidence=0.9)
    typed = doc.typed(core, page).strip(_BORDERS + " ").lstrip(":").strip()
    value = parse_count(typed)
    if value is None and not any(c.isdigit() for c in typed):
        return None  # "Ja, die Verwaltung …": running text, not a count
    where = BBox(min(w.bbox.x0 for w in taken), min(w.bbox.top for w in taken),
                 max(w.bbox.x1 for w in taken), max(w.bbox.bottom for w in taken))
    conf = min(w.confidence for w in taken)
    return Count(key, value, page, line, label_box, where, "after-label", strong=bool(colon or long_form),
                 confidence=conf if value is not None else 0.3, raw=None if value is not None else core)


def _cell_of(doc: Doc, page: int, box: BBox) -> BBox | None:
    """The ruled cell the label stands in, if any."""
    for grid in doc.page(page).grids:
        for row in grid.rows:
            for cell in row:
                if cell is not None and cell.x0 - 1 <= box.cx <= cell.x1 + 1 \
                        and cell.top - 1 <= box.cy <= cell.bottom + 1:
                    return cell
    return None


def _beside_cell(doc: Doc, page: int, cell: BBox, word: Word) -> bool:
    """The word stands in the cell right after ``cell``, in the same row."""
    other = _cell_of(doc, page, word.bbox)
    return other is not None and abs(other.x0 - cell.x1) <= 1.5 and abs(other.cy - cell.cy) <= 2


def _before_label(
    doc: Doc, page: int, line: int, key: str, label: list[Word], prev: Word | None
) -> Count | None:
    if prev is None or label[0].bbox.x0 - prev.bbox.x1 > 1.5 * max(prev.bbox.height, 4.0):
        return None
    value = parse_count(doc.typed(prev.text, page).strip(_BORDERS))
    if value is None or not any(c.isdigit() for c in prev.text):
        return None
    label_box = BBox(label[0].bbox.x0, min(w.bbox.top for w in label), label[-1].bbox.x1,
                     max(w.bbox.bottom for w in label))
    return Count(
        key, value, page, line, label_box, prev.bbox, "before-label", strong=True, confidence=prev.confidence
    )


def _empty_box(doc: Doc, page: int, label: BBox, height: float) -> BBox | None:
    """A drawn write-in box beside the label (right of it, else left) with nothing in it."""
    boxes = [r.bbox for r in doc.page(page).rects if r.stroke and vertical_overlap(r.bbox, label) > 0.4
             and r.bbox.height <= doc.settings.count_box_max_height_pt and r.bbox.width > 0.8 * r.bbox.height]
    right = [b for b in boxes if 0 <= b.x0 - label.x1 < 8 * height]
    left = [b for b in boxes if 0 <= label.x0 - b.x1 < 2 * height]
    if right:
        return min(right, key=lambda b: b.x0)
    return max(left, key=lambda b: b.x1) if left else None
