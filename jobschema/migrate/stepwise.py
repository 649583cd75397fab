"""Run a fix migration unit by unit, so a busy table is locked only for short, bounded moments.

Each unit (``migrate/units.py``) runs as its file line says:

* ``own`` — one transaction that starts with the dialect's lock timeout (``SET LOCAL lock_timeout`` on
  PostgreSQL, ``lock_wait_timeout`` on MySQL) and ends by recording the unit as done in the history row,
  so the unit and its record commit together;
* ``batches`` — one ``UPDATE`` run in primary-key order, ``batch_size`` rows per transaction, each batch
  committing with the last key it reached, so an interrupted run continues after that key;
* ``none`` — outside a transaction (``CREATE INDEX CONCURRENTLY``); the row says it is running, and the
  next run asks the dialect whether it finished (a valid index), or left debris to remove first (an
  INVALID index);
* ``session`` — a session setting, run again when a run resumes.

A lock that is not granted within the timeout rolls the unit back; it is tried again after a doubling
pause, and after ``retries`` tries the run stops naming the sessions that hold the table's locks. A
failed or killed run leaves the history row saying how many units are done; the next ``migrate``
continues with the next one. Where DDL commits on its own (MySQL), each statement of a unit with DDL is
marked running before it starts, with the dialect's digest of the tables it changes; a run killed inside
one leaves that mark, and the next run asks the dialect whether the statement happened (``recover``: with
atomic DDL the digest and the statement's post-condition tell) and continues after it or runs it again.
Only what the dialect cannot tell is left for a person (``migrate resolve``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .failures import MigrateRefused, MigrationFailed
from .units import RunUnit

if TYPE_CHECKING:
    from .directory import MigrationFile
    from .executor import Events, HistoryRow, Migrator

RUNNING = "running"  # resume_at of a unit that does not commit with its record: "running <statement> <digest>"


def running_mark(index: int, digest: str | None) -> str:
    """The mark of statement ``index`` (from 0) of a unit, about to run on tables whose digest is ``digest``."""
    return f"{RUNNING} {index} {digest or ''}".rstrip()


def read_mark(mark: str) -> tuple[int | None, str | None]:
    """(statement index, digest) of a running mark; (None, None) for a bare one (older runs)."""
    parts = mark.split()
    if len(parts) < 2 or not parts[1].isdigit():
        return None, None
    return int(parts[1]), (parts[2] if len(parts) > 2 else None)


@dataclass(frozen=True)
class Online:
    """How hard migrate presses on a busy table (``--lock-timeout``, ``--batch-size``, ``--pause-ms``)."""

    lock_timeout_ms: int = 2000
    retries: int = 5
    backoff_ms: int = 500  # first pause after a lock timeout, doubled each try, at most 8 s
    batch_size: int = 1000
    pause_ms: int = 0


class LockTimedOut(Exception):
    """A unit's lock was not granted within the lock timeout (retried)."""


class _Run:
    def __init__(self, migrator: Migrator, module: str, f: MigrationFile, units: list[RunUnit], events: Events,
                 online: Online):
        self.m, self.module, self.f, self.units, self.events, self.online = migrator, module, f, units, events, online
        self.statements_done = 0
        self.start_at: dict[int, int] = {}  # unit number → the statement a resumed run starts at

    # ----------------------------------------------------------------------------------- helpers
    def execute(self, u: RunUnit, text: str, line: int, run=None) -> object:
        try:
            return (run or self.m.execute)(text)
        except Exception as exc:
            if self.m.is_lock_timeout(exc):
                raise LockTimedOut() from None
            if not self.m.is_db_error(exc):
                raise
            raise self.failed(u, line, self.m.error_text(exc), text) from None

    def failed(self, u: RunUnit, line: int, err: str, text: str) -> MigrationFailed:
        head = " ".join(text.split())[:120]
        done = u.number - 1
        where = (f"steps 1-{done} are applied and recorded; " if done else "no step of it ran; ") + \
            f"fix the cause and run `jobschema migrate` again: it continues at step {u.number}"
        failure = MigrationFailed(f"{self.module} {self.f.name}: step {u.number} of {len(self.units)} (line {line}) "
                                  f"failed: {err}\n  statement: {head}\n  {where}")
        failure.db_error = f"step {u.number} (line {line}): {err}"
        return failure

    def record(self, number: int, resume_at: str | None) -> None:
        self.m.record_step(self.module, self.f.version, number, self.statements_done, resume_at)

    def retrying(self, u: RunUnit, attempt) -> object:
        """``attempt()`` until its locks are granted in time, at most ``retries`` + 1 times."""
        o = self.online
        for n in range(o.retries + 1):
            try:
                return attempt()
            except LockTimedOut:
                holders = self.m.blockers(u.tables)
                if n == o.retries:
                    who = "; ".join(holders) or "no session holds a lock on it any more (it was released meanwhile)"
                    err = (f"the {u.lock} lock on {', '.join(u.tables) or 'its objects'} was not granted within "
                           f"{o.lock_timeout_ms} ms, {o.retries + 1} times; held by: {who}")
                    raise self.failed(u, u.statements[0].line, err, u.statements[0].text) from None
                wait = min(o.backoff_ms * 2 ** n, 8000)
                self.events.retrying(self.module, self.f, u.number, n + 1, wait, holders)
                time.sleep(wait / 1000)
        raise AssertionError("unreachable")

    # ------------------------------------------------------------------------------------- units
    def transaction(self, u: RunUnit) -> None:
        if not self.m.transactional_ddl and not (u.lock == "NONE" and not u.attrs.get("algorithm")):
            return self.outside(u)  # MySQL DDL commits on its own: it cannot commit with its record

        def attempt():
            self.m.begin()
            try:
                self.m.set_lock_timeout(self.online.lock_timeout_ms, local=True)
                for st in u.statements:
                    self.execute(u, st.text, st.line)
                self.m.record_step(self.module, self.f.version, u.number, self.statements_done + len(u.statements),
                                   None)
                self.m.commit()
            except BaseException:
                _quiet(self.m.rollback)
                raise
        self.retrying(u, attempt)
        self.statements_done += len(u.statements)

    def outside(self, u: RunUnit) -> None:
        start = self.start_at.pop(u.number, 0)
        for i, st in enumerate(u.statements):
            if i < start:
                continue
            self.record(u.number - 1, running_mark(i, self.m.digest(st.text, u.tables)))

            def attempt(st=st):
                self.m.set_lock_timeout(self.online.lock_timeout_ms, local=False)
                try:
                    self.execute(u, st.text, st.line)
                except (LockTimedOut, MigrationFailed):
                    self.m.clean_up(st.text)  # a CONCURRENTLY build that stopped leaves an INVALID index
                    raise
            try:
                self.retrying(u, attempt)
            except MigrationFailed:
                if i == 0:
                    self.record(u.number - 1, None)  # it failed: nothing of the unit is left running
                raise
        self.statements_done += len(u.statements)
        self.record(u.number, None)

    def batches(self, u: RunUnit, position: str | None) -> None:
        st = u.statements[0]
        total = self.m.count_rows(st.text) if self.events.wants_totals else None
        self.events.batches_started(self.module, self.f, u.number, total)
        done = 0
        while True:
            def attempt(position=position):
                self.m.begin()
                try:
                    self.m.set_lock_timeout(self.online.lock_timeout_ms, local=True)
                    n, last = self.execute(u, st.text, st.line,
                                           run=lambda text: self.m.run_batch(text, u.key, position,
                                                                             self.online.batch_size))
                    if n:
                        self.record(u.number - 1, last)
                    self.m.commit()
                    return n, last
                except BaseException:
                    _quiet(self.m.rollback)
                    raise
            n, last = self.retrying(u, attempt)
            if not n:
                break
            position, done = last, done + n
            self.events.batch_done(self.module, self.f, u.number, done)
            if self.online.pause_ms:
                time.sleep(self.online.pause_ms / 1000)
        self.statements_done += 1
        self.record(u.number, None)

    def recover(self, u: RunUnit, mark: str) -> int:
        """After a run died inside ``u``: where to go on (the units done), or a refusal naming the step."""
        index, before = read_mark(mark)
        if index is None:  # an older run's mark: every statement of the unit must tell
            states = {self.m.recover(st.text, u.tables, None) for st in u.statements}
            start = len(u.statements) if states == {"done"} else 0 if states == {"rerun"} else None
            st = u.statements[0]
        else:
            st = u.statements[min(index, len(u.statements) - 1)]
            state = self.m.recover(st.text, u.tables, before)
            start = None if state == "unknown" else index + (state == "done")
        if start is None:
            raise MigrateRefused(
                f"{self.module} {self.f.name}: the run died inside step {u.number} (line {st.line}), which "
                "does not commit with its record, and the database cannot tell whether it finished. Check "
                f"it, then finish the file by hand and run `jobschema migrate resolve {self.f.version} --module "
                f"{self.module} --applied`, or undo it and run `--rolled-back`")
        self.events.recovered(self.module, self.f, u.number, st.line, start > (index or 0))
        if start < len(u.statements):
            self.start_at[u.number] = start
            return u.number - 1
        self.statements_done += len(u.statements)
        self.record(u.number, None)
        return u.number

    def session(self, u: RunUnit) -> None:
        for st in u.statements:
            self.execute(u, st.text, st.line)

    # --------------------------------------------------------------------------------------- run
    def run(self, resume: HistoryRow | None) -> int:
        done = resume.steps_done if resume is not None else 0
        position = resume.resume_at if resume is not None else None
        if resume is None:
            self.m.insert_row(self.module, self.f, "apply", None, None, 0, None, steps_done=0)
        for u in self.units[:done]:
            self.statements_done += len(u.statements)
            if u.tx == "session":
                self.session(u)  # the file's session settings hold for the units still to run
        if position is not None and done < len(self.units) and self.units[done].tx != "batches" \
                and position.split(" ", 1)[0] == RUNNING:
            done = self.recover(self.units[done], position)
            position = None
        for u in self.units[done:]:
            self.events.unit_started(self.module, self.f, u.number, len(self.units), u.attrs)
            try:
                if u.tx == "session":
                    self.session(u)
                    self.statements_done += len(u.statements)
                    self.record(u.number, None)
                elif u.tx == "batches":
                    self.batches(u, position)
                elif u.tx == "none":
                    self.outside(u)
                else:
                    self.transaction(u)
            except MigrationFailed as exc:
                _quiet(lambda exc=exc, u=u: self.m.update_row(self.module, self.f.version, False, None,
                                                              self.statements_done, exc.db_error))
                raise
            position = None
            self.events.statement_done(self.module, self.f, u.number)
        return self.statements_done


def apply(migrator: Migrator, module: str, f: MigrationFile, units: list[RunUnit], events: Events, online: Online,
          resume: HistoryRow | None) -> int:
    """Run ``units`` of ``f`` from where ``resume`` (the file's history row, if a run stopped in it) left off;
    the statements run. The caller records success."""
    return _Run(migrator, module, f, units, events, online).run(resume)


def _quiet(fn) -> None:
    try:
        fn()
    except Exception:  # noqa: BLE001 - best effort while another error is being raised
        pass
