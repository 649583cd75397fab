"""Catalog queries sent by threads while the caller builds the model from the earlier answers.

An inspection is a fixed list of queries. While the server works on one, the client waits on a socket
(which releases the GIL), so building the rows of the previous answers can run meanwhile: the server's
time and Python's overlap instead of adding up. With helper connections (``helpers``: each opens one
more session that sees the same snapshot, or gives up), several queries run on the server at once: each
connection's thread takes the next query not yet sent, in the listed order. A connection belongs to its
thread until ``close``; the first error stops every thread and is raised by ``take`` in the caller's
thread.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Sequence

Run = Callable[[str], object]


class QueryThread:
    """Runs ``run(name)`` for each of ``names`` in order on a thread; ``take(name)`` waits for its answer.

    Each of ``helpers`` is called on a thread of its own and returns another ``run`` (or None when it
    could not open its connection); that thread then shares the remaining queries."""

    def __init__(self, names: Sequence[str], run: Run, helpers: Sequence[Callable[[], Run | None]] = ()):
        self.names = tuple(names)
        self.sent = 0  # how many of the queries were run
        self.connections = 1  # ``run``'s, and each helper's that opened
        self._answers: dict[str, queue.Queue] = {n: queue.Queue(maxsize=1) for n in self.names}
        self._taken: dict[str, object] = {}
        self._next = 0
        self._failed = False
        self._error: BaseException | None = None  # the first failure, raised for every query not sent after it
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._work, args=(run,), daemon=True, name="jobschema-catalog")]
        self._threads += [threading.Thread(target=self._help, args=(h,), daemon=True, name="jobschema-catalog")
                          for h in helpers]
        for t in self._threads:
            t.start()

    def _claim(self) -> str | None:
        with self._lock:
            if self._failed or self._next >= len(self.names):
                return None
            name = self.names[self._next]
            self._next += 1
            return name

    def _help(self, opener: Callable[[], Run | None]) -> None:
        try:
            run = opener()
        except Exception:  # a helper that cannot connect only costs the overlap
            run = None
        if run is not None:
            with self._lock:
                self.connections += 1
            self._work(run)

    def _work(self, run: Run) -> None:
        while (name := self._claim()) is not None:
            try:
                value = run(name)
            except BaseException as exc:  # handed to the caller; nothing more is sent
                with self._lock:
                    self._failed = True
                    if self._error is None:
                        self._error = exc
                    rest = self.names[self._next:]
                    self._next = len(self.names)
                self._answers[name].put((False, exc))
                for other in rest:
                    self._answers[other].put((False, None))
                return
            with self._lock:
                self.sent += 1
            self._answers[name].put((True, value))

    def take(self, name: str):
        if name in self._taken:
            return self._taken[name]
        ok, value = self._answers[name].get()
        if ok:
            self._taken[name] = value
            return value
        self.close()
        if value is None:  # the caller may ask for a later answer first: it gets the error that stopped them
            if self._error is not None:
                raise self._error
            raise RuntimeError(f"catalog query {name} was not sent: an earlier one failed")
        raise value

    def close(self) -> None:
        """Wait until every thread is done with its connection."""
        for t in self._threads:
            t.join()
