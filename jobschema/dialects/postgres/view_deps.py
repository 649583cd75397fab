"""Views around a column type change: PostgreSQL refuses ``ALTER COLUMN ... TYPE`` on a column a view reads
("cannot alter type of a column used by a view or rule"), so the views of the schema that read the table,
directly or through other views, are dropped first (readers before what they read) and created again after
the change, in dependency order, from the schema's definitions.

The statements are the ones ``plan.add_view`` writes for a changed view, so a view that is changed as well is
dropped and created once (the planner writes a statement two changes need only once).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ...diff import changes as ch
from ...plan.context import Context
from ...plan.steps import Step
from ..base import dependent_views, view_order
from .render import PostgresRenderer, qname

_TYPE_CHANGE = re.compile(r'ALTER\s+COLUMN\s+(?:"(?:[^"]|"")*"|\S+)\s+TYPE\s', re.I)


def _words(v) -> set[str]:
    text = " ".join(q for _, q in v.definitions) + " " + " ".join(s for _, s in v.extra_sql)
    return set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text.lower()))


def readers(views, table: str) -> list:
    """The views whose query names ``table``, and the views that read those, in ``view_order``."""
    found: set[str] = set()
    for v in views:
        if table.lower() in _words(v):
            found.add(v.name)
            found.update(d.name for d in dependent_views(views, v.name))
    return [v for v in view_order(views) if v.name in found]


def _created(ctx: Context) -> set[tuple[str, str]]:
    """The views this plan creates: there is nothing to drop."""
    return {(c.namespace, c.desired.name) for c in ctx.changes if isinstance(c, ch.AddView)}


def _dropped(ctx: Context) -> list:
    """The live views the schema does not have (``DropView``)."""
    return [c.live for c in ctx.changes if isinstance(c, ch.DropView)]


def _drop(c: ch.Change, v, views, note: str) -> Step:
    """``DROP [MATERIALIZED] VIEW`` after the views that read it (keys ``drop-view:<name>``)."""
    kind = "MATERIALIZED VIEW" if v.materialized else "VIEW"
    after = tuple(f"drop-view:{d.name}" for d in dependent_views(views, v.name))
    return Step.of("drop_dependents", f"DROP {kind} {qname(v.namespace, v.name)};", c, key=f"drop-view:{v.name}",
                   after=after, note=note)


def drop_view(c: ch.DropView, ctx: Context) -> list[Step]:
    """A view the schema does not have, dropped before the columns and tables it reads change or go."""
    views = [*ctx.module(c.module).views, *_dropped(ctx)]
    return [_drop(c, c.live, views, "not in the schema")]


def around_views(c: ch.Change, ctx: Context, steps: list[Step]) -> list[Step]:
    """``steps`` with the views reading ``c``'s table dropped before and created after, when one of the
    steps changes a column's type."""
    if not any(_TYPE_CHANGE.search(s.sql) for s in steps):
        return steps
    return list(steps) + around_table(c, ctx, c.table, "whose column type changes")


def around_table(c: ch.Change, ctx: Context, table: str, why: str) -> list[Step]:
    """The views reading ``table`` dropped (``drop_dependents``) and created again (``views``), for a change
    PostgreSQL refuses under them. A live view the schema drops is dropped here with --allow-destructive;
    without it, it is created again from its live definition (the audit keeps reporting it)."""
    module = ctx.module(c.module)
    kept = [v for v in module.views if v.definition("postgres") is not None]
    gone = {v.name for v in _dropped(ctx)}
    views = kept + [v for v in _dropped(ctx) if v.name not in {k.name for k in kept}]
    reading = readers(views, table)
    if not reading:
        return []
    created = _created(ctx)
    renderer = PostgresRenderer(module, ctx.project)
    order = [v.name for v in view_order(views)]
    out: list[Step] = []
    for v in reading:
        if v.name in gone:
            out.append(_drop(c, v, views, "not in the schema" if ctx.options.allow_destructive else
                             f"reads {table}, {why}: created again below as it is"))
            if ctx.options.allow_destructive:
                continue
        elif (v.namespace, v.name) not in created:
            out.append(_drop(c, v, views, f"reads {table}, {why}: created again below"))
        before = tuple(f"view:{n}" for n in order[:order.index(v.name)])
        out += [Step.of("views", chunk.strip(), c, key=f"view:{v.name}", after=before)
                for chunk in renderer.view(v) if chunk.strip()]
    return out


def wrap(handler: Callable[[ch.Change, Context], list[Step]]) -> Callable[[ch.Change, Context], list[Step]]:
    """``handler`` followed by ``around_views``."""
    def build(c: ch.Change, ctx: Context) -> list[Step]:
        return around_views(c, ctx, handler(c, ctx))
    build.__doc__ = handler.__doc__
    return build
