from __future__ import annotations

from dataclasses import replace

from ....finding import Severity
from ...registry import Rule, register


@register
class FailsOnLiveRows(Rule):
    """A constraint or NOT NULL that live rows violate: the migration would fail there (`lint --dsn`).

    Only with `jobschema lint --dsn DSN MIGRATION.sql`: each CHECK, FOREIGN KEY, PRIMARY KEY, UNIQUE,
    `SET NOT NULL` and `ADD COLUMN ... NOT NULL` without a default that the file adds is counted against
    the rows in the database, as are the labels a MySQL `MODIFY ... ENUM(...)` drops — the same counts
    `jobschema audit` makes, in its read-only session — and the number of rows that would make the
    statement fail is reported *before* the migration runs. A constraint added `NOT VALID` is counted at
    its `VALIDATE CONSTRAINT`. Value rewrites earlier in the
    file (`UPDATE t SET status = 'queued' WHERE status = 'pending'`) count as done; a constraint on a
    column the file rewrites in another way is not counted. This is seed 001's incident: its fix added a
    CHECK that the live `pending` and `running` rows violated, and failed on exactly the databases that
    needed it.

    **Anti-pattern**

    ```sql
    -- batch_jobs holds rows with status 'pending'
    ALTER TABLE batch_jobs ADD CONSTRAINT batch_jobs_status_check CHECK (status IN ('queued', 'processing'));
    ```

    **Best practice**

    ```sql
    UPDATE batch_jobs SET status = 'queued' WHERE status = 'pending';
    ALTER TABLE batch_jobs ADD CONSTRAINT batch_jobs_status_check CHECK (status IN ('queued', 'processing'));
    ```
    """

    code = "JS220"
    name = "migration.fails_on_live_rows"
    title = "Constraint that live rows violate (lint --dsn)"
    rationale = "The statement fails on the rows already in the table, after the statements before it ran."
    target = "migration"
    fix = "Rewrite or remove the violating rows earlier in the migration, or add the constraint NOT VALID."
    inspiration = "seed 001 (its CHECK failed on the live rows it was meant to fix); Atlas `datadepend`"

    def check(self, st, state, mf):
        rows = state.rows
        if rows is None:
            return
        for line, count in rows.counts(st, state):
            if count.rows is None:  # never a silent pass: say the rows could not be counted
                yield replace(self.finding(count.table or mf.path, f"{count.what} at line {line} could not be "
                                           f"checked against the live rows: {count.error}",
                                           expected="a row count", actual=count.error, table=count.table),
                              severity=Severity.INFO)
                continue
            if count.rows == 0:
                continue
            shown = ", ".join(f"{v!r} ({n})" for v, n in count.values[:5])
            yield self.finding(count.table or mf.path,
                               f"{count.rows} live row(s) of {count.table} violate {count.what}: the statement "
                               f"at line {line} would fail" + (f"; values {shown}" if shown else ""),
                               expected="0 violating rows", actual=f"{count.rows} rows", table=count.table,
                               rows=count.rows)
