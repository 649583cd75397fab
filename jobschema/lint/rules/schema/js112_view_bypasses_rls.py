from __future__ import annotations

from ...capable import having
from ...registry import Rule, register
from ._security import API_ROLES, grantees, query_tables


@register
class ViewBypassesRls(Rule):
    """Materialized view, or view with its owner's rights, over RLS tables that non-owners can read.

    A materialized view stores rows and has no row-level security of its own; a view without
    `security_invoker` reads its tables with the *owner's* rights, so their policies do not apply to
    the caller either. Either one over a table with RLS turns every policy on that table into a no-op
    for whoever may SELECT from the view. PostgreSQL grants nothing on a new view, but Supabase's default
    privileges grant SELECT to `anon` and `authenticated`: the campaign module's `job_metrics` showed
    every organisation's metrics to any user. The rule reads the GRANT and REVOKE statements that follow
    the view in its file.

    **Anti-pattern**

    ```sql
    CREATE MATERIALIZED VIEW job_metrics AS SELECT j.org_id, ... FROM jobs j ...;
    ```

    **Best practice**

    ```sql
    CREATE MATERIALIZED VIEW job_metrics AS SELECT j.org_id, ... FROM jobs j ...;
    REVOKE ALL ON job_metrics FROM PUBLIC, anon, authenticated;
    -- and read it through a SECURITY DEFINER function that checks the caller's organisation
    ```

    For a plain view, `WITH (security_invoker = true)` (PostgreSQL 15) applies the caller's policies.
    """

    code = "JS112"
    name = "schema.view_bypasses_rls"
    title = "Materialized or owner-rights view over RLS tables readable by non-owners"
    rationale = "The view reads the tables as its owner (or stores their rows): their row-level security is bypassed."
    fix = ("REVOKE SELECT from PUBLIC/anon/authenticated (expose it through a checking function), "
           "or use security_invoker.")
    target = "module"
    needs = ("rls",)
    inspiration = "Supabase database linter `materialized_view_in_api` and `security_definer_view`"

    def check(self, module, ctx):
        protected = {t.name.lower() for t in module.tables if t.rls.enabled}
        rls = having("rls", module.dialects)
        if not protected or not rls:
            return
        for v in module.views:
            query = v.definition(rls[0])
            if query is None or not (v.materialized or not v.security_invoker):
                continue
            read = sorted(query_tables(query) & protected)
            if not read:
                continue
            who = grantees(module, "table", v.name, "SELECT") & ({"public"} | API_ROLES)
            if not who:
                continue
            kind = "materialized view" if v.materialized else "view with owner's rights"
            roles = ", ".join("PUBLIC" if r == "public" else r for r in sorted(who))
            yield self.finding(f"{module.name}.{v.name}",
                               f"{kind} {v.name} reads RLS tables ({', '.join(read)}) and {roles} may select from it",
                               ctx.location(v.origin), module=module.name,
                               expected=f"REVOKE ALL ON {v.name} FROM {roles}", actual=f"SELECT held by {roles}")
