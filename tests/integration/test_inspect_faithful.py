"""``inspect`` writes what a person would: a database built from a shipped module inspects back to that module's
own table and column comments, enum values, nullability, constraint and index names and FK actions, on both
dialects (the round trip in test_inspect_import.py compares inspected with inspected; this compares with the
source)."""

from __future__ import annotations

from pathlib import Path

import pytest
from dbutil import apply_sql_mysql, apply_sql_pg, temp_mysql_database, temp_pg_database

from jobschema import api

ROOT = Path(__file__).resolve().parent.parent.parent
PROJECT = api.load(str(ROOT / "schema"))
CASES = [(m.name, d) for m in PROJECT.modules for d in ("postgres", "mysql")
         if d in m.dialects and m.name != "supabase_compat"]


def facts(m, dialect: str) -> dict:
    out = {}
    for t in m.tables:
        out[(t.name, "comment")] = t.comment
        for c in t.columns:
            out[(t.name, c.name)] = (c.comment, c.enum, c.nullable)
        for ix in t.indexes:
            out[(t.name, "index", ix.name)] = tuple(p.column for p in ix.parts)
        for fk in t.foreign_keys:
            # MySQL reports an FK without an action as RESTRICT, which is what NO ACTION means there
            action = "restrict" if dialect == "mysql" and fk.on_delete == "no action" else fk.on_delete
            out[(t.name, "fk", fk.name)] = (tuple(fk.columns), fk.ref_table, action)
        for u in t.uniques:
            out[(t.name, "unique", u.name)] = tuple(u.columns)
        for ck in t.checks:
            out[(t.name, "check", ck.name)] = True
    for v in m.views:
        if v.definition(dialect) is not None:
            out[("view", v.name)] = (v.algorithm, v.security) if dialect == "mysql" else v.materialized
    return out


@pytest.mark.parametrize("module,dialect", CASES, ids=[f"{m}-{d}" for m, d in CASES])
def test_inspect_keeps_the_module_as_written(request, module, dialect):
    server = request.getfixturevalue("pg_server" if dialect == "postgres" else "mysql_server")
    fresh = temp_pg_database if dialect == "postgres" else temp_mysql_database
    apply = apply_sql_pg if dialect == "postgres" else apply_sql_mysql
    m = PROJECT.module(module)
    files = api.render_project(PROJECT, module, dialect).files
    namespaces = ["public"] + [PROJECT.module(r).namespace for r in m.requires if dialect == "postgres"]
    with fresh(server.dsn) as dsn:
        for path in sorted(files):
            apply(dsn, files[path])
        got = api.inspect_db(dsn, module, None, namespaces=namespaces).module
    want, have = facts(m, dialect), facts(got, dialect)
    assert {k: have.get(k) for k in want} == want
    assert set(have) == set(want)
    assert any(c.comment for t in got.tables for c in t.columns)
