"""Options from ``[tool.jobschema]`` in the nearest pyproject.toml, with command-line flags winning.

Kept tiny and import-light: the CLI reads it before deciding which heavy modules to load.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field

from .errors import UsageError


@dataclass(frozen=True)
class Config:
    root: str = "."
    schema: str = "schema"
    out: str = "generated"
    migrations: str = "migrations"
    docs: str = "docs/tables"
    lint: dict = field(default_factory=dict)
    audit: dict = field(default_factory=dict)
    code: dict | None = None  # [tool.jobschema.code], read by code/settings.py; None when absent
    migrate: dict = field(default_factory=dict)

    def path(self, value: str) -> str:
        return value if os.path.isabs(value) else os.path.normpath(os.path.join(self.root, value))

    def lint_settings(self) -> LintSettings:
        """``lint = {select, ignore, severity, paths}``, checked for shape (codes are checked by the linter)."""
        return LintSettings.from_table(self.lint, self)

    def migrate_settings(self, **flags) -> dict:
        """``migrate = {lock_timeout, lock_retries, batch_size, pause_ms}`` (seconds for the timeout), with
        command-line ``flags`` that are not None winning; checked for shape and range."""
        table = self.migrate
        if not isinstance(table, dict):
            raise UsageError("[tool.jobschema] migrate must be a table: migrate = {lock_timeout = 2, "
                             "batch_size = 1000}")
        unknown = sorted(set(table) - set(MIGRATE_KEYS))
        if unknown:
            raise UsageError(f"unknown key {unknown[0]!r} in [tool.jobschema] migrate "
                             f"(known: {', '.join(MIGRATE_KEYS)})")
        out = {}
        for key, (kind, low) in MIGRATE_KEYS.items():
            given = flags.get(key)
            value = given if given is not None else table.get(key)
            if value is None:
                continue
            where = f"--{key.replace('_', '-')}" if given is not None else f"[tool.jobschema] migrate.{key}"
            if isinstance(value, bool) or not isinstance(value, int | float) or (kind is int and value != int(value)):
                raise UsageError(f"{where} must be {'a whole number' if kind is int else 'a number'}")
            if value < low:
                raise UsageError(f"{where} must be at least {low}")
            out[key] = kind(value)
        return out


LINT_KEYS = ("select", "ignore", "severity", "paths")
MIGRATE_KEYS = {"lock_timeout": (float, 0.001), "lock_retries": (int, 0), "batch_size": (int, 1), "pause_ms": (int, 0)}


@dataclass(frozen=True)
class LintSettings:
    """Rule selection in the style of ruff: ``select``/``ignore`` take codes, prefixes ("JS1") or rule names;
    ``severity`` maps a code or prefix to error|warning|info; ``paths`` are what ``jobschema lint`` reads
    when given no PATH (default: the schema and migrations folders)."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    paths: tuple[str, ...] = ()

    @staticmethod
    def from_table(table: dict, cfg: Config) -> LintSettings:
        if not isinstance(table, dict):
            raise UsageError("[tool.jobschema] lint must be a table: lint = {select = [...], ignore = [...]}")
        unknown = sorted(set(table) - set(LINT_KEYS))
        if unknown:
            raise UsageError(f"unknown key {unknown[0]!r} in [tool.jobschema] lint (known: {', '.join(LINT_KEYS)})")

        def strings(key: str) -> tuple[str, ...] | None:
            if key not in table:
                return None
            v = table[key]
            if isinstance(v, str):
                v = [v]
            if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                raise UsageError(f"[tool.jobschema] lint.{key} must be a list of strings")
            return tuple(v)

        sev = table.get("severity", {})
        if not isinstance(sev, dict) or not all(isinstance(v, str) for v in sev.values()):
            raise UsageError('[tool.jobschema] lint.severity must map codes to "error", "warning" or "info"')
        bad = [v for v in sev.values() if v.lower() not in ("error", "warning", "info")]
        if bad:
            raise UsageError(f'[tool.jobschema] lint.severity: {bad[0]!r} is not "error", "warning" or "info"')
        paths = strings("paths")
        if paths is None:
            paths = (cfg.schema, cfg.migrations)
        return LintSettings(select=strings("select"), ignore=strings("ignore") or (),
                            severity=tuple(sorted((k, v.lower()) for k, v in sev.items())),
                            paths=tuple(cfg.path(p) for p in paths))


def find_pyproject(start: str = ".") -> str | None:
    here = os.path.abspath(start)
    while True:
        cand = os.path.join(here, "pyproject.toml")
        if os.path.isfile(cand):
            return cand
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def load_config(start: str = ".") -> Config:
    """Read ``[tool.jobschema]``; paths in it are relative to the pyproject.toml that holds it."""
    path = find_pyproject(start)
    if path is None:
        return Config(root=os.path.abspath(start))
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"{path}: cannot read [tool.jobschema]: {exc}") from None
    section = data.get("tool", {}).get("jobschema")
    root = os.path.dirname(path)
    if not isinstance(section, dict):
        return Config(root=root if section is not None or os.path.isdir(os.path.join(root, "schema"))
                      else os.path.abspath(start))
    known = {"schema", "out", "migrations", "docs", "lint", "audit", "code", "migrate"}
    unknown = sorted(set(section) - known)
    if unknown:
        raise UsageError(f"{path}: unknown key {unknown[0]!r} in [tool.jobschema] (known: {', '.join(sorted(known))})")
    kwargs = {k: section[k] for k in known if k in section}
    return Config(root=root, **kwargs)
