"""Count the live rows that violate desired constraints the database lacks or enforces differently.

Runs inside the audit's read-only transaction, each count in its own savepoint so a refused or timed-out
count (``statement_timeout`` bounds each one) does not abort the others. Tables the role may not read
are skipped with a reason instead of an error.
"""

from __future__ import annotations

import psycopg
from psycopg import sql

from ...diff import changes as ch
from ...model.live import LiveCatalog, ProbeResult
from ...model.objects import Table
from . import enums
from .normalize import HOOKS

VALUE_LIMIT = 50


def _table(t: Table) -> sql.Composable:
    return sql.Identifier(t.namespace, t.name)


def _one_line(exc: Exception) -> str:
    msg = str(exc).strip().splitlines()
    text = msg[0] if msg else type(exc).__name__
    if isinstance(exc, psycopg.errors.QueryCanceled):
        return "the count took longer than the statement timeout"
    return text


class Prober:
    def __init__(self, conn, live: LiveCatalog):
        self.conn = conn
        self.live = live
        self.results: list[ProbeResult] = []

    def _run(self, change, what: str, stmt: sql.Composable, *, values: bool = False, detail: str | None = None,
             legacy: dict | None = None) -> None:
        lt = change.live_table
        if lt is not None and not self.live.table_privileges.get((lt.namespace, lt.name), True):
            self.results.append(ProbeResult(change, what, None, error=f"permission denied for table {lt.name}",
                                            detail=detail))
            return
        try:
            with self.conn.transaction():  # a savepoint inside the audit's transaction
                with self.conn.cursor() as cur:
                    cur.execute(stmt)
                    rows = cur.fetchall()
        except psycopg.errors.LockNotAvailable:
            name = f"{lt.namespace}.{lt.name}" if lt is not None else "the table"
            self.results.append(ProbeResult(change, what, None, detail=detail, error=(
                f"another session holds a lock on {name} and the audit's lock timeout ran out")))
            return
        except psycopg.Error as exc:
            self.results.append(ProbeResult(change, what, None, error=_one_line(exc), detail=detail))
            return
        if values:
            legacy = legacy or {}
            vals = tuple((str(v), int(n), legacy.get(str(v))) for v, n in rows)
            total = sum(n for _, n, _ in vals)
            self.results.append(ProbeResult(change, what, total, vals, detail=detail))
        else:
            self.results.append(ProbeResult(change, what, int(rows[0][0]) if rows else 0, detail=detail))

    # -- per change ---------------------------------------------------------------------------
    def values_outside(self, change, column: str, allowed: frozenset[str], legacy: dict) -> None:
        t = change.live_table
        stmt = sql.SQL("SELECT {c}::text, count(*) FROM {t} WHERE {c} IS NOT NULL AND NOT ({c}::text = ANY ({arr})) "
                       "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT {lim}").format(
            c=sql.Identifier(column), t=_table(t), arr=sql.Literal(sorted(allowed)), lim=sql.Literal(VALUE_LIMIT))
        self._run(change, "value", stmt, values=True, legacy=legacy, detail=column)

    def elements_outside(self, change, column: str, allowed: frozenset[str], legacy: dict) -> None:
        """``values_outside`` for an array column: each element counts once per row holding it."""
        t = change.live_table
        stmt = sql.SQL("SELECT v::text, count(*) FROM {t}, unnest({c}) AS u(v) WHERE v IS NOT NULL "
                       "AND NOT (v::text = ANY ({arr})) GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT {lim}").format(
            c=sql.Identifier(column), t=_table(t), arr=sql.Literal(sorted(allowed)), lim=sql.Literal(VALUE_LIMIT))
        self._run(change, "value", stmt, values=True, legacy=legacy, detail=column)

    def check_false(self, change, expression: str) -> None:
        stmt = sql.Composed([sql.SQL("SELECT count(*) FROM "), _table(change.live_table),
                             sql.SQL(" WHERE ("), sql.SQL(expression), sql.SQL(") IS FALSE")])
        self._run(change, "check", stmt, detail=expression)

    def nulls(self, change, columns: tuple[str, ...]) -> None:
        cond = sql.SQL(" OR ").join(sql.SQL("{} IS NULL").format(sql.Identifier(c)) for c in columns)
        stmt = sql.SQL("SELECT count(*) FROM {t} WHERE {cond}").format(t=_table(change.live_table), cond=cond)
        self._run(change, "null", stmt, detail=", ".join(columns))

    def duplicates(self, change, columns: tuple[str, ...], nulls_distinct: bool = True) -> None:
        cols = sql.SQL(", ").join(sql.Identifier(c) for c in columns)
        where = sql.SQL("")
        if nulls_distinct:
            where = sql.SQL(" WHERE ") + sql.SQL(" AND ").join(
                sql.SQL("{} IS NOT NULL").format(sql.Identifier(c)) for c in columns)
        stmt = sql.SQL("SELECT COALESCE(sum(n), 0) FROM (SELECT count(*) AS n FROM {t}{w} GROUP BY {cols} "
                       "HAVING count(*) > 1) d").format(t=_table(change.live_table), w=where, cols=cols)
        self._run(change, "duplicate", stmt, detail=", ".join(columns))

    def orphans(self, change, fk, ref_table: Table) -> None:
        child = sql.Identifier("c")
        parent = sql.Identifier("p")
        not_null = sql.SQL(" AND ").join(sql.SQL("{}.{} IS NOT NULL").format(child, sql.Identifier(c))
                                         for c in fk.columns)
        join = sql.SQL(" AND ").join(sql.SQL("{}.{} = {}.{}").format(parent, sql.Identifier(rc), child,
                                                                    sql.Identifier(c))
                                     for c, rc in zip(fk.columns, fk.ref_columns, strict=False))
        stmt = sql.SQL("SELECT count(*) FROM {t} c WHERE {nn} AND NOT EXISTS (SELECT 1 FROM {r} p WHERE {j})").format(
            t=_table(change.live_table), nn=not_null, r=_table(ref_table), j=join)
        self._run(change, "orphan", stmt, detail=f"{', '.join(fk.columns)} → {fk.ref_table}")

    def row_count(self, change) -> None:
        stmt = sql.SQL("SELECT count(*) FROM {t}").format(t=_table(change.live_table))
        self._run(change, "rows", stmt)


def _has_columns(t: Table | None, cols) -> bool:
    return t is not None and all(t.column(c) is not None for c in cols)


def probe(conn, changes, live: LiveCatalog) -> list[ProbeResult]:
    """One count per change that a fix could only apply to clean data; results in change order."""
    p = Prober(conn, live)
    live_tables = {(t.namespace, t.name): t for t in live.module.tables}
    for c in changes:
        lt = c.live_table
        if lt is None:
            continue
        if isinstance(c, (ch.AddCheck, ch.ModifyCheck)):
            meaning = HOOKS.check_meaning(c.desired)
            if not _has_columns(lt, meaning.columns):
                continue
            if meaning.value_set is not None:
                col, allowed = meaning.value_set
                dcol = c.desired_table.column(col) if c.desired_table else None
                legacy = dict(dcol.legacy_values) if dcol is not None else {}
                p.values_outside(c, col, allowed, legacy)
            else:
                p.check_false(c, HOOKS.sql_text(c.desired.expression))
        elif isinstance(c, ch.ValidateConstraint) and c.of == "check":
            p.check_false(c, HOOKS.sql_text(c.live.expression))
        elif isinstance(c, ch.ValidateConstraint):
            ref = live_tables.get((c.live.ref_namespace or c.namespace, c.live.ref_table))
            if _has_columns(ref, c.live.ref_columns):
                p.orphans(c, c.live, ref)
        elif isinstance(c, ch.ModifyColumn):
            delta = enums.values_delta(c.desired, c.live) if "type" in c.kinds else None
            if delta is not None and (delta[1] or c.live.enum_type is None):  # rows may hold other labels
                count = p.elements_outside if c.live.type.endswith("[]") else p.values_outside
                count(c, c.live.name, frozenset(c.desired.enum), dict(c.desired.legacy_values))
            if "null" in c.kinds and c.live.nullable:
                p.nulls(c, (c.live.name,))
        elif isinstance(c, (ch.AddPrimaryKey, ch.ModifyPrimaryKey)) and _has_columns(lt, c.desired.columns):
            p.nulls(c, tuple(c.desired.columns))
            p.duplicates(c, tuple(c.desired.columns))
        elif isinstance(c, (ch.AddUniqueKey, ch.ModifyUniqueKey)) and _has_columns(lt, c.desired.columns):
            p.duplicates(c, tuple(c.desired.columns), not c.desired.nulls_not_distinct)
        elif isinstance(c, (ch.AddForeignKey, ch.ModifyForeignKey)) and _has_columns(lt, c.desired.columns):
            fk = c.desired
            ref = live_tables.get((fk.ref_namespace or c.namespace, fk.ref_table))
            if _has_columns(ref, fk.ref_columns):
                p.orphans(c, fk, ref)
        elif isinstance(c, ch.AddColumn) and not c.desired.nullable and c.desired.default is None \
                and c.desired.identity is None and c.desired.generated is None:
            p.row_count(c)
    return p.results
