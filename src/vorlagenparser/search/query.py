"""The search query language, parsed once into a small syntax tree (pure; no database).

    Bebauungsplan Mühlbach        both words (AND is implied)
    Gebühren OR Beiträge          either (also ODER)
    Schule -Grundschule           NOT (also NOT / NICHT before a term)
    "Am Mühlbach"                 a phrase: these words in this order
    Bebauung*                     words that start so
    (Kita OR Schule) AND Sanierung

Operators are upper case; ``und``/``oder`` in lower case are words. NOT binds tighter than AND,
AND tighter than OR. :func:`to_text` writes a tree back in this syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import QuerySyntaxError

_OPERATORS = {"AND": "AND", "UND": "AND", "OR": "OR", "ODER": "OR", "NOT": "NOT", "NICHT": "NOT"}
_LEXEME = re.compile(r'\s*(?:(?P<paren>[()])|"(?P<phrase>[^"]*)"?|(?P<word>[^\s()"]+))')


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Phrase:
    text: str


@dataclass(frozen=True, slots=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    item: Node


Node = Term | Phrase | And | Or | Not


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # "(", ")", "AND", "OR", "NOT", "phrase", "word"
    text: str = ""


def _lex(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    for found in _LEXEME.finditer(text):
        if found["paren"]:
            tokens.append(_Token(found["paren"]))
        elif found["phrase"] is not None:
            tokens.append(_Token("phrase", found["phrase"]))
        elif found["word"]:
            word = found["word"]
            if word in _OPERATORS:
                tokens.append(_Token(_OPERATORS[word]))
            elif word.startswith("-") and len(word) > 1:
                tokens += [_Token("NOT"), _Token("word", word[1:])]
            else:
                tokens.append(_Token("word", word))
    return tokens


class _Parser:
    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens, self.pos = tokens, 0

    def peek(self) -> str | None:
        return self.tokens[self.pos].kind if self.pos < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def any_of(self) -> Node:
        items = [self.all_of()]
        while self.peek() == "OR":
            self.take()
            if self.peek() in (None, ")", "OR", "AND"):
                raise QuerySyntaxError("OR needs a term on both sides")
            items.append(self.all_of())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def all_of(self) -> Node:
        items = [self.unary()]
        while self.peek() not in (None, ")", "OR"):
            if self.peek() == "AND":
                self.take()
                if self.peek() in (None, ")", "OR", "AND"):
                    raise QuerySyntaxError("AND needs a term on both sides")
            items.append(self.unary())
        return items[0] if len(items) == 1 else And(tuple(items))

    def unary(self) -> Node:
        kind = self.peek()
        if kind is None:
            raise QuerySyntaxError("the query ends where a term should follow")
        if kind == "NOT":
            self.take()
            if self.peek() in (None, ")", "OR", "AND"):
                raise QuerySyntaxError("NOT needs a term after it")
            return Not(self.unary())
        if kind == "(":
            self.take()
            if self.peek() == ")":
                raise QuerySyntaxError("empty parentheses")
            inner = self.any_of()
            if self.peek() != ")":
                raise QuerySyntaxError("a '(' is not closed")
            self.take()
            return inner
        if kind in ("AND", "OR"):
            raise QuerySyntaxError(f"{kind} needs a term on both sides")
        if kind == ")":
            raise QuerySyntaxError("a ')' has no '(' before it")
        token = self.take()
        if token.kind == "phrase":
            return Phrase(token.text)
        return Term(token.text.rstrip("*"), prefix=token.text.endswith("*"))


def parse(text: str) -> Node:
    """The syntax tree of a query; raises :class:`QuerySyntaxError` with a one-line reason."""
    tokens = _lex(text)
    if not tokens:
        raise QuerySyntaxError("the query is empty")
    parser = _Parser(tokens)
    node = parser.any_of()
    if parser.peek() is not None:
        raise QuerySyntaxError("a ')' has no '(' before it")
    return node


def to_text(node: Node) -> str:
    """The query text of a tree (parse(to_text(tree)) gives the tree back)."""
    if isinstance(node, Term):
        return node.text + ("*" if node.prefix else "")
    if isinstance(node, Phrase):
        return f'"{node.text}"'
    if isinstance(node, Not):
        return f"NOT {_wrapped(node.item)}"
    joiner = " OR " if isinstance(node, Or) else " AND "
    return joiner.join(_wrapped(item) for item in node.items)


def _wrapped(node: Node) -> str:
    return f"({to_text(node)})" if isinstance(node, And | Or) else to_text(node)
