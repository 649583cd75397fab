from __future__ import annotations

from ....finding import Severity
from ...registry import Rule, register
from ._util import columns_of


@register
class NullableUniqueColumn(Rule):
    """Nullable column in a unique key.

    SQL treats NULLs as distinct, so a unique key over a nullable column accepts any number of rows that
    agree on every other column and hold NULL there: `UNIQUE (entity_table, entity_pk)` does not stop two
    deletion jobs for the same entity when `entity_pk` is NULL. Queue deduplication keys are exactly where
    this bites. Make the column `NOT NULL`, or on PostgreSQL 15+ declare `nulls_not_distinct: true` (MySQL
    has no equivalent), or use a partial unique index whose predicate excludes the NULLs.

    **Anti-pattern**

    ```yaml
    columns:
      - {name: entity_pk, type: text}          # nullable
    unique:
      - {name: uq_entity, columns: [entity_table, entity_pk]}
    ```

    **Best practice**

    ```yaml
    columns:
      - {name: entity_pk, type: text, nullable: false}
    ```
    """

    code = "JS108"
    name = "schema.nullable_unique_column"
    title = "Nullable column in a unique key"
    rationale = "NULLs are distinct in unique keys: rows with a NULL key column are never duplicates."
    fix = "Make the column NOT NULL, or use nulls_not_distinct (PostgreSQL 15+), or a partial unique index."
    severity = Severity.WARNING

    def check(self, table, ctx):
        pk = set(table.primary_key.columns) if table.primary_key else set()
        groups = [(u.name, u.columns, u.origin, set()) for u in table.uniques if not u.nulls_not_distinct]
        groups += [(ix.name, ix.columns, ix.origin, columns_of(ix.where) if ix.where is not None else set())
                   for ix in table.indexes if ix.unique]
        for name, cols, origin, guarded in groups:
            for c in cols:
                col = table.column(c)
                if col is None or not col.nullable or c in pk or c.lower() in guarded or col.identity:
                    continue
                yield self.finding(ctx.path(table, name),
                                   f"unique key {name} includes nullable column {c}: rows with NULL there are "
                                   "never duplicates", ctx.location(origin), module=ctx.module.name,
                                   expected=f"{c} NOT NULL", actual="nullable")
