"""Fix-migration steps for what the schema format cannot describe but ``inspect`` recorded
(``Module.unmanaged``): the catalog's definition in the record is written so that it can be applied.

A recorded fact the database lacks is created from the record, one it has otherwise is changed to it, and
a live fact the record does not hold is reset to PostgreSQL's default (or dropped, only with
``--allow-destructive``). Kinds without a safe statement are listed for a person.
"""

from __future__ import annotations

import re

from ...diff import changes as ch
from ...plan.context import ALLOW_DESTRUCTIVE, Context
from ...plan.steps import Step
from ..base import quote_pg
from . import composite_plan, domain_plan, enum_plan, rebuild_plan, unmanaged_sql
from .render import qname

_SERIAL_MAX = {"smallint": 32767, "integer": 2147483647}


def _name(c: ch.Change) -> str:
    return qname(c.namespace, c.name or c.live_name)


def _table(c: ch.Change) -> str:
    return qname(c.namespace, c.table or "")


def _unquote(ident: str) -> str:
    """``"Odd""name"`` → ``Odd"name`` (a detail written by ``quote_ident``)."""
    return ident[1:-1].replace('""', '"') if ident.startswith('"') and ident.endswith('"') else ident


def _keys(options: str | None) -> str:
    """``fillfactor=70, autovacuum_enabled=false`` → ``fillfactor, autovacuum_enabled``."""
    return ", ".join(o.split("=", 1)[0].strip() for o in (options or "").split(",") if o.strip())


def _options(kind: str, c: ch.Change) -> tuple[str, str] | None:
    """(phase, ALTER prefix) of the kinds set with ``SET (...)`` / ``RESET (...)``."""
    if kind == "storage parameters":
        return "alter_columns", f"ALTER TABLE {_name(c)}"
    if kind == "index storage parameters":
        return "comments", f"ALTER INDEX {_name(c)}"
    if kind == "view options":
        return "comments", f"ALTER VIEW {_name(c)}"
    return None


def _set(kind: str, c: ch.Change, detail: str, live: str | None) -> list[Step] | None:
    """The statements giving the live database the recorded ``detail`` (``live`` its own, if any)."""
    opts = _options(kind, c)
    col = f"ALTER TABLE {_table(c)} ALTER COLUMN {quote_pg(c.name)}"
    if opts is not None:
        phase, alter = opts
        gone = set(_keys(live).split(", ")) - set(_keys(detail).split(", ")) - {""}
        steps = [Step.of(phase, f"{alter} RESET ({', '.join(sorted(gone))});", c)] if gone else []
        return steps + [Step.of(phase, f"{alter} SET ({detail});", c)]
    sql = {
        "sequence options": ("alter_columns", f"ALTER SEQUENCE {_name(c)} {detail};"),
        "sequence owner": ("comments", f"ALTER SEQUENCE {_name(c)} OWNED BY {detail};"),
        "identity sequence": ("comments", f"ALTER SEQUENCE {qname(c.namespace, _unquote(live or ''))} "
                                          f"RENAME TO {detail};"),
        "replica identity": ("comments", f"ALTER TABLE {_name(c)} REPLICA IDENTITY {detail};"),
        "cluster index": ("comments", f"ALTER TABLE {_table(c)} CLUSTER ON {quote_pg(c.name)};"),
        "column storage": ("alter_columns", f"{col} SET STORAGE {detail};"),
        "column compression": ("alter_columns", f"{col} SET COMPRESSION {detail};"),
        "column statistics": ("alter_columns", f"{col} SET STATISTICS {detail};"),
        "trigger state": ("comments", f"ALTER TABLE {_table(c)} {detail} TRIGGER {quote_pg(c.name)};"),
        "unlogged table": ("alter_columns", f"ALTER TABLE {_name(c)} SET UNLOGGED;"),
    }.get(kind)
    if sql is None and kind == "comment":
        sql = ("comments", unmanaged_sql.comment_sql(c.namespace, c.name or c.live_name, c.table, detail))
    if sql is None and kind == "sequence":
        sql = ("alter_columns", f"ALTER SEQUENCE {_name(c)} {detail};") if live is not None else (
            "create_types", f"CREATE SEQUENCE {_name(c)} {detail};")
    return [Step.of(*sql, c)] if sql else None


# the phase a fix creates each kind of recorded fact in (the statements are ``unmanaged_sql``'s, which
# ``generate`` writes too); a kind not listed is left for a person
_CREATE_PHASE = {
    **{k: "create_types" for k in unmanaged_sql.BEFORE_TABLES},
    "rule": "triggers", "extended statistics": "comments", "exclusion constraint": "add_constraints",
    "index storage parameters": "comments", "view options": "comments", "replica identity": "comments",
    "cluster index": "comments", "trigger state": "comments", "storage parameters": "alter_columns",
    "column storage": "alter_columns", "column compression": "alter_columns", "column statistics": "alter_columns",
    "sequence options": "alter_columns", "unlogged table": "alter_columns", "sequence owner": "comments",
    "identity sequence": "comments", "key include": "indexes", "partition": "add_columns",
    "partition constraint": "add_constraints",
    "partition index": "indexes", "partition column": "alter_columns", "partition row security": "rls",
    "comment": "comments",
}


def _partition_property(c: ch.Change, detail: str | None, live: str | None) -> list[Step]:
    table = _name(c) if c.of == "partition row security" else _table(c)
    sql = unmanaged_sql.partition_property_sql(c.of, table, c.name or c.live_name, detail, live)
    return [Step.of(_CREATE_PHASE[c.of], s, c, destructive=False) for s in sql]


def _create(kind: str, c: ch.Change, detail: str) -> list[Step] | None:
    """The statements creating a recorded object the database lacks."""
    phase = _CREATE_PHASE.get(kind)
    if kind == "partition constraint" and detail.startswith("FOREIGN KEY"):
        phase = "foreign_keys"  # after the keys and unique indexes it references
    sql = unmanaged_sql.create_sql(kind, c.namespace, c.name or c.live_name, c.table, detail) if phase else None
    return [Step.of(phase, s, c) for s in sql] if sql else None


_OUTSIDE = ("a namespace outside the module's: read it as the module's (inspect --namespace) to have it fixed, "
            "or change it by hand")


def add_unmanaged(c: ch.AddUnmanaged, ctx: Context) -> list[Step]:
    if c.of == "namespace":
        return ctx.omit(c, _OUTSIDE)
    if c.of in unmanaged_sql.IN_TABLE and (c.namespace, c.name) in ctx.created_tables:
        return []  # written into the CREATE TABLE of the fix (render.py reads the record)
    if c.of == "sequence" and c.detail is not None and _serial_own(c, ctx):
        # the live serial column's own sequence (inspect leaves it out as part of the column): it is there
        # already, so it takes the recorded options instead of being created again
        return [Step.of("alter_columns", f"ALTER SEQUENCE {_name(c)} {c.detail};", c)]
    steps = _create(c.of, c, c.detail) if c.detail is not None else None
    if steps is None:
        return ctx.omit(c, f"{c.of} is not planned automatically; create it by hand")
    return steps


_NEXTVAL = re.compile(r"^nextval\('((?:[^']|'')+)'(?:::regclass)?\)$", re.IGNORECASE)


def _serial_own(c: ch.AddUnmanaged, ctx: Context) -> bool:
    """Does a live column of the tables the plan touches read the recorded sequence with its default?"""
    for (namespace, _), table in ctx.live_tables.items():
        for col in table.columns if namespace == c.namespace else ():
            d = col.default
            m = _NEXTVAL.match(d.expression.text.strip()) if d is not None and d.expression is not None else None
            if m and _unquote(m.group(1).replace("''", "'").rsplit(".", 1)[-1]) == c.name:
                return True
    return False


def modify_unmanaged(c: ch.ModifyUnmanaged, ctx: Context) -> list[Step]:
    if c.of == "namespace":
        return ctx.omit(c, _OUTSIDE)
    if c.detail is None:
        return ctx.omit(c, f"{c.of} is not planned automatically; change it by hand")
    if c.of == "rule":
        return [Step.of("triggers", re.sub(r"^\s*CREATE\s+RULE", "CREATE OR REPLACE RULE", c.detail.rstrip(), count=1,
                                           flags=re.I).rstrip(";") + ";", c)]
    if c.of == "domain":
        return domain_plan.modify(c, ctx)
    if c.of == "enum type":
        return enum_plan.modify_unused(c, ctx)
    if c.of == "composite type":
        return composite_plan.modify(c, ctx)
    if c.of == "partition":
        return _reattach(c, ctx)
    if c.of in ("partition column", "partition row security"):
        return _partition_property(c, c.detail, c.live_detail)
    if c.of == "key include":
        return _create(c.of, c, c.detail) or []
    if c.of in ("exclusion constraint", "extended statistics", "partition constraint", "partition index"):
        drop = _drop(c.of, c)
        return [Step.of("drop_constraints", drop, c)] + (_create(c.of, c, c.detail) or [])
    steps = _set(c.of, c, c.detail, c.live_detail)
    if steps is None:
        return ctx.omit(c, f"{c.of} is not planned automatically; change it by hand")
    return steps


_PARTITION_OF = re.compile(rf"PARTITION OF ({unmanaged_sql.QUALIFIED.pattern}) (.+)$", re.S)


def _reattach(c: ch.ModifyUnmanaged, ctx: Context) -> list[Step]:
    """A partition of another bound (or parent): detached, then attached with the record's bound; the attach
    scans the rows, and fails on one outside the new bound rather than move it."""
    want, have = _PARTITION_OF.match(c.detail or ""), _PARTITION_OF.match(c.live_detail or "")
    if want is None or have is None or " PARTITION BY " in f"{c.detail} {c.live_detail}":
        return ctx.omit(c, "partition is not planned automatically; change it by hand")
    name = _name(c)
    # detached and attached again before the partitions a fix creates: a new one may take the old bound's room
    return [Step.of("drop_constraints", f"ALTER TABLE {have.group(1)} DETACH PARTITION {name};", c),
            Step.of("create_tables", f"ALTER TABLE {want.group(1)} ATTACH PARTITION {name} {want.group(2)};", c)]


def _drop(kind: str, c: ch.Change) -> str | None:
    return {
        "partition": f"DROP TABLE {qname(c.namespace, c.live_name)};",
        "partition constraint": f"ALTER TABLE {_table(c)} DROP CONSTRAINT {quote_pg(c.live_name)};",
        "partition index": f"DROP INDEX {qname(c.namespace, c.live_name)};",
        "rule": f"DROP RULE {quote_pg(c.live_name)} ON {_table(c)};",
        "exclusion constraint": f"ALTER TABLE {_table(c)} DROP CONSTRAINT {quote_pg(c.live_name)};",
        "extended statistics": f"DROP STATISTICS {qname(c.namespace, c.live_name)};",
        "sequence": f"DROP SEQUENCE {qname(c.namespace, c.live_name)};",
        "domain": f"DROP DOMAIN {qname(c.namespace, c.live_name)};",
        "composite type": f"DROP TYPE {qname(c.namespace, c.live_name)};",
        "range type": f"DROP TYPE {qname(c.namespace, c.live_name)};",
    }.get(kind)


def _reset(c: ch.UnmanagedObject) -> list[Step] | None:
    """A live property the record does not hold, back to PostgreSQL's default."""
    kind, col = c.of, f"ALTER TABLE {_table(c)} ALTER COLUMN {quote_pg(c.live_name)}"
    opts = _options(kind, c)
    if opts is not None:
        return [Step.of(opts[0], f"{opts[1]} RESET ({_keys(c.detail)});", c)]
    if kind == "key include":  # the key stays, rebuilt without the INCLUDE columns the record lacks
        return [Step.of("indexes", unmanaged_sql.key_include_sql(_table(c), c.live_name,
                                                                 unmanaged_sql.without_include(c.detail or "")), c)]
    if kind == "sequence options":
        m = re.match(r"AS (\w+)", c.detail or "")
        top = _SERIAL_MAX.get(m.group(1) if m else "", 9223372036854775807)
        return [Step.of("alter_columns", f"ALTER SEQUENCE {qname(c.namespace, c.live_name)} INCREMENT BY 1 "
                        f"MINVALUE 1 MAXVALUE {top} START WITH 1 CACHE 1 NO CYCLE;", c)]
    sql = {
        "replica identity": ("comments", f"ALTER TABLE {_name(c)} REPLICA IDENTITY DEFAULT;"),
        "cluster index": ("comments", f"ALTER TABLE {_table(c)} SET WITHOUT CLUSTER;"),
        "column compression": ("alter_columns", f"{col} SET COMPRESSION DEFAULT;"),
        "column statistics": ("alter_columns", f"{col} SET STATISTICS -1;"),
        "trigger state": ("comments", f"ALTER TABLE {_table(c)} ENABLE TRIGGER {quote_pg(c.live_name)};"),
        "unlogged table": ("alter_columns", f"ALTER TABLE {_name(c)} SET LOGGED;"),
        "comment": ("comments", unmanaged_sql.comment_sql(c.namespace, c.live_name, c.table, "NULL")),
        "sequence owner": ("comments", f"ALTER SEQUENCE {qname(c.namespace, c.live_name)} OWNED BY NONE;"),
        "identity sequence": ("comments", f"ALTER SEQUENCE {qname(c.namespace, _unquote(c.detail or ''))} RENAME TO "
                                          f"{quote_pg(f'{c.table}_{c.live_name}_seq')};"),
    }.get(kind)
    return [Step.of(*sql, c)] if sql else None


def _key_changed(c: ch.Change, ctx: Context) -> bool:
    """Whether this plan drops or replaces the live key a ``key include`` fact belongs to (nothing to reset)."""
    return any(o is not c and o.table == c.table and o.namespace == c.namespace and o.live_name == c.live_name
               and o.object_kind in ("primary key", "unique key") for o in ctx.changes)


def _dropped_with_parent(c: ch.UnmanagedObject, ctx: Context) -> bool:
    """Whether a live partition goes with a table this plan drops: DROP TABLE of a partitioned table takes
    its partitions along, so dropping one after it fails (and before it is a needless second statement)."""
    if c.of != "partition" or not ctx.options.allow_destructive:
        return False
    dropped = {d.table for d in ctx.changes if isinstance(d, ch.DropTable) and d.namespace == c.namespace}
    live = [(o.live_name, o.detail) for o in ctx.changes
            if isinstance(o, ch.UnmanagedObject) and o.of == "partition" and o.namespace == c.namespace]
    return any(c.live_name in {n for n, _ in rebuild_plan.partitions(live, root)} for root in dropped)


def held_by_partition(c: ch.AddTable, ctx: Context) -> bool:
    """Whether the table the schema adds has the name of a live partition the schema does not keep."""
    return any(isinstance(o, ch.UnmanagedObject) and o.of == "partition" and o.namespace == c.namespace
               and o.live_name == c.table for o in ctx.changes)


def unmanaged_object(c: ch.UnmanagedObject, ctx: Context) -> list[Step]:
    if c.of == "namespace":
        return ctx.omit(c, _OUTSIDE)
    if _dropped_with_parent(c, ctx):
        return []
    if c.of in ("partition column", "partition row security"):  # back to what the parent gives
        return _partition_property(c, None, c.detail)
    if c.of == "key include" and _key_changed(c, ctx):
        return []
    steps = _reset(c)
    if steps is not None:
        return steps
    drop = _drop(c.of, c)
    if drop is None:
        return ctx.omit(c, "not described by the schema; listed only")
    if not ctx.options.allow_destructive:
        return ctx.omit(c, f"drops a {c.of} the schema does not describe; {ALLOW_DESTRUCTIVE}")
    # a partition the schema makes a plain table of the same name goes before that table is created
    replaced = c.of == "partition" and (c.namespace, c.live_name) in ctx.created_tables
    return [Step.of("drop_constraints" if replaced else "drops", drop, c, destructive=True)]


HANDLERS = {ch.AddUnmanaged: add_unmanaged, ch.ModifyUnmanaged: modify_unmanaged, ch.UnmanagedObject: unmanaged_object}
