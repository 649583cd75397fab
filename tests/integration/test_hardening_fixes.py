"""The fixes jobschema writes: they pass its own ``lint`` under every registered rule, and on MariaDB (no
transactional DDL) a fix written without row counts stops before it changes anything when a row holds a value
the fix cannot keep — it used to widen the ENUM, rewrite, then fail narrowing and stay half applied."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from dbutil import apply_sql_mysql, apply_sql_pg

from jobschema import api
from jobschema.cli import main

REPO = Path(__file__).resolve().parents[2]
SCHEMA = str(REPO / "schema")

# drift a person could cause on the batch module, each fixed by a different kind of step
DRIFT = {
    "postgres": [
        "DROP INDEX batch_jobs_status_idx",
        "ALTER TABLE batch_jobs DROP CONSTRAINT batch_jobs_status_check",
        "ALTER TABLE batch_jobs ADD CONSTRAINT batch_jobs_status_check CHECK (status IN ('pending', 'running', "
        "'completed', 'failed', 'cancelled', 'paused'))",
        "ALTER TABLE batch_jobs ALTER COLUMN name DROP NOT NULL",
    ],
    "mysql": [
        "ALTER TABLE batch_jobs DROP INDEX batch_jobs_status_idx",
        "ALTER TABLE batch_jobs MODIFY status enum('pending','running','completed','failed','cancelled','paused') "
        "NOT NULL DEFAULT 'pending'",
        "ALTER TABLE batch_jobs MODIFY name varchar(255) NULL",
    ],
}
ROWS = {
    "postgres": "INSERT INTO batch_jobs (name, job_type, status) VALUES ('a', 'g', 'pending'), ('b', 'g', 'running')",
    "mysql": "INSERT INTO batch_jobs (id, name, job_type, status) VALUES (uuid(), 'a', 'g', 'pending'), "
             "(uuid(), 'b', 'g', 'running')",
}


def run(*args: str):
    res = CliRunner().invoke(main, list(args))
    return res.exit_code, res.stdout + res.stderr


def _apply(engine: str, dsn: str, sql: str) -> None:
    (apply_sql_pg if engine == "postgres" else apply_sql_mysql)(dsn, sql)


def _drifted(engine: str, dsn: str) -> None:
    project = api.load(SCHEMA)
    for _path, text in sorted(api.render_project(project, "batch", engine).files.items()):
        _apply(engine, dsn, text)
    _apply(engine, dsn, ";\n".join(DRIFT[engine] + [ROWS[engine]]) + ";\n")


@pytest.mark.parametrize("engine, flags", [("postgres", []), ("postgres", ["--concurrently"]), ("mysql", [])],
                         ids=["postgres", "postgres-concurrently", "mysql"])
def test_written_fixes_lint_clean_under_every_rule(engine, flags, request, tmp_path):
    dsn = request.getfixturevalue("pg_dsn" if engine == "postgres" else "mysql_dsn")
    _drifted(engine, dsn)
    folder = tmp_path / "migrations" / "batch" / engine
    code, out = run("audit", "--dsn", dsn, "--schema", SCHEMA, "--module", "batch", "--write-migration",
                    "--dir", str(folder), *flags)
    assert code == 1 and "wrote" in out, out
    written = next(folder.glob("0001_*.sql")).read_text()
    code, out = run("lint", str(folder), "--select", "JS")
    assert code == 0, written + out  # every registered rule, errors and warnings alike
    expected = {("postgres", False): "jobschema:ignore JS202", ("mysql", False): "jobschema:ignore JS205"}
    if (engine, bool(flags)) in expected:  # the deliberate form says why it is what it is
        assert expected[engine, bool(flags)] in written
    if flags:  # --concurrently takes the safe form for indexes: no JS202 to excuse
        assert "CREATE INDEX CONCURRENTLY" in written and "JS202" not in written
    code, out = run("migrate", "--dsn", dsn, "--dir", str(folder))
    assert code == 0, out
    code, out = run("audit", "--dsn", dsn, "--schema", SCHEMA, "--module", "batch")
    assert code == 0, out


def _state(conn) -> tuple:
    with conn.cursor() as cur:
        cur.execute("SHOW CREATE TABLE batch_jobs")
        create = cur.fetchone()[1]
        cur.execute("SELECT name, status FROM batch_jobs ORDER BY name")
        return create, cur.fetchall()


def test_mariadb_fix_without_row_counts_stops_before_changing_anything(mysql_dsn, mysql_conn, tmp_path):
    _drifted("mysql", mysql_dsn)
    with mysql_conn.cursor() as cur:
        cur.execute("ALTER TABLE batch_jobs MODIFY status enum('pending','running','completed','failed','cancelled',"
                    "'paused','archived') NOT NULL DEFAULT 'pending'")
        cur.execute("INSERT INTO batch_jobs (id, name, job_type, status) VALUES (uuid(), 'c', 'g', 'archived')")
    folder = tmp_path / "migrations" / "batch" / "mysql"
    base = ("audit", "--dsn", mysql_dsn, "--schema", SCHEMA, "--module", "batch", "--write-migration", "--dir",
            str(folder), "--allow-destructive")  # removing an unmapped ENUM value is destructive
    code, out = run(*base)  # with row counts: refused, naming the row
    assert code == 2 and "1 row(s) with status = 'archived'" in out and not folder.exists(), out
    code, out = run(*base, "--no-data")  # without: written, with a guard first
    assert code == 1 and "wrote" in out, out
    before = _state(mysql_conn)
    code, out = run("migrate", "--dsn", mysql_dsn, "--dir", str(folder))
    assert code == 2 and "nothing was changed" in out and " 2 of " in out, out  # the guard, right after SET
    assert _state(mysql_conn) == before  # not widened, not rewritten: MariaDB has nothing to roll back
    # the person deals with the row and does what migrate said; the same file now applies whole
    with mysql_conn.cursor() as cur:
        cur.execute("UPDATE batch_jobs SET status = 'cancelled' WHERE status = 'archived'")
    if "migrate resolve" in out:
        code, out = run("migrate", "resolve", "0001", "--rolled-back", "--dsn", mysql_dsn, "--dir", str(folder))
        assert code == 0, out
    code, out = run("migrate", "--dsn", mysql_dsn, "--dir", str(folder))
    assert code == 0, out
    code, out = run("audit", "--dsn", mysql_dsn, "--schema", SCHEMA, "--module", "batch")
    assert code == 0, out
    assert sorted(s for _n, s in _state(mysql_conn)[1]) == ["cancelled", "processing", "queued"]
