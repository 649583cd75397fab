"""Hostile schema files: whatever bytes a merge produced, loading ends in a model or in located errors.

Each test has its own oracle: a model that loads must survive emit → load unchanged, the table format's key
rules must be reported exactly, errors must point inside the file, the CLI must print exactly the loader's
errors, and each hand-made hostile file has one exact expected error. Example counts are small by default so
CI stays fast; set JOBSCHEMA_PROPERTY_EXAMPLES for a longer run.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
import tracemalloc

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from jobschema import api
from jobschema.emit import write_module
from jobschema.errors import LoadError, LoadErrors
from jobschema.load.keys import TABLE_KEYS
from jobschema.load.yaml_source import MAX_BYTES, MAX_DEPTH, MAX_NODES
from jobschema.model.objects import NO_ORIGIN, Origin, Project

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


FILE = "m/tables/jobs.yaml"


def write_schema(tmp_path, data: bytes):
    root = tmp_path / "schema"
    (root / "m" / "tables").mkdir(parents=True, exist_ok=True)
    (root / "m" / "module.yaml").write_text("module: m\n")
    (root / "m" / "tables" / "jobs.yaml").write_bytes(data)
    return root


def load_outcome(tmp_path, data: bytes) -> Project | list[LoadError]:
    """The project, or the loader's errors, each checked to be one line located inside the table file."""
    try:
        return api.load(str(write_schema(tmp_path, data)))
    except LoadErrors as exc:
        assert exc.errors
        last_line = data.count(b"\n") + 1
        for e in exc.errors:
            assert "\n" not in e.format()
            assert e.file == FILE, e.format()
            assert e.line is not None and 1 <= e.line <= last_line, e.format()
            assert e.col is not None and e.col >= 1, e.format()
        return exc.errors


def strip_origins(obj):
    """The same object with every ``origin`` cleared, recursively (origins name files, not meaning)."""
    if isinstance(obj, Origin):
        return NO_ORIGIN
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {f.name: strip_origins(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
        return dataclasses.replace(obj, **changes)
    if isinstance(obj, tuple):
        return tuple(strip_origins(x) for x in obj)
    return obj


def assert_round_trips(tmp_path, project: Project) -> None:
    """A file the loader accepts means exactly what the emitter writes back for it."""
    (module,) = project.modules
    out = tempfile.mkdtemp(dir=tmp_path)  # hypothesis runs every example in the one tmp_path
    write_module(module, out)
    assert strip_origins(api.load(out).module("m")) == strip_origins(module)


def errors_of(outcome) -> set[tuple[int, int, str]]:
    return {(e.line, e.col, e.message) for e in outcome}


def key_errors(doc: dict, text: str) -> set[tuple[int, int, str]]:
    """The errors the table format's key rules demand of a top-level mapping: each unknown key where it
    stands, each missing or empty required key."""
    node = yaml.compose(text)

    def where(mark) -> tuple[int, int]:  # lines as editors count them: PyYAML also breaks at NEL, LS, PS
        return text.count("\n", 0, mark.index) + 1, mark.index - (text.rfind("\n", 0, mark.index) + 1) + 1

    at = {k.value: (*where(k.start_mark), v.start_mark) for k, v in node.value}
    want = {(at[key][0], at[key][1], f"unknown key {key!r} in table") for key in doc if key not in TABLE_KEYS}
    for key, required in TABLE_KEYS.items():
        if required and key not in doc:
            want.add((*where(node.start_mark), f"table lacks the required key {key!r}"))
        elif required and doc[key] is None:
            want.add((*where(at[key][2]), f"table.{key} is required but empty"))
    return want


@SETTINGS
@given(st.dictionaries(keys, values, max_size=6))
def test_random_documents(tmp_path, doc):
    text = yaml.safe_dump(doc, allow_unicode=True)
    outcome = load_outcome(tmp_path, text.encode("utf-8"))
    want = key_errors(doc, text)
    event("loads" if isinstance(outcome, Project) else "refused")
    if isinstance(outcome, Project):
        assert not want
        (table,) = outcome.module("m").tables
        assert table.name == str(doc["table"])
        assert_round_trips(tmp_path, outcome)
    else:
        rules = {f"table.{key} is required but empty" for key in TABLE_KEYS}
        got = {e for e in errors_of(outcome)
               if e[2].endswith(" in table") or e[2].startswith("table lacks") or e[2] in rules}
        assert got == want


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
    outcome = load_outcome(tmp_path, bytes(raw))
    event("loads" if isinstance(outcome, Project) else "refused")
    if isinstance(outcome, Project):
        assert_round_trips(tmp_path, outcome)


def test_the_unmutated_file_loads_and_round_trips(tmp_path):
    outcome = load_outcome(tmp_path, BASE.encode())
    assert isinstance(outcome, Project)
    assert [t.name for t in outcome.module("m").tables] == ["jobs"]
    assert_round_trips(tmp_path, outcome)


def only_error(tmp_path, data: bytes) -> tuple[int, int, str]:
    outcome = load_outcome(tmp_path, data)
    assert not isinstance(outcome, Project)
    (error,) = errors_of(outcome)
    return error


def test_deep_nesting(tmp_path):
    assert only_error(tmp_path, ("a: " + "[" * 5000 + "]" * 5000 + "\n").encode()) == (
        1, 1003, "invalid YAML: exceeded maximum nesting depth")
    # Block nesting: line n + 1 opens level n, so the first level too deep stands on line MAX_DEPTH + 2.
    line = MAX_DEPTH + 2
    assert only_error(tmp_path, ("a:\n" + "".join("  " * i + "- \n" for i in range(1, 300))).encode()) == (
        line, 2 * (line - 1) + 1, f"nesting deeper than {MAX_DEPTH} levels")


def test_huge_file_is_refused_without_reading_it_all(tmp_path):
    """A 256 MiB file (sparse: nothing is written) is refused after reading at most MAX_BYTES + 1 bytes."""
    path = write_schema(tmp_path, b"") / "m" / "tables" / "jobs.yaml"
    os.truncate(path, 256 * 1024 * 1024)
    tracemalloc.start()
    try:
        try:
            api.load(str(tmp_path / "schema"))
        except LoadErrors as exc:
            errors = exc.errors
        else:
            raise AssertionError("a 256 MiB table file loaded")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [e.format() for e in errors] == [f"{FILE}:1:1: file is larger than {MAX_BYTES // (1024 * 1024)} MiB"]
    assert peak < 2 * MAX_BYTES, f"{peak} bytes allocated"


def test_duplicate_keys_binary_control_characters_and_tags(tmp_path):
    assert only_error(tmp_path, b"table: a\ntable: b\n") == (2, 1, "duplicate key 'table'")
    assert only_error(tmp_path, b"\x00\x01\x02\xff\xfe") == (1, 4, "file is not valid UTF-8")
    assert only_error(tmp_path, b"table: a\ncolumns: [\x00]\n") == (
        2, 11, "invalid YAML: control character #x0000 is not allowed")
    assert only_error(tmp_path, b"!!python/object:os.system ls\n") == (
        1, 1, "unsupported YAML tag 'tag:yaml.org,2002:python/object:os.system'")


def test_alias_bomb_is_refused_without_expanding_it(tmp_path):
    """A billion-laughs document: expansion stops at MAX_NODES values, on the line whose aliases pass it
    (level n holds 9**n values, so level 6 - line 6 - is the first beyond 200,000)."""
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]")
    line = next(n for n in range(1, 10) if 9 ** n > MAX_NODES)
    error = only_error(tmp_path, ("\n".join(lines) + "\ntable: jobs\n").encode())
    assert (error[0], error[2]) == (line, f"document expands to more than {MAX_NODES} values")


def run_cli(root, out):
    """``jobschema generate`` on ``root``, through the real command group."""
    from click.testing import CliRunner

    from jobschema.cli import main

    return CliRunner().invoke(main, ["generate", "--schema", str(root), "--out", str(out)])


@settings(max_examples=max(5, EXAMPLES // 4), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.data())
def test_cli_prints_exactly_the_loaders_errors_or_writes_exactly_the_rendered_files(tmp_path_factory, data):
    raw = bytearray(BASE.encode())
    for _ in range(data.draw(st.integers(0, 4))):
        i = data.draw(st.integers(0, len(raw) - 1))
        raw[i:i + data.draw(st.integers(0, 3))] = data.draw(st.binary(max_size=4))
    tmp = tmp_path_factory.mktemp("cli")
    root = write_schema(tmp, bytes(raw) or b"x")
    res = run_cli(root, tmp / "out")
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    try:
        project = api.load(str(root))
    except LoadErrors as exc:
        assert res.exit_code == 2, res.output
        assert res.stdout == ""
        assert res.stderr.splitlines() == [f"jobschema: {e.format()}" for e in exc.errors]
    else:
        assert res.exit_code == 0, res.output
        files = api.render_project(project).files
        written = {str(p.relative_to(tmp / "out")): p.read_text() for p in (tmp / "out").rglob("*") if p.is_file()}
        assert written == files
