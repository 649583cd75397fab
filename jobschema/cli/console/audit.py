"""How an audit result is shown: text grouped by table (coloured on a terminal, plain when piped or
under NO_COLOR), stable JSON (sorted keys, findings in path order), or SARIF 2.1.0, JUnit XML and GitHub
workflow annotations (``render``). docs/audit.md documents them.
"""

from __future__ import annotations

import json

from ... import codes
from ...finding import Severity
from ...report import RuleInfo
from ...report import render as render_findings
from ...report.text import printable

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}



def _shown(value) -> str:
    return "(none)" if value is None else str(value)

def _group(path: str) -> str:
    parts = path.split(".")
    return ".".join(parts[:2])


def render_json(result) -> str:
    return json.dumps(result.to_dict(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def render(result, fmt: str) -> str:
    """The audit in ``fmt``: ``json`` is the audit document above; ``sarif``, ``junit`` and ``github`` are the
    shared report formats, with each JS3xx code titled from the audit's code table."""
    if fmt == "json":
        return render_json(result)
    if fmt == "text":  # plain, for a file
        from io import StringIO

        from rich.console import Console

        buf = StringIO()
        print_text(result, Console(file=buf, highlight=False, soft_wrap=True, no_color=True, force_terminal=False))
        return buf.getvalue()

    audit_codes = codes.of_family("audit")
    rules = {c: RuleInfo(c, audit_codes[c].title) for c in {f.code for f in result.findings} if c in audit_codes}
    return render_findings(result.findings, fmt, rules=rules)


def print_json(result) -> None:
    import sys

    sys.stdout.write(render_json(result))
    sys.stdout.flush()


def print_text(result, console=None) -> None:
    from rich.markup import escape as markup_escape  # here: the machine formats do not need rich (about 45 ms)

    def escape(text: str) -> str:
        return markup_escape(printable(text))

    from .terminal import stdout

    out = console or stdout()
    groups: dict[str, list] = {}
    for f in result.findings:
        groups.setdefault(_group(f.path), []).append(f)
    for name in sorted(groups):
        out.print(f"[bold]{escape(name)}[/bold]")
        for f in groups[name]:
            style = _STYLE[f.severity]
            out.print(f"  [{style}]{f.severity.value:<7}[/{style}] {f.code}  {escape(f.message)}")
            if f.expected is not None or f.actual is not None:  # one side absent (no comment, no default)
                out.print(f"      [dim]expected:[/dim] {escape(_shown(f.expected))}")
                out.print(f"      [dim]actual:  [/dim] {escape(_shown(f.actual))}")
            if f.hint:
                out.print(f"      [dim]hint:[/dim] {escape(f.hint)}")
        out.print("")
    c = result.counts()
    tables = len(result.desired[0].tables) if result.desired else 0
    place = f"database {result.database}" if result.database else f"namespace {result.namespace}"
    where = escape(f"{result.module} on {result.target} ({result.dialect}, {place})")
    data = "" if not result.no_data else "; row counts skipped (--no-data)"
    if result.drift:
        out.print(f"[bold red]drift[/bold red]: {where}: {c['error']} error(s), {c['warning']} warning(s), "
                  f"{c['info']} info in {len(groups)} object group(s); {tables} table(s) checked{data}")
    else:
        extra = f", {c['info']} info" if c["info"] else ""
        out.print(f"[bold green]in sync[/bold green]: {where}: {tables} table(s) checked{extra}{data}")
