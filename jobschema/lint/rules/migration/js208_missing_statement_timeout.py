from __future__ import annotations

from ....finding import Severity
from ...registry import Rule, register
from ._ddl import locks_existing, settings


@register
class MissingStatementTimeout(Rule):
    """DDL that locks an existing table with no statement timeout set earlier in the file.

    A lock timeout bounds how long DDL *waits* for its lock; a statement timeout bounds how long it *holds*
    it. A statement that rewrites or scans the table under `ACCESS EXCLUSIVE` (a type change, a validated
    constraint, `SET NOT NULL`) blocks everything for as long as it runs.

    Default severity `info`: jobschema's own fix migrations set only the lock timeout, because their long
    statements (`VALIDATE CONSTRAINT`, backfills in batches) run under locks that let reads and writes
    continue, and a statement timeout would abort them halfway on a large table. Teams that follow Squawk's
    stricter `require-timeout-settings` raise it: `severity = {JS208 = "error"}`.

    PostgreSQL: `SET statement_timeout`; MariaDB `max_statement_time`, MySQL `max_execution_time`
    (which bounds only SELECT). Reported once per file; tables created in the same file are exempt.

    **Anti-pattern**

    ```sql
    SET lock_timeout = '5s';
    ALTER TABLE job_tasks ALTER COLUMN attempt SET NOT NULL;
    ```

    **Best practice**

    ```sql
    SET lock_timeout = '5s';
    SET statement_timeout = '30s';
    ALTER TABLE job_tasks ALTER COLUMN attempt SET NOT NULL;
    ```
    """

    code = "JS208"
    name = "migration.missing_statement_timeout"
    title = "Locking DDL without a statement timeout"
    rationale = "Nothing bounds how long the statement holds its lock."
    target = "migration"
    fix = "SET statement_timeout (MariaDB max_statement_time) before the DDL, sized for the table."
    inspiration = "Squawk `require-timeout-settings` (the statement_timeout half)"
    severity = Severity.INFO
    needs = ("statement_timeout_settings",)

    def check(self, st, state, mf):
        names = settings(mf.dialect, "statement")
        what = locks_existing(st, state)
        if what is None or state.has_setting(names) or not state.once(self.code):
            return
        yield self.finding(st.table or mf.path, f"{what} runs without a statement timeout",
                           expected=f"SET {names[0]} before line {st.line}", actual="no statement timeout",
                           table=st.table)
