"""Connection-string helpers shared by the CLI, the inspectors and the tests.

DSNs are URLs (``postgresql://...``, ``mysql://...``). Passwords travel inside them, so anything that
prints a DSN goes through :func:`redact_dsn` first.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit, urlunsplit

from .errors import ConnectError, UsageError

MYSQL_SCHEMES = ("mysql", "mariadb")
MYSQL_DEFAULT_PORT = 3306

_KV_PASSWORD = re.compile(r"(\bpassword\s*=\s*)(?:'(?:[^'\\]|\\.)*'|\S+)", re.IGNORECASE)
_QUERY_PASSWORD = re.compile(r"((?:^|&)password=)[^&]*", re.IGNORECASE)


def parse_mysql_dsn(dsn: str) -> dict:
    """Split ``mysql://user:pass@host:port/db`` into keyword arguments for ``pymysql.connect``.

    Returns ``host``, ``port``, ``user``, ``password`` and ``database``; user names and passwords may be
    percent-encoded. A missing password is ``""`` and a missing database is ``None`` (no default
    schema). Errors never echo the password.
    """
    parts = urlsplit(dsn)
    if parts.scheme.lower() not in MYSQL_SCHEMES:
        raise ValueError(f"not a MySQL DSN (expected mysql://...): {redact_dsn(dsn)}")
    try:
        port = parts.port
    except ValueError:
        raise ValueError(f"invalid port in MySQL DSN: {redact_dsn(dsn)}") from None
    database = unquote(parts.path.lstrip("/")) or None
    if database is not None and "/" in database:
        raise ValueError(f"invalid database name in MySQL DSN: {redact_dsn(dsn)}")
    return {
        "host": parts.hostname or "localhost",
        "port": port or MYSQL_DEFAULT_PORT,
        "user": unquote(parts.username) if parts.username is not None else None,
        "password": unquote(parts.password) if parts.password is not None else "",
        "database": database,
    }


_SECRETS: set[str] = set()


def remember_secret(dsn: str) -> None:
    """Note the password inside ``dsn`` so :func:`scrub_known` removes it from any later message."""
    pw = _password_of(dsn) if dsn else None
    if pw and len(pw) >= 3:
        _SECRETS.add(pw)


def scrub_known(message: str) -> str:
    """``message`` without any password this process has seen in a DSN, nor ``PGPASSWORD`` /
    ``MYSQL_PWD``: the last filter before anything is printed."""
    secrets = set(_SECRETS)
    for var in ("PGPASSWORD", "MYSQL_PWD"):
        if os.environ.get(var):
            secrets.add(os.environ[var])
    for secret in sorted(secrets, key=len, reverse=True):
        message = message.replace(secret, "***")
    return message


def open_mysql(params: dict, *, autocommit: bool, connect_timeout: int = 10):
    """``pymysql.connect`` with the handshake bounded by ``connect_timeout`` too: on a port where no MySQL
    server answers (PostgreSQL's, say) it fails within seconds instead of waiting for the other server to
    hang up. Afterwards reads have no client-side limit; the server's timeouts bound statements."""
    import pymysql

    conn = pymysql.connect(**params, charset="utf8mb4", autocommit=autocommit, connect_timeout=connect_timeout,
                           read_timeout=connect_timeout, write_timeout=connect_timeout)
    conn._read_timeout = None  # PyMySQL applies these before its next read or write
    conn._write_timeout = None
    return conn


def mysql_connect_timeout(dsn: str, default: int = 10) -> int:
    """Seconds to wait for a MySQL server: ``?connect_timeout=N`` in the DSN, else ``default``."""
    from urllib.parse import parse_qs

    try:
        value = parse_qs(urlsplit(dsn).query).get("connect_timeout", [""])[-1]
        return max(1, int(value)) if value else default
    except ValueError:
        return default


MYSQL_NO_ANSWER = {2013}  # lost connection during the handshake: nothing speaking MySQL answered


def mysql_no_answer(params: dict, connect_timeout: int = 10) -> str:
    return (f"no MySQL server answered at {params.get('host')}:{params.get('port')} within {connect_timeout}s "
            "(is this another server's port, PostgreSQL's perhaps? use postgresql:// for PostgreSQL)")


def redact_dsn(dsn: str) -> str:
    """Return ``dsn`` with any password replaced by ``***``, safe for logs and error messages.

    Handles URLs and libpq ``key=value`` strings; anything unparseable is replaced wholesale rather
    than risk leaking a secret.
    """
    if "://" not in dsn:
        return _KV_PASSWORD.sub(r"\1***", dsn)
    try:
        parts = urlsplit(dsn)
        netloc = parts.netloc
        if parts.password is not None:
            userinfo, _, hostinfo = netloc.rpartition("@")
            netloc = f"{userinfo.partition(':')[0]}:***@{hostinfo}"
        query = _QUERY_PASSWORD.sub(r"\1***", parts.query)
        return urlunsplit(parts._replace(netloc=netloc, query=query))
    except ValueError:
        return "<unparseable DSN>"


# -- which database, which dialect ------------------------------------------------------------------

POSTGRES_SCHEMES = ("postgres", "postgresql")
PG_ENV_VARS = ("PGHOST", "PGHOSTADDR", "PGPORT", "PGDATABASE", "PGUSER", "PGSERVICE")


def resolve_dsn(dsn: str | None, environ: dict | None = None) -> str:
    """The DSN to use: ``--dsn``, else ``JOBSCHEMA_DSN``, else ``""`` when PG* variables say where to go
    (libpq reads them itself). Raises ``UsageError`` when nothing names a database."""

    env = os.environ if environ is None else environ
    if dsn:
        remember_secret(dsn)
        return dsn
    if env.get("JOBSCHEMA_DSN"):
        remember_secret(env["JOBSCHEMA_DSN"])
        return env["JOBSCHEMA_DSN"]
    if any(env.get(v) for v in PG_ENV_VARS):
        return ""
    raise UsageError("no database given: pass --dsn, or set JOBSCHEMA_DSN or the PG* variables (PGHOST, PGDATABASE…)")


def dialect_of_dsn(dsn: str) -> str:
    """``postgres`` for postgres://, postgresql:// and libpq ``key=value`` strings (or "" for PG* variables),
    ``mysql`` for mysql:// and mariadb://."""

    remember_secret(dsn)
    if "://" not in dsn:
        return "postgres"
    scheme = dsn.split("://", 1)[0].lower()
    if scheme in POSTGRES_SCHEMES:
        return "postgres"
    if scheme in MYSQL_SCHEMES:
        return "mysql"
    raise UsageError(f"cannot tell the database kind of {redact_dsn(dsn)}: use postgresql://, mysql:// or mariadb://")


def _password_of(dsn: str) -> str | None:
    if "://" in dsn:
        try:
            pw = urlsplit(dsn).password
        except ValueError:
            return None
        return unquote(pw) if pw else None
    m = _KV_PASSWORD.search(dsn)
    if m:
        return m.group(0).split("=", 1)[1].strip().strip("'")
    return None


def scrub(message: str, dsn: str) -> str:
    """``message`` with the DSN's password (and PGPASSWORD) removed, whatever the server echoed."""
    for secret in (_password_of(dsn), os.environ.get("PGPASSWORD")):
        if secret:
            message = message.replace(secret, "***")
    return scrub_known(message)


# -- PostgreSQL: a read-only session with timeouts --------------------------------------------------

DEFAULT_STATEMENT_TIMEOUT_MS = 30_000
DEFAULT_LOCK_TIMEOUT_MS = 3_000


def _pg_target(dsn: str) -> str:
    """``host:port/database`` for messages, from the DSN and the PG* variables, never with a password."""
    import psycopg

    try:
        info = psycopg.conninfo.conninfo_to_dict(dsn)
    except psycopg.Error:
        return redact_dsn(dsn)
    host = info.get("host") or os.environ.get("PGHOST") or "localhost"
    port = info.get("port") or os.environ.get("PGPORT") or "5432"
    db = info.get("dbname") or os.environ.get("PGDATABASE") or info.get("user") or os.environ.get("PGUSER") or ""
    return f"{host}:{port}/{db}"


def pg_connect_reason(exc: Exception, dsn: str) -> str:
    """One line saying why a PostgreSQL connection failed: unreachable, bad password, unknown database,
    no privilege. Never holds the password."""
    return scrub(f"cannot connect to PostgreSQL at {_pg_target(dsn)}: {pg_connect_problem(exc)}", dsn)


def pg_connect_problem(exc: Exception) -> str:
    """Why a PostgreSQL connection failed, in a few words (no host, no password)."""
    text = " ".join(str(exc).split())
    low = text.lower()
    if "password authentication failed" in low or "no password supplied" in low:
        user = re.search(r'for user "([^"]*)"', text)
        reason = f"password authentication failed for user {user.group(1)!r}" if user else "authentication failed"
    elif "does not exist" in low and "database" in low:
        db = re.search(r'database "([^"]*)" does not exist', text)
        reason = f"database {db.group(1)!r} does not exist" if db else "the database does not exist"
    elif "permission denied" in low or "not have connect privilege" in low or "pg_hba.conf" in low:
        reason = "the role may not connect to this database (missing CONNECT privilege or pg_hba.conf entry)"
        if "permission denied for database" in low:
            reason = "permission denied: the role lacks the CONNECT privilege on this database"
    elif "could not translate host name" in low or "name or service not known" in low:
        reason = "unknown host name"
    elif "connection refused" in low:
        reason = "connection refused (is the server running and accepting TCP connections on that port?)"
    elif "timeout expired" in low or "timed out" in low:
        reason = "the server did not answer in time (unreachable host or firewall)"
    elif "no route to host" in low or "network is unreachable" in low:
        reason = "host unreachable"
    elif "role" in low and "does not exist" in low:
        role = re.search(r'role "([^"]*)" does not exist', text)
        reason = f"role {role.group(1)!r} does not exist" if role else "unknown role"
    elif "ssl negotiation" in low or "expected authentication request" in low \
            or "server closed the connection unexpectedly" in low:
        reason = "the server on that port does not speak the PostgreSQL protocol (a MySQL port? use mysql://)"
    elif "invalid dsn" in low or "invalid connection option" in low or "missing \"=\"" in low:
        reason = "the DSN cannot be read"
    else:
        reason = text.split(": ", 1)[-1][:200] if text else type(exc).__name__
    return reason


def open_postgres(dsn: str, connect_timeout: int = 10, **kwargs):
    """A psycopg connection (not autocommit) or ``ConnectError`` with one redacted line."""
    import psycopg

    kwargs.setdefault("application_name", "jobschema audit")
    try:
        conn = psycopg.connect(dsn, autocommit=False, **pg_connect_kwargs(dsn, connect_timeout), **kwargs)
    except (psycopg.Error, ValueError) as exc:
        raise ConnectError(pg_connect_reason(exc, dsn)) from None
    try:
        check_postgres_version(conn.info.server_version)
    except ConnectError:
        conn.close()
        raise
    return conn


def pg_connect_kwargs(dsn: str, connect_timeout: int = 10) -> dict:
    """``connect_timeout`` unless the DSN (or ``PGCONNECT_TIMEOUT``) sets its own."""
    import psycopg

    try:
        given = psycopg.conninfo.conninfo_to_dict(dsn).get("connect_timeout")
    except psycopg.Error:
        given = None
    if given or os.environ.get("PGCONNECT_TIMEOUT"):
        return {}
    return {"connect_timeout": connect_timeout}


MIN_POSTGRES = 120000  # server_version_num; the catalog queries read attgenerated (12) and prokind (11)


def check_postgres_version(server_version: int) -> None:
    """``ConnectError`` when the server is older than jobschema's catalog queries need."""

    if server_version and server_version < MIN_POSTGRES:
        raise ConnectError(f"PostgreSQL {pg_version_label(server_version)} is too old: jobschema needs "
                           f"PostgreSQL {MIN_POSTGRES // 10000} or later")


def pg_version_label(num: int) -> str:
    if num >= 100000:
        return f"{num // 10000}.{num % 10000}"
    return f"{num // 10000}.{num // 100 % 100}.{num % 100}"


def begin_read_only_pg(conn, statement_timeout_ms: int = DEFAULT_STATEMENT_TIMEOUT_MS,
                       lock_timeout_ms: int = DEFAULT_LOCK_TIMEOUT_MS) -> None:
    """Start the one transaction the audit runs in: READ ONLY, with statement and lock timeouts that
    last until it ends (``set_config(..., true)`` is ``SET LOCAL``)."""
    import psycopg

    conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
    conn.read_only = True  # psycopg opens the transaction with BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY
    with conn.cursor() as cur:
        cur.execute("SELECT set_config('statement_timeout', %s, true), set_config('lock_timeout', %s, true), "
                    "set_config('idle_in_transaction_session_timeout', %s, true)",
                    (f"{int(statement_timeout_ms)}ms", f"{int(lock_timeout_ms)}ms",
                     f"{int(statement_timeout_ms) * 4}ms"))


@contextlib.contextmanager
def postgres_read_only(dsn: str, statement_timeout_ms: int = DEFAULT_STATEMENT_TIMEOUT_MS,
                       lock_timeout_ms: int = DEFAULT_LOCK_TIMEOUT_MS, **kwargs) -> Iterator:
    """Connect, open the read-only transaction, yield the connection; always roll back and close."""
    import psycopg

    conn = open_postgres(dsn, **kwargs)
    try:
        try:
            begin_read_only_pg(conn, statement_timeout_ms, lock_timeout_ms)
        except psycopg.Error as exc:
            raise ConnectError(pg_connect_reason(exc, dsn)) from None
        yield conn
    finally:
        with contextlib.suppress(Exception):
            conn.rollback()
        with contextlib.suppress(Exception):
            conn.close()
