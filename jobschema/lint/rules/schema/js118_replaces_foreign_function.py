from __future__ import annotations

import sqlglot

from ...capable import SOURCE
from ...registry import Rule, register


def _replaces(sql: str, dialect: str) -> bool:
    """Whether a CREATE statement says OR REPLACE (read from sqlglot's tokens)."""
    try:
        words = [t.text.upper() for t in sqlglot.Dialect.get_or_raise(dialect or SOURCE).tokenize(sql)[:3]]
    except Exception:
        return False
    return words[:3] == ["CREATE", "OR", "REPLACE"]


@register
class ReplacesForeignFunction(Rule):
    """A function defined in a namespace the module does not own (another module's, or the platform's).

    The campaign module's prelude ran `CREATE OR REPLACE FUNCTION auth.uid()`: on Supabase `auth.uid()`
    belongs to the platform (and in jobschema to `supabase_compat`, which creates it only where it is
    absent). Replacing it from another module swaps the identity every row-level security policy relies
    on, silently, and the next platform upgrade or the owning module's next deploy swaps it back. A module
    defines functions in its own `namespace:` and the `schemas:` it declares; what it needs from another
    module it gets through `requires:`.

    **Anti-pattern**

    ```sql
    -- schema/campaign/functions/uid.postgres.sql
    CREATE OR REPLACE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT ... $$;
    ```

    **Best practice**

    ```yaml
    # schema/campaign/module.yaml
    requires: [supabase_compat]   # which creates auth.uid() only when it is absent
    ```
    """

    code = "JS118"
    name = "schema.replaces_foreign_function"
    title = "Function defined in a namespace another module or the platform owns"
    rationale = "Replacing another owner's function (auth.uid()) changes what every policy using it means."
    target = "module"
    fix = "Define it in the owning module (or require that module); never CREATE OR REPLACE it from here."
    inspiration = ("Supabase (the auth schema and auth.uid() belong to the platform; supabase_compat "
                   "creates auth.uid() only when absent)")
    catalog = False  # the catalog does not record which module or script created a function: not run by lint --dsn

    def check(self, module, ctx):
        own = {module.namespace.lower(), *(s.lower() for s in module.schemas)}
        owners = {}
        for other in ctx.project.modules:
            if other is not module:
                for ns in (other.namespace, *other.schemas):
                    owners.setdefault(ns.lower(), other.name)
        for f in module.functions:
            ns = (f.namespace or module.namespace).lower()
            if ns in own:
                continue
            owner = f"module {owners[ns]}" if ns in owners else "the platform or an extension, not this module"
            verb = "replaces" if _replaces(f.sql, f.dialect) else "defines"
            yield self.finding(f"{module.name}.{f.name}", f"{module.name} {verb} {ns}.{f.name}(), which belongs to "
                               f"{owner}", ctx.location(f.origin), module=module.name,
                               expected=f"a function in {', '.join(sorted(own))}", actual=f"{ns}.{f.name}")
