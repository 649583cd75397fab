from __future__ import annotations

import re

from ....model.types import parse_type
from ...registry import Rule, register
from ._util import TEXT_TYPES, columns_of

STATUS_NAME = re.compile(r"^(status|state|stage|phase)$|_(status|state)$", re.IGNORECASE)


@register
class StatusWithoutConstraint(Rule):
    """Status-like text column without an enum or CHECK.

    A column named `status`, `state`, `stage`, `phase` or `*_status` / `*_state` drives a state machine:
    workers select on it and code branches on it. As free text it accepts any typo (`'queud'`), and the
    set of values the code expects drifts from the set the database holds — the failure seed 001 documents
    (`'queued'` rejected by a CHECK that still listed `'pending'`). Declaring the values makes the schema
    the one place they are written down, and lets `audit` compare them with the live CHECK.

    **Anti-pattern**

    ```yaml
    - {name: status, type: text, nullable: false}
    ```

    **Best practice**

    ```yaml
    - name: status
      type: text
      nullable: false
      enum: [queued, processing, completed, failed]
    ```

    A table CHECK that mentions the column also satisfies the rule.

    Only declare values that are known. When nothing documents them, do not invent a list to satisfy
    this rule: suppress it with that reason (`lint: {ignore: [JS103], reason: ...}`). A list stricter than
    the live data is its own failure — the fix is refused, or fails, on the rows the list forgot. That is
    caught where the rows are: `jobschema audit` counts them (JS380) and `jobschema lint --dsn` counts them
    for a migration that adds the constraint (JS220).
    """

    code = "JS103"
    name = "schema.status_without_constraint"
    title = "Status-like text column without an enum or CHECK"
    rationale = "Free-text state columns accept any value; the code's values and the data drift apart."
    fix = "Give the column enum: [...] (or a CHECK listing its values); if no one knows them, suppress saying so."
    inspiration = "seed 001 (a status CHECK that drifted from the values the code writes)"

    def check(self, table, ctx):
        checked: set[str] = set()
        for ck in table.checks:
            checked |= columns_of(ck.expression)
        for col in table.columns:
            if not STATUS_NAME.search(col.name) or col.enum is not None or col.name.lower() in checked:
                continue
            try:
                t = parse_type(col.type)
            except Exception:
                continue
            if t.base not in TEXT_TYPES or t.array_dims:
                continue
            yield self.finding(ctx.path(table, col.name),
                               f"{table.name}.{col.name} is a status-like {col.type} column with no enum or CHECK",
                               ctx.location(col.origin), module=ctx.module.name,
                               expected="enum: [...] or a CHECK", actual="any text")
