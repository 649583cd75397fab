"""The shipped migrations/ history: a database in the state a seed documents, migrated with the committed
files, audits clean and keeps its rows (the documented states live in tests/cases/history/)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from dbutil import apply_sql_mysql, apply_sql_pg, connect_mysql, connect_pg

from jobschema import api
from jobschema.cli import main

ROOT = Path(__file__).resolve().parent.parent.parent
SCHEMA = str(ROOT / "schema")
HISTORY = ROOT / "tests" / "cases" / "history"
MODULES = sorted(p.name for p in HISTORY.iterdir() if p.is_dir())
APPLY = {"postgres": apply_sql_pg, "mysql": apply_sql_mysql}
LEGACY_ROWS = {
    "postgres": "INSERT INTO batch_jobs (name, job_type, status) VALUES ('a', 'x', 'pending'), ('b', 'x', 'running')",
    "mysql": "INSERT INTO batch_jobs (id, name, job_type, status) VALUES (UUID(), 'a', 'x', 'pending'), "
             "(UUID(), 'b', 'x', 'running')",
}


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def build_documented_state(dsn: str, module: str, dialect: str) -> None:
    files = api.render_project(api.load(SCHEMA), module, dialect).files
    for path in sorted(files):
        APPLY[dialect](dsn, files[path])
    APPLY[dialect](dsn, (HISTORY / module / f"documented.{dialect}.sql").read_text(encoding="utf-8"))


def statuses(dsn: str, dialect: str) -> list[str]:
    conn = connect_pg(dsn) if dialect == "postgres" else connect_mysql(dsn)
    try:
        cur = conn.cursor()
        cur.execute("SELECT status FROM batch_jobs ORDER BY name")
        return [r[0] for r in cur.fetchall()]
    finally:
        conn.close()


@pytest.mark.parametrize("module", MODULES)
@pytest.mark.parametrize("dialect", ["postgres", "mysql"])
def test_documented_state_migrates_to_the_schema(request, module, dialect):
    dsn = request.getfixturevalue("pg_dsn" if dialect == "postgres" else "mysql_dsn")
    build_documented_state(dsn, module, dialect)
    APPLY[dialect](dsn, LEGACY_ROWS[dialect])
    before = api.audit(dsn, SCHEMA, module=module)
    assert before.exit_code == 1, "the documented state must differ from the schema"
    folder = str(ROOT / "migrations" / module / dialect)
    assert os.path.isfile(os.path.join(folder, "jobschema.sum"))
    code, out = cli("migrate", "--dsn", dsn, "--dir", folder)
    assert code == 0, out
    after = api.audit(dsn, SCHEMA, module=module)
    assert after.exit_code == 0 and not [f for f in after.findings if f.severity.value != "info"], after.findings
    assert statuses(dsn, dialect) == ["queued", "processing"]  # legacy rows rewritten, none lost
    code, out = cli("migrate", "--dsn", dsn, "--dir", folder)  # applied once: a second run has nothing to do
    assert code == 0, out
    assert statuses(dsn, dialect) == ["queued", "processing"]


def test_check_verifies_the_history(monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out = cli("check")
    assert code == 0, out


def test_shipped_files_name_no_database():
    """A committed fix is applied to other databases: its header names neither the server nor the database
    the audit read (no DSN, no host, no scratch database name)."""
    files = sorted((ROOT / "migrations").rglob("*.sql"))
    assert files
    for path in files:
        header = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        assert "://" not in header and "database:" not in header and "jst_" not in header, path
