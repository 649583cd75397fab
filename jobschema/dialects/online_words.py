"""The words of a planned statement, for the dialects' ``online.py``: what lock a step takes is read from
its leading keywords (sqlglot's tokens, so names and strings never look like keywords)."""

from __future__ import annotations

from .ddl_tokens import lex

# Defaults evaluated once per row (PostgreSQL: VOLATILE functions), so every existing row gets its own value:
# adding a column with one rewrites the table (lint JS211), and a fix adds the column bare and backfills it
VOLATILE_CALLS = frozenset({"clock_timestamp", "timeofday", "nextval", "uuid_generate_v1", "uuid_generate_v1mc",
                            "uuid_generate_v4", "gen_random_bytes", "random_normal", "uuid_short", "sys_guid"})


def volatile_nodes() -> tuple:
    """sqlglot's nodes for volatile calls (``gen_random_uuid()``/``uuid()``, ``random()``/``rand()``)."""
    from sqlglot import exp

    return (exp.Uuid, exp.Rand)


def volatile(expression) -> bool:
    """Whether a parsed default expression (a sqlglot tree) is evaluated for every row."""
    from sqlglot import exp

    nodes = volatile_nodes()
    return any(isinstance(n, nodes) or (isinstance(n, exp.Anonymous) and str(n.this).lower() in VOLATILE_CALLS)
               for n in expression.walk())


def words(sql: str, dialect: str) -> list[str]:
    """Upper-cased keywords and bare names; a quoted name or a literal is ``""`` (it matches only ``*``)."""
    return [i.up for i in lex(sql, dialect) if i.kind != "punct"]


def has(ws: list[str], *seq: str) -> bool:
    """``seq`` appears in ``ws`` in a row; ``*`` matches any one word."""
    n = len(seq)
    return any(all(p == "*" or ws[i + k] == p for k, p in enumerate(seq)) for i in range(len(ws) - n + 1))


def primary_key(step) -> str | None:
    """The single-column primary key of the step's table (desired, else live), which batches are keyed by."""
    c = step.source
    for t in (getattr(c, "desired_table", None), getattr(c, "live_table", None)):
        pk = getattr(t, "primary_key", None) if t is not None else None
        if pk is not None and len(pk.columns) == 1:
            return pk.columns[0]
    return None
