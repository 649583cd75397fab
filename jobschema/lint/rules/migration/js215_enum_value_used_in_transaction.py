from __future__ import annotations

from ...migration import enum_value_added
from ...registry import Rule, register


@register
class EnumValueUsedInTransaction(Rule):
    """An enum label used in the transaction that added it with `ALTER TYPE ... ADD VALUE`.

    PostgreSQL does not let a transaction use an enum value it added itself ("unsafe use of new value"):
    the `UPDATE` or `CHECK` that writes the new label fails, and the whole file rolls back. (Before
    PostgreSQL 12 `ADD VALUE` could not run in a transaction block at all.) Add the value in a file marked
    `-- jobschema:no-transaction`, or in an earlier migration, and use it after that commits. Types created
    earlier in the same file are exempt.

    **Anti-pattern**

    ```sql
    ALTER TYPE job_status ADD VALUE 'paused';
    UPDATE jobs SET status = 'paused' WHERE status = 'held';
    ```

    **Best practice**

    ```sql
    -- 0007_add_paused.sql
    -- jobschema:no-transaction
    ALTER TYPE job_status ADD VALUE IF NOT EXISTS 'paused';
    -- 0008_use_paused.sql
    UPDATE jobs SET status = 'paused' WHERE status = 'held';
    ```
    """

    code = "JS215"
    name = "migration.enum_value_used_in_transaction"
    title = "Enum value used in the transaction that added it"
    rationale = "PostgreSQL refuses a new enum label until the transaction that added it commits."
    target = "migration"
    fix = "Add the value in an earlier file (or one marked no-transaction) and use it afterwards."
    inspiration = "PostgreSQL docs, ALTER TYPE (a value added by ADD VALUE cannot be used in its transaction)"

    def check(self, st, state, mf):
        if not mf.transactional or not state.added_labels or enum_value_added(st) is not None:
            return
        strings = {w[1:-1] for w in st.words() if w.startswith("'")}
        for label in sorted(strings & set(state.added_labels)):
            typ, line = state.added_labels[label]
            if typ.rsplit(".", 1)[-1] in state.created_types:
                continue
            yield self.finding(typ, f"'{label}' is used here but was added to {typ} at line {line} in the same "
                               "transaction", expected="the label used after the ADD VALUE commits",
                               actual=st.summary, label=label, added_line=line)
