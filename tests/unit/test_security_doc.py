"""docs/security.md names the test that proves each promise: every test file and test it names must exist, so a
renamed or deleted test cannot leave a promise standing on nothing."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "security.md"
FILE_REF = re.compile(r"^(tests/[\w/]+\.py)(?:::(\w+))?$")
TEST_REF = re.compile(r"^test_\w+$")


def _tests_in(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
            and n.name.startswith("test_")}


def references() -> list[tuple[str, str | None]]:
    """(file, test or None) for each backquoted reference, in order; a bare ``test_x`` belongs to the file
    named last before it (the doc's convention: the file once, then its tests)."""
    out: list[tuple[str, str | None]] = []
    current: str | None = None
    for token in re.findall(r"`([^`]+)`", DOC.read_text(encoding="utf-8")):
        m = FILE_REF.match(token)
        if m:
            current = m.group(1)
            out.append((current, m.group(2)))
        elif TEST_REF.match(token):
            assert current is not None, f"{token} is named before any test file in docs/security.md"
            out.append((current, token))
    return out


def test_every_test_security_md_names_exists():
    refs = references()
    assert len({f for f, _ in refs}) >= 10 and sum(1 for _, t in refs if t) >= 40, refs  # the doc names them
    missing = []
    for file, test in refs:
        path = ROOT / file
        if not path.is_file():
            missing.append(file)
        elif test is not None and test not in _tests_in(path):
            missing.append(f"{file}::{test}")
    assert not missing, "docs/security.md names tests that do not exist: " + ", ".join(missing)
