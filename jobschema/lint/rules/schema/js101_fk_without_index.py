from __future__ import annotations

from ...registry import Rule, register
from ._util import keys


@register
class FkWithoutIndex(Rule):
    """Foreign key without an index that starts with its columns.

    PostgreSQL indexes the *referenced* side of a foreign key (it must be a primary or unique key) but not
    the referencing columns. Every `DELETE` or key `UPDATE` on the parent then scans the child table to
    find dependent rows, under a lock, and `ON DELETE CASCADE` becomes a sequential scan per parent row.
    Joins from parent to children have the same problem. MySQL/InnoDB creates such an index silently;
    declaring it keeps both dialects the same. A module only for dialects that create the index themselves
    (`dialects: [mysql]`, as `inspect` writes for a MySQL database) is not flagged: there the index exists.

    An index *covers* the key when its leading columns are exactly the key's columns (in any order) and
    it has no `WHERE` predicate. The primary key and unique keys count.

    **Anti-pattern**

    ```yaml
    foreign_keys:
      - {columns: [job_id], references: jobs(id), on_delete: cascade}
    # no index whose first column is job_id
    ```

    **Best practice**

    ```yaml
    indexes:
      - {name: idx_job_tasks_job_id, columns: [job_id]}
    ```
    """

    code = "JS101"
    name = "schema.fk_without_index"
    title = "Foreign key without a covering index"
    rationale = "Deleting or updating a parent row scans the child table to find referencing rows."
    fix = "Add an index whose leading columns are the foreign key's columns."
    lacks = ("foreign_key_index",)
    inspiration = "Supabase database linter `unindexed_foreign_keys`"

    def check(self, table, ctx):
        if not set(self.reads()) & set(ctx.module.dialects):
            return  # every dialect of the module indexes a foreign key itself
        cands = [k for k in keys(table) if not k.partial and k.method == "btree"]
        for fk in table.foreign_keys:
            want = set(fk.columns)
            if any(set(k.parts[:len(want)]) == want for k in cands):
                continue
            cols = ", ".join(fk.columns)
            yield self.finding(
                ctx.path(table, fk.name),
                f"foreign key {fk.name} ({cols}) -> {fk.ref_table} has no index starting with {cols}",
                ctx.location(fk.origin), module=ctx.module.name, expected=f"an index on ({cols})",
                actual="no covering index")
