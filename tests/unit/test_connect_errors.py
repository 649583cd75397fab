"""Connection failures without a server: version predicates ("server too old") and the messages built from
driver errors, which must be one line and never hold a password, whatever the driver echoed."""

from __future__ import annotations

import pytest

from jobschema import connect
from jobschema.dialects import base
from jobschema.dialects.mysql import dsn as mysql_dsn
from jobschema.dialects.mysql.version import ServerVersion
from jobschema.dialects.postgres import session as pg_session
from jobschema.dialects.postgres import version as pg_version
from jobschema.errors import ConnectError

SECRET = "Pl4nted-S3cret-7q"


@pytest.mark.parametrize(("num", "ok"), [(90624, False), (110012, False), (120000, True), (150004, True),
                                         (170000, True)])
def test_postgres_too_old(num, ok):
    if ok:
        pg_version.check(num)
    else:
        with pytest.raises(ConnectError, match=r"too old: jobschema needs PostgreSQL 12 or later"):
            pg_version.check(num)


@pytest.mark.parametrize(("version", "comment", "old"), [
    ("10.2.44-MariaDB", "", "MariaDB 10.2.44 is too old: jobschema needs MariaDB 10.3 or later"),
    ("5.5.5-10.1.48-MariaDB", "", "MariaDB 10.1.48 is too old"),
    ("10.11.6-MariaDB-0+deb12u1", "", None),
    ("5.7.44", "MySQL Community Server (GPL)", "MySQL 5.7.44 is too old: jobschema needs MySQL 8.0 or later"),
    ("8.0.36", "MySQL Community Server (GPL)", None),
])
def test_mysql_too_old(version, comment, old):
    got = ServerVersion.parse(version, comment).too_old()
    assert (got is None) if old is None else got.startswith(old)


@pytest.mark.parametrize("text", [
    f'connection to server at "db", port 5432 failed: FATAL: password authentication failed for user "u" {SECRET}',
    f'missing "=" after "{SECRET}" in connection info string',
    f"invalid connection option \"x\"\nDETAIL: password={SECRET}",
    f"something unexpected: {SECRET}",
])
def test_driver_messages_are_scrubbed(text, monkeypatch):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    line = pg_session.connect_reason(Exception(text), f"postgresql://u:{SECRET}@db/x")
    assert SECRET not in line and "\n" not in line and line.startswith("cannot connect to PostgreSQL at db:5432/x")
    monkeypatch.setenv("PGPASSWORD", SECRET)
    assert SECRET not in pg_session.connect_reason(Exception(text), "postgresql://u@db/x")
    assert SECRET not in connect.scrub_known(text)


def test_passwords_seen_in_any_dsn_are_scrubbed_later(monkeypatch):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    connect.resolve_dsn(f"mysql://u:{SECRET}x@h/db")
    base.name_for_dsn(f"host=h password={SECRET}y")
    assert connect.scrub_known(f"a {SECRET}x b {SECRET}y") == "a *** b ***"
    monkeypatch.setenv("MYSQL_PWD", "mysql-env-pw")
    assert connect.scrub_known("saw mysql-env-pw") == "saw ***"


def test_wrong_protocol_and_dsn_connect_timeout():
    assert "does not speak the PostgreSQL protocol" in pg_session.connect_problem(
        Exception("received invalid response to SSL negotiation: J"))
    assert mysql_dsn.mysql_connect_timeout("mysql://h/db?connect_timeout=3") == 3
    assert mysql_dsn.mysql_connect_timeout("mysql://h/db") == 10
    assert pg_session.connect_kwargs("postgresql://h/db?connect_timeout=3") == {}
    assert pg_session.connect_kwargs("postgresql://h/db") == {"connect_timeout": 10}
