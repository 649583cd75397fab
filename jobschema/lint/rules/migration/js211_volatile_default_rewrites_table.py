from __future__ import annotations

from sqlglot import exp

from ....dialects.online_words import volatile
from ...registry import Rule, register

SERIAL_TYPES = {exp.DataType.Type.SERIAL, exp.DataType.Type.BIGSERIAL, exp.DataType.Type.SMALLSERIAL}


def _rewrites(coldef: exp.ColumnDef, words: tuple[str, ...], dialect: str) -> str | None:
    """Why adding this column writes a value into every existing row, or None."""
    kind = coldef.args.get("kind")
    if isinstance(kind, exp.DataType) and kind.this in SERIAL_TYPES:
        return f"a {kind.sql(dialect)} column fills every row from a sequence"
    for con in coldef.args.get("constraints") or []:
        k = con.args.get("kind")
        if isinstance(k, exp.GeneratedAsIdentityColumnConstraint):
            return "an identity column fills every row from a sequence"
        if isinstance(k, exp.ComputedColumnConstraint) and (k.args.get("persisted") or "STORED" in words):
            return "a stored generated column is computed for every row"
        if isinstance(k, exp.DefaultColumnConstraint) and volatile(k.this):
            return f"the default {k.this.sql(dialect)} is volatile: evaluated for every existing row"
    return None


@register
class VolatileDefaultRewritesTable(Rule):
    """`ADD COLUMN` whose default is volatile (or a sequence, identity or stored generated column).

    Since PostgreSQL 11 a column added with a constant or *stable* default (`0`, `'queued'`, `now()`) is
    instant: the default is stored once in the catalog. A *volatile* default — `gen_random_uuid()`,
    `random()`, `clock_timestamp()`, `nextval()` (serial and identity columns) — must be evaluated for every
    existing row, so PostgreSQL rewrites the whole table and its indexes under `ACCESS EXCLUSIVE`. MariaDB
    and MySQL likewise cannot add such a column instantly and copy the table.

    Tables created earlier in the same file are exempt.

    **Anti-pattern**

    ```sql
    ALTER TABLE job_tasks ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid();
    ```

    **Best practice**

    ```sql
    ALTER TABLE job_tasks ADD COLUMN token uuid;
    ALTER TABLE job_tasks ALTER COLUMN token SET DEFAULT gen_random_uuid();
    -- backfill existing rows in batches, then add NOT NULL through a validated CHECK
    ```
    """

    code = "JS211"
    name = "migration.volatile_default_rewrites_table"
    title = "ADD COLUMN with a volatile default rewrites the table"
    rationale = "Every existing row needs its own value: the table is rewritten under an exclusive lock."
    target = "migration"
    fix = "Add the column without the default, SET DEFAULT separately, and backfill existing rows in batches."
    inspiration = "Squawk `adding-field-with-default`"

    def check(self, st, state, mf):
        if state.is_new(st.table):
            return
        for action in st.alter_actions():
            if isinstance(action, exp.ColumnDef):
                why = _rewrites(action, st.words(), mf.dialect)
                if why:
                    yield self.finding(f"{st.table}.{action.name}", f"adding {st.table}.{action.name} rewrites "
                                       f"the table: {why}", expected="no table rewrite", actual=st.summary,
                                       table=st.table, column=action.name)
