from __future__ import annotations

from ....finding import Severity
from ...registry import Rule, register
from ._security import actions


@register
class MultiplePermissivePolicies(Rule):
    """Several permissive policies for one role and command.

    PostgreSQL evaluates every permissive policy that applies to a role and command and OR-s the results,
    so two of them cost two evaluations per row, and the effective rule is their union, which readers of
    either policy alone do not see. One policy per role and command (conditions joined with OR, or a
    RESTRICTIVE policy for what must always hold) is faster and says what it means. A policy for
    `public` applies to every role.

    **Anti-pattern**

    ```yaml
    policies:
      - {name: own_rows, using: "user_id = (SELECT auth.uid())"}
      - {name: team_rows, command: select, using: "team_id = (SELECT current_setting('app.team_id', true))"}
    ```

    **Best practice**

    ```yaml
    policies:
      - name: visible_rows
        command: select
        using: "user_id = (SELECT auth.uid()) OR team_id = (SELECT current_setting('app.team_id', true))"
    ```
    """

    code = "JS115"
    name = "schema.multiple_permissive_policies"
    title = "Several permissive policies for one role and command"
    rationale = "Permissive policies are OR-ed and each is evaluated per row: slower, and the union is easy to miss."
    fix = "Merge them into one policy per role and command (or make the extra conditions RESTRICTIVE)."
    severity = Severity.WARNING
    needs = ("rls",)
    inspiration = "Supabase database linter `multiple_permissive_policies`"

    def check(self, table, ctx):
        if not table.rls.enabled:
            return
        seen: dict[tuple[str, str], list] = {}
        permissive = [p for p in table.rls.policies if p.permissive]
        roles = sorted({r for p in permissive for r in p.roles})
        for role in roles:
            for action in ("select", "insert", "update", "delete"):
                hits = [p for p in permissive if action in actions(p) and (role in p.roles or "public" in p.roles)]
                if len(hits) > 1:
                    seen.setdefault(tuple(p.name for p in hits), []).append(f"{role} {action}")
        for names, pairs in sorted(seen.items()):
            first = next(p for p in permissive if p.name == names[0])
            yield self.finding(ctx.path(table, names[0]),
                               f"{table.name}: permissive policies {', '.join(names)} all apply to "
                               f"{'; '.join(pairs)}",
                               ctx.location(first.origin), module=ctx.module.name,
                               expected="one permissive policy per role and command", actual=", ".join(names))
