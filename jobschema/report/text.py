"""Plain text: one line per finding, ``file:line:col: CODE severity message``, then a hint and a summary."""

from __future__ import annotations

from ..finding import Finding, Severity


def printable(text: str) -> str:
    """``text`` with control and format characters (ESC, newline, bidi overrides) written as escapes, so a
    hostile identifier cannot move the cursor, recolour the terminal or forge a line of its own."""
    if text.isprintable():
        return text
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    return "".join(ch if ch.isprintable() else named.get(ch) or
                   (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}") for ch in text)


def where(f: Finding) -> str:
    loc = str(f.location) if f.location else ""
    return loc or f.path


def summary(findings: list[Finding]) -> str:
    if not findings:
        return "no findings"
    counts = {s: sum(1 for f in findings if f.severity == s) for s in Severity}
    parts = [f"{n} {s.value}{'s' if n != 1 else ''}" for s, n in counts.items() if n]
    return f"{len(findings)} finding{'s' if len(findings) != 1 else ''} ({', '.join(parts)})"


def render(findings: list[Finding], tool: str = "jobschema", rules=None, hints: bool = True, **_) -> str:
    lines = []
    for f in findings:
        lines.append(f"{where(f)}: {f.code} {f.severity.value}: {f.message}")
        if f.location and f.path and f.path not in (f.location.file, str(f.location)):
            lines.append(f"    object: {f.path}")
        for r in f.related:
            lines.append(f"    defined at: {r}")
        if f.expected is not None or f.actual is not None:
            lines.append(f"    expected: {f.expected or '-'}; found: {f.actual or '-'}")
        if hints and f.hint:
            lines.append(f"    hint: {f.hint}")
    lines.append(summary(findings))
    return "\n".join(map(printable, lines)) + "\n"
