"""A MySQL catalog in the schema's terms, for ``jobschema inspect`` (``adopt.py``): expressions in
PostgreSQL SQL, the server's own JSON CHECKs and foreign-key indexes left out, view queries without the
database name, and the CREATE statement of a routine the catalog gives only as facts."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ...model.objects import Default
from ..base import quote_mysql
from . import charsets, normalize
from .ddl import mysql_expr
from .render import column_type, keyed_columns
from .types import canonical


def from_live(m, live, note: Callable[[str, str], None]):
    """The inspected module ``m`` of ``live`` as a person would write it (nothing is dropped here, so
    ``note`` is not called)."""
    return _from_mysql(m, live.module.database)


def function_sql(f, namespace: str) -> str:
    """The CREATE statement of function or procedure ``f`` (MySQL has one namespace per database)."""
    head = f"CREATE {f.kind.upper()} {quote_mysql(f.name)}({f.arguments})"
    if f.kind == "function" and f.returns:
        head += f" RETURNS {f.returns}"
    if f.security_definer is False:
        head += " SQL SECURITY INVOKER"
    return f"{head}\n{f.body.strip()}"


_NOW = re.compile(r"^(current_timestamp|now|localtimestamp)(\(\s*\d*\s*\))?$", re.I)


def _from_mysql(m, database: str | None):
    """A MySQL catalog in the schema's terms: expressions in PostgreSQL SQL (the MySQL text kept as an
    override where translation would change it), the server's own json_valid CHECKs and foreign-key
    indexes left out, view queries without the database name."""

    def expr(s):
        if s is None:
            return None
        return mysql_expr(s.override("mysql") or s.text)

    tables = []
    for t in m.tables:
        cols = []
        for c in t.columns:
            d = c.default
            if d is not None and d.kind == "expression" and d.expression is not None:
                raw = (d.expression.override("mysql") or d.expression.text).strip()
                if _NOW.match(raw):
                    d = Default.expr("now()")
                elif raw.lower() in ("uuid()", "(uuid())"):
                    d = Default.expr("gen_random_uuid()")
                else:
                    e = mysql_expr(raw[1:-1] if raw.startswith("(") and raw.endswith(")") else raw)
                    wrapped = raw if raw.startswith("(") else f"({raw})"
                    d = Default("expression", None, type(e)(e.text, (("mysql", wrapped),)))
            on_update = c.on_update
            if on_update is not None and _NOW.match((on_update.override("mysql") or on_update.text).strip()):
                on_update = type(on_update)("now()")
            cols.append(replace(c, default=d, generated=expr(c.generated), on_update=on_update))
        t = _inherited_text_left_out(replace(t, columns=tuple(cols)), m)
        json_cols = {ck.name for ck in t.checks if normalize.is_implicit_json_check(t, ck)}
        if json_cols:  # MariaDB's JSON is LONGTEXT plus its own json_valid CHECK: say json
            t = replace(t, columns=tuple(
                replace(c, type="json", type_overrides=tuple(x for x in c.type_overrides if x[0] != "mysql"),
                        mysql_charset=None, mysql_collation=None)
                if c.name in json_cols else c for c in t.columns))
        checks = tuple(replace(ck, expression=expr(ck.expression)) for ck in t.checks
                       if ck.name not in json_cols)
        indexes = tuple(replace(ix, where=expr(ix.where)) for ix in t.indexes
                        if not normalize.is_implicit_fk_index(t, ix))
        tables.append(replace(t, checks=checks, indexes=indexes))
    views = []
    for v in m.views:
        defs = tuple((d, _strip_database(q, database)) for d, q in v.definitions)
        views.append(replace(v, definitions=defs))
    m = replace(m, tables=tuple(tables), views=tuple(views))
    return _prune_mysql_types(m)


def _inherited_text_left_out(t, m):
    """A table names its character set and collation only where they differ from its module's (the
    database's default), a column only where they differ from its table's."""
    if charsets.own(t) == charsets.own(m):
        t = replace(t, mysql_charset=None, mysql_collation=None)
    table_text = charsets.of_table(t, m, charsets.NONE)
    return replace(t, columns=tuple(
        replace(c, mysql_charset=None, mysql_collation=None) if charsets.own(c) == table_text else c
        for c in t.columns))


def _prune_mysql_types(m):
    """Drop MySQL type overrides that say what the renderer writes anyway (``types: {mysql: text}``)."""

    keyed = keyed_columns(m)
    tables = []
    for t in m.tables:
        cols = []
        for c in t.columns:
            over = c.type_override("mysql")
            if over is not None:
                plain = replace(c, type_overrides=tuple(x for x in c.type_overrides if x[0] != "mysql"))
                try:
                    same = canonical(column_type(plain, c.name in keyed.get(t.name, ()))) == canonical(over)
                except Exception:
                    same = False
                if same:
                    c = plain
            cols.append(c)
        tables.append(replace(t, columns=tuple(cols)))
    return replace(m, tables=tuple(tables))


def _strip_database(query: str, database: str | None) -> str:
    if not database:
        return query
    return query.replace(f"`{database.replace('`', '``')}`.", "")
