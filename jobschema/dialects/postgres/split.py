"""Split a PostgreSQL script into statements the way the server's lexer sees them.

sqlglot's PostgreSQL tokenizer finds the tokens: string literals (``'...'``, ``E'...'``), quoted names,
dollar-quoted bodies (``$$...$$``, ``$fn$...$fn$``) and ``--`` / nested ``/* */`` comments are single
tokens or no tokens at all, so a ``;`` inside them is never a boundary. On top of that only SQL-standard
function bodies (``BEGIN ATOMIC ... END``) need counting. ``lint`` and ``migrate`` both split with this,
so the line a rule reports is the line of a statement the executor runs.
"""

from __future__ import annotations

from sqlglot.dialects.postgres import Postgres
from sqlglot.errors import TokenError
from sqlglot.tokens import Token, TokenType

from ...statement import LineCounter, Statement

__all__ = ["Statement", "split_statements"]


def split_statements(script: str) -> list[Statement]:
    """Statements in order, each from its first token to its last (the ``;`` and comments around dropped).

    Text the tokenizer cannot finish (an unterminated string, dollar quote or comment) ends the script:
    what it starts becomes the last statement, as the server would receive it.
    """
    tokenizer = Postgres.tokenizer_class()
    try:
        tokens, broken = tokenizer.tokenize(script), False
    except TokenError:
        tokens, broken = list(tokenizer.tokens), True
    lines = LineCounter(script)
    out: list[Statement] = []
    first: Token | None = None
    last: Token | None = None
    depth = 0  # BEGIN ATOMIC ... END nesting (CASE ... END inside counts too)
    prev = None
    for tok in tokens:
        kind = tok.token_type
        if kind == TokenType.SEMICOLON and depth == 0:
            if first is not None:
                out.append(Statement(script[first.start:last.end + 1], lines.at(first.start)))
            first = last = prev = None
            continue
        if first is None:
            first = tok
        last = tok
        if kind == TokenType.VAR and prev == TokenType.BEGIN and tok.text.upper() == "ATOMIC":
            depth += 1
        elif depth and kind == TokenType.CASE:
            depth += 1
        elif depth and kind == TokenType.END:
            depth -= 1
        prev = kind
    if first is not None:
        stop = len(script) if broken else last.end + 1
        out.append(Statement(script[first.start:stop].rstrip(), lines.at(first.start)))
    elif broken:
        out += _unfinished(script, tokens, lines)
    return out


def _unfinished(script: str, tokens: list[Token], lines: LineCounter) -> list[Statement]:
    """The statement an unterminated literal starts after the last complete one (an unterminated comment
    holds no statement)."""
    start = tokens[-1].end + 1 if tokens else 0
    rest = script[start:]
    text = rest.strip()
    if not text or text.startswith(("/*", "--")):
        return []
    offset = start + len(rest) - len(rest.lstrip())
    return [Statement(text, lines.at(offset))]
