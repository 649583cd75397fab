"""What every dialect provides (``Dialect``), the registry that finds one, and the shared render plumbing.

A dialect is a folder with the same file names as every other (``types.py``, ``names.py``, ``split.py``,
``render.py`` + ``templates/``, ``session.py``, ``version.py``, ``inspect.py``, ``normalize.py``,
``probe.py``, ``driver.py``, ``plan.py``, ``migrate.py``) and one object, ``DIALECT`` in its
``__init__.py``, that answers every question code outside ``dialects/`` may ask. The registry finds it
by name or alias, by DSN scheme and by file name; this module also holds what the dialects share:
quoting, artifacts, warnings and the jinja environment.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from ..connect import redact_dsn, remember_secret
from ..errors import UsageError
from ..names import sql_comment

if TYPE_CHECKING:  # annotations only: the CLI reads the registry at start-up, without the model
    from types import ModuleType

    import jinja2

    from ..diff.hooks import DiffHooks
    from ..migrate.executor import Migrator
    from ..model.live import LiveCatalog
    from ..model.objects import Module, Project
    from ..statement import Statement


@dataclass(frozen=True)
class Capabilities:
    """Named facts about a dialect, so no code elsewhere tests a dialect's name or version."""

    rls: bool
    partial_index: bool
    check: bool
    transactional_ddl: bool
    materialized_views: bool
    native_enum_column: bool
    index_include: bool
    index_methods: tuple[str, ...]
    namespaces: bool = True  # schemas inside one database (PostgreSQL); MySQL's database is the namespace
    # SECURITY DEFINER functions that resolve names through search_path (pg_temp first unless placed) and
    # that PUBLIC may execute unless revoked: what the definer security rules look at
    security_definer: bool = False
    not_valid: bool = False  # a constraint can be added NOT VALID and validated later under a weaker lock
    concurrent_index: bool = False  # CREATE INDEX CONCURRENTLY builds an index while writes continue
    # the server creates an index on a foreign key's columns when no index covers them (InnoDB)
    foreign_key_index: bool = False
    # the session settings that bound how long DDL waits for a lock, and how long one statement may run
    lock_timeout_settings: tuple[str, ...] = ()
    statement_timeout_settings: tuple[str, ...] = ()
    arrays: bool = True  # array column types (``text[]``, an array of enum values)
    # ENUM values compared under a case-insensitive collation with trailing spaces stripped (MySQL's ENUM):
    # values that differ only there are one value to the server
    enum_values_folded: bool = False
    # a timestamp type that keeps the instant (timestamptz) apart from a wall-clock one (timestamp); MySQL's
    # DATETIME holds both (jobschema keeps UTC there), so its catalog cannot say which one was meant
    zoned_timestamps: bool = False


@dataclass(frozen=True)
class Warning_:
    """Something the target cannot express; printed in the run's output and written as an SQL comment."""

    module: str
    dialect: str
    object: str
    message: str

    def __str__(self) -> str:
        return f"{self.module} [{self.dialect}] {self.object}: {self.message}"


@dataclass(frozen=True)
class Artifact:
    """One generated file: its path under the output folder and its exact text."""

    path: str
    text: str
    warnings: tuple[Warning_, ...] = ()


@dataclass
class RenderResult:
    artifacts: list[Artifact] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)
    tables: int = 0
    views: int = 0
    policies: int = 0


class AuditSession(Protocol):
    """A read-only connection the audit reads through: a context manager yielding the connection."""

    def __enter__(self): ...

    def __exit__(self, *exc) -> object: ...


class Dialect(Protocol):
    """What every dialect provides, in files of the same names under ``dialects/<name>/``.

    Code outside ``dialects/`` asks these questions instead of testing a dialect's name. Everything is
    stateless: what depends on one run (the differ hooks, bound to the audited modules and the server) is
    returned to the caller, never kept on the shared object.
    """

    name: str
    aliases: tuple[str, ...]  # other names users may type (``postgresql``, ``mariadb``)
    schemes: tuple[str, ...]  # DSN URL schemes (``postgresql://``)
    plain_dsn: bool  # reads libpq ``key=value`` strings and DSN-less PG* settings
    capabilities: Capabilities
    renderer: type  # the per-object questions (types, defaults, key SQL) the docs ask (``render.py``)

    # quoting, types, names, statements ------------------------------------------------------------
    def quote(self, ident: str) -> str: ...

    def literal(self, value: str) -> str: ...

    @property
    def types(self) -> ModuleType: ...  # ``types.py``: logical ↔ native type names

    @property
    def names(self) -> ModuleType: ...  # ``names.py``: the names the server gives unnamed objects

    def split(self, script: str) -> list[Statement]: ...  # ``split.py``: statements with lines (lint, migrate)

    @property
    def adopt(self) -> ModuleType: ...  # ``adopt.py``: a live catalog in the schema's terms, for ``inspect``

    # generate ---------------------------------------------------------------------------------------
    def render(self, module: Module, project: Project) -> RenderResult: ...

    # audit: session → inspect → hooks → probe (``driver.py``, ``session.py``, ``version.py``) --------
    def session(self, dsn: str, statement_timeout_ms: int, lock_timeout_ms: int,
                application: str = "jobschema audit", catalog_connections: int = 1) -> AuditSession: ...

    def inspect(self, conn, namespaces: Sequence[str], search: str | None = None) -> LiveCatalog: ...

    def hooks(self, desired: Sequence[Module], live: LiveCatalog) -> DiffHooks: ...

    def probe(self, conn, changes: Sequence, live: LiveCatalog, hooks: DiffHooks) -> list: ...

    # fix, migrate -------------------------------------------------------------------------------
    def plan_shapes(self) -> ModuleType: ...  # ``plan.py``: plan.context.PlanShapes, the fix statement shapes

    def migrator(self, dsn: str) -> Migrator: ...  # ``migrate.py``: migrate.executor.Migrator connected to dsn

    @property
    def ddl(self): ...  # dialects.ddl_rules.DdlRules: what the DDL importer asks this dialect


@dataclass(frozen=True)
class Registration:
    """Where a dialect lives and how users name it; read without importing the dialect, so ``--help``
    and DSN routing stay cheap."""

    name: str
    module: str
    aliases: tuple[str, ...] = ()
    schemes: tuple[str, ...] = ()
    plain_dsn: bool = False


_REGISTRY: dict[str, Registration] = {}


def register(reg: Registration) -> None:
    """Add a dialect; a second dialect claiming a name, alias or scheme is a programming error."""
    taken = {n for r in _REGISTRY.values() for n in (r.name, *r.aliases)}
    schemes = {s for r in _REGISTRY.values() for s in r.schemes}
    clash = ({reg.name, *reg.aliases} & taken) | (set(reg.schemes) & schemes)
    if clash:
        raise ValueError(f"dialect {reg.name}: {', '.join(sorted(clash))} already registered")
    if reg.plain_dsn and any(r.plain_dsn for r in _REGISTRY.values()):
        raise ValueError(f"dialect {reg.name}: another dialect already reads plain (key=value) DSNs")
    _REGISTRY[reg.name] = reg


register(Registration("postgres", "jobschema.dialects.postgres", aliases=("postgresql", "pg"),
                      schemes=("postgres", "postgresql"), plain_dsn=True))
register(Registration("mysql", "jobschema.dialects.mysql", aliases=("mariadb",), schemes=("mysql", "mariadb")))


DEFAULT = "postgres"  # the dialect of a file that names none: schema expressions are written in PostgreSQL SQL


def names() -> tuple[str, ...]:
    """The registered dialects' names, in registration order (the order output is written in)."""
    return tuple(_REGISTRY)


def spelled_in(key: str) -> Dialect:
    """The dialect a view definition or statement keyed ``key`` is written in: its own, or for the portable
    key (``model.objects.PORTABLE``, ``*``) the default's, PostgreSQL SQL as the loader reads it."""
    return get(key if key in _REGISTRY else DEFAULT)


def canonical(name: str) -> str | None:
    """The dialect name ``name`` stands for (itself or an alias, any case), or None."""
    low = (name or "").lower()
    for reg in _REGISTRY.values():
        if low == reg.name or low in reg.aliases:
            return reg.name
    return None


def get(name: str) -> Dialect:
    """The dialect registered under ``name`` or an alias (imported lazily, so --help stays fast);
    ``KeyError`` for an unknown name."""
    found = canonical(name)
    if found is None:
        raise KeyError(name)
    return importlib.import_module(_REGISTRY[found].module).DIALECT


def require(name: str) -> Dialect:
    """``get``, with an unknown name as a ``UsageError`` listing the known ones."""
    try:
        return get(name)
    except KeyError:
        raise UsageError(f"unknown dialect {name!r} (known: {', '.join(names())})") from None


def name_for_dsn(dsn: str) -> str:
    """The dialect a DSN speaks: by its URL scheme, or the dialect that reads plain ``key=value`` DSNs
    (and the empty DSN that PG* variables stand for). ``UsageError`` for an unknown scheme."""
    remember_secret(dsn)
    if "://" not in dsn:
        plain = [r.name for r in _REGISTRY.values() if r.plain_dsn]
        if plain:
            return plain[0]
    else:
        scheme = dsn.split("://", 1)[0].lower()
        for reg in _REGISTRY.values():
            if scheme in reg.schemes:
                return reg.name
    known = [f"{s}://" for r in _REGISTRY.values() for s in r.schemes]
    raise UsageError(f"cannot tell the database kind of {redact_dsn(dsn)}: use {', '.join(known[:-1])} or {known[-1]}")


def for_dsn(dsn: str) -> Dialect:
    return get(name_for_dsn(dsn))


def name_for_path(path: str, default: str | None = None) -> str | None:
    """The dialect a file is written for: ``<stem>.<dialect>.sql`` (name or alias), else a folder named
    after a dialect (``migrations/<module>/mysql/``), else ``default``."""
    norm = path.replace("\\", "/").lower()
    base = norm.rsplit("/", 1)[-1]
    parts = base.split(".")
    if len(parts) >= 3 and canonical(parts[-2]):
        return canonical(parts[-2])
    for folder in reversed(norm.split("/")[:-1]):
        if canonical(folder):
            return canonical(folder)
    return default


# ------------------------------------------------------------------------------------------ quoting

_SIMPLE = re.compile(r"^[a-z_][a-z0-9_]*$")

# Words that cannot stand unquoted as names in at least one of the two dialects.
RESERVED = frozenset("""
accessible add all alter analyse analyze and any array as asc asymmetric authorization before between
bigint binary blob both by call cascade case cast change char character check collate collation column
concurrently condition constraint continue convert create cross current_catalog current_date current_role
current_schema current_time current_timestamp current_user cursor database databases day_hour
day_microsecond day_minute day_second dec decimal declare default deferrable delayed delete desc describe
deterministic distinct distinctrow div do double drop dual each else elseif enclosed end escaped except
exists exit explain false fetch float float4 float8 for force foreign freeze from full fulltext function
generated get grant group having high_priority hour_microsecond hour_minute hour_second if ignore ilike in
index infile initially inner inout insensitive insert int int1 int2 int3 int4 int8 integer intersect interval
into is isnull iterate join key keys kill lateral leading leave left like limit linear lines load localtime
localtimestamp lock long longblob longtext loop low_priority match maxvalue mediumblob mediumint mediumtext
middleint minute_microsecond minute_second mod modifies natural not notnull no_write_to_binlog null numeric
offset on only optimize option optionally or order out outer outfile over overlaps partition placing
precision primary procedure purge range read reads read_write real recursive references regexp release
rename repeat replace require resignal restrict return returning revoke right rlike row rows schema schemas
second_microsecond select sensitive separator session_user set show signal similar smallint some spatial
specific sql sqlexception sqlstate sqlwarning sql_big_result sql_calc_found_rows sql_small_result ssl
starting stored straight_join symmetric system_user table tablesample terminated then tinyblob tinyint
tinytext to trailing trigger true undo union unique unlock unsigned update usage use user using utc_date
utc_time utc_timestamp values varbinary varchar varcharacter variadic varying verbose virtual when where
while window with write xor year_month zerofill
""".split())


def needs_quotes(ident: str) -> bool:
    return not _SIMPLE.match(ident) or ident in RESERVED


@lru_cache(maxsize=65536)
def quote_pg(ident: str) -> str:
    if not needs_quotes(ident):
        return ident
    return '"' + ident.replace('"', '""') + '"'


@lru_cache(maxsize=65536)
def quote_mysql(ident: str) -> str:
    if not needs_quotes(ident):
        return ident
    return "`" + ident.replace("`", "``") + "`"


def literal_pg(value: str) -> str:
    """A PostgreSQL string literal; standard_conforming_strings makes doubled quotes sufficient."""
    return "'" + value.replace("'", "''") + "'"


def literal_mysql(value: str) -> str:
    """A MySQL string literal for the default sql_mode (backslash escapes on, as the executor sets it)."""
    return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'"


# ------------------------------------------------------------------------------------------- jinja

def template_env(dialect_dir: str) -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(os.path.join(dialect_dir, "templates")),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        auto_reload=False,  # templates ship with the package; no stat() per render
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


class LazyTemplates:
    """A dialect's templates, whose jinja2 environment is made on first use: an audit renders nothing, and
    importing jinja2 costs about 25 ms of its start."""

    def __init__(self, dialect_dir: str):
        self.dialect_dir = dialect_dir
        self._env: jinja2.Environment | None = None

    def get_template(self, name: str) -> jinja2.Template:
        if self._env is None:
            self._env = template_env(self.dialect_dir)
        return self._env.get_template(name)


FILE_KINDS = (
    ("000", "prelude"),
    ("010", "tables"),
    ("020", "indexes"),
    ("030", "foreign_keys"),
    ("040", "views"),
    ("050", "functions"),
    ("060", "triggers"),
    ("070", "rls"),
    ("080", "unmanaged"),
)


def file_header(module: Module, dialect: str, kind: str) -> str:
    return (f"-- Generated by jobschema from schema/{module.name}: do not edit; edit the schema and run "
            f"`jobschema generate`.\n-- module: {module.name}  dialect: {dialect}  part: {kind}\n")


# ------------------------------------------------------------------------------------ module walk

def _view_deps(views) -> dict[str, list[str]]:
    """Each view's name → the names of the other views its query names."""
    names = [v.name for v in views]
    deps = {}
    for v in views:
        text = " ".join(q for _, q in v.definitions) + " " + " ".join(s for _, s in v.extra_sql)
        words = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text.lower()))
        deps[v.name] = sorted(n for n in names if n != v.name and n.lower() in words)
    return deps


def dependent_views(views, name: str) -> list:
    """The views that read ``name``, directly or through other views, in ``view_order``: what must be dropped
    (last first) before ``name`` and created again after it."""
    deps = _view_deps(views)
    found = {name}
    grew = True
    while grew:
        grew = False
        for v, reads in deps.items():
            if v not in found and found.intersection(reads):
                found.add(v)
                grew = True
    return [v for v in view_order(views) if v.name in found and v.name != name]


def view_order(views) -> list:
    """Views sorted so that each comes after the views its query names; ties broken by name."""
    by_name = {v.name: v for v in views}
    deps = _view_deps(views)
    out, done, visiting = [], set(), set()

    def visit(name: str) -> None:
        if name in done or name in visiting:
            return
        visiting.add(name)
        for d in deps[name]:
            visit(d)
        visiting.discard(name)
        done.add(name)
        out.append(by_name[name])

    for name in sorted(by_name):
        visit(name)
    return out


class ModuleRenderer:
    """The walk every dialect shares: module → numbered files. Dialects override the per-object hooks.

    Each hook returns a list of SQL chunks; ``self.warn`` records what the target cannot express and the
    walk writes each warning as a ``-- WARNING`` line into the file it concerns.
    """

    name = "base"
    as_requirement = False  # rendering a required module into another module's prelude

    def __init__(self, module: Module, project: Project):
        self.module = module
        self.project = project
        self.warnings: list[Warning_] = []
        self._pending: list[Warning_] = []

    def warn(self, obj: str, message: str) -> None:
        w = Warning_(self.module.name, self.name, obj, message)
        self.warnings.append(w)
        self._pending.append(w)

    def _take(self) -> list[str]:
        lines = [f"-- WARNING: {sql_comment(w.object)}: {sql_comment(w.message)}" for w in self._pending]
        self._pending = []
        return lines

    # hooks --------------------------------------------------------------------------------------
    def prelude(self) -> list[str]:
        return self.required_modules()

    def required_modules(self) -> list[str]:
        """The objects of each required module that speaks this dialect, created first in the database."""
        out = []
        for req in self.module.requires:
            dep = self.project.module(req)
            if dep is None or self.name not in dep.dialects:
                continue  # a module for other dialects only: whatever uses it is warned about where it is used
            sub_renderer = type(self)(dep, self.project)
            sub_renderer.as_requirement = True
            sub = sub_renderer.render()
            body = [f"-- required module: {req}"]
            for art in sub.artifacts:
                body.append("\n".join(ln for ln in art.text.splitlines()
                                      if not ln.startswith(("-- Generated by", "-- module:"))).strip())
            out.append("\n\n".join(b for b in body if b))
        return out

    def table(self, table) -> list[str]:
        raise NotImplementedError

    def indexes(self, table) -> list[str]:
        return []

    def foreign_keys(self, table) -> list[str]:
        return []

    def view(self, view) -> list[str]:
        return []

    def function(self, fn) -> list[str]:
        return []

    def trigger(self, tr) -> list[str]:
        return []

    def function_checks(self, table) -> list[str]:
        """Constraints of ``table`` that call the module's functions, added once those exist."""
        return []

    def rls(self, table) -> list[str]:
        return []

    def unmanaged(self) -> list[str]:
        """The recorded facts the format cannot describe (``Module.unmanaged``) that come after every other
        object. A dialect that cannot write them says so: a database built from the files would lack them."""
        for u in self.module.unmanaged:
            where = ".".join(x for x in (u.namespace, u.table, u.name) if x)
            self.warn(f"{u.kind} {where}", f"recorded by inspect but not written for {self.name}; create it by hand")
        return []

    def unsupported_routines(self) -> None:
        """Warn about functions and triggers written only for other dialects."""
        mine = {(f.namespace, f.name, f.arguments) for f in self.module.functions if f.dialect == self.name}
        mine_names = {(f.namespace, f.name) for f in self.module.functions if f.dialect == self.name}
        for f in self.module.functions:
            if f.dialect != self.name and (f.namespace, f.name) not in mine_names:
                self.warn(f"function {f.name}", f"written for {f.dialect} only; {self.name} output has no "
                          f"equivalent (add functions/{f.name}.{self.name}.sql)")
        del mine
        trig = {t.name for t in self.module.triggers if t.dialect == self.name}
        for t in self.module.triggers:
            if t.dialect != self.name and t.name not in trig:
                self.warn(f"trigger {t.name}", f"written for {t.dialect} only; {self.name} output has no "
                          f"equivalent (add triggers/{t.name}.{self.name}.sql)")

    # walk ---------------------------------------------------------------------------------------
    def render(self) -> RenderResult:
        m = self.module
        parts: dict[str, list[str]] = {kind: [] for _, kind in FILE_KINDS}

        warned: dict[str, list[Warning_]] = {kind: [] for _, kind in FILE_KINDS}

        def add(kind: str, chunks: list[str]) -> None:
            warned[kind].extend(self._pending)
            notes = self._take()
            if notes:
                parts[kind].append("\n".join(notes))
            parts[kind].extend(chunks)

        add("prelude", self.prelude())
        for t in m.tables:
            add("tables", self.table(t))
        for t in m.tables:
            add("indexes", self.indexes(t))
        for t in m.tables:
            add("foreign_keys", self.foreign_keys(t))
        for v in view_order(m.views):
            add("views", self.view(v))
        self.unsupported_routines()
        add("functions", [])
        for f in m.functions:
            if f.dialect == self.name:
                add("functions", self.function(f))
        for t in m.tables:
            add("functions", self.function_checks(t))
        for t in m.triggers:
            if t.dialect == self.name:
                add("triggers", self.trigger(t))
        for t in m.tables:
            add("rls", self.rls(t))
        add("unmanaged", self.unmanaged())

        result = RenderResult(warnings=list(self.warnings))
        result.tables = len(m.tables)
        result.views = sum(1 for v in m.views if self.supports_view(v))
        result.policies = sum(len(t.rls.policies) for t in m.tables) if self.capabilities().rls else 0
        for num, kind in FILE_KINDS:
            chunks = [c.strip("\n") for c in parts[kind] if c.strip()]
            if not chunks:
                continue
            chunks = self.part_scope(kind, chunks)
            text = file_header(m, self.name, kind) + "\n" + "\n\n".join(chunks) + "\n"
            path = f"{m.name}/{self.name}/{num}_{kind}.{self.name}.sql"
            result.artifacts.append(Artifact(path, text, tuple(warned[kind])))
        return result

    def part_scope(self, kind: str, chunks: list[str]) -> list[str]:
        """The statements of one file, wrapped in whatever the dialect needs around them (PostgreSQL: the
        module's namespace on the search path where authored SQL names its tables unqualified)."""
        return chunks

    def supports_view(self, view) -> bool:
        return True

    def overview_rows(self, table) -> list[tuple[str, str]]:
        """(label, value) facts about ``table`` only this dialect has, for its documentation page."""
        return []

    def capabilities(self) -> Capabilities:
        raise NotImplementedError
