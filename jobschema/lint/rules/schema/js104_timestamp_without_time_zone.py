from __future__ import annotations

from ...registry import Rule, register
from ._util import base_type


@register
class TimestampWithoutTimeZone(Rule):
    """Timestamp without time zone.

    `timestamp` stores a wall-clock reading with no zone: the same instant written by two sessions with
    different `TimeZone` settings is stored as two different values, and comparisons with `now()` (a
    `timestamptz`) depend on the session. Job tables compare timestamps constantly (expiry, retries,
    ordering), so they should store instants: `timestamptz`. On MySQL jobschema renders `timestamptz`
    as `DATETIME(6)` holding UTC.

    **Anti-pattern**

    ```yaml
    - {name: expires_at, type: timestamp}
    ```

    **Best practice**

    ```yaml
    - {name: expires_at, type: timestamptz}
    ```
    """

    code = "JS104"
    name = "schema.timestamp_without_time_zone"
    title = "Timestamp without time zone"
    rationale = "A timestamp without zone depends on the writer's session time zone; instants become ambiguous."
    fix = "Use timestamptz."
    needs = ("zoned_timestamps",)
    inspiration = "Squawk `prefer-timestamptz`"

    def check(self, table, ctx):
        for col in table.columns:
            if base_type(col.type) == "timestamp":
                yield self.finding(ctx.path(table, col.name),
                                   f"{table.name}.{col.name} is {col.type} (without time zone)",
                                   ctx.location(col.origin), module=ctx.module.name,
                                   expected="timestamptz", actual=col.type)
