from __future__ import annotations

from ...registry import Rule, register


@register
class TableWithoutPrimaryKey(Rule):
    """Table without a primary key.

    Without a primary key rows cannot be addressed one by one: duplicate rows cannot be told apart or
    removed, logical replication (and Supabase realtime) cannot publish `UPDATE`/`DELETE` for the table,
    and InnoDB picks a hidden clustered key that no query can use. Queue workers need a key to claim a job.

    **Anti-pattern**

    ```yaml
    table: job_events
    columns:
      - {name: job_id, type: uuid}
      - {name: event, type: text}
    ```

    **Best practice**

    ```yaml
    columns:
      - {name: id, type: bigint, identity: always}
    primary_key: [id]
    ```
    """

    code = "JS102"
    name = "schema.table_without_primary_key"
    title = "Table without a primary key"
    rationale = "Rows cannot be addressed, deduplicated or replicated one by one."
    fix = "Declare primary_key (a surrogate id column if no natural key exists)."
    inspiration = "Supabase database linter `no_primary_key`"

    def check(self, table, ctx):
        if table.primary_key is None:
            yield self.finding(ctx.path(table), f"table {table.name} has no primary key",
                               ctx.location(table.origin), module=ctx.module.name,
                               expected="a primary key", actual="none")
