"""The user docs stay true: the schema format reference names every key the JSON Schema (and so the loader)
accepts, the docs the issue asks for exist, and every relative link in README.md and docs/*.md resolves."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]


def schema_keys() -> set[str]:
    keys: set[str] = set()

    def walk(o):
        if isinstance(o, dict):
            for k, v in o.items():
                if k == "properties" and isinstance(v, dict):
                    keys.update(v)
                walk(v)
        elif isinstance(o, list):
            for x in o:
                walk(x)

    walk(json.loads((ROOT / "jobschema" / "schema.json").read_text(encoding="utf-8")))
    return keys


def test_schema_format_reference_names_every_key():
    doc = (ROOT / "docs" / "schema-format.md").read_text(encoding="utf-8")
    keys = schema_keys()
    assert len(keys) > 30
    missing = sorted(k for k in keys if f"`{k}`" not in doc and not re.search(rf"(?<![\w.]){re.escape(k)}:", doc))
    assert not missing, f"docs/schema-format.md does not describe {missing}"


def test_the_user_docs_exist():
    for name in ("index", "getting-started", "schema-format", "cli", "rules", "ci", "architecture", "security"):
        assert (ROOT / "docs" / f"{name}.md").stat().st_size > 500, name


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_relative_links_resolve(path: Path):
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"^[a-z]+:", target) or target.startswith("#"):
            continue
        file = target.split("#", 1)[0]
        if not (path.parent / file).exists():
            broken.append(target)
    assert not broken, f"{path.name}: broken links {broken}"
