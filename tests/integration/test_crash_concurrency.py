"""Crash safety and concurrency of ``jobschema migrate`` (and of an audit beside it), against real servers.

- SIGKILL at random moments in the middle of files: PostgreSQL is left exactly at a file boundary with the
  history matching what the files did, and a rerun finishes the work, each file once. MariaDB, whose DDL is
  not transactional, keeps the interrupted file recorded and the next run refuses with instructions.
- Ten ``jobschema migrate`` processes started together apply each file exactly once.
- An audit running while a migrate changes the schema reports the old schema or the new one, never half.

Random kill points use ``random.Random(seed)`` with the seed in the assertion messages; the number of rounds
is JOBSCHEMA_PROPERTY_EXAMPLES // 20 (at least 2).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
from dbutil import connect_mysql, temp_mysql_database, temp_pg_database

from jobschema.migrate.directory import MigrationDir

REPO = Path(__file__).resolve().parents[2]
ROUNDS = max(2, int(os.environ.get("JOBSCHEMA_PROPERTY_EXAMPLES", "60")) // 20)


def migrate_cmd(dsn: str, folder: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "jobschema", "migrate", "--dsn", dsn, "--dir", str(folder), *extra]


def clean_env() -> dict:
    return {k: v for k, v in os.environ.items() if not k.startswith(("PG", "JOBSCHEMA_DSN"))}


def write_files(folder: Path, texts: list[str]) -> None:
    d = MigrationDir(str(folder))
    for i, text in enumerate(texts, 1):
        d.write(f"step{i}", text)


# ------------------------------------------------------------------------------------- 5. PostgreSQL

def pg_files(n: int) -> list[str]:
    """File k records itself in ``ran``, creates table t<k> and sleeps between statements."""
    return [f"INSERT INTO ran VALUES ({k});\nSELECT pg_sleep(0.15);\nCREATE TABLE t{k} (id int);\n"
            f"SELECT pg_sleep(0.15);\nINSERT INTO t{k} VALUES ({k});\n" for k in range(1, n + 1)]


def pg_state(conn) -> tuple[list[int], list[int], list[str]]:
    ran = [r[0] for r in conn.execute("SELECT k FROM ran ORDER BY k").fetchall()]
    tables = sorted(int(r[0][1:]) for r in conn.execute(
        "SELECT relname FROM pg_class WHERE relkind = 'r' AND relname ~ '^t[0-9]+$'").fetchall())
    history = [r[0] for r in conn.execute(
        "SELECT version FROM jobschema_migrations WHERE success ORDER BY version").fetchall()] \
        if conn.execute("SELECT to_regclass('jobschema_migrations')").fetchone()[0] else []
    return ran, tables, history


def wait_for_backend_gone(conn, app: str = "jobschema migrate", timeout: float = 15) -> None:
    """The killed client's session ends (client_connection_check_interval) and rolls its transaction back."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not conn.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = %s AND "
                            "datname = current_database()", (app,)).fetchone()[0]:
            return
        time.sleep(0.05)
    raise AssertionError("the killed migrate's session is still open")


def test_pg_sigkill_at_random_points_leaves_a_file_boundary(pg_server, tmp_path):
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    for round_ in range(ROUNDS):
        n = 5
        folder = tmp_path / f"r{round_}" / "jobs" / "postgres"
        write_files(folder, pg_files(n))
        with temp_pg_database(pg_server.dsn) as dsn, psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute("CREATE TABLE ran (k int)")
            delay = rng.uniform(0.6, 0.6 + n * 0.33)  # start-up, then somewhere inside one of the files
            proc = subprocess.Popen(migrate_cmd(dsn, folder), cwd=REPO, env=clean_env(),
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=10)
            wait_for_backend_gone(conn)
            ran, tables, history = pg_state(conn)
            applied = [int(v) for v in history]
            note = f"seed {seed}, round {round_}, kill after {delay:.2f}s"
            # exactly a prefix of whole files: what the history says ran is what ran, nothing more
            assert applied == list(range(1, len(applied) + 1)), note
            assert ran == applied and tables == applied, (note, ran, tables, applied)
            if history:  # no row other than finished files: a transactional file leaves no "started" row
                assert conn.execute("SELECT count(*) FROM jobschema_migrations WHERE success IS NOT TRUE"
                                    ).fetchone()[0] == 0, note
            res = subprocess.run(migrate_cmd(dsn, folder, "--lock-wait", "20"), cwd=REPO, env=clean_env(),
                                 capture_output=True, text=True, timeout=60)
            assert res.returncode == 0, (note, res.stdout, res.stderr)
            ran, tables, history = pg_state(conn)
            assert ran == list(range(1, n + 1)) and tables == ran, (note, ran, tables)  # each file once
            assert [int(v) for v in history] == ran, note
            rows = conn.execute("SELECT count(*) FROM t1").fetchone()[0]
            assert rows == 1, note


# ---------------------------------------------------------------------------------------- 5. MariaDB

def mysql_files(n: int) -> list[str]:
    return [f"INSERT INTO ran VALUES ({k});\nDO SLEEP(0.15);\nCREATE TABLE t{k} (id INT);\nDO SLEEP(0.15);\n"
            f"INSERT INTO t{k} VALUES ({k});\n" for k in range(1, n + 1)]


def test_mariadb_sigkill_mid_file_is_recorded_and_the_next_run_refuses(mysql_server, tmp_path):
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    for round_ in range(ROUNDS):
        n = 4
        folder = tmp_path / f"r{round_}" / "jobs" / "mysql"
        write_files(folder, mysql_files(n))
        with temp_mysql_database(mysql_server.dsn) as dsn:
            conn = connect_mysql(dsn)
            try:
                with conn.cursor() as cur:
                    cur.execute("CREATE TABLE ran (k INT)")
                delay = rng.uniform(0.6, 0.6 + n * 0.3)
                proc = subprocess.Popen(migrate_cmd(dsn, folder), cwd=REPO, env=clean_env(),
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                time.sleep(delay)
                proc.send_signal(signal.SIGKILL)
                proc.wait(timeout=10)
                note = f"seed {seed}, round {round_}, kill after {delay:.2f}s"
                time.sleep(0.3)  # the server drops the dead client's session and its GET_LOCK
                with conn.cursor() as cur:
                    cur.execute("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() "
                                "AND table_name = 'jobschema_migrations'")
                    if not cur.fetchone()[0]:
                        continue  # killed before the history table existed: nothing ran
                    cur.execute("SELECT version, success, statements_done FROM jobschema_migrations ORDER BY version")
                    rows = [(int(v), s, d) for v, s, d in cur.fetchall()]
                    cur.execute("SELECT k FROM ran ORDER BY k")
                    ran = [r[0] for r in cur.fetchall()]
                finished = [v for v, s, _ in rows if s == 1]
                open_rows = [(v, d) for v, s, d in rows if s is None]
                assert finished == list(range(1, len(finished) + 1)), (note, rows)
                assert len(open_rows) <= 1 and all(s in (1, None) for _, s, _ in rows), (note, rows)
                res = subprocess.run(migrate_cmd(dsn, folder, "--lock-wait", "20"), cwd=REPO, env=clean_env(),
                                     capture_output=True, text=True, timeout=60)
                if not open_rows:  # killed between files: a file boundary, and the rerun finishes
                    assert ran == finished, (note, ran, rows)
                    assert res.returncode == 0, (note, res.stderr)
                    with conn.cursor() as cur:
                        cur.execute("SELECT k FROM ran ORDER BY k")
                        assert [r[0] for r in cur.fetchall()] == list(range(1, n + 1)), note
                    continue
                (version, done), = open_rows
                # the record is exact up to one statement: the row is updated after each one
                first_ran = version in ran
                assert (done >= 1) <= first_ran, (note, rows, ran)
                assert ran == finished + ([version] if first_ran else []), (note, ran, rows)
                # the next run does not guess: it refuses, names the file and says how to go on
                assert res.returncode == 2, (note, res.stdout, res.stderr)
                assert "Traceback" not in res.stderr
                assert f"000{version}_step{version}.sql was interrupted" in res.stderr, (note, res.stderr)
                assert f"migrate resolve 000{version}" in res.stderr and "--rolled-back" in res.stderr, res.stderr
                with conn.cursor() as cur:
                    cur.execute("SELECT k FROM ran ORDER BY k")
                    assert [r[0] for r in cur.fetchall()] == ran, note  # the refusing run changed nothing
            finally:
                conn.close()


# ------------------------------------------------------------------------------------ 6. concurrency

def test_pg_ten_migrate_processes_apply_each_file_once(pg_dsn, pg_conn, tmp_path):
    pg_conn.execute("CREATE TABLE ran (k int)")
    folder = tmp_path / "jobs" / "postgres"
    write_files(folder, [f"INSERT INTO ran VALUES ({k});\nSELECT pg_sleep(0.05);\n" for k in range(1, 6)]
                + ["-- jobschema:no-transaction\nINSERT INTO ran VALUES (6);\n"])
    procs = [subprocess.Popen(migrate_cmd(pg_dsn, folder), cwd=REPO, env=clean_env(), stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True) for _ in range(10)]
    outs = [p.communicate(timeout=120)[0] for p in procs]
    assert [p.returncode for p in procs] == [0] * 10, outs
    assert [r[0] for r in pg_conn.execute("SELECT k FROM ran ORDER BY k").fetchall()] == [1, 2, 3, 4, 5, 6]
    assert pg_conn.execute("SELECT count(*), bool_and(success) FROM jobschema_migrations").fetchone() == (6, True)


def test_mariadb_ten_migrate_processes_apply_each_file_once(mysql_dsn, mysql_conn, tmp_path):
    with mysql_conn.cursor() as cur:
        cur.execute("CREATE TABLE ran (k INT)")
    folder = tmp_path / "jobs" / "mysql"
    write_files(folder, [f"INSERT INTO ran VALUES ({k});\nCREATE TABLE t{k} (id INT);\n" for k in range(1, 6)])
    procs = [subprocess.Popen(migrate_cmd(mysql_dsn, folder), cwd=REPO, env=clean_env(), stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True) for _ in range(10)]
    outs = [p.communicate(timeout=120)[0] for p in procs]
    assert [p.returncode for p in procs] == [0] * 10, outs
    with mysql_conn.cursor() as cur:
        cur.execute("SELECT k FROM ran ORDER BY k")
        assert [r[0] for r in cur.fetchall()] == [1, 2, 3, 4, 5]
        cur.execute("SELECT COUNT(*), MIN(success) FROM jobschema_migrations")
        assert cur.fetchone() == (5, 1)


SCHEMA_JOBS = """\
table: jobs
columns:
  - {name: id, type: bigint, nullable: false}
  - {name: status, type: text, nullable: false, default: queued, enum: [queued, done]}
  - {name: note, type: text}
  - {name: owner, type: text}
primary_key: [id]
indexes:
  - {name: jobs_status_idx, columns: [status]}
"""


def test_pg_audit_during_migrate_sees_old_or_new_schema_never_half(pg_dsn, pg_conn, tmp_path):
    """A migration adds two columns, an index and a CHECK in one file, with pauses between statements;
    audits started throughout report the whole old drift or nothing, never a part of it."""
    root = tmp_path / "schema"
    (root / "m" / "tables").mkdir(parents=True)
    (root / "m" / "module.yaml").write_text("module: m\n")
    (root / "m" / "tables" / "jobs.yaml").write_text(SCHEMA_JOBS)
    pg_conn.execute("CREATE TABLE jobs (id bigint PRIMARY KEY, status text NOT NULL DEFAULT 'queued')")
    pg_conn.execute("INSERT INTO jobs SELECT g, 'queued' FROM generate_series(1, 100) g")
    folder = tmp_path / "jobs" / "postgres"
    write_files(folder, [
        "ALTER TABLE jobs ADD COLUMN note text;\nSELECT pg_sleep(0.4);\n"
        "ALTER TABLE jobs ADD COLUMN owner text;\nSELECT pg_sleep(0.4);\n"
        "CREATE INDEX jobs_status_idx ON jobs (status);\nSELECT pg_sleep(0.4);\n"
        "ALTER TABLE jobs ADD CONSTRAINT jobs_status_check CHECK (status IN ('queued', 'done'));\n"])

    def audit() -> tuple[int, frozenset]:
        res = subprocess.run([sys.executable, "-m", "jobschema", "audit", "--dsn", pg_dsn, "--schema", str(root),
                              "--format", "json", "--no-data"], cwd=REPO, env=clean_env(), capture_output=True,
                             text=True, timeout=60)
        assert res.returncode in (0, 1), res.stderr
        return res.returncode, frozenset(f["path"] for f in json.loads(res.stdout)["findings"])

    old = audit()
    assert old[0] == 1 and len(old[1]) >= 4, old  # two columns, an index and a CHECK are missing
    mig = subprocess.Popen(migrate_cmd(pg_dsn, folder), cwd=REPO, env=clean_env(), stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
    seen = []
    while mig.poll() is None:
        seen.append(audit())  # each audit reads the catalog in one REPEATABLE READ snapshot
    assert mig.wait(timeout=60) == 0, mig.stdout.read()
    seen.append(audit())
    assert seen[-1] == (0, frozenset()), seen[-1]
    torn = [s for s in seen if s not in (old, (0, frozenset()))]
    assert not torn, torn
    assert len(seen) >= 2


def test_mariadb_audit_during_migrate_reports_each_statement_boundary(mysql_dsn, mysql_conn, tmp_path):
    """MariaDB commits each DDL statement on its own, so an audit can see a migration file half applied;
    what it promises is a report true to a statement boundary: every audit's findings are exactly those of
    the schema after some prefix of the file's statements, never a state no statement boundary had."""
    root = tmp_path / "schema"
    (root / "m" / "tables").mkdir(parents=True)
    (root / "m" / "module.yaml").write_text("module: m\n")
    (root / "m" / "tables" / "jobs.yaml").write_text(SCHEMA_JOBS)
    with mysql_conn.cursor() as cur:
        cur.execute("CREATE TABLE jobs (id BIGINT NOT NULL PRIMARY KEY, status ENUM('queued','done') NOT NULL "
                    "DEFAULT 'queued')")
    statements = ["ALTER TABLE jobs ADD COLUMN note TEXT NULL", "ALTER TABLE jobs ADD COLUMN owner TEXT NULL",
                  "CREATE INDEX jobs_status_idx ON jobs (status)"]
    folder = tmp_path / "jobs" / "mysql"
    write_files(folder, ["\nDO SLEEP(0.4);\n".join(s + ";" for s in statements) + "\n"])

    def audit() -> frozenset:
        res = subprocess.run([sys.executable, "-m", "jobschema", "audit", "--dsn", mysql_dsn, "--schema", str(root),
                              "--format", "json", "--no-data"], cwd=REPO, env=clean_env(), capture_output=True,
                             text=True, timeout=60)
        assert res.returncode in (0, 1), res.stderr
        return frozenset(f["path"] for f in json.loads(res.stdout)["findings"])

    # the report at every statement boundary, measured on a scratch copy first
    boundaries = [audit()]
    with temp_mysql_database(mysql_dsn) as scratch:
        conn = connect_mysql(scratch)
        try:
            with conn.cursor() as cur:
                cur.execute("CREATE TABLE jobs (id BIGINT NOT NULL PRIMARY KEY, status ENUM('queued','done') "
                            "NOT NULL DEFAULT 'queued')")
                for stmt in statements:
                    cur.execute(stmt)
                    res = subprocess.run([sys.executable, "-m", "jobschema", "audit", "--dsn", scratch, "--schema",
                                          str(root), "--format", "json", "--no-data"], cwd=REPO, env=clean_env(),
                                         capture_output=True, text=True, timeout=60)
                    boundaries.append(frozenset(f["path"] for f in json.loads(res.stdout)["findings"]))
        finally:
            conn.close()
    assert boundaries[-1] == frozenset() and len(set(boundaries)) == len(boundaries), boundaries
    mig = subprocess.Popen(migrate_cmd(mysql_dsn, folder), cwd=REPO, env=clean_env(), stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
    seen = []
    while mig.poll() is None:
        seen.append(audit())
    assert mig.wait(timeout=60) == 0, mig.stdout.read()
    seen.append(audit())
    assert seen[-1] == frozenset()
    assert all(s in boundaries for s in seen), (seen, boundaries)
