"""Hostile schema files: whatever bytes a merge produced, loading ends in a model or in located errors.

Example counts are small by default so CI stays fast; set JOBSCHEMA_PROPERTY_EXAMPLES for a longer run.
"""

from __future__ import annotations

import os

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobschema import api
from jobschema.errors import LoadErrors

EXAMPLES = int(os.environ.get("JOBSCHEMA_PROPERTY_EXAMPLES", "60"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

BASE = """\
table: jobs
comment: Jobs.
columns:
  - {name: id, type: uuid, default: gen_random_uuid()}
  - {name: status, type: text, nullable: false, default: queued, enum: [queued, done]}
  - {name: owner_id, type: uuid}
primary_key: [id]
indexes:
  - {name: jobs_status_idx, columns: [status], where: "status = 'queued'"}
foreign_keys:
  - {columns: [owner_id], references: jobs(id), on_delete: set null}
checks:
  - {name: jobs_ck, expression: "status <> 'x'"}
rls:
  policies:
    - {name: p, using: "true"}
"""

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.text(max_size=20))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.text(max_size=10), inner, max_size=4)),
                      max_leaves=20)
keys = st.sampled_from(["table", "columns", "name", "type", "default", "enum", "indexes", "checks", "rls",
                        "foreign_keys", "primary_key", "nullable", "references", "policies", "unique", "x"])


def check_load(tmp_path, data: bytes) -> None:
    root = tmp_path / "schema"
    (root / "m" / "tables").mkdir(parents=True, exist_ok=True)
    (root / "m" / "module.yaml").write_text("module: m\n")
    (root / "m" / "tables" / "jobs.yaml").write_bytes(data)
    try:
        api.load(str(root))
    except LoadErrors as exc:
        assert exc.errors
        for e in exc.errors:
            line = e.format()
            assert "\n" not in line
            assert line.startswith("m/tables/jobs.yaml"), line


@SETTINGS
@given(st.dictionaries(keys, values, max_size=6))
def test_random_documents(tmp_path, doc):
    check_load(tmp_path, yaml.safe_dump(doc, allow_unicode=True).encode("utf-8"))


@SETTINGS
@given(st.data())
def test_mutated_valid_file(tmp_path, data):
    raw = bytearray(BASE.encode())
    for _ in range(data.draw(st.integers(1, 6))):
        op = data.draw(st.sampled_from(["flip", "delete", "insert", "dup"]))
        i = data.draw(st.integers(0, len(raw) - 1))
        if op == "flip":
            raw[i] = data.draw(st.integers(0, 255))
        elif op == "delete":
            del raw[i: i + data.draw(st.integers(1, 20))]
        elif op == "insert":
            raw[i:i] = data.draw(st.binary(max_size=8))
        else:
            j = data.draw(st.integers(i, min(len(raw), i + 80)))
            raw[j:j] = raw[i:j]
        if not raw:
            raw = bytearray(b"x")
    check_load(tmp_path, bytes(raw))


def test_deep_nesting(tmp_path):
    check_load(tmp_path, ("a: " + "[" * 5000 + "]" * 5000 + "\n").encode())
    check_load(tmp_path, ("a:\n" + "".join("  " * i + "- \n" for i in range(1, 300))).encode())


def test_huge_file_is_refused_without_reading_it_all(tmp_path):
    check_load(tmp_path, b"# " + b"x" * (17 * 1024 * 1024) + b"\n")


def test_duplicate_keys_and_binary(tmp_path):
    check_load(tmp_path, b"table: a\ntable: b\n")
    check_load(tmp_path, b"\x00\x01\x02\xff\xfe")
    check_load(tmp_path, b"!!python/object:os.system ls\n")


def test_alias_bomb_is_refused_without_expanding_it(tmp_path):
    """A billion-laughs document: aliases are refused at their first use, never expanded."""
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]")
    check_load(tmp_path, ("\n".join(lines) + "\ntable: jobs\n").encode())


def run_cli(tmp_path, data: bytes):
    """``jobschema generate`` on a folder holding ``data`` as a table file, through the real command group."""
    from click.testing import CliRunner

    from jobschema.cli import main

    root = tmp_path / "schema"
    (root / "m" / "tables").mkdir(parents=True, exist_ok=True)
    (root / "m" / "module.yaml").write_text("module: m\n")
    (root / "m" / "tables" / "jobs.yaml").write_bytes(data)
    return CliRunner().invoke(main, ["generate", "--schema", str(root), "--out", str(tmp_path / "out")])


@settings(max_examples=max(5, EXAMPLES // 4), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.data())
def test_cli_ends_in_exit_0_or_one_located_line_per_error(tmp_path_factory, data):
    raw = bytearray(BASE.encode())
    for _ in range(data.draw(st.integers(0, 4))):
        i = data.draw(st.integers(0, len(raw) - 1))
        raw[i:i + data.draw(st.integers(0, 3))] = data.draw(st.binary(max_size=4))
    res = run_cli(tmp_path_factory.mktemp("cli"), bytes(raw) or b"x")
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    assert "Traceback" not in res.output
    assert res.exit_code in (0, 2), res.output
    if res.exit_code == 2:
        errors = [ln for ln in res.output.splitlines() if ln.startswith("jobschema: ")]
        assert errors and all("m/tables/jobs.yaml" in ln or "m/module.yaml" in ln for ln in errors), res.output
        assert all("internal error" not in ln for ln in errors), res.output
