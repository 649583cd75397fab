"""How a fleet audit is shown: each database's report in the chosen format, then a summary table.

Every format keeps the databases apart: JSON lines (one audit document per line, with ``database``,
``exit`` and ``error``), one SARIF run per database (``run.properties.database``), one JUnit test suite
per database, GitHub annotations whose message starts with ``[database]``, and for text each database's
report under its name. Databases come in the order they were given; a database that could not be
audited is an error line on stderr and an error entry in every format. docs/audit.md documents them.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace

from ...report import render as render_findings
from . import audit as audit_output


def render(fleet, fmt: str) -> str:
    """The whole fleet in ``fmt`` (``text`` is plain, for a file)."""
    return {"json": _json_lines, "sarif": _sarif, "junit": _junit, "github": _github, "text": _text}[fmt](fleet)


def _json_lines(fleet) -> str:
    return "".join(json.dumps(e.to_dict(), sort_keys=True, ensure_ascii=False) + "\n" for e in fleet.entries)


def _sarif(fleet) -> str:
    runs = []
    doc = None
    for e in fleet.entries:
        one = json.loads(audit_output.render(e.result, "sarif") if e.result is not None
                         else render_findings([], "sarif"))
        doc = doc or one
        run = one["runs"][0]
        run["properties"] = {"database": e.target, "exit": int(e.exit_code),
                             **({"error": e.error} if e.error else {})}
        runs.append(run)
    doc = doc or json.loads(render_findings([], "sarif"))
    doc["runs"] = runs
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _junit(fleet) -> str:
    root = ET.Element("testsuites", name="jobschema audit")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for e in fleet.entries:
        suite = ET.SubElement(root, "testsuite", name=f"jobschema audit {e.target}")
        counts = {"tests": 0, "failures": 0, "errors": 0}
        if e.result is None:
            case = ET.SubElement(suite, "testcase", classname="jobschema.audit", name=f"audit {e.target}")
            ET.SubElement(case, "error", message=e.error or "", type="audit").text = e.error or ""
            counts.update(tests=1, errors=1)
        else:
            one = ET.fromstring(audit_output.render(e.result, "junit").split("\n", 1)[1])
            for inner in one.iter("testsuite"):
                for case in inner.findall("testcase"):
                    suite.append(case)
                    counts["tests"] += 1
                    counts["failures"] += case.find("failure") is not None
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
        suite.set("skipped", "0")
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github(fleet) -> str:
    out = []
    for e in fleet.entries:
        if e.result is None:
            title = _escape(f"jobschema audit {e.target}").replace(":", "%3A").replace(",", "%2C")
            out.append(f"::error title={title}::{_escape(f'[{e.target}] {e.error}')}\n")
            continue
        marked = replace(e.result, findings=[replace(f, message=f"[{e.target}] {f.message}")
                                             for f in e.result.findings])
        out.append(audit_output.render(marked, "github"))
    return "".join(out)


def _text(fleet) -> str:
    from io import StringIO

    from rich.console import Console

    buf = StringIO()
    console = Console(file=buf, highlight=False, soft_wrap=True, no_color=True, force_terminal=False, width=120)
    print_text(fleet, console)
    return buf.getvalue()


def print_text(fleet, console=None) -> None:
    """Each database's report under its name, then the summary table."""
    from rich.markup import escape

    from .terminal import stdout

    out = console or stdout()
    for e in fleet.entries:
        out.print(f"[bold]== {escape(e.target)}[/bold]")
        if e.result is not None:
            audit_output.print_text(e.result, console=out)
        else:
            out.print(f"[bold red]error[/bold red]: {escape(e.error or '')}")
        out.print("")
    print_summary(fleet, out)


def print_summary(fleet, console) -> None:
    """One row per database: its redacted DSN, exit code, errors, warnings and wall time."""
    from rich.table import Table

    table = Table(show_edge=False, pad_edge=False, box=None)
    for col in ("database", "exit", "errors", "warnings", "time"):
        table.add_column(col, justify="left" if col == "database" else "right",
                         overflow="fold" if col == "database" else "ellipsis")
    for e in fleet.entries:
        c = e.counts()
        table.add_row(e.target, str(int(e.exit_code)), str(c["error"]) if e.result else "—",
                      str(c["warning"]) if e.result else "—", f"{e.seconds:.2f}s")
    console.print(table)
    failed = sum(1 for e in fleet.entries if e.result is None)
    drifted = sum(1 for e in fleet.entries if e.result is not None and e.result.drift)
    console.print(f"{len(fleet.entries)} database(s): {len(fleet.entries) - failed - drifted} in sync, "
                  f"{drifted} with drift, {failed} not audited ({fleet.jobs} at a time)")


def print_errors(fleet) -> None:
    """One line on stderr per database that could not be audited."""
    for e in fleet.entries:
        if e.result is None:
            sys.stderr.write(f"jobschema: {e.target}: {e.error}\n")
    sys.stderr.flush()
