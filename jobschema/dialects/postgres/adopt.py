"""A PostgreSQL catalog in the schema's terms, for ``jobschema inspect`` (``adopt.py``): serial columns,
native enum types as ``enum:`` columns, indexes of materialized views as statements in the view's file,
and the CREATE statement of a routine the catalog gives only as facts."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

import sqlglot

from ...model.objects import Default, Table
from ...model.types import TypeError_, parse_type
from ..base import quote_pg
from .inspect import query
from .render import index_sql


def from_live(m, live, note: Callable[[str, str], None]):
    """The inspected module ``m`` of ``live`` as a person would write it; ``note(where, message)`` is told
    what is not kept."""
    return _from_postgres(_materialized_view_indexes(m, live), live, note)


def user_namespaces(conn) -> list[str]:
    """The namespaces ``inspect`` reads when none is named: every one the user made (not the system's, not
    an extension's), ``public`` first when it is there, else the first by name (the module's)."""
    with conn.cursor() as cur:
        cur.execute(query("user_namespaces"))
        names = [r[0] for r in cur.fetchall()]
    return sorted(names, key=lambda n: (n != "public", n)) or ["public"]


def function_sql(f, namespace: str) -> str:
    """The CREATE statement of function or procedure ``f`` of a module whose namespace is ``namespace``."""
    name = quote_pg(f.name) if f.namespace == namespace else f"{quote_pg(f.namespace)}.{quote_pg(f.name)}"
    tag = _dollar_tag(f.body)
    head = f"CREATE OR REPLACE {f.kind.upper()} {name}({f.arguments})"
    if f.kind == "function" and f.returns:
        head += f" RETURNS {f.returns}"
    head += f"\nLANGUAGE {f.language}"
    if f.security_definer:
        head += " SECURITY DEFINER"
    settings = [o for o in f.options if o.startswith("SET ")]
    if len(settings) < len(f.options):
        head += " " + " ".join(o for o in f.options if not o.startswith("SET "))
    if f.search_path is not None:
        head += f"\nSET search_path = {f.search_path}"
    for o in settings:  # after search_path, as a function pinning it usually writes them
        head += f"\n{o}"
    if _STANDARD_BODY.match(f.body) and f.language.lower() == "sql":
        return f"{head}\n{f.body.strip()}"  # RETURN … / BEGIN ATOMIC … END: SQL, not a string
    return f"{head}\nAS {tag}{f.body}{tag}"


_STANDARD_BODY = re.compile(r"\s*(RETURN\b|BEGIN\s+ATOMIC\b)", re.IGNORECASE)


def _dollar_tag(body: str) -> str:
    tag, n = "$fn$", 0
    while tag in body:
        n += 1
        tag = f"$fn{n}$"
    return tag


_SERIAL_DEFAULT = re.compile(r"^nextval\('(?:(?:\"[^\"]+\"|[\w$]+)\.)?\"?([^'\"]+)\"?'(?:::regclass)?\)$")


def _enum_labels(detail: str) -> tuple[str, ...]:
    """The labels of an enum type as the catalog lists them (``'a', 'b'``): its string tokens, in order."""
    from sqlglot.tokens import TokenType

    return tuple(t.text for t in sqlglot.Dialect.get_or_raise("postgres").tokenize(detail)
                 if t.token_type == TokenType.STRING)


def _from_postgres(m, live, note):
    """A PostgreSQL catalog in the schema's terms: integer + nextval() of the column's own sequence is
    ``serial``; a native enum type becomes a text column with ``enum:`` values; a type the logical
    types cannot name is kept as the column's PostgreSQL type override."""

    enums = {}
    for item in live.unmanaged:
        if item.kind == "enum type" and item.detail is not None:
            enums[item.name] = _enum_labels(item.detail)
            enums[f"{item.namespace}.{item.name}"] = enums[item.name]
    # a sequence no column owns stays a sequence (recorded as unmanaged), its nextval() a plain default
    standalone = {(item.namespace, item.name) for item in live.unmanaged if item.kind == "sequence"}
    tables = []
    for t in m.tables:
        cols = []
        for c in t.columns:
            d = c.default
            sm = _SERIAL_DEFAULT.match(d.expression.text.strip()) if (
                d is not None and d.kind == "expression" and d.expression is not None) else None
            if sm and sm.group(1) == f"{t.name}_{c.name}_seq" and c.type in ("integer", "bigint") and not c.identity \
                    and (t.namespace, sm.group(1)) not in standalone:
                c = replace(c, type="serial" if c.type == "integer" else "bigserial", default=None)
            else:
                try:
                    parse_type(c.type)
                except TypeError_:
                    name = c.type.strip('"')
                    if name in enums:
                        note(f"postgres:{t.namespace}.{t.name}.{c.name}", f"enum type {name} becomes "
                             "a text column with an enum CHECK (the model has no native enum types)")
                        default = c.default
                        if default is not None and default.kind == "expression" and default.expression is not None:
                            text = re.sub(r"::\s*\"?[\w.]+\"?$", "", default.expression.text.strip())
                            if text.startswith("'") and text.endswith("'"):

                                default = Default.literal(text[1:-1].replace("''", "'"))
                        c = replace(c, type="text", enum=enums[name], default=default)
                    else:
                        c = replace(c, type="text", type_overrides=c.type_overrides + (("postgres", c.type),))
            cols.append(c)
        checks = []
        for ck in t.checks:
            text = ck.expression.text.strip()
            for suffix in (" NOT VALID", " NO INHERIT"):
                if text.upper().endswith(suffix):
                    text = text[: -len(suffix)].rstrip()
                    note(f"postgres:{t.namespace}.{t.name}.{ck.name}",
                         f"{suffix.strip()} of check {ck.name} is not kept")
            checks.append(replace(ck, expression=replace(ck.expression, text=text)))
        tables.append(replace(t, columns=tuple(cols), checks=tuple(checks)))
    return replace(m, tables=tuple(tables))


def _materialized_view_indexes(m, live):
    """Indexes on materialized views become statements in the view's file, as a person writes them."""
    if not live.view_indexes:
        return m

    views = []
    for v in m.views:
        extra = list(v.extra_sql)
        for ns, name, ix in live.view_indexes:
            if name == v.name and ns == v.namespace:
                stand_in = Table(name=v.name, columns=(), namespace=v.namespace)
                extra.append(("postgres", index_sql(stand_in, ix).rstrip(";")))
        views.append(replace(v, extra_sql=tuple(extra)))
    return replace(m, views=tuple(views))
