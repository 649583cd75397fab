"""The audit use-case behind ``api.audit``: live database × schema → changes, row counts, findings.

connect (read-only transaction, timeouts) → ``driver.inspect`` (fixed set of catalog queries) → pick the
module → ``diff.differ`` (generic walk, dialect hooks) → ``driver.probe`` (violating rows, unless
``no_data``) → ``diff.findings``. No SQL here: every statement comes from ``dialects/<name>/``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from .connect import (
    DEFAULT_LOCK_TIMEOUT_MS,
    DEFAULT_STATEMENT_TIMEOUT_MS,
    dialect_of_dsn,
    parse_mysql_dsn,
    redact_dsn,
    resolve_dsn,
)
from .dialects import base
from .diff import findings as findings_mod
from .diff.changes import Change
from .diff.differ import DiffOptions, diff
from .diff.locate import locate
from .early_catalog import EarlyCatalog
from .errors import ExitCode, UsageError
from .finding import Finding, Severity
from .model.live import LiveCatalog
from .model.objects import Module, Project

Progress = Callable[[str], None]


@dataclass
class AuditResult:
    module: str
    dialect: str
    target: str  # the redacted DSN
    namespace: str
    changes: list[Change] = field(default_factory=list)
    probes: list = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    live: LiveCatalog | None = None
    desired: tuple[Module, ...] = ()
    no_data: bool = False
    server_version: str | None = None

    @property
    def drift(self) -> bool:
        """Any finding of severity error or warning (info findings are reported but are not drift)."""
        return any(f.severity in (Severity.ERROR, Severity.WARNING) for f in self.findings)

    @property
    def exit_code(self) -> ExitCode:
        return ExitCode.DRIFT if self.drift else ExitCode.OK

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            out[f.severity.value] += 1
        return out

    def to_dict(self) -> dict:
        return {
            "version": 1,
            "dialect": self.dialect,
            "target": self.target,
            "module": self.module,
            "namespace": self.namespace,
            "data_checked": not self.no_data,
            "summary": {**self.counts(), "tables": len(self.desired[0].tables) if self.desired else 0,
                        "drift": self.drift},
            "findings": [f.to_dict() for f in self.findings],
        }


def driver(dialect: str):
    """The dialect's audit driver (``dialects/<name>/driver.py`` ``DRIVER``), or None when the dialect
    offers a whole-audit entry point instead (``DIALECT.audit``, MySQL)."""
    try:
        mod = importlib.import_module(f"jobschema.dialects.{dialect}.driver")
    except ModuleNotFoundError as exc:
        if not (exc.name and exc.name.endswith(".driver")):
            raise
        if hasattr(base.get(dialect), "audit"):
            return None
        raise UsageError(f"audit is not available for {dialect} databases yet") from None
    return mod.DRIVER


_EXTRA_KINDS = ("Drop", "UnmanagedObject", "DisableRls")


def _dialect_audit(dsn: str, project: Project, dialect: str, module: str | None, namespace: str | None,
                   no_data: bool, unmanaged_severity: Severity, statement_timeout_ms: int, lock_timeout_ms: int,
                   progress: Progress) -> AuditResult:
    """Audit through a dialect's own entry point (``DIALECT.audit(dsn, desired, ...)``): it needs the
    module first, so the first candidate is tried and the audit repeated if the catalog names another."""
    d = base.get(dialect)
    candidates = [m for m in project.modules if dialect in m.dialects]
    if not candidates:
        raise UsageError(f"no module is defined for {dialect}")
    first = choose_module(project, _empty_live(dialect), dialect, module, namespace) if module else candidates[0]
    kwargs = dict(data=not no_data, statement_timeout_ms=statement_timeout_ms, lock_timeout_ms=lock_timeout_ms)
    progress("reading the catalog")
    run_ = d.audit(dsn, _with_requires(project, first, dialect), **kwargs)
    m = choose_module(project, run_.live, dialect, module, namespace)
    if m is not first:
        run_ = d.audit(dsn, _with_requires(project, m, dialect), **kwargs)
    desired = _with_requires(project, m, dialect)
    changes = [replace(c, severity=unmanaged_severity) if type(c).__name__.startswith(_EXTRA_KINDS) else c
               for c in run_.changes]
    hooks = d.hooks(desired, parse_mysql_dsn(dsn)["database"] if dialect == "mysql" else None)
    result = AuditResult(module=m.name, dialect=dialect, target=redact_dsn(dsn), namespace=m.namespace,
                         changes=changes, probes=list(run_.probes), live=run_.live, desired=tuple(desired),
                         no_data=no_data, server_version=getattr(run_, "server", None))
    result.findings = findings_mod.findings(changes, result.probes, hooks)
    return result


def _empty_live(dialect: str) -> LiveCatalog:
    return LiveCatalog(module=Module(name="live"), dialect=dialect)


def _namespaces(project: Project, namespace: str | None) -> list[str]:
    out = {namespace or "public"}
    for m in project.modules:
        out.add(m.namespace)
        out.update(m.schemas)
        out.update(t.namespace for t in m.tables)
        out.update(f.namespace for f in m.functions)
        out.update(v.namespace for v in m.views)
    return sorted(out)


def _with_requires(project: Project, m: Module, dialect: str) -> list[Module]:
    out, seen = [m], {m.name}
    queue = list(m.requires)
    while queue:
        name = queue.pop(0)
        if name in seen:
            continue
        seen.add(name)
        dep = project.module(name)
        if dep is None or dialect not in dep.dialects:
            continue
        out.append(dep)
        queue.extend(dep.requires)
    return out


def _remap(m: Module, namespace: str | None) -> Module:
    """The module with its own namespace replaced by ``namespace`` (``--namespace``)."""
    if namespace is None or namespace == m.namespace:
        return m
    old = m.namespace

    def ns(x):
        return namespace if x == old else x

    tables = tuple(replace(t, namespace=ns(t.namespace), foreign_keys=tuple(
        replace(fk, ref_namespace=ns(fk.ref_namespace) if fk.ref_namespace else None) for fk in t.foreign_keys))
        for t in m.tables)
    return replace(m, namespace=namespace, tables=tables,
                   views=tuple(replace(v, namespace=ns(v.namespace)) for v in m.views),
                   functions=tuple(replace(f, namespace=ns(f.namespace)) for f in m.functions),
                   triggers=tuple(replace(t, namespace=ns(t.namespace)) for t in m.triggers))


def choose_module(project: Project, live: LiveCatalog, dialect: str, module: str | None,
                  namespace: str | None) -> Module:
    """``--module``, or the one module whose tables the database holds (the most of them, when another
    module shares a table name)."""
    candidates = [m for m in project.modules if dialect in m.dialects]
    if module is not None:
        m = project.module(module)
        if m is None:
            known = ", ".join(x.name for x in project.modules)
            raise UsageError(f"unknown module {module!r} (known: {known})")
        if dialect not in m.dialects:
            raise UsageError(f"module {module!r} is not defined for {dialect}")
        return m
    live_tables = {(t.namespace, t.name) for t in live.module.tables}
    scores = []
    for m in candidates:
        ns = namespace or m.namespace
        n = sum(1 for t in m.tables if ((ns if t.namespace == m.namespace else t.namespace), t.name) in live_tables)
        if n:
            scores.append((n, m))
    if not scores:
        if len(candidates) == 1:
            return candidates[0]
        raise UsageError("the database holds no table of any module; pass --module "
                         f"(known: {', '.join(m.name for m in candidates)})")
    best = max(n for n, _ in scores)
    top = [m for n, m in scores if n == best]
    if len(top) > 1:
        raise UsageError("the database holds tables of several modules "
                         f"({', '.join(m.name for m in top)}); pass --module")
    return top[0]


def _search_namespace(project: Project, module: str | None, namespace: str | None) -> str | None:
    wanted = project.module(module) if module else None
    return namespace or (wanted.namespace if wanted is not None else None)


def audit_connection(conn, project: Project, dialect: str, module: str | None = None, namespace: str | None = None,
                     no_data: bool = False, unmanaged_severity: Severity | str = Severity.WARNING,
                     target: str = "", progress: Progress | None = None, live: LiveCatalog | None = None
                     ) -> AuditResult:
    """Audit through an open connection already inside the dialect's read-only transaction; ``live`` is
    the catalog when it was read already, on this connection, for this project's namespaces."""
    drv = driver(dialect)
    step = progress or (lambda _s: None)
    step("reading the catalog")
    search = _search_namespace(project, module, namespace)  # what an early catalog was read with too
    if live is None:
        if search and hasattr(drv, "use_namespace"):
            drv.use_namespace(conn, search)
        live = drv.inspect(conn, _namespaces(project, namespace))
    m = choose_module(project, live, dialect, module, namespace)
    primary = namespace or m.namespace
    if primary != (search or "public") and hasattr(drv, "use_namespace"):
        # the module was picked from what the catalog holds: read it again with its namespace first on the
        # search path, which is how the server must print its views to match the schema's
        drv.use_namespace(conn, primary)
        live = drv.inspect(conn, _namespaces(project, namespace))
    desired = [_remap(x, namespace) if x is m else x for x in _with_requires(project, m, dialect)]
    step("comparing")
    options = DiffOptions(primary_namespace=primary, unmanaged_severity=Severity(unmanaged_severity))
    # a dialect may bind its hooks to the audited modules and the server (MySQL: indexed text is varchar)
    hooks = drv.hooks_for(desired, live) if hasattr(drv, "hooks_for") else drv.hooks
    changes = diff(desired, live, hooks, options).changes
    probes = []
    if not no_data:
        step("counting violating rows")
        probes = drv.probe(conn, changes, live)
    result = AuditResult(module=m.name, dialect=dialect, target=target, namespace=primary, changes=changes,
                         probes=probes, live=live, desired=tuple(desired), no_data=no_data,
                         server_version=live.server_version)
    result.findings = findings_mod.findings(changes, probes, hooks)
    return result


def _read_catalog_early(drv, dsn: str, schema_dir: str, module: str | None, namespace: str | None,
                        statement_timeout_ms: int, lock_timeout_ms: int):
    """Start reading the catalog of the namespaces the module.yaml files name (``early_catalog.py``);
    None when they cannot be read or the dialect has no driver."""
    from .load.peek import declared_namespaces

    declared = declared_namespaces(schema_dir) if drv is not None else None
    if declared is None or (module is not None and module not in declared):
        return None
    names = {namespace or "public"}
    for spaces in declared.values():
        names.update(spaces)
    search = namespace or (declared[module][0] if module else None)
    return EarlyCatalog(drv, dsn, statement_timeout_ms, lock_timeout_ms, sorted(names), search)


def run(dsn: str | None, schema_dir: str, module: str | None = None, namespace: str | None = None,
        no_data: bool = False, unmanaged_severity: Severity | str = Severity.WARNING,
        statement_timeout_ms: int = DEFAULT_STATEMENT_TIMEOUT_MS, lock_timeout_ms: int = DEFAULT_LOCK_TIMEOUT_MS,
        progress: Progress | None = None) -> AuditResult:
    """Load the schema, open a read-only session on ``dsn`` and audit; nothing is written anywhere."""
    from .load.build import load_project

    dsn = resolve_dsn(dsn)
    dialect = dialect_of_dsn(dsn)
    drv = driver(dialect)
    step = progress or (lambda _s: None)
    step("loading the schema")
    early = _read_catalog_early(drv, dsn, schema_dir, module, namespace, statement_timeout_ms, lock_timeout_ms)
    try:
        project = load_project(schema_dir)
        if module is not None and project.module(module) is None:
            raise UsageError(f"unknown module {module!r} (known: {', '.join(m.name for m in project.modules)})")
    except BaseException:
        if early is not None:
            early.abandon()
        raise
    step("connecting")
    target = redact_dsn(dsn) if dsn else "(PG* environment)"
    if drv is None:
        result = _dialect_audit(dsn, project, dialect, module, namespace, no_data, Severity(unmanaged_severity),
                                statement_timeout_ms, lock_timeout_ms, step)
    elif early is not None:
        try:
            conn = early.wait()
            live = early.live_for(_namespaces(project, namespace), _search_namespace(project, module, namespace))
            result = audit_connection(conn, project, dialect, module, namespace, no_data, unmanaged_severity,
                                      target, progress, live=live)
        finally:
            early.close()
    else:
        with drv.session(dsn, statement_timeout_ms, lock_timeout_ms) as conn:
            result = audit_connection(conn, project, dialect, module, namespace, no_data, unmanaged_severity,
                                      target, progress)
    # each finding points at the schema file and line declaring its object (CI annotations land there)
    result.findings = locate(result.findings, result.desired, schema_dir)
    return result
