"""A resolved query as SQL: one WHERE condition and one ranking query per database dialect.

Pure string building; every value travels as a parameter. Each leaf asks the same question in
both databases:

=========  ==================================  ===================================
leaf       SQLite (FTS5)                       PostgreSQL
=========  ==================================  ===================================
word       stem in ``search_stems``, or the    stem in ``search_vector``, or the
           stem inside a full form (trigram    stem inside a full form (pg_trgm
           ``LIKE '%stem%'``)                  ``LIKE '%stem%'``)
prefix     ``LIKE '% form%'`` (trigram)        ``LIKE '% form%'`` (pg_trgm)
phrase     FTS5 phrase of stems                ``'a' <-> 'b'`` over the stems
=========  ==================================  ===================================
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .terms import (
    MIN_PART,
    AllOf,
    AnyOf,
    Leaf,
    NoneOf,
    Prefix,
    Resolved,
    Stem,
    positive_leaves,
)

Dialect = Literal["sqlite", "postgres"]


@dataclass(frozen=True, slots=True)
class Condition:
    sql: str
    params: tuple[str, ...]


_SQLITE_STEMS = "d.rowid IN (SELECT rowid FROM search_stems WHERE search_stems MATCH ?)"
_SQLITE_FORMS = "d.rowid IN (SELECT rowid FROM search_forms WHERE forms LIKE ?)"
_PG_STEMS = "d.search_vector @@ to_tsquery('simple', %s)"
_PG_FORMS = "d.search_forms LIKE %s"


def where(node: Resolved, dialect: Dialect) -> Condition:
    """The condition a document must meet (``d`` is the ``documents`` table)."""
    if isinstance(node, NoneOf):
        inner = where(node.item, dialect)
        return Condition(f"NOT {inner.sql}", inner.params)
    if isinstance(node, AllOf | AnyOf):
        parts = [where(item, dialect) for item in node.items]
        joiner = " AND " if isinstance(node, AllOf) else " OR "
        return Condition("(" + joiner.join(p.sql for p in parts) + ")",
                         tuple(param for p in parts for param in p.params))
    return _leaf(node, dialect)


def _leaf(leaf: Leaf, dialect: Dialect) -> Condition:
    stems_sql, forms_sql = ((_SQLITE_STEMS, _SQLITE_FORMS) if dialect == "sqlite"
                            else (_PG_STEMS, _PG_FORMS))
    if isinstance(leaf, Prefix):
        return Condition(forms_sql, (f"% {leaf.form}%",))
    whole = Condition(stems_sql, (_text_query((leaf,), dialect),))
    if isinstance(leaf, Stem) and len(leaf.stem) >= MIN_PART:
        return Condition(f"({whole.sql} OR {forms_sql})", (*whole.params, f"%{leaf.stem}%"))
    return whole


def rank_query(node: Resolved, dialect: Dialect) -> str | None:
    """A full-text query for any wanted word, phrase or prefix: whole-word matches rank first
    (by BM25 in SQLite, ts_rank in PostgreSQL; Betreff weighs most), compound parts after."""
    leaves = positive_leaves(node)
    return _text_query(tuple(leaves), dialect) if leaves else None


def _text_query(leaves: tuple[Leaf, ...], dialect: Dialect) -> str:
    # Stems and forms are letters and digits only, so quoting them cannot break the syntax.
    if dialect == "sqlite":
        return " OR ".join(_fts5(leaf) for leaf in leaves)
    return " | ".join(_tsquery(leaf) for leaf in leaves)


def _fts5(leaf: Leaf) -> str:
    if isinstance(leaf, Prefix):
        return f'"{leaf.form}"*'
    words = (leaf.stem,) if isinstance(leaf, Stem) else leaf.stems
    return '"' + " ".join(words) + '"'


def _tsquery(leaf: Leaf) -> str:
    if isinstance(leaf, Prefix):
        return f"'{leaf.form}':*"
    words = (leaf.stem,) if isinstance(leaf, Stem) else leaf.stems
    return "(" + " <-> ".join(f"'{w}'" for w in words) + ")"


__all__ = ["Condition", "Dialect", "rank_query", "where"]
