"""The MySQL/MariaDB dialect: capabilities, quoting, the renderer and the audit, registered as "mysql"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ...connect import parse_mysql_dsn
from ...diff.differ import DiffOptions, diff
from ...model.objects import Module, Project
from ...statement import Statement
from ..base import RenderResult, quote_mysql
from . import render as _render
from .split import split_statements


@dataclass
class AuditRun:
    """What one MySQL audit found: the live catalog, the differ's changes and the row counts."""

    live: object  # model.live.LiveCatalog
    changes: list = field(default_factory=list)  # diff.changes.Change
    probes: list = field(default_factory=list)  # model.live.ProbeResult
    server: str = ""


class MysqlDialect:
    name = "mysql"
    capabilities = _render.CAPABILITIES
    renderer = _render.MysqlRenderer

    def render(self, module: Module, project: Project) -> RenderResult:
        return _render.render(module, project)

    def quote(self, ident: str) -> str:
        return quote_mysql(ident)

    def plan_shapes(self):
        """The fix-migration statement shapes the planner asks for (``plan.py``, loaded when first planned)."""
        from . import plan

        return plan

    def migrator(self, dsn: str):
        """The migration executor's mysql half, connected to ``dsn``."""
        from .migrate import MysqlMigrator

        return MysqlMigrator(dsn)

    def split(self, script: str) -> list[Statement]:
        """The script's statements with lines: what lint reads and migrate runs."""
        return split_statements(script)

    @property
    def ddl(self):
        """What the DDL importer asks this dialect (``ddl.py``; sqlglot loads with it, not with the registry)."""
        from .ddl import RULES

        return RULES

    def hooks(self, desired: Sequence[Module] = (), database: str | None = None, version=None):
        """The differ's MySQL answers, bound to the desired modules (a text column's MySQL type depends on
        whether its table indexes it) and to the server version."""
        from .normalize import MARIADB_10_11, MysqlHooks

        return MysqlHooks(version or MARIADB_10_11).for_module(tuple(desired), database)

    def audit(self, dsn: str, desired: Sequence[Module], *, data: bool = True,
              statement_timeout_ms: int = 30_000, lock_timeout_ms: int = 3_000) -> AuditRun:
        """Inspect the database of ``dsn`` in one read-only transaction, diff it against ``desired`` (the
        audited module first, then the modules it requires) and count violating rows unless ``data`` is
        False. Connection problems raise ``ConnectError`` (one line, no password)."""
        from . import inspect, probe, session

        database = parse_mysql_dsn(dsn)["database"] or ""
        main = desired[0]
        conn = session.connect(dsn)
        try:
            with session.read_only(conn, statement_timeout_ms / 1000.0, max(1, lock_timeout_ms // 1000)) as version:
                live = inspect.inspect(conn, database, main.name, main.namespace)
                hooks = self.hooks(desired, database, version)
                result = diff(list(desired), live, hooks, DiffOptions(primary_namespace=main.namespace))
                probes = probe.probe(conn, result.changes, live, hooks) if data else []
        finally:
            conn.close()
        return AuditRun(live, list(result.changes), probes, version.label)


DIALECT = MysqlDialect()
