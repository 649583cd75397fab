from __future__ import annotations

from ...registry import Rule, register


@register
class PolicyWithoutRls(Rule):
    """Policies on a table whose row-level security is off.

    `CREATE POLICY` succeeds on any table, but PostgreSQL evaluates policies only once
    `ALTER TABLE ... ENABLE ROW LEVEL SECURITY` has run. Policies without it read like isolation and
    enforce nothing: every role with SELECT sees every row.

    **Anti-pattern**

    ```yaml
    rls:
      enabled: false
      policies:
        - {name: tenant_isolation, using: "tenant_id = (SELECT current_setting('app.tenant_id', true))"}
    ```

    **Best practice**

    ```yaml
    rls:
      enabled: true
      policies:
        - {name: tenant_isolation, using: "tenant_id = (SELECT current_setting('app.tenant_id', true))"}
    ```
    """

    code = "JS113"
    name = "schema.policy_without_rls"
    title = "Policies on a table without row-level security"
    rationale = "Policies are ignored until RLS is enabled: the table looks isolated and is not."
    fix = "Set rls.enabled: true (or remove the policies if the table is meant to be open)."
    needs = ("rls",)
    inspiration = "Supabase database linter `policy_exists_rls_disabled`"

    def check(self, table, ctx):
        if table.rls.policies and not table.rls.enabled:
            names = ", ".join(p.name for p in table.rls.policies)
            yield self.finding(ctx.path(table), f"{table.name} has policies ({names}) but row-level security is off",
                               ctx.location(table.rls.policies[0].origin or table.origin), module=ctx.module.name,
                               expected="rls.enabled: true", actual="RLS disabled")
