"""MySQL/MariaDB SQL for running a fix migration step by step on a busy table: the batches of a data step
(built on sqlglot's tree of the planned ``UPDATE``: the next keys are locked with ``SELECT … FOR UPDATE``,
then updated by key), and the sessions that may hold the table's metadata lock (open transactions from
``information_schema.innodb_trx`` and ``processlist``)."""

from __future__ import annotations

import sqlglot
from sqlglot import exp

from ...errors import JobschemaError


def _update(update: str) -> exp.Update:
    tree = sqlglot.parse_one(update, read="mysql")
    if not isinstance(tree, exp.Update):
        raise JobschemaError(f"a batched step must be one UPDATE: {' '.join(update.split())[:120]}")
    return tree


def _condition(tree: exp.Update) -> exp.Expression:
    where = tree.args.get("where")
    return where.this.copy() if where is not None else exp.true()


def pick_sql(update: str, key: str, after: str | None, size: int) -> str:
    """The next ``size`` keys of rows the step changes, above ``after``, in key order, locked."""
    tree = _update(update)
    k = exp.column(key, quoted=True)
    cond = _condition(tree)
    if after is not None:
        cond = exp.and_(cond, exp.GT(this=k.copy(), expression=exp.Literal.string(after)))
    return exp.select(k.copy()).from_(tree.this.copy()).where(cond).order_by(k.copy()).limit(size) \
        .lock(update=True).sql("mysql")


def update_sql(update: str, key: str, keys: list) -> str:
    tree = _update(update)
    k = exp.column(key, quoted=True)
    return tree.where(k.isin(*[exp.Literal.string(str(v)) for v in keys]), append=True).sql("mysql")


def count_sql(update: str) -> str:
    tree = _update(update)
    return exp.select(exp.func("count", exp.Star())).from_(tree.this.copy()).where(_condition(tree)).sql("mysql")


HOLDERS = """
SELECT p.id, p.user, t.trx_started, p.command, p.time, p.state
FROM information_schema.processlist p
LEFT JOIN information_schema.innodb_trx t ON t.trx_mysql_thread_id = p.id
WHERE p.id <> CONNECTION_ID() AND p.db = DATABASE() AND (t.trx_id IS NOT NULL OR p.command <> 'Sleep')
ORDER BY t.trx_started IS NULL, t.trx_started, p.id"""


def blockers(conn) -> list[str]:
    """Sessions on this database with an open transaction or a running statement: the ones a metadata
    lock can wait for (MySQL does not say which of them holds it without extra plugins)."""
    with conn.cursor() as cur:
        cur.execute(HOLDERS)
        rows = cur.fetchall()
    out = []
    for pid, user, started, command, secs, state in rows:
        since = f"transaction open since {started:%Y-%m-%d %H:%M:%S}" if started else "no open transaction"
        out.append(f"thread {pid} (user {user!r}, {since}, {command} for {secs}s{', ' + state if state else ''})")
    return out
