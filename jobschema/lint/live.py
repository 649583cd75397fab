"""Migration files checked against a live database (``lint --dsn DSN FILE.sql``).

Each constraint or NOT NULL a statement adds becomes the change the audit would have found for it, and
the dialect's probe — the audit's own counts, in its read-only session with statement and lock timeouts —
says how many live rows the statement would reject. Value rewrites earlier in the file
(``UPDATE t SET c = 'new' WHERE c = 'old'``) count as done, the way the audit counts ``legacy_values``;
a constraint on a column the file rewrites in any other way, or on a table it deletes from, is not
counted (the rows it will meet are not the rows there now). Nothing here speaks SQL.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, replace

from sqlglot import exp

from ..connect import resolve_dsn
from ..dialects import base as dialects
from ..diff import changes as ch
from ..early_catalog import open_catalog
from ..model.live import LiveCatalog, ProbeResult
from ..model.objects import Check, Column, ForeignKey, PrimaryKey, Sql, Table, UniqueKey
from .capable import SOURCE
from .migration import FileState, Statement

STATEMENT_TIMEOUT_MS = 30_000
LOCK_TIMEOUT_MS = 2_000


@dataclass(frozen=True)
class Count:
    """How many live rows one statement would reject, and what they hold."""

    what: str  # "check 'name'", "NOT NULL on jobs.status", ...
    table: str
    rows: int | None  # None: not counted (``error`` says why)
    values: tuple[tuple[str, int], ...] = ()  # value-set CHECKs: the rejected values and their rows
    error: str | None = None


class LiveRows:
    """An open read-only session on the database the migration files will run against."""

    def __init__(self, conn, live: LiveCatalog, dialect):
        self.conn, self.live, self.dialect = conn, live, dialect
        self._tables = {t.name.lower(): t for t in live.module.tables}
        self._pending: dict[tuple[str, str], tuple[str, ch.Change]] = {}  # NOT VALID, counted at VALIDATE

    @property
    def name(self) -> str:
        return self.dialect.name

    def table(self, name: str | None) -> Table | None:
        return self._tables.get((name or "").lower())

    def counts(self, st: Statement, state: FileState) -> list[tuple[int, Count]]:
        """(line, count) for each constraint ``st`` checks against the rows now in the table."""
        out = []
        if st.table and self.table(st.table) is None and not state.is_new(st.table) and _adds_rules(st):
            # a table the database lacks (an earlier file not yet applied creates it): said, not skipped
            out.append((st.line, Count(f"the constraints of this statement on {st.table}", st.table, None,
                                       error=f"{st.table} is not in the database, so its rows cannot be counted")))
        for what, change in self._changes(st, state):
            results = self.dialect.probe(self.conn, [change], self.live, self.dialect.hooks([self.live.module],
                                                                                             self.live))
            out.append((st.line, _count(what, change, results)))
        return out

    # -- statements → the changes the audit would count -------------------------------------------------
    def _changes(self, st: Statement, state: FileState) -> Iterator[tuple[str, ch.Change]]:
        validated = _validated_name(st)
        if validated is not None:
            pending = self._pending.pop(validated, None)
            if pending is not None:  # counted now, with the rewrites the file made since the ADD
                name, body, lt = pending
                if lt.name.lower() in state.touched:
                    return
                for what, change, columns in self._constraint(name, body, lt, state, _base(lt)):
                    if not any(state.rewrites.get((lt.name.lower(), c), {}) is None for c in columns):
                        yield what, change
            return
        lt = self.table(st.table)
        if lt is None or state.is_new(st.table) or st.table in state.touched:
            return
        not_valid = bool(st.tree is not None and st.tree.args.get("not_valid"))
        for action in st.alter_actions():
            for what, change, columns in self._from_action(action, lt, state):
                if any(state.rewrites.get((lt.name.lower(), c), {}) is None for c in columns):
                    continue  # an earlier statement rewrote the column: today's rows are not the ones checked
                if not_valid and isinstance(change, (ch.AddCheck, ch.AddForeignKey)):
                    continue  # remembered below, counted at its VALIDATE
                yield what, change
            if not_valid and isinstance(action, exp.AddConstraint):
                for con in action.expressions:
                    if isinstance(con, exp.Constraint) and con.name and con.expressions:
                        self._pending[(lt.name.lower(), con.name.lower())] = (con.name, con.expressions[0], lt)

    def _from_action(self, action, lt: Table, state: FileState) -> Iterator[tuple[str, ch.Change, list[str]]]:
        base = _base(lt)
        if isinstance(action, exp.AddConstraint):
            for con in action.expressions:
                name = con.name if isinstance(con, exp.Constraint) and con.name else ""
                body = con.expressions[0] if isinstance(con, exp.Constraint) and con.expressions else con
                yield from self._constraint(name, body, lt, state, base)
        elif isinstance(action, exp.AlterColumn) and action.args.get("allow_null") is False \
                and not action.args.get("drop"):
            yield from self._not_null(action.name, lt, base)
        elif isinstance(action, exp.ModifyColumn) and isinstance(action.this, exp.ColumnDef):
            cdef = action.this
            old = action.args.get("rename_from")
            name = old.name if old is not None else cdef.name
            if _not_null(cdef):
                yield from self._not_null(name, lt, base)
            kind = cdef.args.get("kind")
            if isinstance(kind, exp.DataType) and kind.this == exp.DataType.Type.ENUM:
                yield from self._enum(name, tuple(v.name for v in kind.expressions), lt, state, base)
        elif isinstance(action, exp.ColumnDef) and _not_null(action) and not _fills(action):
            col = Column(action.name, "text", nullable=False)
            yield (f"ADD COLUMN {action.name} NOT NULL without a default",
                   ch.AddColumn(**base, desired=col), [])

    def _not_null(self, column: str, lt: Table, base) -> Iterator[tuple[str, ch.Change, list[str]]]:
        live_col = lt.column(column)
        if live_col is not None and live_col.nullable:
            yield (f"NOT NULL on {lt.name}.{live_col.name}",
                   ch.ModifyColumn(**base, desired=replace(live_col, nullable=False), live=live_col,
                                   kinds=frozenset({"null"})), [live_col.name.lower()])

    def _enum(self, column: str, values: tuple[str, ...], lt: Table, state: FileState, base):
        """An ENUM column redefined (MySQL): rows holding a label the new list lacks, less the labels the
        file rewrote before."""
        live_col = lt.column(column)
        if live_col is None or live_col.enum is None or not set(live_col.enum) - set(values):
            return  # a widening keeps every row
        legacy = state.rewrites.get((lt.name.lower(), live_col.name.lower())) or {}
        desired = replace(live_col, enum=values, legacy_values=tuple(sorted(legacy.items())))
        yield (f"ENUM({', '.join(values)}) on {lt.name}.{live_col.name}",
               ch.ModifyColumn(**base, desired=desired, live=live_col, kinds=frozenset({"type"})),
               [live_col.name.lower()])

    def _constraint(self, name: str, body, lt: Table, state: FileState, base):
        if isinstance(body, exp.CheckColumnConstraint):
            expr = body.this
            columns = sorted({c.name.lower() for c in expr.find_all(exp.Column)})
            legacy = {c: state.rewrites.get((lt.name.lower(), c)) or {} for c in columns}
            table = replace(lt, columns=tuple(
                replace(col, legacy_values=tuple(sorted(legacy.get(col.name.lower(), {}).items())))
                for col in lt.columns))
            check = Check(name or "check", Sql(expr.sql(SOURCE)))
            yield (f"CHECK {name or expr.sql(SOURCE)}",
                   ch.AddCheck(**(base | {"desired_table": table}), desired=check),
                   [c for c in columns if not legacy.get(c)])
        elif isinstance(body, exp.ForeignKey):
            ref = body.args.get("reference")
            schema = ref.this if ref is not None else None
            if not isinstance(schema, exp.Schema) or not isinstance(schema.this, exp.Table):
                return
            cols = tuple(i.name for i in body.expressions)
            fk = ForeignKey(name or "fkey", cols, schema.this.name, tuple(i.name for i in schema.expressions),
                            ref_namespace=schema.this.db or None)
            yield f"FOREIGN KEY {name or ', '.join(cols)}", ch.AddForeignKey(**base, desired=fk), \
                [c.lower() for c in cols]
        elif isinstance(body, exp.PrimaryKey):
            cols = tuple(i.name for i in body.expressions)
            yield (f"PRIMARY KEY ({', '.join(cols)})", ch.AddPrimaryKey(**base, desired=PrimaryKey(cols, name or None)),
                   [c.lower() for c in cols])
        elif isinstance(body, exp.UniqueColumnConstraint) and isinstance(body.this, exp.Schema):
            cols = tuple(i.name for i in body.this.expressions)
            key = UniqueKey(name or "unique", cols, nulls_not_distinct=bool(body.args.get("nulls")))
            yield f"UNIQUE {name or ', '.join(cols)}", ch.AddUniqueKey(**base, desired=key), [c.lower() for c in cols]


def _base(lt: Table) -> dict:
    return {"module": lt.namespace, "path": lt.name, "namespace": lt.namespace, "table": lt.name,
            "live_table": lt, "desired_table": lt}


def _adds_rules(st: Statement) -> bool:
    """Whether an ALTER TABLE adds a constraint or NOT NULL that rows could violate."""
    for a in st.alter_actions():
        if isinstance(a, exp.AddConstraint) or (isinstance(a, exp.AlterColumn) and a.args.get("allow_null") is False
                                                 and not a.args.get("drop")):
            return True
        if isinstance(a, (exp.ColumnDef, exp.ModifyColumn)) and _not_null(a if isinstance(a, exp.ColumnDef)
                                                                          else a.this):
            return True
    return False


def _not_null(cdef: exp.ColumnDef) -> bool:
    return any(isinstance(c.args.get("kind"), exp.NotNullColumnConstraint) and not c.args["kind"].args.get("allow_null")
               for c in cdef.args.get("constraints") or [])


def _fills(cdef: exp.ColumnDef) -> bool:
    """Whether a new column gets a value in existing rows (default, identity, generated)."""
    return any(isinstance(c.args.get("kind"), (exp.DefaultColumnConstraint, exp.GeneratedAsIdentityColumnConstraint,
                                               exp.ComputedColumnConstraint, exp.AutoIncrementColumnConstraint))
               for c in cdef.args.get("constraints") or [])


def _validated_name(st: Statement) -> tuple[str, str] | None:
    """(table, constraint) of ``ALTER TABLE t VALIDATE CONSTRAINT c`` (sqlglot keeps it as a command)."""
    if st.tree is not None:
        return None
    w = st.words()
    if w[:2] != ("ALTER", "TABLE") or "VALIDATE" not in w:
        return None
    i = w.index("VALIDATE")
    if w[i + 1:i + 2] != ("CONSTRAINT",) or len(w) <= i + 2:
        return None
    table = [x for x in w[2:i] if x not in ("ONLY", "IF", "EXISTS")]
    return table[-1].strip('"').lower() if table else "", w[i + 2].strip('"').lower()


def _count(what: str, change: ch.Change, results: list[ProbeResult]) -> Count:
    table = change.table or ""
    if not results:
        return Count(what, table, None, error="the table or its columns are not in the database")
    errors = [r.error for r in results if r.error]
    if errors:
        return Count(what, table, None, error=errors[0])
    values: list[tuple[str, int]] = []
    total = 0
    for r in results:
        if r.what == "value":
            bad = [(v, n) for v, n, target in r.values if target is None]
            values += bad
            total += sum(n for _, n in bad)
        else:
            total += r.rows or 0
    return Count(what, table, total, tuple(values))


@contextlib.contextmanager
def open_rows(dsn: str, namespaces: list[str] | None = None) -> Iterator[LiveRows]:
    """A read-only session on ``dsn`` (the audit's, with its timeouts) and its catalog."""
    dsn = resolve_dsn(dsn)
    d = dialects.for_dsn(dsn)
    spaces = list(namespaces or ["public"])
    with open_catalog(d, dsn, spaces, spaces[0], STATEMENT_TIMEOUT_MS, LOCK_TIMEOUT_MS, "jobschema lint") as (conn,
                                                                                                           live):
        yield LiveRows(conn, live, d)
