"""PostgreSQL SQL for running a fix migration step by step on a busy table: the batched form of a data step
(built on sqlglot's tree of the planned ``UPDATE``), who holds the locks a step waits for
(``pg_locks`` joined to ``pg_stat_activity``), and the INVALID index a stopped ``CREATE INDEX CONCURRENTLY``
leaves behind."""

from __future__ import annotations

import sqlglot
from sqlglot import exp

from ...errors import JobschemaError
from ..ddl_tokens import lex


def _update(update: str) -> exp.Update:
    tree = sqlglot.parse_one(update, read="postgres")
    if not isinstance(tree, exp.Update):
        raise JobschemaError(f"a batched step must be one UPDATE: {' '.join(update.split())[:120]}")
    return tree


def batch_sql(update: str, key: str, after: str | None, size: int) -> str:
    """``UPDATE … WHERE <its condition> AND key IN (SELECT key … AND key > after ORDER BY key LIMIT size
    FOR UPDATE) RETURNING key``: the next ``size`` matching rows in key order, locked before they change;
    the query answers (rows changed, highest key) in one row, or no row."""
    tree = _update(update)
    k = exp.column(key, quoted=True)
    where = tree.args.get("where")
    cond = where.this.copy() if where is not None else exp.true()
    if after is not None:
        cond = exp.and_(cond, exp.GT(this=k.copy(), expression=exp.Literal.string(after)))
    pick = exp.select(k.copy()).from_(tree.this.copy()).where(cond).order_by(k.copy()).limit(size).lock(update=True)
    tree = tree.where(k.copy().isin(pick.subquery()), append=True)
    tree.set("returning", exp.Returning(expressions=[k.copy()]))
    # the count and the highest key, ordered by the server (a text key sorts by its collation)
    return (f"WITH changed AS ({tree.sql('postgres')}) SELECT count(*) OVER (), {k.sql('postgres')}::text "
            f"FROM changed ORDER BY {k.sql('postgres')} DESC LIMIT 1")


def count_sql(update: str) -> str:
    """The rows a data step will change (for the progress bar's total)."""
    tree = _update(update)
    where = tree.args.get("where")
    q = exp.select(exp.func("count", exp.Star())).from_(tree.this.copy())
    return (q.where(where.this.copy()) if where is not None else q).sql("postgres")


BLOCKERS = """
SELECT a.pid, coalesce(a.application_name, ''), a.query_start, l.mode, a.state, c.relname
FROM pg_locks l
JOIN pg_stat_activity a ON a.pid = l.pid
LEFT JOIN pg_class c ON c.oid = l.relation
WHERE l.granted AND l.pid <> pg_backend_pid()
  AND l.locktype = 'relation' AND l.relation = ANY(%s::regclass[])
ORDER BY a.query_start NULLS LAST, a.pid, l.mode"""


def blockers(conn, tables: list[str]) -> list[str]:
    """One line per session holding a lock on ``tables``: pid, application, when its query started, mode."""
    oids = [r[0] for t in tables if (r := conn.execute("SELECT to_regclass(%s)::text", (t,)).fetchone())[0]]
    if not oids:
        return []
    out = []
    for pid, app, started, mode, state, rel in conn.execute(BLOCKERS, (oids,)).fetchall():
        when = started.strftime("%Y-%m-%d %H:%M:%S%z") if started else "?"
        out.append(f"pid {pid} (application_name {app!r}, {state or 'state unknown'}, query started {when}) "
                   f"holds {mode} on {rel}")
    return out


def _index(statement: str) -> tuple[str, str] | None:
    """(index name, table as written) of a ``CREATE [UNIQUE] INDEX CONCURRENTLY`` statement."""
    items = lex(statement, "postgres")
    ups = [i.up for i in items]
    if "CONCURRENTLY" not in ups[:4] or ups[:1] != ["CREATE"]:
        return None
    i = ups.index("CONCURRENTLY") + 1
    if ups[i:i + 3] == ["IF", "NOT", "EXISTS"]:
        i += 3
    if i >= len(items) or "ON" not in ups[i:]:
        return None
    name = items[i].text if items[i].kind == "qid" else items[i].text.lower()
    on = ups.index("ON", i) + 1
    if on < len(ups) and ups[on] == "ONLY":
        on += 1
    stop = next((j for j in range(on, len(items)) if items[j].text == "(" or ups[j] == "USING"), None)
    if on >= len(items) or stop is None:
        return None
    return name, statement[items[on].start:items[stop].start].strip()


_STATE = """
SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
WHERE c.relname = %s AND i.indrelid = to_regclass(%s)"""


def drop_invalid_index(conn, statement: str) -> bool | None:
    """Drop the index ``statement`` builds if a stopped build left it INVALID; its state before (None: none)."""
    idx = _index(statement)
    if idx is None:
        return None
    row = conn.execute(_STATE, idx).fetchone()
    if row is not None and not row[0]:
        schema = conn.execute("SELECT relnamespace::regnamespace::text FROM pg_class WHERE oid = to_regclass(%s)",
                              (idx[1],)).fetchone()[0]
        conn.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {schema}.{_quote(idx[0])}".encode())
    return None if row is None else bool(row[0])


def recover_index(conn, statement: str) -> str:
    """After a run died inside ``statement``: "done" (the index was built and is valid), "rerun" (absent,
    or INVALID and now dropped), "unknown" (not an index build: a person decides)."""
    if _index(statement) is None:
        return "unknown"
    return "done" if drop_invalid_index(conn, statement) else "rerun"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
