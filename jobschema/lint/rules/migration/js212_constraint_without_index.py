from __future__ import annotations

from ...migration import constraint_kinds
from ...registry import Rule, register


@register
class ConstraintWithoutIndex(Rule):
    """`ADD PRIMARY KEY` or `ADD UNIQUE` on an existing table without `USING INDEX`.

    The constraint builds its unique index inside the `ALTER TABLE`, holding `ACCESS EXCLUSIVE` — no reads
    and no writes — for the whole build. Build the index first with `CREATE UNIQUE INDEX CONCURRENTLY`
    (writes continue), then attach it: `ADD CONSTRAINT ... PRIMARY KEY USING INDEX` takes the lock only
    for an instant.

    Tables created earlier in the same file are exempt. PostgreSQL (the dialects that build indexes
    concurrently).

    **Anti-pattern**

    ```sql
    ALTER TABLE job_tasks ADD CONSTRAINT job_tasks_job_seq_key UNIQUE (job_id, seq);
    ```

    **Best practice**

    ```sql
    CREATE UNIQUE INDEX CONCURRENTLY job_tasks_job_seq_key ON job_tasks (job_id, seq);
    ALTER TABLE job_tasks ADD CONSTRAINT job_tasks_job_seq_key UNIQUE USING INDEX job_tasks_job_seq_key;
    ```
    """

    code = "JS212"
    name = "migration.constraint_without_index"
    title = "PRIMARY KEY or UNIQUE added without an existing index"
    rationale = "The unique index is built under ACCESS EXCLUSIVE: the table is unreadable until it finishes."
    target = "migration"
    fix = "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... USING INDEX."
    inspiration = "Squawk `adding-serial-primary-key-field` and `disallowed-unique-constraint`"
    needs = ("concurrent_index",)

    def check(self, st, state, mf):
        if state.is_new(st.table):
            return
        for action in st.alter_actions():
            for kind in constraint_kinds(action):
                if kind in ("primary key", "unique"):
                    yield self.finding(st.table or mf.path, f"{kind.upper()} on existing table {st.table} builds "
                                       "its index under ACCESS EXCLUSIVE", expected="ADD CONSTRAINT ... USING INDEX",
                                       actual=st.summary, table=st.table)
