"""What a dialect's step builders see while turning one change into steps: the options, the schema, the probes'
row counts, and where to put refusals, omissions and notes.

Its own module so that ``dialects/<name>/plan.py`` imports the planner's vocabulary (this and ``steps``) and
never the planner, which receives the dialect's builders from its caller.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ..diff import changes as ch
from ..errors import PlanRefused
from ..model.objects import Column, Module, Project, Table
from .steps import Omission, Step, describe

ALLOW_DESTRUCTIVE = "pass --allow-destructive to include it"


@dataclass(frozen=True)
class PlanOptions:
    allow_destructive: bool = False
    allow_not_valid: bool = False  # PostgreSQL: keep a violated constraint NOT VALID instead of refusing
    concurrently: bool = False  # PostgreSQL: CREATE INDEX CONCURRENTLY (the file runs without a transaction)
    lock_timeout: str = "5s"
    server_version: str | None = None  # the audited server's, as it reports it: what statements it takes


@dataclass
class Context:
    """What a dialect's step builders may ask and report while turning one change into steps."""

    dialect: str
    options: PlanOptions
    project: Project
    probes: dict[int, list] = field(default_factory=dict)  # id(change) → [ProbeResult]
    refusals: list[str] = field(default_factory=list)
    omitted: list[Omission] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # (namespace, table) → the live table, for every table some change names (what its keys are called live)
    live_tables: dict[tuple[str, str], Table] = field(default_factory=dict)
    created_tables: set[tuple[str, str]] = field(default_factory=set)  # (namespace, table) the plan creates
    changes: Sequence[ch.Change] = ()  # every change of the plan, for a builder whose statements depend on others

    def module(self, name: str) -> Module:
        m = self.project.module(name)
        if m is None:
            raise PlanRefused(f"module {name!r} is not in the schema")
        return m

    def probe(self, change: ch.Change, what: str | None = None):
        for r in self.probes.get(id(change), ()):
            if what is None or r.what == what:
                return r
        return None

    def omit(self, change: ch.Change, reason: str) -> list[Step]:
        self.omitted.append(Omission(change, reason))
        return []

    def refuse(self, change: ch.Change, why: str) -> list[Step]:
        self.refusals.append(f"{describe(change)}: {why}")
        return []

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    # -- data facts ------------------------------------------------------------------------------
    def legacy_map(self, change: ch.Change, column: str | None, live_allowed: Sequence[str] | None = None
                   ) -> list[tuple[str, str]]:
        """(old, new) rewrites from the desired column's ``legacy_values`` that live rows could hold."""
        col = _desired_column(change, column)
        if col is None:
            return []
        out = []
        for old, new in col.legacy_values:
            if live_allowed is not None and old not in live_allowed:
                continue  # the live constraint never allowed it: no row holds it
            out.append((old, new))
        return out

    def leftover_values(self, change: ch.Change, allowed: Sequence[str], column: str | None
                        ) -> tuple[list[tuple[str, int]], str | None]:
        """Values live rows hold that are neither allowed nor rewritten by the legacy mapping, with counts;
        and a reason when the rows could not be counted."""
        r = self.probe(change, "value")
        if r is None:
            return [], None
        if r.rows is None:
            return [], r.error or "not counted"
        mapping = dict(self.legacy_map(change, column))
        left = []
        for value, n, _target in r.values:
            target = mapping.get(value, value)
            if target not in allowed:
                left.append((value, n))
        return left, None

    def count(self, change: ch.Change, what: str) -> tuple[int | None, str | None]:
        r = self.probe(change, what)
        if r is None:
            return None, None
        return r.rows, r.error


    # -- refusals and omissions: the same wording on every dialect --------------------------------------
    def rows_needing_value(self, change: ch.Change, col: Column) -> str | None:
        """Why a NOT NULL column without a default cannot be added: the table has rows."""
        rows, _err = self.count(change, "rows")
        if rows:
            return (f"{rows} existing row(s) would need a value for NOT NULL column {col.name}, which has no "
                    "default (give it a default in the schema)")
        return None

    def null_rows(self, change: ch.Change, col: Column) -> tuple[int | None, str | None]:
        """Rows holding NULL in a column becoming NOT NULL, and why that cannot be fixed (no default)."""
        nulls, _err = self.count(change, "null")
        if nulls and col.default is None:
            return nulls, (f"{nulls} row(s) hold NULL in {col.name} and the schema gives no default to fill "
                           "them with")
        return nulls, None

    def key_violations(self, change: ch.Change, columns: Sequence[str]) -> str | None:
        """Why a primary or unique key cannot be added: NULLs or duplicates in its columns."""
        problems = []
        n, _ = self.count(change, "null")
        if n:
            problems.append(f"{n} row(s) hold NULL in {', '.join(columns)}")
        n, _ = self.count(change, "duplicate")
        if n:
            problems.append(f"{n} row(s) share their {', '.join(columns)} value with another row")
        return "; ".join(problems) or None

    def orphans(self, change: ch.Change) -> str | None:
        """Why a foreign key would not validate: rows referencing a missing row."""
        n, _ = self.count(change, "orphan")
        return f"{n} row(s) reference a missing {change.desired.ref_table} row" if n else None

    def check_violations(self, change: ch.Change, expression: str) -> tuple[str | None, str | None]:
        """Why a CHECK would not validate (rows violating it), and why rows were not counted."""
        n, err = self.count(change, "check")
        return (f"{n} row(s) violate CHECK ({expression})" if n else None), err

    @staticmethod
    def leftover_reason(left: Sequence[tuple[str, int]], column: str) -> str:
        """``leftover_values`` in words."""
        return ", ".join(f"{n} row(s) with {column} = {v!r}" for v, n in left) + \
            " — not allowed by the schema and not mapped by legacy_values"

    def refuse_type_change(self, change: ch.ModifyColumn, column: str) -> list[Step]:
        return self.refuse(change, f"PostgreSQL cannot convert column {column} from {change.live_type} to "
                           f"{change.desired_type} by itself; give the column a using: expression in the schema "
                           f"saying how (e.g. using: \"{column}::{change.desired_type}\")")

    def omit_type_change(self, change: ch.ModifyColumn, risk: str) -> list[Step]:
        return self.omit(change, f"changing the type from {change.live_type} to {change.desired_type} may fail "
                         f"or {risk}; {ALLOW_DESTRUCTIVE}")

    def omit_not_null_under_kept_key(self, change: ch.ModifyColumn) -> bool:
        """Whether DROP NOT NULL on the column must wait: the live primary key holds it NOT NULL and is dropped
        only with --allow-destructive. The omission is recorded here, so the drift stays reported."""
        live_pk = change.live_table.primary_key if change.live_table is not None else None
        kept = (live_pk is not None and change.desired.name in live_pk.columns and not self.options.allow_destructive
                and (change.desired_table is None or change.desired_table.primary_key is None))
        if kept:
            what = f"primary key {live_pk.name}" if live_pk.name else "primary key"
            self.omit(change, f"DROP NOT NULL on {change.desired.name} waits for the {what} on it to be dropped; "
                      f"{ALLOW_DESTRUCTIVE}")
        return kept

    def omit_by_hand(self, change: ch.Change, kinds: set[str], column: str) -> list[Step]:
        return self.omit(change, f"{', '.join(sorted(kinds))} of column {column} is not changed automatically; "
                         "change it by hand")


def _desired_column(change: ch.Change, column: str | None) -> Column | None:
    if isinstance(change.desired, Column):
        return change.desired
    if column is None or change.desired_table is None:
        return None
    return change.desired_table.column(column)


class PlanShapes(Protocol):
    """A dialect's statement shapes (``dialects/<name>/plan.py`` is one): a step builder per change class,
    and the steps that open every file."""

    HANDLERS: Mapping[type, Callable[[ch.Change, Context], list[Step]]]
    NOT_VALID: bool  # a violated constraint can be kept NOT VALID (--allow-not-valid) instead of refused

    def prelude(self, options: PlanOptions, module: Module) -> list[Step]: ...


class PlanDialect(Protocol):
    """What the planner asks of the dialect it plans for; the registered dialect object is one."""

    name: str

    def plan_shapes(self) -> PlanShapes: ...
