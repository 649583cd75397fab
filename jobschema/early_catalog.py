"""Read the live catalog (``open_catalog``), and read it while the schema loads, for ``audit.run``.

Loading thousands of table files is Python's work; reading the catalog is mostly the server's. An audit
knows which namespaces to inspect only from the loaded project, but the module.yaml files already name
them (``load/peek.py``): a thread opens the read-only session and inspects those namespaces meanwhile.
``audit.run`` then uses that catalog only when the loaded project asks for exactly the namespaces (and
the search path) it was read with; otherwise it inspects again on the same session. An error on the
thread (the server cannot be reached, the catalog cannot be read) is raised after the schema has
loaded, so a schema error is still reported first.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator, Sequence

from .model.live import LiveCatalog

# sessions a catalog read may use at once: the server answers the big catalog queries (tables, columns,
# constraints, indexes) in parallel, and the rows of one are built while the others run
CATALOG_CONNECTIONS = 3


@contextlib.contextmanager
def open_catalog(dialect, dsn: str, namespaces: Sequence[str], search: str | None, statement_timeout_ms: int,
                 lock_timeout_ms: int, application: str = "jobschema audit",
                 catalog_connections: int = CATALOG_CONNECTIONS,
                 namespaces_of=None) -> Iterator[tuple[object, LiveCatalog]]:
    """The one way the live catalog is read (``audit``, ``inspect``, the early read below): the dialect's
    read-only session on ``dsn``, then its inspection of ``namespaces`` with ``search`` first on the search
    path, its queries sent on up to ``catalog_connections`` sessions sharing one snapshot where the dialect
    can. Yields the open connection (the audit probes rows on it) and the catalog; always rolled back.

    ``namespaces_of(conn)``, when given, names the namespaces on the session itself (the first is searched
    first), so the names and the catalog come from one snapshot."""
    with dialect.session(dsn, statement_timeout_ms, lock_timeout_ms, application, catalog_connections) as conn:
        if namespaces_of is not None:
            namespaces = namespaces_of(conn)
            search = namespaces[0]
        yield conn, dialect.inspect(conn, list(namespaces), search)


class EarlyCatalog:
    """A session opened and a catalog read on a thread; ``wait`` hands over the session and catalog."""

    def __init__(self, dialect, dsn: str, statement_timeout_ms: int, lock_timeout_ms: int,
                 namespaces: list[str], search: str | None):
        self.namespaces = namespaces
        self.search = search
        self.live: LiveCatalog | None = None
        self.conn = None
        self._dialect = dialect
        self._session = None
        self._error: BaseException | None = None
        self._abandoned = False
        self._done = False
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._work, args=(dsn, statement_timeout_ms, lock_timeout_ms),
                                        daemon=True, name="jobschema-early-catalog")
        self._thread.start()

    def _work(self, dsn: str, statement_timeout_ms: int, lock_timeout_ms: int) -> None:
        try:
            session = open_catalog(self._dialect, dsn, self.namespaces, self.search, statement_timeout_ms,
                                   lock_timeout_ms)
            self.conn, self.live = session.__enter__()
            self._session = session
        except BaseException as exc:  # raised by wait, in the caller's thread
            self._error = exc
        with self._lock:
            self._done = True
            if self._abandoned:
                self._close()

    def wait(self):
        """The open session's connection; raises what the thread met (the session is closed then)."""
        self._thread.join()
        if self._error is not None:
            self._close()
            raise self._error
        return self.conn

    def live_for(self, namespaces: list[str], search: str | None) -> LiveCatalog | None:
        """The catalog read early, if it was read for these namespaces and this search path."""
        if self.live is not None and sorted(namespaces) == sorted(self.namespaces) and search == self.search:
            return self.live
        return None

    def close(self) -> None:
        self._thread.join()
        self._close()

    def abandon(self) -> None:
        """Give up without waiting (the schema did not load): the thread closes what it opened."""
        with self._lock:
            self._abandoned = True
            if self._done:
                self._close()

    def _close(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            with contextlib.suppress(Exception):
                session.__exit__(None, None, None)
