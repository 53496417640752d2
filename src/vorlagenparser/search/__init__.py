"""German-aware full-text search: the query language, word forms, SQL per database, snippets.

Nothing here touches a database; ``writers.sqlite`` and ``writers.postgres`` store the index
entries from :func:`~.terms.index_text` and run the SQL from :mod:`.sql`.
"""

from __future__ import annotations

from ..errors import QuerySyntaxError
from .query import parse
from .snippet import SearchHit, snippet
from .terms import IndexText, Resolved, index_text, positive_leaves, resolve

# The searchable fields; snippets come from the text below the Betreff, which is shown as the
# title anyway (without a match there, the snippet is the start of the text, for context).
SEARCH_FIELDS = ("betreff", "beschlussvorschlag", "begruendung")
SNIPPET_FIELDS = ("beschlussvorschlag", "begruendung")

__all__ = ["SEARCH_FIELDS", "SNIPPET_FIELDS", "IndexText", "Resolved", "SearchHit",
           "compile_query", "hit", "index_text"]


def compile_query(text: str) -> Resolved:
    """Parse and resolve a query; raises :class:`QuerySyntaxError` when nothing is searchable."""
    node = resolve(parse(text))
    if node is None:
        raise QuerySyntaxError("the query has no words to search for (letters or digits)")
    return node


def hit(query: Resolved, sha256: str, output_name: str | None, vorlagennummer: str | None,
        datum: str | None, fields: dict[str, str | None]) -> SearchHit:
    """A result row with its snippet (``fields`` holds the :data:`SEARCH_FIELDS`)."""
    text, marks = snippet([fields.get(name) for name in SNIPPET_FIELDS], positive_leaves(query))
    return SearchHit(sha256, output_name, vorlagennummer, datum, fields.get("betreff"), text,
                     marks)
