"""The token reader of the DDL importer: sqlglot's tokens for a dialect as words, quoted names, strings,
numbers and punctuation with their offsets, and a cursor over them.

The author's text of an expression (a CHECK, a DEFAULT, an index predicate, a policy) is the source sliced
between two tokens' offsets, never regenerated; the statements and clauses sqlglot's parser gives up on
(``CREATE POLICY``, RLS toggles, ``OWNED BY``, ``NO INHERIT``) are read with the same cursor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlglot


@dataclass(frozen=True)
class Item:
    kind: str  # "word" | "qid" (quoted identifier) | "str" | "num" | "punct" | "other"
    text: str  # words as written; strings unescaped; quoted identifiers unquoted
    start: int
    end: int  # inclusive
    line: int
    col: int

    @property
    def up(self) -> str:
        return self.text.upper() if self.kind == "word" else ""


_WORDISH = re.compile(r"^[A-Za-z_][A-Za-z0-9_$]*$")


def lex(text: str, dialect: str) -> list[Item]:
    toks = sqlglot.Dialect.get_or_raise(dialect).tokenize(text)
    out: list[Item] = []
    for t in toks:
        name = t.token_type.name
        if name == "IDENTIFIER":
            out.append(Item("qid", t.text, t.start, t.end, t.line, t.col))
        elif name == "STRING":
            out.append(Item("str", t.text, t.start, t.end, t.line, t.col))
        elif name == "NUMBER":
            out.append(Item("num", t.text, t.start, t.end, t.line, t.col))
        else:
            raw = text[t.start:t.end + 1]
            words = list(re.finditer(r"\S+", raw))
            if len(words) > 1 and all(_WORDISH.match(w.group(0)) for w in words):
                for w in words:
                    out.append(Item("word", w.group(0), t.start + w.start(), t.start + w.end() - 1, t.line, t.col))
            elif _WORDISH.match(raw):
                out.append(Item("word", raw, t.start, t.end, t.line, t.col))
            elif raw in ("(", ")", ",", ".", "[", "]", "=", ";", "::"):
                out.append(Item("punct", raw, t.start, t.end, t.line, t.col))
            else:
                out.append(Item("other", raw, t.start, t.end, t.line, t.col))
    return out


class Syntax(Exception):
    def __init__(self, message: str, item: Item | None):
        super().__init__(message)
        self.item = item


class Stream:
    """A cursor over the items of one statement (or of one part of it)."""

    def __init__(self, text: str, items: list[Item], rules):
        self.text, self.items, self.rules, self.i = text, items, rules, 0  # rules: the dialect's DdlRules

    def sub(self, a: int, b: int) -> Stream:
        return Stream(self.text, self.items[a:b], self.rules)

    def at_end(self) -> bool:
        return self.i >= len(self.items)

    def peek(self, k: int = 0) -> Item | None:
        j = self.i + k
        return self.items[j] if j < len(self.items) else None

    def is_(self, *words: str) -> bool:
        for k, w in enumerate(words):
            it = self.peek(k)
            if it is None:
                return False
            if w in ("(", ")", ",", ".", "=", "[", "]", "::"):
                if it.kind != "punct" or it.text != w:
                    return False
            elif it.up != w:
                return False
        return True

    def accept(self, *words: str) -> bool:
        if self.is_(*words):
            self.i += len(words)
            return True
        return False

    def expect(self, *words: str) -> None:
        if not self.accept(*words):
            raise Syntax(f"expected {' '.join(words)}", self.peek() or (self.items[-1] if self.items else None))

    def next(self) -> Item:
        it = self.peek()
        if it is None:
            raise Syntax("unexpected end of statement", self.items[-1] if self.items else None)
        self.i += 1
        return it

    def ident(self) -> str:
        it = self.next()
        if it.kind == "qid":
            return it.text
        if it.kind == "word":
            return self.rules.fold(it.text)
        if it.kind == "str" and self.rules.string_names:
            return it.text
        raise Syntax(f"expected a name, found {it.text!r}", it)

    def qname(self) -> tuple[str | None, str]:
        first = self.ident()
        if self.accept("."):
            second = self.ident()
            if self.accept("."):  # database.schema.name: keep the last two
                return second, self.ident()
            return first, second
        return None, first

    def paren_range(self) -> tuple[int, int]:
        """At '(': consume through the matching ')'; return the item range strictly inside."""
        self.expect("(")
        start = self.i
        depth = 1
        while not self.at_end():
            it = self.items[self.i]
            if it.kind == "punct" and it.text in ("(", "["):
                depth += 1
            elif it.kind == "punct" and it.text in (")", "]"):
                depth -= 1
                if depth == 0:
                    self.i += 1
                    return start, self.i - 1
            self.i += 1
        raise Syntax("unbalanced parentheses", self.items[start - 1])

    def raw(self, a: int, b: int) -> str:
        """Source text of items [a, b)."""
        if a >= b:
            return ""
        return self.text[self.items[a].start:self.items[b - 1].end + 1]

    def paren_text(self) -> str:
        a, b = self.paren_range()
        return self.raw(a, b).strip()

    def split_commas(self, a: int, b: int) -> list[tuple[int, int]]:
        """Top-level comma-separated ranges of [a, b); an empty range (``,,``) starts at its comma."""
        parts, depth, start = [], 0, a
        for j in range(a, b):
            it = self.items[j]
            if it.kind == "punct" and it.text in ("(", "["):
                depth += 1
            elif it.kind == "punct" and it.text in (")", "]"):
                depth -= 1
            elif it.kind == "punct" and it.text == "," and depth == 0:
                parts.append((start, j))
                start = j + 1
        if start < b:
            parts.append((start, b))
        return parts

    def name_list(self) -> list[str]:
        a, b = self.paren_range()
        out = []
        for x, y in self.split_commas(a, b):
            s = self.sub(x, y)
            out.append(s.ident())
        return out

    def until(self, stops: set[str]) -> tuple[int, int]:
        """Items from here up to (not including) the next top-level word in ``stops``."""
        start, depth = self.i, 0
        while not self.at_end():
            it = self.items[self.i]
            if it.kind == "punct" and it.text in ("(", "["):
                depth += 1
            elif it.kind == "punct" and it.text in (")", "]"):
                depth -= 1
            elif depth == 0 and it.up in stops:
                break
            self.i += 1
        return start, self.i
