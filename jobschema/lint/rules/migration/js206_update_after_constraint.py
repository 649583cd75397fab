from __future__ import annotations

from sqlglot import exp

from ...registry import Rule, register


@register
class UpdateAfterConstraint(Rule):
    """UPDATE that rewrites a column after a constraint on that column was added in the same migration.

    A data fix that rewrites legacy values must run *before* the constraint that forbids them. Added
    first, the constraint is validated against the old rows and the migration aborts on the first legacy
    value — the UPDATE meant to repair it never runs. Seed 001's fix has exactly this order: it adds
    `batch_jobs_status_check` (step 2) and only then rewrites `pending`/`running` (step 3), so on any
    table that still holds such rows it fails at step 2. The finding points at the UPDATE.

    **Anti-pattern**

    ```sql
    ALTER TABLE batch_jobs ADD CONSTRAINT batch_jobs_status_check
      CHECK (status IN ('queued', 'processing'));
    UPDATE batch_jobs SET status = 'queued' WHERE status = 'pending';
    ```

    **Best practice**

    ```sql
    UPDATE batch_jobs SET status = 'queued' WHERE status = 'pending';
    ALTER TABLE batch_jobs ADD CONSTRAINT batch_jobs_status_check
      CHECK (status IN ('queued', 'processing')) NOT VALID;
    ALTER TABLE batch_jobs VALIDATE CONSTRAINT batch_jobs_status_check;
    ```

    A constraint added ``NOT VALID`` does not count: it checks only rows written after it, so an UPDATE
    that writes allowed values may follow it (the online order: NOT VALID, rewrite in batches, VALIDATE).
    """

    code = "JS206"
    name = "migration.update_after_constraint"
    title = "UPDATE rewrites a column after a constraint on it was added in the same migration"
    rationale = "The constraint is checked against the legacy rows before the UPDATE that fixes them runs."
    target = "migration"
    fix = "Move the UPDATE before the ADD CONSTRAINT (and add the constraint NOT VALID, then VALIDATE)."
    inspiration = "seed 001 (its fix adds the CHECK before it rewrites the rows the CHECK rejects)"

    def check(self, st, state, mf):
        if not isinstance(st.tree, exp.Update) or st.table is None:
            return
        written = set()
        for assignment in st.tree.expressions:
            target = assignment.this if isinstance(assignment, exp.EQ) else None
            if isinstance(target, exp.Column) and target.name:
                written.add(target.name.lower())
        for con in state.constraints:
            hit = sorted(written & con.columns)
            if con.table == st.table and hit:
                name = con.name or "a constraint"
                yield self.finding(st.table or mf.path,
                                   f"UPDATE of {st.table}.{', '.join(hit)} runs after {name} was added on it "
                                   f"at line {con.line}; the constraint is checked before this fix runs",
                                   expected=f"UPDATE before line {con.line}", actual=f"UPDATE at line {st.line}",
                                   table=st.table, constraint=con.name, constraint_line=con.line)
                return
