"""Migration folders, their integrity file, and the executor that applies them.

``directory`` (files, atomic writes), ``sumfile`` (``jobschema.sum``), ``executor`` (the run algorithm);
the SQL for each database lives in ``dialects/<name>/migrate.py``.
"""

from __future__ import annotations

import os

from ..errors import UsageError
from .directory import MigrationDir, module_dir
from .executor import Target


def infer_module(folder: str, dialect: str) -> str:
    """The module a folder of ``dialect`` migrations belongs to: ``migrations/<module>/<dialect>`` → module,
    else the folder's name."""
    path = os.path.normpath(os.path.abspath(folder))
    base = os.path.basename(path)
    if base == dialect:
        return os.path.basename(os.path.dirname(path)) or base
    return base


def targets(root: str, dialect: str, module: str | None = None, folder: str | None = None,
            order: list[str] | None = None) -> list[Target]:
    """The folders one run covers: ``--dir``, or ``--module``'s folder, or every module's folder under
    ``root`` (in ``order`` — the schema's dependency order — then by name)."""
    if folder is not None:  # a typo in a deploy job is an error, never "up to date"
        if not os.path.isdir(folder):
            raise UsageError(f"--dir {folder}: no such folder")
        return [Target(module or infer_module(folder, dialect), MigrationDir(folder))]
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
