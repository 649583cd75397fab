from __future__ import annotations

from ...registry import Rule, register
from ._ddl import locks_existing, settings


@register
class MissingLockTimeout(Rule):
    """DDL that locks an existing table with no lock timeout set earlier in the file.

    `ALTER TABLE` needs an `ACCESS EXCLUSIVE` lock (a plain `CREATE INDEX` a `SHARE` lock). While it
    waits for a long transaction to finish, every later query on the table queues behind it — the
    workers polling a job queue stop, although the DDL itself would take milliseconds. A lock timeout
    makes the migration fail fast instead, to be retried, rather than take the application down with it.

    PostgreSQL: `SET lock_timeout`; MySQL/MariaDB: `SET SESSION lock_wait_timeout` (metadata locks).
    A timeout of `0` means none. Reported once per file, at the first statement that needs it; tables
    created earlier in the same file are exempt. `jobschema audit --write-migration` starts every fix with
    this setting.

    **Anti-pattern**

    ```sql
    ALTER TABLE batch_jobs ADD COLUMN priority integer;
    ```

    **Best practice**

    ```sql
    SET lock_timeout = '5s';
    ALTER TABLE batch_jobs ADD COLUMN priority integer;
    ```
    """

    code = "JS207"
    name = "migration.missing_lock_timeout"
    title = "Locking DDL without a lock timeout"
    rationale = "DDL waiting for its lock queues every later query on the table behind it."
    target = "migration"
    fix = "Set a lock timeout before the first DDL statement (SET lock_timeout = '5s'; MySQL lock_wait_timeout)."
    inspiration = "Squawk `require-timeout-settings` (the lock_timeout half)"
    needs = ("lock_timeout_settings",)

    def check(self, st, state, mf):
        names = settings(mf.dialect, "lock")
        what = locks_existing(st, state)
        if what is None or state.has_setting(names) or not state.once(self.code):
            return
        yield self.finding(st.table or mf.path, f"{what} runs without a lock timeout: while it waits for its "
                           "lock, every later query on the table waits behind it",
                           expected=f"SET {names[0]} before line {st.line}", actual="no lock timeout",
                           table=st.table)
