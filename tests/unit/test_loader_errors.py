"""Each kind of bad input gives one located error line, and `generate` exits 2 writing nothing."""

from __future__ import annotations

import os
import textwrap
from dataclasses import replace

import pytest
from click.testing import CliRunner

from jobschema import api
from jobschema.cli import main
from jobschema.errors import LoadErrors

MODULE = "module: m\n"
GOOD_TABLE = """\
table: jobs
columns:
  - {name: id, type: uuid, default: gen_random_uuid()}
  - {name: status, type: text, nullable: false, default: queued, enum: [queued, done]}
  - {name: owner_id, type: uuid}
primary_key: [id]
"""


def make(tmp_path, tables: dict[str, str], module: str = MODULE, extra: dict[str, str] | None = None) -> str:
    root = tmp_path / "schema"
    (root / "m" / "tables").mkdir(parents=True)
    (root / "m" / "module.yaml").write_text(module)
    for name, text in tables.items():
        (root / "m" / "tables" / f"{name}.yaml").write_text(textwrap.dedent(text))
    for rel, text in (extra or {}).items():
        p = root / "m" / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)
    return str(root)


def errors_of(root: str) -> list[str]:
    with pytest.raises(LoadErrors) as info:
        api.load(root)
    return [e.format() for e in info.value.errors]


def test_good_schema_loads(tmp_path):
    project = api.load(make(tmp_path, {"jobs": GOOD_TABLE}))
    t = project.module("m").table("jobs")
    assert [c.name for c in t.columns] == ["id", "status", "owner_id"]
    assert t.column("status").default.value == "queued"
    assert t.column("id").default.kind == "expression"


CASES = [
    # (description, table text, expected fragment, expected line)
    ("unknown key with did-you-mean", GOOD_TABLE + "indexs: []\n", "unknown key 'indexs' in table (did you mean 'indexes'?)", 7),
    ("unknown column key", GOOD_TABLE.replace("type: uuid}", "type: uuid, nulable: false}", 1),
     "did you mean 'nullable'?", 5),
    ("unknown type", GOOD_TABLE.replace("name: owner_id, type: uuid", "name: owner_id, type: uuidd"),
     "unknown type 'uuidd'; did you mean 'uuid'?", 5),
    ("fk to unknown table", GOOD_TABLE + "foreign_keys:\n  - {columns: [owner_id], references: owners(id)}\n",
     "references unknown table 'owners'", 8),
    ("fk to unknown column", GOOD_TABLE + "foreign_keys:\n  - {columns: [owner_id], references: jobs(idd)}\n",
     "references unknown column jobs.idd", 8),
    ("set-null column not in the key", GOOD_TABLE + "foreign_keys:\n  - {columns: [owner_id], references: jobs(id), "
     "on_delete: set null, on_delete_columns: [status]}\n",
     "on_delete_columns names status, which is not one of its columns", 8),
    ("set-null columns on cascade", GOOD_TABLE + "foreign_keys:\n  - {columns: [owner_id], references: jobs(id), "
     "on_delete: cascade, on_delete_columns: [owner_id]}\n",
     "lists on_delete_columns but its ON DELETE action is cascade", 8),
    ("no action spelled for a cascade", GOOD_TABLE + "foreign_keys:\n  - {columns: [owner_id], references: jobs(id), "
     "on_delete: cascade, no_action_spelled: [on_delete]}\n",
     "no_action_spelled names on_delete, which is cascade", 8),
    ("no action spelled for no rule", GOOD_TABLE + "foreign_keys:\n  - {columns: [owner_id], references: jobs(id), "
     "no_action_spelled: [on_insert]}\n",
     "no_action_spelled names 'on_insert'", 8),
    ("index on unknown column", GOOD_TABLE + "indexes:\n  - {name: jobs_x_idx, columns: [stat]}\n",
     "index jobs_x_idx of jobs names unknown column 'stat' (did you mean 'status'?)", 8),
    ("check on unknown column", GOOD_TABLE + "checks:\n  - {name: jobs_c, expression: \"statu <> 'x' AND id IS NOT NULL\"}\n",
     "check jobs_c of jobs names unknown column 'statu' (did you mean 'status'?)", 8),
    ("check on unknown quoted column", GOOD_TABLE + "checks:\n  - {name: jobs_c, expression: '\"Status\" <> 1'}\n",
     "check jobs_c of jobs names unknown column 'Status'", 8),
    ("enum default outside values", GOOD_TABLE.replace("default: queued", "default: pending"),
     "default 'pending' is not one of its enum values", 4),
    ("duplicate column", GOOD_TABLE.replace("  - {name: owner_id, type: uuid}", "  - {name: status, type: uuid}"),
     "column jobs.status is defined twice", 5),
    ("duplicate index names", GOOD_TABLE + "indexes:\n  - {name: i1, columns: [status]}\n  - {name: i1, columns: [id]}\n",
     "index name 'i1' is already used in public", 9),
    ("unparsable check", GOOD_TABLE + "checks:\n  - {name: c1, expression: 'status IN ('}\n",
     "check c1 of jobs.expression is not a valid postgres expression", 8),
    ("bad YAML", GOOD_TABLE + "checks: [\n", "invalid YAML", 8),
    ("duplicate YAML key", GOOD_TABLE + "primary_key: [id]\n", "duplicate key 'primary_key' (first given at line 6)", 7),
    ("wrong value type", GOOD_TABLE.replace("nullable: false", "nullable: maybe"), "must be true or false", 4),
    ("missing required key", "table: jobs\n", "table lacks the required key 'columns'", 1),
    ("legacy value outside enum", GOOD_TABLE.replace("enum: [queued, done]}", "enum: [queued, done], legacy_values: {pending: queud}}"),
     "maps 'pending' to 'queud', which is not an enum value", 4),
]


@pytest.mark.parametrize("desc,text,fragment,line", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_located(tmp_path, desc, text, fragment, line):
    errs = errors_of(make(tmp_path, {"jobs": text}))
    hits = [e for e in errs if fragment in e]
    assert hits, errs
    assert hits[0].startswith(f"m/tables/jobs.yaml:{line}:"), hits[0]


def test_two_tables_of_one_name(tmp_path):
    errs = errors_of(make(tmp_path, {"jobs": GOOD_TABLE, "jobs2": GOOD_TABLE}))
    assert any("table public.jobs is defined twice" in e and e.startswith("m/tables/jobs2.yaml:1:") for e in errs), errs


def test_errors_are_all_reported_together(tmp_path):
    errs = errors_of(make(tmp_path, {
        "a": GOOD_TABLE.replace("table: jobs", "table: a").replace("type: uuid}", "type: nope}", 1),
        "b": GOOD_TABLE.replace("table: jobs", "table: b").replace("indexs", "x") + "colour: red\n",
    }))
    assert any(e.startswith("m/tables/a.yaml") for e in errs)
    assert any(e.startswith("m/tables/b.yaml") for e in errs)


LOG_TABLE = """\
table: job_logs
columns:
  - {name: id, type: uuid}
  - {name: job_id, type: uuid}
  - {name: queue_id, type: uuid}
primary_key: [id]
foreign_keys:
  - {columns: [job_id], references: jobs(id)}
  - {columns: [queue_id], references: queue(id)}
"""


@pytest.mark.parametrize("broken", [
    GOOD_TABLE.replace("type: uuid}", "type: uuid", 1),  # invalid YAML: the table is not read at all
    GOOD_TABLE.replace("primary_key:", "primary_kye:"),  # read, but without its primary key
])
def test_a_broken_file_is_one_error_not_one_per_reference(tmp_path, broken):
    """The file with the mistake is the error; a foreign key to its table is not reported as a second one
    ("unknown table 'jobs' (did you mean 'job_logs'?)"), while other references are still checked."""
    errs = errors_of(make(tmp_path, {"jobs": broken, "job_logs": LOG_TABLE}))
    assert [e.split(":")[0] for e in errs] == ["m/tables/job_logs.yaml", "m/tables/jobs.yaml"], errs
    assert "references unknown table 'queue'" in errs[0], errs


def test_non_utf8_file(tmp_path):
    root = make(tmp_path, {"jobs": GOOD_TABLE})
    with open(os.path.join(root, "m", "tables", "jobs.yaml"), "ab") as fh:
        fh.write(b"comment: caf\xe9\n")
    errs = errors_of(root)
    assert errs == ["m/tables/jobs.yaml:7:13: file is not valid UTF-8 (save it as UTF-8)"]


def test_alias_bomb_is_refused(tmp_path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        bomb += f"{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
    errs = errors_of(make(tmp_path, {"jobs": bomb}))
    assert any("expands to more than" in e for e in errs), errs


def test_bad_view_file(tmp_path):
    root = make(tmp_path, {"jobs": GOOD_TABLE}, extra={"views/v.sql": "-- header\nSELECT 1;\n"})
    errs = errors_of(root)
    assert errs == ["m/views/v.sql:2:1: not a CREATE VIEW statement (a view file starts with CREATE "
                    "[MATERIALIZED] VIEW name AS SELECT ...)"]


def test_generate_exits_2_and_writes_nothing(tmp_path):
    root = make(tmp_path, {"jobs": GOOD_TABLE.replace("type: uuid}", "type: uuidd}", 1)})
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["generate", "--schema", root, "--out", str(out)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "m/tables/jobs.yaml:5:28: column jobs.owner_id: unknown type" in result.output
    assert not out.exists()


def test_generate_unknown_module_is_one_line(tmp_path):
    root = make(tmp_path, {"jobs": GOOD_TABLE})
    result = CliRunner().invoke(main, ["generate", "--schema", root, "--out", str(tmp_path / "o"), "--module", "x"])
    assert result.exit_code == 2
    assert result.output.strip() == "jobschema: unknown module 'x' (known: m)"


@pytest.mark.parametrize("text,fragment", [
    ("table:\ncolumns: [{name: id, type: int}]\n", "table.table is required but empty"),
    (GOOD_TABLE + "checks:\n  - {name: c, expression: }\n", "check of jobs.expression is required but empty"),
])
def test_required_but_empty(tmp_path, text, fragment):
    errs = errors_of(make(tmp_path, {"jobs": text}))
    assert any(fragment in e for e in errs), errs


@pytest.mark.parametrize("name,text,location,fragment", [
    ("v.sql", "-- header\nCREATE VIEW v AS SELECT id\n  FROM jobs WHERE id = = 1;\n", "m/views/v.sql:3:",
     "view v: the query is not valid postgres SQL"),
    ("v.mysql.sql", "CREATE ALGORITHM=MERGE VIEW v AS SELECT FROM WHERE (;\n", "m/views/v.mysql.sql:1:",
     "view v: the query is not valid mysql SQL"),
    ("v.postgres.sql", "CREATE VIEW v AS 1 + 1;\n", "m/views/v.postgres.sql:1:", "it is not a query"),
])
def test_unparsable_view_query(tmp_path, name, text, location, fragment):
    errs = errors_of(make(tmp_path, {"jobs": GOOD_TABLE}, extra={f"views/{name}": text}))
    assert len(errs) == 1 and errs[0].startswith(location) and fragment in errs[0], errs


def test_unparsable_view_query_exits_2_writing_nothing(tmp_path):
    root = make(tmp_path, {"jobs": GOOD_TABLE}, extra={"views/v.sql": "CREATE VIEW v AS SELECT id FROM jobs WHERE (;\n"})
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["generate", "--schema", root, "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert [ln for ln in result.output.splitlines() if ln.strip()][0].startswith("jobschema: m/views/v.sql:1:")
    assert not out.exists()


@pytest.mark.parametrize("desc,text,fragment,line", [
    ("unparsable default", GOOD_TABLE.replace("default: gen_random_uuid()", "default: 'gen_random_uuid(('"),
     "column jobs.id.default is not a valid postgres expression", 3),
    ("unparsable index predicate", GOOD_TABLE + "indexes:\n  - {name: i1, columns: [status], where: \"status = = 'a'\"}\n",
     "index i1 of jobs.where is not a valid postgres expression", 8),
    ("unparsable policy", GOOD_TABLE + "rls:\n  enabled: true\n  policies:\n    - {name: p, using: 'owner_id = = 1'}\n",
     "policy p of jobs.using is not a valid postgres expression", 10),
    ("unknown fk action", GOOD_TABLE + "foreign_keys:\n  - {columns: [owner_id], references: jobs(id), on_delete: set nul}\n",
     "'set nul' is not allowed (did you mean 'set null'?)", 8),
    ("duplicate constraint name", GOOD_TABLE + "checks:\n  - {name: c1, expression: \"status <> ''\"}\n"
     "  - {name: c1, expression: \"status <> 'x'\"}\n", "constraint name 'c1' is used twice on table jobs", 9),
])
def test_more_bad_input_is_located(tmp_path, desc, text, fragment, line):
    errs = errors_of(make(tmp_path, {"jobs": text}))
    hits = [e for e in errs if fragment in e]
    assert hits, errs
    assert hits[0].startswith(f"m/tables/jobs.yaml:{line}:"), hits[0]


@pytest.mark.parametrize("head, fields", [
    ("CREATE VIEW v WITH (security_invoker = true) AS", {"security_invoker": True, "security": None}),
    ("CREATE SQL SECURITY INVOKER VIEW v AS", {"security_invoker": False, "security": "INVOKER"}),
])
def test_a_shared_view_file_is_read_by_the_dialect_whose_security_spelling_it_uses(tmp_path, head, fields):
    root = make(tmp_path, {"jobs": GOOD_TABLE}, extra={"views/v.sql": f"{head} SELECT id FROM jobs;\n"})
    v = api.load(root).module("m").views[0]
    assert {k: getattr(v, k) for k in fields} == fields


def test_a_repeated_column_is_reported_in_every_file_and_keeps_its_own_origin(tmp_path):
    bad = "table: {t}\ncolumns:\n{pad}  - {{name: n, type: integer, nullable: 1}}\n  - {{name: id, type: uuid}}\n"
    root = make(tmp_path, {"a": bad.format(t="a", pad=""), "b": bad.format(t="b", pad="  - {name: x, type: text}\n")})
    assert [e.split(": ", 1)[0] for e in errors_of(root) if "nullable" in e] == ["m/tables/a.yaml:3:40",
                                                                                "m/tables/b.yaml:4:40"]
    good = {t: bad.format(t=t, pad="  - {name: x, type: text}\n" * i).replace("nullable: 1", "nullable: false")
            for i, t in enumerate("ab")}
    tables = api.load(make(tmp_path / "good", good)).modules[0].tables
    assert [c.origin.line for t in tables for c in t.columns if c.name == "id"] == [4, 5]
    a, b = tables[0].column("n"), tables[1].column("n")
    assert a != b and replace(a, origin=b.origin) == b and not a.nullable


def test_view_name_no_file_can_carry(tmp_path):
    """A view named with spaces or quotes lives in a file of a safe stem; its name comes from the statement,
    and the emitter writes it there (a view left out of the schema would audit as in sync)."""
    from jobschema.emit.files import module_files
    from jobschema.load.filenames import view_stem

    assert view_stem("Open Jobs") == "Open_Jobs_" and view_stem("open_jobs") == "open_jobs"
    assert view_stem("Open Jobs", {"Open_Jobs_"}) == "Open_Jobs_2"
    view = 'CREATE VIEW "Open Jobs" AS SELECT id FROM jobs;\n'
    module = api.load(make(tmp_path, {"jobs": GOOD_TABLE}, extra={"views/Open_Jobs_.sql": view})).module("m")
    assert [v.name for v in module.views] == ["Open Jobs"]
    assert "views/Open_Jobs_.sql" in module_files(module)


def test_view_file_named_unlike_a_safe_view_name(tmp_path):
    errs = errors_of(make(tmp_path, {"jobs": GOOD_TABLE},
                          extra={"views/w.sql": "CREATE VIEW v AS SELECT id FROM jobs;\n"}))
    assert any("file defines view 'v' but is named 'w'" in e for e in errs), errs
