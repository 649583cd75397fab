"""What ``api.audit`` needs from MySQL/MariaDB, in one object: a read-only session, the inspector, the
differ hooks and the violation probes (the same shape as ``dialects/postgres/driver.py``).

The database to inspect is the one the DSN names (a MySQL database plays the part of a PostgreSQL
schema); its tables are labelled with the audited module's namespace so the two sides line up.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from ...errors import ConnectError
from ...model.live import LiveCatalog
from ...model.objects import Module
from . import inspect as _inspect
from . import probe as _probe
from . import session as _session
from .normalize import HOOKS, MysqlHooks
from .version import ServerVersion


def _first_line(exc: Exception) -> str:
    args = getattr(exc, "args", ())
    text = str(args[1]) if len(args) > 1 else str(exc)
    lines = text.strip().splitlines()
    return lines[0] if lines else type(exc).__name__


class MysqlAuditDriver:
    name = "mysql"

    def __init__(self) -> None:
        self.hooks: MysqlHooks = HOOKS  # rebound per audit by hooks_for (server version, desired modules)

    @contextlib.contextmanager
    def session(self, dsn: str, statement_timeout_ms: int, lock_timeout_ms: int):
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

    def inspect(self, conn, namespaces: Sequence[str] = ("public",), name: str = "live") -> LiveCatalog:
        import pymysql

        db = conn.db.decode() if isinstance(conn.db, bytes) else conn.db
        label = "public" if "public" in namespaces or not namespaces else sorted(namespaces)[0]
        try:
            live = _inspect.inspect(conn, db, name, label)
        except pymysql.MySQLError as exc:
            code = exc.args[0] if exc.args else None
            if code in (1969, 3024):
                raise ConnectError("reading the catalog took longer than the statement timeout") from None
            raise ConnectError(f"cannot read information_schema: {_first_line(exc)}") from None
        self.hooks = MysqlHooks(ServerVersion.parse(live.server_version or "")).for_module((), db)
        return live

    def hooks_for(self, desired: Sequence[Module], live: LiveCatalog) -> MysqlHooks:
        """Hooks bound to the audited modules (whether a text column is indexed decides its MySQL type)
        and to the server (MariaDB or MySQL)."""
        self.hooks = MysqlHooks(ServerVersion.parse(live.server_version or "")).for_module(
            tuple(desired), live.module.database)
        return self.hooks

    def probe(self, conn, changes, live: LiveCatalog):
        import pymysql

        try:
            return _probe.probe(conn, changes, live, self.hooks)
        except pymysql.OperationalError as exc:
            raise ConnectError(f"the connection failed while counting rows: {_first_line(exc)}") from None


DRIVER = MysqlAuditDriver()
