from __future__ import annotations

from ....finding import Severity
from ...registry import Rule, register
from ._security import parse_policy, per_row_calls


@register
class PerRowAuthCall(Rule):
    """`auth.uid()` or `current_setting()` evaluated once per row in a policy.

    These calls return the same value for every row of a statement, but in a policy PostgreSQL calls them
    for each row it scans. Wrapped in a scalar subquery, `(SELECT auth.uid())`, the planner evaluates
    them once (an initPlan) and can use an index on the compared column; Supabase measured large speed-ups
    on big tables. The wrapped form means the same thing.

    **Anti-pattern**

    ```yaml
    using: "org_id = auth.uid()"
    ```

    **Best practice**

    ```yaml
    using: "org_id = (SELECT auth.uid())"
    ```
    """

    code = "JS117"
    name = "schema.per_row_auth_call"
    title = "auth.uid()/current_setting() evaluated per row in a policy"
    rationale = "Called for every scanned row instead of once per statement; wrapping in (SELECT ...) fixes it."
    fix = "Write (SELECT auth.uid()) / (SELECT current_setting('...', true)) in the policy."
    severity = Severity.WARNING
    needs = ("rls",)
    inspiration = "Supabase database linter `auth_rls_initplan`"

    def check(self, table, ctx):
        for p in table.rls.policies:
            calls = []
            for sql in (p.using, p.with_check):
                tree = parse_policy(sql)
                if tree is not None:
                    calls += [c for c in per_row_calls(tree) if c not in calls]
            if calls:
                yield self.finding(ctx.path(table, p.name),
                                   f"policy {p.name} on {table.name} calls {', '.join(calls)} for every row",
                                   ctx.location(p.origin), module=ctx.module.name,
                                   expected=", ".join(f"(SELECT {c})" for c in calls), actual=", ".join(calls))
