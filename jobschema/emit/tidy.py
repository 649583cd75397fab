"""Make a model read the way a person writes a schema, without changing what it creates.

Inspected catalogs and imported scripts say things the long way: ``((status = ANY (ARRAY['a'::text,
'b'::text])))`` for an enum, ``'queued'::text`` for a default. This pass rewrites them into the schema's
own vocabulary: enum-like CHECKs on text columns become ``enum:`` columns (keeping a non-default CHECK name
in ``enum_check_name``), literal defaults become plain values, casts on string literals and redundant outer
parentheses go. Each rewrite keeps the rendered DDL equivalent; anything doubtful is left as it is.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sqlglot import exp
from sqlglot.dialects.postgres import Postgres
from sqlglot.tokens import TokenType

from ..dialects.base import DEFAULT, get, literal_pg, quote_pg, spelled_in
from ..model import expr as exprmod
from ..model.objects import Check, Column, Default, Module, Sql, Table, View
from ..model.types import parse_type

_TEXT_CASTS = {"text", "character varying", "varchar", "bpchar", "character", "char", "name"}
_NUMBER = re.compile(r"^-?\d+$")
_FLOAT = re.compile(r"^-?\d+\.\d+$")


# -------------------------------------------------------------------------------------- expressions

def _tokens(text: str):
    try:
        return Postgres().tokenize(text)
    except Exception:
        return None


def strip_outer_parens(text: str) -> str:
    """``((a = 1))`` -> ``a = 1``; ``(a) + (b)`` stays."""
    while True:
        t = text.strip()
        toks = _tokens(t)
        if not toks or toks[0].token_type != TokenType.L_PAREN or toks[-1].token_type != TokenType.R_PAREN:
            return t
        depth = 0
        for i, tok in enumerate(toks):
            if tok.token_type == TokenType.L_PAREN:
                depth += 1
            elif tok.token_type == TokenType.R_PAREN:
                depth -= 1
                if depth == 0 and i != len(toks) - 1:
                    return t
        if toks[-1].end != len(t) - 1 or toks[0].start != 0:
            return t
        text = t[1:-1]


def strip_literal_casts(text: str, casts: frozenset[str] | set[str] = frozenset({"text"})) -> str:
    """Remove ``::text`` (or another of ``casts``) written after a string literal.

    Only ``::text`` by default: PostgreSQL adds exactly that back when it stores the expression, so the
    stored form does not change; ``'x'::character varying`` inside a CHECK is stored differently without it.
    """
    toks = _tokens(text)
    if not toks:
        return text
    cuts: list[tuple[int, int]] = []
    for i, tok in enumerate(toks[:-2]):
        if tok.token_type != TokenType.STRING or toks[i + 1].token_type != TokenType.DCOLON:
            continue
        ty = toks[i + 2]
        if ty.text.lower() not in casts:
            continue
        end = ty.end
        j = i + 3
        if j < len(toks) and toks[j].token_type == TokenType.L_PAREN:  # character varying(20)
            k = j
            while k < len(toks) and toks[k].token_type != TokenType.R_PAREN:
                k += 1
            if k < len(toks):
                end = toks[k].end
                j = k + 1
        if j < len(toks) and toks[j].token_type in (TokenType.L_BRACKET,):
            continue  # '{a}'::text[] is an array literal, keep it
        cuts.append((toks[i + 1].start, end + 1))
    for start, end in reversed(cuts):
        text = text[:start] + text[end:]
    return text


def clean(text: str) -> str:
    """Readable form of a PostgreSQL expression as the server prints it back."""
    if "ANY" in text.upper() and exprmod.parse_problem(text, DEFAULT) is None and \
            _cast_per_element(exprmod.parse(text, DEFAULT)):
        return strip_outer_parens(text)  # its casts are what the server stores (see ``_cast_per_element``)
    out = strip_outer_parens(strip_literal_casts(text))
    found = ordered_values(out) if "ANY" in out.upper() else None
    if found is not None and len(found[1]) > 0:
        out = f"{quote_pg(found[0])} IN ({', '.join(literal_pg(v) for v in found[1])})"
    return out if exprmod.parse_problem(out, DEFAULT) is None else text


def clean_sql(s: Sql | None) -> Sql | None:
    if s is None:
        return None
    return Sql(clean(s.text), s.overrides)


def ordered_values(text: str) -> tuple[str, tuple[str, ...]] | None:
    """(column, values in written order) when the expression only says ``column IN (...)``."""
    if exprmod.value_set(text, DEFAULT) is None:
        return None
    try:
        tree = exprmod.parse(text, DEFAULT)
    except Exception:
        return None
    out: list[str] = []

    def strip(n):
        while isinstance(n, (exp.Paren, exp.Cast)) and n.this is not None:
            n = n.this
        return n

    def walk(n) -> str | None:
        n = strip(n)
        if isinstance(n, exp.In):
            out.extend(strip(v).this for v in n.expressions)
            return strip(n.this).name
        if isinstance(n, exp.EQ):
            right = strip(n.expression)
            if isinstance(right, exp.Any):
                out.extend(strip(v).this for v in strip(right.this).expressions)
            else:
                out.append(right.this)
            return strip(n.this).name
        if isinstance(n, exp.Or):
            a, b = walk(n.this), walk(n.expression)
            return a if a == b else None
        return None

    col = walk(tree)
    if col is None:
        return None
    seen: list[str] = []
    for v in out:
        if v not in seen:
            seen.append(v)
    return col, tuple(seen)


# -------------------------------------------------------------------------------------- columns

def _literal_default(col: Column, d: Default) -> Default | None:
    """``'queued'::text`` -> literal queued; ``0`` -> 0; ``NULL::text`` -> literal None (an explicit
    DEFAULT NULL, kept apart from no default). None: no default."""
    if d.kind == "literal" and isinstance(d.value, str):
        try:
            lt = parse_type(col.type)
        except ValueError:
            return d
        if lt.base == "boolean" and not lt.is_array and d.value in ("0", "1", "true", "false"):
            return Default.literal(d.value in ("1", "true"))
        if lt.is_numeric and not lt.is_array and _NUMBER.match(d.value):
            return Default.literal(int(d.value))
        if lt.is_numeric and not lt.is_array and _FLOAT.match(d.value) and repr(float(d.value)) == d.value:
            return Default.literal(float(d.value))
        return d
    if d.kind != "expression" or d.expression is None or d.expression.overrides:
        return d
    text = strip_outer_parens(strip_literal_casts(d.expression.text, _TEXT_CASTS)).strip()
    try:
        lt = parse_type(col.type)
    except ValueError:
        return d
    toks = _tokens(text)
    if toks and toks[0].token_type == TokenType.NULL and len(toks) == 1:
        return None
    if len(toks) > 1 and toks[0].token_type == TokenType.NULL and toks[1].token_type == TokenType.DCOLON:
        return Default.literal(None)  # NULL::varchar: a DEFAULT NULL the catalog keeps, written as {value: null}
    if lt.is_text_like or col.enum is not None:
        if toks and len(toks) == 1 and toks[0].token_type == TokenType.STRING:
            return Default.literal(toks[0].text)
        if col.enum_type is not None and not lt.is_array and len(toks) > 2 and toks[0].token_type == \
                TokenType.STRING and toks[1].token_type == TokenType.DCOLON and toks[0].text in col.enum:
            return Default.literal(toks[0].text)  # 'queued'::job_status: the cast to the column's own type
    if lt.is_numeric and not lt.is_array and col.identity is None:
        if _NUMBER.match(text):
            return Default.literal(int(text))
        if _FLOAT.match(text) and lt.base in ("numeric", "real", "double precision"):
            return Default.literal(float(text)) if repr(float(text)) == text else d
    if lt.base == "boolean" and not lt.is_array and text.lower() in ("true", "false"):
        return Default.literal(text.lower() == "true")
    if text != d.expression.text and exprmod.parse_problem(text, DEFAULT) is None:
        return Default.expr(text)
    return d


def tidy_table(t: Table, targets: tuple[str, ...] = ()) -> Table:
    """``t`` the way a person writes it; an enum-like CHECK becomes an ``enum:`` column only where every
    dialect in ``targets`` keeps its values apart."""
    cols = list(t.columns)
    checks: list[Check] = []
    by_name = {c.name: i for i, c in enumerate(cols)}
    enum_done: set[str] = set()
    for ck in t.checks:
        text = ck.expression.text
        found = None if ck.expression.overrides else ordered_values(text)
        if found is not None:
            cname, values = found
            idx = by_name.get(cname)
            col = cols[idx] if idx is not None else None
            ok = (col is not None and cname not in enum_done and col.enum is None and values
                  and _text_type(col) and not col.type_overrides and ck.comment is None
                  and all(get(d).types.enum_values_kept(values) for d in targets) and _is_in_form(text))
            if ok:
                default_name = f"{t.name}_{cname}_check"
                cols[idx] = replace(col, enum=values, enum_check_name=None if ck.name == default_name else ck.name)
                enum_done.add(cname)
                continue
        checks.append(replace(ck, expression=clean_sql(ck.expression)))
    out_cols = []
    for c in cols:
        d = _literal_default(c, c.default) if c.default is not None else None
        if d is not None and d.kind == "literal" and c.enum is not None and str(d.value) not in c.enum:
            d = c.default
        out_cols.append(replace(c, default=d, generated=clean_sql(c.generated)))
    indexes = tuple(replace(ix, where=clean_sql(ix.where),
                            parts=tuple(replace(p, expression=clean_sql(p.expression)) for p in ix.parts))
                    for ix in t.indexes)
    policies = tuple(replace(p, using=clean_sql(p.using), with_check=clean_sql(p.with_check))
                     for p in t.rls.policies)
    fks = tuple(replace(fk, ref_namespace=None) if fk.ref_namespace == t.namespace else fk
                for fk in t.foreign_keys)
    pk = t.primary_key
    if pk is not None and pk.name == "PRIMARY":
        pk = replace(pk, name=None)
    engine = None if (t.mysql_engine or "").lower() == "innodb" else t.mysql_engine
    return replace(t, columns=tuple(out_cols), checks=tuple(checks), indexes=indexes, primary_key=pk,
                   rls=replace(t.rls, policies=policies), mysql_engine=engine, foreign_keys=fks)


def _is_in_form(text: str) -> bool:
    """``col IN (...)`` or ``col = ANY (ARRAY[...])``: the forms an enum renders to (an OR chain is kept as a
    CHECK, so the stored constraint text does not change)."""
    try:
        node = exprmod.parse(text, DEFAULT)
    except Exception:
        return False
    while isinstance(node, exp.Paren):
        node = node.this
    if isinstance(node, exp.In):
        return True
    return isinstance(node, exp.EQ) and isinstance(node.expression, exp.Any) and not _cast_per_element(node)


def _cast_per_element(node: exp.Expression) -> bool:
    """``ARRAY[('a'::varchar)::text, ...]``: each element cast twice. An IN list is stored with one cast around
    the whole array instead, so such a value set stays a CHECK whose text the server stores back unchanged."""
    for el in node.find_all(exp.Cast):
        inner = el.this
        while isinstance(inner, exp.Paren):
            inner = inner.this
        if isinstance(el.parent, exp.Array) and isinstance(inner, exp.Cast):
            return True
    return False


def _text_type(c: Column) -> bool:
    try:
        return parse_type(c.type).is_text_like
    except ValueError:
        return False


def tidy_view(v: View) -> View:
    """A view's comment becomes the ``COMMENT ON VIEW`` statement its file carries; MySQL's default
    ALGORITHM and SQL SECURITY go (the renderer writes them)."""
    if v.algorithm == "UNDEFINED":
        v = replace(v, algorithm=None)
    if v.security == "DEFINER":
        v = replace(v, security=None)
    if not v.comment:
        return v

    kind = "MATERIALIZED VIEW" if v.materialized else "VIEW"
    name = quote_pg(v.name) if v.namespace == "public" else f"{quote_pg(v.namespace)}.{quote_pg(v.name)}"
    # the statement is PostgreSQL SQL: it goes with a definition written in it (its own or the portable one)
    dialect = next((d for d, _ in v.definitions if spelled_in(d).name == DEFAULT), None)
    if dialect is None:
        return v
    stmt = f"COMMENT ON {kind} {name} IS {literal_pg(v.comment)}"
    return replace(v, comment=None, extra_sql=v.extra_sql + ((dialect, stmt),))


def tidy_module(m: Module) -> Module:
    return replace(m, tables=tuple(tidy_table(t, m.dialects) for t in m.tables),
                   views=tuple(tidy_view(v) for v in m.views))
