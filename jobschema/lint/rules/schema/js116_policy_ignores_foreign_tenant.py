from __future__ import annotations

from ...registry import Rule, register
from ._security import policy_text, ties, write_check
from .js105_tenant_without_rls import TENANT_COLUMNS


@register
class PolicyIgnoresForeignTenant(Rule):
    """Tenant-scoped table whose policy lets a row point at another tenant's rows.

    A foreign-key check ignores row-level security: it sees every row of the referenced table. A policy
    that checks only the row's own `org_id` therefore lets a user of org B insert a row that carries
    org A's `job_id`; triggers then update A's counters and A's queries list B's row. In the campaign
    module, `kanban_cards` and `agent_runs` allowed exactly this, while `job_tasks` was right (its policy
    checks the job with EXISTS). The rule looks at tables with a tenant column (`org_id`, `tenant_id`, ...)
    and their foreign keys to tables that have row-level security: each permissive policy that lets rows
    in (ALL, INSERT, UPDATE) must check the key against the referenced table in a subquery, unless the
    key itself includes the tenant column.

    **Anti-pattern**

    ```yaml
    policies:
      - {name: org_isolation, using: "org_id = (SELECT auth.uid())", with_check: "org_id = (SELECT auth.uid())"}
    ```

    **Best practice**

    ```yaml
    with_check: >-
      org_id = (SELECT auth.uid()) AND (job_id IS NULL OR EXISTS (SELECT 1 FROM jobs j
      WHERE j.id = kanban_cards.job_id AND j.org_id = (SELECT auth.uid())))
    ```
    """

    code = "JS116"
    name = "schema.policy_ignores_foreign_tenant"
    title = "Tenant policy does not tie a foreign key to the tenant"
    rationale = "Foreign-key checks ignore RLS: a row of tenant B can reference, and change, tenant A's rows."
    fix = ("Check the key in the policy (EXISTS on the referenced table for the caller's tenant), "
           "or key it with the tenant column.")
    needs = ("rls",)
    inspiration = "PostgreSQL docs, Row Security Policies (referential integrity checks bypass row security)"

    def check(self, table, ctx):
        if not table.rls.enabled or not table.rls.policies:
            return
        tenant = {c.name.lower() for c in table.columns if c.name.lower() in TENANT_COLUMNS}
        if not tenant:
            return
        protected = {t.name.lower() for t in ctx.module.tables if t.rls.enabled}
        writers = [p for p in table.rls.policies if p.permissive and p.command in ("all", "insert", "update")]
        for fk in table.foreign_keys:
            if fk.ref_table.lower() not in protected or tenant & {c.lower() for c in fk.columns}:
                continue
            for col in fk.columns:
                loose = [p for p in writers if not ties(write_check(p), col, fk.ref_table)]
                if not loose:
                    continue
                p = loose[0]
                yield self.finding(ctx.path(table, p.name),
                                   f"policy {p.name} on {table.name} lets {col} reference another tenant's "
                                   f"{fk.ref_table} rows", ctx.location(p.origin), module=ctx.module.name,
                                   expected=f"EXISTS (SELECT 1 FROM {fk.ref_table} ... {col} ... tenant)",
                                   actual=policy_text(p.with_check or p.using) or "no check")
