"""PostgreSQL native enum types in the schema format: how ``enum_type`` loads, validates and renders.

MySQL keeps its inline ENUM whatever ``enum_type`` says; PostgreSQL creates each type once, before the
tables, and types the columns (and arrays) with it instead of text + a CHECK.
"""

from __future__ import annotations

import textwrap

import pytest
from click.testing import CliRunner

from jobschema import api
from jobschema.cli import main
from jobschema.errors import LoadErrors
from jobschema.model.typename import TypeNameError, format_type_name, parse_type_name


def make(tmp_path, tables: dict[str, str], module: str = "module: m\n") -> str:
    root = tmp_path / "schema"
    (root / "m" / "tables").mkdir(parents=True)
    (root / "m" / "module.yaml").write_text(module)
    for name, text in tables.items():
        (root / "m" / "tables" / f"{name}.yaml").write_text(textwrap.dedent(text))
    return str(root)


def errors_of(root: str) -> list[str]:
    with pytest.raises(LoadErrors) as info:
        api.load(root)
    return [e.format() for e in info.value.errors]


JOBS = """\
table: jobs
columns:
  - {name: id, type: integer}
  - name: status
    type: text
    nullable: false
    default: queued
    enum: [queued, "it's running", done]
    enum_type: job_status
  - {name: prev_status, type: text, enum: [queued, "it's running", done], enum_type: job_status}
primary_key: [id]
"""

HISTORY = """\
table: job_history
namespace: audit
columns:
  - {name: id, type: integer}
  - {name: status, type: text, enum: [queued, "it's running", done], enum_type: public.job_status}
  - {name: mood, type: text, enum: [a b, x-y, p/q], enum_type: '"Moods"."Mood.Kind"'}
primary_key: [id]
"""


@pytest.mark.parametrize("text, parsed", [
    ("job_status", (None, "job_status")),
    ("sales.job_status", ("sales", "job_status")),
    ("JobStatus", (None, "JobStatus")),
    ('"Mood.Kind"', (None, "Mood.Kind")),
    ('"My NS"."say ""hi"""', ("My NS", 'say "hi"')),
])
def test_type_names_parse_and_format_back(text, parsed):
    assert parse_type_name(text) == parsed
    assert parse_type_name(format_type_name(*parsed)) == parsed


@pytest.mark.parametrize("bad", ["a.b.c", '"open', 'a"b', "a.", ".a", " a"])
def test_bad_type_names_are_refused(bad):
    with pytest.raises(TypeNameError):
        parse_type_name(bad)


def test_enum_type_loads_resolving_namespaces(tmp_path):
    p = api.load(make(tmp_path, {"jobs": JOBS, "job_history": HISTORY}))
    jobs = p.module("m").table("jobs")
    st = jobs.column("status")
    assert (st.enum_type, st.enum_type_namespace, st.enum) == ("job_status", None, ("queued", "it's running", "done"))
    hist = p.module("m").table("job_history")
    assert hist.column("status").enum_type_in(hist.namespace) == ("public", "job_status")
    assert hist.column("mood").enum_type_in(hist.namespace) == ("Moods", "Mood.Kind")


def test_a_type_qualified_with_its_own_tables_namespace_is_the_unqualified_one(tmp_path):
    p = api.load(make(tmp_path, {"jobs": JOBS.replace("enum_type: job_status\n", "enum_type: public.job_status\n")}))
    assert p.module("m").table("jobs").column("status").enum_type_namespace is None


@pytest.mark.parametrize("column, message", [
    ("{name: s, type: text, enum_type: job_status}", "enum_type needs the enum values it carries"),
    ("{name: s, type: text, enum: [a], enum_type: job_status, enum_check_name: x}", "an enum_type column has none"),
    ("{name: s, type: text, enum: [a], enum_type: a.b.c}", "more than two parts"),
    ("{name: s, type: integer, enum: [a], enum_type: t}", "must have a text type"),
    ("{name: s, type: 'text[]', enum: [a]}", "must have a text type"),
])
def test_enum_type_errors_name_the_file_and_line(tmp_path, column, message):
    root = make(tmp_path, {"t": f"table: t\ncolumns:\n  - {{name: id, type: integer}}\n  - {column}\n"})
    errs = errors_of(root)
    assert len(errs) == 1 and message in errs[0] and "t.yaml:4" in errs[0], errs


def test_one_type_has_one_label_list(tmp_path):
    other = JOBS.replace("prev_status, type: text, enum: [queued, \"it's running\", done]",
                         "prev_status, type: text, enum: [done, queued, \"it's running\"]")
    errs = errors_of(make(tmp_path, {"jobs": other}))
    assert len(errs) == 1 and "enum type public.job_status of jobs.prev_status lists other values" in errs[0], errs


def test_an_enum_array_is_postgres_only(tmp_path):
    table = ("table: t\ncolumns:\n  - {name: id, type: integer}\n"
             "  - {name: tags, type: 'text[]', enum: [a, b], enum_type: tag}\n")
    errs = errors_of(make(tmp_path, {"t": table}))
    assert len(errs) == 1 and "array of enum values, which mysql cannot hold" in errs[0], errs
    p = api.load(make(tmp_path / "pg", {"t": table}, module="module: m\ndialects: [postgres]\n"))
    assert p.module("m").table("t").column("tags").type == "text[]"


def test_bad_enum_type_is_one_line_and_exit_2(tmp_path):
    root = make(tmp_path, {"t": "table: t\ncolumns:\n  - {name: s, type: text, enum: [a], enum_type: '\"x'}\n"})
    res = CliRunner().invoke(main, ["generate", "--schema", root, "--out", str(tmp_path / "out")])
    assert res.exit_code == 2 and "Traceback" not in res.output
    assert "unclosed double quote" in res.output and "t.yaml:3" in res.output


def test_postgres_creates_each_type_once_and_mysql_keeps_its_enum(tmp_path):
    module = "module: m\ndialects: [postgres, mysql]\n"
    p = api.load(make(tmp_path, {"jobs": JOBS, "job_history": HISTORY}, module=module))
    files = api.render_project(p).files
    prelude = files["m/postgres/000_prelude.postgres.sql"]
    tables = files["m/postgres/010_tables.postgres.sql"]
    create = "CREATE TYPE job_status AS ENUM ('queued', 'it''s running', 'done');"
    assert prelude.count(create) == 1, prelude
    assert "CREATE TYPE \"Moods\".\"Mood.Kind\" AS ENUM ('a b', 'x-y', 'p/q');" in prelude
    assert prelude.index('CREATE SCHEMA IF NOT EXISTS "Moods";') < prelude.index('CREATE TYPE "Moods"')
    assert "status job_status NOT NULL DEFAULT 'queued'" in tables
    assert "prev_status job_status" in tables and "status job_status," in tables
    assert 'mood "Moods"."Mood.Kind"' in tables
    assert "CHECK" not in tables  # the type carries the values
    mysql = files["m/mysql/010_tables.mysql.sql"]
    assert "status enum('queued','it''s running','done') NOT NULL DEFAULT 'queued'" in mysql
    assert "job_status" not in "".join(v for k, v in files.items() if "/mysql/" in k)


def test_enum_array_renders_as_an_array_of_the_type(tmp_path):
    table = ("table: t\ncolumns:\n  - {name: id, type: integer}\n"
             "  - {name: tags, type: 'text[]', nullable: false, enum: [a, b], enum_type: tag}\n"
             "  - {name: tag, type: text, enum: [a, b], enum_type: tag}\n")
    p = api.load(make(tmp_path, {"t": table}, module="module: m\ndialects: [postgres]\n"))
    files = api.render_project(p).files
    assert files["m/postgres/000_prelude.postgres.sql"].count("CREATE TYPE tag AS ENUM ('a', 'b');") == 1
    assert "tags tag[] NOT NULL" in files["m/postgres/010_tables.postgres.sql"]


def test_a_type_from_a_required_module_is_created_once(tmp_path):
    root = tmp_path / "schema"
    for name, module, table in (
            ("base", "module: base\ndialects: [postgres]\n",
             "table: a\ncolumns:\n  - {name: s, type: text, enum: [x, y], enum_type: shared_state}\n"),
            ("app", "module: app\ndialects: [postgres]\nrequires: [base]\n",
             "table: b\ncolumns:\n  - {name: s, type: text, enum: [x, y], enum_type: shared_state}\n")):
        (root / name / "tables").mkdir(parents=True)
        (root / name / "module.yaml").write_text(module)
        (root / name / "tables" / "t.yaml").write_text(table)
    files = api.render_project(api.load(str(root))).files
    assert files["app/postgres/000_prelude.postgres.sql"].count("CREATE TYPE shared_state") == 1
    assert files["base/postgres/000_prelude.postgres.sql"].count("CREATE TYPE shared_state") == 1
