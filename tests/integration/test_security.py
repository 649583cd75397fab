"""Reliability and security against real PostgreSQL and MariaDB: a bounded, read-only audit; no password in
any output; every error a user can cause is one line and exit 2.

Every command runs as a subprocess (``python -m jobschema``) with a hard timeout, the way a user or CI runs
it, so a hang fails the test instead of stalling the suite and stderr is exactly what a person would see.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from dbutil import apply_sql_mysql, apply_sql_pg, connect_mysql, database_of
from psycopg import sql

from jobschema import api

REPO = Path(__file__).resolve().parents[2]

JOBS = """\
table: jobs
comment: Jobs.
columns:
  - {name: id, type: bigint, nullable: false}
  - {name: status, type: varchar(20), nullable: false, default: queued, enum: [queued, done]}
primary_key: [id]
"""
OTHER = """\
table: other
columns:
  - {name: id, type: bigint, nullable: false}
primary_key: [id]
"""


def run(*args: str, env: dict | None = None, timeout: float = 60, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """``jobschema <args>`` in a child process; a hang past ``timeout`` fails the test."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("PG", "JOBSCHEMA_DSN", "MYSQL_PWD"))}
    full_env.pop("JOBSCHEMA_DEBUG", None)
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "jobschema", *args], cwd=cwd or REPO, env=full_env,
                          capture_output=True, text=True, timeout=timeout)


def assert_one_line_error(res: subprocess.CompletedProcess, *needles: str) -> str:
    """Exit 2, nothing on stdout, exactly one ``jobschema: ...`` line on stderr, never a traceback."""
    lines = res.stderr.splitlines()
    assert res.returncode == 2, (res.returncode, res.stdout, res.stderr)
    assert "Traceback" not in res.stderr + res.stdout
    assert len(lines) == 1 and lines[0].startswith("jobschema: "), res.stderr
    assert "internal error" not in lines[0], lines[0]
    for n in needles:
        assert n.lower() in lines[0].lower(), (n, lines[0])
    return lines[0]


def schema(tmp_path: Path) -> Path:
    root = tmp_path / "schema"
    (root / "m" / "tables").mkdir(parents=True)
    (root / "m" / "module.yaml").write_text("module: m\n")
    (root / "m" / "tables" / "jobs.yaml").write_text(JOBS)
    (root / "m" / "tables" / "other.yaml").write_text(OTHER)
    return root


def build(root: Path, dialect: str, dsn: str) -> None:
    rendered = api.render_project(api.load(str(root)))
    for path in sorted(p for p in rendered.files if p.startswith(f"m/{dialect}/")):
        (apply_sql_pg if dialect == "postgres" else apply_sql_mysql)(dsn, rendered.files[path])


def with_user(dsn: str, user: str, password: str | None = None) -> str:
    scheme, rest = dsn.split("://", 1)
    host = rest.split("@", 1)[-1]
    cred = quote(user, safe="") + (f":{quote(password, safe='')}" if password is not None else "")
    return f"{scheme}://{cred}@{host}"


def unique(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(4)}"


@contextmanager
def select_only_user(mysql_dsn: str, mysql_conn):
    """The DSN of a MariaDB user created with only SELECT on the test's database, dropped afterwards."""
    user = unique("jst_ro")
    with mysql_conn.cursor() as cur:
        cur.execute("CREATE USER %s@'%%' IDENTIFIED BY 'ro-pass-123'", (user,))
        cur.execute(f"GRANT SELECT ON `{database_of(mysql_dsn)}`.* TO %s@'%%'", (user,))
    try:
        yield with_user(mysql_dsn, user, "ro-pass-123")
    finally:
        with mysql_conn.cursor() as cur:
            cur.execute("DROP USER %s@'%%'", (user,))


@contextmanager
def pg_role(pg_conn, password: str | None = None, *grants: str):
    """A uniquely named LOGIN role (roles are cluster-wide), dropped afterwards."""
    role = unique("jst_role")
    ident = sql.Identifier(role)
    pw = sql.SQL(" PASSWORD {}").format(sql.Literal(password)) if password else sql.SQL("")
    pg_conn.execute(sql.SQL("CREATE ROLE {} LOGIN{}").format(ident, pw))
    try:
        for g in grants:
            pg_conn.execute(sql.SQL(g).format(role=ident))
        yield role
    finally:
        pg_conn.execute(sql.SQL("DROP OWNED BY {}").format(ident))
        pg_conn.execute(sql.SQL("DROP ROLE {}").format(ident))


# -------------------------------------------------------------------------------- 3. bounded, read-only

def test_pg_audit_under_access_exclusive_lock_ends_in_its_lock_timeout(pg_dsn, pg_conn, tmp_path):
    root = schema(tmp_path)
    build(root, "postgres", pg_dsn)
    locker = psycopg.connect(pg_dsn)
    try:
        locker.execute("LOCK TABLE jobs IN ACCESS EXCLUSIVE MODE")
        for fmt in ("text", "json"):
            started = time.monotonic()
            res = run("audit", "--dsn", pg_dsn, "--schema", str(root), "--format", fmt, timeout=60)
            elapsed = time.monotonic() - started
            line = assert_one_line_error(res, "lock", "public.jobs", "AccessExclusiveLock")
            assert elapsed < 20, (elapsed, line)  # lock_timeout is 3 s; the statement timeout 30 s
        # the audit left no lock request behind and wrote nothing
        # (in this database: other databases on a shared server may be waiting for their own locks)
        assert pg_conn.execute("SELECT count(*) FROM pg_locks WHERE NOT granted AND database = "
                               "(SELECT oid FROM pg_database WHERE datname = current_database())").fetchone()[0] == 0
    finally:
        locker.rollback()
        locker.close()
    assert run("audit", "--dsn", pg_dsn, "--schema", str(root)).returncode == 0


def test_pg_count_blocked_by_a_lock_is_named_and_the_rest_is_audited(pg_dsn, pg_conn, tmp_path):
    """A table without defaults or constraints (PostgreSQL's pg_get_expr and pg_get_constraintdef lock the
    table they describe): its catalog rows are read, the count that needs its rows is not; the report says
    which count could not run and why, and nothing waits longer than the lock timeout."""
    import json

    root = schema(tmp_path)
    build(root, "postgres", pg_dsn)
    pg_conn.execute("ALTER TABLE other DROP CONSTRAINT other_pkey")
    pg_conn.execute("INSERT INTO other VALUES (1), (1)")
    locker = psycopg.connect(pg_dsn)
    try:
        locker.execute("LOCK TABLE other IN ACCESS EXCLUSIVE MODE")
        started = time.monotonic()
        res = run("audit", "--dsn", pg_dsn, "--schema", str(root), "--format", "json", timeout=60)
        assert time.monotonic() - started < 20
    finally:
        locker.rollback()
        locker.close()
    assert "Traceback" not in res.stderr and res.returncode == 1, (res.stdout, res.stderr)
    findings = json.loads(res.stdout)["findings"]
    assert any(f["path"] == "m.other" or f["path"].startswith("m.other.") for f in findings
               if f["code"] != "JS381"), findings  # the missing primary key is still reported
    blocked = [f for f in findings if f["code"] == "JS381"]
    assert blocked and all("lock on public.other" in f["message"] for f in blocked), findings


def test_mariadb_audit_under_a_table_lock_is_bounded_and_names_the_table(mysql_dsn, mysql_conn, tmp_path):
    import json

    root = schema(tmp_path)
    build(root, "mysql", mysql_dsn)
    with mysql_conn.cursor() as cur:  # drift whose violating rows must be counted from the locked table
        cur.execute("ALTER TABLE jobs MODIFY status VARCHAR(20) NOT NULL DEFAULT 'queued'")
        cur.execute("INSERT INTO jobs VALUES (1, 'lost')")
    locker = connect_mysql(mysql_dsn)
    try:
        with locker.cursor() as cur:
            cur.execute("LOCK TABLES jobs WRITE")  # metadata lock held by another session
        started = time.monotonic()
        res = run("audit", "--dsn", mysql_dsn, "--schema", str(root), "--format", "json", timeout=60)
        assert time.monotonic() - started < 20  # lock_wait_timeout is 3 s
    finally:
        locker.close()
    assert "Traceback" not in res.stderr and res.returncode == 1, (res.stdout, res.stderr)
    findings = json.loads(res.stdout)["findings"]
    assert any(f["code"] == "JS303" and f["path"] == "m.jobs.status" for f in findings)  # the rest is audited
    (blocked,) = [f for f in findings if f["code"] == "JS381"]
    assert "lock on jobs" in blocked["message"]


def test_pg_audit_writes_nothing_read_only_database_and_read_only_roles(pg_dsn, pg_conn, tmp_path):
    root = schema(tmp_path)
    build(root, "postgres", pg_dsn)
    pg_conn.execute("ALTER TABLE jobs DROP CONSTRAINT jobs_status_check")  # drift, so the counts run too
    pg_conn.execute("INSERT INTO jobs VALUES (1, 'queued'), (2, 'lost')")
    db = database_of(pg_dsn)
    pg_conn.execute(sql.SQL("ALTER DATABASE {} SET default_transaction_read_only = on").format(sql.Identifier(db)))
    try:
        res = run("audit", "--dsn", pg_dsn, "--schema", str(root), "--format", "json")
        assert res.returncode == 1, res.stderr
        assert '"rows": 1' in res.stdout  # the violating row was counted
        # a role that can only read: pg_read_all_data, or plain SELECT grants
        with pg_role(pg_conn, None, "GRANT pg_read_all_data TO {role}") as role:
            res2 = run("audit", "--dsn", with_user(pg_dsn, role), "--schema", str(root), "--format", "json")
            assert res2.returncode == 1 and '"rows": 1' in res2.stdout, res2.stderr
        with pg_role(pg_conn, None, "GRANT SELECT ON jobs, other TO {role}") as role:
            res3 = run("audit", "--dsn", with_user(pg_dsn, role), "--schema", str(root), "--format", "json")
            assert res3.returncode == 1 and '"rows": 1' in res3.stdout, res3.stderr
    finally:
        pg_conn.execute(sql.SQL("ALTER DATABASE {} RESET default_transaction_read_only").format(sql.Identifier(db)))
    assert pg_conn.execute("SELECT count(*) FROM jobs").fetchone()[0] == 2
    assert pg_conn.execute("SELECT count(*) FROM pg_class WHERE relname LIKE 'jobschema%'").fetchone()[0] == 0


def test_mariadb_audit_writes_nothing_with_a_select_only_user(mysql_server, mysql_dsn, mysql_conn, tmp_path):
    root = schema(tmp_path)
    build(root, "mysql", mysql_dsn)
    with mysql_conn.cursor() as cur:
        cur.execute("ALTER TABLE jobs MODIFY status VARCHAR(20) NOT NULL DEFAULT 'queued'")
        cur.execute("INSERT INTO jobs VALUES (1, 'queued'), (2, 'lost')")
    with select_only_user(mysql_dsn, mysql_conn) as dsn:
        res = run("audit", "--dsn", dsn, "--schema", str(root), "--format", "json")
        assert res.returncode == 1, res.stderr
        assert '"rows": 1' in res.stdout and "JS303" in res.stdout
    with mysql_conn.cursor() as cur:
        cur.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY 1")
        assert [r[0] for r in cur.fetchall()] == ["jobs", "other"]


def test_mariadb_select_only_user_sees_no_false_fk_or_view_drift(mysql_dsn, mysql_conn):
    """MariaDB shows a user with only SELECT no REFERENTIAL_CONSTRAINTS rows and empty view queries: the foreign
    key rules are read from SHOW CREATE TABLE instead, and each hidden view query is one JS373 warning (not
    compared), never JS326/JS341 drift."""
    shipped = str(Path(__file__).resolve().parents[2] / "schema")
    files = api.render_project(api.load(shipped), module="campaign", dialect="mysql").files
    for path in sorted(p for p in files if p.startswith("campaign/mysql/")):
        apply_sql_mysql(mysql_dsn, files[path])
    assert api.audit(mysql_dsn, shipped, module="campaign").findings == []  # the owner's view: in sync
    with select_only_user(mysql_dsn, mysql_conn) as dsn:
        res = api.audit(dsn, shipped, module="campaign")
        got = sorted((f.code, f.path, f.severity.value) for f in res.findings)
        assert got == [("JS373", "campaign.job_performance_summary", "warning"),
                       ("JS373", "campaign.recent_job_activity", "warning")], got
        fks = {fk.name: (fk.on_delete, fk.on_update) for t in res.live.module.tables for fk in t.foreign_keys}
        assert fks["job_tasks_job_id_fkey"][0] == "cascade" and fks["agent_runs_job_id_fkey"][0] == "set null"


# ------------------------------------------------------------------------------------------ 4. secrets

PLANTED = "Pl4nted-S3cret-7q"  # distinctive: any occurrence in any output is a leak


def every_output(folders: list[Path], *results: subprocess.CompletedProcess) -> str:
    """stdout and stderr of the runs plus every file written under ``folders`` (migrations with their
    headers, inspected schema files, the schema folder and any cache or log beside it)."""
    texts = [r.stdout + r.stderr for r in results]
    for folder in folders:
        for p in folder.rglob("*"):
            if p.is_file():
                texts.append(p.read_bytes().decode("utf-8", "replace"))
    return "\n".join(texts)


def test_pg_password_never_printed_dsn_pgpassword_pgpass_and_wrong_password(pg_dsn, pg_conn, tmp_path):
    root = schema(tmp_path)
    build(root, "postgres", pg_dsn)
    pg_conn.execute("ALTER TABLE jobs DROP CONSTRAINT jobs_status_check")  # drift: a report and a migration
    pg_conn.execute("INSERT INTO jobs VALUES (1, 'queued')")
    hba = pg_conn.execute("SELECT count(*) FROM pg_hba_file_rules WHERE auth_method IN ('md5', 'scram-sha-256', "
                          "'password')").fetchone()[0]
    runs = []
    with pg_role(pg_conn, PLANTED, "GRANT pg_read_all_data TO {role}", "GRANT CREATE ON SCHEMA public TO {role}",
                 "ALTER TABLE jobs OWNER TO {role}") as role:
        good = with_user(pg_dsn, role, PLANTED)
        bad = with_user(pg_dsn, role, PLANTED + "-wrong")
        host_db = pg_dsn.split("@", 1)[1]
        host, rest = host_db.split("/", 1)
        hostname, _, port = host.partition(":")
        (tmp_path / "secret").mkdir()
        pgpass = tmp_path / "secret" / "pgpass"
        pgpass.write_text(f"{hostname}:{port or 5432}:*:{role}:{PLANTED}\n")
        pgpass.chmod(0o600)
        out = tmp_path / "out"
        out.mkdir()
        reports = []
        mig = out / "migrations"
        for fmt in ("text", "json"):
            runs.append(run("audit", "--dsn", good, "--schema", str(root), "--format", fmt))
        for fmt in ("sarif", "junit", "github"):  # the other report formats, to stdout and to a file, on drift
            reports.append(run("audit", "--dsn", good, "--schema", str(root), "--format", fmt))
            reports.append(run("audit", "--dsn", good, "--schema", str(root), "--format", fmt, "-o",
                               str(out / f"audit.{fmt}")))
        runs.append(run("audit", "--dsn", good, "--schema", str(root), "--write-migration", "--dir",
                        str(mig / "m" / "postgres")))
        runs.append(run("plan", "--dsn", good, "--schema", str(root)))
        runs.append(run("migrate", "--dsn", good, "--dir", str(mig / "m" / "postgres")))
        runs.append(run("migrate", "status", "--dsn", good, "--dir", str(mig / "m" / "postgres")))
        runs.append(run("inspect", "--dsn", good, "--module", "seen", "--out", str(out / "schema")))
        # the password from the environment and from .pgpass: never echoed either
        env_dsn = f"postgresql://{quote(role)}@{host}/{rest}"
        runs.append(run("audit", "--dsn", env_dsn, "--schema", str(root), env={"PGPASSWORD": PLANTED}))
        runs.append(run("audit", "--schema", str(root), env={
            "PGHOST": hostname, "PGPORT": port or "5432", "PGUSER": role, "PGDATABASE": rest.split("?")[0],
            "PGPASSWORD": PLANTED}))
        runs.append(run("audit", "--dsn", env_dsn, "--schema", str(root), env={"PGPASSFILE": str(pgpass)}))
        # wrong passwords, in every place a password can come from, for every command
        for cmd in (("audit", "--schema", str(root)), ("migrate", "--dir", str(mig / "m" / "postgres")),
                    ("inspect", "--module", "x", "--out", str(out / "x"))):
            wrong = [run(*cmd, "--dsn", bad), run(*cmd, "--dsn", env_dsn, env={"PGPASSWORD": PLANTED + "-wrong"})]
            for r in wrong:
                if hba:  # a server that checks passwords refuses: one line, no password
                    assert_one_line_error(r, "password authentication failed")
            runs += wrong
        # a refused connection whose DSN carries the password
        runs.append(run("audit", "--dsn", with_user(f"postgresql://127.0.0.1:1/{rest}", role, PLANTED),
                        "--schema", str(root)))
        assert_one_line_error(runs[-1], "connection refused")
    assert runs[0].returncode == 1 and runs[1].returncode == 1, (runs[0].stderr, runs[1].stderr)
    assert runs[4].returncode == 0, runs[4].stderr  # the migration was written and applied
    assert any(runs[i].returncode in (0, 1) for i in (7, 8, 9))
    assert list((tmp_path / "out" / "migrations").rglob("0001_*.sql")) and (tmp_path / "out" / "schema").is_dir()
    assert [r.returncode for r in reports] == [1] * 6, [r.stderr for r in reports]
    text = every_output([tmp_path / "out", root], *runs, *reports)
    assert PLANTED not in text
    assert quote(PLANTED, safe="") not in text


def test_mariadb_password_never_printed(mysql_dsn, mysql_conn, tmp_path):
    root = schema(tmp_path)
    build(root, "mysql", mysql_dsn)
    with mysql_conn.cursor() as cur:
        cur.execute("ALTER TABLE jobs MODIFY status VARCHAR(20) NOT NULL DEFAULT 'queued'")
        cur.execute("INSERT INTO jobs VALUES (1, 'queued')")
    db = database_of(mysql_dsn)
    user = unique("jst_pw")
    with mysql_conn.cursor() as cur:
        cur.execute("CREATE USER %s@'%%' IDENTIFIED BY %s", (user, PLANTED))
        cur.execute(f"GRANT ALL ON `{db}`.* TO %s@'%%'", (user,))
    runs = []
    try:
        good = with_user(mysql_dsn, user, PLANTED)
        bad = with_user(mysql_dsn, user, PLANTED + "-wrong")
        out = tmp_path / "out"
        out.mkdir()
        reports = []
        mig = out / "migrations" / "m" / "mysql"
        for fmt in ("text", "json"):
            runs.append(run("audit", "--dsn", good, "--schema", str(root), "--format", fmt))
        for fmt in ("sarif", "junit", "github"):  # the other report formats, to stdout and to a file, on drift
            reports.append(run("audit", "--dsn", good, "--schema", str(root), "--format", fmt))
            reports.append(run("audit", "--dsn", good, "--schema", str(root), "--format", fmt, "-o",
                               str(out / f"audit.{fmt}")))
        runs.append(run("audit", "--dsn", good, "--schema", str(root), "--write-migration", "--allow-destructive",
                        "--dir", str(mig)))
        runs.append(run("migrate", "--dsn", good, "--dir", str(mig)))
        runs.append(run("migrate", "status", "--dsn", good, "--dir", str(mig)))
        runs.append(run("inspect", "--dsn", good, "--module", "seen", "--out", str(out / "schema")))
        for cmd in (("audit", "--schema", str(root)), ("migrate", "--dir", str(mig)),
                    ("inspect", "--module", "x", "--out", str(out / "x"))):
            r = run(*cmd, "--dsn", bad)
            assert_one_line_error(r, "access denied", "***")
            runs.append(r)
    finally:
        with mysql_conn.cursor() as cur:
            cur.execute("DROP USER %s@'%%'", (user,))
    assert [r.returncode for r in runs[:2]] == [1, 1], runs[0].stderr
    assert runs[2].returncode == 1 and runs[3].returncode == 0, (runs[2].stdout, runs[2].stderr, runs[3].stdout)
    assert list((tmp_path / "out" / "migrations").rglob("0001_*.sql")) and (tmp_path / "out" / "schema").is_dir()
    assert [r.returncode for r in reports] == [1] * 6, [r.stderr for r in reports]
    text = every_output([tmp_path / "out", root], *runs, *reports)
    assert PLANTED not in text and quote(PLANTED, safe="") not in text


# ------------------------------------------------------------------------------- 7. errors users cause

@contextmanager
def local_listener(on_accept):
    """A local TCP port whose accepted connections go to ``on_accept(client)``, which returns the sockets to
    close at the end; yields the port."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(16)
    srv.settimeout(0.2)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                client = srv.accept()[0]
            except OSError:
                continue
            held.extend(on_accept(client))

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    try:
        yield srv.getsockname()[1]
    finally:
        stop.set()
        t.join()
        for c in held:
            c.close()
        srv.close()


@contextmanager
def silent_port():
    """A local TCP port that accepts connections and never says a word: an unreachable server, without
    sending a packet off this machine."""
    with local_listener(lambda client: [client]) as port:
        yield port


def closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now: connection refused
    return port


COMMANDS = {
    "audit": lambda root, tmp: ("audit", "--schema", str(root)),
    "migrate": lambda root, tmp: ("migrate", "--dir", str(tmp / "mig" / "m" / "x"), "--module", "m"),
    "inspect": lambda root, tmp: ("inspect", "--module", "q", "--out", str(tmp / "inspected")),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_connection_errors_are_one_line_exit_2(command, pg_server, mysql_server, tmp_path):
    root = schema(tmp_path)
    (tmp_path / "mig" / "m" / "x").mkdir(parents=True)
    pg = pg_server.dsn.split("@", 1)[1].split("/", 1)[0]
    my = mysql_server.dsn.split("@", 1)[1].split("/", 1)[0]
    pg_user = pg_server.dsn.split("://", 1)[1].split("@", 1)[0]
    refused = closed_port()
    cases = [
        (f"postgresql://u:{PLANTED}@127.0.0.1:{refused}/db", ("connection refused",)),
        (f"mysql://u:{PLANTED}@127.0.0.1:{refused}/db?connect_timeout=2", ("connection refused",)),
        (f"postgresql://u:{PLANTED}@jobschema-test.invalid:5432/db", ("unknown host",)),
        (f"mysql://u:{PLANTED}@jobschema-test.invalid:3306/db?connect_timeout=2", ("name or service",)),
        (f"postgresql://{pg_user}@{pg}/jst_no_such_database", ("does not exist",)),
        (f"mysql://root@{my}/jst_no_such_database", ("unknown database",)),
        (f"postgresql://jst_no_such_role_x@{pg}/postgres", ("role", "does not exist")),
        # a MySQL DSN on PostgreSQL's port and the reverse
        (f"mysql://root:{PLANTED}@{pg}/db?connect_timeout=2", ("no MySQL server answered",)),
        (f"postgresql://{pg_user}:{PLANTED}@{my}/postgres", ("does not speak the PostgreSQL protocol",)),
    ]
    with silent_port() as port:
        cases += [(f"postgresql://u:{PLANTED}@127.0.0.1:{port}/db?connect_timeout=2", ("did not answer in time",)),
                  (f"mysql://u:{PLANTED}@127.0.0.1:{port}/db?connect_timeout=2", ("no MySQL server answered",))]
        for dsn, needles in cases:
            started = time.monotonic()
            res = run(*COMMANDS[command](root, tmp_path), "--dsn", dsn, timeout=60)
            line = assert_one_line_error(res, *needles)
            assert PLANTED not in line
            assert time.monotonic() - started < 15, (dsn, line)


def test_missing_privilege_is_one_line(pg_dsn, pg_conn, mysql_dsn, mysql_conn, tmp_path):
    root = schema(tmp_path)
    build(root, "postgres", pg_dsn)
    db = database_of(pg_dsn)
    (tmp_path / "mig").mkdir()
    (tmp_path / "mig" / "0001_t.sql").write_text("CREATE TABLE t (id int);\n")
    from jobschema.migrate.directory import MigrationDir

    MigrationDir(str(tmp_path / "mig")).rehash()
    with pg_role(pg_conn, None) as role:
        pg_conn.execute(sql.SQL("REVOKE CONNECT ON DATABASE {} FROM PUBLIC").format(sql.Identifier(db)))
        dsn = with_user(pg_dsn, role)
        for cmd in (("audit", "--schema", str(root)),
                    ("migrate", "--dir", str(tmp_path / "mig"), "--module", "m"),
                    ("inspect", "--module", "q", "--out", str(tmp_path / "i"))):
            assert_one_line_error(run(*cmd, "--dsn", dsn), "permission denied")
        pg_conn.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(sql.Identifier(db), sql.Identifier(role)))
        # may connect, may not create the history table: one line naming the problem
        pg_conn.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
        assert_one_line_error(run("migrate", "--dir", str(tmp_path / "mig"), "--module", "m", "--dsn", dsn),
                              "permission denied")
    user = unique("jst_np")
    mdb = database_of(mysql_dsn)
    with mysql_conn.cursor() as cur:
        cur.execute("CREATE USER %s@'%%' IDENTIFIED BY 'np-pass-123'", (user,))
    try:
        dsn = with_user(mysql_dsn, user, "np-pass-123")
        for cmd in (("audit", "--schema", str(root)),
                    ("migrate", "--dir", str(tmp_path / "mig"), "--module", "m"),
                    ("inspect", "--module", "q", "--out", str(tmp_path / "i"))):
            assert_one_line_error(run(*cmd, "--dsn", dsn), "access denied", mdb)
    finally:
        with mysql_conn.cursor() as cur:
            cur.execute("DROP USER %s@'%%'", (user,))


@contextmanager
def version_rewriting_proxy(upstream: str, old: bytes, new: bytes):
    """A TCP proxy to a real server that replaces ``old`` with ``new`` (same length) in what the server sends:
    the real server, announcing an older version. Yields the local port."""
    assert len(old) == len(new)
    host, _, port = upstream.rpartition(":")

    def pump(src, dst, rewrite):
        try:
            while chunk := src.recv(65536):
                dst.sendall(chunk.replace(old, new) if rewrite else chunk)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def connect(client):
        server = socket.create_connection((host, int(port or 5432)))
        threading.Thread(target=pump, args=(client, server, False), daemon=True).start()
        threading.Thread(target=pump, args=(server, client, True), daemon=True).start()
        return [client, server]

    with local_listener(connect) as local:
        yield local


def test_server_too_old_is_one_line_exit_2(pg_dsn, pg_conn, mysql_dsn, mysql_conn, tmp_path):
    """The real servers behind a proxy that makes them announce PostgreSQL 11 / MariaDB 10.1: every command
    refuses in one line, exit 2, before reading or writing anything."""
    root = schema(tmp_path)
    mig = tmp_path / "mig"
    mig.mkdir()
    (mig / "0001_t.sql").write_text("CREATE TABLE too_old_marker (id int);\n")
    from jobschema.migrate.directory import MigrationDir

    MigrationDir(str(mig)).rehash()
    commands = (("audit", "--schema", str(root)), ("migrate", "--dir", str(mig), "--module", "m"),
                ("inspect", "--module", "q", "--out", str(tmp_path / "i")))
    version = pg_conn.execute("SHOW server_version").fetchone()[0]
    major = version.split(".")[0].encode()
    assert len(major) == 2
    pg_user_host, _, pg_db = pg_dsn.split("://", 1)[1].partition("/")
    pg_user, _, pg_host = pg_user_host.rpartition("@")
    with version_rewriting_proxy(pg_host, b"server_version\x00" + major + b".", b"server_version\x0011.") as port:
        dsn = f"postgresql://{pg_user}@127.0.0.1:{port}/{pg_db.split('?')[0]}?sslmode=disable&gssencmode=disable"
        for cmd in commands:
            assert_one_line_error(run(*cmd, "--dsn", dsn), "PostgreSQL 11", "too old", "12 or later")
    assert pg_conn.execute("SELECT to_regclass('too_old_marker'), to_regclass('jobschema_migrations')"
                           ).fetchone() == (None, None)
    with mysql_conn.cursor() as cur:
        cur.execute("SELECT VERSION()")
        live = cur.fetchone()[0]
    assert "MariaDB" in live and live.startswith("10.11."), live
    my_user_host, _, my_db = mysql_dsn.split("://", 1)[1].partition("/")
    my_user, _, my_host = my_user_host.rpartition("@")
    with version_rewriting_proxy(my_host, b"10.11.", b"10.01.") as port:
        dsn = f"mysql://{my_user}@127.0.0.1:{port}/{my_db}"
        for cmd in commands:
            assert_one_line_error(run(*cmd, "--dsn", dsn), "MariaDB 10.1", "too old", "10.3 or later")
    with mysql_conn.cursor() as cur:
        cur.execute("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() "
                    "AND table_name IN ('too_old_marker', 'jobschema_migrations')")
        assert cur.fetchone()[0] == 0
