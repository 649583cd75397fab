from __future__ import annotations

from ...registry import Rule, register
from ._security import always_true, parse_policy

TRUSTED = {"service_role", "postgres", "supabase_admin"}


@register
class AlwaysTruePolicy(Rule):
    """Permissive policy whose USING or WITH CHECK is always true.

    Permissive policies are OR-ed together: one that admits every row (`true`, `1 = 1`, `id = id`)
    makes every other policy for the same role and command irrelevant. It is usually a placeholder left
    from development or an "allow all" meant for a service role but granted to PUBLIC. Policies limited
    to trusted roles (`service_role`, `postgres`) are not reported.

    **Anti-pattern**

    ```yaml
    policies:
      - {name: allow_all, using: "true", with_check: "true"}
    ```

    **Best practice**

    ```yaml
    policies:
      - {name: own_rows, using: "user_id = (SELECT auth.uid())"}
      - {name: service, roles: [service_role], using: "true"}
    ```
    """

    code = "JS114"
    name = "schema.always_true_policy"
    title = "Permissive policy that is always true"
    rationale = "Permissive policies are OR-ed: one always-true policy opens the table to its roles."
    fix = "Write the real condition, or restrict the policy to a trusted role (roles: [service_role])."
    needs = ("rls",)
    inspiration = "PostgreSQL docs, Row Security Policies (permissive policies are combined with OR)"

    def check(self, table, ctx):
        for p in table.rls.policies:
            if not p.permissive or set(p.roles) <= TRUSTED:
                continue
            for label, sql in (("USING", p.using), ("WITH CHECK", p.with_check)):
                if sql is not None and always_true(parse_policy(sql)):
                    yield self.finding(ctx.path(table, p.name),
                                       f"policy {p.name} on {table.name}: {label} ({sql.text}) admits every row",
                                       ctx.location(p.origin), module=ctx.module.name,
                                       expected="a condition on the row", actual=f"{label} ({sql.text})")
                    break
