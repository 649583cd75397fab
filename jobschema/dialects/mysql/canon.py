"""Canonical keys of what MySQL/MariaDB prints and what the renderer writes: defaults, CHECK and other
expressions, view queries. Equal keys mean equal meaning; every distinct text is parsed once (the caches).

``normalize.py`` (the differ's hooks) asks these; they know nothing of tables or columns beyond a default's
native type.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import sqlglot
from sqlglot import exp

from ...diff.hooks import CheckMeaning
from ...model import expr as exprmod
from ...model.objects import Column
from .types import canonical as canonical_type
from .types import split_quoted
from .version import ServerVersion

# ---------------------------------------------------------------------------------------- defaults

_NOW_NAMES = {"now", "current_timestamp", "localtime", "localtimestamp", "sysdate"}
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$", re.I)
_NUMERIC_NATIVE = re.compile(r"^(tinyint|smallint|mediumint|int|integer|bigint|decimal|numeric|float|double|"
                             r"real|bit|year)\b")


def _strip_outer_parens(text: str) -> str:
    t = text.strip()
    while t.startswith("(") and t.endswith(")"):
        depth, ok = 0, True
        for i, ch in enumerate(t):
            depth += ch == "("
            depth -= ch == ")"
            if depth == 0 and i < len(t) - 1:
                ok = False
                break
        if not ok:
            break
        t = t[1:-1].strip()
    return t


def _number_key(text: str) -> str:
    try:
        d = Decimal(text)
    except InvalidOperation:
        return text
    if d == d.to_integral_value():
        return str(int(d))
    return format(d.normalize(), "f")


@lru_cache(maxsize=16384)
def default_sql_key(text: str | None, native: str = "") -> str | None:
    """A key for a default written as MySQL SQL, equal whichever side or server printed it.

    ``NULL`` is "no default". String literals on numeric columns compare as numbers (MySQL 8 prints
    bare values); CURRENT_TIMESTAMP and its synonyms compare by precision; other expressions compare by
    their sqlglot tree.
    """
    if text is None:
        return None
    t = _strip_outer_parens(text)
    if not t or t.upper() == "NULL":
        return None
    numeric = bool(_NUMERIC_NATIVE.match(canonical_type(native))) if native else False
    if t.startswith("'") and t.endswith("'") and len(t) >= 2 and _is_one_literal(t):
        value = (split_quoted(t) or [""])[0]
        if numeric and _NUMBER.match(value.strip()):
            return "n:" + _number_key(value.strip())
        return "s:" + value
    if _NUMBER.match(t):
        return "n:" + _number_key(t)
    low = t.lower()
    if low in ("true", "false"):
        return "n:" + ("1" if low == "true" else "0")
    m = re.fullmatch(r"([a-z_]+)\s*(?:\(\s*(\d*)\s*\))?", low)
    if m and m.group(1) in _NOW_NAMES:
        return f"now:{int(m.group(2) or 0)}"
    try:
        tree = sqlglot.parse_one(t, read="mysql").copy()
    except Exception:
        return "x:" + " ".join(low.split())
    return "x:" + repr(_canon(tree))


def _is_one_literal(t: str) -> bool:
    """``'a'`` but not ``'a' + 'b'``."""
    i, n = 1, len(t)
    while i < n:
        ch = t[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "'":
            if i + 1 < n and t[i + 1] == "'":
                i += 2
                continue
            return i == n - 1
        i += 1
    return False


def live_default_sql(col: Column) -> str | None:
    """A live column's default as MySQL SQL (the inspector keeps MySQL's printed text)."""
    d = col.default
    if d is None:
        return None
    if d.kind == "literal":
        if d.value is None:
            return None
        if isinstance(d.value, bool):
            return "1" if d.value else "0"
        if isinstance(d.value, (int, float)):
            return str(d.value)
        v = str(d.value)
        return "'" + v.replace("\\", "\\\\").replace("'", "''") + "'"
    assert d.expression is not None
    return d.expression.override("mysql") or d.expression.text


# ------------------------------------------------------------------------------------ expressions

def unescape_check_text(text: str, version: ServerVersion) -> str:
    """MySQL 8 prints CHECK_CLAUSE with quotes escaped once more than written (``\\'a\\'``)."""
    if version.escapes_check_text_twice:
        return text.replace("\\'", "'").replace("\\\\", "\\")
    return text


def _rule(node: exp.Expression, fold: bool = True) -> exp.Expression:
    """One node's canonical form. ``fold`` evens out how a value list is spelled (an OR chain of ``=`` is the
    sorted ``IN`` list without repeats); without it the list keeps its shape, order and repeats, as a server
    that keeps the clause as written does, and only a one-value ``IN`` is ``=`` (MariaDB prints it so)."""
    if isinstance(node, exp.Paren):
        return node.this
    if isinstance(node, exp.Identifier):
        return exp.Identifier(this=str(node.this).lower(), quoted=False)
    if isinstance(node, exp.Introducer):  # _utf8mb4'a'
        return node.expression
    if isinstance(node, exp.Boolean):
        return exp.Literal.number(1 if node.this else 0)
    if isinstance(node, exp.Anonymous) and str(node.this).lower() in _NOW_NAMES and not node.expressions:
        return exp.CurrentTimestamp()
    if isinstance(node, exp.Anonymous) and isinstance(node.this, str):  # function names ignore case
        node.set("this", node.this.lower())
        return node
    if not fold and isinstance(node, exp.In) and not node.args.get("query"):
        items = node.expressions
        return exp.EQ(this=node.this, expression=items[0]) if len(items) == 1 else node
    if not fold and isinstance(node, (exp.Or, exp.And)):  # the server prints a chain without its parentheses
        kind = type(node)
        terms = _chain_terms(node, kind)
        out = terms[0]
        for t in terms[1:]:
            out = kind(this=out, expression=t)
        return out
    if isinstance(node, exp.In) and not node.args.get("query"):
        items = node.expressions
        if items and all(isinstance(i, exp.Literal) for i in items):
            uniq = {repr(i): i for i in items}
            node.set("expressions", [uniq[k] for k in sorted(uniq)])
        return node
    if isinstance(node, exp.Or):
        terms, col, values = _or_terms(node), None, []
        for t in terms:
            if isinstance(t, exp.EQ) and isinstance(t.this, exp.Column) and isinstance(t.expression, exp.Literal):
                c, v = t.this, [t.expression]
            elif isinstance(t, exp.In) and isinstance(t.this, exp.Column) and t.expressions and \
                    all(isinstance(i, exp.Literal) for i in t.expressions):
                c, v = t.this, list(t.expressions)
            else:
                return node
            if col is not None and repr(c) != repr(col):
                return node
            col, values = c, values + v
        uniq = {repr(i): i for i in values}
        return exp.In(this=col, expressions=[uniq[k] for k in sorted(uniq)])
    if isinstance(node, exp.Count):
        inner = node.this
        if isinstance(inner, exp.Star) or (isinstance(inner, exp.Literal) and not inner.is_string
                                           and inner.this in ("0", "1")):
            return exp.Count(this=exp.Star())
        node.set("big_int", None)
    return node


def _or_terms(node: exp.Expression) -> list[exp.Expression]:
    return _chain_terms(node, exp.Or)


def _chain_terms(node: exp.Expression, kind: type) -> list[exp.Expression]:
    if isinstance(node, kind):
        return _chain_terms(node.this, kind) + _chain_terms(node.expression, kind)
    return [node]


def _canon(node: exp.Expression, fold: bool = True) -> exp.Expression:
    for key, val in list(node.args.items()):
        if isinstance(val, exp.Expression):
            node.set(key, _canon(val, fold))
        elif isinstance(val, list):
            node.set(key, [_canon(v, fold) if isinstance(v, exp.Expression) else v for v in val])
    return _rule(node, fold)


@lru_cache(maxsize=65536)
def expression_key(text: str) -> str:
    """A key equal for two MySQL expressions with the same meaning (as the server or the renderer
    printed them): identifiers unquoted and lower-cased, parentheses, introducers and TRUE/1 evened out,
    IN lists sorted."""
    t = text.strip().rstrip(";").strip()
    try:
        tree = exprmod.parse(t, "mysql").copy()
    except Exception:
        return "text:" + " ".join(t.lower().replace("`", "").split())
    return repr(_canon(tree))


@lru_cache(maxsize=16384)
def check_meaning(text: str, as_written: bool = False) -> CheckMeaning:
    """Key, columns read and, for ``col IN (...)`` in any spelling (OR chains, introducers, parentheses),
    the value set. ``as_written``: the server keeps the clause as written, so the key keeps a value list's
    shape (an OR chain is not the ``IN`` list of its values, order and repeats count) and the value set
    only pairs the CHECK with the one on its column."""
    t = text.strip().rstrip(";").strip()
    try:
        tree = _canon(exprmod.parse(t, "mysql").copy())
    except Exception:
        return CheckMeaning(key=expression_key(text), as_written=as_written)
    key = repr(_canon(exprmod.parse(t, "mysql").copy(), fold=False)) if as_written else repr(tree)
    columns = frozenset(c.name.lower() for c in tree.find_all(exp.Column))
    vs = None
    if isinstance(tree, exp.In) and isinstance(tree.this, exp.Column) and not tree.this.table and \
            tree.expressions and all(isinstance(i, exp.Literal) and i.is_string for i in tree.expressions):
        vs = (tree.this.name.lower(), frozenset(i.this for i in tree.expressions))
    elif isinstance(tree, exp.EQ) and isinstance(tree.this, exp.Column) and isinstance(tree.expression, exp.Literal) \
            and tree.expression.is_string:
        vs = (tree.this.name.lower(), frozenset([tree.expression.this]))
    return CheckMeaning(key=key, columns=columns, value_set=vs, as_written=as_written)


# ------------------------------------------------------------------------------------------ views

@lru_cache(maxsize=4096)
def query_key(text: str, database: str | None = None) -> str:
    """A key for a view query, equal for the author's text and the server's stored rewrite."""
    t = text.strip().rstrip(";").strip()
    try:
        tree = sqlglot.parse_one(t, read="mysql")  # a fresh tree, not the shared cache's: no copy
    except Exception:
        return "text:" + " ".join(t.lower().split())
    hoisted = False
    for sel in list(tree.find_all(exp.Select)):
        frm = sel.args.get("from_") or sel.args.get("from")
        if frm is not None and isinstance(frm.this, exp.Subquery) and isinstance(frm.this.this, exp.Table) \
                and frm.this.this.args.get("joins") and not frm.this.args.get("alias"):
            inner = frm.this.this
            joins = inner.args.get("joins") or []
            inner.set("joins", None)
            frm.set("this", inner)
            sel.set("joins", list(joins) + list(sel.args.get("joins") or []))
            hoisted = True
    if hoisted:  # print and parse again, so the tree's arguments come back in parse order
        tree = sqlglot.parse_one(tree.sql(dialect="mysql"), read="mysql")
    unaliased_tables = set()
    for tbl in tree.find_all(exp.Table):
        if database is not None and tbl.args.get("db") is not None and \
                str(tbl.args["db"].this).lower() == database.lower():
            tbl.set("db", None)
        if not tbl.args.get("alias"):
            unaliased_tables.add(tbl.name.lower())
    for col in tree.find_all(exp.Column):
        if database is not None and col.args.get("db") is not None and \
                str(col.args["db"].this).lower() == database.lower():
            col.set("db", None)
        tq = col.args.get("table")
        if tq is not None and str(tq.this).lower() in unaliased_tables:
            col.set("table", None)
    tree = _canon(tree)
    for sel in tree.find_all(exp.Select):
        sel.set("expressions", [e.this if isinstance(e, exp.Alias) and _output_name(e.this) == e.alias.lower()
                                else e for e in sel.expressions])
    return repr(tree)


def _output_name(node: exp.Expression) -> str:
    return node.name.lower() if isinstance(node, exp.Column) else ""
