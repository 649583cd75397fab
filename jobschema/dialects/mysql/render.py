"""Model → MySQL/MariaDB DDL, one hook per object kind; the walk itself is ``base.ModuleRenderer``.

What MySQL cannot express (row-level security, partial-index predicates, expression indexes,
materialized views, PostgreSQL function bodies, deferrable keys) is never dropped silently: each
becomes a warning in the run's output and a ``-- WARNING`` line in the file.
"""

from __future__ import annotations

import os
import re

from ...model import expr as exprmod
from ...model.objects import (
    Check,
    Column,
    Default,
    Function,
    Index,
    Module,
    Project,
    Sql,
    Table,
    Trigger,
    UniqueKey,
    View,
)
from ...model.types import parse_type
from ..base import (
    Capabilities,
    LazyTemplates,
    ModuleRenderer,
    RenderResult,
    literal_mysql,
    quote_mysql,
)
from . import charsets, types, unmanaged

CAPABILITIES = Capabilities(
    rls=False, partial_index=False, check=True, transactional_ddl=False, materialized_views=False,
    native_enum_column=True, index_include=False, index_methods=("btree", "fulltext", "spatial"), namespaces=False,
    foreign_key_index=True,
    lock_timeout_settings=("lock_wait_timeout", "innodb_lock_wait_timeout"),
    statement_timeout_settings=("max_statement_time", "max_execution_time"),
    arrays=False, enum_values_folded=True,
)

_ENV = LazyTemplates(os.path.dirname(__file__))
TABLE_OPTIONS = "ENGINE={engine}"

_NOW = {"now()", "current_timestamp", "current_timestamp()", "localtimestamp", "transaction_timestamp()",
        "statement_timestamp()", "clock_timestamp()", "localtimestamp()"}
_UUID = re.compile(r"^(gen_random_uuid|uuid_generate_v4)\(\)(::\s*(text|uuid))?$", re.I)
_JSON_LIT = re.compile(r"^'(.*)'::\s*jsonb?$", re.S | re.I)


def keyed_columns(module: Module) -> dict[str, set[str]]:
    """Per table, the columns MySQL must be able to index: keys, indexed columns, FK sides."""
    out: dict[str, set[str]] = {t.name: set() for t in module.tables}
    for t in module.tables:
        s = out[t.name]
        if t.primary_key:
            s.update(t.primary_key.columns)
        for u in t.uniques:
            s.update(u.columns)
        for ix in t.indexes:
            if ix.method not in ("fulltext", "spatial"):  # those take TEXT and geometry columns as they are
                s.update(ix.columns)
        for fk in t.foreign_keys:
            s.update(fk.columns)
            out.setdefault(fk.ref_table, set()).update(fk.ref_columns)
    return out


def translate(sql: Sql) -> str:
    """The MySQL text of an expression: the override when given, else sqlglot's translation."""
    return sql.override("mysql") or exprmod.translate(sql.text, "postgres", "mysql")


def column_type(col: Column, keyed: bool) -> str:
    override = col.type_override("mysql")
    if override:
        return override
    if col.enum is not None:
        return "enum(" + ",".join(literal_mysql(v) for v in col.enum) + ")"
    return types.native(col.type, keyed)


def default_sql(col: Column, d: Default, native: str) -> str:
    """MySQL default; expressions in parentheses (MySQL 8.0.13+ and MariaDB 10.2+ accept them)."""
    if d.kind == "expression":
        assert d.expression is not None
        over = d.expression.override("mysql")
        if over:
            return over
        text = d.expression.text.strip()
        low = " ".join(text.lower().split())
        if low in _NOW:
            p = types.precision(col.type)
            return f"CURRENT_TIMESTAMP({p})" if p else "CURRENT_TIMESTAMP"
        if _UUID.match(text):
            return "(uuid())"
        if low in ("true", "false"):
            return "1" if low == "true" else "0"
        m = _JSON_LIT.match(text)
        if m:
            return f"({literal_mysql(m.group(1).replace(chr(39) * 2, chr(39)))})"
        return f"({exprmod.translate(text, 'postgres', 'mysql')})"
    v = d.value
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, (int, float)):
        return str(v)
    if v is None:
        return "NULL"
    lit = literal_mysql(str(v))
    if native.startswith(("text", "json", "longtext", "blob", "longblob", "mediumtext")):
        return f"({lit})"
    return lit


def on_update_sql(col: Column) -> str:
    """``ON UPDATE`` text: the MySQL override, or now() as CURRENT_TIMESTAMP with the column's precision."""
    assert col.on_update is not None
    over = col.on_update.override("mysql")
    if over:
        return over
    if " ".join(col.on_update.text.lower().split()) in _NOW:
        p = types.precision(col.type)
        return f"CURRENT_TIMESTAMP({p})" if p else "CURRENT_TIMESTAMP"
    return translate(col.on_update)


def index_kind(ix: Index) -> str:
    """The word before INDEX: UNIQUE, FULLTEXT, SPATIAL or nothing."""
    if ix.method in ("fulltext", "spatial"):
        return ix.method.upper() + " "
    return "UNIQUE " if ix.unique else ""


def index_options(ix: Index) -> list[str]:
    """What follows the key parts: the FULLTEXT parser, the comment, IGNORED (MariaDB 10.6+; MySQL 8 spells
    it INVISIBLE)."""
    out = [f"WITH PARSER {quote_mysql(ix.parser)}"] if ix.parser else []
    if ix.comment:
        out.append(f"COMMENT {literal_mysql(ix.comment)}")
    if ix.ignored:
        out.append("IGNORED")
    return out


# what the schema's not_valid asks of a server that checks every row when a constraint is added
NOT_VALID_WARNING = "NOT VALID is PostgreSQL's; MySQL checks the existing rows too"

class MysqlRenderer(ModuleRenderer):
    name = "mysql"

    @staticmethod
    def create_view_sql(v: View, name: str, query: str, *, explicit: bool = False) -> str:
        """``CREATE ... VIEW`` without its semicolon: the one spelling ``generate``, fix migrations and the
        schema files ``import`` writes share. ``explicit`` prints ``ALGORITHM`` and ``SQL SECURITY`` only where
        the view sets them (a schema file), otherwise the server's defaults are spelled out."""
        algorithm = v.algorithm or (None if explicit else "UNDEFINED")
        security = v.security or (None if explicit else "DEFINER")
        head = "CREATE " + (f"ALGORITHM={algorithm} " if algorithm else "")
        head += (f"SQL SECURITY {security} " if security else "") + "VIEW " + name
        if v.columns:
            head += " (" + ", ".join(quote_mysql(c) for c in v.columns) + ")"
        text = f"{head} AS\n{query.rstrip()}"
        return text + (f" WITH {v.check_option} CHECK OPTION" if v.check_option else "")

    @staticmethod
    def view_comment_sql(v: View, name: str) -> str | None:
        """MySQL views take no comment."""
        return None

    def __init__(self, module: Module, project: Project):
        super().__init__(module, project)
        self.keyed = keyed_columns(module)

    def capabilities(self) -> Capabilities:
        return CAPABILITIES

    def native_type(self, table: Table, col: Column) -> str:
        return column_type(col, col.name in self.keyed.get(table.name, ()))

    # narrow questions the docs ask (the same names on every renderer)
    def overview_rows(self, table: Table) -> list[tuple[str, str]]:
        return [("MySQL storage engine", table.mysql_engine or "InnoDB")]

    def default_text(self, table: Table, col: Column) -> str | None:
        if col.default is None:
            return None
        return default_sql(col, col.default, self.native_type(table, col))

    def unique_sql(self, table: Table, u: UniqueKey) -> str:
        return f"UNIQUE KEY {quote_mysql(u.name)} ({', '.join(quote_mysql(c) for c in u.columns)})" + \
            "".join(" " + o for o in self.key_options(table, u.name))

    def primary_key_sql(self, table: Table) -> str:
        assert table.primary_key is not None
        recorded = unmanaged.key_options(self.module, table.name, "PRIMARY", unmanaged.KEY_PARTS) \
            if self.module.unmanaged else None
        parts = recorded or f"({', '.join(quote_mysql(c) for c in table.primary_key.columns)})"
        return f"PRIMARY KEY {parts}" + "".join(" " + o for o in self.key_options(table, "PRIMARY"))

    def key_options(self, table: Table, key: str) -> list[str]:
        """The key's recorded ``USING``/``KEY_BLOCK_SIZE`` options (``unmanaged.KEY_OPTIONS``), as written."""
        found = unmanaged.key_options(self.module, table.name, key) if self.module.unmanaged else None
        return [found] if found else []

    def unmanaged(self) -> list[str]:
        """Recorded key options are written into their keys; the other recorded facts are created by hand."""
        for u in self.module.unmanaged:
            if u.kind not in (unmanaged.KEY_OPTIONS, unmanaged.KEY_PARTS):
                where = ".".join(x for x in (u.namespace, u.table, u.name) if x)
                self.warn(f"{u.kind} {where}", f"recorded by inspect but not written for {self.name}; create it by "
                          "hand")
        return []

    def check_sql(self, table: Table, ck: Check) -> str:
        """The CHECK clause; raises when sqlglot cannot translate the expression."""
        return f"CONSTRAINT {quote_mysql(ck.name)} CHECK ({translate(ck.expression)})"

    def enum_sql(self, table: Table, col: Column) -> str | None:
        """How an enum column's value set is enforced: by its native ENUM type here, no CHECK."""
        return None

    def column_sql(self, t: Table, c: Column) -> str:
        """One column's definition, as in CREATE TABLE (also used by ADD/MODIFY COLUMN)."""
        native = self.native_type(t, c)
        parts = [quote_mysql(c.name), native]
        own = charsets.own(c)
        if own is not None:
            parts.append(charsets.clause(own))
        if c.generated is not None:
            parts.append(f"GENERATED ALWAYS AS ({translate(c.generated)}) {'VIRTUAL' if c.virtual else 'STORED'}")
        in_pk = t.primary_key is not None and c.name in t.primary_key.columns
        auto = bool(c.identity) or parse_type(c.type).base in ("serial", "bigserial")
        if not c.nullable or in_pk or auto:
            parts.append("NOT NULL")
        elif c.generated is None:
            parts.append("NULL")
        if c.invisible:
            parts.append("INVISIBLE")
        if c.default is not None:
            parts.append(f"DEFAULT {default_sql(c, c.default, native)}")
        if c.on_update is not None:
            parts.append(f"ON UPDATE {on_update_sql(c)}")
        if auto and c.name in self.keyed.get(t.name, ()):
            parts.append("AUTO_INCREMENT")
        elif auto:
            self.warn(f"column {t.name}.{c.name}", "AUTO_INCREMENT needs the column to be indexed; "
                      "the MySQL column is not auto-incremented (index it or make it the key)")
        if c.collation:
            self.warn(f"column {t.name}.{c.name}", f"collation {c.collation!r} is a PostgreSQL collation; "
                      "the MySQL column keeps the table's collation")
        if c.comment:
            parts.append(f"COMMENT {literal_mysql(c.comment)}")
        parts += self.inline_checks(t, c)
        return " ".join(parts)

    def inline_checks(self, t: Table, c: Column) -> list[str]:
        """The CHECKs written on column ``c`` (MariaDB names them after it): part of the column's definition,
        so a MODIFY COLUMN that spells the column keeps them."""
        out = []
        for ck in t.checks:
            if ck.inline and ck.name == c.name:
                try:
                    out.append(f"CHECK ({translate(ck.expression)})")
                except Exception as exc:  # sqlglot cannot translate: say so, keep going
                    self.warn(f"check {t.name}.{ck.name}", f"cannot translate to MySQL ({exc}); give an "
                              "expression: {postgres: ..., mysql: ...} override")
        return out

    def table(self, t: Table) -> list[str]:
        if not t.columns:  # valid PostgreSQL, rejected by MySQL
            self.warn(f"table {t.name}", "MySQL tables need at least one column; not created")
            return []
        lines = [self.column_sql(t, c) for c in t.columns]
        if t.primary_key is not None:
            lines.append(self.primary_key_sql(t))
        for key in (t.primary_key, *t.uniques):
            if key is not None and key.deferrable:
                self.warn(f"table {t.name}", f"DEFERRABLE key ({', '.join(key.columns)}) is checked immediately on "
                          "MySQL")
        for u in t.uniques:
            lines.append(self.unique_sql(t, u))
            if u.nulls_not_distinct:
                self.warn(f"unique key {t.name}.{u.name}", "NULLS NOT DISTINCT is not supported; NULLs "
                          "are distinct in MySQL unique keys")
        columns = {c.name for c in t.columns}
        for ck in t.checks:
            if ck.inline and ck.name in columns:
                continue  # written on its column
            if ck.no_inherit:
                self.warn(f"check {t.name}.{ck.name}", "NO INHERIT has no meaning on MySQL (no table inheritance)")
            if not ck.validated and not self.capabilities().not_valid:
                self.warn(f"check {t.name}.{ck.name}", NOT_VALID_WARNING)
            try:
                lines.append(self.check_sql(t, ck))
            except Exception as exc:  # sqlglot cannot translate: say so, keep going
                self.warn(f"check {t.name}.{ck.name}", f"cannot translate to MySQL ({exc}); give an "
                          "expression: {postgres: ..., mysql: ...} override")
                continue
        options = TABLE_OPTIONS.format(engine=t.mysql_engine or "InnoDB")
        text = charsets.own(t) or charsets.own(self.module)  # neither: the database's default applies
        if text is not None:
            options += " " + charsets.clause(text, table=True)
        if t.mysql_options:
            options += " " + " ".join(t.mysql_options.split())
        if t.comment:
            options += f" COMMENT={literal_mysql(t.comment)}"
        return [_ENV.get_template("table.sql.j2").render(name=quote_mysql(t.name), lines=lines,
                                                         options=options).strip()]

    def indexes(self, t: Table, options: str = "") -> list[str]:
        """``CREATE INDEX`` per index; with ``options`` (a fix's ``, ALGORITHM=…, LOCK=…``) the ``ALTER TABLE …
        ADD INDEX`` form, the one MariaDB takes them in."""
        out = []
        for ix in t.indexes:
            what = f"index {t.name}.{ix.name}"
            if any(p.expression is not None for p in ix.parts):
                self.warn(what, "expression indexes are not supported on MariaDB; index not created")
                continue
            json_cols = [c for c in ix.columns if (col := t.column(c)) is not None
                         and self.native_type(t, col) == "json"]
            if json_cols or ix.method in ("gin", "gist", "spgist", "brin"):
                self.warn(what, f"{ix.method} index on {', '.join(json_cols) or 'these columns'} has no MySQL "
                          "equivalent; index not created")
                continue
            if ix.method == "hash":
                self.warn(what, "hash index becomes a BTREE index (InnoDB has no hash indexes)")
            if ix.nulls_not_distinct:
                self.warn(what, "NULLS NOT DISTINCT is not supported; NULLs are distinct in MySQL unique indexes")
            if any(p.nulls_first is not None for p in ix.parts):
                self.warn(what, "NULLS FIRST/LAST is not supported; NULLs sort first ascending, last descending")
            if ix.include:
                self.warn(what, f"INCLUDE ({', '.join(ix.include)}) is not supported; columns left out")
            if ix.where is not None:
                if ix.unique:
                    self.warn(what, f"partial unique index (WHERE {ix.where.text}) cannot be expressed; "
                              "index not created, uniqueness is not enforced on MySQL")
                    continue
                self.warn(what, f"partial index predicate (WHERE {ix.where.text}) is not supported; the "
                          "index covers every row")
            if options:
                after = "".join(" " + o for o in self.index_options(t, ix))
                out.append(f"ALTER TABLE {quote_mysql(t.name)} ADD {index_kind(ix)}INDEX "
                           f"{quote_mysql(ix.name)} ({', '.join(self._index_parts(ix))}){after}{options};")
                continue
            out.append(_ENV.get_template("index.sql.j2").render(
                kind=index_kind(ix), name=quote_mysql(ix.name), table=quote_mysql(t.name),
                parts=self._index_parts(ix), options=self.index_options(t, ix)).strip())
        return out

    def index_options(self, t: Table, ix: Index) -> list[str]:
        """What follows an index's key parts: its recorded options, then ``index_options``."""
        return self.key_options(t, ix.name) + index_options(ix)

    @staticmethod
    def _index_parts(ix) -> list[str]:
        return [quote_mysql(p.column) + (f"({p.length})" if p.length else "") + (" DESC" if p.descending else "")
                for p in ix.parts]

    def replace_index(self, t: Table, live_name: str, options: str = "") -> list[str]:
        """Drop the live index and add the desired one in one ALTER TABLE.

        InnoDB refuses to drop an index a foreign key needs unless another one covers the key in the same
        statement, so a changed index is replaced atomically rather than dropped and re-created.
        """
        created = self.indexes(t)
        if not created:
            return [f"ALTER TABLE {quote_mysql(t.name)} DROP INDEX {quote_mysql(live_name)}{options};"]
        (ix,) = t.indexes
        after = "".join(" " + o for o in self.index_options(t, ix))
        return [f"ALTER TABLE {quote_mysql(t.name)} DROP INDEX {quote_mysql(live_name)}, "
                f"ADD {index_kind(ix)}INDEX {quote_mysql(ix.name)} ({', '.join(self._index_parts(ix))}){after}"
                f"{options};"]

    def foreign_keys(self, t: Table) -> list[str]:
        out = []
        for fk in t.foreign_keys:
            what = f"foreign key {t.name}.{fk.name}"
            on_delete, on_update = fk.on_delete.upper(), fk.on_update.upper()
            if fk.deferrable:
                self.warn(what, "DEFERRABLE is not supported; the key is checked immediately")
            if fk.match == "full":
                self.warn(what, "MATCH FULL is parsed but not enforced by InnoDB")
            if not fk.validated and not self.capabilities().not_valid:
                self.warn(what, NOT_VALID_WARNING)
            if fk.on_delete_columns:
                self.warn(what, f"ON DELETE {on_delete} ({', '.join(fk.on_delete_columns)}) has no column list "
                          "in MySQL; the action sets every key column")
            for label, action in (("ON DELETE", on_delete), ("ON UPDATE", on_update)):
                if action == "SET DEFAULT":
                    self.warn(what, f"{label} SET DEFAULT is rejected by InnoDB; the engine's default is used")
            # a rule left at no action is the engine's default and is left out; a spelled one is written
            on_delete, on_update = ("" if rule in ("SET DEFAULT", "NO ACTION") and field not in fk.no_action_spelled
                                    else rule for field, rule in (("on_delete", on_delete), ("on_update", on_update)))
            out.append(_ENV.get_template("foreign_key.sql.j2").render(
                table=quote_mysql(t.name), name=quote_mysql(fk.name), columns=[quote_mysql(c) for c in fk.columns],
                ref_table=quote_mysql(fk.ref_table), ref_columns=[quote_mysql(c) for c in fk.ref_columns],
                on_delete=on_delete, on_update=on_update).strip())
        return out

    def supports_view(self, v: View) -> bool:
        return v.definition("mysql") is not None and not (v.materialized and v.definition("mysql") is None)

    def view(self, v: View) -> list[str]:
        query = v.definition("mysql")
        what = f"view {v.name}"
        if query is None:
            kind = "materialized view" if v.materialized else "view"
            self.warn(what, f"{kind} has no MySQL definition (add views/{v.name}.mysql.sql); not created")
            return []
        if v.materialized:
            self.warn(what, "MySQL has no materialized views; created as a plain view")
        extra = [s for d, s in v.extra_sql if d in ("mysql", "*")]
        return [_ENV.get_template("view.sql.j2").render(
            create=self.create_view_sql(v, quote_mysql(v.name), query), extra=extra).strip()]

    def function(self, f: Function) -> list[str]:
        return [f.sql]

    def trigger(self, tr: Trigger) -> list[str]:
        return [tr.sql]

    def rls(self, t: Table) -> list[str]:
        if t.rls.enabled or t.rls.policies:
            names = ", ".join(p.name for p in t.rls.policies) or "none"
            self.warn(f"table {t.name}", f"MySQL has no row-level security; policies not enforced: {names}")
        return []


def render(module: Module, project: Project) -> RenderResult:
    return MysqlRenderer(module, project).render()
