"""The JSON Schema of the YAML format agrees with the loader.

- every shipped file validates (and names the schema in its first line);
- every file under tests/cases/bad_schema/ is rejected by the loader (with the message its ``# expect:``
  line names) and by the JSON Schema;
- files under bad_schema/loader_only/ break rules JSON Schema cannot state (cross-key, cross-file, SQL):
  the loader rejects them and the JSON Schema, knowingly, does not;
- the committed jobschema/schema.json is what ``python -m jobschema.docs.json_schema`` builds, and the type
  and choice patterns accept exactly what the loader accepts.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import jsonschema
import pytest

from jobschema.docs import json_schema
from jobschema.errors import LoadErrors
from jobschema.load import keys
from jobschema.load.build import load_project
from jobschema.load.yaml_source import load_yaml
from jobschema.model.types import TypeError_, parse_type

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT / "jobschema" / "schema.json"
BAD = ROOT / "tests" / "cases" / "bad_schema"
SHIPPED = sorted((ROOT / "schema").glob("*/module.yaml")) + sorted((ROOT / "schema").glob("*/tables/*.yaml"))


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_committed_schema_is_generated() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == json_schema.render(), (
        "jobschema/schema.json is stale: run python -m jobschema.docs.json_schema")


def test_shipped_files_exist() -> None:
    assert len(SHIPPED) > 10


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(ROOT / "schema")))
def test_shipped_file_validates(path: Path, validator) -> None:
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(load_yaml(str(path)))]
    assert not errors, errors
    first = path.read_text(encoding="utf-8").splitlines()[0]
    ref = first.removeprefix("# yaml-language-server: $schema=")
    assert ref != first, f"{path} does not name the JSON Schema in its first line"
    assert (path.parent / ref).resolve() == SCHEMA_FILE


def _expect(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect: "), f"{path} needs a '# expect: <loader message>' first line"
    return first.removeprefix("# expect: ").strip()


def _load_case(path: Path, tmp_path: Path) -> LoadErrors:
    """Load the case inside a one-module schema folder: as module.yaml, or as a table file."""
    mod = tmp_path / "m"
    (mod / "tables").mkdir(parents=True)
    text = path.read_text(encoding="utf-8")
    if path.name.startswith("module_"):
        (mod / "module.yaml").write_text(text, encoding="utf-8")
    else:
        (mod / "module.yaml").write_text("module: m\n", encoding="utf-8")
        (mod / "tables" / "t.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(LoadErrors) as info:
        load_project(str(tmp_path))
    return info.value


BAD_CASES = sorted(BAD.glob("*.yaml"))
LOADER_ONLY = sorted((BAD / "loader_only").glob("*.yaml"))


def test_bad_cases_exist() -> None:
    assert len(BAD_CASES) >= 25 and len(LOADER_ONLY) >= 5


@pytest.mark.parametrize("path", BAD_CASES, ids=lambda p: p.stem)
def test_bad_file_rejected_by_both(path: Path, validator, tmp_path: Path) -> None:
    err = _load_case(path, tmp_path)
    assert _expect(path) in str(err), str(err)
    assert not validator.is_valid(load_yaml(str(path))), f"the JSON Schema accepts {path.name}"


@pytest.mark.parametrize("path", LOADER_ONLY, ids=lambda p: p.stem)
def test_loader_only_rules(path: Path, validator, tmp_path: Path) -> None:
    err = _load_case(path, tmp_path)
    assert _expect(path) in str(err), str(err)
    # A known limit of JSON Schema; if this starts failing, move the case up to bad_schema/.
    assert validator.is_valid(load_yaml(str(path)))


def test_properties_match_loader_keys(validator) -> None:
    defs = validator.schema["$defs"]
    assert set(defs["module"]["properties"]) == set(keys.MODULE_KEYS)
    assert set(defs["table"]["properties"]) == set(keys.TABLE_KEYS)
    assert defs["table"]["required"] == [k for k, r in keys.TABLE_KEYS.items() if r]
    column = defs["table"]["properties"]["columns"]["items"]
    assert set(column["properties"]) == set(keys.COLUMN_KEYS)
    assert column["required"] == ["name", "type"]


TYPE_SPECS = [
    "text", "TEXT", "varchar", "varchar(64)", "VARCHAR ( 64 )", "varchar()", "character varying(10)", "char(2)",
    "uuid", "uuid()", "uuid(3)", "boolean", "bool", "int", "int4", "int8", "int2", "integer", "bigint",
    "numeric", "numeric(10)", "numeric(10,2)", "numeric(10, 2)", "numeric(1,2,3)", "decimal(5,1)", "real",
    "double precision", "double  precision", "float8", "float", "date", "time(3)", "timestamp(6)",
    "timestamptz", "timestamptz(6)", "timestamp with time zone", "timestamp with time zone(3)",
    "interval", "json", "jsonb", "bytea", "inet", "serial", "bigserial", "text[]", "text[][]", "int[]",
    "varchar(64)[]", " text ", "text []", "string", "varchar(a)", "varchar(,)", "varchar(1,2)", "[]",
    "text[", "double", "timestamptz(6", "money", "", "  ",
]


@pytest.mark.parametrize("spec", TYPE_SPECS)
def test_type_pattern_agrees_with_parser(spec: str) -> None:
    try:
        parse_type(spec)
        loader_ok = True
    except TypeError_:
        loader_ok = False
    assert bool(re.search(json_schema.type_pattern(), spec)) == loader_ok


@pytest.mark.parametrize("value", ["set null", "SET NULL", "set_null", "Set  Null", " cascade ", "no action",
                                   "noaction", "set", "null", "cascades", "restrict", "set default"])
def test_choice_pattern_agrees_with_loader(value: str) -> None:
    norm = " ".join(value.lower().replace("_", " ").split())
    assert bool(re.search(json_schema.choice_pattern(keys.FK_ACTIONS), value)) == (norm in keys.FK_ACTIONS)


def test_cli_docs_name_the_schema_path() -> None:
    # docs/schema-format.md tells editors where the schema lives; keep that path true.
    text = (ROOT / "docs" / "schema-format.md").read_text(encoding="utf-8")
    assert "jobschema/schema.json" in text
    assert os.path.isfile(SCHEMA_FILE)
