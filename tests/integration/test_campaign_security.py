"""The campaign module's security holes, exploited on a real PostgreSQL server: each test plays the attack
and asserts it fails (a hijacked SECURITY DEFINER search path, the materialized view leak, rows that
point at another organization's job, functions anyone may call, a prelude that replaces auth.uid()).

Every test builds the generated DDL in a fresh database; roles are cluster-wide, so each test creates
its own uniquely named role and drops it afterwards.
"""

from __future__ import annotations

import os
import uuid

import psycopg
import pytest
from dbutil import apply_sql_pg, connect_pg

from jobschema import api

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RENDERED = api.render_project(api.load(os.path.join(ROOT, "schema")), "campaign", "postgres").files


def build(dsn: str) -> None:
    for path in sorted(RENDERED):
        apply_sql_pg(dsn, RENDERED[path])


@pytest.fixture
def role(pg_conn):
    """A role with no privileges of its own (a fresh sign-up), dropped after the test."""
    name = f"jst_attacker_{uuid.uuid4().hex[:10]}"
    pg_conn.execute(f"CREATE ROLE {name} NOLOGIN")
    yield name
    pg_conn.execute(f"DROP OWNED BY {name}")
    pg_conn.execute(f"DROP ROLE {name}")


def two_orgs(dsn: str) -> dict:
    """Org A with a job, a pending task and a card; org B with a job of its own."""
    a, b = str(uuid.uuid4()), str(uuid.uuid4())
    with connect_pg(dsn) as admin:
        job_a = admin.execute("INSERT INTO jobs (org_id, name) VALUES (%s, 'A') RETURNING id::text", (a,)).fetchone()[0]
        job_b = admin.execute("INSERT INTO jobs (org_id, name) VALUES (%s, 'B') RETURNING id::text", (b,)).fetchone()[0]
        task_a = admin.execute("INSERT INTO job_tasks (job_id, step, kind) VALUES (%s, 1, 'send_email') RETURNING id",
                               (job_a,)).fetchone()[0]
        admin.execute("INSERT INTO kanban_cards (org_id, job_id, task_id, type, title, state) "
                      "VALUES (%s, %s, %s, 'send_email', 'secret of A', 'in_review')", (a, job_a, task_a))
    return {"a": a, "b": b, "job_a": job_a, "job_b": job_b, "task_a": task_a}


def as_user(dsn: str, role: str, org: str) -> psycopg.Connection:
    conn = psycopg.connect(dsn)
    conn.execute(f"SET ROLE {role}")
    conn.execute("SELECT set_config('request.jwt.claim.sub', %s, false)", (org,))
    conn.commit()  # the role and the claim outlive the rollbacks of failed attacks
    return conn


def test_definer_functions_cannot_be_hijacked_through_a_temp_table(pg_dsn, role):
    """A user of org B shadows ``jobs`` with a temporary table that gives A's job to B; the definer
    functions must still read the real table (pg_temp searched last)."""
    build(pg_dsn)
    ids = two_orgs(pg_dsn)
    with connect_pg(pg_dsn) as admin:  # what a signed-in user may call
        admin.execute(f"GRANT EXECUTE ON FUNCTION get_job_cards(uuid), cancel_job(uuid) TO {role}")
    with as_user(pg_dsn, role, ids["b"]) as conn:
        conn.execute("CREATE TEMP TABLE jobs (id uuid, org_id uuid, status text, started_at timestamptz, "
                     "finished_at timestamptz)")
        conn.execute("INSERT INTO pg_temp.jobs VALUES (%s, %s, 'pending', NULL, NULL)", (ids["job_a"], ids["b"]))
        conn.commit()
        with pytest.raises(psycopg.errors.NoDataFound):
            conn.execute("SELECT title FROM get_job_cards(%s)", (ids["job_a"],)).fetchall()
        conn.rollback()
        with pytest.raises(psycopg.errors.NoDataFound):
            conn.execute("SELECT cancel_job(%s)", (ids["job_a"],))
        conn.rollback()
    with connect_pg(pg_dsn) as admin:
        assert admin.execute("SELECT status FROM job_tasks WHERE job_id = %s", (ids["job_a"],)).fetchall() == [
            ("pending",)]


def test_definer_functions_are_not_executable_by_public_or_anon(pg_dsn, role):
    build(pg_dsn)
    ids = two_orgs(pg_dsn)
    with as_user(pg_dsn, role, ids["b"]) as conn:
        for call in ("SELECT refresh_job_metrics()", f"SELECT * FROM get_job_cards('{ids['job_b']}')",
                     f"SELECT cancel_job('{ids['job_b']}')"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(call)
            conn.rollback()
    with connect_pg(pg_dsn) as admin:
        callable_by = admin.execute(
            "SELECT p.proname, r.rolname FROM pg_proc p CROSS JOIN (VALUES ('anon'), ('authenticated')) r(rolname) "
            "WHERE p.pronamespace = 'public'::regnamespace AND p.prosecdef "
            "AND has_function_privilege(r.rolname, p.oid, 'EXECUTE') ORDER BY 1, 2").fetchall()
    users = ["cancel_job", "get_job_cards", "get_job_metrics_for_org", "get_job_progress", "transition_job_status"]
    assert callable_by == [(f, "authenticated") for f in users]


def test_job_metrics_is_not_readable_across_orgs(pg_dsn, role):
    """Supabase grants SELECT on every new table to its API roles by default privileges; the
    materialized view (which has no row-level security) must not keep that grant."""
    with connect_pg(pg_dsn) as admin:
        admin.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO PUBLIC")
    build(pg_dsn)
    ids = two_orgs(pg_dsn)
    with connect_pg(pg_dsn) as admin:
        admin.execute("REFRESH MATERIALIZED VIEW job_metrics")
        admin.execute(f"GRANT USAGE ON SCHEMA auth TO {role}")
        assert not admin.execute("SELECT has_table_privilege('authenticated', 'job_metrics', 'SELECT') "
                                 "OR has_table_privilege('anon', 'job_metrics', 'SELECT')").fetchone()[0]
    with as_user(pg_dsn, role, ids["b"]) as conn:
        assert conn.execute("SELECT id::text FROM jobs").fetchall() == [(ids["job_b"],)]  # RLS on the table
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT org_id FROM job_metrics").fetchall()


def test_rows_cannot_point_at_another_orgs_job(pg_dsn, role):
    """Foreign-key checks ignore row-level security: the policies themselves must tie job_id and
    task_id to the caller's organization, or B writes into A's job (counters, A's card list)."""
    build(pg_dsn)
    ids = two_orgs(pg_dsn)
    with connect_pg(pg_dsn) as admin:
        admin.execute(f"GRANT USAGE ON SCHEMA auth TO {role}")
        admin.execute(f"GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO {role}")
    attacks = [
        ("INSERT INTO kanban_cards (org_id, job_id, type, title, state) VALUES (%s, %s, 'send_email', 'x', 'done')",
         (ids["b"], ids["job_a"])),
        ("INSERT INTO kanban_cards (org_id, task_id, type, title, state) VALUES (%s, %s, 'send_email', 'x', 'done')",
         (ids["b"], ids["task_a"])),
        ("INSERT INTO agent_runs (org_id, job_id) VALUES (%s, %s)", (ids["b"], ids["job_a"])),
    ]
    with as_user(pg_dsn, role, ids["b"]) as conn:
        for sql, args in attacks:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql, args)
            conn.rollback()
        # B's own links still work, and the counter trigger runs for a caller without EXECUTE on it
        conn.execute("INSERT INTO kanban_cards (org_id, job_id, type, title, state) "
                     "VALUES (%s, %s, 'send_email', 'mine', 'done')", (ids["b"], ids["job_b"]))
        conn.execute("INSERT INTO agent_runs (org_id, job_id) VALUES (%s, %s)", (ids["b"], ids["job_b"]))
        conn.commit()
    with connect_pg(pg_dsn) as admin:
        counters = "SELECT cards_created, emails_sent FROM jobs WHERE id = %s"
        assert admin.execute(counters, (ids["job_a"],)).fetchone() == (1, 0)
        assert admin.execute(counters, (ids["job_b"],)).fetchone() == (1, 1)


def test_prelude_keeps_an_existing_auth_uid(pg_dsn):
    """On Supabase auth.uid() is Supabase's own: the campaign prelude must not replace it."""
    with connect_pg(pg_dsn) as admin:
        admin.execute("CREATE SCHEMA auth")
        admin.execute("CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE "
                      "AS $$ SELECT '00000000-0000-0000-0000-00000000000a'::uuid $$")
    build(pg_dsn)
    with connect_pg(pg_dsn) as admin:
        assert admin.execute("SELECT auth.uid()::text").fetchone() == ("00000000-0000-0000-0000-00000000000a",)
