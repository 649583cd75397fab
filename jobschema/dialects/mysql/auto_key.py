"""AUTO_INCREMENT and the primary key change together.

MariaDB and MySQL refuse, at every statement, an AUTO_INCREMENT column that leads no key ("there can be only one
auto column and it must be defined as a key"). So a column that gains AUTO_INCREMENT with the primary key that
makes it legal is added (or modified) in the statement adding the key, and a key dropped from under an
AUTO_INCREMENT column takes the column, or its AUTO_INCREMENT, with it in the same statement.
"""

from __future__ import annotations

from dataclasses import replace

from ...diff import changes as ch
from ...plan.context import Context
from ..base import quote_mysql

_KEY_ADDS = (ch.AddPrimaryKey, ch.ModifyPrimaryKey)


def _same_table(a: ch.Change, b: ch.Change) -> bool:
    return a.module == b.module and a.namespace == b.namespace and a.table == b.table


def key_added_with(c: ch.Change, ctx: Context) -> ch.Change | None:
    """The primary key this plan adds on ``c``'s table that holds ``c``'s column, if ``c`` gives that column
    AUTO_INCREMENT (an added column, or a live one gaining the attribute)."""
    col = c.desired
    if col is None or col.identity is None:
        return None
    if isinstance(c, ch.ModifyColumn) and ("identity" not in c.kinds or c.live.identity is not None):
        return None
    return next((k for k in ctx.changes if isinstance(k, _KEY_ADDS) and _same_table(k, c)
                 and col.name in k.desired.columns), None)


def joining_key(k: ch.Change, ctx: Context) -> list[ch.Change]:
    """The column changes the adding of primary key ``k`` carries in its own statement."""
    return [c for c in ctx.changes if isinstance(c, (ch.AddColumn, ch.ModifyColumn)) and _same_table(c, k)
            and key_added_with(c, ctx) is k]


def _auto_columns_losing_key(k: ch.Change) -> list:
    """Live AUTO_INCREMENT columns of the live primary key that the schema's key (if any) leaves out."""
    live_t = k.live_table
    if live_t is None or live_t.primary_key is None:
        return []
    keep = set(k.desired.columns) if isinstance(k, ch.ModifyPrimaryKey) and k.desired is not None else set()
    return [col for col in live_t.columns
            if col.identity is not None and col.name in live_t.primary_key.columns and col.name not in keep]


def dropped_with_key(c: ch.DropColumn, ctx: Context) -> bool:
    """Whether the dropping of a primary key this plan writes drops column ``c`` in the same statement."""
    return any(isinstance(k, (ch.DropPrimaryKey, ch.ModifyPrimaryKey)) and _same_table(k, c)
               and c.live.name in {col.name for col in _auto_columns_losing_key(k)} for k in ctx.changes)


def release_clauses(k: ch.Change, ctx: Context, r) -> list[str]:
    """Clauses written before ``DROP PRIMARY KEY`` in its statement: each AUTO_INCREMENT column the key
    leaves is dropped there, when the schema drops it, or else loses AUTO_INCREMENT there (the change of that
    column sets the rest of its definition later)."""
    clauses = []
    dropped = {c.live.name for c in ctx.changes if isinstance(c, ch.DropColumn) and _same_table(c, k)}
    for col in _auto_columns_losing_key(k):
        if col.name in dropped:
            clauses.append(f"DROP COLUMN {quote_mysql(col.name)}")
        else:
            clauses.append(f"MODIFY COLUMN {r.column_sql(k.live_table, replace(col, identity=None))}")
    return clauses
