"""Turn a ``schema/`` folder into one validated ``Project``.

Every problem is collected with its ``file:line:col`` and raised together as ``LoadErrors`` so a user fixes
them in one pass; nothing downstream ever sees a half-valid model.
"""

from __future__ import annotations

import os
from typing import Any

from ..dialects.base import DEFAULT, get
from ..dialects.base import names as dialect_names
from ..errors import LoadError, LoadErrors
from ..model import expr as exprmod
from ..model.objects import (
    PORTABLE,
    Function,
    Module,
    Origin,
    Project,
    Trigger,
    UnmanagedItem,
    View,
)
from . import sqlfile, table_files
from .cache import QueryCache
from .filenames import view_file_ok, view_stem
from .keys import MODULE_KEYS, UNMANAGED_KEYS
from .reader import Reader
from .table_files import read_tables
from .tables import read_mysql_text
from .validate import validate_module
from .yaml_source import Pos, YDict, YList, load_yaml

# ------------------------------------------------------------------------------------ SQL objects

def _dialect_of(filename: str) -> tuple[str, str | None]:
    """``name.postgres.sql`` -> ("name", "postgres"); ``name.sql`` -> ("name", None)."""
    stem = filename[:-4]
    for dialect in dialect_names():
        if stem.endswith("." + dialect):
            return stem[: -len(dialect) - 1], dialect
    return stem, None


def _security_spelled_in(head: sqlfile.ViewHead) -> str:
    """The dialect that spells a view's security as ``head`` does: ``WITH (security_invoker=...)`` or
    ``SQL SECURITY ...``; the default dialect when none does."""
    for name in dialect_names():
        if get(name).ddl.view_security_option == head.security_option:
            return name
    return DEFAULT


def _read_text(path: str, display: str) -> str:
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise LoadError(f"cannot read file: {exc.strerror}", display) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LoadError("file is not valid UTF-8", display, line, 1, "save it as UTF-8") from None


def _read_views(r: Reader, folder: str, rel: str, module_ns: str) -> list[View]:
    groups: dict[str, list[tuple[str | None, str, str]]] = {}
    for fn in _sql_files(folder):
        stem, dialect = _dialect_of(fn)
        groups.setdefault(stem, []).append((dialect, os.path.join(folder, fn), f"{rel}/{fn}"))
    views = []
    queries = QueryCache(folder, sum(len(g) for g in groups.values()))
    for stem in sorted(groups):
        definitions, extra = [], []
        fields: dict[str, Any] = {}
        origin = None
        for dialect, path, display in sorted(groups[stem], key=lambda x: x[0] or ""):
            try:
                stmts = sqlfile.split_statements(_read_text(path, display), dialect)
                if not stmts:
                    raise LoadError("file holds no statement", display, 1, 1)
                head = sqlfile.parse_view(stmts[0], display)
            except LoadError as exc:
                r.errors.append(exc)
                continue
            if head.name != stem and (view_file_ok(head.name) or fields.get("name", head.name) != head.name):
                r.errors.append(LoadError(f"file defines view {head.name!r} but is named {stem!r}", display,
                                          stmts[0].line, 1, f"rename the file to {view_stem(head.name)}.sql"))
            fields.setdefault("name", head.name)  # a name no file can carry comes from the statement
            read = dialect or DEFAULT  # a file for every dialect is written in the default dialect's SQL
            problem = None if queries.known_valid(head.query, read) else exprmod.query_problem(head.query, read)
            if problem:
                reason, qline, qcol = problem
                before = stmts[0].text[: max(stmts[0].text.find(head.query), 0)]
                line = stmts[0].line + before.count("\n") + qline - 1
                col = qcol + (len(before) - before.rfind("\n") - 1 if qline == 1 else 0)
                r.errors.append(LoadError(
                    f"view {head.name}: the query is not valid {read} SQL: {reason}", display, line,
                    col, "fix the query after AS"))
                continue
            queries.add_valid(head.query, read)
            origin = origin or Origin(display, stmts[0].line, 1)
            definitions.append((dialect or PORTABLE, head.query))
            extra.extend((dialect or PORTABLE, s.text) for s in stmts[1:])
            fields.setdefault("namespace", head.namespace or module_ns)
            fields["materialized"] = fields.get("materialized", False) or head.materialized
            fields.setdefault("columns", head.columns)
            if head.algorithm:
                fields["algorithm"] = head.algorithm
            if head.security:  # a shared file is read by the dialect whose spelling of security it uses
                fields.update(get(dialect or _security_spelled_in(head)).ddl.view_fields(head.security))
            if head.check_option:
                fields["check_option"] = head.check_option
        if definitions:
            views.append(View(definitions=tuple(definitions), extra_sql=tuple(extra), origin=origin, **fields))
    queries.save()
    return views


def _sql_files(folder: str) -> list[str]:
    if not os.path.isdir(folder):
        return []
    return sorted(f for f in os.listdir(folder) if f.endswith(".sql") and not f.startswith("."))


def _read_routines(r: Reader, folder: str, rel: str, module_ns: str, kind: str) -> list:
    out = []
    for fn in _sql_files(folder):
        stem, dialect = _dialect_of(fn)
        display = f"{rel}/{fn}"
        if dialect is None:
            r.errors.append(LoadError(f"cannot tell the dialect of {kind} file {fn!r}", display, 1, 1,
                                      f"name it {stem}.postgres.sql or {stem}.mysql.sql"))
            continue
        try:
            text = _read_text(os.path.join(folder, fn), display)
            stmts = sqlfile.split_statements(text, dialect)
            if not stmts:
                raise LoadError("file holds no statement", display, 1, 1)
            origin = Origin(display, stmts[0].line, 1)
            whole = ";\n\n".join(s.text for s in stmts) + ";"
            if kind == "function":
                h = sqlfile.parse_function(stmts[0], display)
                out.append(Function(name=h.name, namespace=h.namespace or module_ns, arguments=h.arguments,
                                    returns=h.returns, language=h.language, body=h.body, sql=whole,
                                    dialect=dialect, kind=h.kind, security_definer=h.security_definer,
                                    search_path=h.search_path, options=h.options,
                                    origin=origin))
            else:
                t = sqlfile.parse_trigger(stmts[0], display)
                out.append(Trigger(name=t.name, table=t.table, namespace=t.namespace or module_ns, sql=whole,
                                   dialect=dialect, timing=t.timing, events=t.events, function=t.function,
                                   origin=origin))
        except LoadError as exc:
            r.errors.append(exc)
    return out


# ---------------------------------------------------------------------------------------- modules

def _read_unmanaged(r: Reader, d: YDict) -> tuple[UnmanagedItem, ...]:
    """``unmanaged:`` of module.yaml: the facts ``inspect`` recorded about what the format cannot describe."""
    v = d.get("unmanaged")
    if v is None:
        return ()
    if not isinstance(v, YList):
        r.err(d.vpos("unmanaged"), "module.unmanaged must be a list of {kind, name, detail} mappings")
        return ()
    out = []
    for i, raw in enumerate(v):
        what = f"module.unmanaged[{i}]"
        item = r.mapping(raw, v.ipos(i), what)
        if item is None or not r.keys(item, UNMANAGED_KEYS, what):
            continue
        kind, name = r.string(item, "kind", what), r.string(item, "name", what)
        if kind is None or name is None:
            continue
        pos = v.ipos(i)
        out.append(UnmanagedItem(kind, name, r.string(item, "namespace", what), r.string(item, "table", what),
                                 r.string(item, "detail", what), Origin(pos.file, pos.line, pos.col)))
    return tuple(out)


def _read_module(r: Reader, root: str, name: str, unread: set[str]) -> Module | None:
    """The module of ``root/name``; adds to ``unread`` the tables whose files had errors (their file names'
    stems, and their names where read), so references to them are not reported as a second error."""
    folder = os.path.join(root, name)
    rel = name
    mfile = os.path.join(folder, "module.yaml")
    mdisplay = f"{rel}/module.yaml"
    meta: dict[str, Any] = {}
    if not os.path.exists(mfile):
        r.errors.append(LoadError("module folder has no module.yaml", mdisplay, None, None,
                                  f"create it with 'module: {name}'"))
        return None
    try:
        raw = load_yaml(mfile, mdisplay)
    except LoadError as exc:
        r.errors.append(exc)
        return None
    d = r.mapping(raw, Pos(mdisplay, 1, 1), "module.yaml")
    if d is None:
        return None
    r.keys(d, MODULE_KEYS, "module")
    mname = r.name(d, "module", "module")
    if mname is not None and mname != name:
        r.err(d.vpos("module"), f"module.yaml names module {mname!r} but its folder is {name!r}")
    namespace = r.string(d, "namespace", "module", "public") or "public"
    dialects = r.strings(d, "dialects", "module") or dialect_names()
    for i, dia in enumerate(dialects):
        if dia not in dialect_names():
            r.err(d["dialects"].ipos(i), f"unknown dialect {dia!r}", "one of: " + ", ".join(dialect_names()))
    meta.update(
        namespace=namespace, database=r.string(d, "database", "module", name), dialects=tuple(dialects),
        description=r.string(d, "description", "module"), requires=r.strings(d, "requires", "module"),
        extensions=r.strings(d, "extensions", "module"), schemas=r.strings(d, "schemas", "module"),
        roles=r.strings(d, "roles", "module"), unmanaged=_read_unmanaged(r, d),
    )
    meta["mysql_charset"], meta["mysql_collation"], _ = read_mysql_text(r, d, "module")
    tdir = os.path.join(folder, "tables")
    tables = read_tables(r, tdir, f"{rel}/tables", namespace, unread) if os.path.isdir(tdir) else []
    views = _read_views(r, os.path.join(folder, "views"), f"{rel}/views", namespace)
    functions = _read_routines(r, os.path.join(folder, "functions"), f"{rel}/functions", namespace, "function")
    triggers = _read_routines(r, os.path.join(folder, "triggers"), f"{rel}/triggers", namespace, "trigger")
    return Module(
        name=name,
        tables=tuple(sorted(tables, key=lambda t: (t.namespace, t.name))),
        views=tuple(sorted(views, key=lambda v: v.name)),
        functions=tuple(sorted(functions, key=lambda f: (f.dialect, f.namespace, f.name, f.arguments))),
        triggers=tuple(sorted(triggers, key=lambda t: (t.dialect, t.table, t.name))),
        origin=Origin(mdisplay, 1, 1),
        **meta,
    )


def load_project(root: str) -> Project:
    """Load and validate every module under ``root``; raise ``LoadErrors`` listing every problem."""
    if not os.path.isdir(root):
        raise LoadErrors([LoadError("schema folder does not exist", root, None, None,
                                    "pass --schema DIR or run from the project root")])
    r = Reader()
    modules = []
    unread: dict[str, set[str]] = {}
    try:
        for name in sorted(os.listdir(root)):
            if name.startswith((".", "_")) or not os.path.isdir(os.path.join(root, name)):
                continue
            m = _read_module(r, root, name, unread.setdefault(name, set()))
            if m is not None:
                modules.append(m)
    finally:
        table_files.release()
    known = {m.name for m in modules}
    for m in modules:
        r.errors.extend(validate_module(m, known, frozenset(unread[m.name])))
    if r.errors:
        raise LoadErrors(r.errors)
    return Project(modules=tuple(modules), root=root)
