"""``jobschema code`` end to end: discover the files, extract each with its language's extractor, choose
the schema modules the code uses, read the live catalog when a DSN is given, check, apply suppressions."""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
from dataclasses import dataclass, field

from ..audit import inspect_live
from ..connect import redact_dsn, resolve_dsn
from ..dialects import base as dialects
from ..errors import ExitCode, UsageError
from ..finding import Finding, Location, Severity, sort_findings
from ..load.build import load_project
from ..model.objects import Module, Project
from . import checker, files, python, sqltext, suppress, typescript
from . import uses as u
from .settings import CodeSettings
from .source import Source

EXTRACTORS = {"typescript": typescript.extract, "tsx": typescript.extract, "javascript": typescript.extract,
              "python": python.extract}
MARKERS = {"typescript": typescript.MARKERS, "tsx": typescript.MARKERS, "javascript": typescript.MARKERS,
           "python": python.MARKERS}


@dataclass
class CodeResult:
    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    uses: int = 0
    value_sets: int = 0
    unresolved: int = 0
    suppressed: int = 0
    modules: list[str] = field(default_factory=list)
    dialect: str = ""
    target: str | None = None  # the redacted DSN, when the live database was read

    @property
    def failing(self) -> list[Finding]:
        return [f for f in self.findings if f.severity != Severity.INFO]

    @property
    def exit_code(self) -> ExitCode:
        return ExitCode.DRIFT if self.failing else ExitCode.OK


PARALLEL_FROM = 200  # files; below this a process pool costs more than it saves
CHUNK_MIN = 16  # files a worker reads at a time, at least


def extract_one(path: str, dialect: str, base: str = ".") -> u.Extraction:
    """The uses, value sets and suppressions of one source file."""
    lang = files.language(path)
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if MARKERS[lang].search(data) is None:  # nothing a use needs is in it: not worth parsing
        return u.Extraction()
    src = Source(os.path.relpath(path, base), data, lang)
    out = EXTRACTORS[lang](src, dialect)
    if src.root.has_error:  # tree-sitter read around it; what the broken part holds was not seen
        where = src.first_error()
        out.skipped.append(u.Skipped(src.site_at(where), "the file has a syntax error here: the code around it "
                                                         "was read, what the broken part holds was not"))
    return out


def _extract_chunk(paths: list[str], dialect: str, base: str) -> u.Extraction:
    out = u.Extraction()
    for path in paths:
        out.extend(extract_one(path, dialect, base))
    return out


def _extract_rows(paths: list[str], dialect: str, base: str) -> tuple:
    """``_extract_chunk`` for a worker process: the uses go back as flat tuples of strings and numbers,
    which pickle at C speed (a named tuple pickles through a Python call per object)."""
    ex = _extract_chunk(paths, dialect, base)
    rows = [use[:2] + tuple(use[2]) + use[3:] for use in ex.uses]
    return rows, ex.value_sets, ex.skipped, ex.suppressions, ex.problems


def _from_rows(part: tuple) -> u.Extraction:
    rows, value_sets, skipped, suppressions, problems = part
    use, site = u.Use, u.Site
    uses = [use(r[0], r[1], site(r[2], r[3], r[4]), *r[5:]) for r in rows]
    return u.Extraction(uses, value_sets, skipped, suppressions, problems)


def extract_files(paths: list[str], dialect: str, base: str = ".") -> tuple[u.Extraction, int]:
    """Every use in the source files under ``paths``; (extraction, number of files read). A large tree is
    read by one process per CPU, in chunks merged in file order, so the result is the same either way."""
    found = files.discover(paths)
    workers = min(os.cpu_count() or 1, 8)
    out = u.Extraction()
    if len(found) < PARALLEL_FROM or workers < 2:
        out.extend(_extract_chunk(found, dialect, base))
        return out, len(found)
    for lang in sorted({files.language(p) for p in found}):
        EXTRACTORS[lang](Source("", b"", lang), dialect)  # parsers and queries built once, before the fork
    sqltext.warm(dialect)  # and sqlglot imported once
    size = max(CHUNK_MIN, len(found) // (workers * 8))
    chunks = [found[i:i + size] for i in range(0, len(found), size)]
    try:
        with concurrent.futures.ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            parts = [_from_rows(p) for p in pool.map(_extract_rows, chunks, [dialect] * len(chunks),
                                                      [base] * len(chunks))]
    except (OSError, concurrent.futures.process.BrokenProcessPool):  # no processes here: read them in this one
        parts = [_extract_chunk(found, dialect, base)]
    for part in parts:
        out.extend(part)
    return out, len(found)


def resolve_members(found: list[u.Use], value_sets: list[u.ValueSet]) -> list[u.Use]:
    """``JobStatus.Queued`` is the value of that member of an enum some scanned file declares (a name two
    files declare with different values stays unresolved); any other member access stays counted."""
    members: dict[str, set[str]] = {}
    for vs in value_sets:
        for member, (value, _site) in zip(vs.members, vs.values, strict=False):
            members.setdefault(f"{vs.name}.{member}", set()).add(value)
    out = []
    for use in found:
        known = members.get(use.symbol) if use.symbol else None
        if known is not None and len(known) == 1:
            use = use._replace(value=next(iter(known)), unresolved=False)
        out.append(use)
    return out


def _tables_named(ex: u.Extraction, mapping: dict[str, str]) -> set[str]:
    names = {x.table.lower() for x in ex.uses if x.table}
    names |= {x.table.lower().split(".")[-1] for x in ex.uses if x.table}
    for target in [*(vs.tie for vs in ex.value_sets if vs.tie), *mapping.values()]:
        names.add(target.split(".")[-2].lower())
    return names


def choose_modules(project: Project, names: set[str], module: str | None) -> list[Module]:
    """The named module, or the modules holding the tables the code names, the module holding most first;
    a module whose tables another chosen module already answers for is not chosen."""
    if module is not None:
        m = project.module(module)
        if m is None:
            raise UsageError(f"unknown module {module!r} (known: {', '.join(x.name for x in project.modules)})")
        return [m]
    scored = []
    for m in project.modules:
        held = {t.name.lower() for t in m.tables} & names
        if held:
            scored.append((-len(held), m.name, m, held))
    chosen, answered = [], set()
    for _score, _name, m, held in sorted(scored, key=lambda x: (x[0], x[1])):
        if held - answered:
            chosen.append(m)
            answered |= held
    return chosen


def run(paths: list[str], schema_dir: str, *, module: str | None = None, dsn: str | None = None,
        settings: CodeSettings | None = None, base: str = ".") -> CodeResult:
    settings = settings or CodeSettings()
    project = load_project(schema_dir)
    module = module or settings.module
    if dsn is not None:
        dsn = resolve_dsn(dsn)
        dialect = dialects.name_for_dsn(dsn)
    elif settings.dialect:
        dialect = dialects.require(settings.dialect).name
    else:
        first = project.module(module) if module else None
        dialect = (first.dialects[0] if first is not None and first.dialects else dialects.names()[0])
    # the registry's canonical names are sqlglot's dialect names (postgres, mysql)
    sql_dialect = dialects.require(dialect).name
    ex, count = extract_files(paths, sql_dialect, base)
    ex.uses = resolve_members(ex.uses, ex.value_sets)
    mapping = dict(settings.map)
    chosen = choose_modules(project, _tables_named(ex, mapping), module)
    result = CodeResult(files=count, uses=len(ex.uses), value_sets=len(ex.value_sets),
                        modules=[m.name for m in chosen], dialect=sql_dialect)
    live = None
    if dsn is not None:
        if len(chosen) > 1:
            raise UsageError(f"the code uses tables of modules {', '.join(result.modules)}; name the one the "
                             "database holds with --module")
        if chosen:
            m = chosen[0]
            namespaces = sorted({m.namespace, *(t.namespace for t in m.tables)})
            catalog = inspect_live(dsn, namespaces, search=m.namespace, application="jobschema code")
            live = checker.Catalog([catalog.module], catalog.dialect, "database")
        result.target = redact_dsn(dsn)
    schema = checker.Catalog(list(project.modules), None, "schema")
    check = checker.Checker(schema, schema_dir, live, {m.name for m in chosen}, base,
                            dialects.require(sql_dialect).names.is_catalog)
    check.check_uses(ex.uses)
    check.check_value_sets(ex.value_sets, mapping)
    check.report_unused(chosen)
    check.report_skipped(ex.skipped)
    result.unresolved = sum(len(v) for v in check.unresolved.values())
    found = check.findings + [Finding("JS001", Severity.ERROR, site.file, message,
                                      location=Location(site.file, site.line, site.col))
                              for site, message in ex.problems]
    kept = suppress.apply(found, ex.suppressions)
    result.suppressed = len(found) - len(kept)
    result.findings = sort_findings(kept)
    return result
