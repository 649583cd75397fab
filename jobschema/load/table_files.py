"""A ``tables/`` folder → its ``Table`` objects: each file through the folder cache, and, for a large
folder the cache cannot serve (off, as in CI, or cold), the second half of the files in a worker process.

Reading thousands of table files is pure Python work, so one process can use one core only; a worker
on the second core builds its half while this process builds the first (and the catalog is read on a
thread meanwhile). The worker sends back its tables, its errors and the cache entries it built, which
cost far less to unpickle than to build. The halves are contiguous in the sorted file order and merged
in that order, so the tables, every error and the cache file are exactly what a serial read gives. A
worker that cannot start or dies leaves its half to this process.
"""

from __future__ import annotations

import gc
import os
import pickle

from ..errors import LoadError
from .cache import FolderCache, cache_file, digest
from .reader import Reader
from .tables import read_table
from .yaml_source import MAX_BYTES, load_yaml

# below this many table files a worker's start (a fresh interpreter and its imports, ~0.2 s of CPU on the
# other core) costs more than the half it would read
PARALLEL_MIN_FILES = 300


def read_table_file(r: Reader, cache: FolderCache, path: str, fn: str, display: str, namespace: str):
    """The table of one file, from the folder cache when the file's content is unchanged."""
    if cache.path is None:
        return read_table(r, load_yaml(path, display), display, namespace)
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise LoadError(f"cannot read file: {exc.strerror}", display) from None
    dig = digest(data)
    table = cache.table(fn, dig, namespace)
    if table is not None:
        return table
    value, hit = cache.get(fn, dig, display)
    if not hit:
        value = load_yaml(path, display, data=data)
    n_errors = len(r.errors)
    table = read_table(r, value, display, namespace)
    clean = table is not None and len(r.errors) == n_errors
    if clean or not hit:
        cache.put(fn, dig, value, namespace, table if clean else None)
    return table


def _read_names(r: Reader, cache: FolderCache, folder: str, names: list[str], rel: str, namespace: str,
                unread: set[str]) -> list:
    """The tables of ``names``; adds to ``unread`` the tables whose files had errors (file stems, and table
    names where read)."""
    tables = []
    for fn in names:
        display = f"{rel}/{fn}"
        if not fn.endswith((".yaml", ".yml")):
            r.errors.append(LoadError("unexpected file in tables/", display, None, None,
                                      "tables are <name>.yaml files"))
            continue
        n_errors = len(r.errors)
        try:
            t = read_table_file(r, cache, os.path.join(folder, fn), fn, display, namespace)
        except LoadError as exc:
            r.errors.append(exc)
            t = None
        if t is None or len(r.errors) > n_errors:
            unread.add(fn.rsplit(".", 1)[0])
            if t is not None:
                unread.add(t.name)
        if t is not None:
            tables.append(t)
    return tables


def _read_part(folder: str, names: list[str], rel: str, namespace: str, record: bool) -> bytes:
    """The worker's half: (tables, errors, cache entries built, unread tables), pickled here so the pool's own pickling
    of the answer is one bytes object."""
    gc.set_threshold(100_000, 50, 100)  # as the command itself runs (cli.run): a large, acyclic build
    r = Reader()
    cache = FolderCache.detached(record)
    unread: set[str] = set()
    tables = _read_names(r, cache, folder, names, rel, namespace, unread)
    return pickle.dumps((tables, r.errors, cache.entries, unread), protocol=pickle.HIGHEST_PROTOCOL)


def _pool():
    """A pool of one fresh process, or None when no process can be started here."""
    import concurrent.futures
    import multiprocessing

    try:
        # spawn, not fork: the process already runs threads (the early catalog read)
        return concurrent.futures.ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
    except (OSError, RuntimeError, ValueError):
        return None


_PRESTARTED: list = []  # the pool ``prestart`` started, until a folder takes it or ``release`` ends it


def _ready() -> None:
    """Nothing: unpickling this function in the worker imports the loader, which is what prestart wants."""


def prestart(root: str) -> None:
    """Start the worker now when a ``tables/`` folder under ``root`` will want one (large, and the cache
    off or not yet written), so that its interpreter and imports are ready when the load reaches the
    folder; the audit calls this before it starts reading the catalog."""
    if _PRESTARTED or not os.path.isdir(root):
        return
    for name in sorted(os.listdir(root)):
        folder = os.path.join(root, name, "tables")
        if name.startswith((".", "_")) or not os.path.isdir(folder):
            continue
        n = sum(1 for fn in os.listdir(folder) if not fn.startswith("."))
        if n < max(PARALLEL_MIN_FILES, 2):
            continue
        stored = cache_file(folder, n)
        if stored is None or not os.path.exists(stored):
            pool = _pool()
            if pool is not None:
                try:
                    pool.submit(_ready)
                except (OSError, RuntimeError):
                    pool.shutdown(wait=False)
                    return
                _PRESTARTED.append(pool)
            return


def release() -> None:
    """End a prestarted worker no folder took."""
    while _PRESTARTED:
        _PRESTARTED.pop().shutdown(wait=False)


def _start_worker(folder: str, names: list[str], rel: str, namespace: str, record: bool):
    """(pool, future) reading ``names`` in the prestarted or a fresh process, or None when no process can
    be started here."""
    pool = _PRESTARTED.pop() if _PRESTARTED else _pool()
    if pool is None:
        return None
    try:
        return pool, pool.submit(_read_part, folder, names, rel, namespace, record)
    except (OSError, RuntimeError):  # a prestarted worker that died meanwhile
        pool.shutdown(wait=False)
        return None


def _worker_result(started):
    """The worker's (tables, errors, entries), or None when it could not deliver them."""
    import concurrent.futures

    pool, future = started
    try:
        return pickle.loads(future.result())
    except (OSError, EOFError, pickle.UnpicklingError, concurrent.futures.process.BrokenProcessPool):
        return None
    finally:
        pool.shutdown(wait=False)


def read_tables(r: Reader, folder: str, rel: str, namespace: str, unread: set[str],
                min_parallel: int | None = None) -> list:
    """The tables of ``folder`` in sorted file order; errors go to ``r`` in that order too, and the tables
    whose files had errors to ``unread``."""
    names = sorted(fn for fn in os.listdir(folder) if not fn.startswith("."))
    cache = FolderCache(folder, len(names))
    threshold = PARALLEL_MIN_FILES if min_parallel is None else min_parallel
    split = len(names)
    if not cache.entries and len(names) >= max(threshold, 2):
        split = len(names) - len(names) // 2
    started = _start_worker(folder, names[split:], rel, namespace, cache.path is not None) if split < len(
        names) else None
    tables = _read_names(r, cache, folder, names[:split], rel, namespace, unread)
    if started is not None:
        result = _worker_result(started)
        if result is None:  # the worker never answered: read its half here
            tables += _read_names(r, cache, folder, names[split:], rel, namespace, unread)
        else:
            part, errors, entries, part_unread = result
            unread |= part_unread
            tables += part
            r.errors.extend(errors)
            cache.add(entries)
    cache.prune(set(names))
    cache.save()
    return tables
