"""A partitioned table whose partition key differs from the module's record: PostgreSQL cannot change a
partition key in place, so the fix rebuilds the table and keeps its rows.

In one transaction (one step, under an ACCESS EXCLUSIVE lock, destructive: it rewrites every row): the table
is created under a temporary name with the recorded key, with its columns, defaults, identity, CHECKs,
comments and its partitions (temporary names too, so nothing collides with the live ones); the rows are
copied; the live table goes with its partitions, indexes and constraints; the new table and its partitions
take their names; then the keys, indexes, row-level security, policies, triggers and the facts recorded on
the table or its partitions are created as ``generate`` creates them, so every name the server picks (a
partition's index, an identity sequence) is the name a fresh database has. The views reading the table and
the foreign keys referencing it are dropped before and created again after, as around a column type change.

Every other change of the table and its partitions is part of the rebuild: ``wrap`` turns their builders
into nothing (or, when the rebuild is left out, into omissions naming it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace

from ...diff import changes as ch
from ...model.objects import ForeignKey, Module, Table, UnmanagedItem
from ...model.types import parse_type
from ...plan.context import ALLOW_DESTRUCTIVE, Context
from ...plan.steps import Step
from ..base import literal_pg, quote_pg
from . import fk_plan, unmanaged_sql, view_deps
from .online import AE
from .render import PostgresRenderer, deferral_sql, qname, unique_sql

_SUFFIX = "_rebuild"
_MAX_NAME = 63  # PostgreSQL's identifier length: a longer temporary name would be cut
_PARTITION_OF = re.compile(rf"^\s*PARTITION OF ({unmanaged_sql.QUALIFIED.pattern})(\s.*)$", re.S | re.I)
_SERIAL = ("serial", "bigserial", "smallserial", "serial4", "serial8", "serial2")

Handler = Callable[[ch.Change, Context], list[Step]]


def _key_changes(ctx: Context) -> list[ch.ModifyUnmanaged]:
    return [c for c in ctx.changes if isinstance(c, ch.ModifyUnmanaged) and c.of == "partitioning" and _key_differs(c)]


def _parent(detail: str | None) -> str | None:
    """The parent's bare name in a ``PARTITION OF parent FOR VALUES ...`` detail."""
    m = _PARTITION_OF.match(detail or "")
    return _unquote(re.findall(r'"(?:[^"]|"")*"|[^.]+', m.group(1))[-1]) if m else None


def _unquote(ident: str) -> str:
    return ident[1:-1].replace('""', '"') if ident.startswith('"') and ident.endswith('"') else ident


def partitions(items, root: str) -> list[tuple[str, str | None]]:
    """(name, detail) of the partitions under ``root``, parents before children, from records or changes."""
    found: list[tuple[str, str | None]] = []
    names = {root}
    grew = True
    while grew:
        grew = False
        for name, detail in items:
            if name not in names and _parent(detail) in names:
                names.add(name)
                found.append((name, detail))
                grew = True
    return found


def _rebuilt(ctx: Context) -> dict[ch.ModifyUnmanaged, set[str]]:
    """The change of each table whose key differs → the names of it and its partitions, recorded and live."""
    out: dict[ch.ModifyUnmanaged, set[str]] = {}
    changed = [(c.name, c.detail) for c in ctx.changes
               if isinstance(c, (ch.AddUnmanaged, ch.ModifyUnmanaged, ch.UnmanagedObject)) and c.of == "partition"]
    changed += [(c.name, c.live_detail) for c in ctx.changes
                if isinstance(c, ch.ModifyUnmanaged) and c.of == "partition"]
    for c in _key_changes(ctx):
        m = ctx.module(c.module)
        recorded = [(u.name, u.detail) for u in m.unmanaged if u.kind == "partition"]
        names = {c.name} | {n for n, _ in partitions(recorded + changed, c.name)}
        out[c] = names
    return out


def _part_of(c: ch.Change, names: set[str]) -> bool:
    if c.table in names:
        return True
    return isinstance(c, (ch.AddUnmanaged, ch.ModifyUnmanaged, ch.UnmanagedObject)) and c.name in names


def wrap(handlers: Mapping[type, Handler]) -> dict[type, Handler]:
    """``handlers`` with the changes of a rebuilt table (and of its partitions) left to the rebuild."""
    def guarded(handler: Handler) -> Handler:
        def build(c: ch.Change, ctx: Context) -> list[Step]:
            if isinstance(c, ch.ModifyUnmanaged) and c.of == "partitioning":
                return handler(c, ctx)
            for key, names in _rebuilt(ctx).items():
                if key.namespace == c.namespace and _part_of(c, names):
                    if _why_not(key, ctx) is None:
                        return []  # the rebuild creates it as the schema says
                    return ctx.omit(c, f"part of the rebuild of {key.name}, whose partition key differs")
            return handler(c, ctx)
        build.__doc__ = handler.__doc__
        return build
    return {kind: guarded(h) for kind, h in handlers.items()}


def _temp(name: str) -> str:
    return name + _SUFFIX


def _copied_columns(t: Table, ctx: Context) -> list[str]:
    """The columns whose rows are copied: the schema's, less generated ones and those the live table lacks."""
    added = {c.desired.name for c in ctx.changes if isinstance(c, ch.AddColumn) and c.table == t.name
             and c.namespace == t.namespace and c.desired is not None}
    return [col.name for col in t.columns if col.generated is None and col.name not in added]


def _sequences(t: Table) -> list[str]:
    """The columns whose sequence PostgreSQL names after the table (identity and serial columns)."""
    out = []
    for col in t.columns:
        try:
            serial = parse_type(col.type).base in _SERIAL
        except ValueError:
            serial = False
        if col.identity or serial:
            out.append(col.name)
    return out


def _referencing(ctx: Context, ns: str, table: str) -> list[tuple[Module, Table, ForeignKey]]:
    """The schema's foreign keys of other tables that reference the table."""
    return [(m, t, fk) for m in ctx.project.modules for t in m.tables for fk in t.foreign_keys
            if fk.ref_table == table and (fk.ref_namespace or t.namespace) == ns
            and (t.namespace, t.name) != (ns, table)]


def _why_not(c: ch.ModifyUnmanaged, ctx: Context) -> str | None:
    """Why the table of ``c`` is not rebuilt by this plan (None: it is)."""
    m = ctx.module(c.module)
    t = m.table(c.name, c.namespace)
    if t is None or not c.detail:
        return "partitioning is not planned automatically; change it by hand"
    if not ctx.options.allow_destructive:
        return (f"PostgreSQL cannot change a partition key: the table is rebuilt (its rows copied under an ACCESS "
                f"EXCLUSIVE lock); {ALLOW_DESTRUCTIVE}")
    parts = partitions([(u.name, u.detail) for u in m.unmanaged if u.kind == "partition"], t.name)
    longest = [n for n, _ in parts] + [t.name] + [f"{t.name}_{s}_seq" for s in _sequences(t)]
    if any(len(_temp(n).encode()) > _MAX_NAME for n in longest):
        return (f"the partition key differs and the table must be rebuilt, but a temporary name would exceed "
                f"{_MAX_NAME} bytes; rebuild it by hand")
    return None


def rebuild(c: ch.ModifyUnmanaged, ctx: Context) -> list[Step]:
    """The partition key differs: the table is rebuilt with the recorded key, its rows kept."""
    why = _why_not(c, ctx)
    if why is not None:
        return ctx.omit(c, why)
    m = ctx.module(c.module)
    t = m.table(c.name, c.namespace)
    parts = partitions([(u.name, u.detail) for u in m.unmanaged if u.kind == "partition"], t.name)
    sequences = _sequences(t)
    ns, name = t.namespace, t.name
    temp = replace(t, name=_temp(name), primary_key=None, uniques=(), indexes=(), foreign_keys=(),
                   rls=replace(t.rls, enabled=False, forced=False, policies=()))
    item = UnmanagedItem("partitioning", temp.name, namespace=ns, detail=c.detail)
    temp_module = replace(m, unmanaged=(*m.unmanaged, item))
    r = PostgresRenderer(temp_module, ctx.project)
    sql = [chunk.strip() for chunk in r.table(temp) if chunk.strip()]
    parts_named = {n for n, _ in parts} | {name}
    for part, detail in parts:
        pm = _PARTITION_OF.match(detail or "")
        sql.append(f"CREATE TABLE {qname(ns, _temp(part))} PARTITION OF "
                   f"{qname(ns, _temp(_parent(detail)))}{pm.group(2)};")
    cols = ", ".join(quote_pg(x) for x in _copied_columns(t, ctx))
    overriding = " OVERRIDING SYSTEM VALUE" if any(col.identity for col in t.columns) else ""
    sql.append(f"INSERT INTO {qname(ns, temp.name)} ({cols}){overriding} SELECT {cols} FROM {qname(ns, name)};")
    for s in sequences:
        seq = literal_pg(f"{qname(ns, temp.name)}")
        sql.append(f"SELECT setval(pg_get_serial_sequence({seq}, {literal_pg(s)}), GREATEST(max({quote_pg(s)}), 1), "
                   f"max({quote_pg(s)}) IS NOT NULL) FROM {qname(ns, temp.name)};")
    sql.append(f"DROP TABLE {qname(ns, name)};")
    sql.append(f"ALTER TABLE {qname(ns, temp.name)} RENAME TO {quote_pg(name)};")
    sql += [f"ALTER TABLE {qname(ns, _temp(part))} RENAME TO {quote_pg(part)};" for part, _ in parts]
    sql += [f"ALTER SEQUENCE {qname(ns, f'{temp.name}_{s}_seq')} RENAME TO {quote_pg(f'{name}_{s}_seq')};"
            for s in sequences]
    full = PostgresRenderer(m, ctx.project)
    if t.primary_key is not None:
        pk = t.primary_key
        sql.append(f"ALTER TABLE {qname(ns, name)} ADD CONSTRAINT {quote_pg(pk.name or name + '_pkey')} PRIMARY KEY "
                   f"({', '.join(quote_pg(x) for x in pk.columns)}){deferral_sql(pk)};")
    sql += [f"ALTER TABLE {qname(ns, name)} ADD {unique_sql(u)};" for u in t.uniques]
    sql += [chunk.strip() for chunk in full.indexes(t) if chunk.strip()]
    sql += [chunk.strip() for chunk in full.foreign_keys(t) if chunk.strip()]
    sql += [chunk.strip() for chunk in full.rls(t) if chunk.strip()]
    sql += [tr.sql.rstrip().rstrip(";") + ";" for tr in m.triggers if tr.table == name and tr.namespace == ns]
    facts = [u for u in unmanaged_sql.facts(m, unmanaged_sql.AFTER) if u.kind != "partition"
             and (u.table in parts_named or (u.table is None and u.name in parts_named))]
    for u in facts:
        sql += unmanaged_sql.item_sql(m, u) or []
    steps = [Step.of("create_tables", "\n".join(sql), c, destructive=True, lock=AE, rewrites=True, table=f"{ns}.{name}",
                     note=f"PostgreSQL cannot change a partition key: {name} is rebuilt with {c.detail} and its rows "
                     "copied, in one transaction")]
    return _around(c, ctx, t) + steps


def _around(c: ch.Change, ctx: Context, t: Table) -> list[Step]:
    """The views reading the table and the foreign keys referencing it, dropped before the rebuild and
    created again after it."""
    steps: list[Step] = []
    for owner, rt, fk in _referencing(ctx, t.namespace, t.name):
        steps.append(Step.of("drop_constraints", f"ALTER TABLE {qname(rt.namespace, rt.name)} DROP CONSTRAINT IF "
                             f"EXISTS {quote_pg(fk.name)};", c, destructive=False,
                             note=f"references {t.name}, which is rebuilt: added again below"))
        steps += fk_plan.added(owner, rt, fk, c, validate=fk.validated, destructive=False)
    return view_deps.around_table(c, ctx, t.name, "is rebuilt") + steps


def handlers(base: Mapping[type, Handler]) -> dict[type, Handler]:
    """``base`` with the partitioning change rebuilt where the key differs, every builder wrapped."""
    modify = base[ch.ModifyUnmanaged]

    def modify_or_rebuild(c: ch.Change, ctx: Context) -> list[Step]:
        if isinstance(c, ch.ModifyUnmanaged) and c.of == "partitioning" and _key_differs(c):
            return rebuild(c, ctx)
        return modify(c, ctx)
    return wrap({**base, ch.ModifyUnmanaged: modify_or_rebuild})


def _key_differs(c: ch.ModifyUnmanaged) -> bool:
    return bool(c.detail and c.live_detail and c.detail.strip().upper().startswith("PARTITION BY")
                and c.live_detail.strip().upper().startswith("PARTITION BY"))

