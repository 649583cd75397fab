"""The audit's PostgreSQL connection: read-only, with short statement and lock timeouts.

Everything the audit sends (catalog queries, data probes) runs in one ``REPEATABLE READ READ ONLY``
transaction whose ``statement_timeout``, ``lock_timeout`` and ``idle_in_transaction_session_timeout`` end
with it. Connection failures become one ``ConnectError`` line without the password (the MySQL side is
``dialects/mysql/session.py``).
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator

from ...connect import DEFAULT_LOCK_TIMEOUT_MS, DEFAULT_STATEMENT_TIMEOUT_MS, redact_dsn, scrub
from ...errors import ConnectError
from . import version


def _pg_target(dsn: str) -> str:
    """``host:port/database`` for messages, from the DSN and the PG* variables, never with a password."""
    import psycopg

    try:
        info = psycopg.conninfo.conninfo_to_dict(dsn)
    except psycopg.Error:
        return redact_dsn(dsn)
    host = info.get("host") or os.environ.get("PGHOST") or "localhost"
    port = info.get("port") or os.environ.get("PGPORT") or "5432"
    db = info.get("dbname") or os.environ.get("PGDATABASE") or info.get("user") or os.environ.get("PGUSER") or ""
    return f"{host}:{port}/{db}"


def connect_reason(exc: Exception, dsn: str) -> str:
    """One line saying why a PostgreSQL connection failed: unreachable, bad password, unknown database,
    no privilege. Never holds the password."""
    return scrub(f"cannot connect to PostgreSQL at {_pg_target(dsn)}: {connect_problem(exc)}", dsn)


def connect_problem(exc: Exception) -> str:
    """Why a PostgreSQL connection failed, in a few words (no host, no password)."""
    text = " ".join(str(exc).split())
    low = text.lower()
    if "password authentication failed" in low or "no password supplied" in low:
        user = re.search(r'for user "([^"]*)"', text)
        reason = f"password authentication failed for user {user.group(1)!r}" if user else "authentication failed"
    elif "does not exist" in low and "database" in low:
        db = re.search(r'database "([^"]*)" does not exist', text)
        reason = f"database {db.group(1)!r} does not exist" if db else "the database does not exist"
    elif "permission denied" in low or "not have connect privilege" in low or "pg_hba.conf" in low:
        reason = "the role may not connect to this database (missing CONNECT privilege or pg_hba.conf entry)"
        if "permission denied for database" in low:
            reason = "permission denied: the role lacks the CONNECT privilege on this database"
    elif "could not translate host name" in low or "name or service not known" in low:
        reason = "unknown host name"
    elif "connection refused" in low:
        reason = "connection refused (is the server running and accepting TCP connections on that port?)"
    elif "timeout expired" in low or "timed out" in low:
        reason = "the server did not answer in time (unreachable host or firewall)"
    elif "no route to host" in low or "network is unreachable" in low:
        reason = "host unreachable"
    elif "role" in low and "does not exist" in low:
        role = re.search(r'role "([^"]*)" does not exist', text)
        reason = f"role {role.group(1)!r} does not exist" if role else "unknown role"
    elif "ssl negotiation" in low or "expected authentication request" in low \
            or "server closed the connection unexpectedly" in low:
        reason = "the server on that port does not speak the PostgreSQL protocol (a MySQL port? use mysql://)"
    elif "invalid dsn" in low or "invalid connection option" in low or "missing \"=\"" in low:
        reason = "the DSN cannot be read"
    else:
        reason = text.split(": ", 1)[-1][:200] if text else type(exc).__name__
    return reason


def connect(dsn: str, connect_timeout: int = 10, **kwargs):
    """A psycopg connection (not autocommit) or ``ConnectError`` with one redacted line."""
    import psycopg

    kwargs.setdefault("application_name", "jobschema audit")
    try:
        conn = psycopg.connect(dsn, autocommit=False, **connect_kwargs(dsn, connect_timeout), **kwargs)
    except (psycopg.Error, ValueError) as exc:
        raise ConnectError(connect_reason(exc, dsn)) from None
    try:
        version.check(conn.info.server_version)
    except ConnectError:
        conn.close()
        raise
    return conn


def connect_kwargs(dsn: str, connect_timeout: int = 10) -> dict:
    """``connect_timeout`` unless the DSN (or ``PGCONNECT_TIMEOUT``) sets its own."""
    import psycopg

    try:
        given = psycopg.conninfo.conninfo_to_dict(dsn).get("connect_timeout")
    except psycopg.Error:
        given = None
    if given or os.environ.get("PGCONNECT_TIMEOUT"):
        return {}
    return {"connect_timeout": connect_timeout}


IDLE_FLOOR_MS = 60_000  # the idle timeout guards against a hung client, not a slow statement: a tiny
# --statement-timeout must not end the session while the audit works between two queries


def begin_read_only(conn, statement_timeout_ms: int = DEFAULT_STATEMENT_TIMEOUT_MS,
                       lock_timeout_ms: int = DEFAULT_LOCK_TIMEOUT_MS) -> None:
    """Start the one transaction the audit runs in: READ ONLY, with statement and lock timeouts that
    last until it ends (``set_config(..., true)`` is ``SET LOCAL``)."""
    import psycopg

    conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
    conn.read_only = True  # psycopg opens the transaction with BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY
    _set_timeouts(conn, statement_timeout_ms, lock_timeout_ms)


def _set_timeouts(conn, statement_timeout_ms: int, lock_timeout_ms: int) -> None:
    with conn.cursor() as cur:
        cur.execute("SELECT set_config('statement_timeout', %s, true), set_config('lock_timeout', %s, true), "
                    "set_config('idle_in_transaction_session_timeout', %s, true)",
                    (f"{int(statement_timeout_ms)}ms", f"{int(lock_timeout_ms)}ms",
                     f"{max(int(statement_timeout_ms) * 4, IDLE_FLOOR_MS)}ms"))


@contextlib.contextmanager
def read_only(dsn: str, statement_timeout_ms: int = DEFAULT_STATEMENT_TIMEOUT_MS,
                       lock_timeout_ms: int = DEFAULT_LOCK_TIMEOUT_MS, **kwargs) -> Iterator:
    """Connect, open the read-only transaction, yield the connection; always roll back and close."""
    import psycopg

    conn = connect(dsn, **kwargs)
    try:
        try:
            begin_read_only(conn, statement_timeout_ms, lock_timeout_ms)
        except psycopg.Error as exc:
            raise ConnectError(connect_reason(exc, dsn)) from None
        yield conn
    finally:
        with contextlib.suppress(Exception):
            conn.rollback()
        with contextlib.suppress(Exception):
            conn.close()


def export_snapshot(conn, statement_timeout_ms: int = DEFAULT_STATEMENT_TIMEOUT_MS,
                    lock_timeout_ms: int = DEFAULT_LOCK_TIMEOUT_MS) -> str | None:
    """The id other sessions can adopt to see exactly what ``conn``'s transaction sees, or None where the
    server refuses to export one (a pooler in transaction mode, a server that forbids it). Called before
    anything is read: a refusal aborts the transaction, which is then started again, unchanged."""
    import psycopg

    try:
        return conn.execute("SELECT pg_export_snapshot()").fetchone()[0]
    except psycopg.Error:
        conn.rollback()
        begin_read_only(conn, statement_timeout_ms, lock_timeout_ms)
        return None


def snapshot_session(dsn: str, snapshot: str, search_path: str | None,
                     statement_timeout_ms: int = DEFAULT_STATEMENT_TIMEOUT_MS,
                     lock_timeout_ms: int = DEFAULT_LOCK_TIMEOUT_MS, application: str = "jobschema audit"):
    """One more read-only session whose transaction adopts ``snapshot`` (``SET TRANSACTION SNAPSHOT``,
    which must come first in a ``REPEATABLE READ`` transaction), with the same timeouts and search path
    as the audit's own. The caller closes it; psycopg and server errors propagate."""
    import psycopg
    import psycopg.sql

    conn = psycopg.connect(dsn, autocommit=False, application_name=application, **connect_kwargs(dsn))
    try:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        conn.read_only = True
        conn.execute(psycopg.sql.SQL("SET TRANSACTION SNAPSHOT {}").format(psycopg.sql.Literal(snapshot)))
        _set_timeouts(conn, statement_timeout_ms, lock_timeout_ms)
        if search_path is not None:
            conn.execute("SELECT set_config('search_path', %s, true)", (search_path,))
    except BaseException:
        conn.close()
        raise
    return conn
