"""MySQL/MariaDB side of ``jobschema migrate``: history table, ``GET_LOCK``, statement-by-statement runs.

MySQL commits every DDL statement on its own, so a file cannot be rolled back: before a file runs its
history row is committed as "started" (``success`` NULL) and updated after every statement. A failure
is recorded with the statement it stopped at; a killed run leaves the "started" row. Either way later
runs of a plain file refuse until ``jobschema migrate resolve`` records what a person decided; a fix run
step by step is resumed, a DDL statement a kill interrupted checked in the catalog first (``recover.py``).
"""

from __future__ import annotations

import hashlib

import pymysql

from ...connect import redact_dsn
from ...errors import ConnectError
from ...migrate.directory import MigrationFile
from ...migrate.executor import HistoryRow, Migrator
from ...names import HISTORY_TABLE, LOCK_NAME
from . import online_migrate as online
from . import recover as recovery
from .dsn import MYSQL_NO_ANSWER, mysql_connect_timeout, mysql_no_answer, open_mysql, parse_mysql_dsn
from .session import server_version
from .split import Statement, split_statements

HISTORY_DDL = f"""
CREATE TABLE IF NOT EXISTS `{HISTORY_TABLE}` (
    module VARCHAR(191) NOT NULL,
    version VARCHAR(32) NOT NULL,
    name VARCHAR(255) NOT NULL,
    checksum VARCHAR(64) NOT NULL,
    applied_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    duration_ms INT NULL,
    success TINYINT(1) NULL,
    kind VARCHAR(16) NOT NULL DEFAULT 'apply',
    statements_done INT NULL,
    error TEXT NULL,
    steps_done INT NULL,
    resume_at TEXT NULL,
    PRIMARY KEY (module, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='Applied migration files, written by jobschema migrate'"""
HISTORY_COLUMNS = ("module, version, name, checksum, applied_at, duration_ms, success, kind, statements_done, error, "
                   "steps_done, resume_at")
# columns added after the first release: a history table made before them gets them on the next run
LATER_COLUMNS = (("steps_done", "INT NULL"), ("resume_at", "TEXT NULL"))


def connect(dsn: str) -> pymysql.connections.Connection:
    try:
        params = parse_mysql_dsn(dsn)
    except ValueError as exc:
        raise ConnectError(str(exc)) from None
    if not params.get("database"):
        raise ConnectError(f"the MySQL DSN names no database: {redact_dsn(dsn)} (mysql://user@host:port/DATABASE)")
    timeout = mysql_connect_timeout(dsn)
    try:
        conn = open_mysql(params, autocommit=True, connect_timeout=timeout)
    except pymysql.MySQLError as exc:
        if exc.args and exc.args[0] in MYSQL_NO_ANSWER:
            raise ConnectError(f"cannot connect to {redact_dsn(dsn)}: {mysql_no_answer(params, timeout)}") from None
        raise ConnectError(f"cannot connect to {redact_dsn(dsn)}: {_message(exc)}") from None
    with conn.cursor() as cur:
        # Literals in migration files are written for backslash escapes on and double quotes as strings.
        cur.execute("SET SESSION sql_mode = REPLACE(REPLACE(@@SESSION.sql_mode, 'NO_BACKSLASH_ESCAPES', ''), "
                    "'ANSI_QUOTES', '')")
    return conn


def _message(exc: BaseException) -> str:
    args = getattr(exc, "args", ())
    if len(args) >= 2 and isinstance(args[0], int):
        return f"{args[1]} [{args[0]}]"
    return " ".join(str(exc).split())


class MysqlMigrator(Migrator):
    dialect = "mysql"
    transactional_ddl = False

    def __init__(self, dsn: str):
        self.conn = connect(dsn)
        self.version = server_version(self.conn)
        too_old = self.version.too_old()
        if too_old:
            self.close()
            raise ConnectError(too_old)
        self.database = self._one("SELECT DATABASE()")
        # GET_LOCK names are server-wide (and at most 64 characters): one lock per database.
        digest = hashlib.sha1(self.database.encode("utf-8")).hexdigest()[:32]
        self.lock_name = f"{LOCK_NAME}:{digest}"
        self.locked = False

    def _one(self, query: str, args=None):
        with self.conn.cursor() as cur:
            cur.execute(query, args)
            row = cur.fetchone()
        return row[0] if row else None

    def _run(self, query: str, args=None) -> None:
        with self.conn.cursor() as cur:
            cur.execute(query, args)

    def close(self) -> None:
        try:
            self.conn.close()
        except pymysql.MySQLError:
            pass

    def try_lock(self) -> bool:
        self.locked = self._one("SELECT GET_LOCK(%s, 0)", (self.lock_name,)) == 1
        return self.locked

    def unlock(self) -> None:
        if self.locked:
            self._one("SELECT RELEASE_LOCK(%s)", (self.lock_name,))
            self.locked = False

    def has_history(self) -> bool:
        return self._one("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() "
                         "AND table_name = %s", (HISTORY_TABLE,)) > 0

    def ensure_history(self) -> None:
        self._run(HISTORY_DDL)
        have = self._columns()
        for name, kind in LATER_COLUMNS:
            if name not in have:
                self._run(f"ALTER TABLE `{HISTORY_TABLE}` ADD COLUMN {name} {kind}")

    def _columns(self) -> set[str]:
        with self.conn.cursor() as cur:
            cur.execute("SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() "
                        "AND table_name = %s", (HISTORY_TABLE,))
            return {r[0].lower() for r in cur.fetchall()}

    def history(self) -> list[HistoryRow]:
        """The rows; a table made before the later columns (read by status or a dry run) gives them as NULL."""
        have = self._columns()
        cols = ", ".join(c if c in have or c not in dict(LATER_COLUMNS) else f"NULL AS {c}"
                         for c in HISTORY_COLUMNS.split(", "))
        with self.conn.cursor() as cur:
            cur.execute(f"SELECT {cols} FROM `{HISTORY_TABLE}` ORDER BY module, version")
            rows = cur.fetchall()
        out = []
        for r in rows:
            r = list(r)
            r[6] = None if r[6] is None else bool(r[6])
            out.append(HistoryRow(*r))
        return out

    def split(self, text: str) -> list[Statement]:
        return split_statements(text)

    def execute(self, statement: str) -> None:
        with self.conn.cursor() as cur:
            cur.execute(statement)  # no arguments: pymysql sends the text as it is
            while cur.nextset():
                pass

    def begin(self) -> None:
        self._run("BEGIN")

    def commit(self) -> None:
        self._run("COMMIT")

    def rollback(self) -> None:
        self._run("ROLLBACK")

    def insert_row(self, module: str, file: MigrationFile, kind: str, success: bool | None,
                   duration_ms: int | None, statements_done: int | None, error: str | None,
                   steps_done: int | None = None) -> None:
        self._run(f"INSERT INTO `{HISTORY_TABLE}` (module, version, name, checksum, duration_ms, success, kind, "
                  "statements_done, error, steps_done) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                  (module, file.version, file.name, file.checksum, duration_ms, success, kind, statements_done,
                   error, steps_done))

    def update_row(self, module: str, version: str, success: bool | None, duration_ms: int | None,
                   statements_done: int | None, error: str | None, checksum: str | None = None,
                   kind: str | None = None) -> None:
        self._run(f"UPDATE `{HISTORY_TABLE}` SET success = %s, duration_ms = %s, statements_done = %s, error = %s, "
                  "checksum = COALESCE(%s, checksum), kind = COALESCE(%s, kind) WHERE module = %s AND version = %s",
                  (success, duration_ms, statements_done, error, checksum, kind, module, version))

    def delete_row(self, module: str, version: str) -> None:
        self._run(f"DELETE FROM `{HISTORY_TABLE}` WHERE module = %s AND version = %s", (module, version))

    def existing_tables(self, names: set[str]) -> set[str]:
        if not names:
            return set()
        marks = ", ".join(["%s"] * len(names))
        with self.conn.cursor() as cur:
            cur.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() "
                        f"AND table_type = 'BASE TABLE' AND table_name IN ({marks})", sorted(names))
            return {r[0] for r in cur.fetchall()}

    # step-by-step files ----------------------------------------------------------------------------
    def record_step(self, module: str, version: str, steps_done: int, statements_done: int,
                    resume_at: str | None) -> None:
        self._run(f"UPDATE `{HISTORY_TABLE}` SET steps_done = %s, statements_done = %s, resume_at = %s "
                  "WHERE module = %s AND version = %s", (steps_done, statements_done, resume_at, module, version))

    def set_lock_timeout(self, ms: int, *, local: bool) -> None:
        """Whole seconds (MySQL's unit, at least 1) for metadata locks (DDL) and row locks (batches); MySQL
        has no per-transaction setting, so it is set before every step."""
        seconds = max(1, -(-int(ms) // 1000))
        self._run(f"SET SESSION lock_wait_timeout = {seconds}, SESSION innodb_lock_wait_timeout = {seconds}")

    def is_lock_timeout(self, exc: BaseException) -> bool:
        return isinstance(exc, pymysql.MySQLError) and bool(exc.args) and exc.args[0] == 1205

    def blockers(self, tables: list[str]) -> list[str]:
        return online.blockers(self.conn)

    def run_batch(self, update: str, key: str, after: str | None, size: int) -> tuple[int, str | None]:
        with self.conn.cursor() as cur:
            cur.execute(online.pick_sql(update, key, after, size))
            keys = [r[0] for r in cur.fetchall()]
            if not keys:
                return 0, None
            cur.execute(online.update_sql(update, key, keys))
        return len(keys), str(keys[-1])

    def count_rows(self, update: str) -> int | None:
        return self._one(online.count_sql(update))

    def digest(self, statement: str, tables: list[str]) -> str | None:
        return recovery.digest(self.conn, recovery.tables(statement, tables)) if self.version.atomic_ddl else None

    def recover(self, statement: str, tables: list[str], before: str | None) -> str:
        """With atomic DDL a killed statement happened whole or not at all, and the catalog says which."""
        if not self.version.atomic_ddl:
            return "unknown"
        return recovery.state(self.conn, statement, recovery.tables(statement, tables), before)

    def is_db_error(self, exc: BaseException) -> bool:
        return isinstance(exc, pymysql.MySQLError) and not isinstance(exc, pymysql.err.InterfaceError)

    def error_text(self, exc: BaseException) -> str:
        return _message(exc)
