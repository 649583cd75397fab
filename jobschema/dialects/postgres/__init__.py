"""The PostgreSQL dialect: capabilities, quoting and the renderer, registered as "postgres"."""

from __future__ import annotations

from ...model.objects import Module, Project
from ...statement import Statement
from ..base import RenderResult, quote_pg
from . import render as _render
from .split import split_statements


class PostgresDialect:
    name = "postgres"
    capabilities = _render.CAPABILITIES
    renderer = _render.PostgresRenderer  # per-object questions (types, defaults, key SQL) the docs ask

    def render(self, module: Module, project: Project) -> RenderResult:
        return _render.render(module, project)

    def quote(self, ident: str) -> str:
        return quote_pg(ident)

    def plan_shapes(self):
        """The fix-migration statement shapes the planner asks for (``plan.py``, loaded when first planned)."""
        from . import plan

        return plan

    def migrator(self, dsn: str):
        """The migration executor's postgres half, connected to ``dsn``."""
        from .migrate import PostgresMigrator

        return PostgresMigrator(dsn)

    def split(self, script: str) -> list[Statement]:
        """The script's statements with lines: what lint reads and migrate runs."""
        return split_statements(script)

    @property
    def ddl(self):
        """What the DDL importer asks this dialect (``ddl.py``; sqlglot loads with it, not with the registry)."""
        from .ddl import RULES

        return RULES


DIALECT = PostgresDialect()
