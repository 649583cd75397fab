"""The MySQL/MariaDB dialect: everything code outside ``dialects/`` may ask of MySQL, registered as
"mysql" (alias mariadb; ``mysql://`` and ``mariadb://`` DSNs)."""

from __future__ import annotations

from collections.abc import Sequence

from ...model.objects import Module, Project
from ...statement import Statement
from ..base import RenderResult, literal_mysql, quote_mysql
from . import render as _render
from .split import split_statements


class MysqlDialect:
    name = "mysql"
    aliases = ("mariadb",)
    schemes = ("mysql", "mariadb")
    plain_dsn = False
    capabilities = _render.CAPABILITIES
    renderer = _render.MysqlRenderer

    def render(self, module: Module, project: Project) -> RenderResult:
        return _render.render(module, project)

    def quote(self, ident: str) -> str:
        return quote_mysql(ident)

    def literal(self, value: str) -> str:
        return literal_mysql(value)

    @property
    def types(self):
        from . import types

        return types

    @property
    def names(self):
        from . import names

        return names

    @property
    def adopt(self):
        from . import adopt

        return adopt

    def split(self, script: str) -> list[Statement]:
        """The script's statements with lines: what lint reads and migrate runs."""
        return split_statements(script)

    @property
    def ddl(self):
        """What the DDL importer asks this dialect (``ddl.py``; sqlglot loads with it, not with the registry)."""
        from .ddl import RULES

        return RULES

    # audit ----------------------------------------------------------------------------------------
    def session(self, dsn: str, statement_timeout_ms: int, lock_timeout_ms: int,
                application: str = "jobschema audit"):
        from . import driver

        return driver.session(dsn, statement_timeout_ms, lock_timeout_ms, application)

    def inspect(self, conn, namespaces: Sequence[str], search: str | None = None):
        from . import driver

        return driver.inspect(conn, namespaces, search)

    def hooks(self, desired: Sequence[Module], live):
        """The differ's MySQL answers, bound to the desired modules (a text column's MySQL type depends on
        whether its table indexes it) and to the server version."""
        from . import driver

        return driver.hooks(desired, live)

    def probe(self, conn, changes, live, hooks) -> list:
        from . import driver

        return driver.probe(conn, changes, live, hooks)

    # fix, migrate -------------------------------------------------------------------------
    def plan_shapes(self):
        """The fix-migration statement shapes the planner asks for (``plan.py``, loaded when first planned)."""
        from . import plan

        return plan

    def migrator(self, dsn: str):
        from .migrate import MysqlMigrator

        return MysqlMigrator(dsn)


DIALECT = MysqlDialect()
