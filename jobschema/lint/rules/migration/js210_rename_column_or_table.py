from __future__ import annotations

from sqlglot import exp

from ...registry import Rule, register


@register
class RenameColumnOrTable(Rule):
    """Renaming a column or a table.

    A rename takes effect the moment the migration commits, but the application version that is still
    running during the deploy (and every replica, report and ETL job) reads the old name and fails. Add
    the new column (or a view under the new table name), write both, move the readers, then drop the old
    name in a later release.

    Tables created earlier in the same file are exempt. Both dialects: `ALTER TABLE ... RENAME [COLUMN]`,
    MySQL's `CHANGE old new ...` and `RENAME TABLE`.

    **Anti-pattern**

    ```sql
    ALTER TABLE batch_checkpoints RENAME COLUMN job_id TO batch_job_id;
    ```

    **Best practice**

    ```sql
    ALTER TABLE batch_checkpoints ADD COLUMN batch_job_id uuid;
    -- backfill, write both columns, move the readers; drop job_id in a later release
    ```
    """

    code = "JS210"
    name = "migration.rename_column_or_table"
    title = "Renaming a column or table that running code reads"
    rationale = "Code deployed before the change still uses the old name and fails."
    target = "migration"
    fix = "Add the new name beside the old one, move readers and writers, drop the old name later."
    inspiration = "Squawk `renaming-column` and `renaming-table`"

    def check(self, st, state, mf):
        if st.tree is None:
            w = st.words()
            if w[:2] == ("RENAME", "TABLE") and len(w) > 2:
                yield self.finding(w[2].lower(), f"table {w[2].lower()} is renamed", expected="old name kept",
                                   actual=st.summary, table=w[2].lower())
            return
        if state.is_new(st.table):
            return
        for action in st.alter_actions():
            if isinstance(action, exp.AlterRename):
                yield self.finding(st.table, f"table {st.table} is renamed to {action.this.name}",
                                   expected="old name kept", actual=st.summary, table=st.table)
            elif isinstance(action, exp.RenameColumn):
                old = action.this.name
                yield self.finding(f"{st.table}.{old}", f"column {st.table}.{old} is renamed to "
                                   f"{action.args['to'].name}", expected="old name kept", actual=st.summary,
                                   table=st.table, column=old)
            elif isinstance(action, exp.ModifyColumn) and action.args.get("rename_from") is not None:
                old, new = action.args["rename_from"].name, action.this.name
                if old.lower() != new.lower():
                    yield self.finding(f"{st.table}.{old}", f"column {st.table}.{old} is renamed to {new}",
                                       expected="old name kept", actual=st.summary, table=st.table, column=old)
