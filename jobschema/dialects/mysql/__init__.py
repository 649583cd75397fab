"""The MySQL/MariaDB dialect: everything code outside ``dialects/`` may ask of MySQL, registered as
"mysql" (alias mariadb; ``mysql://`` and ``mariadb://`` DSNs)."""

from __future__ import annotations

from ..base import literal_mysql, quote_mysql
from ..folder import FolderDialect
from . import render as _render


class MysqlDialect(FolderDialect):
    name = "mysql"
    aliases = ("mariadb",)
    schemes = ("mysql", "mariadb")
    migrator_class = "MysqlMigrator"
    plain_dsn = False
    capabilities = _render.CAPABILITIES
    renderer = _render.MysqlRenderer

    def quote(self, ident: str) -> str:
        return quote_mysql(ident)

    def literal(self, value: str) -> str:
        return literal_mysql(value)


DIALECT = MysqlDialect()
