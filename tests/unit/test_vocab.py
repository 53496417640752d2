"""Label matching: folding, old spellings, multi-word labels, colons, running text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from vorlagenparser.geometry import BBox
from vorlagenparser.layout.document import _OFFICES, _ROLE_SHAPE, Vocabularies
from vorlagenparser.layout.normalize import fold, join_lines, key
from vorlagenparser.layout.vocab import Vocabulary
from vorlagenparser.pagemodel import Word
from vorlagenparser.profiles import load_profile


def _words(text: str) -> list[Word]:
    return [Word(t, BBox(i * 50, 0, i * 50 + 40, 10)) for i, t in enumerate(text.split())]


def test_fold_spellings() -> None:
    assert key("Beschlußvorschlag:") == key("BESCHLUSSVORSCHLAG") == "beschlussvorschlag"
    assert key("Ja-Stimmen") == key("Ja Stimmen")
    assert fold("Federführend") == "federfuehrend"
    assert key("nıchtöffentlich") == key("nichtöffentlich")  # OCR's dotless ı for a faint i


@given(st.text())
def test_fold_never_raises(text: str) -> None:
    assert isinstance(fold(text), str)


def test_prefix_multiword_and_colon() -> None:
    vocab = Vocabulary({k: r.labels for k, r in load_profile().fields.items()})
    hit = vocab.prefix(_words("Federführendes Amt: Amt 61"))
    assert hit is not None and hit.name == "federfuehrung" and hit.nwords == 2 and hit.strong
    hit = vocab.prefix(_words("Drucksache Nr. 0457/2021"))
    assert hit is not None and hit.name == "vorlagennummer" and not hit.strong
    assert vocab.prefix(_words("verantwortlich?")) is None  # running text, not a label


def test_old_spelling_headings() -> None:
    sections = Vocabulary({k: r.headings for k, r in load_profile().sections.items()})
    for heading in ("Beschlußvorschlag:", "Sachdarstellung", "Anlage(n):", "Finanzielle Auswirkungen"):
        assert sections.prefix(_words(heading)) is not None, heading


def test_join_lines_dehyphenates_but_keeps_real_hyphens() -> None:
    assert join_lines(["Kita-", "Neubau"]) == "Kita-Neubau"
    assert join_lines(["Verkehrs-", "planung im Haupt-", "und Finanzausschuss"]) == \
        "Verkehrsplanung im Haupt- und Finanzausschuss"


@given(st.text(alphabet="abcdefgh", max_size=12), st.text(alphabet="abcdefgh", max_size=12))
def test_within_edits_agrees_with_one_edit(a: str, b: str) -> None:
    from vorlagenparser.layout.vocab import _one_edit, within_edits

    assert within_edits(a, b, 1) == _one_edit(a, b)


def test_near_prefix_reads_a_misread_option_but_no_box_reading() -> None:
    options = Vocabulary(dict(load_profile().checkboxes))
    hit = options.near_prefix(_words("einstimig Ja: 12"))
    assert hit is not None and hit.name == "einstimmig" and hit.nwords == 1 and not hit.exact
    assert options.near_prefix(_words("IM öffentlich")) is None  # a box read as letters
    assert options.near_prefix(_words("Einsatzplan der Feuerwehr")) is None


def test_option_labels_start_with_a_word() -> None:
    from vorlagenparser.reading import option_labels

    is_label = option_labels(load_profile())
    assert is_label(_words("[ abweichender Beschluß")) == 0  # OCR's "[" of a typed box
    assert is_label(_words("abweichender Beschluß")) == 2
    assert is_label(_words("einstimig")) == 1


def _levenshtein(a: str, b: str) -> int:
    """The textbook table, the yardstick of within_edits."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
        previous = current
    return previous[-1]


@given(st.text(alphabet="abcdeä", max_size=14), st.text(alphabet="abcdeä", max_size=14),
       st.integers(min_value=0, max_value=4))
def test_within_edits_agrees_with_the_edit_distance_table(a: str, b: str, limit: int) -> None:
    from vorlagenparser.layout.vocab import within_edits

    assert within_edits(a, b, limit) == (_levenshtein(a, b) <= limit)


_FIELDS = Vocabulary({k: r.labels for k, r in load_profile().fields.items()})


@given(st.one_of(st.text(alphabet="abcdeilnrstu", max_size=8),
                 st.sampled_from(sorted(_FIELDS._keys)).flatmap(
                     lambda k: st.integers(0, len(k)).map(lambda n: k[:n]))))
def test_begins_is_whether_a_label_begins_so(k: str) -> None:
    assert _FIELDS._begins(k) == any(label.startswith(k) for label in _FIELDS._keys)


_ODD_LETTERS = "aeiklnrstuäöüßıſİKÄÖÜẞ-"  # with OCR's dotless ı, the long ſ, Kelvin's K
_ROLES = Vocabularies.of(load_profile())


@given(st.one_of(
    st.text(alphabet=_ODD_LETTERS + " .:", max_size=30),
    st.tuples(st.sampled_from(["", "Der ", "die  ", "Stellv. ", "der komm. "]),
              st.text(alphabet=_ODD_LETTERS, max_size=10), st.sampled_from(_OFFICES),
              st.booleans(), st.sampled_from(["", ":", " :", "  "])).map(
        lambda t: f"{t[0]}{t[1]}{t[2].upper() if t[3] else t[2]}{t[4]}")))
def test_the_cheap_test_of_an_office_ending_rejects_no_role(text: str) -> None:
    shape = text.strip().rstrip(":").strip()
    assert _ROLES.is_role(text) == (key(text) in _ROLES.roles or _ROLE_SHAPE.match(shape) is not None)


def test_roles_by_their_shape() -> None:
    assert _ROLES.is_role("Die Abteilungsleiterin:") and _ROLES.is_role("Der stellv. Amtsvorstand")
    assert _ROLES.is_role("OBERBÜRGERMEISTER") and not _ROLES.is_role("Beschlussvorschlag")


_LABEL_WORDS = sorted({w for labels in (r.labels for r in load_profile().fields.values())
                       for label in labels for w in label.split()})


@given(st.lists(st.one_of(st.sampled_from(_LABEL_WORDS), st.text(alphabet="aeNrß.:-?( ", max_size=6),
                          st.sampled_from(_LABEL_WORDS).map(lambda w: f"{w[:-2]}x{w[-1:]}:")),  # misread
                max_size=9))
def test_prefix_answers_as_the_full_search(texts: list[str]) -> None:
    """The memo gives _prefix's answer, labels misread before their colon included."""
    words = [Word(t, BBox(i * 50, 0, i * 50 + 40, 10)) for i, t in enumerate(texts)]
    assert _FIELDS.prefix(words) == _FIELDS._prefix(words)
    assert _FIELDS.prefix(words) == _FIELDS._prefix(words)  # asked again: from the memo


@given(st.lists(st.one_of(st.sampled_from(_LABEL_WORDS), st.text(alphabet="aeNrß.:-?( ", max_size=6),
                          st.sampled_from(_LABEL_WORDS).map(lambda w: f"{w[:-2]}x{w[-1:]}:")),
                max_size=12))
def test_where_may_begin_says_no_prefix_finds_no_label(texts: list[str]) -> None:
    """The counts and the results ask prefix() only where may_begin() allows a label."""
    words = [Word(t, BBox(i * 50, 0, i * 50 + 40, 10)) for i, t in enumerate(texts)]
    for i, may in enumerate(_FIELDS.may_begin(words)):
        assert may or _FIELDS._prefix(words[i:]) is None
