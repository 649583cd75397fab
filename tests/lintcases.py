"""The schema-rule lint cases, ``tests/cases/lint/<CODE>.yaml``: read them and write one as a schema folder.

Shared by the file lint test (tests/unit/test_lint_cases.py) and the ``lint --dsn`` test that builds each
case's generated DDL on a real server (tests/integration/test_lint_live.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import yaml

CASES = Path(__file__).resolve().parent / "cases" / "lint"
YAML_CASES = sorted(CASES.glob("JS*.yaml"))


def schema_cases() -> Iterator[tuple[str, int, dict]]:
    """(code, index, case) for every entry of every ``JS*.yaml``; ``code`` is the file's rule."""
    for path in YAML_CASES:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, case in enumerate(doc["cases"]):
            yield path.stem, i, case


def case_id(code: str, index: int, case: dict) -> str:
    return f"{code}-{index}-{case['name'].replace(' ', '_')}"


def write_module(root: Path, case: dict) -> Path:
    """The case as a schema folder under ``root``: its tables, view and function ``files`` in module ``m``,
    and the ``other_modules`` it requires; returns the folder."""
    schema = root / "schema"
    mod = schema / "m"
    (mod / "tables").mkdir(parents=True)
    module = {"module": "m", **(case.get("module") or {})}
    (mod / "module.yaml").write_text(yaml.safe_dump(module), encoding="utf-8")
    for t in case["tables"]:
        (mod / "tables" / f"{t['table']}.yaml").write_text(yaml.safe_dump(t, sort_keys=False), encoding="utf-8")
    for rel, text in (case.get("files") or {}).items():  # views/..., functions/... of module m
        (mod / rel).parent.mkdir(parents=True, exist_ok=True)
        (mod / rel).write_text(text, encoding="utf-8")
    for name, meta in (case.get("other_modules") or {}).items():  # e.g. supabase_compat, for requires
        (schema / name).mkdir()
        (schema / name / "module.yaml").write_text(yaml.safe_dump({"module": name, **meta}), encoding="utf-8")
    return schema
