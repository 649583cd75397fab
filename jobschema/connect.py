"""Connection-string helpers shared by the CLI, the inspectors and the tests.

DSNs are URLs (``postgresql://...``, ``mysql://...``). Passwords travel inside them, so anything that
prints a DSN goes through :func:`redact_dsn` first.
"""

from __future__ import annotations

import os
import re
from urllib.parse import unquote, urlsplit, urlunsplit

from .errors import UsageError

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


_SECRETS: set[str] = set()


def remember_secret(dsn: str) -> None:
    """Note the password inside ``dsn`` so :func:`scrub_known` removes it from any later message."""
    pw = _password_of(dsn) if dsn else None
    if pw and len(pw) >= 3:
        _SECRETS.update({pw, unquote(pw)})  # a server or a parser may echo either form


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
        pw = _url_password(dsn)
        return f"<unparseable DSN {dsn.replace(pw, '***') if pw else dsn}>"


# -- which database ------------------------------------------------------------------------------

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


def _url_password(dsn: str) -> str | None:
    """The password of a URL DSN read without parsing the URL, so a malformed one (``[host`` without
    ``]``) still has its secret found: whatever sits between the first ``:`` and the last ``@`` of the
    part after ``scheme://``."""
    rest = dsn.split("://", 1)[1]
    userinfo, at, _ = rest.rpartition("@")
    if not at or ":" not in userinfo:
        return None
    return userinfo.split(":", 1)[1] or None


def _password_of(dsn: str) -> str | None:
    if "://" in dsn:
        return _url_password(dsn)
    m = _KV_PASSWORD.search(dsn)
    if m:
        return m.group(0).split("=", 1)[1].strip().strip("'")
    return None


def password_in(dsn: str) -> str | None:
    """The password ``dsn`` carries itself (URL user info, ``?password=`` or ``password=``), if any."""
    if "://" in dsn and "?" in dsn:
        m = _QUERY_PASSWORD.search(dsn.split("?", 1)[1])
        if m and m.group(0).split("=", 1)[1]:
            return m.group(0).split("=", 1)[1]
    return _password_of(dsn)


def scrub(message: str, dsn: str) -> str:
    """``message`` with the DSN's password (and PGPASSWORD) removed, whatever the server echoed."""
    pw = _password_of(dsn)
    for secret in (pw, unquote(pw) if pw else None, os.environ.get("PGPASSWORD")):
        if secret:
            message = message.replace(secret, "***")
    return scrub_known(message)


# -- the audit's default timeouts (each dialect's session.py applies them) ----------------------------

DEFAULT_STATEMENT_TIMEOUT_MS = 30_000
DEFAULT_LOCK_TIMEOUT_MS = 3_000
