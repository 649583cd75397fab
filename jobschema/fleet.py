"""Audit a fleet of databases against one schema: ``jobschema audit --dsn A --dsn B`` or ``--dsn-file``.

Teams with one database per tenant or per region audit them all at once. The schema is loaded once;
``jobs`` worker threads then audit one database each at a time, each on its own read-only session of
one connection (``audit.audit_database``), so no more than ``jobs`` connections are open at any moment.
An audit spends most of its time waiting for the server, which releases the GIL, so threads overlap
well. A finished audit keeps only its findings (its live catalog is dropped), so memory grows with
``jobs``, not with the size of the fleet. A database that cannot be reached or read is its own error
entry and never stops the others; the exit code is the worst of all. Fixes are per database, so
``--write-migration`` is refused here (``check_options``).
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from . import audit as audit_mod
from .connect import (
    DEFAULT_LOCK_TIMEOUT_MS,
    DEFAULT_STATEMENT_TIMEOUT_MS,
    password_in,
    redact_dsn,
    remember_secret,
    scrub,
)
from .errors import ExitCode, JobschemaError, UsageError
from .finding import Severity

CONNECTION_BUDGET = 16  # the most connections a fleet audit takes from the servers by default
JOBS_PER_CPU = 4  # an audit mostly waits for its server: a few per core keep the cores busy

_VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


def default_jobs(databases: int, cpus: int | None = None) -> int:
    """How many databases to audit at once: a few per CPU, never more than the connection budget nor
    than there are databases."""
    cpus = cpus or os.cpu_count() or 1
    return max(1, min(databases, JOBS_PER_CPU * cpus, CONNECTION_BUDGET))


def read_dsn_file(path: str, environ: dict | None = None) -> list[str]:
    """The DSNs of ``path``: one per line; blank lines and ``#`` comments are skipped.

    A password is never written in the file: ``${NAME}`` is replaced by the environment variable NAME
    (``postgresql://app:${TENANT_A_PASSWORD}@host/db``), or libpq finds it in ``~/.pgpass``
    (``PGPASSWORD`` and ``MYSQL_PWD`` work as for one database). A literal password is refused with the
    line number and the DSN redacted, so a secret never sits in a file meant to be committed."""
    env = os.environ if environ is None else environ
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the DSN file: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: the DSN file is not UTF-8 text") from None
    out = []
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        password = password_in(text)
        if password and _VAR.sub("", password):  # only ${NAME} references may stand for it
            raise UsageError(f"{path}:{number}: {redact_dsn(text)} holds a password; write ${{NAME}} to take it "
                             "from the environment variable NAME, or keep it in ~/.pgpass")
        missing = sorted({m.group(1) for m in _VAR.finditer(text) if m.group(1) not in env})
        if missing:
            raise UsageError(f"{path}:{number}: the environment variable {missing[0]} is not set")
        dsn = _VAR.sub(lambda m: env[m.group(1)], text)
        remember_secret(dsn)
        out.append(dsn)
    if not out:
        raise UsageError(f"{path}: the DSN file names no database")
    return out


def check_options(dsns: Sequence[str], write_migration: bool) -> None:
    """Refuse what a fleet audit cannot do: no database, or one fix migration for several databases."""
    if not dsns:
        raise UsageError("no database given: pass --dsn (several times) or --dsn-file")
    if write_migration and len(dsns) > 1:
        raise UsageError("--write-migration fixes one database: it is refused with several DSNs "
                         "(audit each database on its own to write its fix)")


@dataclass
class FleetEntry:
    """One database's outcome: its audit, or the one-line error that stopped it."""

    target: str  # the redacted DSN
    result: audit_mod.AuditResult | None = None
    error: str | None = None
    seconds: float = 0.0

    @property
    def exit_code(self) -> ExitCode:
        return ExitCode.ERROR if self.result is None else self.result.exit_code

    def counts(self) -> dict[str, int]:
        return self.result.counts() if self.result is not None else {"error": 0, "warning": 0, "info": 0}

    def to_dict(self) -> dict:
        """The JSON line of this database: the single audit's document plus where and how it ended."""
        doc = self.result.to_dict() if self.result is not None else {"version": 1, "target": self.target}
        doc.update(database=self.target, exit=int(self.exit_code), error=self.error)
        return doc


@dataclass
class FleetResult:
    entries: list[FleetEntry] = field(default_factory=list)  # in the order the DSNs were given
    jobs: int = 1
    most_open: int = 0  # the most sessions that were open at once

    @property
    def exit_code(self) -> ExitCode:
        """The worst of the databases' exit codes."""
        return max((e.exit_code for e in self.entries), default=ExitCode.OK)


class _Gate:
    """Counts the sessions open at once (the fleet's promise: at most ``jobs``)."""

    def __init__(self) -> None:
        self.open = 0
        self.most = 0
        self._lock = threading.Lock()

    def __enter__(self):
        with self._lock:
            self.open += 1
            self.most = max(self.most, self.open)

    def __exit__(self, *_):
        with self._lock:
            self.open -= 1


def run(dsns: Sequence[str], schema_dir: str, *, jobs: int | None = None, module: str | None = None,
        namespace: str | None = None, no_data: bool = False,
        unmanaged_severity: Severity | str = Severity.WARNING,
        statement_timeout_ms: int = DEFAULT_STATEMENT_TIMEOUT_MS, lock_timeout_ms: int = DEFAULT_LOCK_TIMEOUT_MS,
        on_done: Callable[[FleetEntry], None] | None = None) -> FleetResult:
    """Audit every database of ``dsns`` against ``schema_dir`` with ``jobs`` at a time.

    A schema that does not load is an error for the whole run (raised before any connection); anything
    that goes wrong with one database is that database's entry. ``on_done`` hears of each database as
    it finishes (the CLI's progress bar)."""
    if not dsns:
        raise UsageError("no database given: pass --dsn (several times) or --dsn-file")
    for dsn in dsns:
        remember_secret(dsn)
    jobs = jobs or default_jobs(len(dsns))
    if jobs < 1:
        raise UsageError("--jobs must be at least 1")
    project = audit_mod.load(schema_dir, module)
    gate = _Gate()
    entries = [FleetEntry(redact_dsn(d) if d else "(PG* environment)") for d in dsns]

    def one(i: int) -> FleetEntry:
        entry, dsn = entries[i], dsns[i]
        start = time.perf_counter()
        try:
            with gate:
                result = audit_mod.audit_database(
                    project, dsn, schema_dir, module, namespace, no_data, unmanaged_severity,
                    statement_timeout_ms, lock_timeout_ms, application="jobschema fleet audit",
                    catalog_connections=1)
            result.live = None  # the findings are what is reported; the catalog is the memory
            result.changes, result.probes = [], []
            entry.result = result
        except JobschemaError as exc:
            entry.error = scrub(" ".join(str(exc).split()), dsn)
        except Exception as exc:  # one database's surprise never stops the others
            entry.error = scrub(f"internal error: {type(exc).__name__}: {' '.join(str(exc).split())}"[:300], dsn)
        entry.seconds = time.perf_counter() - start
        if on_done is not None:
            on_done(entry)
        return entry

    with ThreadPoolExecutor(max_workers=min(jobs, len(dsns)), thread_name_prefix="jobschema-fleet") as pool:
        list(pool.map(one, range(len(dsns))))
    return FleetResult(entries=entries, jobs=jobs, most_open=gate.most)
