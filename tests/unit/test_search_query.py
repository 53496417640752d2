"""The query language and the German word forms behind search (property tests for the parser)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vorlagenparser.errors import QuerySyntaxError
from vorlagenparser.search import compile_query
from vorlagenparser.search.query import And, Node, Not, Or, Phrase, Term, parse, to_text
from vorlagenparser.search.terms import (
    AllOf,
    AnyOf,
    NoneOf,
    Prefix,
    Sequence,
    Stem,
    form,
    index_text,
    stem,
)

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüßÄÖÜABC0123", min_size=1, max_size=12)
words = WORD.filter(lambda w: w.upper() not in {"AND", "OR", "NOT", "UND", "ODER", "NICHT"})
leaves = st.one_of(st.builds(Term, words, st.booleans()),
                   st.builds(Phrase, st.lists(words, min_size=1, max_size=3).map(" ".join)))


def _trees(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    many = st.lists(children, min_size=2, max_size=3).map(tuple)
    return st.one_of(st.builds(And, many), st.builds(Or, many), st.builds(Not, children))


@given(st.recursive(leaves, _trees, max_leaves=8))
def test_to_text_and_parse_round_trip(tree: Node) -> None:
    assert parse(to_text(tree)) == tree


@given(st.text(max_size=40))
def test_any_input_parses_or_fails_with_a_query_error(text: str) -> None:
    try:
        parse(text)
    except QuerySyntaxError as exc:
        assert str(exc) and "\n" not in str(exc)


@pytest.mark.parametrize(("query", "tree"), [
    ("a b OR c", Or((And((Term("a"), Term("b"))), Term("c")))),
    ("a -b", And((Term("a"), Not(Term("b"))))),
    ("a UND b ODER NICHT c", Or((And((Term("a"), Term("b"))), Not(Term("c"))))),
    ('"am Bach" Plan*', And((Phrase("am Bach"), Term("Plan", prefix=True)))),
    ("und oder", And((Term("und"), Term("oder")))),  # lower case: words
])
def test_precedence_and_operators(query: str, tree: Node) -> None:
    assert parse(query) == tree


@pytest.mark.parametrize(("query", "message"), [
    ("", "empty"), ("a OR", "OR needs"), ("(a", "not closed"), ("a)", r"no '\('"),
    ("NOT", "NOT needs"), ("()", "empty parentheses"), ("§§ --", "no words"),
])
def test_errors_say_what_is_wrong(query: str, message: str) -> None:
    with pytest.raises(QuerySyntaxError, match=message):
        compile_query(query)


def test_words_resolve_to_stems_prefixes_and_sequences() -> None:
    assert compile_query("Gebuehren") == Stem("gebuhr")
    assert compile_query("Bebauungspläne*") == Prefix("bebauungsplane")
    assert compile_query("BV/17/2024") == Sequence(("bv", "17", "2024"))
    assert compile_query("Plan -§ OR Straße") == AnyOf((Stem("plan"), Stem("strass")))
    assert compile_query("a NOT b") == AllOf((Stem("a"), NoneOf(Stem("b"))))


@pytest.mark.parametrize(("a", "b"), [
    ("Gebühren", "Gebuehren"), ("Straße", "STRASSE"), ("Bebauungsplanes", "Bebauungspläne"),
    ("öffentlich", "oeffentlich"), ("Café", "Cafe"), ("ﬁnanziell", "finanziell"),
])
def test_spellings_and_inflections_share_a_stem(a: str, b: str) -> None:
    assert stem(a) == stem(b)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüßAEOUÄÖÜ", min_size=1, max_size=20))
def test_a_stem_is_a_prefix_of_its_full_form(word: str) -> None:
    # What compound and prefix search rely on: a word's stem occurs inside its full form.
    assert form(word).startswith(stem(word))


def test_compound_parts_occur_in_the_full_forms() -> None:
    entries = index_text({"betreff": "Bebauungsplanverfahren für Abfallgebühren", "x": None})
    assert stem("Verfahren") in entries.forms and stem("Gebühren") in entries.forms
    assert entries.stems == {"betreff": "bebauungsplanverfahr fur abfallgebuhr", "x": ""}
    assert entries.forms.startswith(" bebauungsplanverfahren ")
