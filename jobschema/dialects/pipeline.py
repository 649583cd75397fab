"""Catalog queries sent by a thread while the caller builds the model from the earlier answers.

An inspection is a fixed list of queries. While the server works on one, the client waits on a socket
(which releases the GIL), so building the rows of the previous answers can run meanwhile: the server's
time and Python's overlap instead of adding up. The connection belongs to the thread until ``close``;
the first error stops the thread and is raised by ``take`` in the caller's thread.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Sequence


class QueryThread:
    """Runs ``run(name)`` for each of ``names`` in order on a thread; ``take(name)`` waits for its answer."""

    def __init__(self, names: Sequence[str], run: Callable[[str], object]):
        self.names = tuple(names)
        self.sent = 0  # how many of the queries were run
        self._answers: dict[str, queue.Queue] = {n: queue.Queue(maxsize=1) for n in self.names}
        self._taken: dict[str, object] = {}
        self._error: BaseException | None = None  # the first failure, raised for every query after it
        self._thread = threading.Thread(target=self._work, args=(run,), daemon=True, name="jobschema-catalog")
        self._thread.start()

    def _work(self, run: Callable[[str], object]) -> None:
        for i, name in enumerate(self.names):
            try:
                value = run(name)
            except BaseException as exc:  # handed to the caller; nothing more is sent
                self._error = exc
                self._answers[name].put((False, exc))
                for rest in self.names[i + 1:]:
                    self._answers[rest].put((False, None))
                return
            self.sent += 1
            self._answers[name].put((True, value))

    def take(self, name: str):
        if name in self._taken:
            return self._taken[name]
        ok, value = self._answers[name].get()
        if ok:
            self._taken[name] = value
            return value
        self._thread.join()
        if value is None:  # the caller may ask for a later answer first: it gets the error that stopped them
            if self._error is not None:
                raise self._error
            raise RuntimeError(f"catalog query {name} was not sent: an earlier one failed")
        raise value

    def close(self) -> None:
        """Wait until the thread is done with the connection."""
        self._thread.join()
