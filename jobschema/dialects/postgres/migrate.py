"""PostgreSQL side of ``jobschema migrate``: history table, advisory lock, per-file transactions.

The connection is in autocommit mode; a transactional file runs between an explicit ``BEGIN`` and
``COMMIT`` together with its history row, so a failure or a killed process leaves nothing behind. The
lock is a session-level ``pg_advisory_lock`` (scoped to the database by the server), released on
unlock or when the session ends — a killed run never leaves it held.
"""

from __future__ import annotations

import psycopg
from psycopg import sql

from ...connect import redact_dsn, scrub
from ...errors import ConnectError
from ...migrate.directory import MigrationFile
from ...migrate.executor import HistoryRow, Migrator
from ...names import HISTORY_TABLE, LOCK_NAME
from . import online_migrate as online
from . import version
from .session import connect_kwargs, connect_problem
from .split import Statement, split_statements

HISTORY_DDL = """
CREATE TABLE IF NOT EXISTS {table} (
    module text NOT NULL,
    version text NOT NULL,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    duration_ms integer,
    success boolean,
    kind text NOT NULL DEFAULT 'apply',
    statements_done integer,
    error text,
    steps_done integer,
    resume_at text,
    PRIMARY KEY (module, version)
)"""
# columns added after the first release: a history table made before them gets them on the next run
LATER_COLUMNS = (("steps_done", "integer"), ("resume_at", "text"))
HISTORY_COMMENT = ("Applied migration files, written by jobschema migrate: success is NULL while a "
                   "non-transactional file runs (or after a run died in one), false when one failed.")
HISTORY_COLUMNS = ("module, version, name, checksum, applied_at, duration_ms, success, kind, statements_done, error, "
                   "steps_done, resume_at")


def connect(dsn: str, application: str = "jobschema migrate") -> psycopg.Connection:
    try:
        conn = psycopg.connect(dsn, autocommit=True, application_name=application, **connect_kwargs(dsn))
    except (psycopg.Error, ValueError) as exc:
        raise ConnectError(scrub(f"cannot connect to {redact_dsn(dsn)}: {connect_problem(exc)}", dsn)) from None
    try:
        version.check(conn.info.server_version)
        # migration files and the plan's literals are written for standard strings: '\' is one backslash
        conn.execute("SET standard_conforming_strings = on")
    except BaseException:
        conn.close()
        raise
    return conn


class PostgresMigrator(Migrator):
    dialect = "postgres"
    transactional_ddl = True

    def __init__(self, dsn: str):
        self.conn = connect(dsn)
        if self.conn.info.server_version >= 140000:
            # a killed migrate is noticed within a second even mid-statement: its transaction rolls back
            # and its advisory lock is released instead of waiting for the statement to end
            self.conn.execute("SET client_connection_check_interval = '1s'")
        self.schema = self.conn.execute("SELECT current_schema()").fetchone()[0] or "public"
        self.table = sql.Identifier(self.schema, HISTORY_TABLE)
        self.lock_key = self.conn.execute("SELECT hashtextextended(%s, 0)", (LOCK_NAME,)).fetchone()[0]
        self.locked = False

    def close(self) -> None:
        self.conn.close()

    def try_lock(self) -> bool:
        got = self.conn.execute("SELECT pg_try_advisory_lock(%s)", (self.lock_key,)).fetchone()[0]
        self.locked = bool(got)
        return self.locked

    def unlock(self) -> None:
        if self.locked and not self.conn.closed:
            self.conn.execute("SELECT pg_advisory_unlock(%s)", (self.lock_key,))
            self.locked = False

    def has_history(self) -> bool:
        row = self.conn.execute("SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                "WHERE n.nspname = %s AND c.relname = %s", (self.schema, HISTORY_TABLE)).fetchone()
        return row is not None

    def ensure_history(self) -> None:
        if self.has_history():
            have = {r[0] for r in self.conn.execute(
                "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(%s) AND attnum > 0 AND NOT attisdropped",
                (self.table.as_string(self.conn),)).fetchall()}
            for name, kind in LATER_COLUMNS:
                if name not in have:
                    self.conn.execute(sql.SQL("ALTER TABLE {} ADD COLUMN {} " + kind).format(
                        self.table, sql.Identifier(name)))
            return
        self.conn.execute(sql.SQL(HISTORY_DDL).format(table=self.table))
        self.conn.execute(sql.SQL("COMMENT ON TABLE {} IS {}").format(self.table, sql.Literal(HISTORY_COMMENT)))

    def history(self) -> list[HistoryRow]:
        """The rows; a table made before the later columns (read by status or a dry run) gives them as NULL."""
        have = {r[0] for r in self.conn.execute(
            "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(%s) AND attnum > 0 AND NOT attisdropped",
            (self.table.as_string(self.conn),)).fetchall()}
        cols = ", ".join(c if c in have or c not in dict(LATER_COLUMNS) else f"NULL AS {c}"
                         for c in HISTORY_COLUMNS.split(", "))
        rows = self.conn.execute(sql.SQL(f"SELECT {cols} FROM {{}} ORDER BY module, version")
                                 .format(self.table)).fetchall()
        return [HistoryRow(*r) for r in rows]

    def split(self, text: str) -> list[Statement]:
        return split_statements(text)

    def execute(self, statement: str) -> None:
        self.conn.execute(statement.encode("utf-8"))  # bytes: never treated as a %s template

    def begin(self) -> None:
        self.conn.execute("BEGIN")

    def commit(self) -> None:
        self.conn.execute("COMMIT")

    def rollback(self) -> None:
        self.conn.execute("ROLLBACK")

    def insert_row(self, module: str, file: MigrationFile, kind: str, success: bool | None,
                   duration_ms: int | None, statements_done: int | None, error: str | None,
                   steps_done: int | None = None) -> None:
        self.conn.execute(
            sql.SQL("INSERT INTO {} (module, version, name, checksum, duration_ms, success, kind, statements_done, "
                    "error, steps_done) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)").format(self.table),
            (module, file.version, file.name, file.checksum, duration_ms, success, kind, statements_done, error,
             steps_done))

    def update_row(self, module: str, version: str, success: bool | None, duration_ms: int | None,
                   statements_done: int | None, error: str | None, checksum: str | None = None,
                   kind: str | None = None) -> None:
        self.conn.execute(
            sql.SQL("UPDATE {} SET success = %s, duration_ms = %s, statements_done = %s, error = %s, "
                    "checksum = coalesce(%s, checksum), kind = coalesce(%s, kind) "
                    "WHERE module = %s AND version = %s").format(self.table),
            (success, duration_ms, statements_done, error, checksum, kind, module, version))

    def delete_row(self, module: str, version: str) -> None:
        self.conn.execute(sql.SQL("DELETE FROM {} WHERE module = %s AND version = %s").format(self.table),
                          (module, version))

    def existing_tables(self, names: set[str]) -> set[str]:
        rows = self.conn.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind IN ('r', 'p') AND c.relname = ANY(%s) AND n.nspname <> 'pg_catalog' "
            "AND n.nspname <> 'information_schema'", (sorted(names),)).fetchall()
        return {r[0] for r in rows}

    # step-by-step files ----------------------------------------------------------------------------
    def record_step(self, module: str, version: str, steps_done: int, statements_done: int,
                    resume_at: str | None) -> None:
        self.conn.execute(sql.SQL("UPDATE {} SET steps_done = %s, statements_done = %s, resume_at = %s "
                                  "WHERE module = %s AND version = %s").format(self.table),
                          (steps_done, statements_done, resume_at, module, version))

    def set_lock_timeout(self, ms: int, *, local: bool) -> None:
        self.conn.execute("SELECT set_config('lock_timeout', %s, %s)", (f"{int(ms)}ms", local))

    def is_lock_timeout(self, exc: BaseException) -> bool:
        return isinstance(exc, psycopg.errors.LockNotAvailable)

    def blockers(self, tables: list[str]) -> list[str]:
        return online.blockers(self.conn, tables)

    def run_batch(self, update: str, key: str, after: str | None, size: int) -> tuple[int, str | None]:
        row = self.conn.execute(online.batch_sql(update, key, after, size)).fetchone()
        return (row[0], row[1]) if row else (0, None)

    def count_rows(self, update: str) -> int | None:
        return self.conn.execute(online.count_sql(update)).fetchone()[0]

    def recover(self, statement: str, tables: list[str], before: str | None) -> str:
        return online.recover_index(self.conn, statement)

    def clean_up(self, statement: str) -> None:
        online.drop_invalid_index(self.conn, statement)

    def is_db_error(self, exc: BaseException) -> bool:
        return isinstance(exc, psycopg.Error) and not isinstance(exc, psycopg.OperationalError) \
            or isinstance(exc, psycopg.errors.LockNotAvailable | psycopg.errors.QueryCanceled)

    def error_text(self, exc: BaseException) -> str:
        text = " ".join(str(exc).split())
        state = getattr(getattr(exc, "diag", None), "sqlstate", None)
        return f"{text} [{state}]" if state else text
