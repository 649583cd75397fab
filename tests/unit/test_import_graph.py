"""The package-level import graph of ``jobschema``, computed from the source.

Packages import downward only: a cycle between packages means no package can be read, tested or replaced on its
own. The graph counts every import — at module level, inside functions, and ``importlib.import_module`` calls
with a literal module name (or a literal prefix, as the dialect registry uses) — because a function-level import
is still a dependency, only a later one.
"""

from __future__ import annotations

import ast
import fnmatch
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "jobschema"
PACKAGE = "jobschema"
ARCHITECTURE = ROOT.parent / "docs" / "architecture.md"
LAZY_SECTION = "## Imports inside functions"


@dataclass(frozen=True)
class Import:
    """One internal import: who imports what, where, and whether it sits inside a function."""

    source: str
    target: str
    path: str
    line: int
    in_function: bool


def _module_names() -> dict[str, Path]:
    out: dict[str, Path] = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _base_package(module: str, path: Path, level: int) -> str:
    """The package a relative import of ``level`` dots starts from."""
    parts = module.split(".")
    if path.name != "__init__.py":
        parts.pop()
    return ".".join(parts[: len(parts) - (level - 1)] if level > 1 else parts)


def _literal_prefix(node: ast.expr) -> str | None:
    """The constant text of a module name argument: all of it, or the complete dotted part before a placeholder."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        head = str(node.values[0].value)
        return head.rpartition(".")[0] if "." in head.lstrip(".") or not head.startswith(".") else head
    return None


class _Collector(ast.NodeVisitor):
    def __init__(self, module: str, path: Path, modules: dict[str, Path]) -> None:
        self.module, self.path, self.modules = module, path, modules
        self.depth = 0
        self.found: list[Import] = []

    def _add(self, target: str, node: ast.AST) -> None:
        if target == PACKAGE or target.startswith(PACKAGE + "."):
            found = Import(self.module, target, str(self.path.relative_to(ROOT.parent)), node.lineno, self.depth > 0)
            if found not in self.found:  # ``from x import a, b`` is one import of x
                self.found.append(found)

    def _function(self, node: ast.AST) -> None:
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _function

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name, node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        base = node.module or ""
        if node.level:
            start = _base_package(self.module, self.path, node.level)
            base = f"{start}.{base}" if base else start
        for alias in node.names:
            sub = f"{base}.{alias.name}"
            self._add(sub if sub in self.modules else base, node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name == "import_module" and node.args:
            text = _literal_prefix(node.args[0])
            if text is not None:
                if text.startswith("."):
                    level = len(text) - len(text.lstrip("."))
                    rest = text.lstrip(".")
                    start = _base_package(self.module, self.path, level)
                    text = f"{start}.{rest}" if rest else start
                if text:
                    self._add(text, node)
        self.generic_visit(node)


def internal_imports() -> list[Import]:
    """Every import of a ``jobschema`` module by a ``jobschema`` module."""
    modules = _module_names()
    out: list[Import] = []
    for module, path in modules.items():
        collector = _Collector(module, path, modules)
        collector.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        out.extend(collector.found)
    return out


def package_of(module: str) -> str:
    """``jobschema.diff.differ`` → ``jobschema.diff``; a top-level module (``jobschema.api``) is its own node."""
    parts = module.split(".")
    return ".".join(parts[:2])


def package_graph(imports: list[Import]) -> dict[tuple[str, str], list[Import]]:
    """Edges between packages, each with the imports that make it."""
    edges: dict[tuple[str, str], list[Import]] = {}
    for imp in imports:
        a, b = package_of(imp.source), package_of(imp.target)
        if a != b and b != PACKAGE:
            edges.setdefault((a, b), []).append(imp)
    return edges


def find_cycle(edges: dict[tuple[str, str], list[Import]]) -> list[str] | None:
    """One cycle of packages (first node repeated at the end), or ``None``; deterministic."""
    succ: dict[str, list[str]] = {}
    for a, b in sorted(edges):
        succ.setdefault(a, []).append(b)
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in succ.get(node, []):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(succ):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def describe_cycle(cycle: list[str], edges: dict[tuple[str, str], list[Import]]) -> str:
    lines = [" → ".join(cycle)]
    for a, b in zip(cycle[:-1], cycle[1:], strict=True):
        for imp in edges[(a, b)]:
            where = "in a function" if imp.in_function else "module level"
            lines.append(f"  {a} → {b}: {imp.path}:{imp.line} imports {imp.target} ({where})")
    return "\n".join(lines)


def documented_lazy_imports(text: str) -> list[tuple[list[str], list[str]]]:
    """The table under ``## Imports inside functions``: (importer patterns, imported patterns) per row."""
    section = text.split(LAZY_SECTION, 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and cells[0].startswith("`"):
            rows.append((re.findall(r"`([\w.*]+)`", cells[0]), re.findall(r"`([\w.*]+)`", cells[1])))
    return rows


def undocumented(imports: list[Import], rows: list[tuple[list[str], list[str]]]) -> list[Import]:
    def on_list(imp: Import) -> bool:
        return any(any(fnmatch.fnmatchcase(imp.source, p) for p in sources)
                   and any(fnmatch.fnmatchcase(imp.target, p) for p in targets) for sources, targets in rows)

    return [i for i in imports if i.in_function and not on_list(i)]


def test_the_collector_sees_every_kind_of_import():
    """Module-level, function-level, relative and ``import_module`` imports all count, or the cycle test
    below proves nothing."""
    source = """
import jobschema.model.objects
from ..diff import changes
from . import sibling
import json

def f(name):
    from ..plan.steps import Step
    importlib.import_module(f"jobschema.dialects.{name}.plan")
    importlib.import_module(f".{name}", __name__)
"""
    modules = {"jobschema.report.text": ROOT / "report" / "text.py", "jobschema.report.sibling": ROOT}
    collector = _Collector("jobschema.report.text", ROOT / "report" / "text.py", modules)
    collector.visit(ast.parse(source))
    assert [(i.target, i.in_function) for i in collector.found] == [
        ("jobschema.model.objects", False),
        ("jobschema.diff", False),
        ("jobschema.report.sibling", False),
        ("jobschema.plan.steps", True),
        ("jobschema.dialects", True),
        ("jobschema.report", True),
    ]


def test_the_graph_covers_the_package():
    imports = internal_imports()
    assert any(not i.in_function for i in imports) and any(i.in_function for i in imports)
    assert {"jobschema.cli", "jobschema.dialects", "jobschema.diff", "jobschema.lint", "jobschema.migrate",
            "jobschema.plan", "jobschema.report"} <= {package_of(i.source) for i in imports}


def test_find_cycle_reports_a_cycle():
    imp = Import("x", "y", "x.py", 1, False)
    edges = {("a", "b"): [imp], ("b", "c"): [imp], ("c", "a"): [imp], ("c", "d"): [imp]}
    assert find_cycle(edges) == ["a", "b", "c", "a"]
    assert find_cycle({("a", "b"): [imp], ("b", "c"): [imp]}) is None


def test_no_import_cycle_between_packages():
    edges = package_graph(internal_imports())
    cycle = find_cycle(edges)
    assert cycle is None, "import cycle between packages:\n" + describe_cycle(cycle, edges)


def test_function_level_imports_are_the_documented_ones():
    """An import inside a function hides a dependency; it is kept only where it keeps a heavy library (sqlglot,
    PyYAML, jinja2, rich, a database driver) off a path that does not need it, and docs/architecture.md says so."""
    rows = documented_lazy_imports(ARCHITECTURE.read_text(encoding="utf-8"))
    assert len(rows) >= 5, f"no table under {LAZY_SECTION!r} in {ARCHITECTURE}"
    stray = undocumented(internal_imports(), rows)
    assert not stray, (
        "imports inside functions that docs/architecture.md does not list: move them to module level, or add a row "
        f"under {LAZY_SECTION!r} naming the heavy library they keep off the path\n"
        + "\n".join(f"  {i.path}:{i.line} imports {i.target}" for i in stray))


def test_the_documented_list_is_enforced():
    rows = [(["jobschema.api"], ["jobschema.load.*"])]
    kept = Import("jobschema.api", "jobschema.load.build", "jobschema/api.py", 3, True)
    stray = Import("jobschema.api", "jobschema.writer", "jobschema/api.py", 4, True)
    top = Import("jobschema.api", "jobschema.writer", "jobschema/api.py", 1, False)
    assert undocumented([kept, stray, top], rows) == [stray]
    table = f"{LAZY_SECTION}\n\n| Importer | Imports |\n| --- | --- |\n| `jobschema.cli.*` | `jobschema.api`, `x.*` |\n"
    assert documented_lazy_imports(table) == [(["jobschema.cli.*"], ["jobschema.api", "x.*"])]
