"""Fixtures for tests against real PostgreSQL and MariaDB/MySQL servers.

Servers come from ``JOBSCHEMA_TEST_PG_DSN`` / ``JOBSCHEMA_TEST_MYSQL_DSN`` (superuser DSNs). If the
configured server does not answer, a throwaway server is started from local binaries by pytest-postgresql
or pytest-mysql (``servers.py``); if that fails too, the tests are skipped, or failed under ``CI=true``.
Every test gets its own freshly created database, dropped afterwards.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# ``import jobschema`` and ``import dbutil`` must work under a bare ``pytest`` and any import mode.
for _path in (Path(__file__).resolve().parent.parent, Path(__file__).resolve().parent):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from dbutil import (  # noqa: E402
    DbServer,
    connect_mysql,
    connect_pg,
    probe_mysql,
    probe_pg,
    resolve_server,
    temp_mysql_database,
    temp_pg_database,
)
from servers import (  # noqa: E402, F401 - the fixtures pg_server and mysql_server choose between
    MYSQL_DSN,
    PG_DSN,
    mysql_configured,
    mysql_throwaway,
    mysql_throwaway_dsn,
    pg_configured,
    pg_throwaway,
    pg_throwaway_dsn,
)

from jobschema.connect import redact_dsn  # noqa: E402

SESSION_SERVERS: list[DbServer] = []  # what this session used, for the summary line


@pytest.fixture(scope="session")
def pg_server(request: pytest.FixtureRequest) -> DbServer:
    """The PostgreSQL server for this session: ``.dsn`` (superuser), ``.origin`` and ``.template``."""
    server = resolve_server("PostgreSQL", PG_DSN, probe_pg,
                            lambda: pg_throwaway_dsn(request.getfixturevalue("pg_throwaway")))
    executor = request.getfixturevalue("pg_configured" if server.origin == "configured" else "pg_throwaway")
    server.template = executor.template_dbname
    SESSION_SERVERS.append(server)
    return server


@pytest.fixture(scope="session")
def mysql_server(request: pytest.FixtureRequest) -> DbServer:
    """The MariaDB/MySQL server for this session: ``.dsn`` (superuser) and ``.origin``."""
    server = resolve_server("MySQL/MariaDB", MYSQL_DSN, probe_mysql,
                            lambda: mysql_throwaway_dsn(request.getfixturevalue("mysql_throwaway")))
    if server.origin == "configured":
        request.getfixturevalue("mysql_configured")
    SESSION_SERVERS.append(server)
    return server


def pytest_terminal_summary(terminalreporter) -> None:
    """Say which servers the integration tests ran against: a throwaway server is worth knowing about."""
    for server in SESSION_SERVERS:
        terminalreporter.write_line(f"jobschema test server: {server.kind} {server.origin} {redact_dsn(server.dsn)}")


@pytest.fixture
def pg_dsn(pg_server: DbServer) -> Iterator[str]:
    """DSN of a fresh, empty PostgreSQL database (``jst_<hex>``), dropped afterwards."""
    with temp_pg_database(pg_server.dsn, pg_server.template) as dsn:
        yield dsn


@pytest.fixture
def pg_conn(pg_dsn: str) -> Iterator:
    """Autocommit psycopg connection to ``pg_dsn``."""
    conn = connect_pg(pg_dsn)
    try:
        yield conn
    finally:
        conn.close()


@pytest.fixture
def mysql_dsn(mysql_server: DbServer) -> Iterator[str]:
    """DSN of a fresh, empty utf8mb4 MySQL/MariaDB database (``jst_<hex>``), dropped afterwards."""
    with temp_mysql_database(mysql_server.dsn) as dsn:
        yield dsn


@pytest.fixture
def mysql_conn(mysql_dsn: str) -> Iterator:
    """Autocommit utf8mb4 pymysql connection to ``mysql_dsn``."""
    conn = connect_mysql(mysql_dsn)
    try:
        yield conn
    finally:
        conn.close()
