"""JUnit XML, which every CI system shows as a test report: one test suite per code, one test case per
finding (a ``failure`` for errors and warnings), and one passing case when there is nothing to report."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import groupby

from ..finding import Finding, Severity
from .text import where


def render(findings: list[Finding], tool: str = "jobschema", rules=None, **_) -> str:
    rules = rules or {}
    root = ET.Element("testsuites", name=tool)
    failing_total = 0
    by_code = sorted(findings, key=lambda f: f.code)
    for code, group in groupby(by_code, key=lambda f: f.code):
        items = list(group)
        failing = [f for f in items if f.severity != Severity.INFO]
        failing_total += len(failing)
        info = rules.get(code)
        suite = ET.SubElement(root, "testsuite", name=f"{tool}.{code}", tests=str(len(items)),
                              failures=str(len(failing)), errors="0", skipped="0")
        for f in items:
            case = ET.SubElement(suite, "testcase", classname=f"{tool}.{code}", name=f"{f.path} @ {where(f)}")
            if f.location and f.location.file:
                case.set("file", f.location.file)
                if f.location.line:
                    case.set("line", str(f.location.line))
            body = "\n".join(x for x in (
                f"{where(f)}: {f.code} {f.severity.value}: {f.message}",
                f"expected: {f.expected}" if f.expected is not None else "",
                f"found: {f.actual}" if f.actual is not None else "",
                f"hint: {f.hint}" if f.hint else "",
                f"rule: {info.title}" if info else "") if x)
            if f.severity == Severity.INFO:
                ET.SubElement(case, "system-out").text = body
            else:
                fail = ET.SubElement(case, "failure", message=f.message, type=f.code)
                fail.text = body
    if not findings:
        suite = ET.SubElement(root, "testsuite", name=tool, tests="1", failures="0", errors="0", skipped="0")
        ET.SubElement(suite, "testcase", classname=tool, name="no findings")
    root.set("tests", str(max(len(findings), 1)))
    root.set("failures", str(failing_total))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
