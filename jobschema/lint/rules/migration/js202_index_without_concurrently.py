from __future__ import annotations

from sqlglot import exp

from ...registry import Rule, register


@register
class IndexWithoutConcurrently(Rule):
    """`CREATE INDEX` on an existing table without `CONCURRENTLY`.

    A plain `CREATE INDEX` takes a `SHARE` lock: every `INSERT`, `UPDATE` and `DELETE` on the table waits
    until the index is built, so a queue stops accepting and completing jobs for the duration.
    `CREATE INDEX CONCURRENTLY` builds it while writes continue (it cannot run inside a transaction block;
    run it in a migration file of its own).

    Tables created earlier in the same migration file are exempt. PostgreSQL only (InnoDB builds
    secondary indexes online by default).

    **Anti-pattern**

    ```sql
    CREATE INDEX idx_jobs_status ON jobs (status);
    ```

    **Best practice**

    ```sql
    CREATE INDEX CONCURRENTLY idx_jobs_status ON jobs (status);
    ```
    """

    code = "JS202"
    name = "migration.index_without_concurrently"
    title = "CREATE INDEX without CONCURRENTLY on an existing table"
    rationale = "A plain CREATE INDEX blocks all writes to the table until the build finishes."
    target = "migration"
    fix = "Use CREATE INDEX CONCURRENTLY (outside a transaction block)."
    inspiration = "Squawk `require-concurrent-index-creation`"
    needs = ("concurrent_index",)

    def check(self, st, state, mf):
        t = st.tree
        if not (isinstance(t, exp.Create) and isinstance(t.this, exp.Index)):
            return
        if t.args.get("concurrently") or state.is_new(st.table):
            return
        name = t.this.name or "(unnamed)"
        yield self.finding(st.table or mf.path,
                           f"index {name} is created on existing table {st.table} without CONCURRENTLY",
                           expected="CREATE INDEX CONCURRENTLY", actual=st.summary,
                           table=st.table)
