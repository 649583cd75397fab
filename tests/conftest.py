"""Fixtures for tests against real PostgreSQL and MariaDB/MySQL servers.

Servers come from ``JOBSCHEMA_TEST_PG_DSN`` / ``JOBSCHEMA_TEST_MYSQL_DSN`` (superuser DSNs). If the
configured server does not answer, a throwaway server is started from local binaries
(``jobschema.devdb``); if that fails too, the tests are skipped, or failed under ``CI=true``.
Every test gets its own freshly created database, dropped afterwards.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# ``import jobschema`` and ``import dbutil`` must work under a bare ``pytest`` and any import mode.
for _path in (Path(__file__).resolve().parent.parent, Path(__file__).resolve().parent):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from dbutil import (  # noqa: E402
    DEFAULT_MYSQL_DSN,
    DEFAULT_PG_DSN,
    DbServer,
    connect_mysql,
    connect_pg,
    probe_mysql,
    probe_pg,
    resolve_server,
    temp_mysql_database,
    temp_pg_database,
)

from jobschema.devdb import ThrowawayServer  # noqa: E402


def _throwaway(kind: str) -> Callable[[], tuple[str, Callable[[], None]]]:
    def start() -> tuple[str, Callable[[], None]]:
        server = ThrowawayServer(kind)
        return server.start(), server.stop

    return start


@pytest.fixture(scope="session")
def pg_server() -> Iterator[DbServer]:
    """The PostgreSQL server for this session: ``.dsn`` (superuser) and ``.origin``."""
    configured = os.environ.get("JOBSCHEMA_TEST_PG_DSN") or DEFAULT_PG_DSN
    server = resolve_server("PostgreSQL", configured, probe_pg, _throwaway("postgres"))
    yield server
    if server.stop is not None:
        server.stop()


@pytest.fixture(scope="session")
def mysql_server() -> Iterator[DbServer]:
    """The MariaDB/MySQL server for this session: ``.dsn`` (superuser) and ``.origin``."""
    configured = os.environ.get("JOBSCHEMA_TEST_MYSQL_DSN") or DEFAULT_MYSQL_DSN
    server = resolve_server("MySQL/MariaDB", configured, probe_mysql, _throwaway("mysql"))
    yield server
    if server.stop is not None:
        server.stop()


@pytest.fixture
def pg_dsn(pg_server: DbServer) -> Iterator[str]:
    """DSN of a fresh, empty PostgreSQL database (``jst_<hex>``), dropped with FORCE afterwards."""
    with temp_pg_database(pg_server.dsn) as dsn:
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
