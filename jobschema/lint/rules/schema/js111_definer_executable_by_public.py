from __future__ import annotations

from ...registry import Rule, register
from ._security import definer_functions, grantees, supabase


@register
class DefinerExecutableByPublic(Rule):
    """SECURITY DEFINER function that PUBLIC or `anon` may execute.

    PostgreSQL grants EXECUTE on every new function to PUBLIC, and Supabase's default privileges grant it
    to `anon` and `authenticated` as well: a SECURITY DEFINER function is callable by anyone, signed in or
    not, with its owner's rights, unless the module revokes it. The campaign module's
    `refresh_job_metrics()` (a full refresh of a view over every organisation) was callable by `anon`.
    The rule reads the GRANT and REVOKE statements that follow the function in its file.

    **Anti-pattern**

    ```sql
    CREATE FUNCTION refresh_job_metrics() RETURNS void LANGUAGE plpgsql SECURITY DEFINER ...;
    ```

    **Best practice**

    ```sql
    CREATE FUNCTION refresh_job_metrics() RETURNS void LANGUAGE plpgsql SECURITY DEFINER ...;
    REVOKE ALL ON FUNCTION public.refresh_job_metrics() FROM PUBLIC, anon, authenticated;
    GRANT EXECUTE ON FUNCTION public.refresh_job_metrics() TO service_role;
    ```
    """

    code = "JS111"
    name = "schema.definer_executable_by_public"
    title = "SECURITY DEFINER function executable by PUBLIC or anon"
    rationale = "EXECUTE goes to PUBLIC by default (and to anon on Supabase): anyone runs it with the owner's rights."
    fix = "REVOKE ALL ON FUNCTION ... FROM PUBLIC (and anon on Supabase); GRANT EXECUTE to the roles that need it."
    target = "module"
    needs = ("security_definer",)
    inspiration = ("PostgreSQL docs, CREATE FUNCTION: Writing SECURITY DEFINER Functions Safely (revoke "
                   "PUBLIC's default EXECUTE)")

    def check(self, module, ctx):
        for f in definer_functions(module):
            who = grantees(module, "function", f.name, "EXECUTE") & {"public", "anon"}
            if not who:
                continue
            missing = "PUBLIC" if "public" in who else ""
            missing = ", ".join(x for x in (missing, "anon" if "anon" in who else "") if x)
            yield self.finding(f"{module.name}.{f.name}",
                               f"SECURITY DEFINER function {f.name} is executable by {missing}"
                               + (" (Supabase default privileges)" if supabase(module) and "anon" in who else ""),
                               ctx.location(f.origin), module=module.name,
                               expected=f"REVOKE ALL ON FUNCTION {f.name}(...) FROM {missing}",
                               actual=f"EXECUTE held by {missing}")
