"""The audit's MySQL/MariaDB connection: read-only, with short statement and lock timeouts.

Everything the audit sends (catalog queries, data probes) runs inside one ``START TRANSACTION READ
ONLY``; ``max_statement_time`` (MariaDB, seconds) or ``max_execution_time`` (MySQL, milliseconds, SELECT
only) bounds each statement and ``lock_wait_timeout`` / ``innodb_lock_wait_timeout`` bound waits for
metadata and row locks. Connection failures become one ``ConnectError`` line without the password.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from ...connect import redact_dsn
from ...errors import ConnectError
from .dsn import MYSQL_NO_ANSWER, mysql_connect_timeout, mysql_no_answer, open_mysql, parse_mysql_dsn
from .version import ServerVersion

DEFAULT_STATEMENT_TIMEOUT = 30.0  # seconds
DEFAULT_LOCK_TIMEOUT = 5  # seconds

_ACCESS_DENIED = {1044, 1045, 1142, 1143, 1227, 1370}
_UNKNOWN_DB = 1049


def connect(dsn: str, connect_timeout: int = 10):
    """A PyMySQL connection for ``mysql://user:pass@host:port/db``; failures are one clear line."""
    import pymysql

    try:
        params = parse_mysql_dsn(dsn)
    except ValueError as exc:
        raise ConnectError(str(exc)) from None
    if not params.get("database"):
        raise ConnectError(f"the MySQL DSN names no database: {redact_dsn(dsn)} (add /<database>)")
    connect_timeout = mysql_connect_timeout(dsn, connect_timeout)
    try:
        return open_mysql(params, autocommit=False, connect_timeout=connect_timeout)
    except pymysql.err.OperationalError as exc:
        code = exc.args[0] if exc.args else None
        msg = str(exc.args[1]) if len(exc.args) > 1 else str(exc)
        where = redact_dsn(dsn)
        if code in MYSQL_NO_ANSWER:
            raise ConnectError(f"cannot connect to {where}: {mysql_no_answer(params, connect_timeout)}") from None
        if code == _UNKNOWN_DB:
            raise ConnectError(f"unknown database {params['database']!r} at {where}") from None
        if code in _ACCESS_DENIED:
            raise ConnectError(f"access denied at {where}: {msg}") from None
        raise ConnectError(f"cannot connect to {where}: {msg}") from None
    except pymysql.MySQLError as exc:
        raise ConnectError(f"cannot connect to {redact_dsn(dsn)}: {' '.join(str(exc).split())}") from None


def server_version(conn) -> ServerVersion:
    with conn.cursor() as cur:
        cur.execute("SELECT VERSION(), @@version_comment")
        version, comment = cur.fetchone()
    return ServerVersion.parse(_text(version), _text(comment))


def _text(v) -> str:
    return v.decode("utf-8", "replace") if isinstance(v, (bytes, bytearray)) else str(v or "")


def session_statements(version: ServerVersion, statement_timeout: float = DEFAULT_STATEMENT_TIMEOUT,
                       lock_timeout: int = DEFAULT_LOCK_TIMEOUT) -> list[str]:
    """The statements that make the session safe for an audit, in order."""
    lock = max(1, int(lock_timeout))
    return [
        # the probes' literals are written for backslash escapes on (base.literal_mysql)
        "SET SESSION sql_mode = REPLACE(@@SESSION.sql_mode, 'NO_BACKSLASH_ESCAPES', '')",
        f"SET SESSION {version.statement_timeout_variable} = {version.statement_timeout_value(statement_timeout)}",
        f"SET SESSION lock_wait_timeout = {lock}",
        f"SET SESSION innodb_lock_wait_timeout = {lock}",
        "SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ",
        "START TRANSACTION READ ONLY" if version.supports_read_only_transaction else "START TRANSACTION",
    ]


@contextlib.contextmanager
def read_only(conn, statement_timeout: float = DEFAULT_STATEMENT_TIMEOUT,
              lock_timeout: int = DEFAULT_LOCK_TIMEOUT) -> Iterator[ServerVersion]:
    """Run the block in one read-only transaction with timeouts set; always rolled back."""
    version = server_version(conn)
    if version.too_old():
        raise ConnectError(version.too_old())
    with conn.cursor() as cur:
        for stmt in session_statements(version, statement_timeout, lock_timeout):
            cur.execute(stmt)
    try:
        yield version
    finally:
        with contextlib.suppress(Exception):
            conn.rollback()
