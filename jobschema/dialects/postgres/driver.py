"""What ``api.audit`` needs from PostgreSQL, in one object: a read-only session, the inspector, the
differ hooks and the violation probes. Every dialect that supports ``audit`` has a ``driver.py`` with a
``DRIVER`` of this shape (see ``dialects/base.py`` ``AuditDriver``).
"""

from __future__ import annotations

import psycopg
import psycopg.sql

from ... import connect
from ...errors import ConnectError
from . import inspect as _inspect
from . import probe as _probe
from .normalize import HOOKS


class PostgresAuditDriver:
    name = "postgres"
    hooks = HOOKS

    def session(self, dsn: str, statement_timeout_ms: int, lock_timeout_ms: int):
        return connect.postgres_read_only(dsn, statement_timeout_ms, lock_timeout_ms)

    def use_namespace(self, conn, namespace: str) -> None:
        """Put ``namespace`` first on the transaction's search path before the catalog is read, as when its
        DDL was applied there: the server then prints view queries, defaults and policies with that
        namespace's names unqualified, as the schema writes them."""
        path = f"{psycopg.sql.Identifier(namespace).as_string(conn)}, public" if namespace != "public" else "public"
        conn.execute("SELECT set_config('search_path', %s, true)", (path,))

    def inspect(self, conn, namespaces, name: str = "live"):
        try:
            return _inspect.inspect(conn, list(namespaces), name)
        except psycopg.errors.InsufficientPrivilege as exc:
            raise ConnectError(f"cannot read the catalog: {_first_line(exc)} (the role needs to read pg_catalog)") \
                from None
        except psycopg.errors.LockNotAvailable:
            raise ConnectError(_locked(conn, namespaces)) from None
        except psycopg.errors.QueryCanceled:
            raise ConnectError("reading the catalog took longer than the statement timeout") from None
        except psycopg.OperationalError as exc:
            raise ConnectError(f"the connection failed while reading the catalog: {_first_line(exc)}") from None

    def probe(self, conn, changes, live):
        try:
            return _probe.probe(conn, changes, live)
        except psycopg.OperationalError as exc:
            raise ConnectError(f"the connection failed while counting rows: {_first_line(exc)}") from None


LOCKS = """
SELECT DISTINCT n.nspname, c.relname, l.mode, l.pid
FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE l.granted AND l.mode = 'AccessExclusiveLock' AND l.pid <> pg_backend_pid() AND n.nspname = ANY(%s)
ORDER BY 1, 2 LIMIT 5"""


def _locked(conn, namespaces) -> str:
    """The message for a catalog read that ran out of lock timeout, naming who holds what, if it can."""
    held = ""
    try:
        conn.rollback()
        rows = conn.execute(LOCKS, (sorted(namespaces),)).fetchall()
        held = ", ".join(f"{ns}.{rel} ({mode}, pid {pid})" for ns, rel, mode, pid in rows)
    except psycopg.Error:
        pass
    what = f"another session holds a lock on {held}" if held else "another session holds a lock on a table"
    return (f"cannot read the catalog: {what} and the audit's lock timeout ran out; nothing was read or "
            "changed. Run again when that session (a migration, an ALTER TABLE) has finished")


def _first_line(exc: Exception) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


DRIVER = PostgresAuditDriver()
