"""``jobschema lint``: coded rules over the schema and migration files, in the format CI reads."""

from __future__ import annotations

import os

import click

from .. import report
from ..config import load_config
from ..errors import ExitCode, UsageError

FORMATS = ("text", "json", "sarif", "junit", "github")


def split_codes(values: tuple[str, ...]) -> list[str]:
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Report format.")
@click.option("--select", multiple=True, metavar="CODES",
              help="Run only these rules: codes, prefixes (JS1) or names, comma-separated; replaces the config.")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules (added to the config's ignore).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to this file.")
@click.option("--list-rules", is_flag=True, help="List the rules and exit.")
@click.option("--dsn", help="Lint a live database: without PATHs the schema rules over what inspect reads; with "
                           "migration PATHs, also the live rows each constraint they add would reject.")
@click.option("--module", default="live", show_default=True, help="With --dsn: the module name findings use.")
@click.option("--namespace", "namespaces", multiple=True, metavar="SCHEMA",
              help="With --dsn on PostgreSQL: schemas to read (default public).")
@click.pass_context
def lint(ctx: click.Context, paths, fmt, select, ignore, output, list_rules, dsn, module, namespaces) -> None:
    """Lint the schema and migrations (or the given folders, table YAML and SQL files), or with --dsn
    the database itself; --dsn with migration files also counts the live rows each constraint they add
    would reject, before they run.

    Exit 0 when clean, 1 when a finding has error or warning severity, 2 on bad input.
    """
    from .. import api
    from ..lint import registry

    cfg = load_config()
    settings = cfg.lint_settings()
    selection = api.lint_selection(settings, split_codes(select), split_codes(ignore))
    if list_rules:
        for r in registry.all_rules():
            state = "on " if selection.enabled(r.code) else "off"
            click.echo(f"{r.code}  {state}  {selection.severity_of(r).value:<7}  {r.title}")
        return
    if dsn is not None and paths:
        result = api.lint_migrations_live(dsn, list(paths), selection, list(namespaces) or None)
    elif dsn is not None:
        result = api.lint_live(dsn, selection, module, list(namespaces) or None)
    else:
        targets = list(paths) or [p for p in settings.paths if os.path.exists(p)]
        if not targets:
            raise UsageError("nothing to lint: no schema/ or migrations/ here; pass PATH")
        result = api.lint(targets, selection)
    rules = registry.rule_info(f.code for f in result.findings)
    text = report.render(result.findings, fmt, rules=rules)
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
        if fmt != "text":
            click.echo(report.render(result.findings, "text", rules=rules), nl=False, err=True)
    else:
        click.echo(text, nl=False)
    if result.failing:
        ctx.exit(int(ExitCode.DRIFT))
