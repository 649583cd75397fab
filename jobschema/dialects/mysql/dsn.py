"""MySQL DSNs and connections: ``mysql://user:pass@host:port/db`` read into PyMySQL's arguments, and a
connection whose handshake is bounded, shared by the audit's session and the migrator."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from ...connect import redact_dsn

MYSQL_SCHEMES = ("mysql", "mariadb")
MYSQL_DEFAULT_PORT = 3306


def parse_mysql_dsn(dsn: str) -> dict:
    """Split ``mysql://user:pass@host:port/db`` into keyword arguments for ``pymysql.connect``.

    Returns ``host``, ``port``, ``user``, ``password`` and ``database``; user names and passwords may be
    percent-encoded. A missing password is ``""`` and a missing database is ``None`` (no default
    schema). Errors never echo the password.
    """
    try:
        parts = urlsplit(dsn)
    except ValueError as exc:
        raise ValueError(f"malformed MySQL DSN ({exc}): {redact_dsn(dsn)}") from None
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
