"""The neutral schema model: frozen dataclasses every other part of jobschema meets in.

The loader builds it from files, the inspectors build it from live catalogs, the differ compares two of
them and the renderers turn it into SQL. Nothing here knows YAML or speaks SQL to a server.
Dialect-specific facts are explicit optional fields (``Sql`` overrides, ``type_overrides``, view
``algorithm``/``security``), never an untyped attribute bag.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

PORTABLE = "*"  # the dialect key of a view definition or statement written once for every dialect


@dataclass(frozen=True)
class Origin:
    """Where an object came from: ``file:line:col`` for files, a catalog name for live objects."""

    file: str | None = None
    line: int | None = None
    col: int | None = None
    catalog: str | None = None

    def __str__(self) -> str:
        if self.file is None:
            return self.catalog or "<unknown>"
        out = self.file
        if self.line is not None:
            out += f":{self.line}"
            if self.col is not None:
                out += f":{self.col}"
        return out


NO_ORIGIN = Origin()


@dataclass(frozen=True)
class Sql:
    """An SQL expression written in PostgreSQL, with optional per-dialect overrides.

    ``for_dialect`` returns the override when one exists and the portable text otherwise; translating
    the portable text for MySQL is the MySQL dialect's job (through sqlglot), not the model's.
    """

    text: str
    overrides: tuple[tuple[str, str], ...] = ()

    def override(self, dialect: str) -> str | None:
        for name, text in self.overrides:
            if name == dialect:
                return text
        return None

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Default:
    """A column default: a literal value (quoted by the renderer) or a raw SQL expression."""

    kind: str  # "literal" | "expression"
    value: str | int | float | bool | None
    expression: Sql | None = None

    @staticmethod
    def literal(value: str | int | float | bool | None) -> Default:
        return Default("literal", value)

    @staticmethod
    def expr(text: str, overrides: tuple[tuple[str, str], ...] = ()) -> Default:
        return Default("expression", None, Sql(text, overrides))


_INT_BITS = {"smallint": 16, "integer": 32, "bigint": 64}


@dataclass(frozen=True)
class IdentityOptions:
    """The options of an identity column's sequence; ``None`` is the SQL standard's default for the column's
    integer type (``canonical`` drops what equals it, so a written ``start: 1`` and the catalog's compare equal)."""

    start: int | None = None
    increment: int | None = None
    min_value: int | None = None
    max_value: int | None = None
    cache: int | None = None
    cycle: bool = False

    def resolved(self, base: str) -> IdentityOptions:
        """Every option spelled out, the defaults of a ``base`` (smallint, integer, bigint) column filled in."""
        bits = _INT_BITS.get(base, 64)
        inc = self.increment if self.increment is not None else 1
        lo = self.min_value if self.min_value is not None else (1 if inc > 0 else -(2 ** (bits - 1)))
        hi = self.max_value if self.max_value is not None else (2 ** (bits - 1) - 1 if inc > 0 else -1)
        start = self.start if self.start is not None else (lo if inc > 0 else hi)
        return IdentityOptions(start, inc, lo, hi, self.cache if self.cache is not None else 1, self.cycle)

    def canonical(self, base: str) -> IdentityOptions | None:
        """These options without the defaults of a ``base`` column; None when nothing is left."""
        r = self.resolved(base)
        d = IdentityOptions(increment=r.increment).resolved(base)
        out = IdentityOptions(
            start=None if r.start == (r.min_value if r.increment > 0 else r.max_value) else r.start,
            increment=None if r.increment == 1 else r.increment,
            min_value=None if r.min_value == d.min_value else r.min_value,
            max_value=None if r.max_value == d.max_value else r.max_value,
            cache=None if r.cache == 1 else r.cache, cycle=r.cycle)
        return None if out == IdentityOptions() else out


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # logical type spec, see model/types.py ("uuid", "varchar(64)", "text[]", "timestamptz(6)")
    nullable: bool = True
    default: Default | None = None
    comment: str | None = None
    enum: tuple[str, ...] | None = None
    enum_check_name: str | None = None  # name of the CHECK that carries the enum on Postgres
    legacy_values: tuple[tuple[str, str], ...] = ()  # (old value, new value) a fix migration rewrites
    type_overrides: tuple[tuple[str, str], ...] = ()  # (dialect, native type) where the mapping is wrong
    identity: str | None = None  # "always" | "by default"
    identity_options: IdentityOptions | None = None  # canonical (``IdentityOptions.canonical``): None = defaults
    generated: Sql | None = None  # stored generated column expression
    collation: str | None = None
    origin: Origin = NO_ORIGIN
    on_update: Sql | None = None  # MySQL ON UPDATE (e.g. now() -> CURRENT_TIMESTAMP(6)); PostgreSQL warns
    # PostgreSQL native enum type carrying ``enum`` (instead of text + a CHECK); its namespace is the
    # table's when None. MySQL keeps its inline ENUM either way.
    enum_type: str | None = None
    enum_type_namespace: str | None = None
    # PostgreSQL: how a fix converts the live values when the type changes (ALTER COLUMN ... TYPE ... USING);
    # needed where PostgreSQL cannot cast the old type to the new one by itself
    using: Sql | None = None
    # MySQL character set and collation, where the column's differ from its table's (None: inherited)
    mysql_charset: str | None = None
    mysql_collation: str | None = None
    # MySQL/MariaDB: left out of ``SELECT *`` (INVISIBLE); a generated column computed on read (VIRTUAL)
    # rather than stored
    invisible: bool = False
    virtual: bool = False

    def enum_type_in(self, table_namespace: str) -> tuple[str, str] | None:
        """(namespace, name) of the column's native enum type, unqualified names resolved to the table's."""
        if self.enum_type is None:
            return None
        return (self.enum_type_namespace or table_namespace, self.enum_type)

    def type_override(self, dialect: str) -> str | None:
        for name, text in self.type_overrides:
            if name == dialect:
                return text
        return None


@dataclass(frozen=True)
class PrimaryKey:
    columns: tuple[str, ...]
    name: str | None = None
    origin: Origin = NO_ORIGIN
    deferrable: bool = False  # PostgreSQL: checked at commit when deferred
    initially_deferred: bool = False


@dataclass(frozen=True)
class UniqueKey:
    name: str
    columns: tuple[str, ...]
    nulls_not_distinct: bool = False
    origin: Origin = NO_ORIGIN
    deferrable: bool = False  # PostgreSQL: checked at commit when deferred
    initially_deferred: bool = False


@dataclass(frozen=True)
class IndexPart:
    """One key of an index: a column or an expression, with order and operator class."""

    column: str | None = None
    expression: Sql | None = None
    descending: bool = False
    opclass: str | None = None
    # NULLS FIRST (True) / NULLS LAST (False) where it is not the direction's default (LAST ascending,
    # FIRST descending); None: the default
    nulls_first: bool | None = None
    length: int | None = None  # MySQL key prefix: the first ``length`` characters of the column

    @property
    def label(self) -> str:
        if self.column is None:
            return f"({self.expression})"
        return self.column if self.length is None else f"{self.column}({self.length})"


@dataclass(frozen=True)
class Index:
    name: str
    parts: tuple[IndexPart, ...]
    unique: bool = False
    method: str = "btree"
    where: Sql | None = None
    include: tuple[str, ...] = ()
    comment: str | None = None
    origin: Origin = NO_ORIGIN
    nulls_not_distinct: bool = False  # PostgreSQL 15: a unique index treating NULLs as equal
    # MySQL/MariaDB: kept up to date but not used by the optimizer (MariaDB IGNORED, MySQL 8 INVISIBLE)
    ignored: bool = False
    parser: str | None = None  # MySQL FULLTEXT ... WITH PARSER

    @property
    def columns(self) -> tuple[str, ...]:
        """The plain column names among the parts (expressions excluded)."""
        return tuple(p.column for p in self.parts if p.column is not None)


@dataclass(frozen=True)
class ForeignKey:
    name: str
    columns: tuple[str, ...]
    ref_table: str
    ref_columns: tuple[str, ...]
    ref_namespace: str | None = None
    on_delete: str = "no action"  # "no action" | "restrict" | "cascade" | "set null" | "set default"
    on_update: str = "no action"
    deferrable: bool = False
    initially_deferred: bool = False
    match: str = "simple"  # "simple" | "full"
    comment: str | None = None
    origin: Origin = NO_ORIGIN
    validated: bool = True  # False: NOT VALID (YAML not_valid): rows older than the key are not checked
    # PostgreSQL 15 ON DELETE SET NULL/SET DEFAULT (cols): the key columns the action sets; () means all of them
    on_delete_columns: tuple[str, ...] = ()
    # the rules ("on_delete", "on_update") written out as NO ACTION rather than left to the engine's default:
    # MariaDB stores a rule left out as RESTRICT and a spelled NO ACTION apart from it
    no_action_spelled: tuple[str, ...] = ()


@dataclass(frozen=True)
class Check:
    name: str
    expression: Sql
    comment: str | None = None
    origin: Origin = NO_ORIGIN
    no_inherit: bool = False  # PostgreSQL NO INHERIT: not enforced on child tables
    validated: bool = True  # False: NOT VALID (YAML not_valid): rows older than the CHECK are not checked
    inline: bool = False  # MariaDB: written on its column (LEVEL 'Column', named after it); MODIFY COLUMN drops it


@dataclass(frozen=True)
class Policy:
    name: str
    command: str = "all"  # all | select | insert | update | delete
    roles: tuple[str, ...] = ("public",)
    permissive: bool = True
    using: Sql | None = None
    with_check: Sql | None = None
    comment: str | None = None
    origin: Origin = NO_ORIGIN


@dataclass(frozen=True)
class Rls:
    enabled: bool = False
    forced: bool = False
    policies: tuple[Policy, ...] = ()


@dataclass(frozen=True)
class LintIgnore:
    codes: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    namespace: str = "public"
    comment: str | None = None
    primary_key: PrimaryKey | None = None
    uniques: tuple[UniqueKey, ...] = ()
    indexes: tuple[Index, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()
    checks: tuple[Check, ...] = ()
    rls: Rls = field(default_factory=Rls)
    minimal: bool = False  # a stand-in for a table documented elsewhere
    mysql_engine: str | None = None
    # MySQL default character set and collation of the table (None: the module's, else the database's)
    mysql_charset: str | None = None
    mysql_collation: str | None = None
    # other MySQL table options, as CREATE_OPTIONS prints them ("row_format=COMPRESSED checksum=1")
    mysql_options: str | None = None
    lint: LintIgnore | None = None
    origin: Origin = NO_ORIGIN

    def column(self, name: str) -> Column | None:
        for c in self.columns:
            if c.name == name:
                return c
        return None

    @property
    def qualified(self) -> str:
        return f"{self.namespace}.{self.name}"


@dataclass(frozen=True)
class View:
    """A view or materialized view; ``definitions`` maps dialect (or "*" for portable) to its query."""

    name: str
    definitions: tuple[tuple[str, str], ...]
    namespace: str = "public"
    materialized: bool = False
    columns: tuple[str, ...] = ()  # explicit column list, when the CREATE gives one
    algorithm: str | None = None  # MySQL: UNDEFINED | MERGE | TEMPTABLE
    security: str | None = None  # MySQL SQL SECURITY: DEFINER | INVOKER
    security_invoker: bool = False  # Postgres: WITH (security_invoker = true)
    check_option: str | None = None
    comment: str | None = None
    extra_sql: tuple[tuple[str, str], ...] = ()  # (dialect or "*", statement) e.g. indexes on a matview
    origin: Origin = NO_ORIGIN
    acl: tuple[str, ...] | None = field(default=None, compare=False)  # live PostgreSQL aclitems; None: defaults

    def definition(self, dialect: str) -> str | None:
        portable = None
        for name, text in self.definitions:
            if name == dialect:
                return text
            if name == PORTABLE:
                portable = text
        return portable


@dataclass(frozen=True)
class Function:
    """A function or procedure kept as the statement its author wrote, plus the facts audit compares."""

    name: str
    namespace: str
    arguments: str  # normalised argument list, e.g. "p_job_id uuid, p_new_status text"
    returns: str | None
    language: str
    body: str
    sql: str  # the whole CREATE statement, as written
    dialect: str  # "postgres" | "mysql"
    kind: str = "function"  # "function" | "procedure"
    security_definer: bool = False
    origin: Origin = NO_ORIGIN
    search_path: str | None = None  # the function's SET search_path as written, None when it sets none
    # what the function declares beyond the defaults, canonical: IMMUTABLE|STABLE, STRICT, LEAKPROOF,
    # PARALLEL SAFE|RESTRICTED, COST n (PostgreSQL; the planner trusts them)
    options: tuple[str, ...] = ()
    acl: tuple[str, ...] | None = field(default=None, compare=False)  # live PostgreSQL aclitems; None: defaults

    @property
    def signature(self) -> str:
        return f"{self.namespace}.{self.name}({self.arguments})"


@dataclass(frozen=True)
class Trigger:
    name: str
    table: str
    namespace: str
    sql: str
    dialect: str
    timing: str = ""  # "BEFORE" | "AFTER" | "INSTEAD OF"
    events: tuple[str, ...] = ()
    function: str | None = None
    origin: Origin = NO_ORIGIN


@dataclass(frozen=True)
class UnmanagedItem:
    """A fact about an object or property the schema format cannot describe (a rule, a sequence's options,
    a table's storage parameters…), kept as the catalog prints it.

    An inspector lists the live ones; ``inspect`` records them in the module (``unmanaged:`` in
    ``module.yaml``) so that an audit of another database compares its facts with the record: a recorded
    fact that is absent or different is drift, an equal one is not. ``namespace`` None is the module's."""

    kind: str  # extension | rule | sequence | type | storage parameters | ...
    name: str
    namespace: str | None = None
    table: str | None = None
    detail: str | None = None
    origin: Origin = field(default=NO_ORIGIN, compare=False)

    def key(self, namespace: str) -> tuple[str, str, str | None, str]:
        """What identifies the fact, ``namespace`` standing in for an unqualified one."""
        return (self.kind, self.namespace or namespace, self.table, self.name)


@dataclass(frozen=True)
class Module:
    name: str
    tables: tuple[Table, ...] = ()
    views: tuple[View, ...] = ()
    functions: tuple[Function, ...] = ()
    triggers: tuple[Trigger, ...] = ()
    namespace: str = "public"
    database: str | None = None
    description: str | None = None
    dialects: tuple[str, ...] = ()  # the loader fills it from module.yaml (default: every registered dialect)
    requires: tuple[str, ...] = ()
    extensions: tuple[str, ...] = ()
    schemas: tuple[str, ...] = ()  # extra namespaces the module creates (e.g. "auth")
    roles: tuple[str, ...] = ()  # PostgreSQL roles the module creates when absent (e.g. Supabase's "anon")
    # MySQL character set and collation its tables take when they name none (None: the database default;
    # a live module holds the database default)
    mysql_charset: str | None = None
    mysql_collation: str | None = None
    origin: Origin = NO_ORIGIN
    # what the schema cannot describe, as inspected from a database: audits compare it (``UnmanagedItem``)
    unmanaged: tuple[UnmanagedItem, ...] = ()

    def table(self, name: str, namespace: str | None = None) -> Table | None:
        for t in self.tables:
            if t.name == name and (namespace is None or t.namespace == namespace):
                return t
        return None

    def view(self, name: str) -> View | None:
        for v in self.views:
            if v.name == name:
                return v
        return None


@dataclass(frozen=True)
class Project:
    modules: tuple[Module, ...] = ()
    root: str | None = None

    def module(self, name: str) -> Module | None:
        for m in self.modules:
            if m.name == name:
                return m
        return None


__all__ = [
    "PORTABLE",
    "Check",
    "Column",
    "Default",
    "ForeignKey",
    "Function",
    "IdentityOptions",
    "Index",
    "IndexPart",
    "LintIgnore",
    "Module",
    "NO_ORIGIN",
    "Origin",
    "Policy",
    "PrimaryKey",
    "Project",
    "Rls",
    "Sql",
    "Table",
    "Trigger",
    "UniqueKey",
    "UnmanagedItem",
    "View",
    "replace",
]
