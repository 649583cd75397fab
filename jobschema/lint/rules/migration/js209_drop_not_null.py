from __future__ import annotations

from sqlglot import exp

from ...registry import Rule, register


@register
class DropNotNull(Rule):
    """`ALTER COLUMN ... DROP NOT NULL` on an existing table.

    Code that is running while the migration deploys was written against a column that is never NULL: it
    maps the value to a non-optional field, sorts or sums it, or compares it with `=`. The first NULL an
    updated writer stores breaks those readers. Make the readers NULL-safe and deploy them first, then
    drop the constraint in a migration of its own, with a suppression that says the readers are ready.

    Tables created earlier in the same file are exempt.

    **Anti-pattern**

    ```sql
    ALTER TABLE job_tasks ALTER COLUMN finished_at DROP NOT NULL;
    ```

    **Best practice**

    ```sql
    -- jobschema:ignore JS209 every reader of finished_at handles NULL since release 4.2
    ALTER TABLE job_tasks ALTER COLUMN finished_at DROP NOT NULL;
    ```
    """

    code = "JS209"
    name = "migration.drop_not_null"
    title = "DROP NOT NULL on a column that running code reads"
    rationale = "Code deployed before the change assumes the column is never NULL."
    target = "migration"
    fix = "Make every reader NULL-safe first; then drop NOT NULL in its own migration, suppressed with that reason."
    inspiration = "Squawk `ban-drop-not-null`"

    def check(self, st, state, mf):
        if state.is_new(st.table):
            return
        for action in st.alter_actions():
            if isinstance(action, exp.AlterColumn) and action.args.get("drop") and action.args.get("allow_null"):
                yield self.finding(f"{st.table}.{action.name}", f"{st.table}.{action.name} may now be NULL; "
                                   "readers deployed before this migration expect a value",
                                   expected="NOT NULL kept until readers handle NULL", actual=st.summary,
                                   table=st.table, column=action.name)
