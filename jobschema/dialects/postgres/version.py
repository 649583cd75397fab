"""The PostgreSQL versions jobschema reads, as named facts; nothing outside this file compares version
numbers (the MySQL side is ``dialects/mysql/version.py``)."""

from __future__ import annotations

from ...errors import ConnectError

MIN_POSTGRES = 120000  # server_version_num; the catalog queries read attgenerated (12) and prokind (11)


def label(num: int) -> str:
    """``server_version_num`` as people write it: 150004 → ``15.4``, 90624 → ``9.6.24``."""
    if num >= 100000:
        return f"{num // 10000}.{num % 10000}"
    return f"{num // 10000}.{num // 100 % 100}.{num % 100}"


def major(server_version: str | None) -> int | None:
    """The major version of ``current_setting('server_version')`` (``15.4 (Debian 15.4-1)`` → 15)."""
    digits = (server_version or "").split(".", 1)[0].split(" ", 1)[0]
    return int(digits) if digits.isdigit() else None


def sets_generation_expression(server_version: str | None) -> bool:
    """``ALTER COLUMN ... SET EXPRESSION AS`` (PostgreSQL 17); an unknown version is taken as older."""
    return (major(server_version) or 0) >= 17


def too_old(server_version: int) -> str | None:
    """One line saying the server is older than the catalog queries need, or None."""
    if server_version and server_version < MIN_POSTGRES:
        return (f"PostgreSQL {label(server_version)} is too old: jobschema needs "
                f"PostgreSQL {MIN_POSTGRES // 10000} or later")
    return None


def check(server_version: int) -> None:
    """``ConnectError`` when the server is too old (``too_old``)."""
    message = too_old(server_version)
    if message:
        raise ConnectError(message)
