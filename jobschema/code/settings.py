"""``[tool.jobschema.code]`` in pyproject.toml: ``paths`` (what to scan without PATH arguments), ``module``,
``dialect`` (of the SQL in strings) and ``map`` (value sets declared in code → schema columns)."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import UsageError

KEYS = ("paths", "module", "dialect", "map")


@dataclass(frozen=True)
class CodeSettings:
    configured: bool = False
    paths: tuple[str, ...] = ()
    module: str | None = None
    dialect: str | None = None
    map: tuple[tuple[str, str], ...] = ()

    @staticmethod
    def from_config(cfg) -> CodeSettings:
        table = getattr(cfg, "code", None)
        if table is None:
            return CodeSettings()
        where = "[tool.jobschema.code]"
        if not isinstance(table, dict):
            raise UsageError(f"{where} must be a table: [tool.jobschema.code] paths = [\"src\"]")
        unknown = sorted(set(table) - set(KEYS))
        if unknown:
            raise UsageError(f"unknown key {unknown[0]!r} in {where} (known: {', '.join(KEYS)})")
        paths = table.get("paths", [])
        if isinstance(paths, str):
            paths = [paths]
        if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
            raise UsageError(f"{where} paths must be a list of strings")
        for key in ("module", "dialect"):
            if key in table and not isinstance(table[key], str):
                raise UsageError(f"{where} {key} must be a string")
        mapping = table.get("map", {})
        if not isinstance(mapping, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                                    for k, v in mapping.items()):
            raise UsageError(f'{where} map must map names to columns: map = {{"BatchJob.status" = '
                             '"batch.batch_jobs.status"}')
        bad = [v for v in mapping.values() if not 1 <= v.count(".") <= 2]
        if bad:
            raise UsageError(f"{where} map: {bad[0]!r} is not table.column or module.table.column")
        return CodeSettings(True, tuple(cfg.path(p) for p in paths), table.get("module"), table.get("dialect"),
                            tuple(sorted(mapping.items())))
