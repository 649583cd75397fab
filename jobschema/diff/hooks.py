"""The questions the generic differ asks a dialect, with plain textual answers as defaults.

The walk (``diff.differ``) is written once; a dialect subclasses ``DiffHooks`` and answers only what
differs for it (PostgreSQL: ``dialects/postgres/normalize.py``; MySQL: ``dialects/mysql/normalize.py``).
Every ``*_key`` returns a value that is equal for two objects with the same meaning, so the differ can
both compare and index by it. Keys must be computed the same way for desired and live objects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.objects import Check, Column, ForeignKey, Function, Index, Sql, Table, Trigger, View

_VIEW_COMMENT = re.compile(r"^\s*COMMENT\s+ON\s+(?:MATERIALIZED\s+)?VIEW\s+\S+\s+IS\s+'((?:[^']|'')*)'\s*;?\s*$",
                           re.I | re.S)


@dataclass(frozen=True)
class CheckMeaning:
    """What a CHECK says: ``key`` is equal for equal meanings; ``value_set`` is (column, values) when the
    CHECK only says ``column IN (...)`` in any spelling; ``columns`` are the columns it reads.
    ``as_written``: the server keeps the clause as it was written (``DiffHooks.checks_kept_as_written``), so
    ``key`` tells an OR chain from the ``IN`` list of the same values and is the identity."""

    key: str
    columns: frozenset[str] = frozenset()
    value_set: tuple[str, frozenset[str]] | None = None
    as_written: bool = False

    @property
    def identity(self) -> str:
        """What two CHECKs must share to be the same constraint.

        A value set is compared as a set: servers print a one-value ``IN`` back as ``=`` and reorder or
        cast lists, so the expression tree alone would call the same rule changed. A server that keeps the
        clause as written prints another spelling of the same values back as written, so there the key,
        which keeps the spelling, decides.
        """
        if self.value_set is not None and not self.as_written:
            column, values = self.value_set
            return repr(("value_set", column, tuple(sorted(values))))
        return self.key


class DiffHooks:
    """Dialect answers for the differ. Override what the dialect spells differently."""

    dialect = "neutral"
    rls = True  # does the dialect have row-level security (policies, ENABLE/FORCE)?
    checks = True  # does it keep CHECK constraints?
    native_enum_types = False  # are enum_type columns typed with named enum types (PostgreSQL)?
    deferrable_keys = False  # can primary and unique keys be DEFERRABLE (PostgreSQL)?
    constraint_comments = False  # can CHECKs and foreign keys carry comments (PostgreSQL)?
    not_valid_constraints = False  # can a CHECK or foreign key be kept NOT VALID (PostgreSQL)?
    identity_options = False  # are an identity column's sequence options (START WITH, ...) kept (PostgreSQL)?
    column_order = False  # can a fix place a column among the others (MySQL AFTER / FIRST)?
    invisible_columns = False  # can a column be left out of SELECT * (MySQL INVISIBLE)?
    # does the server keep a CHECK's clause as written (an OR chain stays one, a list keeps its order and
    # repeats) rather than rewriting it into its own form (PostgreSQL's ``= ANY (ARRAY[...])``)?
    checks_kept_as_written = False

    def place(self, namespace: str) -> str:
        """Where a missing object was looked for, as messages name it: the namespace, or for a dialect whose
        namespace is the database the DSN names, that database."""
        return namespace

    def qualified(self, namespace: str, name: str) -> str:
        """An object's name as messages print it, with its namespace (or database)."""
        return f"{namespace}.{name}"

    # -- columns ------------------------------------------------------------------------------
    def native_type(self, col: Column) -> str:
        """The dialect's canonical type of a column, desired or live. For a live column an inspector may
        put the server's own type in ``type_overrides`` ((dialect, native)); both sides go through here."""
        return (col.type_override(self.dialect) or col.type).lower()

    def column_type_equal(self, desired: Column, live: Column) -> bool:
        return self.native_type(desired) == self.native_type(live)

    def default_key(self, col: Column) -> str | None:
        return self.default_text(col)

    def default_text(self, col: Column) -> str | None:
        d = col.default
        if d is None:
            return None
        if d.kind == "literal":
            return None if d.value is None else str(d.value)
        return self.sql_text(d.expression)

    def default_equal(self, desired: Column, live: Column) -> bool:
        return self.default_key(desired) == self.default_key(live)

    def generated_key(self, col: Column) -> str | None:
        return self.expression_key(col.generated)

    def collation_equal(self, desired: Column, live: Column) -> bool:
        if desired.collation is None:
            return True  # the schema leaves it to the server
        return (desired.collation or "").lower() == (live.collation or "").lower()

    def on_update_key(self, col: Column) -> str | None:
        """A key for the column's ON UPDATE expression (MySQL); None where the dialect has none."""
        return None

    def collation_text(self, col: Column) -> str | None:
        """A column's collation as findings name it (MySQL: with its character set, inherited or not)."""
        return col.collation

    def table_option_delta(self, desired: Table, live: Table) -> tuple[tuple[str, str | None, str | None], ...]:
        """Table options that differ, as (option, desired, live): MySQL's character set and collation."""
        return ()

    # -- expressions --------------------------------------------------------------------------
    def sql_text(self, s: Sql | None) -> str | None:
        if s is None:
            return None
        return s.override(self.dialect) or s.text

    def expression_key(self, s: Sql | None) -> str | None:
        text = self.sql_text(s)
        return None if text is None else " ".join(text.lower().split())

    def check_meaning(self, check: Check) -> CheckMeaning:
        return CheckMeaning(key=self.expression_key(check.expression) or "")

    def check_placement_differs(self, desired: Check, live: Check) -> bool:
        """Whether one CHECK is written on its column and the other as a table constraint, where the server
        keeps that apart (MariaDB): the same rule, but not the same table."""
        return False

    def enum_checks(self, table: Table) -> tuple[tuple[Check, Column], ...]:
        """The CHECKs that carry enum columns on this dialect (PostgreSQL); () where enums are types."""
        return ()

    def enum_values_delta(self, desired: Column, live: Column) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
        """Where enums are column types (MySQL ENUM): (missing, extra) values of the live type, else None."""
        return None

    # -- what the server adds by itself, and what the dialect cannot express ----------------------
    def is_implicit_check(self, table: Table, check: Check) -> bool:
        """A live CHECK the server created on its own (MariaDB's json_valid on JSON columns): not drift."""
        return False

    def is_implicit_index(self, table: Table, index: Index) -> bool:
        """A live index the server created on its own (InnoDB's index for a foreign key): not drift."""
        return False

    def index_expressible(self, table: Table, index: Index) -> bool:
        """Whether the dialect's DDL creates this desired index at all (the renderer warns when not)."""
        return True

    def column_key(self, name: str) -> str:
        """A column name as the server matches it (MySQL ignores its case; PostgreSQL does not)."""
        return name

    primary_key_names = True  # False where every primary key has the same fixed name (MySQL: PRIMARY)

    def is_generated_name(self, table: Table, of: str, obj: object, name: str) -> bool:
        """Whether ``name`` is one the server gives ``obj`` (a check, index, unique key, foreign key or
        primary key of ``table``) when its DDL names none: such a name is no drift where the schema
        leaves the object unnamed too."""
        return False

    def foreign_key_attrs(self, fk: ForeignKey) -> dict[str, object]:
        """The attributes of a foreign key the dialect keeps, canonical (MySQL: the rules as the server stores them)."""
        return {"on_delete": fk.on_delete, "on_delete_columns": fk.on_delete_columns, "on_update": fk.on_update,
                "deferrable": fk.deferrable,
                "initially_deferred": fk.initially_deferred, "match": fk.match}

    # -- indexes, views, routines ---------------------------------------------------------------
    def index_key(self, ix: Index) -> tuple:
        parts = tuple((p.column, self.expression_key(p.expression), p.descending, p.opclass, p.nulls_first)
                      for p in ix.parts)
        return (ix.unique, ix.method, parts, self.expression_key(ix.where), tuple(ix.include))

    def index_equal(self, desired: Index, live: Index) -> bool:
        return self.index_key(desired) == self.index_key(live)

    def view_index_key(self, statement: str) -> str:
        """What a ``CREATE INDEX`` on a materialized view (a statement of its file) means, for comparison."""
        return " ".join(statement.lower().rstrip().rstrip(";").split())

    def live_view_index_key(self, namespace: str, view: str, ix: Index) -> str | None:
        """The same key of a live index of a materialized view; None where the dialect cannot write one."""
        return None

    def view_key(self, view: View) -> str | None:
        q = view.definition(self.dialect)
        return None if q is None else " ".join(q.lower().split())

    def view_comment(self, view: View) -> str | None:
        """The view's comment: its own field, or a ``COMMENT ON [MATERIALIZED] VIEW`` among its statements."""
        if view.comment is not None:
            return view.comment
        for dialect, stmt in view.extra_sql:
            if dialect not in (self.dialect, "*"):
                continue
            m = _VIEW_COMMENT.match(stmt)
            if m:
                return m.group(1).replace("''", "'")
        return None

    def view_equal(self, desired: View, live: View) -> bool:
        return self.view_key(desired) == self.view_key(live)

    def view_option_kinds(self, desired: View, live: View) -> frozenset[str]:
        """View options that differ: PostgreSQL ``security_invoker``; MySQL ``algorithm`` and ``security``."""
        return frozenset({"security_invoker"}) if desired.security_invoker != live.security_invoker else frozenset()

    def function_key(self, fn: Function) -> tuple:
        return (fn.namespace, fn.name, " ".join(fn.arguments.lower().split()))

    def function_kinds(self, desired: Function, live: Function) -> frozenset[str]:
        kinds = set()
        if " ".join(desired.body.split()) != " ".join(live.body.split()):
            kinds.add("body")
        return frozenset(kinds)

    def trigger_kinds(self, desired: Trigger, live: Trigger) -> frozenset[str]:
        kinds = set()
        if desired.timing.upper() != live.timing.upper():
            kinds.add("timing")
        if tuple(sorted(desired.events)) != tuple(sorted(live.events)):
            kinds.add("events")
        return frozenset(kinds)
