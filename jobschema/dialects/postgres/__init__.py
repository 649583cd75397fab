"""The PostgreSQL dialect: everything code outside ``dialects/`` may ask of PostgreSQL, registered as
"postgres" (aliases postgresql, pg; ``postgres://``, ``postgresql://`` and libpq ``key=value`` DSNs)."""

from __future__ import annotations

from ..base import literal_pg, quote_pg
from ..folder import FolderDialect
from . import render as _render


class PostgresDialect(FolderDialect):
    name = "postgres"
    aliases = ("postgresql", "pg")
    schemes = ("postgres", "postgresql")
    migrator_class = "PostgresMigrator"
    plain_dsn = True
    capabilities = _render.CAPABILITIES
    renderer = _render.PostgresRenderer  # per-object questions (types, defaults, key SQL) the docs ask

    def quote(self, ident: str) -> str:
        return quote_pg(ident)

    def literal(self, value: str) -> str:
        return literal_pg(value)


DIALECT = PostgresDialect()
