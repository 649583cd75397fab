from __future__ import annotations

from ....finding import Severity
from ...registry import Rule, register
from ._util import keys


@register
class RedundantIndex(Rule):
    """Index whose columns are a prefix of another index or key.

    A B-tree on `(a, b)` already serves every lookup on `a`, so a separate index on `(a)` only costs:
    each `INSERT`/`UPDATE` of a queue row maintains both, vacuum and the buffer cache carry both. The rule
    reports a plain (non-unique, non-partial) B-tree index whose key columns are the leading columns of
    another B-tree index, primary key or unique key without a predicate. Unique and partial indexes are
    not reported: they enforce or select something the wider index does not.

    **Anti-pattern**

    ```yaml
    indexes:
      - {name: idx_jobs_tenant, columns: [tenant_id]}
      - {name: idx_jobs_tenant_status, columns: [tenant_id, status]}
    ```

    **Best practice**

    ```yaml
    indexes:
      - {name: idx_jobs_tenant_status, columns: [tenant_id, status]}
    ```
    """

    code = "JS107"
    name = "schema.redundant_index"
    title = "Index that is a prefix of another index"
    rationale = "The wider index serves the same lookups; the narrow one only slows writes."
    fix = "Drop the narrower index."
    inspiration = "Supabase database linter `duplicate_index`"
    severity = Severity.WARNING

    def check(self, table, ctx):
        all_keys = keys(table)
        for i, a in enumerate(all_keys):
            if a.kind != "index" or a.unique or a.partial or a.method != "btree":
                continue
            ix = a.index
            if ix is not None and (ix.include or any(p.descending or p.opclass for p in ix.parts)):
                continue
            for j, b in enumerate(all_keys):
                if i == j or b.partial or b.method != "btree" or len(b.parts) < len(a.parts):
                    continue
                if b.parts[:len(a.parts)] != a.parts:
                    continue
                if len(b.parts) == len(a.parts) and b.kind == "index" and not b.unique and j > i:
                    continue  # exact duplicates: report the later one only
                what = "duplicates" if len(b.parts) == len(a.parts) else "is a prefix of"
                yield self.finding(ctx.path(table, a.name),
                                   f"index {a.name} ({', '.join(a.parts)}) {what} {b.kind} {b.name} "
                                   f"({', '.join(b.parts)})", ctx.location(a.origin), module=ctx.module.name,
                                   expected="no redundant index", actual=a.name)
                break
