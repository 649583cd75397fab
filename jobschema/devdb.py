"""Throwaway PostgreSQL and MariaDB servers started from locally installed binaries.

Integration tests and local experiments need a real server, but a configured one is not always
running. ``ThrowawayServer`` initialises a fresh data directory in a temporary folder, starts the
server on a free port of 127.0.0.1 with password-less local access, hands out a DSN and removes
everything again on ``stop()``. Nothing here touches system-wide configuration or existing clusters.

Both servers refuse to run as root, so when the caller is root the server processes run as an
unprivileged account (``postgres``/``mysql`` if present, else ``nobody``; override with ``run_as`` or
``JOBSCHEMA_DEVDB_USER``) that owns the temporary directory.

    with ThrowawayServer("postgres") as server:
        psycopg.connect(server.dsn)
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

__all__ = [
    "DevDbError",
    "ThrowawayServer",
    "find_mariadb_binaries",
    "find_postgres_bindir",
    "free_port",
    "start_mariadb",
    "start_postgres",
]

KINDS = {"postgres": "postgres", "postgresql": "postgres", "mysql": "mysql", "mariadb": "mysql"}
_DEFAULT_USERS = {"postgres": ("postgres", "nobody"), "mysql": ("mysql", "nobody")}
_PORT_IN_USE = re.compile(r"address already in use|could not bind|bind on tcp/ip port", re.IGNORECASE)
_PORT_ATTEMPTS = 3


class DevDbError(RuntimeError):
    """A throwaway server could not be started; the message carries the server's own log tail."""


def free_port() -> int:
    """Ask the kernel for a currently unused TCP port on 127.0.0.1.

    The port is released before the server binds it, so a race is possible; ``start()`` retries with a
    new port when the server reports the address as taken.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _version_key(path: str) -> tuple:
    """Sort ``/usr/lib/postgresql/15/bin`` numerically so the newest major version wins."""
    return tuple(int(part) if part.isdigit() else -1 for part in re.split(r"[./]", path))


def find_postgres_bindir() -> Path | None:
    """Locate a directory holding both ``initdb`` and ``pg_ctl``.

    ``JOBSCHEMA_PG_BINDIR`` wins; then Debian-style ``/usr/lib/postgresql/*/bin`` (newest first, since
    those are not on PATH); then PATH.
    """
    candidates = []
    if os.environ.get("JOBSCHEMA_PG_BINDIR"):
        candidates.append(os.environ["JOBSCHEMA_PG_BINDIR"])
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key, reverse=True)
    candidates += sorted(glob.glob("/usr/pgsql-*/bin"), key=_version_key, reverse=True)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(os.path.dirname(on_path))
    for directory in candidates:
        if all(os.access(os.path.join(directory, exe), os.X_OK) for exe in ("initdb", "pg_ctl")):
            return Path(directory)
    return None


def _which(names: tuple[str, ...]) -> str | None:
    """``shutil.which`` that also looks in sbin/libexec, which non-root PATHs often lack."""
    extra = os.pathsep.join(["/usr/sbin", "/usr/local/sbin", "/usr/libexec", "/usr/local/bin", "/usr/bin"])
    search = os.pathsep.join(filter(None, [os.environ.get("PATH"), extra]))
    for name in names:
        found = shutil.which(name, path=search)
        if found:
            return found
    return None


def find_mariadb_binaries() -> tuple[str, str] | None:
    """Return ``(install_db, server)`` paths, preferring the MariaDB names over the MySQL aliases."""
    install_db = _which(("mariadb-install-db", "mysql_install_db"))
    server = _which(("mariadbd", "mysqld"))
    if install_db and server:
        return install_db, server
    return None


def _tail(path: Path, lines: int = 25) -> str:
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return "(no log)"
    return "\n".join(text.splitlines()[-lines:]) or "(empty log)"


class ThrowawayServer:
    """A private PostgreSQL (``kind="postgres"``) or MariaDB (``kind="mysql"``) server.

    ``start()`` returns the superuser DSN (``postgresql://postgres@127.0.0.1:PORT/postgres`` or
    ``mysql://root@127.0.0.1:PORT/mysql``); ``stop()`` shuts the server down and deletes its files.
    The instance also stops itself at interpreter exit in case the caller forgets.
    """

    def __init__(
        self,
        kind: str = "postgres",
        *,
        run_as: str | None = None,
        startup_timeout: float = 60.0,
        base_dir: str | None = None,
    ) -> None:
        try:
            self.kind = KINDS[kind.lower()]
        except KeyError:
            raise ValueError(f"unknown server kind {kind!r}; use 'postgres' or 'mysql'") from None
        self.run_as = run_as or os.environ.get("JOBSCHEMA_DEVDB_USER") or None
        self.startup_timeout = startup_timeout
        self.base_dir = base_dir
        self.port: int | None = None
        self.tmp_dir: Path | None = None
        self.log_path: Path | None = None
        self._dsn: str | None = None
        self._proc: subprocess.Popen | None = None
        self._pg_ctl: str | None = None
        self._account: pwd.struct_passwd | None = None

    # -- public API ---------------------------------------------------------------------------------

    @property
    def dsn(self) -> str:
        if self._dsn is None:
            raise DevDbError("throwaway server is not running; call start() first")
        return self._dsn

    @property
    def running(self) -> bool:
        return self._dsn is not None

    def start(self) -> str:
        """Initialise and start the server; return its DSN. Cleans up after itself on failure."""
        if self._dsn is not None:
            return self._dsn
        self._account = self._pick_account()
        self.tmp_dir = Path(tempfile.mkdtemp(prefix=f"jobschema-{self.kind}-", dir=self.base_dir))
        atexit.register(self.stop)
        try:
            self._chown(self.tmp_dir)
            if self.kind == "postgres":
                self._start_postgres()
            else:
                self._start_mariadb()
        except BaseException:
            self.stop()
            raise
        return self.dsn

    def stop(self) -> None:
        """Shut the server down (fast, then forcibly) and delete its data directory. Idempotent."""
        atexit.unregister(self.stop)
        try:
            if self.kind == "postgres":
                self._stop_postgres()
            else:
                self._stop_mariadb()
        finally:
            self._dsn = None
            if self.tmp_dir is not None:
                shutil.rmtree(self.tmp_dir, ignore_errors=True)
                self.tmp_dir = None

    def __enter__(self) -> ThrowawayServer:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = f"port {self.port}" if self.running else "stopped"
        return f"<ThrowawayServer {self.kind} {state}>"

    # -- process plumbing ---------------------------------------------------------------------------

    def _pick_account(self) -> pwd.struct_passwd | None:
        """The account to run server processes as, or ``None`` to run as ourselves (non-root)."""
        if os.geteuid() != 0:
            return None
        names = (self.run_as,) if self.run_as else _DEFAULT_USERS[self.kind]
        for name in names:
            try:
                account = pwd.getpwnam(name)
            except KeyError:
                continue
            if account.pw_uid != 0:
                return account
        raise DevDbError(
            f"running as root and no unprivileged account among {', '.join(names)} exists; "
            "pass run_as= or set JOBSCHEMA_DEVDB_USER"
        )

    def _chown(self, path: Path) -> None:
        if self._account is not None:
            os.chown(path, self._account.pw_uid, self._account.pw_gid)

    def _popen_kwargs(self) -> dict:
        """Run as the chosen account, in the temp dir, without PG*/MYSQL* variables leaking in."""
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("PG", "MYSQL", "MARIADB")) and not key.startswith("LC_")
        }
        env.update(HOME=str(self.tmp_dir), LANG="C", LC_ALL="C")
        kwargs: dict = {"cwd": self.tmp_dir, "env": env, "stdin": subprocess.DEVNULL}
        if self._account is not None:
            env["USER"] = env["LOGNAME"] = self._account.pw_name
            kwargs.update(user=self._account.pw_uid, group=self._account.pw_gid, extra_groups=[])
        return kwargs

    def _run(self, argv: list[str], what: str, timeout: float) -> subprocess.CompletedProcess:
        try:
            result = subprocess.run(
                argv, capture_output=True, text=True, timeout=timeout, **self._popen_kwargs()
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise DevDbError(f"{what} failed: {exc}") from exc
        if result.returncode != 0:
            output = "\n".join((result.stdout + result.stderr).strip().splitlines()[-25:])
            raise DevDbError(f"{what} exited with {result.returncode}:\n{output}")
        return result

    # -- PostgreSQL -----------------------------------------------------------------------------------

    def _start_postgres(self) -> None:
        bindir = find_postgres_bindir()
        if bindir is None:
            raise DevDbError("no PostgreSQL binaries (initdb, pg_ctl) found; set JOBSCHEMA_PG_BINDIR")
        assert self.tmp_dir is not None
        data = self.tmp_dir / "data"
        self.log_path = self.tmp_dir / "postgres.log"
        self._run(
            [str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
             "-E", "UTF8", "--no-locale", "--no-sync"],
            "initdb",
            self.startup_timeout,
        )
        base_conf = (data / "postgresql.conf").read_text()
        self._pg_ctl = str(bindir / "pg_ctl")
        for attempt in range(_PORT_ATTEMPTS):
            self.port = free_port()
            # Durability is pointless for a database that is deleted afterwards; speed is not.
            (data / "postgresql.conf").write_text(
                base_conf
                + "\n# jobschema throwaway server\n"
                + "listen_addresses = '127.0.0.1'\n"
                + f"port = {self.port}\n"
                + f"unix_socket_directories = '{self.tmp_dir}'\n"
                + "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
            )
            try:
                self._run(
                    [self._pg_ctl, "-D", str(data), "-l", str(self.log_path), "-w",
                     "-t", str(int(self.startup_timeout)), "-s", "start"],
                    "pg_ctl start",
                    self.startup_timeout + 10,
                )
            except DevDbError as exc:
                log = _tail(self.log_path)
                if attempt + 1 < _PORT_ATTEMPTS and _PORT_IN_USE.search(log):
                    continue
                raise DevDbError(f"{exc}\n--- postgres log ---\n{log}") from None
            break
        self._dsn = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _stop_postgres(self) -> None:
        if self._pg_ctl is None or self.tmp_dir is None:
            return
        data = str(self.tmp_dir / "data")
        pid_file = self.tmp_dir / "data" / "postmaster.pid"
        try:
            for mode in ("fast", "immediate"):
                if not pid_file.exists():
                    break
                with contextlib.suppress(DevDbError):
                    self._run([self._pg_ctl, "-D", data, "-m", mode, "-w", "-t", "30", "-s", "stop"],
                              "pg_ctl stop", 40)
            if pid_file.exists():
                # pg_ctl could not stop it: kill the postmaster we started, identified by its pid file.
                with contextlib.suppress(OSError, ValueError, IndexError):
                    os.kill(int(pid_file.read_text().split()[0]), signal.SIGKILL)
        finally:
            self._pg_ctl = None

    # -- MariaDB --------------------------------------------------------------------------------------

    def _start_mariadb(self) -> None:
        binaries = find_mariadb_binaries()
        if binaries is None:
            raise DevDbError("no MariaDB binaries (mariadb-install-db, mariadbd) found")
        install_db, server = binaries
        assert self.tmp_dir is not None
        data = self.tmp_dir / "data"
        self.log_path = self.tmp_dir / "mariadbd.err"
        # 'normal' gives root@localhost/127.0.0.1 with an empty password instead of unix_socket auth,
        # which only works for the OS root user over the socket.
        self._run(
            [install_db, "--no-defaults", f"--datadir={data}", "--auth-root-authentication-method=normal",
             "--skip-test-db", "--skip-name-resolve"],
            "mariadb-install-db",
            self.startup_timeout,
        )
        for attempt in range(_PORT_ATTEMPTS):
            self.port = free_port()
            argv = [
                server,
                "--no-defaults",
                f"--datadir={data}",
                f"--port={self.port}",
                f"--socket={self.tmp_dir / 'mysqld.sock'}",
                f"--pid-file={self.tmp_dir / 'mariadbd.pid'}",
                f"--log-error={self.log_path}",
                "--bind-address=127.0.0.1",
                "--skip-name-resolve",
                # Same defaults as a stock Debian/Ubuntu MariaDB, so results match a configured server.
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_general_ci",
                "--innodb-buffer-pool-size=64M",
                "--innodb-flush-log-at-trx-commit=0",
                "--innodb-doublewrite=0",
            ]
            try:
                self._proc = subprocess.Popen(
                    argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **self._popen_kwargs()
                )
            except OSError as exc:
                raise DevDbError(f"cannot run {server}: {exc}") from exc
            error = self._wait_for_mariadb()
            if error is None:
                break
            self._stop_mariadb()
            log = _tail(self.log_path)
            if attempt + 1 < _PORT_ATTEMPTS and _PORT_IN_USE.search(log):
                continue
            raise DevDbError(f"mariadbd did not start: {error}\n--- mariadbd log ---\n{log}")
        self._dsn = f"mysql://root@127.0.0.1:{self.port}/mysql"

    def _wait_for_mariadb(self) -> str | None:
        """Poll until the server accepts a login; return why not if it exits or times out."""
        import pymysql

        assert self._proc is not None
        deadline = time.monotonic() + self.startup_timeout
        last = "no attempt"
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                return f"server exited with {self._proc.returncode}"
            try:
                pymysql.connect(host="127.0.0.1", port=self.port, user="root", password="",
                                connect_timeout=2).close()
                return None
            except pymysql.MySQLError as exc:
                last = str(exc)
            time.sleep(0.1)
        return f"no answer within {self.startup_timeout:.0f} s ({last})"

    def _stop_mariadb(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def start_postgres(**kwargs) -> ThrowawayServer:
    """Start a throwaway PostgreSQL server; the caller must ``stop()`` it (or use ``with``)."""
    server = ThrowawayServer("postgres", **kwargs)
    server.start()
    return server


def start_mariadb(**kwargs) -> ThrowawayServer:
    """Start a throwaway MariaDB server; the caller must ``stop()`` it (or use ``with``)."""
    server = ThrowawayServer("mysql", **kwargs)
    server.start()
    return server
