"""The seed-001 fix on a table that is being written to, against real servers: step-by-step runs that are
killed and resumed, the locks each step really takes, and lock timeouts that retry and then name the session
in the way.

The shipped ``migrations/batch/<dialect>`` files are what runs: the documented state is built first (the live
CHECK and default of seed 001), then ``batch_jobs`` is filled with rows, one in ten holding a legacy value.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import pytest
from dbutil import connect_mysql, temp_pg_database
from test_migration_history import build_documented_state

from jobschema import api
from jobschema.dialects.postgres.split import split_statements
from jobschema.migrate import executor, units
from jobschema.migrate.directory import MigrationDir
from jobschema.plan.steps import _lock_rank

REPO = Path(__file__).resolve().parents[2]
SCHEMA = str(REPO / "schema")
SHIPPED = REPO / "migrations" / "batch"
ROUNDS = max(2, int(os.environ.get("JOBSCHEMA_PROPERTY_EXAMPLES", "60")) // 20)
LEGACY = ("pending", "running")

FILL_PG = """INSERT INTO batch_jobs (name, job_type, status)
SELECT 'job ' || g, 'gen', CASE WHEN g % 20 = 0 THEN 'pending' WHEN g % 20 = 1 THEN 'running' ELSE 'completed' END
FROM generate_series(1, {n}) g"""


def migrate_cmd(dsn: str, folder: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "jobschema", "migrate", "--dsn", dsn, "--dir", str(folder), *extra]


def clean_env() -> dict:
    return {k: v for k, v in os.environ.items() if not k.startswith(("PG", "JOBSCHEMA_DSN"))}


def copy_shipped(dialect: str, to: Path) -> Path:
    folder = to / "batch" / dialect
    folder.mkdir(parents=True)
    for f in (SHIPPED / dialect).iterdir():
        (folder / f.name).write_bytes(f.read_bytes())
    MigrationDir(str(folder)).verify()
    return folder


def counts(conn) -> dict[str, int]:
    return dict(conn.execute("SELECT status, count(*) FROM batch_jobs GROUP BY status").fetchall())


def history(conn) -> tuple | None:
    if not conn.execute("SELECT to_regclass('jobschema_migrations')").fetchone()[0]:
        return None
    return conn.execute("SELECT success, steps_done, resume_at FROM jobschema_migrations").fetchone()


class Writer(threading.Thread):
    """An application connection inserting new jobs and moving old ones on, committing each write."""

    def __init__(self, dsn: str):
        super().__init__(daemon=True)
        self.conn = psycopg.connect(dsn, autocommit=True)
        self.stop = threading.Event()
        self.inserted = 0
        self.errors: list[str] = []

    def run(self) -> None:
        rng = random.Random(7)
        while not self.stop.is_set():
            try:
                if rng.random() < 0.5:
                    self.conn.execute("INSERT INTO batch_jobs (name, job_type, status) VALUES ('w', 'gen', 'paused')")
                    self.inserted += 1
                else:
                    self.conn.execute("UPDATE batch_jobs SET status = 'failed' WHERE id = (SELECT id FROM batch_jobs "
                                      "WHERE status = 'completed' LIMIT 1 OFFSET %s)", (rng.randrange(100),))
            except psycopg.Error as exc:
                self.errors.append(str(exc).splitlines()[0])
            time.sleep(0.002)
        self.conn.close()


def test_pg_sigkill_during_the_fix_resumes_and_loses_nothing(pg_server, tmp_path):
    """Killed at random moments while a writer works on the table, every rerun continues from the step (and
    the batch key) the history records; the last one finishes with every row kept and every legacy value
    rewritten, and no write of the application failed."""
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    n = 4000
    for round_ in range(ROUNDS):
        folder = copy_shipped("postgres", tmp_path / f"r{round_}")
        with temp_pg_database(pg_server.dsn) as dsn, psycopg.connect(dsn, autocommit=True) as conn:
            build_documented_state(dsn, "batch", "postgres")
            conn.execute(FILL_PG.format(n=n))
            legacy_before = {k: v for k, v in counts(conn).items() if k in LEGACY}
            writer = Writer(dsn)
            writer.start()
            seen_states = set()
            landed = 0  # kills after the history row was written (a kill before it: test_crash_concurrency)
            for attempt in range(12):
                if landed == 4:
                    break
                # killed a random moment after a random point of the run the history shows (its row written,
                # a step done, a batch recorded, the backfills done), so the kill lands inside the run however
                # fast or slow the machine is; a kill before the row exists is test_crash_concurrency's
                mark, delay = rng.choice(MILESTONES), rng.uniform(0.0, 0.15)
                note = f"seed {seed}, round {round_}, kill {attempt} {delay:.2f}s after {mark}"
                proc = subprocess.Popen(migrate_cmd(dsn, folder, "--batch-size", "20", "--pause-ms", "30"),
                                        cwd=REPO, env=clean_env(), stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
                started = time.monotonic()
                while time.monotonic() - started < 60 and proc.poll() is None and not reached(history(conn), mark):
                    time.sleep(0.005)
                time.sleep(delay)
                proc.send_signal(signal.SIGKILL)
                proc.wait(timeout=10)
                wait_for_backend_gone(conn)
                h = history(conn)
                if h is not None and h[0] is True:
                    break
                if h is not None:
                    landed += 1
                    success, steps, position = h
                    seen_states.add((steps, position is not None))
                    assert success is None, note
                    left = counts(conn)
                    if steps >= 2:  # the new rule is in, NOT VALID, and the default is the new one
                        assert conn.execute("SELECT convalidated FROM pg_constraint WHERE conname = "
                                            "'batch_jobs_status_check'").fetchone() == (steps >= 5,), note
                    if steps >= 3:
                        assert "pending" not in left, note
                    if steps == 2 and position is not None:  # rows up to the recorded key are rewritten
                        assert conn.execute("SELECT count(*) FROM batch_jobs WHERE status = 'pending' AND id <= %s",
                                            (position,)).fetchone()[0] == 0, note
            res = subprocess.run(migrate_cmd(dsn, folder, "--batch-size", "40", "--lock-wait", "20"), cwd=REPO,
                                 env=clean_env(), capture_output=True, text=True, timeout=120)
            writer.stop.set()
            writer.join(10)
            note = f"seed {seed}, round {round_}, states seen {sorted(seen_states)}"
            assert seen_states, note  # at least one kill landed inside the run
            assert res.returncode == 0, (note, res.stdout, res.stderr)
            after = counts(conn)
            assert sum(after.values()) == n + writer.inserted, (note, after)  # no row lost, none doubled
            assert not set(after) & set(LEGACY), (note, after)
            assert after.get("queued", 0) == legacy_before["pending"], note
            assert writer.errors == [], (note, writer.errors[:3])
            assert history(conn) == (True, 5, None), note
            assert api.audit(dsn, SCHEMA, module="batch").exit_code == 0, note


MILESTONES = ("its history row", "a step", "a batch", "the backfills")


def reached(h: tuple | None, mark: str) -> bool:
    """Whether the run the history row ``h`` describes has passed ``mark`` (one of ``MILESTONES``)."""
    if h is None:
        return False
    success, steps, position = h
    return bool(success) or {"its history row": True, "a step": steps >= 1,
                             "a batch": position is not None or steps >= 3, "the backfills": steps >= 3}[mark]


def migrate_sessions(conn) -> int:
    return conn.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'jobschema migrate' "
                        "AND datname = current_database()").fetchone()[0]


def wait_for_backend_gone(conn, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not migrate_sessions(conn):
            return
        time.sleep(0.05)
    raise AssertionError("the killed migrate's session is still open")


class HoldWriter(executor.Events):
    """Before each step starts, an application transaction writes a row and stays open (it holds ROW
    EXCLUSIVE, what every writer takes). A step whose lock conflicts with writers must then wait for it:
    ``pg_locks`` shows the mode that step asks for, which must be no stronger than its ``-- jobschema:step``
    line says. A step that does not wait finishes while the writer is still open, which proves it let the
    writer through."""

    def __init__(self, dsn: str, declared: dict[int, str]):
        self.dsn, self.declared = dsn, declared
        self.observed: dict[int, str | None] = {}
        self.watch = psycopg.connect(dsn, autocommit=True)
        self.threads: list[threading.Thread] = []

    def unit_started(self, module, file, number, total, attrs) -> None:
        writer = psycopg.connect(self.dsn)
        writer.execute("INSERT INTO batch_jobs (name, job_type, status) VALUES ('held', 'gen', 'paused')")
        self.threads.append(threading.Thread(target=self._observe, args=(number, writer), daemon=True))
        self.threads[-1].start()

    def _observe(self, number: int, writer) -> None:
        deadline = time.monotonic() + 30  # a loaded machine polls slowly; a step ends the wait early
        mode = None
        while time.monotonic() < deadline:
            row = self.watch.execute(
                "SELECT l.mode FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted "
                "AND a.application_name = 'jobschema migrate' AND a.datname = current_database() "
                "AND l.relation = 'batch_jobs'::regclass").fetchone()
            done = self.watch.execute("SELECT steps_done FROM jobschema_migrations").fetchone()
            if done and done[0] is not None and done[0] >= number:
                break  # this step finished (a wait seen now is a later step's)
            if row:
                mode = row[0]
                break
            time.sleep(0.01)
        self.observed[number] = mode
        writer.commit()
        writer.close()


def _mode(lock_name: str) -> str:
    """pg_locks' ``AccessExclusiveLock`` → ``ACCESS EXCLUSIVE``."""
    words, word = [], ""
    for ch in lock_name.removesuffix("Lock"):
        if ch.isupper() and word:
            words.append(word)
            word = ""
        word += ch
    return " ".join([*words, word]).upper()


def test_pg_each_step_takes_no_stronger_lock_than_it_declares(pg_dsn, tmp_path):
    folder = copy_shipped("postgres", tmp_path)
    build_documented_state(pg_dsn, "batch", "postgres")
    with psycopg.connect(pg_dsn, autocommit=True) as conn:
        conn.execute(FILL_PG.format(n=500))
    (f,) = MigrationDir(str(folder)).files()
    declared = {u.number: u.lock for u in units.read(f.text, split_statements(f.text), f.path)}
    events = HoldWriter(pg_dsn, declared)
    try:
        api.migrate(pg_dsn, str(tmp_path), folder=str(folder), events=events, lock_timeout=10, batch_size=100)
    finally:
        for t in events.threads:
            t.join(10)
        events.watch.close()
    assert sorted(events.observed) == sorted(declared)
    for number, mode in events.observed.items():
        if mode is None:  # finished while a writer held ROW EXCLUSIVE: it does not block writers
            assert _lock_rank(declared[number]) <= _lock_rank("SHARE UPDATE EXCLUSIVE"), (number, declared)
        else:  # it waited for the writer: the mode it asked for is what it declares
            assert _mode(mode) == declared[number], (number, mode, declared[number])
    # the catalog step blocks writers (and says so); the rewrite batches and VALIDATE do not
    assert events.observed[2] == "AccessExclusiveLock"
    assert events.observed[3] is None and events.observed[4] is None and events.observed[5] is None


@pytest.mark.parametrize("dialect", ["postgres", "mysql"])
def test_lock_timeout_retries_then_names_the_blocker_and_the_rerun_continues(request, dialect, tmp_path):
    dsn = request.getfixturevalue("pg_dsn" if dialect == "postgres" else "mysql_dsn")
    folder = copy_shipped(dialect, tmp_path)
    build_documented_state(dsn, "batch", dialect)
    if dialect == "postgres":
        blocker = psycopg.connect(dsn, application_name="nightly report")
        blocker.execute("SELECT count(*) FROM batch_jobs")  # a long reader: ACCESS SHARE until it ends
        pid = blocker.info.backend_pid
        expect = [f"pid {pid}", "'nightly report'", "AccessShareLock on batch_jobs", "not granted within 300 ms"]
    else:
        blocker = connect_mysql(dsn)
        blocker.autocommit(False)
        with blocker.cursor() as cur:
            cur.execute("SELECT COUNT(*) FROM batch_jobs")  # an open transaction keeps its metadata lock
            cur.execute("SELECT CONNECTION_ID()")
            pid = cur.fetchone()[0]
        expect = [f"thread {pid}", "transaction open since", "not granted within 300 ms"]
    started = time.monotonic()
    res = subprocess.run(migrate_cmd(dsn, folder, "--lock-timeout", "0.3", "--lock-retries", "2"), cwd=REPO,
                         env=clean_env(), capture_output=True, text=True, timeout=120)
    took = time.monotonic() - started
    assert res.returncode == 2, (res.stdout, res.stderr)
    for text in expect:
        assert text in res.stderr, (text, res.stderr)
    assert "3 times" in res.stderr and "continues at step 2" in res.stderr, res.stderr
    assert took > 0.5 + 1.0, took  # two pauses (0.5 s, 1 s) between the three tries
    blocker.rollback()
    blocker.close()
    status = subprocess.run(migrate_cmd(dsn, folder)[:4] + ["status", "--dsn", dsn, "--dir", str(folder)], cwd=REPO,
                            env=clean_env() | {"COLUMNS": "1000"}, capture_output=True, text=True, timeout=60)
    assert "1 step(s) done; the next migrate continues with step 2" in status.stdout, status.stdout
    res = subprocess.run(migrate_cmd(dsn, folder), cwd=REPO, env=clean_env(), capture_output=True, text=True,
                         timeout=120)
    assert res.returncode == 0, (res.stdout, res.stderr)
    assert api.audit(dsn, SCHEMA, module="batch").exit_code == 0


@pytest.mark.parametrize("dialect", ["postgres", "mysql"])
def test_plan_shows_each_steps_transaction_lock_and_table_work(request, dialect):
    """``plan --format json`` carries the steps as migrate runs them; the text form lists them on stderr."""
    dsn = request.getfixturevalue("pg_dsn" if dialect == "postgres" else "mysql_dsn")
    build_documented_state(dsn, "batch", dialect)
    res = subprocess.run([sys.executable, "-m", "jobschema", "plan", "--dsn", dsn, "--schema", SCHEMA, "--module",
                          "batch", "--format", "json"], cwd=REPO, env=clean_env(), capture_output=True, text=True,
                         timeout=120)
    assert res.returncode == 0, res.stderr
    steps = [(s["tx"], s["lock"], s["scans"], s["rewrites"], s["algorithm"], s["key"])
             for s in json.loads(res.stdout)["steps"]]
    if dialect == "postgres":
        assert steps == [("session", "none", False, False, None, None),
                         ("own", "ACCESS EXCLUSIVE", False, False, None, None),
                         ("batches", "ROW EXCLUSIVE", False, False, None, "id"),
                         ("batches", "ROW EXCLUSIVE", False, False, None, "id"),
                         ("own", "SHARE UPDATE EXCLUSIVE", True, False, None, None)]
    else:  # the ENUM is widened in place, narrowed by copying the table (the plan says so)
        assert steps == [("session", "none", False, False, None, None),
                         ("own", "NONE", False, False, "INSTANT", None),
                         ("batches", "NONE", False, False, None, "id"),
                         ("batches", "NONE", False, False, None, "id"),
                         ("own", "SHARED", False, True, "COPY", None)]
    res = subprocess.run([sys.executable, "-m", "jobschema", "plan", "--dsn", dsn, "--schema", SCHEMA, "--module",
                          "batch"], cwd=REPO, env=clean_env(), capture_output=True, text=True, timeout=120)
    assert res.returncode == 0 and "-- jobschema:step 3 tx=batches" in res.stdout, res.stderr
    assert "step 3: batches keyed by id, each its own transaction" in res.stderr, res.stderr


def test_pg_failed_concurrent_index_build_leaves_no_invalid_index_and_the_rerun_builds_it(pg_dsn, tmp_path):
    """A CREATE INDEX CONCURRENTLY that fails leaves an INVALID index behind; migrate drops it, records the steps
    before it as done, and the next run (the duplicates gone) builds the index from scratch. A leftover INVALID
    index from a run killed mid-build is recognised and dropped first."""
    folder = tmp_path / "jobs" / "postgres"
    text = ("-- jobschema:step 1 tx=own lock=ACCESS EXCLUSIVE table=public.t\nCREATE TABLE t (id int PRIMARY KEY, c int);\n"
            "INSERT INTO t SELECT g, g % 50 FROM generate_series(1, 200) g;\n\n"
            "-- jobschema:step 2 tx=none lock=SHARE UPDATE EXCLUSIVE scans=yes table=public.t\n"
            "CREATE UNIQUE INDEX CONCURRENTLY t_c_key ON t (c);\n")
    MigrationDir(str(folder)).write("unique_c", text)
    with psycopg.connect(pg_dsn, autocommit=True) as conn:
        res = subprocess.run(migrate_cmd(pg_dsn, folder), cwd=REPO, env=clean_env(), capture_output=True, text=True,
                             timeout=120)
        assert res.returncode == 2 and "step 2 of 2" in res.stderr and "continues at step 2" in res.stderr, res.stderr
        assert conn.execute("SELECT count(*) FROM pg_class WHERE relname = 't_c_key'").fetchone()[0] == 0
        assert history(conn) == (False, 1, None)
        # a run killed mid-build: the INVALID index it leaves, and the history row saying the step was running
        conn.execute("UPDATE jobschema_migrations SET success = NULL, resume_at = 'running'")
        with pytest.raises(psycopg.errors.UniqueViolation):
            conn.execute("CREATE UNIQUE INDEX CONCURRENTLY t_c_key ON t (c)")
        assert conn.execute("SELECT indisvalid FROM pg_index WHERE indexrelid = 't_c_key'::regclass").fetchone() \
            == (False,)
        conn.execute("DELETE FROM t WHERE id > 50")
        res = subprocess.run(migrate_cmd(pg_dsn, folder), cwd=REPO, env=clean_env(), capture_output=True, text=True,
                             timeout=120)
        assert res.returncode == 0, res.stderr
        assert conn.execute("SELECT indisvalid FROM pg_index WHERE indexrelid = 't_c_key'::regclass").fetchone() \
            == (True,)
        assert history(conn) == (True, 2, None)


def test_mariadb_sigkill_during_the_fix_resumes_and_loses_nothing(mysql_server, tmp_path):
    """MariaDB commits DDL on its own: a kill inside a batch of the rewrite resumes after the recorded key; a kill
    inside an ALTER leaves the statement marked running, and the next run reads in the catalog whether it
    happened (atomic DDL) and goes on. No row is lost, and the run that finishes leaves no legacy value."""
    from dbutil import temp_mysql_database

    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    folder = copy_shipped("mysql", tmp_path)
    with temp_mysql_database(mysql_server.dsn) as dsn:
        build_documented_state(dsn, "batch", "mysql")
        conn = connect_mysql(dsn)
        try:
            with conn.cursor() as cur:
                cur.execute("INSERT INTO batch_jobs (id, name, job_type, status) SELECT UUID(), CONCAT('job ', seq), "
                            "'gen', CASE WHEN seq % 20 = 0 THEN 'pending' WHEN seq % 20 = 1 THEN 'running' ELSE "
                            "'completed' END FROM seq_1_to_4000")

            def state():
                with conn.cursor() as cur:
                    cur.execute("SELECT status, COUNT(*) FROM batch_jobs GROUP BY status")
                    rows = dict(cur.fetchall())
                    cur.execute("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() "
                                "AND table_name = 'jobschema_migrations'")
                    h = None
                    if cur.fetchone()[0]:
                        cur.execute("SELECT success, steps_done, resume_at FROM jobschema_migrations")
                        h = cur.fetchone()
                conn.commit()
                return rows, h

            resumed = 0
            for attempt in range(2 * ROUNDS):
                delay = rng.uniform(0.0, 0.8)
                note = f"seed {seed}, kill {attempt} {delay:.2f}s after the run connected"
                proc = subprocess.Popen(migrate_cmd(dsn, folder, "--batch-size", "20", "--pause-ms", "30"),
                                        cwd=REPO, env=clean_env(), stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
                started = time.monotonic()
                while time.monotonic() - started < 30 and proc.poll() is None:
                    with conn.cursor() as cur:
                        cur.execute("SELECT COUNT(*) FROM information_schema.processlist WHERE db = DATABASE() "
                                    "AND id <> CONNECTION_ID()")
                        if cur.fetchone()[0]:
                            break
                    time.sleep(0.02)
                time.sleep(delay)
                proc.send_signal(signal.SIGKILL)
                proc.wait(timeout=10)
                time.sleep(0.3)  # the server drops the dead client's session and its GET_LOCK
                rows, h = state()
                assert sum(rows.values()) == 4000, (note, rows)
                if h is None:
                    continue  # killed before it began
                if h[0] == 1:
                    break
                resumed += 1  # inside a batch (a key recorded) or an ALTER ("running <statement> <digest>")
            assert resumed, seed  # at least one kill landed inside the run
            res = subprocess.run(migrate_cmd(dsn, folder), cwd=REPO, env=clean_env(), capture_output=True, text=True,
                                 timeout=120)
            assert res.returncode == 0, (seed, resumed, res.stderr)
            rows, h = state()
            assert sum(rows.values()) == 4000 and not set(rows) & set(LEGACY), (seed, rows)
            assert h == (1, 5, None), (seed, h)
        finally:
            conn.close()


# ------------------------------------------------------------------------------------ MariaDB ALGORITHM

def _mysql_drift(project) -> list[str]:
    """The batch module's live tables moved away from the schema in one way per kind of ALTER a fix plans."""
    from dataclasses import replace

    from jobschema.dialects.mysql.render import MysqlRenderer

    m = project.module("batch")
    r = MysqlRenderer(m, project)
    jobs, items = m.table("batch_jobs"), m.table("batch_items")

    def modify(t, name, **change):
        return f"ALTER TABLE {t.name} MODIFY COLUMN {r.column_sql(t, replace(t.column(name), **change))}"

    return [
        modify(items, "status", enum=("queued", "processing", "completed")),  # the fix appends values
        modify(jobs, "status", enum=(*jobs.column("status").enum, "zz_unused")),  # the fix takes one out
        modify(jobs, "priority", type_overrides=(("mysql", "varchar(20)"),)),  # widened within its prefix
        modify(items, "progress", nullable=True),  # the fix fills NULLs, then NOT NULL
        "ALTER TABLE batch_items MODIFY COLUMN estimated_time int NOT NULL DEFAULT 0",  # the fix: nullable
        "ALTER TABLE batch_jobs ALTER COLUMN concurrent_processing SET DEFAULT 5",
        modify(jobs, "total_items", type_overrides=(("mysql", "smallint"),)),  # int again: a copy
        modify(jobs, "failed_items", comment="old words"),
        "ALTER TABLE batch_jobs DROP COLUMN estimated_time_remaining",
        "ALTER TABLE batch_jobs ADD COLUMN extra_col int NULL",
        "CREATE INDEX extra_idx ON batch_checkpoints (job_id)",
        "DROP INDEX batch_jobs_status_idx ON batch_jobs",
        "ALTER TABLE batch_items RENAME INDEX batch_items_conversation_id_idx TO old_conversation_idx",
        "ALTER TABLE batch_jobs ADD CONSTRAINT extra_chk CHECK (total_items >= 0)",
        "ALTER TABLE batch_items DROP FOREIGN KEY batch_items_conversation_id_fkey",
    ]


# what each kind of ALTER is written with; the server refuses a statement it cannot run that way
EXPECTED_ALGORITHMS = {
    "MODIFY COLUMN status enum('queued','processing','completed','failed','cancelled')": "INSTANT",
    "MODIFY COLUMN status enum('queued','processing','paused','completed','failed','cancelled')": "COPY",
    "MODIFY COLUMN priority": "INSTANT",
    "MODIFY COLUMN progress": "INPLACE",
    "MODIFY COLUMN estimated_time": "INPLACE",
    "MODIFY COLUMN concurrent_processing": "INSTANT",
    "MODIFY COLUMN total_items": "COPY",
    "MODIFY COLUMN failed_items": "INSTANT",
    "ADD COLUMN estimated_time_remaining": "INSTANT",
    "DROP COLUMN extra_col": "INSTANT",
    "DROP INDEX extra_idx": "INPLACE",
    "ADD INDEX batch_jobs_status_idx": "INPLACE",
    "RENAME INDEX old_conversation_idx": "INSTANT",
    "DROP CONSTRAINT extra_chk": "INSTANT",
    "FOREIGN KEY (conversation_id)": "COPY",
}


def test_mariadb_each_planned_alter_runs_with_the_algorithm_it_writes(mysql_dsn, tmp_path):
    """One drift per kind of ALTER the MySQL planner writes, fixed by one file on real MariaDB: every ALTER says
    ``ALGORITHM=…, LOCK=NONE`` (and its step line the same algorithm) unless only a copy can do it, in which case
    the step says ``algorithm=COPY rewrites=yes`` and the statement names no algorithm. Since the server refuses
    an ALGORITHM it cannot honour, the run succeeding is the check that each one holds; the audit after it is
    clean and no row is lost."""
    from dbutil import connect_mysql as cm
    from test_migrate import apply_generated

    project = api.load(SCHEMA)
    apply_generated(mysql_dsn, "batch", "mysql")
    conn = cm(mysql_dsn)
    try:
        with conn.cursor() as cur:
            for sql in _mysql_drift(project):
                cur.execute(sql)
            cur.execute("INSERT INTO conversations (id) VALUES (UUID())")
            cur.execute("INSERT INTO batch_jobs (id, name, job_type, status) VALUES (UUID(), 'j', 'gen', 'queued')")
            cur.execute("INSERT INTO batch_items (batch_job_id, position, topic, status, progress, conversation_id) "
                        "SELECT j.id, 1, 't', 'completed', NULL, c.id FROM batch_jobs j, conversations c")
        planned = api.plan_from_audit(api.audit(mysql_dsn, SCHEMA, module="batch"), allow_destructive=True)
        folder = tmp_path / "batch" / "mysql"
        api.write_migration(planned, mysql_dsn, "unused", str(folder))
        text = next(folder.glob("*.sql")).read_text()
        stmts = api.dialects.get("mysql").split(text)
        seen, order = {}, ("INSTANT", "INPLACE", "COPY")
        for u in units.read(text, stmts, "fix.sql"):
            for st in u.statements:
                flat = " ".join(st.text.split()).rstrip(";")
                if not flat.startswith("ALTER TABLE"):
                    continue
                # a step line gives the slowest algorithm of its statements
                written = next((a for a in ("INSTANT", "INPLACE") if flat.endswith(f", ALGORITHM={a}, LOCK=NONE")),
                               None)
                if written is None:
                    assert "ALGORITHM=" not in flat and u.attrs["algorithm"] == "COPY", flat
                    assert u.attrs["rewrites"] == "yes" and u.attrs["lock"] == "SHARED", flat
                else:
                    assert order.index(written) <= order.index(u.attrs["algorithm"]), flat
                    assert u.attrs["algorithm"] == "COPY" or u.attrs["lock"] == "NONE", flat
                seen.update({k: written or "COPY" for k in EXPECTED_ALGORITHMS if k in flat})
        assert seen == EXPECTED_ALGORITHMS, text
        api.migrate(mysql_dsn, "unused", folder=str(folder))
        after = api.audit(mysql_dsn, SCHEMA, module="batch")
        assert not after.drift, [f.message for f in after.findings]
        with conn.cursor() as cur:
            cur.execute("SELECT (SELECT COUNT(*) FROM batch_jobs), (SELECT COUNT(*) FROM batch_items), "
                        "(SELECT progress FROM batch_items)")
            assert cur.fetchone() == (1, 1, 0)
    finally:
        conn.close()


def _mysql_one(conn, sql: str, args=None):
    with conn.cursor() as cur:
        cur.execute(sql, args)
        row = cur.fetchone()
    return row[0] if row else None


def _wait_for_alter(conn, proc, timeout: float = 60) -> int:
    """The server thread of ``proc``'s ALTER TABLE on batch_jobs, once it waits for the metadata lock."""
    started = time.monotonic()
    while time.monotonic() - started < timeout and proc.poll() is None:
        pid = _mysql_one(conn, "SELECT id FROM information_schema.processlist WHERE db = DATABASE() AND "
                               "info LIKE 'ALTER TABLE batch_jobs%%' AND state LIKE '%%metadata lock%%'")
        if pid:
            return pid
        time.sleep(0.02)
    raise AssertionError(f"no ALTER waited for the metadata lock (migrate exited {proc.poll()})")


def _wait_gone(conn, pid: int) -> None:
    started = time.monotonic()
    while _mysql_one(conn, "SELECT COUNT(*) FROM information_schema.processlist WHERE id = %s", (pid,)) \
            and time.monotonic() - started < 60:
        time.sleep(0.05)


def test_mariadb_run_killed_inside_an_alter_reads_the_catalog_and_finishes(mysql_dsn, tmp_path):
    """A session holding the table open makes each ALTER of the seed-001 fix wait for its metadata lock, so the
    kill lands inside the statement. First the client alone is killed inside the widening ALTER (the server may
    still finish it once the lock is free); then, inside the narrowing ALTER, the client and its server thread
    (the statement is rolled back whole). Each next run reads the catalog, says whether the statement had
    happened, and goes on; no resolve is needed, every row is kept and every legacy value rewritten."""
    folder = copy_shipped("mysql", tmp_path)
    build_documented_state(mysql_dsn, "batch", "mysql")
    conn, blocker = connect_mysql(mysql_dsn), connect_mysql(mysql_dsn)
    blocker.autocommit(False)
    cmd = migrate_cmd(mysql_dsn, folder, "--lock-timeout", "60", "--batch-size", "100")
    try:
        with conn.cursor() as cur:
            cur.execute("INSERT INTO batch_jobs (id, name, job_type, status) SELECT UUID(), CONCAT('job ', seq), "
                        "'gen', CASE WHEN seq % 20 = 0 THEN 'pending' WHEN seq % 20 = 1 THEN 'running' ELSE "
                        "'completed' END FROM seq_1_to_2000")
        _mysql_one(blocker, "SELECT COUNT(*) FROM batch_jobs")  # an open transaction: its metadata lock stays
        proc = subprocess.Popen(cmd, cwd=REPO, env=clean_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        pid = _wait_for_alter(conn, proc)
        proc.send_signal(signal.SIGKILL)  # the client only: the server thread still waits, then may go on
        proc.wait(timeout=10)
        blocker.rollback()
        _wait_gone(conn, pid)
        assert _mysql_one(conn, "SELECT resume_at FROM jobschema_migrations").startswith("running 0 ")

        proc = subprocess.Popen(cmd, cwd=REPO, env=clean_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                text=True)
        while _mysql_one(conn, "SELECT steps_done FROM jobschema_migrations") < 3 and proc.poll() is None:
            time.sleep(0.01)  # the rewrite of 'pending' is done: hold the table open again for the narrowing
        _mysql_one(blocker, "SELECT COUNT(*) FROM batch_jobs")
        pid = _wait_for_alter(conn, proc)
        proc.send_signal(signal.SIGKILL)
        first = proc.communicate(timeout=10)[1]
        _mysql_one(conn, f"KILL {int(pid)}")  # the statement dies with its session, rolled back whole
        _wait_gone(conn, pid)
        blocker.rollback()
        assert "step 2: the statement at line" in first and "which the last run died in" in first, first
        assert _mysql_one(conn, "SELECT steps_done FROM jobschema_migrations") == 4
        assert "'pending'" in _mysql_one(conn, "SELECT column_type FROM information_schema.columns WHERE "
                                               "table_schema = DATABASE() AND table_name = 'batch_jobs' AND "
                                               "column_name = 'status'")

        res = subprocess.run(cmd, cwd=REPO, env=clean_env(), capture_output=True, text=True, timeout=120)
        assert res.returncode == 0, res.stderr
        assert "step 5: the statement at line" in res.stderr and "had not happened; running it again" in res.stderr
        with conn.cursor() as cur:
            cur.execute("SELECT status, COUNT(*) FROM batch_jobs GROUP BY status")
            rows = dict(cur.fetchall())
            cur.execute("SELECT success, steps_done, resume_at FROM jobschema_migrations")
            assert cur.fetchone() == (1, 5, None)
        assert sum(rows.values()) == 2000 and not set(rows) & set(LEGACY) and rows["queued"] == 100, rows
        assert api.audit(mysql_dsn, SCHEMA, module="batch").exit_code == 0
    finally:
        blocker.close()
        conn.close()
