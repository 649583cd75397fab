from __future__ import annotations

from ...registry import Rule, register
from ._security import definer_functions


def _path(value: str) -> list[str]:
    return [p.strip().strip('"').strip("'").lower() for p in value.split(",")]


@register
class DefinerSearchPath(Rule):
    """SECURITY DEFINER function whose search path does not put `pg_temp` last.

    A SECURITY DEFINER function runs with its owner's rights, so every unqualified name in its body is a
    trust decision. PostgreSQL searches the session's temporary schema `pg_temp` **first** for tables and
    views unless the search path names it explicitly, and any caller may create temporary tables. With
    `SET search_path = public`, a caller creates `TEMP TABLE jobs` holding another tenant's job id under
    their own tenant, and the function's ownership check reads the fake row: the campaign module's
    `get_job_cards` returned another organisation's cards and `cancel_job` skipped its tasks this way.
    The common "search path is set" check misses it; PostgreSQL's documentation on writing SECURITY
    DEFINER functions safely asks for `pg_temp` last.

    **Anti-pattern**

    ```sql
    CREATE FUNCTION cancel_job(p_job_id uuid) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public AS $$ ... $$;
    ```

    **Best practice**

    ```sql
    CREATE FUNCTION cancel_job(p_job_id uuid) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp AS $$ ... $$;
    ```

    An empty search path (`SET search_path = ''`) with every name schema-qualified is also accepted.
    """

    code = "JS110"
    name = "schema.definer_search_path"
    title = "SECURITY DEFINER function without pg_temp last on its search path"
    rationale = "pg_temp is searched first for tables unless listed: any caller can shadow the tables it reads."
    fix = "Add SET search_path = pg_catalog, public, pg_temp (or an empty search path and qualified names)."
    target = "module"
    needs = ("security_definer",)
    inspiration = ("Supabase database linter `function_search_path_mutable`; PostgreSQL docs, CREATE FUNCTION: "
                   "Writing SECURITY DEFINER Functions Safely (pg_temp last)")

    def check(self, module, ctx):
        for f in definer_functions(module):
            path = _path(f.search_path) if f.search_path is not None else None
            if path is not None and (path == [""] or path[-1] == "pg_temp"):
                continue
            actual = "no SET search_path" if path is None else f"search_path = {f.search_path}"
            yield self.finding(f"{module.name}.{f.name}",
                               f"SECURITY DEFINER function {f.name} searches pg_temp first ({actual})",
                               ctx.location(f.origin), module=module.name,
                               expected="SET search_path = pg_catalog, public, pg_temp", actual=actual)
