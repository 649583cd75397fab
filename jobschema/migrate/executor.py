"""Apply migration folders to a database, exactly once each, in order, under a database-wide lock.

The algorithm is written once here; each dialect's ``migrate.py`` provides a ``Migrator`` with the SQL
(history table, lock, statement splitting, transactions). One run:

1. every folder is checked against its ``jobschema.sum`` (nothing runs if one disagrees);
2. the database lock is taken (``pg_advisory_lock`` / ``GET_LOCK``), so a second ``jobschema migrate``
   waits and then finds the work done;
3. the history table ``jobschema_migrations`` is read and checked: an applied file whose bytes changed,
   an applied version missing from the folder, a failed or interrupted file, or a pending file older than
   an applied one all stop the run with a message saying what to do;
4. pending files run one by one. Where the dialect has transactional DDL and the file does not say
   ``-- jobschema:no-transaction``, the file and its history row commit together, so a failure (or a
   kill) leaves nothing behind. Otherwise a history row marked "started" is committed first and updated
   after each statement, so a failure or a kill is recorded and later runs refuse until
   ``jobschema migrate resolve`` says what happened.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial

import sqlglot
from sqlglot import exp

from ..names import HISTORY_TABLE
from ..statement import Statement
from . import stepwise, units
from .directory import MigrationDir, MigrationFile
from .failures import MigrateRefused, MigrationFailed
from .stepwise import Online

__all__ = ["MigrateRefused", "MigrationFailed", "Online"]


@dataclass(frozen=True)
class HistoryRow:
    module: str
    version: str
    name: str
    checksum: str
    applied_at: datetime | None
    duration_ms: int | None
    success: bool | None  # None: started and never finished (a killed run)
    kind: str  # "apply" | "baseline" | "resolved"
    statements_done: int | None = None
    error: str | None = None
    steps_done: int | None = None  # a file run step by step: the steps committed so far
    # the last key a batched step reached, or "running <statement> <digest>" (a step outside a transaction)
    resume_at: str | None = None

    @property
    def resumable(self) -> bool:
        """A step-by-step file that stopped: the next run continues with its next step."""
        return self.success is not True and self.steps_done is not None


@dataclass(frozen=True)
class Target:
    module: str
    dir: MigrationDir


@dataclass
class Applied:
    module: str
    name: str
    duration_ms: int
    statements: int
    transactional: bool
    stepwise: bool = False  # run unit by unit (a fix migration with step lines)


@dataclass
class MigrateResult:
    dialect: str
    database: str  # redacted DSN
    dry_run: bool = False
    applied: list[Applied] = field(default_factory=list)
    baselined: list[tuple[str, str]] = field(default_factory=list)  # (module, file name)
    pending: list[tuple[str, MigrationFile]] = field(default_factory=list)  # dry run: what would run
    left_out: list[str] = field(default_factory=list)  # module folders this database holds none of


@dataclass(frozen=True)
class StatusRow:
    module: str
    version: str
    name: str
    state: str  # applied | baseline | resolved | pending | failed | interrupted | edited | missing
    applied_at: datetime | None = None
    duration_ms: int | None = None
    detail: str | None = None


class Events:
    """What a run reports as it goes; the CLI draws a progress bar or prints lines from these."""

    def waiting_for_lock(self) -> None: ...

    def start(self, total: int) -> None: ...

    def file_started(self, module: str, file: MigrationFile, statements: int) -> None: ...

    def statement_done(self, module: str, file: MigrationFile, index: int) -> None: ...

    def file_done(self, module: str, file: MigrationFile, duration_ms: int) -> None: ...

    wants_totals = False  # a progress bar wants each batched step's row count first (a count(*) scan)

    def unit_started(self, module: str, file: MigrationFile, number: int, total: int, attrs: dict) -> None: ...

    def batches_started(self, module: str, file: MigrationFile, number: int, rows: int | None) -> None: ...

    def batch_done(self, module: str, file: MigrationFile, number: int, rows_done: int) -> None: ...

    def retrying(self, module: str, file: MigrationFile, number: int, attempt: int, wait_ms: int,
                 holders: list[str]) -> None: ...

    def recovered(self, module: str, file: MigrationFile, number: int, line: int, done: bool) -> None:
        """A stopped run had died inside the statement at ``line`` of step ``number``: it had finished
        (``done``), or it had not and runs again."""


class Migrator:
    """One connection and the SQL a dialect needs; subclasses live in ``dialects/<name>/migrate.py``."""

    dialect = "base"
    transactional_ddl = False

    def close(self) -> None: ...

    def try_lock(self) -> bool: ...

    def unlock(self) -> None: ...

    def has_history(self) -> bool: ...

    def ensure_history(self) -> None: ...

    def history(self) -> list[HistoryRow]: ...

    def split(self, text: str) -> list[Statement]:
        """A file's statements: the dialect's ``split.py``, the one ``lint`` reads the file with."""
        raise NotImplementedError

    def execute(self, statement: str) -> None: ...

    def begin(self) -> None: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...

    def insert_row(self, module: str, file: MigrationFile, kind: str, success: bool | None,
                   duration_ms: int | None, statements_done: int | None, error: str | None,
                   steps_done: int | None = None) -> None: ...

    def update_row(self, module: str, version: str, success: bool | None, duration_ms: int | None,
                   statements_done: int | None, error: str | None, checksum: str | None = None,
                   kind: str | None = None) -> None: ...

    def delete_row(self, module: str, version: str) -> None: ...

    # step-by-step files (``stepwise``) ------------------------------------------------------------
    def record_step(self, module: str, version: str, steps_done: int, statements_done: int,
                    resume_at: str | None) -> None: ...

    def set_lock_timeout(self, ms: int, *, local: bool) -> None:
        """How long a statement waits for a lock before failing (``local``: until the transaction ends)."""

    def is_lock_timeout(self, exc: BaseException) -> bool:
        return False

    def blockers(self, tables: list[str]) -> list[str]:
        """The other sessions holding locks on ``tables``: pid, application, since when, lock mode."""
        return []

    def run_batch(self, update: str, key: str, after: str | None, size: int) -> tuple[int, str | None]:
        """Run ``update`` on the next ``size`` matching rows with ``key`` above ``after``, in key order;
        (rows changed, the highest key changed)."""
        raise NotImplementedError

    def count_rows(self, update: str) -> int | None:
        return None

    def digest(self, statement: str, tables: list[str]) -> str | None:
        """A digest of the definitions of the tables ``statement`` changes (and ``tables``, its step's),
        recorded before a statement that cannot commit with its record runs, for ``recover`` (None: the
        dialect does not use one)."""
        return None

    def recover(self, statement: str, tables: list[str], before: str | None) -> str:
        """After a run died inside ``statement`` (outside a transaction; ``before`` is the digest recorded
        when it started): "done" (it had finished), "rerun" (it had not, or what a half-run left is removed;
        run it again) or "unknown" (only a person can tell)."""
        return "unknown"

    def clean_up(self, statement: str) -> None:
        """Remove what a stopped ``statement`` left behind (an INVALID index)."""

    def existing_tables(self, names: set[str]) -> set[str]:
        return set()

    def error_text(self, exc: BaseException) -> str:
        return " ".join(str(exc).split())

    def is_db_error(self, exc: BaseException) -> bool:
        return False


# --------------------------------------------------------------------------------------- checking

_CREATE_OR_DROP = re.compile(r"^\s*(?:CREATE|DROP)\b", re.I)


def _tables_created(migrator: Migrator, pending: list[MigrationFile]) -> dict[str, str]:
    """The tables the pending files create (name → first file), read with sqlglot from the statements as they
    run (a CREATE TABLE in a comment or a string creates nothing); a table an earlier statement drops is one
    the files replace, not one they expect to be absent."""
    created: dict[str, str] = {}
    dropped: set[str] = set()
    for f in pending:
        for st in migrator.split(f.text):
            if not _CREATE_OR_DROP.match(st.text):
                continue
            try:
                tree = sqlglot.parse_one(st.text, read=migrator.dialect)
            except sqlglot.errors.SqlglotError:
                continue
            if (tree.args.get("kind") or "").upper() != "TABLE":
                continue
            if isinstance(tree, exp.Drop):
                dropped.update(t.name for t in tree.find_all(exp.Table))
            elif isinstance(tree, exp.Create) and (target := tree.find(exp.Table)) is not None:
                if target.name not in dropped:
                    created.setdefault(target.name, f.name)
    return created


def version_matches(version: str, wanted: str) -> bool:
    return wanted.isdigit() and int(version) == int(wanted)


def check_history(target: Target, files: list[MigrationFile], rows: list[HistoryRow],
                  baseline: str | None) -> tuple[list[MigrationFile], list[MigrationFile]]:
    """(files to record as baseline, files to apply) for one folder, or ``MigrateRefused``."""
    module, folder = target.module, target.dir.path
    blocked = [r for r in rows if r.success is not True and not r.resumable]
    if blocked:
        lines = []
        for r in blocked:
            state = "failed" if r.success is False else "was interrupted (the run died while applying it)"
            done = f" after {r.statements_done} statement(s) had run" if r.statements_done is not None else ""
            if r.success is None and r.statements_done is not None:
                # the row is updated after each statement: the one after them may have run before the kill
                n = r.statements_done
                done = (f" after {n} statement(s) had finished; statement {n + 1} may have run too"
                        if n else "; its first statement may have run")
            err = f": {r.error}" if r.error else ""
            lines.append(f"{module} {r.name} {state}{done}{err}")
        first = blocked[0]
        lines.append(
            f"the database may hold part of {first.name}. Check it, then either finish the remaining "
            f"statements by hand and run `jobschema migrate resolve {first.version} --module {module} --applied`, "
            f"or undo what ran and run `jobschema migrate resolve {first.version} --module {module} "
            "--rolled-back` so the next run applies the file again")
        raise MigrateRefused("\n".join(lines))
    by_version = {f.version: f for f in files}
    problems = []
    for r in rows:
        f = by_version.get(r.version)
        if f is None:
            problems.append(f"{module} {r.name} is recorded as applied but is missing from {folder}")
        elif f.checksum != r.checksum:
            problems.append(f"{module} {f.name} was edited after it was applied (checksum {r.checksum} in "
                            f"{HISTORY_TABLE}, {f.checksum} on disk): restore the applied text and put the "
                            "change in a new migration")
    if problems:
        raise MigrateRefused("\n".join(problems))
    applied = {r.version for r in rows if not r.resumable}
    pending = [f for f in files if f.version not in applied]
    if rows and baseline is not None:
        raise MigrateRefused(f"{module}: --baseline adopts a database without migration history, but "
                             f"{HISTORY_TABLE} already records {len(rows)} file(s) for this module")
    base: list[MigrationFile] = []
    if baseline is not None:
        if not any(version_matches(f.version, baseline) for f in files):
            known = ", ".join(f.version for f in files) or "none"
            raise MigrateRefused(f"{module}: --baseline {baseline} names no file in {folder} (versions: {known})")
        base = [f for f in pending if int(f.version) <= int(baseline)]
        pending = [f for f in pending if int(f.version) > int(baseline)]
    if rows:
        last = max(int(r.version) for r in rows)
        early = [f for f in pending if int(f.version) < last]
        if early:
            names = ", ".join(f.name for f in early)
            raise MigrateRefused(f"{module}: {names} {'is' if len(early) == 1 else 'are'} not applied but a later "
                                 f"file is (version {last:04d}); files apply in order — renumber "
                                 f"{'it' if len(early) == 1 else 'them'} after {last:04d} and run "
                                 "`jobschema migrate hash`")
    return base, pending


def check_adoption(migrator: Migrator, target: Target, rows: list[HistoryRow],
                   pending: list[MigrationFile]) -> None:
    """Refuse to run creation files against a database that already has their tables but no history."""
    if rows or not pending:
        return
    created = _tables_created(migrator, pending)
    if not created:
        return
    present = migrator.existing_tables(set(created))
    if present:
        names = ", ".join(sorted(present))
        files = sorted({created[n] for n in present})
        raise MigrateRefused(
            f"{target.module}: the database already has {names} (created by {', '.join(files)}) but no "
            f"migration history for this module. Adopt it with `jobschema migrate --module {target.module} "
            "--baseline VERSION`, naming the last file whose changes it already has; those files are "
            "recorded as applied without running")


# ------------------------------------------------------------------------------------------ running

def acquire(migrator: Migrator, lock_wait: float, events: Events) -> None:
    deadline = time.monotonic() + lock_wait
    told = False
    while not migrator.try_lock():
        if not told:
            events.waiting_for_lock()
            told = True
        if time.monotonic() >= deadline:
            raise MigrateRefused(f"another `jobschema migrate` holds the migration lock on this database "
                                 f"(waited {lock_wait:g}s); try again when it has finished")
        time.sleep(0.1)


def run(migrator: Migrator, targets: list[Target], database: str, *, dry_run: bool = False,
        baseline: str | None = None, lock_wait: float = 300.0, events: Events | None = None,
        online: Online | None = None) -> MigrateResult:
    events = events or Events()
    online = online or Online()
    result = MigrateResult(migrator.dialect, database, dry_run)
    checked = [(t, t.dir.verify()) for t in targets]  # every sum first: nothing runs if one disagrees
    if dry_run:
        rows = migrator.history() if migrator.has_history() else []
        for t, files in checked:
            mine = [r for r in rows if r.module == t.module]
            base, pending = check_history(t, files, mine, baseline)
            check_adoption(migrator, t, mine, pending if baseline is None else [])
            result.baselined += [(t.module, f.name) for f in base]
            result.pending += [(t.module, f) for f in pending]
        return result
    acquire(migrator, lock_wait, events)
    try:
        migrator.ensure_history()
        rows = migrator.history()
        work: list[tuple[Target, list[MigrationFile], list[MigrationFile]]] = []
        for t, files in checked:
            mine = [r for r in rows if r.module == t.module]
            base, pending = check_history(t, files, mine, baseline)
            if baseline is None:
                check_adoption(migrator, t, mine, pending)
            work.append((t, base, pending))
        for t, base, _ in work:
            for f in base:
                migrator.insert_row(t.module, f, "baseline", True, 0, None, None)
                result.baselined.append((t.module, f.name))
        events.start(sum(len(p) for _, _, p in work))
        stopped = {(r.module, r.version): r for r in rows if r.resumable}
        for t, _, pending in work:
            for f in pending:
                resume = stopped.get((t.module, f.version))
                result.applied.append(apply_file(migrator, t.module, f, events, online, resume))
    finally:
        migrator.unlock()
    return result


def apply_file(migrator: Migrator, module: str, f: MigrationFile, events: Events, online: Online | None = None,
               resume: HistoryRow | None = None) -> Applied:
    statements = migrator.split(f.text)
    steps = units.read(f.text, statements, f.path)
    transactional = migrator.transactional_ddl and f.transactional and steps is None
    events.file_started(module, f, len(statements) if steps is None else len(steps))
    started = time.monotonic()

    def elapsed() -> int:
        return int((time.monotonic() - started) * 1000)

    if steps is not None:
        done = stepwise.apply(migrator, module, f, steps, events, online or Online(), resume)
        migrator.update_row(module, f.version, True, elapsed(), done, None)
    elif transactional:
        migrator.begin()
        try:
            for index, st in enumerate(statements, 1):
                _execute(migrator, module, f, st.text, st.line, index, len(statements), transactional=True)
                events.statement_done(module, f, index)
            migrator.insert_row(module, f, "apply", True, elapsed(), len(statements), None)
            migrator.commit()
        except BaseException:
            _quiet(migrator.rollback)
            raise
    else:
        migrator.insert_row(module, f, "apply", None, None, 0, None)
        done = 0
        for index, st in enumerate(statements, 1):
            try:
                _execute(migrator, module, f, st.text, st.line, index, len(statements), transactional=False)
            except MigrationFailed as exc:
                _quiet(partial(migrator.update_row, module, f.version, False, elapsed(), done, exc.db_error))
                raise
            done = index
            migrator.update_row(module, f.version, None, None, done, None)
            events.statement_done(module, f, index)
        migrator.update_row(module, f.version, True, elapsed(), done, None)
    ms = elapsed()
    events.file_done(module, f, ms)
    return Applied(module, f.name, ms, len(statements), transactional, steps is not None)


def _execute(migrator: Migrator, module: str, f: MigrationFile, stmt: str, line: int, index: int, total: int,
             *, transactional: bool) -> None:
    try:
        migrator.execute(stmt)
    except Exception as exc:
        if not migrator.is_db_error(exc):
            raise
        err = migrator.error_text(exc)
        head = " ".join(stmt.split())[:120]
        if transactional:
            after = "the file's transaction was rolled back: the database is as it was before this file"
        elif index == 1:
            after = ("nothing of this file ran; it is recorded as failed — fix the cause, then run "
                     f"`jobschema migrate resolve {f.version} --module {module} --rolled-back` and migrate again")
        else:
            after = (f"statements 1-{index - 1} of this file ran and stay applied (no transactional DDL); the file "
                     "is recorded as failed and later runs refuse until you resolve it: finish or undo the rest, "
                     f"then `jobschema migrate resolve {f.version} --module {module} --applied` or `--rolled-back`")
        failure = MigrationFailed(f"{module} {f.name}: statement {index} of {total} (line {line}) failed: {err}\n"
                                  f"  statement: {head}\n  {after}")
        failure.db_error = f"statement {index} (line {line}): {err}"
        raise failure from None


def _quiet(fn: Callable[[], object]) -> None:
    try:
        fn()
    except Exception:  # noqa: BLE001 - best effort while another error is being raised
        pass


# --------------------------------------------------------------------------------- status, resolve

def status(migrator: Migrator, targets: list[Target]) -> list[StatusRow]:
    rows = migrator.history() if migrator.has_history() else []
    out = []
    for t in targets:
        files = t.dir.files()
        mine = {r.version: r for r in rows if r.module == t.module}
        for f in files:
            r = mine.pop(f.version, None)
            if r is None:
                out.append(StatusRow(t.module, f.version, f.name, "pending"))
                continue
            if r.resumable:
                state = "interrupted" if r.success is None else "failed"
                out.append(StatusRow(t.module, f.version, f.name, state, r.applied_at, r.duration_ms,
                                     f"{r.steps_done} step(s) done; the next migrate continues with step "
                                     f"{r.steps_done + 1}" + (f" ({r.error})" if r.error else "")))
                continue
            if r.success is None:
                state = "interrupted"
            elif r.success is False:
                state = "failed"
            elif r.checksum != f.checksum:
                state = "edited"
            else:
                state = {"baseline": "baseline", "resolved": "resolved"}.get(r.kind, "applied")
            out.append(StatusRow(t.module, f.version, f.name, state, r.applied_at, r.duration_ms, r.error))
        for r in mine.values():
            out.append(StatusRow(t.module, r.version, r.name, "missing", r.applied_at, r.duration_ms,
                                 "recorded in the history, not in the folder"))
    return out


def resolve(migrator: Migrator, target: Target, version: str, applied: bool, lock_wait: float = 30.0) -> str:
    """Mark a failed or interrupted file as applied (finished by hand) or rolled back (undone by hand)."""
    acquire(migrator, lock_wait, Events())
    try:
        if not migrator.has_history():
            raise MigrateRefused(f"{HISTORY_TABLE} does not exist: nothing to resolve")
        rows = [r for r in migrator.history() if r.module == target.module and version_matches(r.version, version)]
        if not rows:
            raise MigrateRefused(f"{target.module}: version {version} is not in {HISTORY_TABLE}")
        r = rows[0]
        if r.success is True:
            raise MigrateRefused(f"{target.module} {r.name} is already applied; only failed or interrupted files "
                                 "are resolved")
        if applied:
            files = {f.version: f for f in target.dir.files()}
            f = files.get(r.version)
            checksum = f.checksum if f is not None else r.checksum
            migrator.update_row(target.module, r.version, True, r.duration_ms, r.statements_done,
                                f"resolved as applied by hand (was: {r.error or 'interrupted'})"[:2000],
                                checksum=checksum, kind="resolved")
            return f"{target.module} {r.name} marked as applied"
        migrator.delete_row(target.module, r.version)
        return f"{target.module} {r.name} marked as rolled back; the next `jobschema migrate` applies it again"
    finally:
        migrator.unlock()
