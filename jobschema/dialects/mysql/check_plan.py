"""MySQL/MariaDB fix-migration steps for CHECK constraints. MariaDB keeps a CHECK written on its column
(``inline``) as part of the column: ``DROP CONSTRAINT`` cannot reach it and ``MODIFY COLUMN`` drops it unless
the column is spelled with it, so such a CHECK is added, changed and dropped by spelling the column, and a
plan that changes the column anyway carries it there. ``plan.py`` registers these builders in ``HANDLERS``."""

from __future__ import annotations

from dataclasses import replace

from ...diff import changes as ch
from ...plan.context import Context
from ...plan.steps import Step
from ..base import literal_mysql, quote_mysql
from .normalize import HOOKS
from .online import COPY, INSTANT
from .plan_base import alter as _alter
from .plan_base import renderer as _r
from .plan_base import table_name as _t


def _column_rewritten(c: ch.Change, ctx: Context, column: str) -> bool:
    """Whether the plan spells ``column`` again (ADD, MODIFY or DROP COLUMN): that statement writes, or drops,
    the CHECKs that sit on the column."""
    return any(isinstance(o, (ch.AddColumn, ch.ModifyColumn, ch.DropColumn)) and o.module == c.module
               and o.namespace == c.namespace and o.table == c.table
               and (o.desired or o.live).name == column for o in ctx.changes)


def _drop_check(c: ch.Change, ctx: Context, phase: str = "drop_constraints") -> list[Step]:
    name = c.live_name or c.live.name
    if c.live.inline:  # MariaDB drops a CHECK written on its column only by spelling the column without it
        t = c.desired_table
        col = t.column(c.live.name) if t is not None else None
        if col is None or _column_rewritten(c, ctx, col.name):
            return []  # the plan's ADD, MODIFY or DROP COLUMN spells the column without it
        if any(k.inline and k.name == col.name for k in t.checks):
            return []  # the CHECK the schema writes there takes its place in one MODIFY COLUMN
        r = _r(ctx, c)
        return [_alter(phase, c, f"MODIFY COLUMN {r.column_sql(t, col)}", COPY,
                       note=f"the live CHECK is written on column {col.name}: spelling the column drops it")]
    return [_alter(phase, c, f"DROP CONSTRAINT {quote_mysql(name)}", INSTANT,
                   note=f"the live constraint is named {name}")]


def keeping_live_checks(c: ch.ModifyColumn, ctx: Context, t):
    """Without --allow-destructive a CHECK the schema drops stays; MODIFY COLUMN would drop the ones written
    on the column unless it spells them too."""
    lt = c.live_table
    if ctx.options.allow_destructive or lt is None:
        return t
    names = {k.name.lower() for k in t.checks}
    kept = tuple(k for k in lt.checks if k.inline and k.name == c.live.name and k.name.lower() not in names
                 and not HOOKS.is_implicit_check(lt, k))
    return replace(t, checks=t.checks + kept) if kept else t


def _add_check(c: ch.Change, ctx: Context, live_allowed) -> list[Step]:
    r = _r(ctx, c)
    d = c.desired
    meaning = HOOKS.check_meaning(d)
    steps: list[Step] = []
    if meaning.value_set is not None:
        column, allowed = meaning.value_set
        for old, new in ctx.legacy_map(c, column, live_allowed):
            steps.append(Step.of("rewrite_values", f"UPDATE {_t(c)} SET {quote_mysql(column)} = {literal_mysql(new)} "
                                 f"WHERE {quote_mysql(column)} = {literal_mysql(old)};", c))
        left, _ = ctx.leftover_values(c, allowed, column)
        if left:
            return ctx.refuse(c, ctx.leftover_reason(left, column))
    else:
        why, _ = ctx.check_violations(c, d.expression.text)
        if why:
            return ctx.refuse(c, why)
    t = c.desired_table
    col = t.column(d.name) if d.inline else None
    if col is not None:  # written on its column, the way MariaDB keeps it
        if _column_rewritten(c, ctx, col.name):
            return steps  # the ADD or MODIFY COLUMN of this plan writes it
        steps.append(_alter("add_constraints", c, f"MODIFY COLUMN {r.column_sql(t, col)}", COPY,
                            note=f"the CHECK is written on column {col.name}"))
        for w in r.warnings:
            ctx.note(f"{w.object}: {w.message}")
        return steps
    try:
        clause = r.check_sql(t, d)
    except Exception as exc:  # noqa: BLE001 - sqlglot could not translate: a person must write it
        return ctx.omit(c, f"cannot translate the CHECK to MySQL ({exc})")
    steps.append(_alter("add_constraints", c, f"ADD {clause}", COPY))  # InnoDB checks every row in a copy
    return steps


def add_check(c: ch.AddCheck, ctx: Context) -> list[Step]:
    return _add_check(c, ctx, None)


def _replace_check(c: ch.Change, ctx: Context, live_allowed) -> list[Step]:
    stopped = len(ctx.refusals) + len(ctx.omitted)
    added = _add_check(c, ctx, live_allowed)
    if len(ctx.refusals) + len(ctx.omitted) > stopped:
        return []  # refused or left out: the live CHECK stays
    return _drop_check(c, ctx) + added


def modify_check(c: ch.ModifyCheck, ctx: Context) -> list[Step]:
    live_vs = HOOKS.check_meaning(c.live).value_set
    return _replace_check(c, ctx, sorted(live_vs[1]) if live_vs else None)


def rename_check(c: ch.RenamedEquivalent, ctx: Context) -> list[Step]:
    """MySQL cannot rename a CHECK: the live one is dropped and the schema's added under its name."""
    return _replace_check(c, ctx, None)


def drop_duplicate_check(c: ch.DuplicateColumnCheck, ctx: Context) -> list[Step]:
    return _drop_check(c, ctx)


def drop_check(c: ch.DropCheck, ctx: Context) -> list[Step]:
    return _drop_check(c, ctx, "drops")
