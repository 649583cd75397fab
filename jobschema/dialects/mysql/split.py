"""Split a MySQL script into statements the way the ``mysql`` client does.

Quotes, comments, ``DELIMITER`` lines and the ``BEGIN ... END`` bodies of stored programs never end a
statement early. The executor runs MySQL migration files one statement at a time through this (MySQL
has no multi-statement transactional DDL), so a failure can name the statement it stopped at; ``lint``
splits with it too, so the lines it reports are those of the statements migrate runs.

A scanner rather than sqlglot's tokenizer: ``DELIMITER`` is a client command that changes what ends a
statement (``END$$``), and ``/*! ... */`` is a comment to sqlglot but a statement to the server.
"""

from __future__ import annotations

import re

from ...statement import LineCounter, Statement

__all__ = ["Statement", "split_mysql_statements", "split_statements"]

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*")
_DELIMITER_CMD = re.compile(r"delimiter[ \t]+(\S+)[^\n]*(?:\n|$)", re.IGNORECASE)
_PROGRAM_KINDS = {"PROCEDURE", "FUNCTION", "TRIGGER", "EVENT"}
_CREATE_NOISE = {"OR", "REPLACE", "DEFINER", "CURRENT_USER", "SQL", "SECURITY", "INVOKER", "AGGREGATE",
                 "IF", "NOT", "EXISTS"}
_END_SUFFIX_UNCOUNTED = {"IF", "LOOP", "WHILE", "REPEAT"}
# BEGIN as a transaction start is a statement of its own, never inside a stored program's head, so
# counting it only matters (and is only consulted) for stored programs. CASE pairs with END or END CASE.
_BLOCK_OPENERS = {"BEGIN": 1, "CASE": 1}


def _is_stored_program(words: list[str]) -> bool:
    """Whether a statement's leading words make it a compound statement whose body holds ``;``."""
    if words[:3] == ["BEGIN", "NOT", "ATOMIC"]:
        return True
    if not words or words[0] != "CREATE":
        return False
    after_definer = False
    for word in words[1:12]:
        if word in _PROGRAM_KINDS:
            return True
        if after_definer:  # an unquoted definer user name such as root@localhost
            after_definer = False
            continue
        if word not in _CREATE_NOISE:
            return False
        after_definer = word == "DEFINER"
    return False


def split_mysql_statements(sql_text: str) -> list[str]:
    """The statements' texts (for scripts run without line numbers)."""
    return [s.text for s in split_statements(sql_text)]


def split_statements(sql_text: str) -> list[Statement]:
    """Split a MySQL script into statements the way the ``mysql`` client would.

    Quotes (``'``, ``"``, backticks, with backslash and doubled-quote escapes) and comments (``--``,
    ``#``, ``/* */``) never end a statement. ``DELIMITER xx`` lines switch the terminator as in the
    client. Without ``DELIMITER``, the ``BEGIN ... END`` body of CREATE PROCEDURE/FUNCTION/TRIGGER/EVENT
    (and ``BEGIN NOT ATOMIC``) is kept whole by tracking ``BEGIN``/``CASE`` ... ``END`` nesting;
    bodies that are a bare ``IF``/``LOOP`` statement without ``BEGIN`` need ``DELIMITER``.
    Comment-only fragments are dropped; a statement starts at its first token (or executable comment) and
    comments inside it are kept (``/*! */`` matters).
    """
    statements: list[Statement] = []
    lines = LineCounter(sql_text)
    first = 0  # offset of the current statement's first significant character
    delimiter = ";"
    n = len(sql_text)
    i = 0
    significant = False  # current statement has something besides whitespace and comments
    words: list[str] = []
    depth = 0
    pending_end = False
    prev_char = ""  # last significant character, to skip `.end` / `@begin` as keywords

    def resolve_end() -> None:
        nonlocal depth, pending_end
        if pending_end:
            depth = max(depth - 1, 0)
            pending_end = False

    def finish(stop: int) -> None:
        nonlocal significant, words, depth, pending_end, prev_char
        text = sql_text[first:stop].strip()
        if significant and text:
            statements.append(Statement(text, lines.at(first)))
        significant, words, depth, pending_end, prev_char = False, [], 0, False, ""

    while i < n:
        ch = sql_text[i]
        if not significant and ch in "dD":
            # The client command, only where a statement would start; it takes the rest of the line.
            match = _DELIMITER_CMD.match(sql_text, i)
            if match:
                delimiter = match.group(1)
                i = match.end()
                continue
        if ch.isspace():
            i += 1
            continue
        if not significant and not _comment_at(sql_text, i):
            first = i
        if ch in "'\"`":
            resolve_end()
            i = _skip_quoted(sql_text, i)
            significant, prev_char = True, ch
            continue
        if ch == "#" or (sql_text.startswith("--", i) and (i + 2 >= n or sql_text[i + 2].isspace())):
            newline = sql_text.find("\n", i)
            i = n if newline < 0 else newline + 1
            continue
        if sql_text.startswith("/*", i):
            close = sql_text.find("*/", i + 2)
            if sql_text.startswith("/*!", i) or sql_text.startswith("/*M!", i):
                significant = True  # executable comment
            i = n if close < 0 else close + 2
            continue
        if sql_text.startswith(delimiter, i):
            resolve_end()
            if delimiter != ";" or depth == 0 or not _is_stored_program(words):
                finish(i)
                i += len(delimiter)
                continue
            i += len(delimiter)
            prev_char = ";"
            continue
        word = _WORD.match(sql_text, i) if (ch.isalpha() or ch == "_") else None
        if word:
            word_end = word.end()
            cut = sql_text.find(delimiter, i, word_end)  # "END$$" with DELIMITER $$ is END, then $$
            if cut > i:
                word_end = cut
            token = sql_text[i:word_end].upper()
            if prev_char in (".", "@"):  # t.end, @begin, root@localhost: names, not keywords
                resolve_end()
                significant, prev_char, i = True, "w", word_end
                continue
            if pending_end and token in _END_SUFFIX_UNCOUNTED:
                pending_end = False  # END IF / END LOOP / ...: closes a block we never counted
            elif pending_end and token == "CASE":
                resolve_end()  # END CASE closes the CASE counted on the way in
            else:
                resolve_end()  # END <label> or END followed by the next clause
                depth += _BLOCK_OPENERS.get(token, 0)
                pending_end = token == "END"
            words.append(token)
            significant, prev_char = True, "w"
            i = word_end
            continue
        resolve_end()
        significant, prev_char = True, ch
        i += 1
    finish(n)
    return statements


def _comment_at(text: str, i: int) -> bool:
    """Whether a plain comment (not an executable ``/*!`` one) starts at ``i``."""
    if text[i] == "#" or (text.startswith("--", i) and (i + 2 >= len(text) or text[i + 2].isspace())):
        return True
    return text.startswith("/*", i) and not text.startswith(("/*!", "/*M!"), i)


def _skip_quoted(text: str, i: int) -> int:
    """Index just past the quoted string starting at ``i``; handles ``\\x`` and doubled quotes."""
    quote_char = text[i]
    i += 1
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\\" and quote_char != "`":
            i += 2
            continue
        if ch == quote_char:
            if i + 1 < n and text[i + 1] == quote_char:
                i += 2
                continue
            return i + 1
        i += 1
    return n
