"""The emitter is the loader run backwards: load(emit(load(schema/))) == load(schema/) for every module."""

from __future__ import annotations

import dataclasses
import os

import pytest
import yaml

from jobschema import api
from jobschema.emit import module_files, write_module, yamltext
from jobschema.model.objects import NO_ORIGIN, Origin

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROJECT = api.load(os.path.join(ROOT, "schema"))


def strip_origins(obj):
    """The same object with every ``origin`` cleared, recursively (origins name files, not meaning)."""
    if isinstance(obj, Origin):
        return NO_ORIGIN
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {f.name: strip_origins(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
        if "origin" in changes:
            changes["origin"] = NO_ORIGIN
        return dataclasses.replace(obj, **changes)
    if isinstance(obj, tuple):
        return tuple(strip_origins(x) for x in obj)
    return obj


def emit_project(tmp_path, modules) -> object:
    root = tmp_path / "schema"
    for m in modules:
        write_module(m, str(root))
    return api.load(str(root))


@pytest.mark.parametrize("module", [m.name for m in PROJECT.modules])
def test_emit_round_trips_shipped_module(tmp_path, module):
    m = PROJECT.module(module)
    needed = [m] + [PROJECT.module(r) for r in m.requires]
    back = emit_project(tmp_path, needed)
    assert strip_origins(back.module(module)) == strip_origins(m)


def test_emit_is_deterministic():
    for m in PROJECT.modules:
        assert module_files(m) == module_files(m)


def test_emitted_yaml_has_header_and_flow_items():
    files = module_files(PROJECT.module("iot"))
    text = files["tables/jobs.yaml"]
    assert text.startswith("# yaml-language-server: $schema=../../../jobschema/schema.json\n")
    assert "primary_key: {name: jobs_pkey, columns: [tenant_id, job_id]}" in text
    assert "  - {name: idx_jobs_tenant_status, columns: [tenant_id, status]}" in text


@pytest.mark.parametrize("value", ["yes", "no", "on", "null", "~", "1", "1.5", "0x10", "2020-01-01", "a: b",
                                   "- x", "#c", "it's", 'say "hi"', " lead", "trail ", "a,b", "[x]", "{x}",
                                   "new\nline", "tab\there", "é", "", "*star", "&amp", "!tag", "%p", "@a",
                                   "`x`", "a  b", "1:20", "true", "Yes", "NULL", "=", "<<"])
def test_scalars_read_back_unchanged(value):
    doc = yamltext.document({"k": value, "f": [value], "m": {"x": value}})
    assert yaml.safe_load(doc) == {"k": value, "f": [value], "m": {"x": value}}


def test_long_text_folds_and_reads_back():
    text = " ".join(["word"] * 80)
    doc = yamltext.document({"comment": text, "items": [{"name": "a", "comment": text}], "ml": "a\n  b\nc"})
    assert ">-" in doc and "|-" in doc
    assert yaml.safe_load(doc) == {"comment": text, "items": [{"name": "a", "comment": text}], "ml": "a\n  b\nc"}


def test_zero_and_false_are_not_confused():
    assert yaml.safe_load(yamltext.document({"a": False, "b": 0, "c": 1, "d": True, "e": 0.0})) == \
        {"a": False, "b": 0, "c": 1, "d": True, "e": 0.0}
    assert yamltext.scalar(0) == "0" and yamltext.scalar(False) == "false"


def test_on_update_loads_emits_and_renders(tmp_path):
    root = tmp_path / "schema" / "m"
    (root / "tables").mkdir(parents=True)
    (root / "module.yaml").write_text("module: m\n")
    (root / "tables" / "t.yaml").write_text(
        "table: t\ncolumns:\n  - {name: id, type: integer}\n"
        "  - {name: at, type: timestamptz(3), default: now(), on_update: now()}\nprimary_key: [id]\n")
    project = api.load(str(tmp_path / "schema"))
    m = project.module("m")
    assert m.tables[0].columns[1].on_update.text == "now()"
    back = emit_project(tmp_path / "again", [m])
    assert strip_origins(back.module("m")) == strip_origins(m)
    out = api.render_project(project, "m")
    mysql = "".join(t for p, t in out.files.items() if "/mysql/" in p)
    assert "DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)" in mysql
    assert any("ON UPDATE now() has no PostgreSQL" in str(w) for w in out.warnings)


def test_view_files_use_the_dialects_view_statement(tmp_path):
    """A view file holds the statement ``generate`` prints for the view, less the options the view leaves to
    the server, and loads back to the same view."""
    from jobschema.dialects import base as dialects
    from jobschema.emit.files import view_files
    from jobschema.model.objects import Module, Project, View

    pg = View(name="busy", definitions=(("postgres", "SELECT 1 AS n"),), columns=("n",), security_invoker=True,
              check_option="LOCAL", comment="it's busy")
    my = View(name="busy", definitions=(("mysql", "SELECT 1 AS n"),), columns=("n",), algorithm="MERGE",
              security="INVOKER", check_option="CASCADED")
    for view, dialect in ((pg, "postgres"), (my, "mysql")):
        module = Module(name="m", namespace="public", views=(view,))
        generated = dialects.get(dialect).render(module, Project(modules=(module,))).artifacts
        statements = "\n".join(a.text for a in generated)
        (path, text), = view_files(view, "public").items()
        assert path == f"views/busy.{dialect}.sql"
        for statement in dialects.get(dialect).split(text):
            assert statement.text in statements
        back = emit_project(tmp_path / dialect, [module]).module("m").views
        # the loader keeps a view's COMMENT ON as an extra statement, so compare without the comment
        assert [dataclasses.replace(strip_origins(v), extra_sql=()) for v in back] == [
            dataclasses.replace(view, comment=None)]
    (_, text), = view_files(dataclasses.replace(my, security=None), "public").items()
    assert "SQL SECURITY" not in text and "ALGORITHM=MERGE" in text  # generate spells out DEFINER


def test_mysql_only_module_names_no_schema(tmp_path):
    """MySQL has no schema inside a database: a MySQL-only module's file says nothing of one, and reads back."""
    m = dataclasses.replace(PROJECT.module("iot"), dialects=("mysql",))
    head = yaml.safe_load(module_files(m)["module.yaml"])
    assert "namespace" not in head
    assert yaml.safe_load(module_files(PROJECT.module("iot"))["module.yaml"])["namespace"] == "public"
    assert emit_project(tmp_path, [m]).module("iot").namespace == "public"


def test_spelled_no_action_loads_emits_and_renders(tmp_path):
    """A NO ACTION written out reads back from YAML and is written by the MySQL renderer (MariaDB stores it
    apart from the RESTRICT a rule left out gets); one left at the default is not written."""
    root = tmp_path / "schema" / "m"
    (root / "tables").mkdir(parents=True)
    (root / "module.yaml").write_text("module: m\n")
    (root / "tables" / "t.yaml").write_text(
        "table: t\ncolumns:\n  - {name: id, type: integer}\n  - {name: up, type: integer, nullable: true}\n"
        "primary_key: [id]\nforeign_keys:\n"
        "  - {name: t_up_a, columns: [up], references: t(id), on_delete: cascade, no_action_spelled: [on_update]}\n"
        "  - {name: t_up_b, columns: [up], references: t(id)}\n")
    project = api.load(str(tmp_path / "schema"))
    m = project.module("m")
    assert [fk.no_action_spelled for fk in m.tables[0].foreign_keys] == [("on_update",), ()]
    back = emit_project(tmp_path / "again", [m])
    assert strip_origins(back.module("m")) == strip_origins(m)
    out = api.render_project(project, "m")
    mysql = "".join(t for p, t in out.files.items() if "/mysql/" in p)
    assert "REFERENCES t (id) ON DELETE CASCADE ON UPDATE NO ACTION;" in mysql.replace("\n    ", " ")
    assert "t_up_b FOREIGN KEY (up) REFERENCES t (id);" in mysql.replace("\n    ", " ")
