"""The PostgreSQL dialect: capabilities, quoting and the renderer, registered as "postgres"."""

from __future__ import annotations

from ...model.objects import Module, Project
from ..base import RenderResult, quote_pg
from . import render as _render


class PostgresDialect:
    name = "postgres"
    capabilities = _render.CAPABILITIES
    renderer = _render.PostgresRenderer  # per-object questions (types, defaults, key SQL) the docs ask

    def render(self, module: Module, project: Project) -> RenderResult:
        return _render.render(module, project)

    def quote(self, ident: str) -> str:
        return quote_pg(ident)


DIALECT = PostgresDialect()
