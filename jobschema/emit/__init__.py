"""Model → schema files (the loader run backwards), plus the tidy pass that makes inspected or imported
models read the way a person writes them.

``files.module_files`` is exact: ``load(emit(m)) == m``, origins aside. ``tidy.tidy_module`` is where
judgement lives (enum-like CHECKs become ``enum:`` columns, ``'x'::text`` defaults become ``x``).
``write_module`` puts the files on disk all-or-nothing.
"""

from __future__ import annotations

import os

from .. import writer
from ..errors import UsageError
from ..model.objects import Module
from ..writer import atomic_write
from .files import module_files


def write_module(m: Module, out_root: str, force: bool = False, kept: list[str] | None = None) -> list[str]:
    """Write ``<out_root>/<module>/...``; refuse to mix with an existing non-empty folder unless ``force``.

    With ``force``, a file of the folder this run does not write is deleted only when an earlier import
    or inspect wrote it and nobody has edited it since (``writer`` manifest); any other is left in place
    and its path added to ``kept``. Returns the written paths, relative to ``out_root``, sorted.
    """

    folder = os.path.join(out_root, m.name)
    files = module_files(m)
    if os.path.isdir(folder) and os.listdir(folder) and not force:
        raise UsageError(f"{folder} already exists and is not empty; pass --force to overwrite it "
                         "or --out to write elsewhere")
    if force and os.path.isdir(folder):
        manifest = writer.read_manifest(folder)
        for sub in ("tables", "views", "functions", "triggers"):
            d = os.path.join(folder, sub)
            if os.path.isdir(d):
                for fn in sorted(os.listdir(d)):
                    rel = f"{sub}/{fn}"
                    if rel in files or not fn.endswith((".yaml", ".yml", ".sql")):
                        continue
                    if writer.unchanged_since_written(folder, rel, manifest):
                        os.unlink(os.path.join(d, fn))
                    elif kept is not None:
                        kept.append(f"{m.name}/{rel}")
    for rel in sorted(files):
        atomic_write(os.path.join(folder, rel), files[rel])
    writer.write_manifest(folder, files)
    return sorted(f"{m.name}/{rel}" for rel in files)


__all__ = ["module_files", "write_module"]
