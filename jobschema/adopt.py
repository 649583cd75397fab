"""Bring an existing database or DDL scripts under jobschema: ``import`` and ``inspect`` as use-cases.

Both end the same way: a model, made readable by ``emit.tidy``, checked by the loader's validation, and
written by ``emit.write_module``; whatever the model cannot hold is returned with its location.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .audit import inspect_live as read_live
from .connect import DEFAULT_LOCK_TIMEOUT_MS, DEFAULT_STATEMENT_TIMEOUT_MS, resolve_dsn
from .dialects import base as dialects
from .early_catalog import open_catalog
from .errors import JobschemaError, LoadError, LoadErrors, UsageError
from .load import sqlfile
from .load.validate import validate_module
from .names import HISTORY_TABLE
from .writer import atomic_write, check_schema_out


@dataclass
class BringInResult:
    """What ``import`` and ``inspect`` produced: the module, the files written, and what was not represented."""

    module: object
    written: list[str] = field(default_factory=list)
    notes: list = field(default_factory=list)  # load.ddl_result.Note: clauses not represented
    unmanaged: list = field(default_factory=list)  # whole statements kept verbatim
    skipped: list = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # files in the module folder this run did not write, left


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
    check_schema_out(out_dir)
    import os

    from .emit import tidy, write_module
    from .load.ddl_read import import_sql as read_ddl

    d = dialects.require(dialect)
    dialect = d.name
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
    got.module = _without_history(got.module, got.skipped, _paths(d, None))
    m = tidy.tidy_module(got.module)
    problems = validate_module(m, {module})
    if problems:
        raise LoadErrors(problems)
    check_loads(m)
    result = BringInResult(m, notes=got.notes, unmanaged=got.unmanaged, skipped=got.skipped)
    if out_dir is not None:
        result.written = write_module(m, out_dir, force=force, kept=result.kept)
        extra = got.unmanaged_sql(dialect)
        if extra is not None:
            rel = f"{module}/unmanaged.{dialect}.sql"
            atomic_write(os.path.join(out_dir, rel), extra)
            result.written.append(rel)
    return result


def inspect_live(dsn: str, namespaces: list[str]):
    """A ``LiveCatalog`` read the way the audit reads it (``audit.inspect_live``: the dialect's read-only
    session and inspector), the first namespace first on the search path."""
    return read_live(dsn, namespaces, search=namespaces[0], application="jobschema inspect")


def inspect_every_namespace(dsn: str, d) -> tuple[list[str], object]:
    """Every user namespace of ``dsn`` (``public`` first, the module's) and their ``LiveCatalog``, read in
    one session: the names are taken on the snapshot the catalog is read on."""
    with open_catalog(d, dsn, (), None, DEFAULT_STATEMENT_TIMEOUT_MS, DEFAULT_LOCK_TIMEOUT_MS,
                      "jobschema inspect", namespaces_of=d.adopt.user_namespaces) as (_conn, live):
        names = sorted(live.namespaces, key=lambda n: (n != "public", n))
        return names or ["public"], live


def inspect_db(dsn: str, module: str, out_dir: str | None = None, namespaces: list[str] | None = None,
               force: bool = False) -> BringInResult:
    """Live database → tidy model → schema files under ``out_dir`` (nothing written when it is None).

    ``namespaces``: the PostgreSQL schemas to read, the first being the module's; by default every user
    schema (none of the system's or an extension's), ``public`` the module's when it exists, else the first
    by name; those not named are recorded as unmanaged digests. On MySQL the DSN's database is read and the
    first namespace only labels it.
    """
    from .emit import tidy, write_module
    from .load.ddl_result import Note

    check_module_name(module)
    check_schema_out(out_dir)
    dsn = resolve_dsn(dsn)
    d = dialects.for_dsn(dsn)
    dialect = d.name
    every = not namespaces and d.capabilities.namespaces
    if every:  # none named: every user namespace, public (or the first by name) the module's
        namespaces, live = inspect_every_namespace(dsn, d)
    else:
        namespaces = list(namespaces or ["public"])
        live = inspect_live(dsn, namespaces)
    m = live.module
    primary = namespaces[0]
    extensions = tuple(sorted(e.name for e in live.extensions if e.name != "plpgsql"))
    # the user's own namespaces are all kept, empty ones too (generate creates them); of those named, the
    # ones that hold something
    schemas = tuple(namespaces[1:]) if every else tuple(ns for ns in namespaces[1:] if any(
        t.namespace == ns for t in m.tables) or any(f.namespace == ns for f in m.functions)
        or any(v.namespace == ns for v in m.views)) if d.capabilities.namespaces else ()
    m = replace(m, name=module, namespace=primary, database=module, dialects=(dialect,), requires=(),
                extensions=extensions, schemas=schemas)
    notes: list = []
    skipped: list = []
    # a dialect without namespaces reads the database the DSN names: paths say that database, not a namespace
    where_of = _paths(d, live.database)
    m = _without_history(m, skipped, where_of)
    hidden = {(i.namespace, i.name): i for i in live.unreadable if i.kind == "view definition"}
    if hidden:  # an empty query is not the view: listed, not written
        m = replace(m, views=tuple(v for v in m.views if (v.namespace, v.name) not in hidden))
    m = d.adopt.from_live(m, live, lambda where, message: notes.append(Note(where, message)))
    m = _routines(m, d)
    m = tidy.tidy_module(_as_loaded(m))
    kept = []
    for item in live.unmanaged:
        if item.kind == "enum type" and any(n.message.startswith(f"enum type {item.name} ") for n in notes):
            continue
        kept.append(item)
    # recorded, so that an audit of another database reports what it lacks or has otherwise
    m = replace(m, unmanaged=tuple(sorted(
        (replace(u, namespace=None if u.namespace == primary else u.namespace) for u in kept),
        key=lambda u: (u.kind, u.namespace or "", u.table or "", u.name))))
    result = BringInResult(m, notes=notes, skipped=skipped)
    for item in live.unreadable:
        result.unmanaged.append(Note(where_of(item.namespace, item.table, item.name),
                                     f"the {item.kind} of {item.name} is hidden from this user; not written: "
                                     f"{item.detail}"))
    for item in kept:
        result.unmanaged.append(Note(where_of(item.namespace, item.table, item.name),
                                     f"{item.kind} {item.name} is not managed by jobschema"
                                     + (f": {item.detail}" if item.detail else "")))
    problems = validate_module(m, {module})
    if problems:
        raise LoadErrors(problems)
    check_loads(m)
    if out_dir is not None:
        result.written = write_module(m, out_dir, force=force, kept=result.kept)
    return result


def _paths(d, database: str | None):
    """How notes name a live object: ``postgres:public.jobs.x``; where the dialect has no namespaces, the
    database read stands in their place (``mysql:shop.jobs.x``), or nothing for a script."""
    def where(namespace: str | None, *names: str | None) -> str:
        first = namespace if d.capabilities.namespaces else database
        return f"{d.name}:" + ".".join(x for x in (first, *names) if x)
    return where


def _without_history(m, skipped: list, where_of):
    """``m`` without jobschema's own history table: ``migrate`` creates it, so it is not the user's schema."""
    from .load.ddl_result import Note

    keep = tuple(t for t in m.tables if t.name != HISTORY_TABLE)
    for t in m.tables:
        if t.name == HISTORY_TABLE:
            skipped.append(Note(where_of(t.namespace, t.name),
                                "jobschema migrate's history table, not part of the schema; left out"))
    return replace(m, tables=keep) if len(keep) != len(m.tables) else m


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


def _routines(m, d):
    """Functions and triggers as the CREATE statements their files hold, rebuilt from the catalog's facts
    (by dialect ``d``) where the inspector gives no statement, then read back the way the loader reads
    the file."""
    functions = []
    for f in m.functions:
        text = f.sql.strip()
        if not text.upper().startswith("CREATE"):
            text = d.adopt.function_sql(f, m.namespace)
        stmt = sqlfile.Statement(text.rstrip(";").rstrip(), 1)
        h = sqlfile.parse_function(stmt, f.name)
        functions.append(replace(f, name=h.name, namespace=h.namespace or m.namespace, arguments=h.arguments,
                                 returns=h.returns, language=h.language, body=h.body, sql=stmt.text + ";",
                                 kind=h.kind, security_definer=h.security_definer, search_path=h.search_path,
                                 options=h.options))
    triggers = []
    for tr in m.triggers:
        text = tr.sql.strip()
        if not text.upper().startswith("CREATE"):
            q = d.quote
            text = (f"CREATE TRIGGER {q(tr.name)} {tr.timing} {' OR '.join(tr.events)} ON {q(tr.table)}\n"
                    f"FOR EACH ROW {text}")
        stmt = sqlfile.Statement(text.rstrip(";").rstrip(), 1)
        h = sqlfile.parse_trigger(stmt, tr.name)
        triggers.append(replace(tr, name=h.name, table=h.table, namespace=h.namespace or m.namespace,
                                sql=stmt.text + ";", timing=h.timing, events=h.events, function=h.function))
    return replace(m, functions=tuple(functions), triggers=tuple(triggers))


def _as_loaded(m):
    """The model in the order and shape the loader gives it (sorted objects, view queries trimmed)."""
    views = [replace(v, definitions=tuple((d, q.strip().rstrip(";").rstrip()) for d, q in v.definitions))
             for v in m.views]
    return replace(
        m, tables=tuple(sorted(m.tables, key=lambda t: (t.namespace, t.name))),
        views=tuple(sorted(views, key=lambda v: v.name)),
        functions=tuple(sorted(m.functions, key=lambda f: (f.dialect, f.namespace, f.name, f.arguments))),
        triggers=tuple(sorted(m.triggers, key=lambda t: (t.dialect, t.table, t.name))))
