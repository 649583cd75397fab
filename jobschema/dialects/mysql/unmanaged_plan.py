"""Fix-migration steps for the facts the schema format cannot describe but ``inspect`` records
(``unmanaged.py``): the recorded clause is applied, so a database that differs from the record converges.

* partitioning: the recorded ``PARTITION BY`` replaces the live one (the table is rewritten);
* system versioning: ``ADD SYSTEM VERSIONING``, then each column the record leaves out of it (or the live table
  leaves out and the record does not) modified ``WITHOUT``/``WITH SYSTEM VERSIONING`` — which MariaDB allows on
  a versioned table only with ``system_versioning_alter_history = KEEP``, set for the file and reset after it;
* a sequence: created;
* key options: the key rebuilt as the renderer writes it, with the recorded options (or without any, when the
  live key has options nothing records), unless the plan creates the table or rebuilds the key anyway.
"""

from __future__ import annotations

from dataclasses import replace

from ...diff import changes as ch
from ...plan.context import ALLOW_DESTRUCTIVE, Context
from ...plan.steps import Step
from ..base import quote_mysql
from . import unmanaged
from .online import BUILD, COPY, REBUILD, Online, on_engine
from .render import MysqlRenderer

_WITHOUT = " (columns without: "
# the changes whose own steps build (or drop) a key as the renderer writes it, recorded options included
_KEY_CHANGES = (ch.AddIndex, ch.ModifyIndex, ch.DropIndex, ch.AddUniqueKey, ch.ModifyUniqueKey, ch.DropUniqueKey,
                ch.AddPrimaryKey, ch.ModifyPrimaryKey, ch.DropPrimaryKey)
_PRIMARY = (ch.AddPrimaryKey, ch.ModifyPrimaryKey, ch.DropPrimaryKey)


def _table(c: ch.Change) -> str:
    return quote_mysql(getattr(c.desired, "name", None) or c.live_name or "")


def unversioned(detail: str | None) -> set[str]:
    """The columns a recorded ``WITH SYSTEM VERSIONING (columns without: a, b)`` leaves out."""
    text = detail or ""
    if _WITHOUT not in text:
        return set()
    return {x.strip() for x in text.split(_WITHOUT, 1)[1].rstrip(")").split(",") if x.strip()}


def _versioning_columns(c: ch.Change, ctx: Context, live_detail: str | None) -> list[Step]:
    """``MODIFY COLUMN ... WITH[OUT] SYSTEM VERSIONING`` for each column whose versioning the record sets
    otherwise, the column written as the schema declares it."""
    want, have = unversioned(c.desired.detail), unversioned(live_detail)
    if want == have:
        return []
    module = ctx.module(c.module)
    t = module.table(c.desired.name)
    if t is None:
        return ctx.omit(c, f"the {c.desired.kind} recorded as {c.desired.detail!r} names a table the schema lacks")
    r = MysqlRenderer(module, ctx.project)
    clauses = [f"MODIFY COLUMN {r.column_sql(t, col)} {'WITHOUT' if col.name in want else 'WITH'} SYSTEM VERSIONING"
               for col in t.columns if (col.name in want) != (col.name in have)]
    return [
        Step.of("prelude", "SET SESSION system_versioning_alter_history = KEEP;", None,
                comment="MariaDB alters a system-versioned table's columns only with this set"),
        Step.of("alter_columns", f"ALTER TABLE {_table(c)} {', '.join(clauses)};", c, **REBUILD.flags()),
        Step.of("epilogue", "SET SESSION system_versioning_alter_history = DEFAULT;", None,
                comment="leave the session's setting as it was"),
    ]


def _key_rebuilt_anyway(c: ch.Change, ctx: Context, key: str) -> bool:
    if (c.namespace, c.table) in ctx.created_tables:
        return True  # CREATE TABLE writes the recorded options
    for other in ctx.changes:
        if isinstance(other, _KEY_CHANGES) and other.table == c.table:
            names = {"primary"} if isinstance(other, _PRIMARY) else {(other.name or "").lower(),
                                                                     (other.live_name or "").lower()}
            if key.lower() in names:
                return True
    return False


def key_options(c: ch.Change, ctx: Context) -> list[Step]:
    """A key whose options (``USING``, ``KEY_BLOCK_SIZE``) differ from the record: rebuilt in one ALTER TABLE
    (InnoDB refuses to drop an index a foreign key needs unless the same statement adds one back)."""
    key = (c.desired.name if c.desired is not None else c.live_name) or ""
    if _key_rebuilt_anyway(c, ctx, key):
        return []
    module = ctx.module(c.module)
    t = module.table(c.table or "")
    r = MysqlRenderer(module, ctx.project)
    q = quote_mysql(c.table or "")
    if t is not None and key.upper() == "PRIMARY" and t.primary_key is not None:
        how = on_engine(REBUILD, t.mysql_engine)
        return [Step.of("indexes", f"ALTER TABLE {q} DROP PRIMARY KEY, ADD {r.primary_key_sql(t)}{how.alter()};",
                        c, destructive=False, **how.flags())]
    unique = next((u for u in (t.uniques if t is not None else ()) if u.name.lower() == key.lower()), None)
    if unique is not None:
        how = on_engine(Online("INPLACE"), t.mysql_engine)
        return [Step.of("indexes", f"ALTER TABLE {q} DROP INDEX {quote_mysql(key)}, ADD {r.unique_sql(t, unique)}"
                        f"{how.alter()};", c, destructive=False, **how.flags())]
    index = next((ix for ix in (t.indexes if t is not None else ()) if ix.name.lower() == key.lower()), None)
    if index is not None:
        how = COPY if index.method in ("fulltext", "spatial") else on_engine(BUILD, t.mysql_engine)
        return [Step.of("indexes", sql, c, destructive=False, **how.flags())
                for sql in r.replace_index(replace(t, indexes=(index,)), key, how.alter())]
    return ctx.omit(c, f"the key {key} of {c.table} is not in the schema; its options are changed by hand")


def add_unmanaged(c: ch.Change, ctx: Context) -> list[Step]:
    """A recorded fact the database lacks or has otherwise: the recorded clause applied (a partitioning is
    replaced whole, which rewrites the table)."""
    item, t = c.desired, _table(c)
    if item.kind in (unmanaged.KEY_OPTIONS, unmanaged.KEY_PARTS):
        return key_options(c, ctx)
    if item.kind == unmanaged.PARTITIONING and (item.detail or "").upper().startswith("PARTITION BY"):
        return [Step.of("alter_columns", f"ALTER TABLE {t} {item.detail};", c)]
    if item.kind == unmanaged.VERSIONING and isinstance(c, ch.AddUnmanaged):
        steps = [Step.of("alter_columns", f"ALTER TABLE {t} ADD SYSTEM VERSIONING;", c)]
        return steps + _versioning_columns(c, ctx, None)
    if item.kind == unmanaged.VERSIONING and (c.live_detail or "").startswith("WITH SYSTEM VERSIONING"):
        return _versioning_columns(c, ctx, c.live_detail)
    if item.kind == unmanaged.SEQUENCE and isinstance(c, ch.AddUnmanaged):
        return [Step.of("create_tables", f"CREATE SEQUENCE {t};", c)]
    return ctx.omit(c, f"the {item.kind} recorded as {item.detail!r} is applied by hand")


def drop_unmanaged(c: ch.UnmanagedObject, ctx: Context) -> list[Step]:
    """A partitioning, system versioning or sequence the schema neither describes nor recorded: removed with
    --allow-destructive (the rows stay; system versioning loses its history, a sequence its position). Key
    options nothing records: the key is rebuilt without them (nothing is lost)."""
    if c.of in (unmanaged.KEY_OPTIONS, unmanaged.KEY_PARTS):
        return key_options(c, ctx)
    t = quote_mysql(c.live_name or "")
    sql = {unmanaged.PARTITIONING: f"ALTER TABLE {t} REMOVE PARTITIONING;",
           unmanaged.VERSIONING: f"ALTER TABLE {t} DROP SYSTEM VERSIONING;",
           unmanaged.SEQUENCE: f"DROP SEQUENCE {t};"}.get(c.of)
    if sql is None:
        return ctx.omit(c, "not described by the schema; listed only")
    if not ctx.options.allow_destructive:
        return ctx.omit(c, f"removing the {c.of} of {c.live_name}; {ALLOW_DESTRUCTIVE}")
    return [Step.of("drops", sql, c, destructive=True)]


HANDLERS = {ch.AddUnmanaged: add_unmanaged, ch.ModifyUnmanaged: add_unmanaged, ch.UnmanagedObject: drop_unmanaged}
