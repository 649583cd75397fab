"""``jobschema code``: the application's code against the schema and, with --dsn, the live database."""

from __future__ import annotations

import click

from .. import report
from ..code.settings import CodeSettings
from ..config import load_config
from ..errors import UsageError
from ..report import FORMATS
from ..writer import atomic_write, check_writable


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--schema", "schema_dir", type=click.Path(file_okay=False), help="Schema folder (default: schema/).")
@click.option("--module", help="Module the code uses (default: the modules holding the tables it names).")
@click.option("--dsn", envvar="JOBSCHEMA_DSN", show_envvar=True,
              help="Also compare with this live database (postgresql://… or mysql://…).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Report format: text, json, sarif (SARIF 2.1.0), junit (JUnit XML), github (annotations).")
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="Write the report to this file (the text report still goes to stderr).")
@click.pass_context
def code(ctx: click.Context, paths, schema_dir, module, dsn, fmt, output) -> None:
    """Check application code (TypeScript, JavaScript, Python) against the schema and the live database.

    Reads the tables, columns and status values the code uses (Supabase and Knex chains, filter objects,
    SQL in strings) and the value sets it declares; PATHs default to [tool.jobschema.code] paths.
    Exit 0 when clean, 1 when a finding has error or warning severity, 2 on bad input.
    """
    from .. import api

    cfg = load_config()
    settings = CodeSettings.from_config(cfg)
    targets = list(paths) or list(settings.paths)
    if not targets:
        raise UsageError("nothing to check: pass PATH or set [tool.jobschema.code] paths")
    if output:
        check_writable(output, "-o/--output")
    result = api.code(targets, schema_dir or cfg.path(cfg.schema), module=module, dsn=dsn, settings=settings)
    rules = api.code_rules(f.code for f in result.findings)
    text = report.render(result.findings, fmt, rules=rules, tool="jobschema")
    summary = (f"{result.files} file{'s' if result.files != 1 else ''}, {result.uses} uses, "
               f"{result.value_sets} value sets; {result.unresolved} non-literal value"
               f"{'s' if result.unresolved != 1 else ''} not checked"
               + (f"; {result.suppressed} suppressed" if result.suppressed else "")
               + (f"; compared with {result.target}" if result.target else ""))
    if output:
        atomic_write(output, text)
        click.echo(report.render(result.findings, "text", rules=rules) + summary, err=True)
    elif fmt == "text":
        click.echo(text + summary)
    else:
        click.echo(text, nl=False)
    ctx.exit(int(result.exit_code))
