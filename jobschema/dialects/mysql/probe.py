"""Count the live rows that violate desired rules the MySQL/MariaDB database lacks: ENUM values, CHECKs,
NOT NULL, UNIQUE, primary and foreign keys.

Runs inside the audit's read-only transaction (``session.read_only``: ``START TRANSACTION READ ONLY``
with ``max_statement_time`` / ``max_execution_time`` and ``lock_wait_timeout`` set), one ``SELECT`` per
change that could meet violating data. A count that is refused (no SELECT privilege) or times out becomes
a ``ProbeResult`` with ``error`` set; the structure is still reported.

An ENUM that lacks a value the schema allows rejects no existing row (its rows are within the smaller
list already); an ENUM with extra values is counted per extra value, with the legacy mapping if any.
"""

from __future__ import annotations

from ...diff import changes as ch
from ...model.live import LiveCatalog, ProbeResult
from ...model.objects import Table
from ..base import literal_mysql, quote_mysql
from .normalize import HOOKS, MysqlHooks, enum_delta

VALUE_LIMIT = 50  # distinct violating values listed per rule

_NO_PRIVILEGE = {1142, 1143, 1044}
_TIMED_OUT = {1969, 3024, 1317}
_LOCKED = {1205}  # lock_wait_timeout / innodb_lock_wait_timeout ran out


def _q(name: str) -> str:
    return quote_mysql(name)


def _in_list(values) -> str:
    return ", ".join(literal_mysql(v) for v in values)


def _text(v) -> str:
    return v.decode("utf-8", "replace") if isinstance(v, (bytes, bytearray)) else str(v)


class Prober:
    def __init__(self, conn, hooks: MysqlHooks):
        self.conn = conn
        self.hooks = hooks
        self.results: list[ProbeResult] = []

    def _run(self, change, what: str, sql: str, *, values: bool = False, detail: str | None = None,
             legacy: dict | None = None) -> None:
        import pymysql

        try:
            with self.conn.cursor() as cur:
                cur.execute(sql)
                rows = cur.fetchall()
        except pymysql.MySQLError as exc:
            code = exc.args[0] if exc.args else None
            msg = " ".join(str(exc.args[1] if len(exc.args) > 1 else exc).split())
            if code in _NO_PRIVILEGE:
                err = f"permission denied for table {change.table} ({msg})"
            elif code in _LOCKED:
                err = f"another session holds a lock on {change.table} and the audit's lock timeout ran out"
            elif code in _TIMED_OUT:
                err = "the count took longer than the statement timeout"
            else:
                err = f"{code}: {msg}"
            self.results.append(ProbeResult(change, what, None, error=err, detail=detail))
            return
        if values:
            legacy = legacy or {}
            vals = tuple((_text(v), int(n), legacy.get(_text(v))) for v, n in rows)
            self.results.append(ProbeResult(change, what, sum(n for _, n, _ in vals), vals, detail=detail))
        else:
            self.results.append(ProbeResult(change, what, int(rows[0][0] or 0) if rows else 0, detail=detail))

    # -- counts -------------------------------------------------------------------------------------
    def values_in(self, change, column: str, where: str, legacy: dict) -> None:
        sql = (f"SELECT {_q(column)}, COUNT(*) FROM {_q(change.table)} WHERE {where} "
               f"GROUP BY {_q(column)} ORDER BY 2 DESC, 1 LIMIT {VALUE_LIMIT}")
        self._run(change, "value", sql, values=True, legacy=legacy, detail=column)

    def values_outside(self, change, column: str, allowed, legacy: dict) -> None:
        where = f"{_q(column)} IS NOT NULL AND {_q(column)} NOT IN ({_in_list(sorted(allowed))})"
        self.values_in(change, column, where, legacy)

    def check_false(self, change, expression: str) -> None:
        # NOT (x) is NULL, not true, when x is NULL: exactly the rows a CHECK rejects
        self._run(change, "check", f"SELECT COUNT(*) FROM {_q(change.table)} WHERE NOT ({expression})",
                  detail=expression)

    def nulls(self, change, columns) -> None:
        cond = " OR ".join(f"{_q(c)} IS NULL" for c in columns)
        self._run(change, "null", f"SELECT COUNT(*) FROM {_q(change.table)} WHERE {cond}", detail=", ".join(columns))

    def duplicates(self, change, columns) -> None:
        cols = ", ".join(_q(c) for c in columns)
        not_null = " AND ".join(f"{_q(c)} IS NOT NULL" for c in columns)
        sql = (f"SELECT COALESCE(SUM(n), 0) FROM (SELECT COUNT(*) AS n FROM {_q(change.table)} WHERE {not_null} "
               f"GROUP BY {cols} HAVING COUNT(*) > 1) d")
        self._run(change, "duplicate", sql, detail=", ".join(columns))

    def orphans(self, change, fk) -> None:
        not_null = " AND ".join(f"c.{_q(x)} IS NOT NULL" for x in fk.columns)
        join = " AND ".join(f"p.{_q(rc)} = c.{_q(x)}" for x, rc in zip(fk.columns, fk.ref_columns, strict=False))
        sql = (f"SELECT COUNT(*) FROM {_q(change.table)} c WHERE {not_null} AND NOT EXISTS "
               f"(SELECT 1 FROM {_q(fk.ref_table)} p WHERE {join})")
        self._run(change, "orphan", sql, detail=f"{', '.join(fk.columns)} → {fk.ref_table}")

    def row_count(self, change) -> None:
        self._run(change, "rows", f"SELECT COUNT(*) FROM {_q(change.table)}")


def _has_columns(t: Table | None, cols) -> bool:
    return t is not None and all(t.column(c) is not None for c in cols)


def probe(conn, changes, live: LiveCatalog, hooks: MysqlHooks | None = None) -> list[ProbeResult]:
    """One count per change that a fix could only apply to clean data; results in change order."""
    h = hooks or HOOKS
    p = Prober(conn, h)
    live_tables = {t.name: t for t in live.module.tables}
    for c in changes:
        lt = c.live_table
        if lt is None:
            continue
        if isinstance(c, ch.ModifyColumn):
            d, lc = c.desired, c.live
            legacy = dict(d.legacy_values)
            if "type" in c.kinds and d.enum is not None:
                if lc.enum is not None:
                    extra = enum_delta(d.enum, lc.enum).extra
                    if extra:
                        p.values_in(c, lc.name, f"{_q(lc.name)} IN ({_in_list(extra)})", legacy)
                else:
                    p.values_outside(c, lc.name, d.enum, legacy)
            if "null" in c.kinds and lc.nullable:
                p.nulls(c, (lc.name,))
        elif isinstance(c, (ch.AddCheck, ch.ModifyCheck)) and c.desired is not None:
            meaning = h.check_meaning(c.desired)
            if not _has_columns(lt, meaning.columns):
                continue
            if meaning.value_set is not None:
                col, allowed = meaning.value_set
                dcol = c.desired_table.column(col) if c.desired_table else None
                p.values_outside(c, col, allowed, dict(dcol.legacy_values) if dcol is not None else {})
            else:
                p.check_false(c, h.sql_text(c.desired.expression))
        elif isinstance(c, (ch.AddPrimaryKey, ch.ModifyPrimaryKey)) and _has_columns(lt, c.desired.columns):
            p.nulls(c, tuple(c.desired.columns))
            p.duplicates(c, tuple(c.desired.columns))
        elif isinstance(c, (ch.AddUniqueKey, ch.ModifyUniqueKey)) and _has_columns(lt, c.desired.columns):
            p.duplicates(c, tuple(c.desired.columns))  # NULLs are always distinct in MySQL unique keys
        elif isinstance(c, (ch.AddForeignKey, ch.ModifyForeignKey)) and _has_columns(lt, c.desired.columns):
            fk = c.desired
            if _has_columns(live_tables.get(fk.ref_table), fk.ref_columns):
                p.orphans(c, fk)
        elif isinstance(c, ch.AddColumn) and not c.desired.nullable and c.desired.default is None \
                and c.desired.identity is None and c.desired.generated is None:
            p.row_count(c)
    return p.results
