from __future__ import annotations

from sqlglot import exp

from ....names import NO_TRANSACTION
from ...registry import Rule, register


@register
class ConcurrentlyInTransaction(Rule):
    """`CREATE INDEX CONCURRENTLY` (or `DROP INDEX CONCURRENTLY`) in a file that runs in a transaction.

    PostgreSQL refuses `CONCURRENTLY` inside a transaction block. `jobschema migrate` runs every file in
    one transaction unless its leading comments carry `-- jobschema:no-transaction`, so such a file fails
    at that statement — after the statements before it ran and were rolled back, on every attempt. An
    explicit `BEGIN` earlier in the file does the same.

    **Anti-pattern**

    ```sql
    CREATE INDEX CONCURRENTLY idx_jobs_status ON jobs (status);
    ```

    **Best practice**

    ```sql
    -- jobschema:no-transaction
    CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_jobs_status ON jobs (status);
    ```
    """

    code = "JS213"
    name = "migration.concurrently_in_transaction"
    title = "CONCURRENTLY inside a transaction"
    rationale = "PostgreSQL refuses CREATE/DROP INDEX CONCURRENTLY in a transaction block: the migration fails."
    target = "migration"
    fix = f"Put the statement in a file of its own whose first line is '-- {NO_TRANSACTION}'."
    inspiration = "Squawk `ban-concurrent-index-creation-in-transaction`"
    needs = ("concurrent_index",)

    def check(self, st, state, mf):
        t = st.tree
        concurrent = (isinstance(t, exp.Create) and isinstance(t.this, exp.Index) and t.args.get("concurrently")) \
            or (isinstance(t, exp.Drop) and t.args.get("concurrently"))
        if not concurrent:
            return
        explicit = state.in_block
        if mf.transactional or explicit:
            where = f"the BEGIN at line {explicit}" if explicit else "the transaction migrate runs the file in"
            yield self.finding(st.table or mf.path, f"CONCURRENTLY cannot run inside {where}",
                               expected=f"-- {NO_TRANSACTION}", actual=st.summary, table=st.table)
