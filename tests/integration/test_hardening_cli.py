"""Manners a new user tripped over: options that mean nothing alone, exit codes CI gates on, a closed pipe,
an ``--out`` that is a module folder, report files checked before the work. Each fails on the old behaviour."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner
from dbutil import engine_db, table_names

from jobschema.cli import main
from jobschema.migrate.directory import MigrationDir

REPO = Path(__file__).resolve().parents[2]
ENGINES = ["postgres", "mysql"]


def _one_line_error(res, *needles: str) -> str:
    out = res.stdout + res.stderr
    assert res.exit_code == 2, out
    assert "Traceback" not in out and "internal error" not in out, out
    lines = [x for x in res.stderr.splitlines() if x.strip()]
    assert len(lines) == 1, out
    for n in needles:
        assert n in lines[0], out
    return lines[0]


def _folder(tmp_path: Path, dialect: str, files: dict[str, str], module: str = "jobs") -> Path:
    folder = tmp_path / module / dialect
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text)
    MigrationDir(str(folder)).rehash()
    return folder


# ------------------------------------------------------------------------------- option dependencies

@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("args, needle", [
    (["audit", "--module", "batch", "--dir", "{tmp}/m"], "--dir only applies with --write-migration"),
    (["audit", "--module", "batch", "--allow-destructive"], "--allow-destructive only applies"),
    (["audit", "--module", "batch", "--concurrently", "--allow-not-valid"], "--allow-not-valid, --concurrently"),
    (["migrate", "resolve", "0001", "--applied", "--rolled-back", "--dir", "{tmp}/jobs/{engine}"],
     "--applied or --rolled-back (exactly one)"),
], ids=["dir", "destructive", "pg-flags", "resolve-both"])
def test_option_that_needs_another_is_an_error(engine, args, needle, request, tmp_path):
    dsn, conn = engine_db(request, engine)
    _folder(tmp_path, engine, {"0001_t.sql": "CREATE TABLE t (id int);\n"})
    args = [a.replace("{tmp}", str(tmp_path)).replace("{engine}", engine) for a in args]
    res = CliRunner().invoke(main, [*args, "--dsn", dsn])
    _one_line_error(res, needle)
    assert not {"jobschema_migrations", "t"} & table_names(conn, engine)  # nothing ran, nothing was recorded


def test_negative_lock_wait_is_refused(pg_dsn, pg_conn, tmp_path):
    folder = _folder(tmp_path, "postgres", {"0001_t.sql": "CREATE TABLE t (id int);\n"})
    res = CliRunner().invoke(main, ["migrate", "--dsn", pg_dsn, "--dir", str(folder), "--lock-wait", "-5"])
    assert res.exit_code == 2 and "--lock-wait" in res.output and "Traceback" not in res.output, res.output
    assert not table_names(pg_conn, "postgres")


# ----------------------------------------------------------------------------- checked before the work

@pytest.mark.parametrize("engine", ENGINES)
def test_report_file_in_a_missing_folder_is_refused_before_the_audit(engine, request):
    dsn, _ = engine_db(request, engine)
    for fmt in ("json", "sarif"):
        res = CliRunner().invoke(main, ["audit", "--dsn", dsn, "--module", "batch", "--format", fmt,
                                        "-o", "/nonexistent/x.json"])
        _one_line_error(res, "-o/--output /nonexistent/x.json", "no such folder")
        assert not res.stdout  # no report was produced: the audit never ran


@pytest.mark.parametrize("engine", ENGINES)
def test_a_tiny_statement_timeout_is_a_clear_message(engine, request):
    """``--statement-timeout 1`` used to end the PostgreSQL session by its idle-in-transaction timeout while
    the audit worked between queries: an internal error instead of the timeout it was asked for."""
    dsn, _ = engine_db(request, engine)
    for module in ("campaign", "batch", "campaign"):
        res = CliRunner().invoke(main, ["audit", "--dsn", dsn, "--module", module, "--statement-timeout", "1"])
        if res.exit_code == 2:
            _one_line_error(res, "statement timeout")
        else:  # a server fast enough for 1 ms per query: a normal report
            assert res.exit_code == 1 and "drift" in res.output, res.output
    if engine == "postgres":
        from jobschema.dialects.postgres.session import begin_read_only

        with psycopg.connect(dsn) as conn:
            begin_read_only(conn, 1)
            idle = conn.execute("SELECT current_setting('idle_in_transaction_session_timeout')").fetchone()[0]
        assert idle == "1min", idle


# ----------------------------------------------------------------------------------- inspect and check

def test_inspect_reads_the_pg_variables(pg_dsn, pg_conn, tmp_path, monkeypatch):
    pg_conn.execute("CREATE TABLE jobs (id integer PRIMARY KEY)")
    info = psycopg.conninfo.conninfo_to_dict(pg_dsn)
    monkeypatch.delenv("JOBSCHEMA_DSN", raising=False)
    for var, key in (("PGHOST", "host"), ("PGPORT", "port"), ("PGUSER", "user"), ("PGDATABASE", "dbname"),
                     ("PGPASSWORD", "password")):
        if info.get(key):
            monkeypatch.setenv(var, str(info[key]))
        else:
            monkeypatch.delenv(var, raising=False)
    out = tmp_path / "schema"
    res = CliRunner().invoke(main, ["inspect", "--module", "m", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert (out / "m" / "tables" / "jobs.yaml").is_file()
    help_text = CliRunner().invoke(main, ["inspect", "--help"]).output
    dsn_help = help_text[help_text.index("--dsn"):help_text.index("--module")]
    assert "required" not in dsn_help and "JOBSCHEMA_DSN" in dsn_help, dsn_help


def test_check_has_the_schema_option_its_message_suggests(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(main, ["check"])
    line = _one_line_error(res, "schema folder does not exist")
    assert "--schema" in line
    (tmp_path / "s" / "m" / "tables").mkdir(parents=True)
    (tmp_path / "s" / "m" / "module.yaml").write_text("module: m\n")
    (tmp_path / "s" / "m" / "tables" / "jobs.yaml").write_text("table: jobs\ncolumns:\n  - {name: id, type: integer}\n")
    res = CliRunner().invoke(main, ["check", "--schema", "s"])
    assert res.exit_code == 1, res.output  # runs: generated/ is missing, which check reports
    assert "generate: " in res.output and "is missing (run `jobschema generate`)" in res.output


# -------------------------------------------------------------------------------------- migrate status

LONG = "0002_rewrite_legacy_status_values_and_add_the_batch_jobs_status_check_constraint_not_valid.sql"


@pytest.mark.parametrize("engine", ENGINES)
def test_migrate_status_exit_codes_and_full_file_names(engine, request, tmp_path):
    dsn, conn = engine_db(request, engine)
    folder = _folder(tmp_path, engine, {"0001_jobs.sql": "CREATE TABLE jobs (id int PRIMARY KEY);\n",
                                        LONG: "ALTER TABLE jobs ADD COLUMN note varchar(20);\n"})

    def status() -> tuple[int, str]:
        res = CliRunner().invoke(main, ["migrate", "status", "--dsn", dsn, "--dir", str(folder)])
        return res.exit_code, res.output

    code, out = status()
    assert code == 1 and LONG in out and "2 pending" in out, out
    assert CliRunner().invoke(main, ["migrate", "--dsn", dsn, "--dir", str(folder)]).exit_code == 0
    code, out = status()
    assert code == 0 and LONG in out and "0 pending, 0 needing attention" in out, out
    (folder / LONG).write_text("ALTER TABLE jobs ADD COLUMN note varchar(30);\n")  # edited after it ran
    MigrationDir(str(folder)).rehash()
    code, out = status()
    assert code == 1 and "edited" in out, out
    (folder / LONG).write_text("ALTER TABLE jobs ADD COLUMN note varchar(20);\n")
    (folder / "0003_broken.sql").write_text("ALTER TABLE no_such_table ADD COLUMN x int;\n")
    MigrationDir(str(folder)).rehash()
    assert CliRunner().invoke(main, ["migrate", "--dsn", dsn, "--dir", str(folder)]).exit_code == 2
    code, out = status()
    assert code == 1 and ("failed" in out or "pending" in out), out
    res = CliRunner().invoke(main, ["migrate", "status", "--dsn", dsn.replace("://", "://nobody:x@", 1)
                                    if "@" not in dsn else dsn.replace("@", "x@", 1), "--dir", str(folder)])
    assert res.exit_code == 2, res.output


# ------------------------------------------------------------------------------------- closed stdout

@pytest.mark.parametrize("engine", ENGINES)
def test_closed_stdout_does_not_stop_a_migration_halfway(engine, request, tmp_path):
    dsn, conn = engine_db(request, engine)
    folder = _folder(tmp_path, engine, {f"000{i}_t{i}.sql": f"CREATE TABLE t{i} (id int);\n" for i in range(1, 5)})
    proc = subprocess.Popen([sys.executable, "-m", "jobschema", "migrate", "--dsn", dsn, "--dir", str(folder)],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = proc.stdout.readline()  # `| head -1`
    proc.stdout.close()
    err = proc.stderr.read()
    code = proc.wait(timeout=60)
    assert first.startswith("applied jobs/0001_t1.sql"), first
    assert code == 0 and "Traceback" not in err, err
    assert "standard output was closed" in err
    assert {"t1", "t2", "t3", "t4"} <= table_names(conn, engine)
    res = CliRunner().invoke(main, ["migrate", "status", "--dsn", dsn, "--dir", str(folder)])
    assert res.exit_code == 0 and "4 file(s): 0 pending" in res.output, res.output


# ------------------------------------------------------------------------------ --out of import/inspect

def test_out_given_a_module_folder_is_refused(pg_dsn, pg_conn, tmp_path):
    pg_conn.execute("CREATE TABLE jobs (id integer PRIMARY KEY)")
    module = tmp_path / "schema" / "batch"
    module.mkdir(parents=True)
    (module / "module.yaml").write_text("module: batch\n")
    src = tmp_path / "dump.sql"
    src.write_text("CREATE TABLE jobs (id integer PRIMARY KEY);\n")
    for args in (["inspect", "--dsn", pg_dsn, "--module", "batch"],
                 ["import", str(src), "--dialect", "postgres", "--module", "batch"]):
        res = CliRunner().invoke(main, [*args, "--out", str(module), "--force"])
        _one_line_error(res, "is a module folder (it holds module.yaml)", f"--out {tmp_path / 'schema'}")
    assert sorted(os.listdir(module)) == ["module.yaml"]


# ---------------------------------------------------------------------------------- escaped summaries

HOSTILE = "ev\x1b[31mil\nforged"


@pytest.mark.parametrize("engine", ENGINES)
def test_migrate_summaries_escape_control_characters(engine, request, tmp_path):
    dsn, _ = engine_db(request, engine)
    folder = _folder(tmp_path, engine, {"0001_t.sql": "CREATE TABLE t (id int);\n"}, module=HOSTILE)
    for args in (["migrate", "--dry-run"], ["migrate"], ["migrate", "status"]):
        res = CliRunner().invoke(main, [args[0], *args[1:], "--dsn", dsn, "--dir", str(folder)])
        assert res.exit_code == 0, res.output
        assert "\x1b" not in res.output and "ev\\x1b[31mil\\nforged" in res.output, res.output
        assert not any(line.startswith("forged") for line in res.output.splitlines())


# ------------------------------------------------------------------------------------- MySQL has databases

def test_mysql_reports_name_the_database_not_a_namespace(mysql_dsn, mysql_conn, tmp_path):
    import json

    from dbutil import database_of

    db = database_of(mysql_dsn)
    res = CliRunner().invoke(main, ["audit", "--dsn", mysql_dsn, "--module", "batch"])
    assert res.exit_code == 1, res.output
    summary = res.stdout.strip().splitlines()[-1]
    assert f"(mysql, database {db})" in summary and "namespace" not in summary, summary
    # the findings too: a missing table is looked for in the database, and named with it
    assert f"table batch_jobs does not exist in database {db}" in res.stdout, res.stdout
    assert f"expected: {db}.batch_jobs with" in res.stdout and "public" not in res.stdout, res.stdout
    res = CliRunner().invoke(main, ["audit", "--dsn", mysql_dsn, "--module", "batch", "--format", "json"])
    assert json.loads(res.stdout)["database"] == db
    # inspect's notes name objects by the database read (mysql:<db>.table), never a "public" namespace
    with mysql_conn.cursor() as cur:
        cur.execute("CREATE TABLE jobs (id integer PRIMARY KEY)")
        cur.execute("CREATE TABLE jobschema_migrations (module varchar(200) NOT NULL, version varchar(200) "
                    "NOT NULL, PRIMARY KEY (module, version))")
        cur.execute("CREATE TABLE parts (id integer NOT NULL) PARTITION BY HASH (id) PARTITIONS 2")
    res = CliRunner().invoke(main, ["inspect", "--dsn", mysql_dsn, "--module", "m", "--out", str(tmp_path / "s")])
    assert res.exit_code == 0, res.output
    assert f"mysql:{db}.jobschema_migrations" in res.stderr and f"mysql:{db}.parts" in res.stderr, res.stderr
    assert "public" not in res.output, res.output
