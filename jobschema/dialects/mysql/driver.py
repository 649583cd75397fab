"""What the audit needs from MySQL/MariaDB: a read-only session, the inspector, the differ hooks and the
violation probes (the same functions as ``dialects/postgres/driver.py``); nothing is kept between calls.

The database to inspect is the one the DSN names (a MySQL database plays the part of a PostgreSQL
schema); its tables are labelled with the audited module's namespace so the two sides line up.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Sequence

from ...errors import ConnectError
from ...model.live import LiveCatalog
from ...model.objects import Module
from . import inspect as _inspect
from . import probe as _probe
from . import session as _session
from .normalize import MysqlHooks
from .version import ServerVersion


def _first_line(exc: Exception) -> str:
    args = getattr(exc, "args", ())
    text = str(args[1]) if len(args) > 1 else str(exc)
    lines = text.strip().splitlines()
    return lines[0] if lines else type(exc).__name__


@contextlib.contextmanager
def session(dsn: str, statement_timeout_ms: int, lock_timeout_ms: int, application: str = "jobschema audit",
            catalog_connections: int = 1):
    """The connection inside one read-only transaction with the audit's timeouts; always rolled back.

    The catalog is read on this one connection whatever ``catalog_connections`` asks: MariaDB cannot
    hand one snapshot to several sessions (``START TRANSACTION WITH CONSISTENT SNAPSHOT`` gives each its
    own), and its ``information_schema`` is not read through a snapshot anyway; the client's share,
    PyMySQL decoding rows in pure Python, holds the GIL, so more connections would not overlap it."""
    import pymysql

    conn = _session.connect(dsn)
    try:
        try:
            cm = _session.read_only(conn, statement_timeout_ms / 1000.0, max(1, int(lock_timeout_ms) // 1000))
            cm.__enter__()
        except pymysql.MySQLError as exc:
            raise ConnectError(f"cannot open a read-only session: {_first_line(exc)}") from None
        try:
            yield conn
        finally:
            cm.__exit__(None, None, None)
    finally:
        with contextlib.suppress(Exception):
            conn.close()


def inspect(conn, namespaces: Sequence[str] = ("public",), search: str | None = None,
            name: str = "live") -> LiveCatalog:
    """The DSN's database, its tables labelled ``search`` (the audited module's namespace) or else the
    namespace the PostgreSQL side would read first."""
    import pymysql

    db = conn.db.decode() if isinstance(conn.db, bytes) else conn.db
    label = search or ("public" if "public" in namespaces or not namespaces else sorted(namespaces)[0])
    try:
        return dataclasses.replace(_inspect.inspect(conn, db, name, label), database=db)
    except pymysql.MySQLError as exc:
        code = exc.args[0] if exc.args else None
        if code in (1969, 3024):
            raise ConnectError("reading the catalog took longer than the statement timeout") from None
        raise ConnectError(f"cannot read information_schema: {_first_line(exc)}") from None


def hooks(desired: Sequence[Module], live: LiveCatalog) -> MysqlHooks:
    """Hooks bound to the audited modules (whether a text column is indexed decides its MySQL type)
    and to the server (MariaDB or MySQL); a new object per audit, never stored."""
    return MysqlHooks(ServerVersion.parse(live.server_version or "")).for_module(
        tuple(desired), live.module.database, live.module)


def probe(conn, changes, live: LiveCatalog, hooks: MysqlHooks):
    import pymysql

    try:
        return _probe.probe(conn, changes, live, hooks)
    except pymysql.OperationalError as exc:
        raise ConnectError(f"the connection failed while counting rows: {_first_line(exc)}") from None
