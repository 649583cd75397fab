from __future__ import annotations

from sqlglot import exp

from ...registry import Rule, register


@register
class DropTableOrColumn(Rule):
    """Dropping a table or a column.

    A dropped table or column takes its data with it, and the application version still running during a
    deploy may read or write it and fail. Drops belong in a migration of their own, after the code that
    used the object is gone everywhere and a backup exists — and with a suppression saying so.

    Tables created earlier in the same migration file are exempt (dropping a scratch table is fine).

    **Anti-pattern**

    ```sql
    ALTER TABLE batch_jobs DROP COLUMN tier;
    ```

    **Best practice**

    ```sql
    -- jobschema:ignore JS204 tier unused since release 2.3; backup taken in the release runbook
    ALTER TABLE batch_jobs DROP COLUMN tier;
    ```
    """

    code = "JS204"
    name = "migration.drop_table_or_column"
    title = "Dropping a table or column"
    rationale = "The data is gone, and code still running during the deploy may use the object."
    target = "migration"
    fix = "Drop in a separate, reviewed migration after the code stops using it; suppress with the reason."
    inspiration = "Squawk `ban-drop-column` and `ban-drop-table`"

    def check(self, st, state, mf):
        t = st.tree
        if isinstance(t, exp.Drop) and (t.kind or "").upper() == "TABLE":
            for tab in t.args.get("tables") or [t.this]:
                name = tab.name.lower() if tab is not None and tab.name else None
                if name and not state.is_new(name):
                    yield self.finding(st.table or mf.path, f"table {name} is dropped",
                                       expected="data kept", actual=st.summary, table=name)
            return
        if state.is_new(st.table):
            return
        for action in st.alter_actions():
            if isinstance(action, exp.Drop) and (action.args.get("kind") or "").upper() == "COLUMN":
                for col in action.args.get("tables") or [action.this]:
                    yield self.finding(st.table or mf.path, f"column {st.table}.{col.name} is dropped",
                                       expected="data kept", actual=st.summary,
                                       table=st.table, column=col.name)
