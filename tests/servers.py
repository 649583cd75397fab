"""Session servers from pytest-postgresql and pytest-mysql: the configured one, or a throwaway one.

``conftest.py`` imports the fixtures below; ``pg_server``/``mysql_server`` pick one of them per session.
The configured servers come from the plugins' ``*_noproc`` factories. The throwaway MariaDB is the plugin's
``mysql_proc``. The throwaway PostgreSQL is pytest-postgresql's ``PostgreSQLExecutor`` (what its
``postgresql_proc`` runs) driven by this module, because PostgreSQL refuses to run as root and
``postgresql_proc`` keeps its data under pytest's temporary folder, which only the test user may enter:
under root, ``pg_ctl`` runs as an unprivileged account (``postgres``, else ``nobody``) through ``setpriv``,
on a data directory that account owns.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import port_for
import pytest
from dbutil import DEFAULT_MYSQL_DSN, DEFAULT_PG_DSN, SESSION_DB_NAME, mysql_params, pg_params
from mirakuru.exceptions import AlreadyRunning, ExecutorError
from pytest_mysql import factories as mysql_factories
from pytest_postgresql import factories as pg_factories
from pytest_postgresql.executors import PostgreSQLExecutor
from pytest_postgresql.janitor import DatabaseJanitor

PG_DSN = os.environ.get("JOBSCHEMA_TEST_PG_DSN") or DEFAULT_PG_DSN
MYSQL_DSN = os.environ.get("JOBSCHEMA_TEST_MYSQL_DSN") or DEFAULT_MYSQL_DSN
SERVER_ACCOUNTS = ("postgres", "nobody")  # who runs a throwaway PostgreSQL when the tests run as root
START_ATTEMPTS = 3  # a free port can be taken between choosing it and binding it
# Durability is pointless for a database deleted afterwards; speed is not.
PG_SETTINGS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c listen_addresses=127.0.0.1"
# Same character set and collation as a stock Debian MariaDB, so results match a configured server.
MARIADB_SETTINGS = ("--character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci --skip-name-resolve "
                    "--bind-address=127.0.0.1 --innodb-buffer-pool-size=64M --innodb-flush-log-at-trx-commit=0 "
                    "--innodb-doublewrite=0")


def _which(name: str) -> str | None:
    """``shutil.which`` that also searches sbin, which a non-root PATH often lacks."""
    return shutil.which(name, path=os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/usr/local/sbin"]))


def _pg_ctl() -> str:
    """``pg_ctl`` from the bin directory ``pg_config`` names (Debian keeps it off PATH), else from PATH."""
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        bindir = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=True,
                                timeout=30).stdout.strip()
        if os.access(os.path.join(bindir, "pg_ctl"), os.X_OK):
            return os.path.join(bindir, "pg_ctl")
    found = _which("pg_ctl")
    if found is None:
        raise FileNotFoundError("no pg_ctl: neither pg_config --bindir nor PATH has one")
    return found


def _server_account() -> pwd.struct_passwd | None:
    """The account a throwaway PostgreSQL runs as: ``None`` (ourselves) unless we are root."""
    if os.geteuid() != 0:
        return None
    for name in SERVER_ACCOUNTS:
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name)
    raise LookupError(f"running as root and none of the accounts {', '.join(SERVER_ACCOUNTS)} exists")


def _pg_ctl_as(account: pwd.struct_passwd, pg_ctl: str, folder: Path) -> str:
    """A root-owned script that runs ``pg_ctl`` as ``account``: the executor takes one program path."""
    script = folder / "pg_ctl"
    setpriv = _which("setpriv")
    if setpriv is None:
        raise FileNotFoundError("no setpriv to drop root for the throwaway PostgreSQL")
    script.write_text(f"#!/bin/sh\ncd / && exec {setpriv} --reuid={account.pw_uid} --regid={account.pw_gid} "
                      f"--init-groups -- {pg_ctl} \"$@\"\n")
    script.chmod(stat.S_IRWXU)
    return str(script)


@pytest.fixture(scope="session")
def pg_throwaway() -> Iterator[PostgreSQLExecutor]:
    """A private PostgreSQL on a free port of 127.0.0.1 (superuser ``postgres``, trust), gone afterwards."""
    account = _server_account()
    folder = Path(tempfile.mkdtemp(prefix="jobschema-pg-"))
    try:
        folder.chmod(0o711)  # the server account may pass through, not list
        data_home = folder / "server"
        data_home.mkdir(mode=0o700)
        executable = _pg_ctl()
        if account is not None:
            os.chown(data_home, account.pw_uid, account.pw_gid)
            executable = _pg_ctl_as(account, executable, folder)
        executor = _start_postgres(executable, data_home)
        try:
            with DatabaseJanitor(user=executor.user, host=executor.host, port=executor.port,
                                 dbname=executor.template_dbname, as_template=True, connection_timeout=10):
                yield executor
        finally:
            executor.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _start_postgres(executable: str, data_home: Path) -> PostgreSQLExecutor:
    for attempt in range(START_ATTEMPTS):
        port = port_for.get_port(None)
        executor = PostgreSQLExecutor(
            executable=executable, host="127.0.0.1", port=port, datadir=str(data_home / "data"),
            unixsocketdir=str(data_home), logfile=str(data_home / "postgresql.log"), startparams="-w",
            dbname=SESSION_DB_NAME, postgres_options=PG_SETTINGS,
        )
        try:
            return executor.start()
        except (ExecutorError, subprocess.CalledProcessError) as exc:
            log = Path(executor.logfile).read_text(errors="replace") if Path(executor.logfile).exists() else ""
            with contextlib.suppress(Exception):
                executor.stop()
            executor.clean_directory()
            if attempt + 1 < START_ATTEMPTS and (isinstance(exc, AlreadyRunning) or "could not bind" in log):
                continue
            raise RuntimeError(f"throwaway PostgreSQL did not start: {exc}\n{log[-2000:]}") from exc
    raise AssertionError("unreachable")


def pg_throwaway_dsn(executor: PostgreSQLExecutor) -> str:
    return f"postgresql://{executor.user}@{executor.host}:{executor.port}/{executor.maintenance_dbname}"


_pg_configured = pg_params(PG_DSN)
pg_configured = pg_factories.postgresql_noproc(
    host=_pg_configured["host"], port=_pg_configured["port"], user=_pg_configured["user"],
    password=_pg_configured["password"], dbname=SESSION_DB_NAME, maintenance_dbname=_pg_configured["dbname"],
)

_mysql_configured = mysql_params(MYSQL_DSN)
mysql_configured = mysql_factories.mysql_noproc(
    host=_mysql_configured["host"], port=_mysql_configured["port"], user=_mysql_configured["user"],
)

# MariaDB runs as the test user (``--user`` names the OS account; root is allowed when named), so its data may
# stay under pytest's temporary folder. The two scripts in ``bin/`` add ``--no-defaults`` (a system my.cnf
# would name another account first) and give root a password-less login by TCP.
BIN = Path(__file__).resolve().parent / "bin"
mysql_throwaway = mysql_factories.mysql_proc(
    mysqld_exec=_which("mariadbd") or _which("mysqld"),
    admin_executable=_which("mariadb-admin") or _which("mysqladmin"),
    mysqld_safe=BIN / "mariadbd-safe",
    install_db=str(BIN / "mariadb-install-db"),
    host="127.0.0.1",
    user=pwd.getpwuid(os.geteuid()).pw_name,
    port=None,
    params=MARIADB_SETTINGS,
)


def mysql_throwaway_dsn(executor) -> str:
    return f"mysql://root@{executor.host}:{executor.port}/mysql"


__all__ = ["MYSQL_DSN", "PG_DSN", "mysql_configured", "mysql_throwaway", "mysql_throwaway_dsn", "pg_configured",
           "pg_throwaway", "pg_throwaway_dsn"]
