"""What a PostgreSQL trigger does besides its timing, events and function, read from its statement through
sqlglot's tokens (sqlglot keeps ``CREATE TRIGGER`` as a Command): the row or statement level, the columns of
``UPDATE OF``, the ``WHEN`` condition (compared by meaning), ``CONSTRAINT``/``DEFERRABLE``/``INITIALLY
DEFERRED``, ``REFERENCING`` transition tables and the function's arguments.

The author's statement and ``pg_get_triggerdef`` spell these differently (the server doubles the
parentheses of ``WHEN``, qualifies names, orders events its own way), so the key is built from the clauses,
not the text.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from sqlglot.dialects.postgres import Postgres

_WORDS = ("VAR", "IDENTIFIER")


def _group(tokens, i: int) -> int:
    """The index just past the parenthesised group opening at ``tokens[i]``."""
    depth = 0
    for j in range(i, len(tokens)):
        kind = tokens[j].token_type.name
        depth += kind == "L_PAREN"
        depth -= kind == "R_PAREN"
        if depth == 0:
            return j + 1
    return len(tokens)


@lru_cache(maxsize=4096)
def trigger_key(sql: str, condition_key: Callable[[str], str]) -> tuple:
    """The clauses of ``CREATE [CONSTRAINT] TRIGGER`` that timing, events and function leave out;
    ``condition_key`` compares the ``WHEN`` condition (normalize.expression_key)."""
    try:
        tokens = Postgres().tokenize(sql)
    except Exception:  # noqa: BLE001 - an untokenizable statement compares as its own text
        return (" ".join(sql.split()),)
    upper = [t.text.upper() if t.token_type.name != "IDENTIFIER" else t.text for t in tokens]
    level = "ROW" if any(upper[i:i + 3] == ["FOR", "EACH", "ROW"] or upper[i:i + 2] == ["FOR", "ROW"]
                         for i in range(len(upper))) else "STATEMENT"
    constraint = len(upper) > 1 and upper[1] == "CONSTRAINT"
    deferrable = any(u == "DEFERRABLE" and (i == 0 or upper[i - 1] != "NOT") for i, u in enumerate(upper))
    deferred = any(upper[i:i + 2] == ["INITIALLY", "DEFERRED"] for i in range(len(upper)))
    update_of: list[str] = []
    when = referencing = args = None
    i = 0
    while i < len(tokens):
        u = upper[i]
        if u == "UPDATE" and i + 1 < len(tokens) and upper[i + 1] == "OF":
            i += 2
            while i < len(tokens) and upper[i] not in ("OR", "ON"):
                if tokens[i].token_type.name in _WORDS:
                    update_of.append(tokens[i].text if tokens[i].token_type.name == "IDENTIFIER"
                                     else tokens[i].text.lower())
                i += 1
            continue
        if u == "REFERENCING":
            j = i + 1
            while j < len(tokens) and upper[j] not in ("FOR", "WHEN", "EXECUTE"):
                j += 1
            referencing = " ".join(x.lower() for x in upper[i + 1:j] if x != "AS")
            i = j
            continue
        if u == "WHEN" and i + 1 < len(tokens) and tokens[i + 1].token_type.name == "L_PAREN":
            end = _group(tokens, i + 1)
            when = condition_key(sql[tokens[i + 1].start + 1:tokens[end - 1].start])
            i = end
            continue
        if u == "EXECUTE":
            j = next((k for k in range(i, len(tokens)) if tokens[k].token_type.name == "L_PAREN"), None)
            if j is not None:
                end = _group(tokens, j)
                args = tuple((t.token_type.name, t.text) for t in tokens[j + 1:end - 1])
            break
        i += 1
    return (level, tuple(sorted(update_of)), when, constraint, deferrable, deferred, referencing, args)
