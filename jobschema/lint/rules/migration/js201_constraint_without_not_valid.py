from __future__ import annotations

from ...migration import constraint_kinds
from ...registry import Rule, register


@register
class ConstraintWithoutNotValid(Rule):
    """CHECK or FOREIGN KEY added to an existing table without `NOT VALID`.

    `ALTER TABLE ... ADD CONSTRAINT ... CHECK (...)` (or `FOREIGN KEY`) scans every row while holding an
    `ACCESS EXCLUSIVE` lock on the table: workers polling a job queue block for the whole scan, and one
    old row that violates the new rule aborts the migration. Adding the constraint `NOT VALID` takes the
    lock only for an instant and enforces the rule for new writes at once; a later
    `VALIDATE CONSTRAINT` checks the old rows under a lock that lets reads and writes continue.

    Tables created earlier in the same migration file are exempt (they are empty). PostgreSQL only.

    **Anti-pattern**

    ```sql
    ALTER TABLE batch_jobs ADD CONSTRAINT batch_jobs_status_check
      CHECK (status IN ('queued', 'processing'));
    ```

    **Best practice**

    ```sql
    ALTER TABLE batch_jobs ADD CONSTRAINT batch_jobs_status_check
      CHECK (status IN ('queued', 'processing')) NOT VALID;
    ALTER TABLE batch_jobs VALIDATE CONSTRAINT batch_jobs_status_check;
    ```
    """

    code = "JS201"
    name = "migration.constraint_without_not_valid"
    title = "Constraint added without NOT VALID on an existing table"
    rationale = "Validation scans the whole table under ACCESS EXCLUSIVE; one bad row aborts the migration."
    target = "migration"
    fix = "Add the constraint NOT VALID, then ALTER TABLE ... VALIDATE CONSTRAINT in a later statement."
    inspiration = "Squawk `constraint-missing-not-valid` and `adding-foreign-key-constraint`"
    needs = ("not_valid",)

    def check(self, st, state, mf):
        if state.is_new(st.table) or st.tree is None or st.tree.args.get("not_valid"):
            return
        for action in st.alter_actions():
            for kind in constraint_kinds(action):
                if kind in ("check", "foreign key"):
                    yield self.finding(st.table or mf.path,
                                       f"{kind.upper()} constraint added to existing table {st.table} "
                                       "without NOT VALID", expected="ADD CONSTRAINT ... NOT VALID; then VALIDATE",
                                       actual=st.summary, table=st.table)
                    return

