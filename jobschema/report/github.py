"""GitHub Actions workflow commands: ``::error file=F,line=L,col=C,title=CODE::message`` per finding,
which GitHub shows as annotations on the pull request's changed lines."""

from __future__ import annotations

from ..finding import Finding, Severity

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(findings: list[Finding], tool: str = "jobschema", rules=None, **_) -> str:
    lines = []
    for f in findings:
        props = []
        if f.location is not None and f.location.file:
            props.append(f"file={_prop(f.location.file)}")
            if f.location.line:
                props.append(f"line={int(f.location.line)}")
                if f.location.col:
                    props.append(f"col={int(f.location.col)}")
        props.append(f"title={_prop(f'{f.code} {f.path}')}")
        msg = f.message if f.location and f.location.file else f"{f.path}: {f.message}"
        if f.hint:
            msg += f"\n{f.hint}"
        lines.append(f"::{COMMANDS[f.severity]} {','.join(props)}::{_data(msg)}")
    return "\n".join(lines) + ("\n" if lines else "")
