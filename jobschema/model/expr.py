"""SQL expressions through sqlglot: parse each distinct text once, translate, and read value sets.

Every function takes the dialect the text is written in (the caller asks the registry: schema expressions
are in ``dialects.base.DEFAULT``'s SQL); the model names no dialect. Parsing is cached by (text, dialect)
because the same CHECK text repeats across tables and runs.
"""

from __future__ import annotations

from functools import lru_cache

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError


@lru_cache(maxsize=65536)
def parse(text: str, dialect: str) -> exp.Expression:
    """Parse one expression; raises sqlglot's errors on bad input (callers report them)."""
    return sqlglot.parse_one(text, read=dialect)


def parse_problem(text: str, dialect: str) -> str | None:
    """None when ``text`` parses as one expression, else a one-line reason."""
    if not text or not text.strip():
        return "it is empty"
    try:
        tree = parse(text, dialect)
    except (ParseError, TokenError) as exc:
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return " ".join(msg.split())[:200]
    except Exception as exc:  # sqlglot raises assorted errors on odd input
        return f"{type(exc).__name__}: {exc}"[:200]
    if tree is None:
        return "it is empty"
    if isinstance(tree, (exp.Select, exp.Create, exp.Drop, exp.Insert, exp.Update, exp.Delete)):
        return "it is a statement, not an expression"
    return None


def query_problem(text: str, dialect: str) -> tuple[str, int, int] | None:
    """None when ``text`` parses as one query (SELECT, set operation, VALUES), else (reason, line, column)
    with line and column counted within ``text`` (1-based)."""
    if not text or not text.strip():
        return "it is empty", 1, 1
    try:
        tree = sqlglot.parse_one(text, read=dialect)
    except ParseError as exc:
        first = exc.errors[0] if exc.errors else {}
        msg = first.get("description") or (str(exc).splitlines()[0] if str(exc) else "ParseError")
        return " ".join(str(msg).split())[:200], int(first.get("line") or 1), int(first.get("col") or 1)
    except TokenError as exc:
        return " ".join(str(exc).split())[:200] or "TokenError", 1, 1
    except Exception as exc:  # sqlglot raises assorted errors on odd input
        return f"{type(exc).__name__}: {exc}"[:200], 1, 1
    if not isinstance(tree, (exp.Query, exp.Values)):
        return "it is not a query (a view is CREATE VIEW name AS SELECT ...)", 1, 1
    return None


@lru_cache(maxsize=65536)
def translate(text: str, source: str, target: str) -> str:
    """Translate an expression between dialects (PostgreSQL -> MySQL for the schema's expressions)."""
    if source == target:
        return text
    return parse(text, source).sql(dialect=target)


def value_set(text: str, dialect: str) -> tuple[str, frozenset[str]] | None:
    """(column, values) when ``text`` only says ``column IN (...)`` (in any of its spellings), else None.

    Recognises ``col IN ('a','b')``, ``col = ANY (ARRAY['a'::text, ...])``, ``col = 'a' OR col = 'b'`` and
    the same with casts and parentheses, as PostgreSQL and MariaDB print them back.
    """
    try:
        tree = parse(text, dialect)
    except Exception:
        return None
    return _value_set(tree)


# SQL's niladic functions that sqlglot may read as column names (``user``, ``current_role``)
_NILADIC = frozenset({"user", "current_role", "current_user", "session_user", "current_catalog", "current_schema",
                      "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp"})


def column_names(text: str, dialect: str) -> list[tuple[str, bool]] | None:
    """The unqualified columns ``text`` reads outside subqueries, as (name, quoted) in order of appearance;
    None when it does not parse (the parse error is reported elsewhere)."""
    try:
        tree = parse(text, dialect)
    except Exception:
        return None
    out: list[tuple[str, bool]] = []
    for col in tree.find_all(exp.Column):
        if col.table or col.find_ancestor(exp.Query) is not None:
            continue
        quoted = isinstance(col.this, exp.Identifier) and bool(col.this.quoted)
        if not quoted and col.name.lower() in _NILADIC:
            continue
        out.append((col.name, quoted))
    return out


def _strip(node: exp.Expression) -> exp.Expression:
    while isinstance(node, (exp.Paren, exp.Cast)) and node.this is not None:
        node = node.this
    return node


def _literal(node: exp.Expression) -> str | None:
    node = _strip(node)
    if isinstance(node, exp.Literal) and node.is_string:
        return node.this
    return None


def _column(node: exp.Expression) -> str | None:
    node = _strip(node)
    if isinstance(node, exp.Column) and not node.table:
        return node.name
    return None


def _value_set(node: exp.Expression) -> tuple[str, frozenset[str]] | None:
    node = _strip(node)
    if isinstance(node, exp.In) and not node.args.get("query"):
        col = _column(node.this)
        vals = [_literal(v) for v in node.expressions]
        if col and vals and all(v is not None for v in vals):
            return col, frozenset(vals)  # type: ignore[arg-type]
        return None
    if isinstance(node, exp.EQ):
        right = _strip(node.expression)
        col = _column(node.this)
        if isinstance(right, exp.Any) and col:
            arr = _strip(right.this)
            if isinstance(arr, exp.Array):
                vals = [_literal(v) for v in arr.expressions]
                if vals and all(v is not None for v in vals):
                    return col, frozenset(vals)  # type: ignore[arg-type]
            return None
        lit = _literal(node.expression)
        if col and lit is not None:
            return col, frozenset([lit])
        return None
    if isinstance(node, exp.Or):
        left, right = _value_set(node.this), _value_set(node.expression)
        if left and right and left[0] == right[0]:
            return left[0], left[1] | right[1]
    return None
