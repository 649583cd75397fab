"""The generated PostgreSQL objects really work: tenant isolation, counter triggers, status functions."""

from __future__ import annotations

import os
import uuid

import psycopg
import pytest
from dbutil import apply_sql_pg, connect_pg

from jobschema import api

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RENDERED = api.render_project(api.load(os.path.join(ROOT, "schema")))


def build(dsn: str, module: str) -> None:
    prefix = f"{module}/postgres/"
    for path in sorted(p for p in RENDERED.files if p.startswith(prefix)):
        apply_sql_pg(dsn, RENDERED.files[path])


@pytest.fixture
def role(pg_conn):
    """A non-owner login-less role, created for one test and dropped after it (roles are cluster-wide)."""
    name = f"jst_role_{uuid.uuid4().hex[:10]}"
    pg_conn.execute(f"CREATE ROLE {name} NOLOGIN")
    yield name
    pg_conn.execute(f"DROP OWNED BY {name}")
    pg_conn.execute(f"DROP ROLE {name}")


def test_iot_policies_isolate_tenants(pg_dsn, role):
    build(pg_dsn, "iot")
    with connect_pg(pg_dsn) as admin:
        admin.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}")
        admin.execute("INSERT INTO tenants (tenant_id) VALUES ('t1'), ('t2')")
        for tenant in ("t1", "t2"):
            admin.execute(
                "INSERT INTO jobs (job_id, tenant_id, document_type, target_all) VALUES (%s, %s, 'ota', true)",
                (f"job-{tenant}", tenant))
            admin.execute("INSERT INTO job_executions (job_id, tenant_id, device_id) VALUES (%s, %s, 'd1')",
                          (f"job-{tenant}", tenant))
    with psycopg.connect(pg_dsn) as conn:
        conn.execute(f"SET ROLE {role}")
        conn.execute("SELECT set_config('app.tenant_id', 't1', false)")
        assert conn.execute("SELECT job_id FROM jobs").fetchall() == [("job-t1",)]
        assert conn.execute("SELECT tenant_id FROM job_executions").fetchall() == [("t1",)]
        conn.execute("INSERT INTO jobs (job_id, tenant_id, document_type, target_device_id) "
                     "VALUES ('own', 't1', 'ota', 'd9')")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO jobs (job_id, tenant_id, document_type, target_all) "
                         "VALUES ('foreign', 't2', 'ota', true)")
        conn.rollback()
        conn.execute(f"SET ROLE {role}")
        conn.execute("SELECT set_config('app.tenant_id', 't1', false)")
        assert conn.execute("UPDATE jobs SET status = 'CANCELED' WHERE tenant_id = 't2'").rowcount == 0
        conn.execute("SELECT set_config('app.tenant_id', '', false)")
        assert conn.execute("SELECT count(*) FROM jobs").fetchone() == (0,)


def test_iot_target_check_requires_exactly_one_target(pg_dsn):
    build(pg_dsn, "iot")
    with connect_pg(pg_dsn) as conn:
        conn.execute("INSERT INTO tenants (tenant_id) VALUES ('t1')")
        with pytest.raises(psycopg.errors.CheckViolation):
            conn.execute("INSERT INTO jobs (job_id, tenant_id, document_type, target_device_id, target_all) "
                         "VALUES ('j', 't1', 'ota', 'd1', true)")


def test_campaign_triggers_keep_job_counters(pg_dsn):
    build(pg_dsn, "campaign")
    org = str(uuid.uuid4())
    with connect_pg(pg_dsn) as conn:
        job = conn.execute("INSERT INTO jobs (org_id, name) VALUES (%s, 'Q4') RETURNING id", (org,)).fetchone()[0]
        for step in (1, 2, 3):
            conn.execute("INSERT INTO job_tasks (job_id, step, batch, kind) VALUES (%s, %s, 0, 'draft_email')",
                         (job, step))
        counts = "SELECT total_tasks, completed_tasks, failed_tasks FROM jobs WHERE id = %s"
        assert conn.execute(counts, (job,)).fetchone() == (3, 0, 0)
        conn.execute("UPDATE job_tasks SET status = 'done' WHERE job_id = %s AND step = 1", (job,))
        conn.execute("UPDATE job_tasks SET status = 'error' WHERE job_id = %s AND step = 2", (job,))
        assert conn.execute(counts, (job,)).fetchone() == (3, 1, 1)
        conn.execute("DELETE FROM job_tasks WHERE job_id = %s AND step = 1", (job,))
        assert conn.execute(counts, (job,)).fetchone() == (2, 0, 1)
        conn.execute("INSERT INTO kanban_cards (org_id, job_id, type, title, state) "
                     "VALUES (%s, %s, 'send_email', 'Email', 'in_review')", (org, job))
        assert conn.execute("SELECT cards_created FROM jobs WHERE id = %s", (job,)).fetchone() == (1,)


def test_campaign_status_functions(pg_dsn):
    build(pg_dsn, "campaign")
    org = str(uuid.uuid4())
    with connect_pg(pg_dsn) as conn:
        job = conn.execute("INSERT INTO jobs (org_id, name) VALUES (%s, 'Q4') RETURNING id", (org,)).fetchone()[0]
        conn.execute("INSERT INTO job_tasks (job_id, step, batch, kind) VALUES (%s, 1, 0, 'send_email')", (job,))
        conn.execute("SELECT transition_job_status(%s, 'running')", (job,))
        assert conn.execute("SELECT status FROM jobs WHERE id = %s", (job,)).fetchone() == ("running",)
        with pytest.raises(psycopg.Error):
            conn.execute("SELECT transition_job_status(%s, 'pending')", (job,))
        conn.execute("SELECT cancel_job(%s)", (job,))
        assert conn.execute("SELECT status FROM jobs WHERE id = %s", (job,)).fetchone() == ("cancelled",)
        assert conn.execute("SELECT status FROM job_tasks WHERE job_id = %s", (job,)).fetchall() == [("skipped",)]
        conn.execute("SELECT refresh_job_metrics()")
        assert conn.execute("SELECT count(*) FROM job_metrics WHERE job_id = %s", (job,)).fetchone() == (1,)


def test_campaign_rls_uses_supabase_uid(pg_dsn, role):
    build(pg_dsn, "campaign")
    mine, theirs = str(uuid.uuid4()), str(uuid.uuid4())
    with connect_pg(pg_dsn) as admin:
        admin.execute(f"GRANT USAGE ON SCHEMA auth TO {role}")
        admin.execute(f"GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO {role}")
        for org in (mine, theirs):
            admin.execute("INSERT INTO jobs (org_id, name) VALUES (%s, 'job')", (org,))
    with psycopg.connect(pg_dsn) as conn:
        conn.execute(f"SET ROLE {role}")
        conn.execute("SELECT set_config('request.jwt.claim.sub', %s, false)", (mine,))
        assert conn.execute("SELECT org_id::text FROM jobs").fetchall() == [(mine,)]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO jobs (org_id, name) VALUES (%s, 'x')", (theirs,))
