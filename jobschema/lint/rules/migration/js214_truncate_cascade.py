from __future__ import annotations

from sqlglot import exp

from ...registry import Rule, register


@register
class TruncateCascade(Rule):
    """`TRUNCATE ... CASCADE`.

    `CASCADE` also empties every table that references the truncated one by a foreign key — and every table
    referencing those, recursively — including tables added later by other modules. Which rows go depends
    on the schema at the moment it runs, not on what the author saw. Name every table to empty instead.

    **Anti-pattern**

    ```sql
    TRUNCATE batch_jobs CASCADE;
    ```

    **Best practice**

    ```sql
    TRUNCATE batch_items, batch_jobs;
    ```
    """

    code = "JS214"
    name = "migration.truncate_cascade"
    title = "TRUNCATE ... CASCADE"
    rationale = "It empties every table that references the truncated ones, recursively, whatever they are."
    target = "migration"
    fix = "List every table to empty in the TRUNCATE, without CASCADE."
    inspiration = "Squawk `ban-truncate-cascade`"

    def check(self, st, state, mf):
        t = st.tree
        if isinstance(t, exp.TruncateTable) and str(t.args.get("option") or "").upper() == "CASCADE":
            names = ", ".join(tab.name.lower() for tab in t.expressions if tab.name)
            yield self.finding(names or mf.path, f"TRUNCATE {names} CASCADE also empties every table that "
                               "references them", expected="TRUNCATE of named tables", actual=st.summary)
