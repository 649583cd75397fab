"""What every MySQL/MariaDB fix builder starts from: the table's quoted name, the renderer of the change's
module, and the ``ALTER TABLE`` statement with the algorithm InnoDB may use written into it."""

from __future__ import annotations

from ...diff import changes as ch
from ...plan.context import Context
from ...plan.steps import Step
from ..base import quote_mysql
from .online import Online
from .render import MysqlRenderer


def table_name(c: ch.Change) -> str:
    return quote_mysql(c.table)


def renderer(ctx: Context, c: ch.Change) -> MysqlRenderer:
    return MysqlRenderer(ctx.module(c.module), ctx.project)


def flush(ctx: Context, r: MysqlRenderer) -> None:
    """The renderer's warnings, as notes of the plan."""
    for w in r.warnings:
        ctx.note(f"{w.object}: {w.message}")


def steps_of(phase: str, chunks: list[str], c: ch.Change, **kw) -> list[Step]:
    return [Step.of(phase, chunk.strip(), c, **kw) for chunk in chunks if chunk.strip()]


def alter(phase: str, c: ch.Change, body: str, how: Online, table: str | None = None, **kw) -> Step:
    """``ALTER TABLE <table> <body>`` with the algorithm ``how`` written into it and set on the step."""
    return Step.of(phase, f"ALTER TABLE {table or table_name(c)} {body}{how.alter()};", c, **how.flags(), **kw)
