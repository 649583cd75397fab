"""The database fixtures and helpers themselves, against real servers."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import psycopg
import pymysql
import pytest
from dbutil import (
    apply_sql_mysql,
    apply_sql_pg,
    connect_pg,
    database_of,
    mysql_database_exists,
    pg_database_exists,
    resolve_server,
    split_mysql_statements,
    temp_mysql_database,
    temp_pg_database,
)

from jobschema.connect import redact_dsn
from jobschema.dialects.mysql.dsn import parse_mysql_dsn

TESTS = Path(__file__).resolve().parents[1]


@pytest.fixture
def after_the_test():
    """Checks to run once the test's other fixtures are torn down: request it first, so it is torn down last."""
    checks = []
    yield checks
    for check in checks:
        check()


# -- PostgreSQL fixtures ----------------------------------------------------------------------------


@pytest.mark.parametrize("round_", [1, 2])
def test_pg_dsn_is_a_fresh_database(round_, pg_dsn, pg_conn, pg_server):
    name = database_of(pg_dsn)
    assert name.startswith("jst_")
    assert pg_conn.execute("SELECT current_database()").fetchone()[0] == name
    assert pg_conn.autocommit
    user_tables = pg_conn.execute(
        "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'"
    ).fetchone()[0]
    assert user_tables == 0
    pg_conn.execute("CREATE TABLE leftover (id int)")  # must not be visible to the next round


def test_pg_dsn_is_dropped_after_the_test(after_the_test, pg_server, pg_dsn, pg_conn):
    name = database_of(pg_dsn)
    assert pg_database_exists(pg_server.dsn, name)
    after_the_test.append(lambda: pytest.fail(f"{name} left behind") if pg_database_exists(pg_server.dsn, name)
                          else None)


def test_temp_pg_database_is_dropped_despite_open_connection(pg_server):
    with temp_pg_database(pg_server.dsn) as dsn:
        leaked = connect_pg(dsn)
        assert pg_database_exists(pg_server.dsn, database_of(dsn))
    assert not pg_database_exists(pg_server.dsn, database_of(dsn))
    with pytest.raises(psycopg.OperationalError):
        leaked.execute("SELECT 1")
    leaked.close()


def test_apply_sql_pg_runs_a_multi_statement_script(pg_dsn, pg_conn):
    apply_sql_pg(
        pg_dsn,
        """
        CREATE TABLE job (id bigint PRIMARY KEY, state text NOT NULL DEFAULT 'new; really');
        CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.state := NEW.state || '!';  -- a ';' inside the body
            RETURN NEW;
        END;
        $$;
        CREATE TRIGGER job_touch BEFORE INSERT ON job FOR EACH ROW EXECUTE FUNCTION touch();
        INSERT INTO job (id) VALUES (1);
        """,
    )
    assert pg_conn.execute("SELECT state FROM job").fetchone()[0] == "new; really!"


def test_apply_sql_pg_is_all_or_nothing(pg_dsn, pg_conn):
    with pytest.raises(psycopg.errors.UndefinedTable):
        apply_sql_pg(pg_dsn, "CREATE TABLE a (id int); INSERT INTO missing VALUES (1);")
    assert pg_conn.execute("SELECT to_regclass('a')").fetchone()[0] is None


# -- MySQL / MariaDB fixtures -----------------------------------------------------------------------


def _scalar(conn, query, args=None):
    with conn.cursor() as cur:
        cur.execute(query, args)
        return cur.fetchone()[0]


@pytest.mark.parametrize("round_", [1, 2])
def test_mysql_dsn_is_a_fresh_database(round_, mysql_dsn, mysql_conn, mysql_server):
    name = database_of(mysql_dsn)
    assert name.startswith("jst_")
    assert _scalar(mysql_conn, "SELECT DATABASE()") == name
    assert mysql_conn.get_autocommit()
    assert _scalar(mysql_conn, "SELECT @@character_set_database") == "utf8mb4"
    assert _scalar(mysql_conn, "SELECT @@character_set_client") == "utf8mb4"
    assert _scalar(mysql_conn, "SELECT count(*) FROM information_schema.tables WHERE table_schema = %s",
                   (name,)) == 0
    with mysql_conn.cursor() as cur:
        cur.execute("CREATE TABLE leftover (id int)")


def test_mysql_dsn_is_dropped_after_the_test(after_the_test, mysql_server, mysql_dsn, mysql_conn):
    name = database_of(mysql_dsn)
    assert mysql_database_exists(mysql_server.dsn, name)
    after_the_test.append(lambda: pytest.fail(f"{name} left behind")
                          if mysql_database_exists(mysql_server.dsn, name) else None)


def test_temp_mysql_database_is_dropped(mysql_server):
    with temp_mysql_database(mysql_server.dsn) as dsn:
        name = database_of(dsn)
        assert mysql_database_exists(mysql_server.dsn, name)
    assert not mysql_database_exists(mysql_server.dsn, name)


def test_apply_sql_mysql_keeps_trigger_bodies_whole(mysql_dsn, mysql_conn):
    count = apply_sql_mysql(
        mysql_dsn,
        """
        -- a job queue with a normalising trigger
        CREATE TABLE job (
            id BIGINT PRIMARY KEY,
            state VARCHAR(20) NOT NULL DEFAULT 'new',
            note VARCHAR(50) DEFAULT 'semi;colon /* not a comment */ -- nor this'
        );
        CREATE TRIGGER job_bi BEFORE INSERT ON job FOR EACH ROW
        BEGIN
            IF NEW.id < 0 THEN
                SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'negative id; rejected';
            END IF;
            SET NEW.state = CASE WHEN NEW.state = '' THEN 'new' ELSE UPPER(NEW.state) END;
        END;
        # a hash comment; with a semicolon
        INSERT INTO job (id, state) VALUES (1, 'queued'), (2, '');
        """,
    )
    assert count == 3
    with mysql_conn.cursor() as cur:
        cur.execute("SELECT id, state, note FROM job ORDER BY id")
        assert cur.fetchall() == (
            (1, "QUEUED", "semi;colon /* not a comment */ -- nor this"),
            (2, "new", "semi;colon /* not a comment */ -- nor this"),
        )
    with pytest.raises(pymysql.err.OperationalError, match="negative id; rejected"):
        apply_sql_mysql(mysql_dsn, "INSERT INTO job (id) VALUES (-1)")


def test_apply_sql_mysql_honours_delimiter_blocks(mysql_dsn, mysql_conn):
    apply_sql_mysql(
        mysql_dsn,
        """
        DELIMITER //
        CREATE PROCEDURE fill(IN n INT)
        BEGIN
            DECLARE i INT DEFAULT 0;
            CREATE TABLE IF NOT EXISTS nums (n INT);
            WHILE i < n DO
                INSERT INTO nums VALUES (i);
                SET i = i + 1;
            END WHILE;
        END//
        DELIMITER ;
        CALL fill(3);
        CALL fill(2);
        """,
    )
    assert _scalar(mysql_conn, "SELECT count(*) FROM nums") == 5


def test_apply_sql_mysql_names_the_failing_statement(mysql_dsn):
    with pytest.raises(pymysql.MySQLError, match=r"in statement 2: INSERT INTO nowhere"):
        apply_sql_mysql(mysql_dsn, "CREATE TABLE t (id int); INSERT INTO nowhere VALUES (1); SELECT 1;")


# -- pure helpers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("SELECT 1; SELECT 2", ["SELECT 1", "SELECT 2"]),
        ("SELECT ';', \"a;\", `b;c`; SELECT 'it''s; \\' ok'", ["SELECT ';', \"a;\", `b;c`",
                                                            "SELECT 'it''s; \\' ok'"]),
        ("-- only; a comment\n/* and; this */\n# and; this", []),
        ("/*!40101 SET NAMES utf8mb4 */;", ["/*!40101 SET NAMES utf8mb4 */"]),
        ("CREATE TABLE ev (event INT, `begin` INT); BEGIN; COMMIT;",
         ["CREATE TABLE ev (event INT, `begin` INT)", "BEGIN", "COMMIT"]),
        ("CREATE DEFINER=root@localhost PROCEDURE p() BEGIN SELECT 1; lbl: LOOP LEAVE lbl; END LOOP lbl; "
         "END; SELECT t.end FROM t",
         ["CREATE DEFINER=root@localhost PROCEDURE p() BEGIN SELECT 1; lbl: LOOP LEAVE lbl; END LOOP lbl; "
          "END", "SELECT t.end FROM t"]),
        ("CREATE FUNCTION f() RETURNS INT BEGIN CASE WHEN 1 THEN RETURN 1; ELSE BEGIN RETURN 2; END; "
         "END CASE; END; SELECT CASE WHEN 1 THEN 2 END",
         ["CREATE FUNCTION f() RETURNS INT BEGIN CASE WHEN 1 THEN RETURN 1; ELSE BEGIN RETURN 2; END; "
          "END CASE; END", "SELECT CASE WHEN 1 THEN 2 END"]),
        ("DELIMITER $$\nCREATE PROCEDURE q() BEGIN SELECT '$$'; END$$\ndelimiter ;\nSELECT 2;",
         ["CREATE PROCEDURE q() BEGIN SELECT '$$'; END", "SELECT 2"]),
    ],
)
def test_split_mysql_statements(script, expected):
    assert split_mysql_statements(script) == expected


def test_parse_mysql_dsn():
    assert parse_mysql_dsn("mysql://root@127.0.0.1:3306/mysql") == {
        "host": "127.0.0.1", "port": 3306, "user": "root", "password": "", "database": "mysql",
    }
    assert parse_mysql_dsn("mysql://a%40b:p%3Aw%2F@db.example") == {
        "host": "db.example", "port": 3306, "user": "a@b", "password": "p:w/", "database": None,
    }
    with pytest.raises(ValueError) as excinfo:
        parse_mysql_dsn("mysql://u:s3cret@h:notaport/db")
    assert "s3cret" not in str(excinfo.value)
    assert redact_dsn("mysql://u:s3cret@h/db") == "mysql://u:***@h/db"


def test_resolve_server_prefers_the_configured_server():
    def start():
        raise AssertionError("must not start a throwaway server")

    server = resolve_server("PostgreSQL", "postgresql://x", lambda dsn: None, start)
    assert (server.dsn, server.origin) == ("postgresql://x", "configured")


def test_resolve_server_starts_a_throwaway_one_when_the_configured_one_is_silent():
    server = resolve_server("PostgreSQL", "postgresql://x", lambda dsn: "refused", lambda: "postgresql://y")
    assert (server.dsn, server.origin) == ("postgresql://y", "throwaway")


def _unstartable():
    raise FileNotFoundError("no binaries")


def test_resolve_server_fails_under_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="no binaries"):
        resolve_server("PostgreSQL", "postgresql://x", lambda dsn: "refused", _unstartable)


def test_resolve_server_skips_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="refused"):
        resolve_server("PostgreSQL", "postgresql://x", lambda dsn: "refused", _unstartable)


# -- throwaway servers ------------------------------------------------------------------------------


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_silent_configured_servers_give_way_to_throwaway_ones_that_vanish():
    """With both configured servers silent and CI=true, a session runs on throwaway servers (pytest-postgresql's
    and pytest-mysql's), fails nothing, skips nothing, and leaves no server listening."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PG", "MYSQL"))}
    env.update(CI="true", JOBSCHEMA_TEST_PG_DSN=f"postgresql://postgres@127.0.0.1:{_closed_port()}/postgres",
               JOBSCHEMA_TEST_MYSQL_DSN=f"mysql://root@127.0.0.1:{_closed_port()}/mysql")
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(Path(__file__)),
         "-k", "fresh_database or dropped_after_the_test"],
        cwd=TESTS.parent, env=env, capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert re.search(r"^6 passed", run.stdout, re.MULTILINE), run.stdout[-2000:]
    servers = dict(re.findall(r"^jobschema test server: (\S+) throwaway \S+@127\.0\.0\.1:(\d+)/", run.stdout,
                              re.MULTILINE))
    assert set(servers) == {"PostgreSQL", "MySQL/MariaDB"}, run.stdout[-2000:]
    assert not [port for port in servers.values() if _port_open(int(port))]


# -- property-test settings -------------------------------------------------------------------------

def test_property_tests_are_deterministic_under_ci_and_random_elsewhere(monkeypatch):
    from dbutil import property_derandomize

    monkeypatch.setenv("CI", "true")
    assert property_derandomize() is True
    monkeypatch.delenv("CI")
    assert property_derandomize() is False


def test_property_example_count_is_small_by_default_and_raised_by_the_variable(monkeypatch):
    from dbutil import property_examples

    monkeypatch.delenv("JOBSCHEMA_PROPERTY_EXAMPLES", raising=False)
    assert property_examples(20) == 3
    monkeypatch.setenv("JOBSCHEMA_PROPERTY_EXAMPLES", "400")
    assert property_examples(20) == 20
    monkeypatch.setenv("JOBSCHEMA_PROPERTY_EXAMPLES", "1")
    assert property_examples(20) == 1


def test_random_drift_property_uses_those_settings(monkeypatch):
    """The drift property test (each example a database) is derandomized exactly when CI=true."""
    import subprocess
    import sys
    from pathlib import Path

    tests = Path(__file__).resolve().parents[1]
    code = ("import sys; sys.path.insert(0, %r); sys.path.insert(0, %r); import test_migrate as t; "
            "s = t.PROPERTY_SETTINGS; print(s.derandomize, s.max_examples, s.database)")
    for ci, examples, want in (("true", "", "True 3 None"), ("", "200", "False 10")):
        env = {k: v for k, v in os.environ.items() if k not in ("CI", "JOBSCHEMA_PROPERTY_EXAMPLES")}
        if ci:
            env["CI"] = ci
        if examples:
            env["JOBSCHEMA_PROPERTY_EXAMPLES"] = examples
        out = subprocess.run([sys.executable, "-c", code % (str(tests), str(tests / "integration"))], env=env,
                             capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        assert out.stdout.strip().startswith(want), (ci, examples, out.stdout)
