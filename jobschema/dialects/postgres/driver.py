"""What the audit needs from PostgreSQL: a read-only session, the inspector, the differ hooks and the
violation probes, with driver errors turned into one ``ConnectError`` line. The dialect object
(``__init__.py``) answers ``Dialect.session``/``inspect``/``hooks``/``probe`` from here; nothing is kept
between calls.
"""

from __future__ import annotations

import psycopg
import psycopg.sql

from ...errors import ConnectError
from . import inspect as _inspect
from . import probe as _probe
from . import session as _session
from .normalize import HOOKS


def session(dsn: str, statement_timeout_ms: int, lock_timeout_ms: int, application: str = "jobschema audit"):
    return _session.read_only(dsn, statement_timeout_ms, lock_timeout_ms, application_name=application)


def use_namespace(conn, namespace: str) -> None:
    """Put ``namespace`` first on the transaction's search path before the catalog is read, as when its
    DDL was applied there: the server then prints view queries, defaults and policies with that
    namespace's names unqualified, as the schema writes them."""
    path = f"{psycopg.sql.Identifier(namespace).as_string(conn)}, public" if namespace != "public" else "public"
    conn.execute("SELECT set_config('search_path', %s, true)", (path,))


def inspect(conn, namespaces, search: str | None = None, name: str = "live"):
    """The catalog of ``namespaces``, read with ``search`` first on the search path when given."""
    try:
        if search:
            use_namespace(conn, search)
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


def hooks(desired, live):
    """PostgreSQL's differ answers depend on neither the modules nor the server: one shared object."""
    return HOOKS


def probe(conn, changes, live, hooks=None):
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

