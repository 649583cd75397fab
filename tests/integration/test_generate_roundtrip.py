"""Every module × dialect the shipped schema generates applies cleanly to a fresh, empty database."""

from __future__ import annotations

import os

import pytest
from dbutil import apply_sql_mysql, apply_sql_pg, connect_mysql, connect_pg

from jobschema import api

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROJECT = api.load(os.path.join(ROOT, "schema"))
RENDERED = api.render_project(PROJECT)


def files_for(module: str, dialect: str) -> list[str]:
    prefix = f"{module}/{dialect}/"
    return [RENDERED.files[p] for p in sorted(RENDERED.files) if p.startswith(prefix)]


PG_MODULES = [m.name for m in PROJECT.modules if "postgres" in m.dialects]
MYSQL_MODULES = [m.name for m in PROJECT.modules if "mysql" in m.dialects]


@pytest.mark.parametrize("module", PG_MODULES)
def test_postgres_ddl_applies(pg_dsn, module):
    files = files_for(module, "postgres")
    assert files
    for text in files:
        apply_sql_pg(pg_dsn, text)
    m = PROJECT.module(module)
    with connect_pg(pg_dsn) as conn:
        rows = conn.execute(
            "SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind IN ('r', 'v', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
        ).fetchall()
        found = {(ns, name) for ns, name, _ in rows}
        for t in m.tables:
            assert (t.namespace, t.name) in found
        for v in m.views:
            if v.definition("postgres") is not None:
                assert (v.namespace, v.name) in found
        fns = {r[0] for r in conn.execute(
            "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')").fetchall()}
        for f in m.functions:
            if f.dialect == "postgres":
                assert f.name in fns
        policies = conn.execute("SELECT count(*) FROM pg_policies").fetchone()[0]
        assert policies == sum(len(t.rls.policies) for t in m.tables)


@pytest.mark.parametrize("module", MYSQL_MODULES)
def test_mysql_ddl_applies(mysql_dsn, module):
    files = files_for(module, "mysql")
    assert files
    for text in files:
        apply_sql_mysql(mysql_dsn, text)
    m = PROJECT.module(module)
    conn = connect_mysql(mysql_dsn)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = DATABASE()")
            found = {r[0] for r in cur.fetchall()}
    finally:
        conn.close()
    for t in m.tables:
        assert t.name in found
    for v in m.views:
        if v.definition("mysql") is not None:
            assert v.name in found


def test_generate_is_deterministic(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    api.generate(os.path.join(ROOT, "schema"), str(a))
    api.generate(os.path.join(ROOT, "schema"), str(b))
    files_a = sorted(p.relative_to(a) for p in a.rglob("*.sql"))
    files_b = sorted(p.relative_to(b) for p in b.rglob("*.sql"))
    assert files_a == files_b and files_a
    for rel in files_a:
        assert (a / rel).read_bytes() == (b / rel).read_bytes()


def test_committed_output_is_current():
    """generated/ is the reviewed golden tree: it must be exactly what the schema renders to."""
    result = api.generate(os.path.join(ROOT, "schema"), os.path.join(ROOT, "generated"), check=True)
    assert [f"{s.path}: {s.state}" for s in result.differing] == []


def test_check_calling_a_module_function_applies_and_audits_clean(pg_dsn, tmp_path):
    """PostgreSQL resolves a function a CHECK calls when the CHECK is created: generate adds such a CHECK
    (and its comment) after the module's functions, so the files apply in order and audit clean."""
    mod = tmp_path / "schema" / "m"
    (mod / "tables").mkdir(parents=True)
    (mod / "functions").mkdir()
    (mod / "module.yaml").write_text("module: m\ndialects: [postgres]\n")
    (mod / "tables" / "t.yaml").write_text(
        "table: t\ncolumns:\n  - {name: id, type: integer, nullable: false}\n  - {name: n, type: integer}\n"
        "primary_key: [id]\nchecks:\n  - {name: t_n_check, expression: \"is_small(n)\", comment: small}\n")
    (mod / "functions" / "is_small.postgres.sql").write_text(
        "CREATE OR REPLACE FUNCTION is_small(v integer) RETURNS boolean LANGUAGE sql IMMUTABLE "
        "AS $$ SELECT v < 10 $$;\n")
    rendered = api.render_project(api.load(str(tmp_path / "schema")))
    for path in sorted(rendered.files):
        apply_sql_pg(pg_dsn, rendered.files[path])
    result = api.audit(pg_dsn, str(tmp_path / "schema"), module="m")
    assert result.exit_code == 0, [f.message for f in result.findings]
