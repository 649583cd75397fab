"""Bring an existing database or DDL scripts under jobschema: ``import`` and ``inspect`` as use-cases.

Both end the same way: a model, made readable by ``emit.tidy``, checked by the loader's validation, and
written by ``emit.write_module``; whatever the model cannot hold is returned with its location.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .connect import parse_mysql_dsn, postgres_read_only, redact_dsn
from .dialects import base
from .dialects.base import quote_mysql, quote_pg
from .errors import ConnectError, JobschemaError, LoadError, LoadErrors, UsageError
from .load import sqlfile
from .load.validate import validate_module
from .model.objects import Default, Table
from .model.types import TypeError_, parse_type
from .writer import atomic_write


@dataclass
class BringInResult:
    """What ``import`` and ``inspect`` produced: the module, the files written, and what was not represented."""

    module: object
    written: list[str] = field(default_factory=list)
    notes: list = field(default_factory=list)  # load.ddl_result.Note: clauses not represented
    unmanaged: list = field(default_factory=list)  # whole statements kept verbatim
    skipped: list = field(default_factory=list)


_MODULE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]{0,62}$")


def check_module_name(name: str) -> None:
    """A module name is a folder name under schema/: letters, digits, ``_`` and ``-`` only."""
    if not _MODULE_NAME.match(name or ""):
        raise UsageError(f"module name {name!r} must start with a letter or _ and hold only letters, digits, _ "
                         "and - (it becomes the folder schema/<module>)")


def import_sql(paths: list[str], dialect: str, module: str, out_dir: str | None = None,
               namespace: str | None = None, force: bool = False) -> BringInResult:
    """DDL scripts → tidy model → schema files under ``out_dir`` (nothing written when it is None)."""
    check_module_name(module)
    import os

    from .emit import tidy, write_module
    from .load.ddl_read import import_sql as read_ddl

    try:
        dialect = base.ALIASES.get(dialect, dialect)
        base.get(dialect)
    except KeyError:
        raise UsageError(f"unknown dialect {dialect!r} (known: {', '.join(base.names())})") from None
    sources = []
    for p in paths:
        try:
            with open(p, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            raise LoadError(f"cannot read file: {exc.strerror}", p) from None
        try:
            sources.append((p, data.decode("utf-8")))
        except UnicodeDecodeError as exc:
            raise LoadError("file is not valid UTF-8", p, data[: exc.start].count(b"\n") + 1, 1) from None
    got = read_ddl(sources, dialect, module, namespace)
    m = tidy.tidy_module(_writable_views(got.module, got.notes, dialect))
    problems = validate_module(m, {module})
    if problems:
        raise LoadErrors(problems)
    check_loads(m)
    result = BringInResult(m, notes=got.notes, unmanaged=got.unmanaged, skipped=got.skipped)
    if out_dir is not None:
        result.written = write_module(m, out_dir, force=force)
        extra = got.unmanaged_sql(dialect)
        if extra is not None:
            rel = f"{module}/unmanaged.{dialect}.sql"
            atomic_write(os.path.join(out_dir, rel), extra)
            result.written.append(rel)
    return result


def _dialect_of(dsn: str) -> str:
    scheme = dsn.split("://", 1)[0].lower() if "://" in dsn else ""
    if scheme in ("mysql", "mariadb"):
        return "mysql"
    if scheme in ("postgres", "postgresql") or "://" not in dsn:
        return "postgres"
    raise UsageError(f"cannot tell the database kind of DSN scheme {scheme!r} (use postgresql:// or mysql://)")


def inspect_live(dsn: str, namespaces: list[str]):
    """A ``LiveCatalog`` read through the dialect's inspector inside a read-only transaction."""

    dialect = _dialect_of(dsn)
    if dialect == "postgres":
        from .dialects.postgres.driver import DRIVER

        # the audit's session: one read-only snapshot, statement and lock timeouts
        with postgres_read_only(dsn, application_name="jobschema inspect") as conn:
            return DRIVER.inspect(conn, namespaces)
    import pymysql

    from .dialects.mysql import inspect as my_inspect
    from .dialects.mysql import session

    database = parse_mysql_dsn(dsn)["database"]
    conn = session.connect(dsn)
    try:
        with session.read_only(conn):
            return my_inspect.inspect(conn, database, namespace=namespaces[0])
    except pymysql.MySQLError as exc:
        msg = " ".join(str(exc.args[1] if len(exc.args) > 1 else exc).split())
        raise ConnectError(f"cannot read information_schema at {redact_dsn(dsn)}: {msg}") from None
    finally:
        conn.close()


def inspect_db(dsn: str, module: str, out_dir: str | None = None, namespaces: list[str] | None = None,
               force: bool = False) -> BringInResult:
    """Live database → tidy model → schema files under ``out_dir`` (nothing written when it is None).

    ``namespaces``: the PostgreSQL schemas to read, the first being the module's (default ``public``);
    on MySQL the DSN's database is read and the first namespace only labels it.
    """
    from dataclasses import replace

    from .emit import tidy, write_module
    from .load.ddl_result import Note

    check_module_name(module)
    dialect = _dialect_of(dsn)
    namespaces = list(namespaces or ["public"])
    live = inspect_live(dsn, namespaces)
    m = live.module
    primary = namespaces[0]
    extensions = tuple(sorted(e.name for e in live.extensions if e.name != "plpgsql"))
    schemas = tuple(ns for ns in namespaces[1:] if any(
        t.namespace == ns for t in m.tables) or any(f.namespace == ns for f in m.functions)
        or any(v.namespace == ns for v in m.views)) if dialect == "postgres" else ()
    m = replace(m, name=module, namespace=primary, database=module, dialects=(dialect,), requires=(),
                extensions=extensions, schemas=schemas)
    notes: list = []
    m = _materialized_view_indexes(m, live, dialect)
    if dialect == "mysql":
        m = _from_mysql(m, live.module.database)
    else:
        m = _from_postgres(m, live, notes)
    m = _routines(m, dialect)
    m = tidy.tidy_module(_writable_views(_as_loaded(m), notes, dialect))
    result = BringInResult(m, notes=notes)
    for item in live.unmanaged:
        if item.kind == "enum type" and any(n.message.startswith(f"enum type {item.name} ") for n in notes):
            continue
        where = ".".join(x for x in (item.namespace, item.table, item.name) if x)
        result.unmanaged.append(Note(f"{dialect}:{where}", f"{item.kind} {item.name} is not managed by jobschema"
                                     + (f": {item.detail}" if item.detail else "")))
    problems = validate_module(m, {module})
    if problems:
        raise LoadErrors(problems)
    check_loads(m)
    if out_dir is not None:
        result.written = write_module(m, out_dir, force=force)
    return result


def check_loads(m) -> None:
    """Write the module to a scratch folder and load it back: what we write must load (nothing on disk
    changes when it does not)."""
    import tempfile

    from .emit import write_module
    from .load.build import load_project

    with tempfile.TemporaryDirectory(prefix="jobschema-") as tmp:
        write_module(m, tmp)
        try:
            load_project(tmp)
        except LoadErrors as exc:
            raise JobschemaError("the schema written for this database would not load (please report it): "
                                 + exc.errors[0].format()) from None


def _materialized_view_indexes(m, live, dialect: str):
    """Indexes on materialized views become statements in the view's file, as a person writes them."""
    from dataclasses import replace

    if not live.view_indexes:
        return m
    from .dialects.postgres.render import index_sql

    views = []
    for v in m.views:
        extra = list(v.extra_sql)
        for ns, name, ix in live.view_indexes:
            if name == v.name and ns == v.namespace:
                stand_in = Table(name=v.name, columns=(), namespace=v.namespace)
                extra.append((dialect, index_sql(stand_in, ix).rstrip(";")))
        views.append(replace(v, extra_sql=tuple(extra)))
    return replace(m, views=tuple(views))


_NOW = re.compile(r"^(current_timestamp|now|localtimestamp)(\(\s*\d*\s*\))?$", re.I)


def _from_mysql(m, database: str | None):
    """A MySQL catalog in the schema's terms: expressions in PostgreSQL SQL (the MySQL text kept as an
    override where translation would change it), the server's own json_valid CHECKs and foreign-key
    indexes left out, view queries without the database name."""
    from dataclasses import replace

    from .dialects.mysql import normalize
    from .dialects.mysql.ddl import mysql_expr

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
            cols.append(replace(c, default=d, generated=expr(c.generated)))
        t = replace(t, columns=tuple(cols))
        json_cols = {ck.name for ck in t.checks if normalize.is_implicit_json_check(t, ck)}
        if json_cols:  # MariaDB's JSON is LONGTEXT plus its own json_valid CHECK: say json
            t = replace(t, columns=tuple(
                replace(c, type="json", type_overrides=tuple(x for x in c.type_overrides if x[0] != "mysql"))
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


def _prune_mysql_types(m):
    """Drop MySQL type overrides that say what the renderer writes anyway (``types: {mysql: text}``)."""
    from dataclasses import replace

    from .dialects.mysql.render import column_type, keyed_columns
    from .dialects.mysql.types import canonical

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


def _dollar_tag(body: str) -> str:
    tag, n = "$fn$", 0
    while tag in body:
        n += 1
        tag = f"$fn{n}$"
    return tag


def _routines(m, dialect: str):
    """Functions and triggers as the CREATE statements their files hold, rebuilt from the catalog's facts
    where the inspector gives no statement, then read back the way the loader reads the file."""
    from dataclasses import replace

    functions = []
    for f in m.functions:
        text = f.sql.strip()
        if not text.upper().startswith("CREATE"):
            if dialect == "postgres":
                name = quote_pg(f.name) if f.namespace == m.namespace else f"{quote_pg(f.namespace)}.{quote_pg(f.name)}"
                tag = _dollar_tag(f.body)
                head = f"CREATE OR REPLACE {f.kind.upper()} {name}({f.arguments})"
                if f.kind == "function" and f.returns:
                    head += f" RETURNS {f.returns}"
                head += f"\nLANGUAGE {f.language}"
                if f.security_definer:
                    head += " SECURITY DEFINER"
                text = f"{head}\nAS {tag}{f.body}{tag}"
            else:
                head = f"CREATE {f.kind.upper()} {quote_mysql(f.name)}({f.arguments})"
                if f.kind == "function" and f.returns:
                    head += f" RETURNS {f.returns}"
                if f.security_definer is False:
                    head += " SQL SECURITY INVOKER"
                text = f"{head}\n{f.body.strip()}"
        stmt = sqlfile.Statement(text.rstrip(";").rstrip(), 1)
        h = sqlfile.parse_function(stmt, f.name)
        functions.append(replace(f, name=h.name, namespace=h.namespace or m.namespace, arguments=h.arguments,
                                 returns=h.returns, language=h.language, body=h.body, sql=stmt.text + ";",
                                 kind=h.kind, security_definer=h.security_definer, search_path=h.search_path))
    triggers = []
    for tr in m.triggers:
        text = tr.sql.strip()
        if not text.upper().startswith("CREATE"):
            q = quote_mysql if dialect == "mysql" else quote_pg
            text = (f"CREATE TRIGGER {q(tr.name)} {tr.timing} {' OR '.join(tr.events)} ON {q(tr.table)}\n"
                    f"FOR EACH ROW {text}")
        stmt = sqlfile.Statement(text.rstrip(";").rstrip(), 1)
        h = sqlfile.parse_trigger(stmt, tr.name)
        triggers.append(replace(tr, name=h.name, table=h.table, namespace=h.namespace or m.namespace,
                                sql=stmt.text + ";", timing=h.timing, events=h.events, function=h.function))
    return replace(m, functions=tuple(functions), triggers=tuple(triggers))


def _as_loaded(m):
    """The model in the order and shape the loader gives it (sorted objects, view queries trimmed)."""
    from dataclasses import replace

    views = [replace(v, definitions=tuple((d, q.strip().rstrip(";").rstrip()) for d, q in v.definitions))
             for v in m.views]
    return replace(
        m, tables=tuple(sorted(m.tables, key=lambda t: (t.namespace, t.name))),
        views=tuple(sorted(views, key=lambda v: v.name)),
        functions=tuple(sorted(m.functions, key=lambda f: (f.dialect, f.namespace, f.name, f.arguments))),
        triggers=tuple(sorted(m.triggers, key=lambda t: (t.dialect, t.table, t.name))))


_SERIAL_DEFAULT = re.compile(r"^nextval\('(?:(?:\"[^\"]+\"|[\w$]+)\.)?\"?([^'\"]+)\"?'(?:::regclass)?\)$")


def _from_postgres(m, live, notes: list):
    """A PostgreSQL catalog in the schema's terms: integer + nextval() of the column's own sequence is
    ``serial``; a native enum type becomes a text column with ``enum:`` values; a type the logical
    types cannot name is kept as the column's PostgreSQL type override."""
    from dataclasses import replace

    from .load.ddl_result import Note

    enums = {}
    for item in live.unmanaged:
        if item.kind == "enum type" and item.detail is not None:
            from .dialects.ddl_tokens import lex

            enums[item.name] = tuple(i.text for i in lex(item.detail, "postgres") if i.kind == "str")
            enums[f"{item.namespace}.{item.name}"] = enums[item.name]
    tables = []
    for t in m.tables:
        cols = []
        for c in t.columns:
            d = c.default
            sm = _SERIAL_DEFAULT.match(d.expression.text.strip()) if (
                d is not None and d.kind == "expression" and d.expression is not None) else None
            if sm and sm.group(1) == f"{t.name}_{c.name}_seq" and c.type in ("integer", "bigint") and not c.identity:
                c = replace(c, type="serial" if c.type == "integer" else "bigserial", default=None)
            else:
                try:
                    parse_type(c.type)
                except TypeError_:
                    name = c.type.strip('"')
                    if name in enums:
                        notes.append(Note(f"postgres:{t.namespace}.{t.name}.{c.name}", f"enum type {name} becomes "
                                          "a text column with an enum CHECK (the model has no native enum types)"))
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
                    notes.append(Note(f"postgres:{t.namespace}.{t.name}.{ck.name}",
                                      f"{suffix.strip()} of check {ck.name} is not kept"))
            checks.append(replace(ck, expression=replace(ck.expression, text=text)))
        tables.append(replace(t, columns=tuple(cols), checks=tuple(checks)))
    return replace(m, tables=tuple(tables))


def _writable_views(m, notes: list, where: str):
    """Views whose names cannot be file names (the loader wants views/<name>.sql) are listed, not written."""
    from dataclasses import replace

    from .emit.files import view_file_ok
    from .load.ddl_result import Note

    keep = []
    for v in m.views:
        if view_file_ok(v.name):
            keep.append(v)
        else:
            notes.append(Note(str(v.origin) if v.origin.file else f"{where}:{v.name}",
                              f"view {v.name!r} has a name that cannot be a file name; not written"))
    return replace(m, views=tuple(keep))
