from __future__ import annotations

from ...capable import having
from ...registry import Rule, register

TENANT_COLUMNS = ("tenant_id", "org_id", "organization_id", "organisation_id", "workspace_id")


@register
class TenantWithoutRls(Rule):
    """Table with a tenant or organisation column but no row-level security.

    A `tenant_id` / `org_id` / `organization_id` / `workspace_id` column says that rows belong to
    tenants. Without row-level security every query must remember its own `WHERE tenant_id = ...`; one
    forgotten filter (or one Supabase client with the anon key) shows every tenant's jobs. Enabling RLS
    with a policy makes isolation a property of the table. Applies to modules generated for a dialect
    with row-level security (PostgreSQL).

    **Anti-pattern**

    ```yaml
    columns:
      - {name: tenant_id, type: text, nullable: false}
    # no rls:
    ```

    **Best practice**

    ```yaml
    rls:
      enabled: true
      policies:
        - name: tenant_isolation
          using: "tenant_id = current_setting('app.tenant_id', true)"
    ```

    A table that is itself the tenant registry, or is read only by a trusted service, suppresses the rule
    with a reason.
    """

    code = "JS105"
    name = "schema.tenant_without_rls"
    title = "Tenant/org column without row-level security"
    rationale = "Isolation that depends on every query remembering a WHERE clause leaks sooner or later."
    fix = "Enable rls with a policy on the tenant column, or suppress with the reason isolation is not needed."
    needs = ("rls",)
    inspiration = "Supabase database linter `rls_disabled_in_public`"

    def check(self, table, ctx):
        if not having("rls", ctx.module.dialects) or table.rls.enabled:
            return
        for col in table.columns:
            if col.name.lower() in TENANT_COLUMNS:
                yield self.finding(ctx.path(table, col.name),
                                   f"{table.name} has tenant column {col.name} but row-level security is off",
                                   ctx.location(col.origin), module=ctx.module.name,
                                   expected="rls.enabled with a policy", actual="no RLS")
                return
