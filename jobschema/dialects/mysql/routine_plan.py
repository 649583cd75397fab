"""MySQL/MariaDB fix statements for views, functions, procedures and triggers: each is dropped and created
again whole (MySQL alters none of them in place), views in the order they read each other."""

from __future__ import annotations

from ...diff import changes as ch
from ...plan.context import Context
from ...plan.steps import Step
from ..base import quote_mysql, view_order
from .plan_base import flush, renderer, steps_of


def add_view(c: ch.Change, ctx: Context) -> list[Step]:
    r = renderer(ctx, c)
    v = c.desired
    ordered = [x.name for x in view_order(ctx.module(c.module).views)]
    after = tuple(f"view:{n}" for n in ordered[:ordered.index(v.name)]) if v.name in ordered else ()
    steps = steps_of("views", r.view(v), c, key=f"view:{v.name}", after=after)
    flush(ctx, r)
    if isinstance(c, ch.ModifyView):
        steps.insert(0, Step.of("drop_dependents", f"DROP VIEW {quote_mysql(c.live.name)};", c,
                                note="recreated below with the schema's definition"))
    return steps


def drop_view(c: ch.DropView, ctx: Context) -> list[Step]:
    return [Step.of("drops", f"DROP VIEW {quote_mysql(c.live.name)};", c)]


def _terminated(text: str) -> str:
    text = text.rstrip()
    return text if text.endswith(";") else text + ";"


def add_function(c: ch.Change, ctx: Context) -> list[Step]:
    f = c.desired
    steps = [Step.of("functions", _terminated(f.sql), c)]
    if isinstance(c, ch.ModifyFunction):
        steps.insert(0, Step.of("drop_dependents", f"DROP {c.live.kind.upper()} IF EXISTS {quote_mysql(c.live.name)};",
                                c))
    return steps


def drop_function(c: ch.DropFunction, ctx: Context) -> list[Step]:
    return [Step.of("drops", f"DROP {c.live.kind.upper()} IF EXISTS {quote_mysql(c.live.name)};", c)]


def add_trigger(c: ch.Change, ctx: Context) -> list[Step]:
    steps = [Step.of("triggers", _terminated(c.desired.sql), c)]
    if isinstance(c, ch.ModifyTrigger):
        steps.insert(0, Step.of("drop_dependents", f"DROP TRIGGER IF EXISTS {quote_mysql(c.live_name)};", c))
    return steps


def drop_trigger(c: ch.DropTrigger, ctx: Context) -> list[Step]:
    return [Step.of("drops", f"DROP TRIGGER IF EXISTS {quote_mysql(c.live_name)};", c)]
