"""Migration folders, their integrity file, and the executor that applies them.

``directory`` (files, atomic writes), ``sumfile`` (``jobschema.sum``), ``executor`` (the run algorithm);
the SQL for each database lives in ``dialects/<name>/migrate.py``.
"""

from __future__ import annotations

import os

from ..errors import UsageError
from .directory import MigrationDir, module_dir
from .executor import Target


def infer_module(folder: str, dialect: str) -> str | None:
    """The module a folder of ``dialect`` migrations belongs to: ``migrations/<module>/<dialect>`` → module,
    else None (the folder's own name says nothing about the module)."""
    path = os.path.normpath(os.path.abspath(folder))
    if os.path.basename(path) == dialect:
        return os.path.basename(os.path.dirname(path)) or None
    return None


def history_module(folder: str, dialect: str, module: str | None = None) -> str:
    """The module name the history records ``folder``'s files under, the same for every command (migrate,
    status, resolve, ``audit --write-migration``): the ``<module>`` of ``<module>/<dialect>/``, or ``--module``
    for a folder laid out otherwise. A folder's own name is never used: the audit knows only the module's,
    so a file applied under one name would show as pending under the other and could run twice."""
    inferred = infer_module(folder, dialect)
    if inferred is not None:
        if module is not None and module != inferred:
            raise UsageError(f"--dir {folder} is the {dialect} folder of module {inferred} (<module>/{dialect}/); "
                             f"its files cannot be recorded as module {module}")
        return inferred
    if module is None:
        raise UsageError(f"--dir {folder} is not laid out as <module>/{dialect}/, so the history cannot tell "
                         "which module its files belong to: pass --module NAME (the module whose fixes it holds)")
    return module


def targets(root: str, dialect: str, module: str | None = None, folder: str | None = None,
            order: list[str] | None = None, keyed: bool = True) -> list[Target]:
    """The folders one run covers: ``--dir``, or ``--module``'s folder, or every module's folder under
    ``root`` (in ``order`` — the schema's dependency order — then by name). ``keyed``: the run reads or
    writes the history, so a ``--dir`` folder must say which module it is (``history_module``)."""
    if folder is not None:  # a typo in a deploy job is an error, never "up to date"
        if not os.path.isdir(folder):
            raise UsageError(f"--dir {folder}: no such folder")
        if keyed:
            return [Target(history_module(folder, dialect, module), MigrationDir(folder))]
        name = module or infer_module(folder, dialect) or os.path.basename(os.path.normpath(folder))
        return [Target(name, MigrationDir(folder))]
    if module is not None:
        path = module_dir(root, module, dialect)
        if not os.path.isdir(path):
            known = sorted(m for m in os.listdir(root) if os.path.isdir(module_dir(root, m, dialect))) \
                if os.path.isdir(root) else []
            raise UsageError(f"--module {module}: no {dialect} migration folder at {path} "
                             f"(modules with one: {', '.join(known) or 'none'})")
        return [Target(module, MigrationDir(path))]
    if not os.path.isdir(root):
        raise UsageError(f"no migrations folder at {root} (write one with `jobschema audit --write-migration` "
                         "or pass --dir)")
    found = sorted(m for m in os.listdir(root) if os.path.isdir(module_dir(root, m, dialect)))
    rank = {name: i for i, name in enumerate(order or [])}
    found.sort(key=lambda m: (rank.get(m, len(rank)), m))
    return [Target(m, MigrationDir(module_dir(root, m, dialect))) for m in found]
