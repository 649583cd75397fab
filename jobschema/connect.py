"""Connection-string helpers shared by the CLI, the inspectors and the tests.

DSNs are URLs (``postgresql://...``, ``mysql://...``). Passwords travel inside them, so anything that
prints a DSN goes through :func:`redact_dsn` first.
"""

from __future__ import annotations

import os
import re
from urllib.parse import unquote, urlsplit, urlunsplit

from .errors import UsageError

_KV_PASSWORD = re.compile(r"(\bpassword\s*=\s*)(?:'(?:[^'\\]|\\.)*'|\S+)", re.IGNORECASE)
_QUERY_PASSWORD = re.compile(r"((?:^|&)password=)[^&]*", re.IGNORECASE)


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
