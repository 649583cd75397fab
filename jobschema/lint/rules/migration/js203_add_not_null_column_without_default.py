from __future__ import annotations

from sqlglot import exp

from ...registry import Rule, register


@register
class AddNotNullColumnWithoutDefault(Rule):
    """`ADD COLUMN ... NOT NULL` without a default on an existing table.

    The existing rows have no value for the new column, so the statement fails as soon as the table holds
    one row — which is every production table and no test database. With a constant `DEFAULT`,
    PostgreSQL 11+ adds the column without rewriting the table and MySQL fills the rows.

    Tables created earlier in the same migration file are exempt.

    **Anti-pattern**

    ```sql
    ALTER TABLE jobs ADD COLUMN attempts integer NOT NULL;
    ```

    **Best practice**

    ```sql
    ALTER TABLE jobs ADD COLUMN attempts integer NOT NULL DEFAULT 0;
    ```
    """

    code = "JS203"
    name = "migration.add_not_null_column_without_default"
    title = "ADD COLUMN ... NOT NULL without a default"
    rationale = "Existing rows have no value for the column: the statement fails on any non-empty table."
    target = "migration"
    fix = "Give the column a DEFAULT, or add it nullable, backfill, then SET NOT NULL."
    inspiration = "Squawk `adding-required-field`"

    def check(self, st, state, mf):
        if state.is_new(st.table):
            return
        for action in st.alter_actions():
            if not isinstance(action, exp.ColumnDef):
                continue
            kinds = [c.args.get("kind") for c in action.args.get("constraints") or []]
            not_null = any(isinstance(k, exp.NotNullColumnConstraint) and not k.args.get("allow_null")
                           for k in kinds)
            has_default = any(isinstance(k, exp.DefaultColumnConstraint) for k in kinds)
            generated = any(isinstance(k, (exp.GeneratedAsIdentityColumnConstraint,
                                           exp.ComputedColumnConstraint, exp.AutoIncrementColumnConstraint))
                            for k in kinds)
            if not_null and not has_default and not generated:
                yield self.finding(st.table or mf.path,
                                   f"column {action.name} is added to existing table {st.table} as NOT NULL "
                                   "without a default", expected="NOT NULL DEFAULT ...",
                                   actual=st.summary, table=st.table, column=action.name)
