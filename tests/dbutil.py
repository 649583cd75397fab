"""Helpers for tests that talk to real PostgreSQL and MariaDB servers.

Kept out of ``conftest.py`` so tests can import them (``from dbutil import apply_sql_mysql``) and so the
fixture machinery itself can be tested without going through pytest's fixture resolution.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import quote, urlsplit, urlunsplit

import psycopg
import pymysql
import pytest
from pytest_postgresql.janitor import DatabaseJanitor

from jobschema.connect import redact_dsn
from jobschema.dialects.mysql.dsn import parse_mysql_dsn
from jobschema.dialects.mysql.split import split_mysql_statements  # noqa: F401 - re-exported for tests

CONNECT_TIMEOUT = 3
DEFAULT_PG_DSN = "postgresql://postgres@127.0.0.1:5432/postgres"
DEFAULT_MYSQL_DSN = "mysql://root@127.0.0.1:3306/mysql"
TEST_DB_PREFIX = "jst_"
# This session's name on a server: the per-test databases are cloned from ``<it>_tmpl``.
SESSION_DB_NAME = f"{TEST_DB_PREFIX}s{secrets.token_hex(4)}"


# -- connections ------------------------------------------------------------------------------------


def connect_pg(dsn: str, **kwargs) -> psycopg.Connection:
    """An autocommit psycopg connection, so DDL under test is never left in an open transaction."""
    kwargs.setdefault("connect_timeout", CONNECT_TIMEOUT)
    return psycopg.connect(dsn, autocommit=True, **kwargs)


def connect_mysql(dsn: str, **kwargs) -> pymysql.connections.Connection:
    """An autocommit utf8mb4 pymysql connection for ``mysql://user:pass@host:port/db``."""
    params = parse_mysql_dsn(dsn)
    params.update(charset="utf8mb4", autocommit=True, connect_timeout=CONNECT_TIMEOUT)
    params.update(kwargs)
    return pymysql.connect(**params)


def probe_pg(dsn: str) -> str | None:
    """Return ``None`` if a PostgreSQL server answers at ``dsn``, else a short reason."""
    try:
        connect_pg(dsn).close()
    except psycopg.Error as exc:
        message = str(exc).strip()
        return f"{redact_dsn(dsn)}: {message.splitlines()[0] if message else type(exc).__name__}"
    return None


def probe_mysql(dsn: str) -> str | None:
    """Return ``None`` if a MySQL/MariaDB server answers at ``dsn``, else a short reason."""
    try:
        connect_mysql(dsn).close()
    except (pymysql.MySQLError, ValueError) as exc:
        return f"{redact_dsn(dsn)}: {exc}"
    return None


# -- DSN manipulation -------------------------------------------------------------------------------


def pg_dsn_with_database(dsn: str, database: str) -> str:
    """The same server and credentials, another database; keeps URL DSNs as URLs."""
    if "://" in dsn:
        parts = urlsplit(dsn)
        return urlunsplit(parts._replace(path="/" + quote(database, safe="")))
    return psycopg.conninfo.make_conninfo(dsn, dbname=database)


def mysql_dsn_with_database(dsn: str, database: str) -> str:
    """The same server and credentials, another default schema."""
    parts = urlsplit(dsn)
    return urlunsplit(parts._replace(path="/" + quote(database, safe="")))


def pg_params(dsn: str) -> dict:
    """Host, port, user, password and database of a PostgreSQL DSN, with libpq's defaults filled in."""
    info = psycopg.conninfo.conninfo_to_dict(dsn)
    return {"host": info.get("host") or "127.0.0.1", "port": int(info.get("port") or 5432),
            "user": info.get("user") or "postgres", "password": info.get("password"),
            "dbname": info.get("dbname") or "postgres"}


def mysql_params(dsn: str) -> dict:
    """Host, port, user and password of a MySQL DSN."""
    return parse_mysql_dsn(dsn)


def database_of(dsn: str) -> str:
    """The database a DSN points at (either dialect)."""
    if dsn.startswith(("mysql:", "mariadb:")):
        return parse_mysql_dsn(dsn)["database"] or ""
    return psycopg.conninfo.conninfo_to_dict(dsn).get("dbname", "")


def unique_database_name() -> str:
    """``jst_`` plus 12 hex digits: unique across parallel runs, valid unquoted in both dialects."""
    return TEST_DB_PREFIX + secrets.token_hex(6)


# -- scratch databases ------------------------------------------------------------------------------


@contextlib.contextmanager
def temp_pg_database(admin_dsn: str, template: str | None = None) -> Iterator[str]:
    """Create a fresh database (from ``template``, else ``template1``) on the server behind ``admin_dsn``;
    yield its DSN; drop it after, with pytest-postgresql's janitor, which first ends every connection to it,
    so a connection leaked by the test cannot keep the database alive."""
    params = pg_params(admin_dsn)
    name = unique_database_name()
    janitor = DatabaseJanitor(user=params["user"], host=params["host"], port=params["port"],
                              password=params["password"], dbname=name, template_dbname=template,
                              maintenance_dbname=params["dbname"], connection_timeout=10)
    with janitor:
        yield pg_dsn_with_database(admin_dsn, name)


@contextlib.contextmanager
def temp_mysql_database(admin_dsn: str) -> Iterator[str]:
    """Create a fresh utf8mb4 schema on the server behind ``admin_dsn``; yield its DSN; drop it after."""
    name = unique_database_name()
    admin = connect_mysql(admin_dsn)
    try:
        with admin.cursor() as cur:
            cur.execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4")
    finally:
        admin.close()
    try:
        yield mysql_dsn_with_database(admin_dsn, name)
    finally:
        admin = connect_mysql(admin_dsn)
        try:
            with admin.cursor() as cur:
                cur.execute(f"DROP DATABASE IF EXISTS `{name}`")
        finally:
            admin.close()


def pg_database_exists(admin_dsn: str, name: str) -> bool:
    with connect_pg(admin_dsn) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is not None


def mysql_database_exists(admin_dsn: str, name: str) -> bool:
    conn = connect_mysql(admin_dsn)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT 1 FROM information_schema.schemata WHERE schema_name = %s", (name,))
            return cur.fetchone() is not None
    finally:
        conn.close()


# -- applying SQL scripts ---------------------------------------------------------------------------


def apply_sql_pg(dsn: str, sql_text: str) -> None:
    """Run a whole multi-statement script in one round trip.

    Without parameters psycopg uses the simple query protocol, which accepts many statements and
    runs them as one implicit transaction: a failing script leaves nothing behind. Statements that
    refuse to run inside a transaction block (``CREATE INDEX CONCURRENTLY``, ``VACUUM``) need their
    own call.
    """
    with connect_pg(dsn) as conn:
        conn.execute(sql_text)


def apply_sql_mysql(dsn: str, sql_text: str) -> int:
    """Run a multi-statement script one statement at a time; return how many statements ran.

    MySQL has no transactional DDL, so statements run in order and the first error stops the script;
    the error names the failing statement's position and opening text.
    """
    statements = split_mysql_statements(sql_text)
    conn = connect_mysql(dsn)
    try:
        with conn.cursor() as cur:
            for index, statement in enumerate(statements, 1):
                try:
                    cur.execute(statement)
                except pymysql.MySQLError as exc:
                    head = " ".join(statement.split())[:200]
                    raise type(exc)(*exc.args, f"in statement {index}: {head}") from exc
    finally:
        conn.close()
    return len(statements)


# -- server discovery -------------------------------------------------------------------------------


@dataclass
class DbServer:
    """A server the tests may create databases on: ``dsn`` is a superuser DSN, ``origin`` says how we
    got it (``"configured"`` or ``"throwaway"``), ``template`` the database fresh ones are cloned from."""

    kind: str
    dsn: str
    origin: str
    template: str | None = None


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


PROPERTY_BUDGET = 60  # JOBSCHEMA_PROPERTY_EXAMPLES when unset: small, so the whole suite stays fast


def property_examples(share: int, minimum: int = 1) -> int:
    """How many examples a costly property test runs: its ``1/share`` of the budget JOBSCHEMA_PROPERTY_EXAMPLES
    (60 by default), at least ``minimum``; raise the variable for a longer run of every property test."""
    raw = os.environ.get("JOBSCHEMA_PROPERTY_EXAMPLES", "").strip()
    return max(minimum, (int(raw) if raw else PROPERTY_BUDGET) // share)


def property_derandomize() -> bool:
    """Hypothesis ``derandomize`` for property tests: deterministic under ``CI=true`` (a CI run cannot fail
    by chance on an example no local run saw), random elsewhere so local runs keep exploring."""
    return in_ci()


def resolve_server(
    kind: str,
    configured_dsn: str,
    probe: Callable[[str], str | None],
    start_throwaway: Callable[[], str],
) -> DbServer:
    """Use the configured server if it answers, else a throwaway one (``start_throwaway`` returns its DSN
    and the fixture behind it stops it); if neither works, fail under ``CI=true`` (a silently skipped
    integration suite hides breakage) and skip elsewhere."""
    problem = probe(configured_dsn)
    if problem is None:
        return DbServer(kind, configured_dsn, "configured")
    try:
        return DbServer(kind, start_throwaway(), "throwaway")
    except Exception as exc:  # noqa: BLE001 - any failure to start means "no server", reported below
        failure = " ".join(f"{type(exc).__name__}: {exc}".split())[:1000]
    reason = (f"no {kind} server: configured one does not answer ({problem}) and a throwaway one "
              f"could not be started ({failure})")
    if in_ci():
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def engine_db(request, engine: str) -> tuple:
    """(dsn, connection) of the test's own fresh database on ``engine`` ("postgres" or "mysql")."""
    short = "pg" if engine == "postgres" else "mysql"
    return request.getfixturevalue(f"{short}_dsn"), request.getfixturevalue(f"{short}_conn")


def table_names(conn, engine: str) -> set[str]:
    """The tables of the connection's own namespace (PostgreSQL ``public``, the MariaDB database)."""
    with conn.cursor() as cur:
        if engine == "postgres":
            cur.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
        else:
            cur.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")
        return {r[0] for r in cur.fetchall()}
