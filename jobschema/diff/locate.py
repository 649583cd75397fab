"""Point audit findings at the schema file and line that declares the object, so CI annotations land there.

A finding's path is ``module.table[.object]`` (or ``module.view``); table and object names may contain dots,
so the longest declared name that fits wins. An object the schema does not declare by name (an enum CHECK
derived from a column, an unmanaged extra object) points at its table, or at the column its name derives from.
"""

from __future__ import annotations

import os
from dataclasses import replace

from ..finding import Finding, Location
from ..model.objects import Module, Origin, Table


def _split(rest: str, names) -> tuple[str, str] | None:
    """(the longest name in ``names`` that ``rest`` is or starts with before a dot, what follows it)."""
    if rest in names:
        return rest, ""
    cut = rest.rfind(".")
    while cut > 0:
        if rest[:cut] in names:
            return rest[:cut], rest[cut + 1:]
        cut = rest.rfind(".", 0, cut)
    return None


def _table_object(t: Table, name: str) -> Origin | None:
    objs = [*t.columns, *t.uniques, *t.indexes, *t.foreign_keys, *t.checks, *t.rls.policies]
    if t.primary_key is not None:
        objs.append(t.primary_key)
    for obj in objs:
        if getattr(obj, "name", None) == name:
            return getattr(obj, "origin", None)
    for c in t.columns:  # an enum CHECK is declared by its column
        if c.enum is not None and name in (getattr(c, "enum_check_name", None), f"{t.name}_{c.name}_check"):
            return c.origin
    return None


def _tables_by_name(modules) -> list[tuple[Module, dict[str, Table]]]:
    """Each module with its tables by name (the first of a name, as ``Module.table`` finds it), built once
    for all the findings: an audit of thousands of tables may have hundreds of findings."""
    out = []
    for m in modules:
        by_name: dict[str, Table] = {}
        for t in m.tables:
            by_name.setdefault(t.name, t)
        out.append((m, by_name))
    return out


def origin_of(path: str, modules: tuple[Module, ...] | list[Module], tables=None) -> Origin | None:
    for m, by_name in tables if tables is not None else _tables_by_name(modules):
        if not path.startswith(m.name + "."):
            continue
        rest = path[len(m.name) + 1:]
        hit = _split(rest, by_name)
        if hit is not None:
            t = by_name[hit[0]]
            found = _table_object(t, hit[1]) if hit[1] else None
            return found if found is not None and found.file else t.origin
        for v in m.views:
            if rest == v.name or rest.startswith(v.name + "."):
                return v.origin
    return None


def locate(findings: list[Finding], modules, schema_dir: str, cwd: str | None = None) -> list[Finding]:
    """``findings`` with ``location`` set from the declaring file (shown relative to ``cwd`` when inside it)."""
    base = os.path.abspath(cwd or os.getcwd())
    root = os.path.abspath(schema_dir)
    rel = os.path.relpath(root, base)
    prefix = root if rel.startswith("..") else rel
    out = []
    tables = _tables_by_name(modules)
    for f in findings:
        o = None if f.location is not None else origin_of(f.path, modules, tables)
        if o is None or not o.file:
            out.append(f)
            continue
        file = os.path.normpath(os.path.join(prefix, o.file)).replace(os.sep, "/")
        out.append(replace(f, location=Location(file, o.line, o.col)))
    return out
