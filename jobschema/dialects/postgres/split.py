"""Split a PostgreSQL script into statements the way the server's lexer sees them.

Semicolons inside string literals (``'...'``, ``E'...'``), quoted names, dollar-quoted bodies
(``$$...$$``, ``$fn$...$fn$``), ``--`` and nested ``/* */`` comments, and SQL-standard function bodies
(``BEGIN ATOMIC ... END``) never end a statement. The executor runs files statement by statement so
that a failure names the statement and line it stopped at, and so that statements which refuse a
transaction block (``CREATE INDEX CONCURRENTLY``) can run on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Statement", "split_pg_statements"]

_DOLLAR = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)?\$")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*")


@dataclass(frozen=True)
class Statement:
    text: str
    line: int  # 1-based line of the statement's first character


def split_pg_statements(script: str) -> list[Statement]:
    out: list[Statement] = []
    n = len(script)
    i = 0
    start = 0
    significant = False
    atomic_depth = 0
    prev_word = ""

    def finish(stop: int) -> None:
        nonlocal significant, atomic_depth, prev_word
        raw = script[start:stop]
        text = raw.strip()
        if significant and text:
            offset = start + (len(raw) - len(raw.lstrip()))
            out.append(Statement(text, script.count("\n", 0, offset) + 1))
        significant, atomic_depth, prev_word = False, 0, ""

    while i < n:
        ch = script[i]
        if ch.isspace():
            i += 1
            continue
        if script.startswith("--", i):
            nl = script.find("\n", i)
            i = n if nl < 0 else nl + 1
            continue
        if script.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if script.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif script.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    i += 1
            continue
        if ch == "'":
            backslash = i > 0 and script[i - 1] in "eE" and (i < 2 or not (script[i - 2].isalnum() or
                                                                         script[i - 2] == "_"))
            i = _skip_string(script, i, backslash)
            significant, prev_word = True, ""
            continue
        if ch == '"':
            i = _skip_string(script, i, False, '"')
            significant, prev_word = True, ""
            continue
        if ch == "$":
            m = _DOLLAR.match(script, i)
            if m and not (i > 0 and (script[i - 1].isalnum() or script[i - 1] == "_")):
                close = script.find(m.group(0), m.end())
                i = n if close < 0 else close + len(m.group(0))
                significant, prev_word = True, ""
                continue
        if ch == ";":
            if atomic_depth == 0:
                finish(i)
                i = start = i + 1
                continue
            i += 1
            continue
        if ch.isalpha() or ch == "_":
            m = _WORD.match(script, i)
            word = m.group(0).upper()
            if word == "ATOMIC" and prev_word == "BEGIN":
                atomic_depth += 1
            elif atomic_depth and word == "CASE":
                atomic_depth += 1
            elif atomic_depth and word == "END":
                atomic_depth -= 1
            prev_word = word
            significant = True
            i = m.end()
            continue
        significant, prev_word = True, ""
        i += 1
    finish(n)
    return out


def _skip_string(text: str, i: int, backslash: bool, quote: str = "'") -> int:
    i += 1
    n = len(text)
    while i < n:
        ch = text[i]
        if backslash and ch == "\\":
            i += 2
            continue
        if ch == quote:
            if i + 1 < n and text[i + 1] == quote:
                i += 2
                continue
            return i + 1
        i += 1
    return n
