"""``jobschema audit`` against a real PostgreSQL: the seed incident, every module round trip, details of single
findings, data counts, read-only sessions, fixed catalog query counts and connection errors. One case per kind
of drift lives as data in ``tests/cases/audit/`` (``test_audit_cases.py``)."""

from __future__ import annotations

import json
import os
import textwrap

import psycopg
import pytest
from click.testing import CliRunner
from dbutil import apply_sql_pg, connect_pg, pg_dsn_with_database
from psycopg import sql

from jobschema import api
from jobschema import audit as audit_mod
from jobschema.cli import main
from jobschema.dialects.postgres.session import read_only as postgres_read_only

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCHEMA = os.path.join(ROOT, "schema")
PROJECT = api.load(SCHEMA)
RENDERED = api.render_project(PROJECT, dialect="postgres")
PG_MODULES = [m.name for m in PROJECT.modules if "postgres" in m.dialects]


def build(dsn: str, module: str) -> None:
    prefix = f"{module}/postgres/"
    for path in sorted(p for p in RENDERED.files if p.startswith(prefix)):
        apply_sql_pg(dsn, RENDERED.files[path])


def run_cli(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, ["audit", "--schema", SCHEMA, *args], env=env or {}, catch_exceptions=False)


def audit(dsn: str, module: str | None = None, **kw):
    return api.audit(dsn, SCHEMA, module=module, **kw)


def codes(result) -> set[tuple[str, str]]:
    return {(f.code, f.path) for f in result.findings}


# -- the seed incident ------------------------------------------------------------------------------

SEED = """
ALTER TABLE batch_jobs DROP CONSTRAINT batch_jobs_status_check;
ALTER TABLE batch_jobs ADD CONSTRAINT chk_bj_status_legacy
    CHECK (status IN ('pending', 'running', 'completed', 'failed', 'cancelled'));
ALTER TABLE batch_jobs ALTER COLUMN status SET DEFAULT 'pending';
INSERT INTO batch_jobs (name, job_type, status) VALUES ('a', 'x', 'pending'), ('b', 'x', 'pending'),
                                                       ('c', 'x', 'running'), ('d', 'x', 'completed');
"""


def test_seed_incident_reports_values_and_rows(pg_dsn):
    build(pg_dsn, "batch")
    apply_sql_pg(pg_dsn, SEED)
    res = run_cli("--dsn", pg_dsn, "--format", "json")
    assert res.exit_code == 1, res.output
    doc = json.loads(res.output)
    by_code = {}
    for f in doc["findings"]:
        by_code.setdefault(f["code"], []).append(f)
    (chk,) = by_code["JS311"]
    assert chk["path"] == "batch.batch_jobs.batch_jobs_status_check"
    assert chk["data"]["missing"] == ["paused", "processing", "queued"]
    assert chk["data"]["extra"] == ["pending", "running"]
    assert chk["data"]["live_name"] == "chk_bj_status_legacy"
    (rows,) = by_code["JS380"]
    assert rows["data"]["rows"] == 3
    assert rows["data"]["values"] == [{"value": "pending", "rows": 2, "maps_to": "queued"},
                                      {"value": "running", "rows": 1, "maps_to": "processing"}]
    assert "2 rows have status 'pending' → legacy value of 'queued'" in rows["message"]
    assert any(f["path"] == "batch.batch_jobs.status" for f in by_code["JS305"])
    text = run_cli("--dsn", pg_dsn)
    assert text.exit_code == 1
    assert "1 row has status 'running' → legacy value of 'processing'" in text.output
    assert "batch.batch_jobs" in text.output and "drift" in text.output.splitlines()[-1]


def test_seed_incident_without_data(pg_dsn):
    build(pg_dsn, "batch")
    apply_sql_pg(pg_dsn, SEED)
    res = audit(pg_dsn, no_data=True)
    assert res.exit_code == 1
    assert not [f for f in res.findings if f.code in ("JS380", "JS381")]


def test_checkpoints_as_the_seed_documents_them_audit_clean(pg_dsn):
    """Seed 001 documents the live batch_checkpoints with exactly four columns; a database in that state
    needs no fix (and one with the old wish-list column is told it has an extra column)."""
    build(pg_dsn, "batch")
    apply_sql_pg(pg_dsn, """
        DROP TABLE batch_checkpoints;
        CREATE TABLE batch_checkpoints (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), job_id uuid,
            created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now());
    """)
    res = audit(pg_dsn, "batch")
    assert {f.code for f in res.findings} == {"JS309"}, codes(res)  # only the comments the seed's table lacks
    assert res.exit_code == 1  # a comment that differs is drift too (a warning), never "in sync"
    apply_sql_pg(pg_dsn, "ALTER TABLE batch_checkpoints ADD COLUMN batch_job_id uuid")
    assert ("JS361", "batch.batch_checkpoints.batch_job_id") in codes(audit(pg_dsn, "batch"))


# -- round trip -------------------------------------------------------------------------------------

@pytest.mark.parametrize("module", PG_MODULES)
def test_generated_ddl_audits_clean_twice(pg_dsn, module):
    build(pg_dsn, module)
    for _ in range(2):
        res = audit(pg_dsn, module)
        assert res.findings == [], [f.message for f in res.findings]
        assert res.exit_code == 0


def test_module_is_detected_from_the_tables(pg_dsn):
    build(pg_dsn, "iot")
    res = run_cli("--dsn", pg_dsn, "--format", "json")
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["module"] == "iot"


# -- details of single findings (the kinds of drift themselves are data: tests/cases/audit/) -----------

def test_partial_index_predicate_finding_names_the_predicate(pg_dsn):
    build(pg_dsn, "iot")
    apply_sql_pg(pg_dsn, "DROP INDEX idx_jobs_expires_at; "
                         "CREATE INDEX idx_jobs_expires_at ON jobs (expires_at) WHERE expires_at IS NOT NULL")
    (f,) = [f for f in audit(pg_dsn, "iot").findings if f.code == "JS321"]
    assert f.data["kinds"] == ["where"]
    assert "IN_PROGRESS" in f.expected and "IN_PROGRESS" not in f.actual


def test_unmanaged_severity_is_settable(pg_dsn):
    build(pg_dsn, "batch")
    apply_sql_pg(pg_dsn, "CREATE TABLE scratch (id int)")
    res = run_cli("--dsn", pg_dsn, "--module", "batch", "--unmanaged-severity", "info", "--format", "json")
    assert res.exit_code == 0, res.output
    (f,) = json.loads(res.output)["findings"]
    assert (f["code"], f["severity"]) == ("JS360", "info")


# -- data counts ------------------------------------------------------------------------------------

def test_counts_for_not_null_unique_and_fk(pg_dsn):
    build(pg_dsn, "deletion")
    apply_sql_pg(pg_dsn, """
        ALTER TABLE deletion_jobs DROP CONSTRAINT uq_deletion_jobs;
        INSERT INTO deletion_jobs (entity_table, entity_pk) VALUES ('t', '1'), ('t', '1'), ('t', '2');
    """)
    res = audit(pg_dsn, "deletion")
    (rows,) = [f for f in res.findings if f.code == "JS380"]
    assert rows.path == "deletion.deletion_jobs.uq_deletion_jobs" and rows.data["rows"] == 2


def test_role_without_select_still_audits_structure(pg_dsn, pg_conn):
    build(pg_dsn, "batch")
    apply_sql_pg(pg_dsn, SEED)
    role = "jst_reader_" + pg_dsn.rsplit("_", 1)[-1]
    pg_conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(role)))
    try:
        res = audit(pg_dsn.replace("://postgres@", f"://{role}@"), "batch")
        assert ("JS311", "batch.batch_jobs.batch_jobs_status_check") in codes(res)
        (f,) = [f for f in res.findings if f.code == "JS381"]
        assert "permission denied" in f.message
        assert not [f for f in res.findings if f.code == "JS380"]
    finally:
        pg_conn.execute(sql.SQL("DROP OWNED BY {}; DROP ROLE {}").format(sql.Identifier(role), sql.Identifier(role)))


# -- safety -----------------------------------------------------------------------------------------

def test_audit_works_on_a_read_only_database(pg_dsn, pg_conn):
    build(pg_dsn, "batch")
    db = pg_dsn.rsplit("/", 1)[1]
    pg_conn.execute(sql.SQL("ALTER DATABASE {} SET default_transaction_read_only = on").format(sql.Identifier(db)))
    res = audit(pg_dsn, "batch")
    assert res.exit_code == 0


def test_session_is_read_only_with_timeouts(pg_dsn):
    with postgres_read_only(pg_dsn, 1234, 567) as conn:
        row = conn.execute("SELECT current_setting('transaction_read_only'), current_setting('statement_timeout'), "
                           "current_setting('lock_timeout')").fetchone()
        assert row == ("on", "1234ms", "567ms")
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            conn.execute("CREATE TABLE nope (id int)")


class CountingCursor(psycopg.Cursor):
    statements: list[str] = []

    def execute(self, query, params=None, **kw):
        CountingCursor.statements.append(str(query))
        return super().execute(query, params, **kw)


def _many_tables_schema(tmp_path, n: int) -> str:
    root = tmp_path / f"schema{n}"
    (root / "many" / "tables").mkdir(parents=True)
    (root / "many" / "module.yaml").write_text("module: many\ndialects: [postgres]\n")
    for i in range(n):
        (root / "many" / "tables" / f"t{i:03}.yaml").write_text(textwrap.dedent(f"""\
            table: t{i:03}
            columns:
              - {{name: id, type: bigint, nullable: false}}
              - {{name: status, type: text, nullable: false, default: a, enum: [a, b]}}
              - {{name: parent_id, type: bigint}}
            primary_key: [id]
            indexes:
              - {{name: t{i:03}_status_idx, columns: [status], where: "status = 'a'"}}
            foreign_keys:
              - {{columns: [parent_id], references: t{i:03}(id)}}
            """))
    return str(root)


def test_catalog_query_count_does_not_grow_with_tables(pg_server, tmp_path):
    from dbutil import temp_pg_database

    counts = {}
    for n in (10, 300):
        schema = _many_tables_schema(tmp_path, n)
        project = api.load(schema)
        files = api.render_project(project, dialect="postgres").files
        with temp_pg_database(pg_server.dsn) as dsn:
            with connect_pg(dsn) as conn:
                conn.execute("\n".join(files[p] for p in sorted(files)))
            CountingCursor.statements = []
            with postgres_read_only(dsn, cursor_factory=CountingCursor) as conn:
                res = audit_mod.audit_connection(conn, project, "postgres")
            assert res.findings == [], [f.message for f in res.findings][:5]
            counts[n] = len(CountingCursor.statements)
    assert counts[10] == counts[300]
    assert counts[10] <= 15


# -- connection errors ------------------------------------------------------------------------------

def _one_line_error(res, *needles):
    assert res.exit_code == 2, res.output
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 1, res.output
    assert "Traceback" not in res.output
    for n in needles:
        assert n in lines[0], lines[0]
    return lines[0]


def test_unreachable_host(pg_dsn):
    line = _one_line_error(run_cli("--dsn", "postgresql://u:hunter2secret@127.0.0.1:1/db"), "connection refused")
    assert "hunter2secret" not in line


def test_unknown_database_never_prints_the_password(pg_server):
    dsn = pg_dsn_with_database(pg_server.dsn, "jst_no_such_db").replace("://postgres@", "://postgres:pw-s3cr3t@")
    line = _one_line_error(run_cli("--dsn", dsn), "does not exist")
    assert "pw-s3cr3t" not in line and "jst_no_such_db" in line


def test_unknown_host_name():
    _one_line_error(run_cli("--dsn", "postgresql://u:pw@no-such-host.invalid/db"), "unknown host")


def test_missing_connect_privilege(pg_dsn, pg_conn):
    db = pg_dsn.rsplit("/", 1)[1]
    role = "jst_noconnect_" + db[-6:]
    pg_conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(role)))
    pg_conn.execute(sql.SQL("REVOKE CONNECT ON DATABASE {} FROM PUBLIC").format(sql.Identifier(db)))
    try:
        _one_line_error(run_cli("--dsn", pg_dsn.replace("://postgres@", f"://{role}@")), "CONNECT privilege")
    finally:
        pg_conn.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(role)))


def test_no_dsn_at_all_is_a_usage_error():
    _one_line_error(run_cli(env={"JOBSCHEMA_DSN": "", "PGHOST": "", "PGDATABASE": "", "PGUSER": "", "PGPORT": "",
                                 "PGSERVICE": "", "PGHOSTADDR": ""}), "no database given")


def test_dsn_from_pg_variables(pg_dsn):
    build(pg_dsn, "iot")
    info = psycopg.conninfo.conninfo_to_dict(pg_dsn)
    env = {"JOBSCHEMA_DSN": "", "PGHOST": info.get("host", "127.0.0.1"), "PGPORT": str(info.get("port", 5432)),
           "PGUSER": info.get("user", "postgres"), "PGDATABASE": info["dbname"]}
    res = run_cli("--format", "json", env=env)
    assert res.exit_code == 0, res.output


def test_json_output_is_stable(pg_dsn):
    build(pg_dsn, "batch")
    apply_sql_pg(pg_dsn, SEED)
    a = run_cli("--dsn", pg_dsn, "--format", "json").output
    b = run_cli("--dsn", pg_dsn, "--format", "json").output
    assert a == b
    doc = json.loads(a)
    assert list(doc) == sorted(doc)
    assert set(doc) == {"data_checked", "dialect", "findings", "module", "namespace", "summary", "target", "version"}


def test_mysql_dsn_goes_through_the_same_command(mysql_dsn):
    from dbutil import apply_sql_mysql

    files = api.render_project(PROJECT, module="iot", dialect="mysql").files
    for path in sorted(files):
        apply_sql_mysql(mysql_dsn, files[path])
    apply_sql_mysql(mysql_dsn, "ALTER TABLE jobs ADD COLUMN junk int")
    res = run_cli("--dsn", mysql_dsn, "--format", "json")
    assert res.exit_code == 1, res.output
    doc = json.loads(res.output)
    assert (doc["dialect"], doc["module"]) == ("mysql", "iot")
    assert [(f["code"], f["path"]) for f in doc["findings"]] == [("JS361", "iot.jobs.junk")]
