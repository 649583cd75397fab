"""Model → PostgreSQL DDL, one hook per object kind; the walk itself is ``base.ModuleRenderer``."""

from __future__ import annotations

import functools
import os

import sqlglot
from sqlglot import exp

from ...model.objects import (
    Check,
    Column,
    Default,
    ForeignKey,
    Function,
    Index,
    Module,
    Project,
    Table,
    Trigger,
    UniqueKey,
    View,
)
from ..base import (
    Capabilities,
    LazyTemplates,
    ModuleRenderer,
    RenderResult,
    literal_pg,
    quote_pg,
)
from . import types, unmanaged_sql

CAPABILITIES = Capabilities(
    rls=True, partial_index=True, check=True, transactional_ddl=True, materialized_views=True,
    native_enum_column=False, index_include=True,
    index_methods=("btree", "hash", "gin", "gist", "brin", "spgist"),
    security_definer=True, not_valid=True, concurrent_index=True,
    lock_timeout_settings=("lock_timeout",), statement_timeout_settings=("statement_timeout",),
    zoned_timestamps=True,
)

_ENV = LazyTemplates(os.path.dirname(__file__))


def qname(namespace: str, name: str) -> str:
    q = quote_pg(name)
    return q if namespace == "public" else f"{quote_pg(namespace)}.{q}"


@functools.lru_cache(maxsize=1024)
def default_expression_sql(text: str) -> str:
    """A DEFAULT takes a restricted expression in PostgreSQL's grammar: AT TIME ZONE, comparisons, IS,
    AND/OR/NOT and LIKE are rejected there unless parenthesised, as ``pg_get_expr`` may give them."""
    try:
        tree = sqlglot.parse_one(text, read="postgres")
    except sqlglot.errors.SqlglotError:
        return text
    if isinstance(tree, (exp.AtTimeZone, exp.Predicate, exp.Connector, exp.Not)):
        return f"({text})"
    return text


def default_sql(col: Column, d: Default) -> str:
    if d.kind == "expression":
        assert d.expression is not None
        return default_expression_sql(d.expression.override("postgres") or d.expression.text)
    v = d.value
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    if v is None:
        return "NULL"
    text = literal_pg(str(v))
    base = col.type.split("(")[0]
    if base in ("json", "jsonb"):
        return f"{text}::{base}"
    return text


def enum_check_name(table: Table, col: Column) -> str:
    return col.enum_check_name or f"{table.name}_{col.name}_check"


def enum_check_sql(col: Column) -> str:
    assert col.enum is not None
    return f"{quote_pg(col.name)} IN ({', '.join(literal_pg(v) for v in col.enum)})"


def enum_type_sql(namespace: str, col: Column) -> str | None:
    """The qualified name of the column's native enum type (``None`` for text + CHECK enums)."""
    key = col.enum_type_in(namespace)
    return qname(*key) if key is not None else None


def column_type(col: Column, namespace: str = "public") -> str:
    """The PostgreSQL type of a column: its per-dialect override, its native enum type (arrays too), else
    the mapped logical type."""
    override = col.type_override("postgres")
    if override:
        return override
    if col.enum_type is not None:
        return enum_type_sql(namespace, col) + "[]" * col.type.count("[]")
    return types.native(col.type)


def enum_types(module: Module) -> list[tuple[tuple[str, str], tuple[str, ...]]]:
    """Each native enum type the module's columns use, once, in the order the columns first use it."""
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    for t in module.tables:
        for c in t.columns:
            key = c.enum_type_in(t.namespace)
            if key is not None and c.enum is not None:
                out.setdefault(key, c.enum)
    return list(out.items())


def create_enum_type_sql(key: tuple[str, str], labels: tuple[str, ...]) -> str:
    return f"CREATE TYPE {qname(*key)} AS ENUM ({', '.join(literal_pg(v) for v in labels)});"


def deferral_sql(key) -> str:
    """`` DEFERRABLE [INITIALLY DEFERRED]`` of a primary or unique key, or nothing."""
    if not key.deferrable:
        return ""
    return " DEFERRABLE INITIALLY DEFERRED" if key.initially_deferred else " DEFERRABLE"


def unique_sql(u: UniqueKey) -> str:
    nnd = " NULLS NOT DISTINCT" if u.nulls_not_distinct else ""
    return f"CONSTRAINT {quote_pg(u.name)} UNIQUE{nnd} ({', '.join(quote_pg(c) for c in u.columns)}){deferral_sql(u)}"


def check_sql(ck: Check) -> str:
    text = f"CONSTRAINT {quote_pg(ck.name)} CHECK ({ck.expression.override('postgres') or ck.expression.text})"
    return text + (" NO INHERIT" if ck.no_inherit else "")


def called_functions(expression: str) -> set[str]:
    """The lower-cased names of the functions an expression calls (read from sqlglot's tree; none when it
    does not parse)."""
    import sqlglot
    from sqlglot import exp

    try:
        tree = sqlglot.parse_one(expression, read="postgres")
    except sqlglot.errors.ParseError:
        return set()
    return {(n.name if isinstance(n, exp.Anonymous) else n.sql_name()).lower() for n in tree.find_all(exp.Func)}


def enum_constraint_sql(table: Table, col: Column) -> str:
    return f"CONSTRAINT {quote_pg(enum_check_name(table, col))} CHECK ({enum_check_sql(col)})"


def column_sql(col: Column, table: Table) -> str:
    parts = [quote_pg(col.name), column_type(col, table.namespace)]
    if col.collation:
        parts.append("COLLATE \"" + col.collation.replace('"', '""') + '"')
    in_pk = table.primary_key is not None and col.name in table.primary_key.columns
    if not col.nullable and not in_pk:
        parts.append("NOT NULL")
    if col.default is not None:
        parts.append(f"DEFAULT {default_sql(col, col.default)}")
    if col.identity:
        options = identity_options_sql(col.identity_options)
        parts.append(f"GENERATED {col.identity.upper()} AS IDENTITY" + (f" ({options})" if options else ""))
    if col.generated is not None:
        parts.append(f"GENERATED ALWAYS AS ({col.generated.override('postgres') or col.generated.text}) STORED")
    return " ".join(parts)


def identity_options_sql(o, prefix: str = "") -> str:
    """``START WITH 10 INCREMENT BY 10 ...`` of canonical identity options (only what is not a default);
    ``prefix`` ``SET `` gives the ``ALTER COLUMN`` form."""
    if o is None:
        return ""
    out = []
    for value, words in ((o.start, "START WITH"), (o.increment, "INCREMENT BY"), (o.min_value, "MINVALUE"),
                         (o.max_value, "MAXVALUE"), (o.cache, "CACHE")):
        if value is not None:
            out.append(f"{prefix}{words} {value}")
    if o.cycle:
        out.append(f"{prefix}CYCLE")
    return " ".join(out)


MYSQL_ONLY_METHODS = ("fulltext", "spatial")


def index_part_sql(part) -> str:
    if part.column is not None:
        out = quote_pg(part.column)
    else:
        out = f"({part.expression.override('postgres') or part.expression.text})"
    if part.opclass:
        out += f" {part.opclass}"
    if part.descending:
        out += " DESC"
    if part.nulls_first is not None:
        out += " NULLS FIRST" if part.nulls_first else " NULLS LAST"
    return out


def index_sql(table: Table, ix: Index, *, concurrently: bool = False) -> str:
    """``CREATE INDEX``; ``concurrently`` builds it without blocking writes (and outside a transaction)."""
    return _ENV.get_template("index.sql.j2").render(
        unique=ix.unique, concurrently=concurrently, name=quote_pg(ix.name), table=qname(table.namespace, table.name),
        nulls_not_distinct=ix.nulls_not_distinct,
        method=ix.method,
        parts=[index_part_sql(p) for p in ix.parts], include=[quote_pg(c) for c in ix.include],
        where=(ix.where.override("postgres") or ix.where.text) if ix.where else None,
    ).strip()


def foreign_key_sql(t: Table, fk: ForeignKey, *, not_valid: bool = False) -> str:
    """``ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY``; ``not_valid`` skips checking the existing rows."""
    return _ENV.get_template("foreign_key.sql.j2").render(
        table=qname(t.namespace, t.name), name=quote_pg(fk.name), columns=[quote_pg(c) for c in fk.columns],
        ref_table=qname(fk.ref_namespace or t.namespace, fk.ref_table),
        ref_columns=[quote_pg(c) for c in fk.ref_columns], match=fk.match, on_delete=fk.on_delete.upper(),
        on_delete_columns=[quote_pg(c) for c in fk.on_delete_columns],
        on_update=fk.on_update.upper(), deferrable=fk.deferrable, initially_deferred=fk.initially_deferred,
        not_valid=not_valid).strip()


def add_constraint_sql(t: str, clause: str, *, not_valid: bool = False) -> str:
    """``ALTER TABLE t ADD <constraint>``; ``not_valid`` skips checking the existing rows."""
    return f"ALTER TABLE {t} ADD {clause}{' NOT VALID' if not_valid else ''};"


class PostgresRenderer(ModuleRenderer):
    name = "postgres"

    @staticmethod
    def create_view_sql(v: View, name: str, query: str, *, explicit: bool = False) -> str:
        """``CREATE [MATERIALIZED] VIEW`` without its semicolon: the one spelling ``generate``, fix migrations
        and the schema files ``import`` writes share. ``explicit`` (options only where the view sets them) is
        what every PostgreSQL view option already is."""
        head = "CREATE " + ("MATERIALIZED " if v.materialized else "") + "VIEW " + name
        if v.columns:
            head += " (" + ", ".join(quote_pg(c) for c in v.columns) + ")"
        if v.security_invoker:
            head += " WITH (security_invoker = true)"
        text = f"{head} AS\n{query.rstrip()}"
        return text + (f" WITH {v.check_option} CHECK OPTION" if v.check_option else "")

    @staticmethod
    def view_comment_sql(v: View, name: str) -> str | None:
        if not v.comment:
            return None
        return f"COMMENT ON {'MATERIALIZED ' if v.materialized else ''}VIEW {name} IS {literal_pg(v.comment)}"

    def capabilities(self) -> Capabilities:
        return CAPABILITIES

    # narrow questions the docs ask (the same names on every renderer)
    def native_type(self, table: Table, col: Column) -> str:
        return column_type(col, table.namespace)

    def default_text(self, table: Table, col: Column) -> str | None:
        return default_sql(col, col.default) if col.default is not None else None

    def unique_sql(self, table: Table, u: UniqueKey) -> str:
        return unique_sql(u)

    def check_sql(self, table: Table, ck: Check) -> str:
        return check_sql(ck)

    def _late_checks(self, t: Table) -> set[str]:
        """The CHECKs of ``t`` that call a function of this module: PostgreSQL resolves the call when the
        constraint is created, so they are added after the functions. Read once per table: ``table`` and
        ``function_checks`` both ask."""
        cache = self.__dict__.setdefault("_late", {})
        key = (t.namespace, t.name)
        if key not in cache:
            own = {f.name.lower() for f in self.module.functions if f.dialect == self.name}
            cache[key] = {ck.name for ck in t.checks if own and called_functions(
                ck.expression.override("postgres") or ck.expression.text) & own}
        return cache[key]

    def function_checks(self, t: Table) -> list[str]:
        late = self._late_checks(t)
        name = qname(t.namespace, t.name)
        out = []
        for ck in t.checks:
            if ck.name in late:
                out.append(add_constraint_sql(name, check_sql(ck), not_valid=not ck.validated))
                if ck.comment:
                    out.append(f"COMMENT ON CONSTRAINT {quote_pg(ck.name)} ON {name} IS {literal_pg(ck.comment)};")
        return ["\n".join(out)] if out else []

    def enum_sql(self, table: Table, col: Column) -> str | None:
        """How an enum column's value set is enforced: a named CHECK here, or its native enum type."""
        if col.enum is None:
            return None
        if col.enum_type is not None:
            return create_enum_type_sql(col.enum_type_in(table.namespace), col.enum)
        return enum_constraint_sql(table, col)

    def prelude(self) -> list[str]:
        m = self.module
        out = []
        # the module's own namespace and every one its objects live in, whether or not they hold tables
        spaces = {m.namespace} | {x.namespace for x in (*m.tables, *m.views, *m.functions)}
        spaces |= {ns for (ns, _), _ in enum_types(m)} | {u.namespace for u in m.unmanaged if u.namespace}
        schemas = sorted((set(m.schemas) | spaces) - {"public"})
        for s in schemas:
            out.append(f"CREATE SCHEMA IF NOT EXISTS {quote_pg(s)};")
        for e in m.extensions:
            out.append(f"CREATE EXTENSION IF NOT EXISTS {quote_pg(e)};")
        if m.roles:
            out.append(_ENV.get_template("roles.sql.j2").render(roles=[literal_pg(r) for r in m.roles]).strip())
        out.extend(self.required_modules())
        inherited = self.required_enum_types()
        out.extend(create_enum_type_sql(key, labels) for key, labels in enum_types(m) if key not in inherited)
        for u in unmanaged_sql.facts(m, unmanaged_sql.BEFORE_TABLES):  # what the columns may use
            out.extend(self._fact(u))
        return out

    def _fact(self, u) -> list[str]:
        sql = unmanaged_sql.item_sql(self.module, u)
        if sql is None:
            self.warn(f"{u.kind} {u.name}", "recorded by inspect without a definition to create it from")
        return sql or []

    def unmanaged(self) -> list[str]:
        out = []
        for u in unmanaged_sql.facts(self.module, unmanaged_sql.AFTER):
            out.extend(self._fact(u))
        known = set(unmanaged_sql.BEFORE_TABLES + unmanaged_sql.IN_TABLE + unmanaged_sql.AFTER)
        for u in self.module.unmanaged:
            if u.kind not in known:
                self.warn(f"{u.kind} {u.name}", "recorded by inspect but not written for postgres; create it by hand")
        return out

    def required_enum_types(self) -> set[tuple[str, str]]:
        """The enum types the required modules (and theirs) create: a module using one does not create it again."""
        keys: set[tuple[str, str]] = set()
        seen: set[str] = set()
        stack = list(self.module.requires)
        while stack:
            dep = self.project.module(stack.pop())
            if dep is None or dep.name in seen or self.name not in dep.dialects:
                continue
            seen.add(dep.name)
            keys |= {key for key, _ in enum_types(dep)}
            stack.extend(dep.requires)
        return keys

    def table(self, t: Table) -> list[str]:
        for c in t.columns:
            if c.on_update is not None:
                self.warn(f"column {t.name}.{c.name}", f"ON UPDATE {c.on_update.text} has no PostgreSQL column "
                          "equivalent (a BEFORE UPDATE trigger does it); not created")
            if c.invisible:
                self.warn(f"column {t.name}.{c.name}", "INVISIBLE is MySQL's; the PostgreSQL column is visible")
            if c.virtual and c.generated is not None:
                self.warn(f"column {t.name}.{c.name}", "PostgreSQL 15 has no VIRTUAL generated columns; stored")
        lines = [column_sql(c, t) for c in t.columns]
        if t.primary_key is not None:
            lines.append(f"CONSTRAINT {quote_pg(t.primary_key.name or t.name + '_pkey')} PRIMARY KEY "
                         f"({', '.join(quote_pg(c) for c in t.primary_key.columns)}){deferral_sql(t.primary_key)}")
        lines.extend(unique_sql(u) for u in t.uniques)
        lines.extend(enum_constraint_sql(t, c) for c in t.columns if c.enum is not None and c.enum_type is None)
        # a CHECK written in CREATE TABLE is always validated: one kept NOT VALID is added after it; one that
        # calls a function of the module waits for the functions (function_checks)
        late = self._late_checks(t)
        lines.extend(check_sql(ck) for ck in t.checks if ck.validated and ck.name not in late)
        name = qname(t.namespace, t.name)
        comments = [add_constraint_sql(name, check_sql(ck), not_valid=True) for ck in t.checks
                    if not ck.validated and ck.name not in late]
        if t.comment:
            comments.append(f"COMMENT ON TABLE {name} IS {literal_pg(t.comment)};")
        for c in t.columns:
            if c.comment:
                comments.append(f"COMMENT ON COLUMN {name}.{quote_pg(c.name)} IS {literal_pg(c.comment)};")
        for ck in t.checks:
            if ck.comment and ck.name not in late:
                comments.append(f"COMMENT ON CONSTRAINT {quote_pg(ck.name)} ON {name} IS {literal_pg(ck.comment)};")
        unlogged = unmanaged_sql.table_fact(self.module, "unlogged table", t.namespace, t.name) is not None
        partitioning = unmanaged_sql.table_fact(self.module, "partitioning", t.namespace, t.name)
        return [_ENV.get_template("table.sql.j2").render(
            name=name, lines=lines, comments=comments, comment_line=None, unlogged=unlogged,
            suffix=f" {partitioning.detail}" if partitioning is not None and partitioning.detail else "")]

    def indexes(self, t: Table) -> list[str]:
        made = []
        for ix in t.indexes:
            if ix.method in MYSQL_ONLY_METHODS:
                self.warn(f"index {t.name}.{ix.name}", f"{ix.method.upper()} indexes are MySQL's (a GIN or GiST "
                          "index does it on PostgreSQL); index not created")
                continue
            if ix.ignored:
                self.warn(f"index {t.name}.{ix.name}", "IGNORED (MySQL 8: INVISIBLE) is MySQL's; the PostgreSQL "
                          "index is used by the planner")
            made.append(ix)
        out = [index_sql(t, ix) for ix in made]
        for ix in made:
            if ix.comment:
                out.append(f"COMMENT ON INDEX {qname(t.namespace, ix.name)} IS {literal_pg(ix.comment)};")
        return out

    def foreign_keys(self, t: Table) -> list[str]:
        out = []
        for fk in t.foreign_keys:
            out.append(foreign_key_sql(t, fk, not_valid=not fk.validated))
            if fk.comment:
                out.append(f"COMMENT ON CONSTRAINT {quote_pg(fk.name)} ON {qname(t.namespace, t.name)} IS "
                           f"{literal_pg(fk.comment)};")
        return out

    # Parts whose authored SQL (view queries, function bodies, trigger and policy expressions) is resolved
    # when it is created, against the search path.
    SCOPED_PARTS = ("views", "functions", "triggers", "rls", "unmanaged")

    def part_scope(self, kind: str, chunks: list[str]) -> list[str]:
        """A module outside ``public`` names its own tables unqualified in views, functions and policies:
        create them with its namespace first on the search path, and reset it so later files are unaffected."""
        ns = self.module.namespace
        if ns == "public" or kind not in self.SCOPED_PARTS:
            return chunks
        return [f"SET search_path TO {quote_pg(ns)}, public;", *chunks, "RESET search_path;"]

    def view(self, v: View) -> list[str]:
        query = v.definition("postgres")
        if query is None:
            self.warn(f"view {v.name}", "has no postgres definition (add views/"
                      f"{v.name}.postgres.sql)")
            return []
        extra = [s for d, s in v.extra_sql if d in ("postgres", "*")]
        name = qname(v.namespace, v.name)
        return [_ENV.get_template("view.sql.j2").render(
            create=self.create_view_sql(v, name, query), extra=extra, comment=self.view_comment_sql(v, name)).strip()]

    def function(self, f: Function) -> list[str]:
        if self.as_requirement:
            # Another module's prelude must not replace what the database already has (on Supabase,
            # auth.uid() is Supabase's own): the function is created only when absent.
            tag = "jobschema_sql"
            while f"${tag}$" in f.sql:
                tag += "_"
            return [_ENV.get_template("function_if_absent.sql.j2").render(
                namespace=literal_pg(f.namespace), name=literal_pg(f.name), tag=tag, sql=f.sql).strip()]
        return [f.sql]

    def trigger(self, tr: Trigger) -> list[str]:
        return [tr.sql]

    def rls(self, t: Table) -> list[str]:
        name = qname(t.namespace, t.name)
        out = []
        if t.rls.enabled:
            out.append(f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY;")
        if t.rls.forced:
            out.append(f"ALTER TABLE {name} FORCE ROW LEVEL SECURITY;")
        for p in t.rls.policies:
            out.append(_ENV.get_template("policy.sql.j2").render(
                name=quote_pg(p.name), table=name, permissive=p.permissive, command=p.command.upper(),
                roles=[r if r in ("public", "current_user", "session_user") else quote_pg(r) for r in p.roles],
                using=(p.using.override("postgres") or p.using.text) if p.using else None,
                with_check=(p.with_check.override("postgres") or p.with_check.text) if p.with_check else None,
            ).strip())
            if p.comment:
                out.append(f"COMMENT ON POLICY {quote_pg(p.name)} ON {name} IS {literal_pg(p.comment)};")
        return ["\n".join(out)] if out else []


def render(module: Module, project: Project) -> RenderResult:
    return PostgresRenderer(module, project).render()
