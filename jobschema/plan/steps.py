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

from dataclasses import dataclass, field
from datetime import UTC, datetime

from ..diff import changes as ch
from ..names import NO_TRANSACTION, sql_comment


@dataclass(frozen=True)
class Statement:
    """A step's SQL and how it behaves on a live database."""

    sql: str  # one or more complete statements, each ending in ";"
    transactional: bool = True  # False: refuses a transaction block (CONCURRENTLY), so the file runs without one
    concurrently: bool = False  # built without blocking writes (PostgreSQL CONCURRENTLY)
    not_valid: bool = False  # a constraint added without checking the existing rows (VALIDATE follows, or a note)
    lock: str | None = None  # the table lock it takes, where the dialect names one (PostgreSQL lock modes)
    destructive: bool = False  # removes objects or data: only planned with --allow-destructive


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
        for s in self.steps:
            out += "\n"
            if s.comment and s.comment != last_comment:
                out += f"-- {sql_comment(s.comment)}\n"
            last_comment = s.comment
            if s.note:
                out += f"-- {sql_comment(s.note)}\n"
            out += s.sql.rstrip() + "\n"
        return out


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
        if not missing and not extra:
            return f"{what}: enum values in another order: {', '.join(c.desired.enum)}"
        return f"{what}: enum values differ: missing {', '.join(missing) or '-'}; extra {', '.join(extra) or '-'}"
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
    verb = type(c).__name__
    for prefix, word in (("Add", "missing"), ("Drop", "not in the schema"), ("Modify", "differs"),
                         ("Enable", "row-level security off"), ("Disable", "row-level security on"),
                         ("Force", "FORCE ROW LEVEL SECURITY differs"), ("Duplicate", "second check on the column")):
        if verb.startswith(prefix):
            kinds = getattr(c, "kinds", None)
            extra = f" ({', '.join(sorted(kinds))})" if kinds else ""
            return f"{what}: {kind} {word}{extra}"
    return f"{what}: {kind}"
