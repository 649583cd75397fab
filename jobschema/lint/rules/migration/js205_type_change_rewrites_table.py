from __future__ import annotations

from sqlglot import exp

from ...registry import Rule, register

_WIDENABLE = {exp.DataType.Type.VARCHAR, exp.DataType.Type.TEXT}


@register
class TypeChangeRewritesTable(Rule):
    """Column type change that rewrites the table.

    `ALTER COLUMN ... TYPE` (PostgreSQL) or `MODIFY`/`CHANGE COLUMN` (MySQL) to a type that is not
    binary-compatible rewrites every row and rebuilds every index under an exclusive lock (PostgreSQL)
    or copies the table (MySQL): minutes of downtime on a large queue, and a failure halfway if one value
    does not convert. The one change PostgreSQL makes in place — `varchar(n)` to a wider `varchar` or to
    `text` without `USING` — is not reported.

    Tables created earlier in the same migration file are exempt, and so is a MySQL `ALTER TABLE` that says
    `LOCK=NONE` (with `ALGORITHM=INSTANT` or `INPLACE`): the server runs it while writes go on, or refuses it.

    **Anti-pattern**

    ```sql
    ALTER TABLE job_tasks ALTER COLUMN attempt TYPE bigint;
    ```

    **Best practice**

    Add a new column, backfill it in batches, switch the code, then drop the old column in a later
    migration; or suppress with the reason the table is small.
    """

    code = "JS205"
    name = "migration.type_change_rewrites_table"
    title = "Column type change that rewrites the table"
    rationale = "The table is rewritten (and its indexes rebuilt) under an exclusive lock."
    target = "migration"
    fix = "Add a new column and backfill in batches, or suppress with the table size and lock budget."
    inspiration = "Squawk `changing-column-type`"

    def check(self, st, state, mf):
        if state.is_new(st.table) or st.writes_go_on():
            return
        for action in st.alter_actions():
            if isinstance(action, exp.AlterColumn) and action.args.get("dtype") is not None:
                dtype = action.args["dtype"]
                if dtype.this in _WIDENABLE and not action.args.get("using"):
                    continue  # varchar(n) -> varchar(m)/text: in place when widening
                col, new = action.name, dtype.sql(mf.dialect)
            elif isinstance(action, (exp.ModifyColumn,)) or type(action).__name__ in ("ChangeColumn",):
                cdef = action.this if isinstance(action.this, exp.ColumnDef) else action.find(exp.ColumnDef)
                if cdef is None:
                    continue
                col, new = cdef.name, (cdef.args.get("kind").sql(mf.dialect) if cdef.args.get("kind") else "?")
            else:
                continue
            yield self.finding(st.table or mf.path,
                               f"changing {st.table}.{col} to {new} rewrites the table under an exclusive lock",
                               expected="no table rewrite", actual=st.summary,
                               table=st.table, column=col)
