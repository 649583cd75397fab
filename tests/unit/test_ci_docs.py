"""docs/ci.md and .pre-commit-hooks.yaml: the shipped workflow and hooks run commands the CLI accepts.

The workflow must run ``check`` on every push and ``audit`` against a staging database; every ``jobschema``
command in it, and every hook entry, parses with the real click commands (a renamed option fails here).
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import yaml

from jobschema.cli import main

ROOT = Path(__file__).resolve().parent.parent.parent


def workflow() -> dict:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(# \.github/workflows/.*?)```", text, re.S)
    assert len(blocks) == 1, "docs/ci.md should hold one GitHub Actions workflow"
    return yaml.safe_load(blocks[0])


def parse(command: str) -> click.Context:
    """Parse a ``jobschema ...`` command line with the real CLI, without running it."""
    argv = shlex.split(re.sub(r"\$\{\{[^}]*\}\}", "X", command.split("||")[0]))
    assert argv[0] == "jobschema", command
    ctx = click.Context(main, info_name="jobschema", **main.context_settings)  # as the CLI itself builds it
    sub = main.get_command(ctx, argv[1])
    assert sub is not None, f"unknown command in {command!r}"
    return sub.make_context(argv[1], argv[2:], parent=ctx)


def commands(wf: dict) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name, job in wf["jobs"].items():
        for step in job["steps"]:
            for line in str(step.get("run", "")).splitlines():
                if line.strip().startswith("jobschema "):
                    out.setdefault(name, []).append(line.strip())
    return out


def test_workflow_runs_check_on_every_push_and_audits_staging():
    wf = workflow()
    triggers = wf.get("on", wf.get(True))  # YAML 1.1 reads a bare `on` key as true
    assert "push" in triggers
    cmds = commands(wf)
    check_jobs = [j for j, cs in cmds.items() if any(c.split()[:2] == ["jobschema", "check"] for c in cs)]
    assert check_jobs and "if" not in wf["jobs"][check_jobs[0]], "check must run on every push"
    audit_jobs = [j for j, cs in cmds.items() if any(c.split()[:2] == ["jobschema", "audit"] for c in cs)]
    assert audit_jobs, "the workflow should audit a staging database"
    env = {k for step in wf["jobs"][audit_jobs[0]]["steps"] for k in (step.get("env") or {})}
    assert "JOBSCHEMA_DSN" in env and "secrets." in str(wf["jobs"][audit_jobs[0]])


def test_every_workflow_command_parses():
    for cs in commands(workflow()).values():
        for c in cs:
            parse(c)


def test_pre_commit_hooks_run_real_commands():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    ids = {h["id"] for h in hooks}
    assert "jobschema-check" in ids
    for h in hooks:
        assert h["language"] == "python" and h["entry"].startswith("jobschema ")
        parse(h["entry"])
        re.compile(h["files"])
