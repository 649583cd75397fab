"""``jobschema lint --dsn``: the schema rules over what inspect reads from a live database, on both
engines, with the formats and exit codes of ``lint`` over files."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from dbutil import apply_sql_mysql, apply_sql_pg, database_of, temp_mysql_database, temp_pg_database
from lintcases import case_id, schema_cases, write_module

from jobschema import api
from jobschema.cli import main
from jobschema.dialects import base as dialects
from jobschema.lint import registry, runner
from jobschema.lint.registry import Selection

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CAMPAIGN = api.render_project(api.load(os.path.join(ROOT, "schema")), "campaign", "postgres").files

# The holes issue 16 found, put back into a database built from the generated DDL.
WEAKENED = """
ALTER FUNCTION get_job_cards(uuid) SET search_path = public;
GRANT EXECUTE ON FUNCTION refresh_job_metrics() TO PUBLIC;
GRANT SELECT ON job_metrics TO anon;
ALTER POLICY jobs_org_isolation ON jobs USING (org_id = auth.uid());
CREATE POLICY jobs_all ON jobs FOR SELECT USING (true);
ALTER TABLE agent_runs DISABLE ROW LEVEL SECURITY;
CREATE POLICY kc_loose ON kanban_cards FOR INSERT WITH CHECK (org_id = (SELECT auth.uid()));
"""


MARK = re.compile(r"--\s*(expect|ok):\s*(JS\d{3}(?:\s*,\s*JS\d{3})*)")  # as in tests/unit/test_lint_cases.py


def annotations(path: Path) -> tuple[set[tuple[int, str]], set[tuple[int, str]]]:
    expect, ok = set(), set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        for kind, codes in MARK.findall(line):
            for code in (c.strip() for c in codes.split(",")):
                (expect if kind == "expect" else ok).add((n, code))
    return expect, ok


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def found(out: str) -> list[tuple[str, str]]:
    return sorted((f["code"], f["path"]) for f in json.loads(out)["findings"])


def test_pg_security_rules_on_a_live_database(pg_dsn):
    for path in sorted(CAMPAIGN):
        apply_sql_pg(pg_dsn, CAMPAIGN[path])
    code, out = cli("lint", "--dsn", pg_dsn, "--module", "campaign", "--select", "JS11", "--format", "json")
    assert (code, found(out)) == (0, []), out
    apply_sql_pg(pg_dsn, WEAKENED)
    code, out = cli("lint", "--dsn", pg_dsn, "--module", "campaign", "--select", "JS11", "--format", "json")
    assert code == 1
    assert found(out) == [
        ("JS110", "campaign.get_job_cards"),
        ("JS111", "campaign.refresh_job_metrics"),
        ("JS112", "campaign.job_metrics"),
        ("JS113", "campaign.agent_runs"),
        ("JS114", "campaign.jobs.jobs_all"),
        ("JS115", "campaign.jobs.jobs_all"),
        ("JS115", "campaign.kanban_cards.kanban_cards_org_isolation"),
        ("JS116", "campaign.kanban_cards.kc_loose"),
        ("JS116", "campaign.kanban_cards.kc_loose"),
        ("JS117", "campaign.jobs.jobs_org_isolation"),
    ]


def test_mariadb_table_rules_on_a_live_database(mysql_dsn):
    apply_sql_mysql(mysql_dsn, "CREATE TABLE scratch (id int, note text); "
                               "CREATE TABLE kept (id int PRIMARY KEY, status varchar(20))")
    code, out = cli("lint", "--dsn", mysql_dsn, "--format", "json")
    assert code == 1
    assert found(out) == [("JS102", "live.scratch"), ("JS103", "live.kept.status")]


def test_dsn_with_a_schema_folder_is_a_usage_error(pg_dsn):
    code, out = cli("lint", "--dsn", pg_dsn, os.path.join(ROOT, "schema"))
    assert code == 2 and "PATHs are migration files" in out and "Traceback" not in out


LIVE_CASES = os.path.join(ROOT, "tests", "cases", "lint_live")


@pytest.mark.parametrize("dialect", ["postgres", "mysql"])
def test_migration_constraints_counted_against_live_rows(request, dialect):
    """``lint --dsn DSN FILE.sql``: every migration of the dialect's case folder, linted against the rows its
    ``live.sql`` holds; the annotations on each line are the findings (JS220 counts the rejected rows)."""
    dsn = request.getfixturevalue("pg_dsn" if dialect == "postgres" else "mysql_dsn")
    folder = Path(LIVE_CASES) / dialect
    (apply_sql_pg if dialect == "postgres" else apply_sql_mysql)(dsn, (folder / "live.sql").read_text())
    files = sorted(p for p in folder.glob("*.sql") if p.name != "live.sql")
    assert files
    for path in files:
        expect, ok = annotations(path)
        result = api.lint_migrations_live(dsn, [str(path)], Selection.build(), base=str(folder))
        got = {(f.location.line, f.code) for f in result.findings}
        shown = "\n".join(f"{f.location}: {f.code} {f.message}" for f in result.findings)
        assert got == expect, f"{path.name}:\n{shown}"
        assert not (got & ok), f"{path.name}:\n{shown}"
        assert all("Traceback" not in f.message for f in result.findings)


def test_live_counts_name_the_rows_and_values(pg_dsn):
    folder = Path(LIVE_CASES) / "postgres"
    apply_sql_pg(pg_dsn, (folder / "live.sql").read_text())
    code, out = cli("lint", "--dsn", pg_dsn, str(folder / "seed001_fix.sql"), "--select", "JS220", "--format", "json")
    assert code == 1, out
    (f,) = json.loads(out)["findings"]
    assert "3 live row(s) of batch_jobs violate CHECK batch_jobs_status_check" in f["message"], f
    assert "'pending' (1)" in f["message"] and "'archived' (1)" in f["message"] and pg_dsn not in out


DRIFTED = {
    "postgres": "ALTER TABLE batch_jobs DROP CONSTRAINT batch_jobs_status_check; ALTER TABLE batch_jobs ADD "
                "CONSTRAINT batch_jobs_status_check CHECK (status IN ('pending', 'running', 'paused', 'completed', "
                "'failed', 'cancelled', 'archived'))",
    "mysql": "ALTER TABLE batch_jobs MODIFY COLUMN status enum('pending','running','paused','completed','failed',"
             "'cancelled','archived') NOT NULL DEFAULT 'pending'",
}


@pytest.mark.parametrize("dialect", ["postgres", "mysql"])
def test_shipped_fix_checked_against_the_documented_state(request, dialect):
    """The shipped batch fix, linted with --dsn against a database in seed 001's documented state: its
    legacy rows are rewritten before the CHECK, so nothing would fail — until a row holds a value no
    legacy mapping covers. The whole migrations/ folder is given: the other engine's file gets the rules
    without the rows."""
    dsn = request.getfixturevalue("pg_dsn" if dialect == "postgres" else "mysql_dsn")
    apply = apply_sql_pg if dialect == "postgres" else apply_sql_mysql
    files = api.render_project(api.load(os.path.join(ROOT, "schema")), "batch", dialect).files
    for path in sorted(files):
        apply(dsn, files[path])
    history = Path(ROOT) / "tests" / "cases" / "history" / "batch"
    apply(dsn, (history / f"documented.{dialect}.sql").read_text(encoding="utf-8"))
    ids = "" if dialect == "postgres" else "id, "
    uuid = "" if dialect == "postgres" else "UUID(), "
    apply(dsn, f"INSERT INTO batch_jobs ({ids}name, job_type, status) VALUES ({uuid}'a', 'x', 'pending'), "
               f"({uuid}'b', 'x', 'running')")
    folder = os.path.join(ROOT, "migrations")
    code, out = cli("lint", "--dsn", dsn, folder, "--select", "JS220", "--format", "json")
    assert (code, found(out)) == (0, []), out
    # a database that drifted further: its status also takes 'archived', which no legacy mapping covers
    apply(dsn, DRIFTED[dialect])
    apply(dsn, f"INSERT INTO batch_jobs ({ids}name, job_type, status) VALUES ({uuid}'c', 'x', 'archived')")
    code, out = cli("lint", "--dsn", dsn, folder, "--select", "JS220", "--format", "json")
    # PostgreSQL stops at the VALIDATE; MySQL at the MODIFY that widens the ENUM and again at the narrowing one
    assert code == 1 and found(out) == [("JS220", "batch_jobs")] * (1 if dialect == "postgres" else 2), out
    assert "'archived' (1)" in out


@pytest.mark.parametrize("dialect", ["postgres", "mysql"])
def test_every_migration_case_reads_the_same_with_dsn(request, dialect):
    """``lint --dsn`` runs the migration rules it runs without one: every ``tests/cases/lint`` SQL case of the
    engine, linted against an empty database of that engine, gives exactly its annotated findings; JS220
    adds only an info line wherever a constraint is added to a table the database lacks (nothing to count,
    said rather than skipped)."""
    dsn = request.getfixturevalue("pg_dsn" if dialect == "postgres" else "mysql_dsn")
    cases = Path(ROOT) / "tests" / "cases" / "lint"
    files = [p for p in sorted(cases.rglob("*.sql")) if ("mysql" in p.parts) == (dialect == "mysql")]
    assert len(files) >= 5
    result = api.lint_migrations_live(dsn, [str(p) for p in files], Selection.build(), base=str(cases))
    uncounted = [f for f in result.findings if f.code == "JS220"]
    assert uncounted and all(f.severity.value == "info" and "is not in the database" in f.message for f in uncounted)
    got = {(f.location.file, f.location.line, f.code) for f in result.findings if f.code != "JS220"}
    want = {(str(p.relative_to(cases)), line, code) for p in files for line, code in annotations(p)[0]}
    assert got == want



# What a Supabase project grants the API roles on every new table, view and function in public (its
# default privileges, for the role that creates them): the cases that require supabase_compat run there.
SUPABASE_DEFAULTS = "".join(
    f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON {kind} TO anon, authenticated, service_role;\n"
    for kind in ("TABLES", "FUNCTIONS", "SEQUENCES"))


def _catalog_cases():
    """(code, case, dialect) for every schema-rule case and every dialect its module targets whose catalog
    the rule reads (``needs``); rules about the files (``catalog = False``) and cases marked ``live_skip``
    (a suppression, which a catalog cannot hold) are left out."""
    for code, i, case in schema_cases():
        rule = registry.get(code)
        if "live_skip" in case or not rule.catalog or rule.target not in ("table", "module"):
            continue
        targets = (case.get("module") or {}).get("dialects") or dialects.names()
        for dialect in targets:
            if dialect in rule.reads():
                yield pytest.param(code, case, dialect, id=f"{case_id(code, i, case)}-{dialect}")


def test_every_catalog_rule_fails_and_passes_on_every_engine_it_reads():
    """The test below covers each schema rule a catalog shows with a failing and a passing case on every
    engine whose catalog the rule reads: a case left out, or a module narrowed to one engine, must not leave
    an engine without one."""
    fails, passes = set(), set()
    for p in _catalog_cases():
        code, case, dialect = p.values
        (fails if case["expect"] else passes).add((code, dialect))
    want = {(r.code, d) for r in registry.all_rules() if r.target in ("table", "module") and r.catalog
            for d in r.reads()}
    assert want - fails == set(), "no failing case on these engines"
    assert want - passes == set(), "no passing case on these engines"


@pytest.fixture(scope="module")
def pg_base(pg_server):
    """The database every PostgreSQL case is cloned from: it holds what the cases' policies and grants name
    (auth.uid() and the API roles), from the shipped supabase_compat module's generated DDL."""
    files = api.render_project(api.load(os.path.join(ROOT, "schema")), "supabase_compat").files
    with temp_pg_database(pg_server.dsn, pg_server.template) as dsn:
        apply_sql_pg(dsn, "\n".join(files[p] for p in sorted(files)))
        yield database_of(dsn)


@pytest.mark.parametrize(("code", "case", "dialect"), list(_catalog_cases()))
def test_every_schema_case_reads_the_same_from_a_catalog(request, tmp_path, code, case, dialect):
    """Each case of tests/cases/lint/JS1xx.yaml, its module's generated DDL applied to a fresh database of
    the dialect: ``lint --dsn`` reports what ``lint`` reports over the files, object for object."""
    schema = write_module(tmp_path, case)
    project = api.load(str(schema))
    (module,) = [m for m in project.modules if m.name == "m"]
    assert dialect in module.dialects
    select = case.get("select", [code])
    from_files = runner.lint_project(project, Selection.build(select), root=str(schema)).findings
    want = sorted((f.code, f.path) for f in from_files)
    assert sorted(c for c, _ in want) == sorted(case["expect"])
    ddl = api.render_project(project, "m", dialect).files
    script = "\n".join(ddl[p] for p in sorted(ddl))
    if dialect == "postgres":
        fresh = temp_pg_database(request.getfixturevalue("pg_server").dsn, request.getfixturevalue("pg_base"))
        script = (SUPABASE_DEFAULTS if "supabase_compat" in module.requires else "") + script
    else:
        fresh = temp_mysql_database(request.getfixturevalue("mysql_server").dsn)
    with fresh as dsn:
        (apply_sql_pg if dialect == "postgres" else apply_sql_mysql)(dsn, script)
        code_, out = cli("lint", "--dsn", dsn, "--module", "m", "--select", ",".join(select), "--format", "json")
    assert (code_, found(out)) == (1 if want else 0, want), out
