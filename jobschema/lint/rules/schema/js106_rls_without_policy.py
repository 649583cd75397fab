from __future__ import annotations

from ...registry import Rule, register


@register
class RlsWithoutPolicy(Rule):
    """Row-level security enabled with no policy.

    With RLS enabled and no policy, PostgreSQL denies every row to every role that does not own the table
    or bypass RLS: the application sees empty tables and its inserts fail, while the owner (and so most
    tests) still sees everything. It is almost always a policy that was forgotten or lives outside the
    schema.

    **Anti-pattern**

    ```yaml
    rls: {enabled: true}
    ```

    **Best practice**

    ```yaml
    rls:
      enabled: true
      policies:
        - {name: owner_access, using: "user_id = auth.uid()"}
    ```
    """

    code = "JS106"
    name = "schema.rls_without_policy"
    title = "Row-level security enabled with no policy"
    rationale = "RLS without a policy denies all rows to everyone but the owner; the app sees nothing."
    fix = "Add the policies under rls.policies (or disable RLS if the table is service-only)."
    needs = ("rls",)
    inspiration = "Supabase database linter `rls_enabled_no_policy`"

    def check(self, table, ctx):
        if table.rls.enabled and not table.rls.policies:
            yield self.finding(ctx.path(table), f"{table.name} enables row-level security but defines no policy",
                               ctx.location(table.origin), module=ctx.module.name,
                               expected="at least one policy", actual="none")
