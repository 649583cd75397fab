"""A migration folder: ``migrations/<module>/<dialect>/NNNN_<slug>.sql`` plus its ``jobschema.sum``.

Files apply in the order of their number. Writing is crash-safe: a new file is written to a temporary
name, flushed to disk and then linked under its final name (never over an existing file, so two
writers cannot both take ``0003``); only then is ``jobschema.sum`` rewritten, again through a temporary
file and a rename. A crash leaves either no new file, or a complete file the sum does not list yet —
which ``migrate`` refuses until someone reviews it and runs ``jobschema migrate hash``.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import UsageError
from ..names import NO_TRANSACTION
from . import sumfile

FILE_RE = re.compile(r"^(?P<version>\d{4,})_(?P<slug>[a-z0-9][a-z0-9_]*)\.sql$")
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class MigrationFile:
    version: str  # "0001"
    name: str  # "0001_fix_batch_jobs_status.sql"
    path: str
    data: bytes

    @property
    def text(self) -> str:
        return self.data.decode("utf-8")

    @property
    def checksum(self) -> str:
        return sumfile.h1(self.data)

    @property
    def transactional(self) -> bool:
        """False when the file's leading comments hold ``-- jobschema:no-transaction``."""
        return not has_directive(self.text, NO_TRANSACTION)


def has_directive(text: str, directive: str, *, anywhere: bool = False) -> bool:
    """``-- directive`` among the file's leading comments (``anywhere``: on any line, followed by anything)."""
    for line in text.splitlines():
        stripped = line.strip()
        if anywhere:
            if stripped.startswith("--") and stripped[2:].strip().split(" ", 1)[0] == directive:
                return True
            continue
        if not stripped:
            continue
        if not stripped.startswith("--"):
            return False
        if stripped[2:].strip() == directive:
            return True
    return False


def slugify(text: str, limit: int = 48) -> str:
    slug = _SLUG_JUNK.sub("_", text.lower()).strip("_")[:limit].strip("_")
    return slug or "migration"


def module_dir(root: str, module: str, dialect: str) -> str:
    return os.path.join(root, module, dialect)


class MigrationDir:
    """One folder of numbered migration files for one module and dialect."""

    def __init__(self, path: str):
        self.path = path

    def __repr__(self) -> str:
        return f"MigrationDir({self.path!r})"

    @property
    def sum_path(self) -> str:
        return os.path.join(self.path, sumfile.SUM_FILE)

    def names(self) -> list[str]:
        """The migration file names in apply order; anything else that looks like a migration is refused."""
        if not os.path.isdir(self.path):
            return []
        found: dict[str, str] = {}
        for name in os.listdir(self.path):
            if name.startswith(".") or not name.endswith(".sql"):
                continue
            m = FILE_RE.match(name)
            if m is None:
                raise UsageError(f"{os.path.join(self.path, name)}: a migration file is named NNNN_<slug>.sql "
                                 "(four or more digits, then lower-case letters, digits and underscores)")
            version = m.group("version")
            if version in found:
                raise UsageError(f"{self.path}: two migration files have version {version}: {found[version]} and "
                                 f"{name} (renumber one of them and run `jobschema migrate hash`)")
            found[version] = name
        return [found[v] for v in sorted(found, key=int)]

    def files(self) -> list[MigrationFile]:
        out = []
        for name in self.names():
            path = os.path.join(self.path, name)
            with open(path, "rb") as fh:
                out.append(MigrationFile(FILE_RE.match(name).group("version"), name, path, fh.read()))
        return out

    def verify(self) -> list[MigrationFile]:
        """The files, after checking them against ``jobschema.sum`` (raises ``SumMismatch``)."""
        files = self.files()
        sumfile.verify(self.path, [f.name for f in files])
        return files

    def next_version(self) -> str:
        names = self.names()
        last = int(FILE_RE.match(names[-1]).group("version")) if names else 0
        return f"{last + 1:04d}"

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """An exclusive lock on the folder for the length of a write (flock on the folder itself)."""
        os.makedirs(self.path, exist_ok=True)
        fd = os.open(self.path, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def write(self, slug: str, text: str) -> MigrationFile:
        """Add the next numbered file with ``text``, then rewrite the sum; both writes are atomic.

        The folder must match its sum first: a new file is never added on top of an unreviewed change.
        """
        data = text.encode("utf-8")
        slug = slugify(slug)
        with self.locked():
            self.verify()
            while True:
                version = self.next_version()
                name = f"{version}_{slug}.sql"
                target = os.path.join(self.path, name)
                tmp = _write_temp(self.path, data)
                try:
                    os.link(tmp, target)  # fails if the name exists: never overwrite
                except FileExistsError:
                    continue
                finally:
                    os.unlink(tmp)
                break
            _fsync_dir(self.path)
            self.rehash()
        return MigrationFile(version, name, target, data)

    def rehash(self) -> str:
        """Rewrite ``jobschema.sum`` from the files on disk (atomically); returns its text."""
        text = sumfile.compute(self.path, self.names())
        atomic_write(self.sum_path, text.encode("utf-8"))
        return text


def _write_temp(folder: str, data: bytes) -> str:
    fd, tmp = tempfile.mkstemp(prefix=".jobschema-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644 & ~_umask())
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return tmp


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_dir(folder: str) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: str, data: bytes) -> None:
    """Replace ``path`` with ``data``: temporary file, fsync, rename, fsync of the folder."""
    folder = os.path.dirname(path) or "."
    os.makedirs(folder, exist_ok=True)
    tmp = _write_temp(folder, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(folder)
