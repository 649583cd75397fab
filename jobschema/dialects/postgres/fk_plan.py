"""The steps adding a foreign key in a fix: ``NOT VALID`` then ``VALIDATE CONSTRAINT`` (the scan holds a lock
that lets reads and writes go on), except on a partitioned table, where PostgreSQL takes no ``NOT VALID``
foreign key ("not yet supported on partitioned tables"): there it is added and validated in one statement.
Shared by ``plan.py`` (added, changed, or added again around a key) and ``rebuild_plan.py``."""

from __future__ import annotations

from ...diff import changes as ch
from ...model.objects import ForeignKey, Module, Table
from ...plan.steps import Step
from ..base import quote_pg
from . import unmanaged_sql
from .render import foreign_key_sql, qname

SRE, SUE = "SHARE ROW EXCLUSIVE", "SHARE UPDATE EXCLUSIVE"


def partitioned(module: Module, t: Table) -> bool:
    """Whether the module records ``t`` as a partitioned table."""
    return unmanaged_sql.table_fact(module, "partitioning", t.namespace, t.name) is not None


def added(module: Module, t: Table, fk: ForeignKey, c: ch.Change, *, validate: bool = True, **kw) -> list[Step]:
    """The foreign key added (``NOT VALID``) and, when ``validate``, validated; at once on a partitioned table."""
    if partitioned(module, t) and fk.validated:
        return [Step.of("foreign_keys", foreign_key_sql(t, fk), c, lock=SRE, **kw,
                        note=f"{t.name} is partitioned: PostgreSQL adds its foreign keys validated, in one statement")]
    steps = [Step.of("foreign_keys", foreign_key_sql(t, fk, not_valid=True), c, not_valid=True, lock=SRE, **kw)]
    if validate:
        steps.append(Step.of("validate_foreign_keys", f"ALTER TABLE {qname(t.namespace, t.name)} VALIDATE CONSTRAINT "
                             f"{quote_pg(fk.name)};", c, lock=SUE, **kw))
    return steps

