from __future__ import annotations

from sqlglot import exp

from ....names import NO_TRANSACTION
from ...migration import enum_value_added
from ...registry import Rule, register


def _missing_guard(st, state) -> str | None:
    """The statement's kind when it has an IF [NOT] EXISTS form it does not use, else None."""
    t = st.tree
    if t is None:
        w = st.words()
        added = enum_value_added(st)
        if added is not None and "EXISTS" not in w:
            return "ALTER TYPE ... ADD VALUE"
        return None
    if isinstance(t, exp.Create) and (t.kind or "").upper() in ("TABLE", "INDEX", "SCHEMA", "SEQUENCE"):
        if t.args.get("exists") or t.args.get("replace"):
            return None
        if isinstance(t.this, exp.Index) and t.this.name.lower() in state.dropped_indexes:
            return None  # DROP INDEX IF EXISTS first: the robust form for an index a failed run left INVALID
        return f"CREATE {t.kind.upper()}"
    if isinstance(t, exp.Drop) and (t.kind or "").upper() in ("TABLE", "INDEX", "VIEW", "SCHEMA", "SEQUENCE",
                                                                 "FUNCTION", "TYPE"):
        return None if t.args.get("exists") else f"DROP {t.kind.upper()}"
    for action in st.alter_actions():
        if isinstance(action, exp.ColumnDef) and not action.args.get("exists"):
            return "ADD COLUMN"
        if isinstance(action, exp.Drop) and not action.args.get("exists"):
            return f"DROP {(action.args.get('kind') or '').upper()}".strip()
    return None


@register
class NotIdempotent(Rule):
    """A statement without `IF [NOT] EXISTS` in a migration that does not run in one transaction.

    `jobschema migrate` runs a file in one transaction where it can: a failure rolls every statement
    back and the file can simply run again. A file marked `-- jobschema:no-transaction` (for
    `CREATE INDEX CONCURRENTLY` or an enum `ADD VALUE`) commits each statement on its own; when its third
    statement fails, the first two stay. `jobschema migrate` then records where it stopped and refuses
    until `jobschema migrate resolve` is told what happened; a person who resolves it `--rolled-back`
    without undoing every statement, or any runner that simply retries the file, runs the first two again,
    and without `IF [NOT] EXISTS` the retry fails at the first. Statements that have such a form should use
    it there, so a retry finishes the job. For an index built
    `CONCURRENTLY`, `DROP INDEX CONCURRENTLY IF EXISTS` before it also counts: it removes the INVALID index
    a failed build leaves, which `IF NOT EXISTS` would keep.

    Files that run in a transaction are not reported (a rollback makes every statement safe to repeat),
    nor are dialects whose DDL is never transactional: MySQL has most of these forms only in MariaDB.

    **Anti-pattern**

    ```sql
    -- jobschema:no-transaction
    CREATE INDEX CONCURRENTLY idx_jobs_status ON jobs (status);
    ```

    **Best practice**

    ```sql
    -- jobschema:no-transaction
    CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_jobs_status ON jobs (status);
    ```
    """

    code = "JS216"
    name = "migration.not_idempotent"
    title = "Statement without IF [NOT] EXISTS outside a transaction"
    rationale = "A retry of a file that failed halfway stops at the first statement that already ran."
    target = "migration"
    fix = f"Use IF [NOT] EXISTS in files marked '-- {NO_TRANSACTION}'."
    inspiration = "Squawk `prefer-robust-stmts`"
    needs = ("transactional_ddl",)

    def check(self, st, state, mf):
        if mf.transactional or state.in_block:
            return
        kind = _missing_guard(st, state)
        if kind:
            yield self.finding(st.table or mf.path, f"{kind} without IF [NOT] EXISTS in a file that runs "
                               "outside a transaction: a retry after a failure stops here",
                               expected="IF [NOT] EXISTS", actual=st.summary, table=st.table)
