"""What a plan is made of: ``Step``s (a ``Statement``, the finding it fixes, the change it comes from) and the
``Plan`` that renders them into one migration file.

A ``Statement`` is data: its SQL plus the facts that decide how it is written and run (``not_valid``,
``concurrently``, ``transactional``, the lock it takes, ``destructive``). A builder sets the flags and hands
them to the dialect's renderer, which spells them (``NOT VALID``, ``CONCURRENTLY``); nothing edits SQL text
afterwards, and the file's transaction mode is read from the flags.

Safety is a property of the change, never of the SQL text: a step that would destroy data is never
created unless the user allowed it; what was left out is kept as ``Omission``s and listed in the file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from ..diff import changes as ch
from ..names import NO_TRANSACTION, STEP_DIRECTIVE, sql_comment


@dataclass(frozen=True)
class Statement:
    """A step's SQL and how it behaves on a live database."""

    sql: str  # one or more complete statements, each ending in ";"
    transactional: bool = True  # False: refuses a transaction block (CONCURRENTLY), so the file runs without one
    concurrently: bool = False  # built without blocking writes (PostgreSQL CONCURRENTLY)
    not_valid: bool = False  # a constraint added without checking the existing rows (VALIDATE follows, or a note)
    lock: str | None = None  # the table lock it takes, where the dialect names one (PostgreSQL lock modes)
    destructive: bool = False  # removes objects or data: only planned with --allow-destructive
    # filled by the dialect's ``online.py`` once the plan is ordered: how the step behaves on a busy table
    scans: bool = False  # reads every row while it holds its lock (VALIDATE, SET NOT NULL, an index build)
    rewrites: bool = False  # writes every row or copies the table (a type change, a MySQL COPY alter)
    table: str | None = None  # the live table whose lock matters, schema-qualified where the dialect has schemas
    batch_key: str | None = None  # a data step run in batches keyed by this primary-key column
    session: bool = False  # a session setting (SET, RESET): run again when a run resumes, never a step of its own
    algorithm: str | None = None  # MySQL: INSTANT, INPLACE or COPY (the table is copied)


@dataclass(frozen=True)
class Step:
    phase: str
    statement: Statement
    comment: str  # the finding this step fixes, or why it is there
    source: ch.Change | None = None
    key: str = ""  # what this step provides, for ordering inside a phase (e.g. "view:public.v")
    after: tuple[str, ...] = ()  # keys of steps in the same phase that must come first
    note: str | None = None  # an extra line shown above the statement (e.g. "left NOT VALID")

    @property
    def sql(self) -> str:
        return self.statement.sql

    @property
    def transactional(self) -> bool:
        return self.statement.transactional

    @staticmethod
    def of(phase: str, sql: str, change: ch.Change | None, *, comment: str | None = None, key: str = "",
           after: tuple[str, ...] = (), note: str | None = None, **flags) -> Step:
        """A step fixing ``change`` (its comment describes the change); ``flags`` are ``Statement``'s. A step
        for a change whose fix ``removes`` something is destructive unless told otherwise."""
        flags.setdefault("destructive", bool(change is not None and change.removes))
        comment = comment if comment is not None else describe(change) if change is not None else ""
        return Step(phase, Statement(sql, **flags), comment, change, key=key, after=after, note=note)


@dataclass(frozen=True)
class Omission:
    """A change the plan does not fix, and why (destructive, unsupported, needs a person)."""

    change: ch.Change
    reason: str


@dataclass
class Plan:
    dialect: str
    module: str
    steps: list[Step] = field(default_factory=list)
    omitted: list[Omission] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # warnings for the header (NOT VALID left, counts not taken)
    changes: list[ch.Change] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any(s.phase != "prelude" for s in self.steps)

    @property
    def transactional(self) -> bool:
        return all(s.transactional for s in self.steps)

    @property
    def slug(self) -> str:
        tables = sorted({c.table for c in self.changes if c.table and self._fixed(c)})
        if len(tables) == 1:
            return f"fix_{tables[0]}"
        if tables:
            return f"fix_{self.module}_{len(tables)}_tables"
        return f"fix_{self.module}"

    def _fixed(self, c: ch.Change) -> bool:
        return any(s.source is c for s in self.steps)

    def render(self, *, when: datetime | None = None) -> str:
        """The migration file: header (when, findings, omissions), then the statements.

        The header never names the database the audit read: the file is applied to other databases (and
        committed), so a server, database or user name in it would be wrong there and leak here.
        """
        when = when or datetime.now(UTC)
        lines = []
        if not self.transactional:
            lines.append(f"-- {NO_TRANSACTION}")
        lines.append(f"-- jobschema fix migration for module {self.module} ({self.dialect})")
        lines.append(f"-- written: {when.strftime('%Y-%m-%dT%H:%M:%SZ')}")
        if not self.transactional:
            lines.append("-- runs without a transaction (CREATE INDEX CONCURRENTLY, or an enum label used after "
                         "ALTER TYPE ... ADD VALUE): each statement commits on its own")
        lines.append(f"-- `jobschema migrate` runs it step by step: each `-- {STEP_DIRECTIVE}` line gives the step's "
                     "transaction, the strongest lock it takes and whether it scans or rewrites the table")
        fixed = [c for c in self.changes if self._fixed(c)]
        if fixed:
            lines.append("-- findings fixed:")
            lines += [f"--   {sql_comment(describe(c))}" for c in fixed]
        if self.omitted:
            lines.append("-- left out (not fixed by this file):")
            lines += [f"--   {sql_comment(describe(o.change))} — {sql_comment(o.reason)}" for o in self.omitted]
        for n in self.notes:
            lines.append(f"-- NOTE: {sql_comment(n)}")
        out = "\n".join(lines) + "\n"
        last_comment = None
        for unit in self.units():
            out += f"\n-- {STEP_DIRECTIVE} {unit.annotation()}\n"
            for s in unit.steps:
                if s.comment and s.comment != last_comment:
                    out += f"-- {sql_comment(s.comment)}\n"
                last_comment = s.comment
                if s.note:
                    out += f"-- {sql_comment(s.note)}\n"
                out += s.sql.rstrip() + "\n"
        return out

    def units(self) -> list[Unit]:
        """The steps grouped as ``migrate`` runs them (see ``Unit``)."""
        return group(self.steps)

    def summary(self) -> list[dict]:
        """Per unit: number, transaction, lock, table, scans, rewrites, batching, statements — for ``plan``."""
        return [u.as_dict() for u in self.units()]

    def as_dict(self) -> dict:
        """``jobschema plan --format json``: the steps as ``migrate`` runs them, with their SQL."""
        return {"module": self.module, "dialect": self.dialect, "empty": self.empty,
                "steps": [u.as_dict() | {"sql": [s.sql for s in u.steps],
                                         "fixes": sorted({s.comment for s in u.steps if s.comment})}
                          for u in self.units()],
                "omitted": [{"change": describe(o.change), "reason": o.reason} for o in self.omitted],
                "notes": list(self.notes)}


@dataclass(frozen=True)
class Unit:
    """What ``migrate`` runs as one piece and records as done: consecutive catalog-only statements share one
    short transaction (``tx=own``: a dropped constraint and its NOT VALID replacement commit together, so
    writers never see neither); anything that scans, rewrites or changes rows, and anything refusing a
    transaction block, is a unit of its own. ``tx=batches``: a data step run in key-ordered batches, each
    its own transaction; ``tx=none``: no transaction (CONCURRENTLY); ``tx=session``: a session setting."""

    number: int
    steps: tuple[Step, ...]

    @property
    def tx(self) -> str:
        st = self.steps[0].statement
        if st.session:
            return "session"
        if not st.transactional:
            return "none"
        if st.batch_key:
            return "batches"
        return "own"

    @property
    def lock(self) -> str:
        locks = [s.statement.lock for s in self.steps if s.statement.lock]
        return max(locks, key=_lock_rank) if locks else "none"

    @property
    def tables(self) -> list[str]:
        return sorted({s.statement.table for s in self.steps if s.statement.table})

    def describe(self) -> str:
        """One line for people: ``step 2: own transaction, ACCESS EXCLUSIVE on public.t, catalog only``."""
        d = self.as_dict()
        tx = {"own": "one transaction", "batches": f"batches keyed by {d['key']}, each its own transaction",
              "none": "no transaction", "session": "session setting"}[d["tx"]]
        work = ("rewrites the table" if d["rewrites"] else "scans the table" if d["scans"]
                else "changes rows" if d["tx"] == "batches" else "catalog only")
        on = f" on {', '.join(d['tables'])}" if d["tables"] else ""
        algo = f", ALGORITHM={d['algorithm']}" if d["algorithm"] else ""
        if d["tx"] == "session":
            return f"step {self.number}: {tx}"
        return f"step {self.number}: {tx}, lock {d['lock']}{on}{algo}, {work}"

    def annotation(self) -> str:
        d = self.as_dict()
        parts = [str(self.number), f"tx={d['tx']}", f"lock={d['lock']}", f"scans={'yes' if d['scans'] else 'no'}",
                 f"rewrites={'yes' if d['rewrites'] else 'no'}"]
        if d["algorithm"]:
            parts.append(f"algorithm={d['algorithm']}")
        if d["key"]:
            parts.append(f"key={d['key']}")
        if d["tables"]:
            parts.append(f"table={','.join(d['tables'])}")
        return sql_comment(" ".join(parts))

    def as_dict(self) -> dict:
        algorithms = sorted({s.statement.algorithm for s in self.steps if s.statement.algorithm},
                            key=("INSTANT", "INPLACE", "COPY").index)
        return {"step": self.number, "tx": self.tx, "lock": self.lock, "tables": self.tables,
                "scans": any(s.statement.scans for s in self.steps),
                "rewrites": any(s.statement.rewrites for s in self.steps),
                "algorithm": algorithms[-1] if algorithms else None,
                "key": self.steps[0].statement.batch_key, "statements": len(self.steps)}


# strongest last; MySQL's metadata-lock words rank with PostgreSQL's by what they block
_LOCKS = ("none", "ROW EXCLUSIVE", "NONE", "SHARE UPDATE EXCLUSIVE", "SHARED", "SHARE", "SHARE ROW EXCLUSIVE",
          "EXCLUSIVE", "ACCESS EXCLUSIVE")


def _lock_rank(lock: str) -> int:
    return _LOCKS.index(lock) if lock in _LOCKS else len(_LOCKS)


def _alone(s: Step) -> bool:
    st = s.statement
    return st.session or not st.transactional or st.batch_key is not None or st.scans or st.rewrites \
        or s.phase in ("rewrite_values", "backfill")


def group(steps: list[Step]) -> list[Unit]:
    units: list[list[Step]] = []
    for s in steps:
        if units and not _alone(s) and not _alone(units[-1][-1]):
            units[-1].append(s)
        else:
            units.append([s])
    return [Unit(i, tuple(u)) for i, u in enumerate(units, 1)]


def annotate(steps: list[Step], facts: Callable[[Step], dict] | None) -> list[Step]:
    """``steps`` with the dialect's facts (lock, scans, rewrites, table, batching) set on their statements."""
    if facts is None:
        return steps
    return [replace(s, statement=replace(s.statement, **facts(s))) for s in steps]


def describe(c: ch.Change) -> str:
    """One line a DBA understands, naming the object and what differs."""
    kind = c.object_kind
    what = c.path
    if isinstance(c, ch.ModifyCheck) and (c.missing or c.extra):
        parts = []
        if c.missing:
            parts.append("missing " + ", ".join(c.missing))
        if c.extra:
            parts.append("extra " + ", ".join(c.extra))
        live = f" (live name {c.live_name})" if c.live_name and c.live_name != c.name else ""
        return f"{what}: check{live} allows other values: {'; '.join(parts)}"
    if isinstance(c, ch.ModifyColumn) and c.desired is not None and c.live is not None \
            and c.desired.enum is not None and c.live.enum is not None:
        missing = [v for v in c.desired.enum if v not in c.live.enum]
        extra = [v for v in c.live.enum if v not in c.desired.enum]
        parts = [f"enum values in another order: {', '.join(c.desired.enum)}"] if not missing and not extra else []
        if missing:
            parts.append(("enum values differ: " if not parts else "") + "missing " + ", ".join(missing))
        if extra:
            parts.append(("enum values differ: " if not parts else "") + "extra " + ", ".join(extra))
        if "default" in c.kinds:  # the same statement sets it: the header names every finding it fixes
            parts.append(f"default {c.live_default} → {c.desired_default}")
        return f"{what}: {'; '.join(parts)}"
    if isinstance(c, ch.ModifyColumn):
        bits = []
        for k in sorted(c.kinds):
            if k == "type":
                bits.append(f"type {c.live_type} → {c.desired_type}")
            elif k == "default":
                bits.append(f"default {c.live_default} → {c.desired_default}")
            elif k == "null":
                bits.append("NOT NULL" if c.desired is not None and not c.desired.nullable else "nullable")
            else:
                bits.append(k)
        return f"{what}: column differs: {', '.join(bits)}"
    if isinstance(c, ch.RenamedEquivalent):
        return f"{what}: {c.of} exists as {c.live_name}"
    if isinstance(c, ch.ValidateConstraint):
        return f"{what}: {c.of} {c.live_name} is NOT VALID"
    if isinstance(c, ch.InvalidateConstraint):
        return f"{what}: {c.of} {c.live_name} is validated, the schema keeps it NOT VALID"
    verb = type(c).__name__
    for prefix, word in (("Add", "missing"), ("Drop", "not in the schema"), ("Modify", "differs"),
                         ("Enable", "row-level security off"), ("Disable", "row-level security on"),
                         ("Force", "FORCE ROW LEVEL SECURITY differs"), ("Duplicate", "second check on the column")):
        if verb.startswith(prefix):
            kinds = getattr(c, "kinds", None)
            extra = f" ({', '.join(sorted(kinds))})" if kinds else ""
            return f"{what}: {kind} {word}{extra}"
    return f"{what}: {kind}"
