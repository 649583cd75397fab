"""Use-cases the CLI and the tests call: plain functions over plain data, no terminal, no click.

Each returns a result object; the CLI decides how to show it and which exit code it means.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

from . import audit as _audit
from . import fleet, writer
from .code.settings import CodeSettings
from .connect import redact_dsn, resolve_dsn
from .dialects import base as dialects
from .errors import ConnectError, JobschemaError, PlanRefused, UsageError
from .lint.registry import Selection, rule_info
from .model.objects import Project
from .report import RuleInfo
from .report.text import where


@dataclass
class GenerateRow:
    module: str
    dialect: str
    tables: int
    views: int
    policies: int
    warnings: int
    files: int


@dataclass
class GenerateResult:
    rows: list[GenerateRow] = field(default_factory=list)
    warnings: list = field(default_factory=list)
    statuses: list = field(default_factory=list)  # writer.FileStatus
    files: dict[str, str] = field(default_factory=dict)
    checked: bool = False

    @property
    def differing(self) -> list:
        return [s for s in self.statuses if s.state != "same"]


def load(schema_dir: str) -> Project:
    from .load.build import load_project

    return load_project(schema_dir)


def select_modules(project: Project, module: str | None):
    if module is None:
        return list(project.modules)
    m = project.module(module)
    if m is None:
        known = ", ".join(x.name for x in project.modules)
        raise UsageError(f"unknown module {module!r} (known: {known})")
    return [m]


def render_project(project: Project, module: str | None = None, dialect: str | None = None) -> GenerateResult:
    """Render every selected module × dialect in memory; nothing touches disk here."""
    result = GenerateResult()
    chosen = [dialects.require(dialect).name] if dialect else list(dialects.names())
    for m in select_modules(project, module):
        for dname in chosen:
            if dname not in m.dialects:
                continue
            out = dialects.get(dname).render(m, project)
            for art in out.artifacts:
                result.files[art.path] = art.text
            result.warnings.extend(out.warnings)
            result.rows.append(GenerateRow(m.name, dname, out.tables, out.views, out.policies,
                                           len(out.warnings), len(out.artifacts)))
    return result


def generate(schema_dir: str, out_dir: str, module: str | None = None, dialect: str | None = None,
             check: bool = False, force: bool = False) -> GenerateResult:
    """Load, render and (unless ``check``) write; the project is fully validated before any write, and an
    ``out_dir`` holding files jobschema did not write is refused unless ``force`` (``writer.apply``)."""

    project = load(schema_dir)
    result = render_project(project, module, dialect)
    owned = set()
    for m in select_modules(project, module):
        for dname in ([dialects.require(dialect).name] if dialect else dialects.names()):
            owned.add(f"{m.name}/{dname}")
    result.statuses = writer.compare(out_dir, result.files, owned)
    result.checked = check
    if not check:
        writer.apply(out_dir, result.files, result.statuses, force=force)
    return result


# ------------------------------------------------------------------------------------------ migrate

def module_order(schema_dir: str | None) -> list[str]:
    """Module names with each after the modules it requires; empty when no schema can be loaded."""

    if not schema_dir:
        return []
    try:
        project = load(schema_dir)
    except (JobschemaError, OSError):
        return []
    by_name = {m.name: m for m in project.modules}
    out: list[str] = []

    def visit(name: str, seen: set[str]) -> None:
        if name in out or name in seen or name not in by_name:
            return
        seen.add(name)
        for dep in by_name[name].requires:
            visit(dep, seen)
        out.append(name)

    for m in project.modules:
        visit(m.name, set())
    return out


@contextlib.contextmanager
def _database_said(what: str):
    """A driver error outside a migration file's statements (creating or reading the history table, the
    lock, a connection lost mid-run) as one line instead of an internal error."""

    try:
        yield
    except JobschemaError:
        raise
    except Exception as exc:
        if type(exc).__module__.split(".")[0] not in ("psycopg", "pymysql"):
            raise
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise ConnectError(f"{what}: the database said: {first}") from None


def _open_migrator(dsn: str):
    """The migration executor of the dialect ``dsn`` names, connected."""
    return dialects.for_dsn(dsn).migrator(dsn)


class StatusRows(list):
    """``migrate status`` rows, with the modules whose folders were not shown (``left_out``)."""

    left_out: list[str] = []


def _held(migrator, targets: list, root: str, dialect: str) -> tuple[list, list[str]]:
    """Without ``--module``/``--dir``, the module folders this database holds — the modules its history
    names — and the names of the others, left out. One database holds one module (and what it requires),
    as audit picks: a database with no history and several folders to choose from is refused, never
    given every module's files."""
    if len(targets) <= 1:
        return targets, []
    held = {r.module for r in migrator.history()} if migrator.has_history() else set()
    chosen = [t for t in targets if t.module in held]
    names = ", ".join(t.module for t in targets)
    if not chosen:
        raise UsageError(f"{root} holds {dialect} migration folders of several modules ({names}) and this "
                         "database has applied none of them: pass --module NAME for the module it holds")
    return chosen, [t.module for t in targets if t.module not in held]


def migrate(dsn: str, root: str, module: str | None = None, folder: str | None = None, *, dry_run: bool = False,
            baseline: str | None = None, lock_wait: float = 300.0, events=None, schema_dir: str | None = None,
            lock_timeout: float = 2.0, lock_retries: int = 5, batch_size: int = 1000, pause_ms: int = 0):
    """Apply the pending migration files of the selected folders; see ``migrate/executor.py`` (and
    ``migrate/stepwise.py`` for fix migrations: ``lock_timeout`` seconds per locking step, ``lock_retries``
    more tries, data steps in batches of ``batch_size`` rows with ``pause_ms`` between them)."""
    from . import migrate as mig
    from .migrate import executor

    dialect = dialects.name_for_dsn(dsn)
    order = module_order(schema_dir) if module is None and folder is None else []
    targets = mig.targets(root, dialect, module, folder, order)
    with _database_said("migrate stopped"):
        migrator = _open_migrator(dsn)
        try:
            chosen, left_out = _held(migrator, targets, root, dialect) if module is None and folder is None \
                else (targets, [])
            online = executor.Online(lock_timeout_ms=max(1, int(lock_timeout * 1000)), retries=lock_retries,
                                     batch_size=batch_size, pause_ms=pause_ms)
            result = executor.run(migrator, chosen, redact_dsn(dsn), dry_run=dry_run, baseline=baseline,
                                  lock_wait=lock_wait, events=events, online=online)
            result.left_out = left_out
            return result
        finally:
            migrator.close()


def migrate_status(dsn: str, root: str, module: str | None = None, folder: str | None = None,
                   schema_dir: str | None = None):
    from . import migrate as mig
    from .migrate import executor

    dialect = dialects.name_for_dsn(dsn)
    order = module_order(schema_dir) if module is None and folder is None else []
    targets = mig.targets(root, dialect, module, folder, order)
    with _database_said("migrate status stopped"):
        migrator = _open_migrator(dsn)
        try:
            chosen, left_out = _held(migrator, targets, root, dialect) if module is None and folder is None \
                else (targets, [])
            rows = StatusRows(executor.status(migrator, chosen))
            rows.left_out = left_out
            return rows
        finally:
            migrator.close()


DONE_STATES = ("applied", "baseline", "resolved")


def status_needs_attention(rows) -> bool:
    """Whether ``migrate status`` should fail a deploy gate: a file not applied as it stands (pending,
    failed, interrupted, edited) or a recorded file gone from the folder."""
    return any(r.state not in DONE_STATES for r in rows)


def migrate_resolve(dsn: str, root: str, version: str, applied: bool, module: str | None = None,
                    folder: str | None = None) -> str:
    from . import migrate as mig
    from .migrate import executor

    if module is None and folder is None:
        raise UsageError("name the module whose file you resolve: --module NAME (or --dir DIR)")
    target = mig.targets(root, dialects.name_for_dsn(dsn), module, folder)[0]
    with _database_said("migrate resolve stopped"):
        migrator = _open_migrator(dsn)
        try:
            return executor.resolve(migrator, target, version, applied)
        finally:
            migrator.close()


def migrate_hash(root: str, dialect: str | None = None, module: str | None = None,
                 folder: str | None = None) -> list[str]:
    """Rewrite ``jobschema.sum`` of the selected folders from their files; returns the folders done."""
    from . import migrate as mig

    done = []
    for d in ([dialect] if dialect else dialects.names()):
        try:
            targets = mig.targets(root, d, module, folder, keyed=False)
        except UsageError:
            continue
        for t in targets:
            if t.dir.names():
                t.dir.rehash()
                done.append(t.dir.path)
        if folder is not None:
            break
    return sorted(set(done))


@dataclass
class DocsResult:
    files: dict[str, str] = field(default_factory=dict)
    statuses: list = field(default_factory=list)  # writer.FileStatus
    modules: list[str] = field(default_factory=list)
    tables: int = 0
    checked: bool = False

    @property
    def differing(self) -> list:
        return [s for s in self.statuses if s.state != "same"]


def docs(schema_dir: str, out_dir: str, module: str | None = None, check: bool = False,
         force: bool = False) -> DocsResult:
    """Markdown per table and per module under ``out_dir``; with ``check`` compare only, never write."""
    import os

    from .docs import tables

    project = load(schema_dir)
    selected = select_modules(project, module)
    result = DocsResult(modules=[m.name for m in selected], tables=sum(len(m.tables) for m in selected))
    result.files = tables.render_project(project, selected, schema_dir, out_dir)
    owned = {m.name for m in selected}
    if module is None and os.path.isdir(out_dir):  # pages of modules that no longer exist are stale too
        owned |= {d for d in os.listdir(out_dir) if tables.is_generated_dir(os.path.join(out_dir, d))}
    result.statuses = writer.compare(out_dir, result.files, owned)
    result.checked = check
    if not check:
        writer.apply(out_dir, result.files, result.statuses, force=force)
    return result


# ------------------------------------------------------------------------------------------- lint, check

def lint_selection(settings, select: list[str] | None = None, ignore: list[str] | None = None):
    """The rules to run: ``[tool.jobschema] lint`` settings, with ``--select`` replacing and ``--ignore``
    extending them (as in ruff). Unknown codes are a usage error."""

    chosen = select if select else (list(settings.select) if settings.select is not None else None)
    try:
        return Selection.build(chosen, [*settings.ignore, *(ignore or [])], dict(settings.severity))
    except KeyError as exc:
        raise UsageError(str(exc.args[0])) from None


def lint(paths: list[str], selection, base: str = "."):
    """Lint schema folders, table YAML files and migration SQL files; returns a ``lint.runner.LintResult``."""
    from .lint import runner

    return runner.run(paths, selection, base)


def lint_migrations_live(dsn: str, paths: list[str], selection, namespaces: list[str] | None = None,
                         base: str = "."):
    """``lint --dsn DSN FILE.sql``: the migration rules over the files, and each constraint they add counted
    against the database's live rows (read-only, the audit's session) before the files run."""
    from .lint import live, runner

    runner.classify(paths, base)  # bad paths are usage errors before any connection
    with live.open_rows(dsn, namespaces) as rows:
        return runner.run(paths, selection, base, rows=rows)


def lint_live(dsn: str, selection, module: str = "live", namespaces: list[str] | None = None):
    """Run the schema rules over what ``inspect`` reads from a live database (``lint --dsn``), so a database
    nobody generated is held to the same rules; findings name catalog objects instead of files."""
    from . import adopt
    from .lint import runner

    live = adopt.inspect_db(dsn, module, None, list(namespaces or ["public"]))
    return runner.lint_project(Project((live.module,)), selection, prefix="", live=True)


@dataclass
class CheckStep:
    name: str  # "generate" | "lint" | "migrations" | "docs"
    problems: list[str] = field(default_factory=list)  # one line each, naming the file
    detail: object = None  # the step's own result (GenerateResult, LintResult, DocsResult)
    skipped: str | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class CheckResult:
    steps: list[CheckStep] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(s.ok for s in self.steps)


def migration_folders(root: str) -> list[str]:
    """Every folder under ``root`` that holds migration files or a ``jobschema.sum``."""
    import os

    from .migrate.sumfile import SUM_FILE

    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        if SUM_FILE in filenames or any(f.endswith(".sql") for f in filenames):
            out.append(dirpath)
    return sorted(out)


def verify_migrations(root: str, base: str = ".") -> list[str]:
    """Problems between each migration folder and its ``jobschema.sum``, one line each naming the file."""
    import os

    from .migrate.directory import MigrationDir
    from .migrate.sumfile import SumMismatch

    problems = []
    for folder in migration_folders(root):
        shown = os.path.relpath(folder, base)
        try:
            MigrationDir(folder).verify()
        except SumMismatch as exc:
            problems += [f"{shown}/{p}" if not p.startswith("the ") else f"{shown}: {p}"
                         for p in exc.problems]
        except JobschemaError as exc:
            problems.append(str(exc))
    return problems


def check(cfg, selection, base: str = ".", schema_dir: str | None = None) -> CheckResult:
    """``generate --check`` + ``lint`` + migration sums + ``docs --check`` (+ ``code`` when
    ``[tool.jobschema.code]`` is configured): everything CI gates on; ``schema_dir`` overrides the
    configured schema folder."""
    import os

    result = CheckResult()
    configured = cfg.path(cfg.schema)
    schema_dir, out_dir = schema_dir or configured, cfg.path(cfg.out)

    def rel(p: str) -> str:
        return os.path.relpath(p, base)

    gen = generate(schema_dir, out_dir, check=True)
    verbs = {"changed": "differs from the schema (edited by hand, or the schema changed without "
                        "`jobschema generate`)", "new": "is missing (run `jobschema generate`)",
             "stale": "is no longer generated from the schema (run `jobschema generate`)"}
    result.steps.append(CheckStep("generate", [f"{rel(os.path.join(out_dir, s.path))}: {verbs[s.state]}"
                                               for s in gen.differing], gen))

    settings = cfg.lint_settings()
    paths = [schema_dir if os.path.abspath(p) in (os.path.abspath(configured), os.path.abspath(cfg.schema)) else p
             for p in settings.paths]
    paths = [p for p in paths if os.path.exists(p)]
    lint_result = lint(paths, selection, base) if paths else None
    step = CheckStep("lint", detail=lint_result)
    if lint_result is not None:
        step.problems = [f"{where(f)}: {f.code} {f.severity.value}: {f.message}" for f in lint_result.failing]
    result.steps.append(step)

    mig_root = cfg.path(cfg.migrations)
    step = CheckStep("migrations")
    if os.path.isdir(mig_root):
        step.problems = verify_migrations(mig_root, base)
        step.detail = len(migration_folders(mig_root))
    else:
        step.skipped = f"no {rel(mig_root)} folder"
    result.steps.append(step)

    docs_fn = globals().get("docs")
    docs_dir = cfg.path(cfg.docs)
    step = CheckStep("docs")
    if docs_fn is None:
        step.skipped = "this version has no `jobschema docs`"
    elif not os.path.isdir(docs_dir):
        step.skipped = f"no {rel(docs_dir)} folder (run `jobschema docs` to start keeping table docs)"
    else:
        d = docs_fn(schema_dir, docs_dir, check=True)
        step.detail = d
        step.problems = [f"{rel(os.path.join(docs_dir, s.path))}: {verbs[s.state].replace('generate', 'docs')}"
                         for s in d.differing]
    result.steps.append(step)

    settings = CodeSettings.from_config(cfg)
    if settings.configured:  # the application's code against the schema, as `jobschema code` reads it
        step = CheckStep("code")
        if not settings.paths:
            step.problems = ["[tool.jobschema.code] names no paths to read"]
        else:
            found = code(list(settings.paths), schema_dir, settings=settings, base=base)
            step.detail = found
            step.problems = [f"{where(f)}: {f.code} {f.severity.value}: {f.message}" for f in found.failing]
        result.steps.append(step)
    return result


def audit(dsn: str | None, schema_dir: str, **kwargs):
    """Audit a live database against ``schema_dir``; see ``jobschema.audit.run`` for the options."""

    return _audit.run(dsn, schema_dir, **kwargs)


def audit_fleet(dsns: list[str], schema_dir: str, **kwargs):
    """Audit many databases against ``schema_dir`` at once; see ``jobschema.fleet.run`` for the options."""

    return fleet.run(dsns, schema_dir, **kwargs)


def fleet_targets(dsns: list[str], dsn_file: str | None, write_migration: bool = False) -> list[str]:
    """The databases of a fleet audit: the ``--dsn`` values, then those of ``--dsn-file``; refuses
    ``--write-migration`` with several (``fleet.check_options``)."""
    targets = list(dsns) + (fleet.read_dsn_file(dsn_file) if dsn_file else [])
    fleet.check_options(targets, write_migration)
    return targets


def code(paths: list[str], schema_dir: str, *, module: str | None = None, dsn: str | None = None,
         settings=None, base: str = "."):
    """Application code against the schema (and the live database with ``dsn``); see ``code/run.py``."""
    from .code import run as code_run

    return code_run.run(paths, schema_dir, module=module, dsn=dsn, settings=settings, base=base)


def code_rules(codes_seen) -> dict:
    """Titles and help of the JS4xx codes for the report formatters (JS001 comes from the lint registry)."""
    from .code.rules import RULES as CODE_RULES

    seen = set(codes_seen)
    out = rule_info(c for c in seen if c not in CODE_RULES)
    out.update({c: RuleInfo(c, r.title, r.help, r.name, r.severity.value) for c, r in CODE_RULES.items()
                if c in seen})
    return out


def import_sql(paths: list[str], dialect: str, module: str, out_dir: str | None = None, **kwargs):
    """DDL scripts → schema module; see ``jobschema.adopt.import_sql``."""
    from . import adopt

    return adopt.import_sql(paths, dialect, module, out_dir, **kwargs)


def inspect_db(dsn: str, module: str, out_dir: str | None = None, **kwargs):
    """Live database → schema module; see ``jobschema.adopt.inspect_db``."""
    from . import adopt

    return adopt.inspect_db(dsn, module, out_dir, **kwargs)


# --------------------------------------------------------------------------------------------- plan

@dataclass
class PlanResult:
    audit: object  # audit.AuditResult
    plan: object  # plan.steps.Plan
    text: str  # the migration file's text ("" when there is nothing to fix)
    written: object = None  # migrate.directory.MigrationFile, when written
    folder: str | None = None


def plan_from_audit(result, *, allow_destructive: bool = False, allow_not_valid: bool = False,
                    concurrently: bool = False, lock_timeout: str = "5s") -> PlanResult:
    """Audit result → ordered fix ``Plan`` and its file text; raises ``PlanRefused``; writes nothing."""
    from . import fixlint
    from .plan import planner

    project = Project(modules=tuple(result.desired))
    options = planner.PlanOptions(allow_destructive=allow_destructive, allow_not_valid=allow_not_valid,
                                  concurrently=concurrently, lock_timeout=lock_timeout,
                                  server_version=result.server_version)
    p = planner.plan(result.changes, project, result.module, dialects.get(result.dialect), probes=result.probes,
             options=options)
    text = "" if p.empty else fixlint.annotate(p.render(), result.dialect)
    return PlanResult(result, p, text)


def write_migration(planned: PlanResult, dsn: str | None, root: str, folder: str | None = None) -> PlanResult:
    """Write the planned fix as the next file of the module's migration folder (and update its sum).

    Refused while the folder holds files the database has not applied: the audit then compared an
    out-of-date database, and the new file would repeat what those files do.
    """
    from . import migrate as mig
    from .migrate import executor
    from .migrate.directory import MigrationDir

    res = planned.audit
    path = folder or mig.module_dir(root, res.module, res.dialect)
    planned.folder = path
    if planned.plan.empty:
        return planned
    key = mig.history_module(path, res.dialect, res.module) if folder else res.module
    d = MigrationDir(path)
    d.verify()
    if d.names():
        migrator = _open_migrator(resolve_dsn(dsn))
        try:
            rows = executor.status(migrator, [executor.Target(key, d)])
        finally:
            migrator.close()
        waiting = [r for r in rows if r.state not in DONE_STATES]
        if waiting:
            names = ", ".join(f"{r.name} ({r.state})" for r in waiting)

            raise PlanRefused(f"{path} holds files this database has not applied: {names}; run `jobschema "
                              "migrate` (or resolve them) first, then audit again")
    planned.written = d.write(planned.plan.slug, planned.text)
    return planned


def plan(dsn: str | None, schema_dir: str, *, module: str | None = None, namespace: str | None = None,
         no_data: bool = False, **options) -> PlanResult:
    """Audit ``dsn`` and plan the fix migration, printing nothing and writing nothing."""
    result = audit(dsn, schema_dir, module=module, namespace=namespace, no_data=no_data)
    return plan_from_audit(result, **options)
