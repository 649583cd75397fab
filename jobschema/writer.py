"""Write generated files all-or-nothing, and compare them with disk for ``--check``.

Each file goes to a temporary name in its folder and is renamed over the target, so a crash never
leaves a half-written file; files this run no longer produces are removed from the folders it owns.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass

from .errors import UsageError


@dataclass(frozen=True)
class FileStatus:
    path: str  # relative to the output root
    state: str  # "same" | "changed" | "new" | "stale"


def compare(out_root: str, files: dict[str, str], owned_dirs: set[str]) -> list[FileStatus]:
    """State of every file we would write, plus generated files on disk we would no longer write."""
    result = []
    for rel in sorted(files):
        full = os.path.join(out_root, rel)
        try:
            with open(full, "rb") as fh:
                on_disk = fh.read()
        except FileNotFoundError:
            result.append(FileStatus(rel, "new"))
            continue
        result.append(FileStatus(rel, "same" if on_disk == files[rel].encode("utf-8") else "changed"))
    for d in sorted(owned_dirs):
        full = os.path.join(out_root, d)
        if not os.path.isdir(full):
            continue
        for fn in sorted(os.listdir(full)):
            rel = f"{d}/{fn}"
            if fn.endswith((".sql", ".md")) and rel not in files:
                result.append(FileStatus(rel, "stale"))
    return result


def _mode_for(path: str) -> int:
    """The mode ``open()`` would give a new file (0666 less the umask), or the replaced file's own: mkstemp's
    0600 would hide generated files from the group and the web server that reads them."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def atomic_write(path: str, text: str) -> None:
    folder = os.path.dirname(path) or "."
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".jobschema-", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def apply(out_root: str, files: dict[str, str], statuses: list[FileStatus]) -> None:
    for st in statuses:
        full = os.path.join(out_root, st.path)
        if st.state in ("new", "changed"):
            atomic_write(full, files[st.path])
        elif st.state == "stale":
            os.unlink(full)


def check_writable(path: str, option: str) -> None:
    """Refuse a report file that cannot be written before the work that fills it runs (an audit of a big
    database should not end in an error about a missing folder)."""
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise UsageError(f"{option} {path}: is a folder; give a file name")
    if not os.path.isdir(folder):
        raise UsageError(f"{option} {path}: no such folder {folder}")
    target = path if os.path.exists(path) else folder
    if not os.access(target, os.W_OK):
        raise UsageError(f"{option} {path}: not writable")


def check_schema_out(out_dir: str | None, option: str = "--out") -> None:
    """``--out`` of ``import``/``inspect`` is the schema folder that holds module folders; given a module
    folder itself (it holds ``module.yaml``) the module would nest silently inside it."""
    if out_dir and os.path.isfile(os.path.join(out_dir, "module.yaml")):
        parent = os.path.dirname(os.path.normpath(out_dir)) or "."
        raise UsageError(f"{option} {out_dir} is a module folder (it holds module.yaml); {option} is the schema "
                         f"folder the module's own folder goes into: pass {option} {parent}")
