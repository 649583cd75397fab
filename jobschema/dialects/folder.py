"""What every dialect object does the same way: it answers from the files of its own folder.

A dialect folder holds the same file names as every other (``types.py``, ``names.py``, ``driver.py``, ``plan.py``
…); this base class loads each file the first time it is asked for, so the registry and ``--help`` import none
of them, and the dialect's ``__init__.py`` says only what is its own: names, schemes, quoting, the renderer.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from types import ModuleType

from ..model.objects import Module, Project
from ..statement import Statement
from .base import RenderResult


class FolderDialect:
    """A dialect whose answers live in the files of the package that defines the subclass."""

    name: str
    migrator_class: str  # the class in the folder's ``migrate.py``

    def _part(self, file: str) -> ModuleType:
        return importlib.import_module(f"{type(self).__module__}.{file}")

    def render(self, module: Module, project: Project) -> RenderResult:
        return self._part("render").render(module, project)

    @property
    def types(self) -> ModuleType:
        return self._part("types")

    @property
    def names(self) -> ModuleType:
        return self._part("names")

    @property
    def adopt(self) -> ModuleType:
        return self._part("adopt")

    def split(self, script: str) -> list[Statement]:
        """The script's statements with lines: what lint reads and migrate runs."""
        return self._part("split").split_statements(script)

    @property
    def ddl(self):
        """What the DDL importer asks this dialect (``ddl.py``; sqlglot loads with it, not with the registry)."""
        return self._part("ddl").RULES

    # audit ----------------------------------------------------------------------------------------
    def session(self, dsn: str, statement_timeout_ms: int, lock_timeout_ms: int,
                application: str = "jobschema audit", catalog_connections: int = 1):
        """The audit's read-only session; ``catalog_connections`` is how many sessions its catalog read may
        use at once (more than one only where the dialect can give them all one snapshot)."""
        return self._part("driver").session(dsn, statement_timeout_ms, lock_timeout_ms, application,
                                            catalog_connections)

    def inspect(self, conn, namespaces: Sequence[str], search: str | None = None):
        return self._part("driver").inspect(conn, namespaces, search)

    def hooks(self, desired: Sequence[Module], live):
        """The differ's answers for this dialect, made anew for each audit (bound to its desired modules and
        the live server), never stored on the dialect object."""
        return self._part("driver").hooks(desired, live)

    def probe(self, conn, changes, live, hooks) -> list:
        return self._part("driver").probe(conn, changes, live, hooks)

    # fix, migrate -------------------------------------------------------------------------
    def plan_shapes(self) -> ModuleType:
        """The fix-migration statement shapes the planner asks for (``plan.py``, loaded when first planned)."""
        return self._part("plan")

    def migrator(self, dsn: str):
        return getattr(self._part("migrate"), self.migrator_class)(dsn)
