"""What the audit needs from PostgreSQL: a read-only session, the inspector, the differ hooks and the
violation probes, with driver errors turned into one ``ConnectError`` line. The dialect object
(``__init__.py``) answers ``Dialect.session``/``inspect``/``hooks``/``probe`` from here; nothing is kept
between calls.
"""

from __future__ import annotations

import contextlib
import functools
from dataclasses import dataclass

import psycopg
import psycopg.sql

from ...errors import ConnectError
from . import inspect as _inspect
from . import probe as _probe
from . import session as _session
from .normalize import HOOKS


@dataclass(frozen=True)
class _Share:
    """How to open more sessions on the snapshot a session exported, for its catalog reads."""

    dsn: str
    snapshot: str
    helpers: int
    statement_timeout_ms: int
    lock_timeout_ms: int
    application: str

    def openers(self, search_path: str | None) -> list:
        return [functools.partial(_session.snapshot_session, self.dsn, self.snapshot, search_path,
                                  self.statement_timeout_ms, self.lock_timeout_ms, self.application)
                for _ in range(self.helpers)]


_SHARES: dict[int, _Share] = {}  # id of an open session's connection -> its share, while the session lasts


@contextlib.contextmanager
def session(dsn: str, statement_timeout_ms: int, lock_timeout_ms: int, application: str = "jobschema audit",
            catalog_connections: int = 1):
    """The audit's read-only session. With ``catalog_connections`` above one, it exports its snapshot so
    ``inspect`` can send the catalog queries on that many sessions at once, all seeing one state of the
    database (the others are opened for the inspection and closed after it)."""
    with _session.read_only(dsn, statement_timeout_ms, lock_timeout_ms, application_name=application) as conn:
        snapshot = _session.export_snapshot(conn, statement_timeout_ms, lock_timeout_ms) \
            if catalog_connections > 1 else None
        if snapshot is not None:
            _SHARES[id(conn)] = _Share(dsn, snapshot, catalog_connections - 1, statement_timeout_ms,
                                       lock_timeout_ms, application)
        try:
            yield conn
        finally:
            _SHARES.pop(id(conn), None)


def search_path(conn, namespace: str) -> str:
    return f"{psycopg.sql.Identifier(namespace).as_string(conn)}, public" if namespace != "public" else "public"


def use_namespace(conn, namespace: str) -> None:
    """Put ``namespace`` first on the transaction's search path before the catalog is read, as when its
    DDL was applied there: the server then prints view queries, defaults and policies with that
    namespace's names unqualified, as the schema writes them."""
    conn.execute("SELECT set_config('search_path', %s, true)", (search_path(conn, namespace),))


def inspect(conn, namespaces, search: str | None = None, name: str = "live"):
    """The catalog of ``namespaces``, read with ``search`` first on the search path when given (on the
    session's snapshot-sharing helpers too, when it has them)."""
    try:
        if search:
            use_namespace(conn, search)
        share = _SHARES.get(id(conn))
        helpers = share.openers(search_path(conn, search) if search else None) if share else ()
        return _inspect.inspect(conn, list(namespaces), name, helpers)
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

