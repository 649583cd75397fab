"""Walk a project once and hand each rule the objects it declared it looks at.

Table rules get one table at a time with a ``TableContext``; migration rules get one statement at a time
with the file and the ``FileState`` of everything before it. The runner then applies suppressions (YAML
per table, SQL per statement), sets each finding's severity from the configuration and sorts the result.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

from ..dialects import base as dialects
from ..errors import LoadError, UsageError
from ..finding import Finding, Location, Severity, sort_findings
from ..load.build import load_project
from ..model.objects import Module, Origin, Project, Table
from . import registry, suppress
from .migration import FileState, MigrationFile, parse_file
from .registry import Selection


@dataclass(frozen=True)
class TableContext:
    module: Module
    project: Project
    prefix: str  # schema folder as shown in reports ("schema")

    def location(self, origin: Origin | None) -> Location | None:
        if origin is None or origin.file is None:
            return None
        return Location(_join(self.prefix, origin.file), origin.line, origin.col)

    def path(self, table: Table, *parts: str) -> str:
        return ".".join((self.module.name, table.name, *parts))


@dataclass
class LintResult:
    findings: list[Finding] = field(default_factory=list)
    tables: int = 0
    files: int = 0
    suppressed: int = 0

    @property
    def failing(self) -> list[Finding]:
        return [f for f in self.findings if f.severity in (Severity.ERROR, Severity.WARNING)]


def _join(prefix: str, rel: str) -> str:
    return rel if not prefix or prefix == "." else f"{prefix}/{rel}".replace(os.sep, "/")


def display_path(path: str, base: str) -> str:
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(base))
    return (path if rel.startswith("..") else rel).replace(os.sep, "/")


def _instances(selection: Selection, target: str) -> list[registry.Rule]:
    out = []
    for cls in selection.rules(target):
        rule = cls()
        rule.severity = selection.severity_of(cls)
        out.append(rule)
    return out


def _meta(selection: Selection) -> registry.Rule | None:
    rules = _instances(selection, "suppression")
    return rules[0] if rules else None


class _FileIgnores:
    """The suppressions of the view and function files findings point at, each file read once."""

    def __init__(self, root: str | None, prefix: str):
        self.root, self.prefix = root, prefix
        self._seen: dict[str, frozenset[str]] = {}
        self.problems: list[tuple[str, suppress.Problem]] = []

    def codes(self, origin: Origin | None) -> frozenset[str]:
        if self.root is None or origin is None or not origin.file or not origin.file.endswith(".sql"):
            return frozenset()
        if origin.file not in self._seen:
            try:
                with open(os.path.join(self.root, origin.file), encoding="utf-8") as fh:
                    codes, problems = suppress.file_suppressions(fh.read())
            except (OSError, UnicodeDecodeError):
                codes, problems = frozenset(), []
            self._seen[origin.file] = codes
            self.problems += [(_join(self.prefix, origin.file), p) for p in problems]
        return self._seen[origin.file]


def _runs(rule: registry.Rule, module: Module, live: bool) -> bool:
    """Every rule runs on files; on a catalog (``live``) only a rule a catalog shows the subject of
    (``catalog``) and whose capabilities (``needs``) the catalog's dialect has."""
    return not live or (rule.catalog and bool(set(rule.reads()) & set(module.dialects)))


def lint_project(project: Project, selection: Selection, prefix: str = "schema",
                 only_files: set[str] | None = None, root: str | None = None, live: bool = False) -> LintResult:
    """Run the table rules over every table of ``project``; ``only_files`` keeps findings in those files.
    ``root`` (the schema folder on disk) lets a view or function file suppress findings on its object.
    ``live``: ``project`` was read from a catalog, so rules about what the files say are left out."""
    result = LintResult()
    table_rules = _instances(selection, "table")
    all_module_rules = _instances(selection, "module")
    meta = _meta(selection)
    files = _FileIgnores(root, prefix)
    for module in project.modules:
        rules = [r for r in table_rules if _runs(r, module, live)]
        module_rules = [r for r in all_module_rules if _runs(r, module, live)]
        ctx = TableContext(module, project, prefix)
        objects = {o.name: o.origin for o in (*module.functions, *module.views)}
        for rule in module_rules:
            for f in rule.check(module, ctx):
                origin = objects.get(f.path.split(".", 1)[-1]) if f.location else None
                if origin is not None and f.code in files.codes(origin):
                    result.suppressed += 1
                    continue
                result.findings.append(f)
        for table in module.tables:
            result.tables += 1
            ignored = suppress.table_ignores(table)
            for rule in rules:
                for f in rule.check(table, ctx):
                    if f.code in ignored:
                        result.suppressed += 1
                        continue
                    result.findings.append(f)
            if meta is not None:
                for code in suppress.yaml_problems(table):
                    result.findings.append(meta.finding(
                        ctx.path(table), f"lint.ignore names unknown rule code {code}; it suppresses nothing",
                        ctx.location(table.origin), module=module.name))
    if meta is not None:
        for shown, p in files.problems:
            result.findings.append(meta.finding(shown, p.message, Location(shown, p.line)))
    if only_files is not None:
        result.findings = [f for f in result.findings if f.location and f.location.file in only_files]
    result.findings = sort_findings(result.findings)
    return result


def lint_migration(mf: MigrationFile, selection: Selection, rows=None) -> LintResult:
    """The migration rules over one file; ``rows`` (``lint.live.LiveRows``) lets data-aware rules count the
    live rows each statement would reject."""
    result = LintResult(files=1)
    rules = [r for r in _instances(selection, "migration") if mf.dialect in r.reads()]
    state = FileState(rows=rows)
    found: list[Finding] = []
    for st in mf.statements:
        for rule in rules:
            for f in rule.check(st, state, mf):
                data = dict(f.data)
                data.setdefault("statement_line", st.line)
                found.append(replace(f, data=data, location=f.location or Location(mf.path, st.line)))
        state.apply(st)
    sups, problems = suppress.sql_suppressions(mf)
    kept = suppress.apply_sql(found, sups)
    result.suppressed = len(found) - len(kept)
    meta = _meta(selection)
    if meta is not None:
        for p in problems:
            kept.append(meta.finding(mf.path, p.message, Location(mf.path, p.line)))
    result.findings = sort_findings(kept)
    return result


def lint_sql_file(path: str, selection: Selection, base: str = ".", dialect: str | None = None,
                  rows=None) -> LintResult:
    shown = display_path(path, base)
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except OSError as exc:
        raise UsageError(f"{shown}: cannot read: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise LoadError("file is not valid UTF-8", shown, None, None, "save it as UTF-8") from None
    if dialect is None and rows is not None:  # a file whose path names no dialect is the database's
        dialect = dialects.name_for_path(shown, rows.name)
    mf = parse_file(shown, text, dialect)
    # a file for another engine (migrations/<m>/mysql/ against PostgreSQL) gets the rules, not the live rows
    return lint_migration(mf, selection, rows if rows is not None and mf.dialect == rows.name else None)


def _is_schema_root(path: str) -> bool:
    try:
        return any(os.path.isfile(os.path.join(path, d, "module.yaml")) for d in os.listdir(path))
    except OSError:
        return False


def _schema_root_of(path: str) -> str | None:
    """The schema folder a YAML file or module folder belongs to (the folder holding module folders)."""
    here = os.path.abspath(path if os.path.isdir(path) else os.path.dirname(path))
    while True:
        if os.path.isfile(os.path.join(here, "module.yaml")):
            return os.path.dirname(here)
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def sql_files_under(path: str) -> list[str]:
    out = []
    for dirpath, dirnames, filenames in os.walk(path):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        out.extend(os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".sql"))
    return out


@dataclass
class Targets:
    schemas: dict[str, set[str] | None] = field(default_factory=dict)  # schema root -> only these files
    sql_files: list[str] = field(default_factory=list)


def classify(paths: list[str], base: str = ".") -> Targets:
    """Sort PATHs into schema folders (whole, or some of their YAML files) and migration SQL files."""
    t = Targets()

    def add_schema(root: str, file: str | None) -> None:
        if file is None:
            t.schemas[root] = None
        elif root not in t.schemas or t.schemas[root] is not None:
            t.schemas.setdefault(root, set()).add(file)  # type: ignore[union-attr]

    for p in paths:
        if not os.path.exists(p):
            raise UsageError(f"{p}: no such file or folder")
        if os.path.isdir(p):
            if _is_schema_root(p):
                add_schema(os.path.abspath(p), None)
                continue
            root = _schema_root_of(p)
            if root is not None:
                for dirpath, _dirs, files in os.walk(p):
                    for f in files:
                        if f.endswith((".yaml", ".yml")):
                            add_schema(root, display_path(os.path.join(dirpath, f), base))
                continue
            t.sql_files.extend(sql_files_under(p))
        elif p.endswith((".yaml", ".yml")):
            root = _schema_root_of(p)
            if root is None:
                raise UsageError(f"{p}: not inside a module folder (no module.yaml above it)")
            add_schema(root, display_path(p, base))
        elif p.endswith(".sql"):
            root = _schema_root_of(p)
            if root is not None:  # a view/function file of the schema: lint its module's tables
                continue
            t.sql_files.append(p)
        else:
            raise UsageError(f"{p}: lint reads schema folders, table YAML files and migration .sql files")
    return t


def run(paths: list[str], selection: Selection, base: str = ".", rows=None) -> LintResult:
    """Lint every target in ``paths`` and merge the results; with ``rows`` (``lint --dsn``) the paths are
    migration files, checked against the live rows too."""

    targets = classify(paths, base)
    if rows is not None and targets.schemas:
        raise UsageError("with --dsn, PATHs are migration files or folders to check against the database's rows; "
                         "lint the schema folder without --dsn")
    total = LintResult()
    for root, only in sorted(targets.schemas.items()):
        project = load_project(root)
        r = lint_project(project, selection, display_path(root, base), only, root=root)
        total.findings += r.findings
        total.tables += r.tables
        total.suppressed += r.suppressed
    for path in targets.sql_files:
        r = lint_sql_file(path, selection, base, rows=rows)
        total.findings += r.findings
        total.files += r.files
        total.suppressed += r.suppressed
    total.findings = sort_findings(total.findings)
    return total
