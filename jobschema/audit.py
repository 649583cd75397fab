"""The audit use-case behind ``api.audit``: live database × schema → changes, row counts, findings.

The one audit path (``api.audit`` → ``run``): the registered dialect's read-only ``session`` → its
``inspect`` (fixed set of catalog queries) → pick the module → ``diff.differ`` (generic walk, the hooks
the dialect returns for this audit) → its ``probe`` (violating rows, unless ``no_data``) →
``diff.findings``. ``inspect_live`` is the same session and inspect for ``jobschema inspect``. No SQL
here: every statement comes from ``dialects/<name>/``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from .connect import DEFAULT_LOCK_TIMEOUT_MS, DEFAULT_STATEMENT_TIMEOUT_MS, redact_dsn, resolve_dsn
from .dialects import base
from .diff import findings as findings_mod
from .diff.changes import Change
from .diff.differ import DiffOptions, diff
from .diff.locate import locate
from .early_catalog import CATALOG_CONNECTIONS, EarlyCatalog, open_catalog
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
    database: str | None = None  # the database read, where the dialect has no namespaces (MySQL)

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
            **({"database": self.database} if self.database else {}),
            "data_checked": not self.no_data,
            "summary": {**self.counts(), "tables": len(self.desired[0].tables) if self.desired else 0,
                        "drift": self.drift},
            "findings": [f.to_dict() for f in self.findings],
        }


def driver(dialect: str):
    """The registered dialect, which answers the audit's questions (session, inspect, hooks, probe)."""
    return base.require(dialect)


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


def inspect_live(dsn: str, namespaces: Sequence[str], search: str | None = None,
                 statement_timeout_ms: int = DEFAULT_STATEMENT_TIMEOUT_MS,
                 lock_timeout_ms: int = DEFAULT_LOCK_TIMEOUT_MS, application: str = "jobschema audit") -> LiveCatalog:
    """The catalog of ``dsn`` read the way the audit reads it (``early_catalog.open_catalog``)."""
    with open_catalog(base.for_dsn(dsn), dsn, namespaces, search, statement_timeout_ms, lock_timeout_ms,
                      application) as (_conn, live):
        return live


def audit_connection(conn, project: Project, dialect: str, module: str | None = None, namespace: str | None = None,
                     no_data: bool = False, unmanaged_severity: Severity | str = Severity.WARNING,
                     target: str = "", progress: Progress | None = None, live: LiveCatalog | None = None
                     ) -> AuditResult:
    """Audit through an open connection already inside the dialect's read-only session; ``live`` is
    the catalog when it was read already, on this connection, for this project's namespaces."""
    d = driver(dialect)
    step = progress or (lambda _s: None)
    step("reading the catalog")
    search = _search_namespace(project, module, namespace)  # what an early catalog was read with too
    if live is None:
        live = d.inspect(conn, _namespaces(project, namespace), search)
    m = choose_module(project, live, d.name, module, namespace)
    primary = namespace or m.namespace
    if primary != (search or "public"):
        # the module was picked from what the catalog holds: read it again with its namespace first on the
        # search path, which is how the server must print its views to match the schema's
        live = d.inspect(conn, _namespaces(project, namespace), primary)
    desired = [_remap(x, namespace) if x is m else x for x in _with_requires(project, m, d.name)]
    step("comparing")
    options = DiffOptions(primary_namespace=primary, own_namespaces=tuple(m.schemas),
                          unmanaged_severity=Severity(unmanaged_severity))
    # hooks bound to this audit's modules and server (MySQL: indexed text is varchar); never kept
    hooks = d.hooks(desired, live)
    changes = diff(desired, live, hooks, options).changes
    probes = []
    if not no_data:
        step("counting violating rows")
        probes = d.probe(conn, changes, live, hooks)
    result = AuditResult(module=m.name, dialect=d.name, target=target, namespace=primary, changes=changes,
                         probes=probes, live=live, desired=tuple(desired), no_data=no_data,
                         server_version=live.server_version, database=live.database)
    result.findings = findings_mod.findings(changes, probes, hooks)
    return result


def _read_catalog_early(dialect, dsn: str, schema_dir: str, module: str | None, namespace: str | None,
                        statement_timeout_ms: int, lock_timeout_ms: int):
    """Start reading the catalog of the namespaces the module.yaml files name (``early_catalog.py``);
    None when they cannot be read."""
    from .load.peek import declared_namespaces

    declared = declared_namespaces(schema_dir)
    if declared is None or (module is not None and module not in declared):
        return None
    names = {namespace or "public"}
    for spaces in declared.values():
        names.update(spaces)
    search = namespace or (declared[module][0] if module else None)
    return EarlyCatalog(dialect, dsn, statement_timeout_ms, lock_timeout_ms, sorted(names), search)


def load(schema_dir: str, module: str | None = None) -> Project:
    """The schema to audit against, checked for ``module`` (``--module``) when one is named."""
    from .load.build import load_project

    project = load_project(schema_dir)
    if module is not None and project.module(module) is None:
        raise UsageError(f"unknown module {module!r} (known: {', '.join(m.name for m in project.modules)})")
    return project


def run(dsn: str | None, schema_dir: str, module: str | None = None, namespace: str | None = None,
        no_data: bool = False, unmanaged_severity: Severity | str = Severity.WARNING,
        statement_timeout_ms: int = DEFAULT_STATEMENT_TIMEOUT_MS, lock_timeout_ms: int = DEFAULT_LOCK_TIMEOUT_MS,
        progress: Progress | None = None) -> AuditResult:
    """Load the schema, open a read-only session on ``dsn`` and audit; nothing is written anywhere."""
    dsn = resolve_dsn(dsn)
    d = base.for_dsn(dsn)
    step = progress or (lambda _s: None)
    step("loading the schema")
    from .load.table_files import prestart

    prestart(schema_dir)  # a worker process for the table files, ready before the catalog thread competes
    early = _read_catalog_early(d, dsn, schema_dir, module, namespace, statement_timeout_ms, lock_timeout_ms)
    try:
        project = load(schema_dir, module)
    except BaseException:
        if early is not None:
            early.abandon()
        raise
    if early is None:
        return audit_database(project, dsn, schema_dir, module, namespace, no_data, unmanaged_severity,
                              statement_timeout_ms, lock_timeout_ms, progress)
    step("connecting")
    target = redact_dsn(dsn) if dsn else "(PG* environment)"
    try:
        conn = early.wait()
        live = early.live_for(_namespaces(project, namespace), _search_namespace(project, module, namespace))
        result = audit_connection(conn, project, d.name, module, namespace, no_data, unmanaged_severity,
                                  target, progress, live=live)
    finally:
        early.close()
    # each finding points at the schema file and line declaring its object (CI annotations land there)
    result.findings = locate(result.findings, result.desired, schema_dir)
    return result


def audit_database(project: Project, dsn: str, schema_dir: str, module: str | None = None,
                   namespace: str | None = None, no_data: bool = False,
                   unmanaged_severity: Severity | str = Severity.WARNING,
                   statement_timeout_ms: int = DEFAULT_STATEMENT_TIMEOUT_MS,
                   lock_timeout_ms: int = DEFAULT_LOCK_TIMEOUT_MS, progress: Progress | None = None,
                   application: str = "jobschema audit", catalog_connections: int = CATALOG_CONNECTIONS
                   ) -> AuditResult:
    """Audit ``dsn`` against a project loaded already (``load``): one session, opened and closed here.
    The fleet audit (``fleet.py``) calls this once per database with the same project and one catalog
    connection, so it never holds more connections than it runs jobs."""
    d = base.for_dsn(dsn)
    step = progress or (lambda _s: None)
    step("connecting")
    target = redact_dsn(dsn) if dsn else "(PG* environment)"
    with open_catalog(d, dsn, _namespaces(project, namespace), _search_namespace(project, module, namespace),
                      statement_timeout_ms, lock_timeout_ms, application, catalog_connections) as (conn, live):
        result = audit_connection(conn, project, d.name, module, namespace, no_data, unmanaged_severity,
                                  target, progress, live=live)
    result.findings = locate(result.findings, result.desired, schema_dir)
    return result
