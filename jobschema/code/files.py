"""Which files ``jobschema code`` reads: the given paths (files or folders), walked in sorted order, with
dependency, build and environment folders left out so a checkout's ``node_modules`` is never scanned."""

from __future__ import annotations

import os

from ..errors import UsageError

# extension -> language the extractors know
LANGUAGES = {".ts": "typescript", ".mts": "typescript", ".cts": "typescript", ".tsx": "tsx",
             ".js": "javascript", ".jsx": "javascript", ".mjs": "javascript", ".cjs": "javascript",
             ".py": "python"}

IGNORED_DIRS = frozenset({"node_modules", ".git", ".hg", ".svn", "dist", "build", "out", ".next", ".nuxt",
                          "coverage", "__pycache__", ".venv", "venv", ".tox", ".nox", ".mypy_cache",
                          ".pytest_cache", ".ruff_cache", "site-packages", ".turbo", ".cache"})


def language(path: str) -> str | None:
    if path.endswith(".d.ts"):  # declarations only: types, no queries (value sets are read from .ts files)
        return "typescript"
    return LANGUAGES.get(os.path.splitext(path)[1].lower())


def _ignored_dir(name: str, path: str) -> bool:
    return name in IGNORED_DIRS or os.path.isfile(os.path.join(path, "pyvenv.cfg"))


def discover(paths: list[str]) -> list[str]:
    """Source files under ``paths``, sorted and without duplicates; a path that does not exist is a usage
    error naming it (a typo must not read as "no findings")."""
    out: set[str] = set()
    for p in paths:
        if os.path.isfile(p):
            if language(p) is None:
                raise UsageError(f"{p}: not a source file jobschema code reads "
                                 f"(known: {', '.join(sorted(LANGUAGES))})")
            out.add(os.path.normpath(p))
        elif os.path.isdir(p):
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = sorted(d for d in dirnames if not _ignored_dir(d, os.path.join(dirpath, d)))
                for f in filenames:
                    if language(f) is not None:
                        out.add(os.path.normpath(os.path.join(dirpath, f)))
        else:
            raise UsageError(f"{p}: no such file or folder")
    return sorted(out)
