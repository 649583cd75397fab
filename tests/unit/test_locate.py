"""Audit findings point at the declaring schema file and line, whatever the names look like."""

from __future__ import annotations

from jobschema.diff.locate import locate
from jobschema.finding import Finding, Location, Severity
from jobschema.load.build import load_project

TABLE = """\
table: "dot.ted"
columns:
  - {name: id, type: bigint, nullable: false}
  - name: state
    type: text
    enum: [a, b]
primary_key: [id]
indexes:
  - {name: ix.one, columns: [state]}
"""
OTHER = """\
# yaml-language-server: $schema=../../schema.json
table: dot
columns:
  - {name: id, type: bigint, nullable: false}
primary_key: [id]
"""


def project(tmp_path):
    root = tmp_path / "schema"
    (root / "m" / "tables").mkdir(parents=True)
    (root / "m" / "module.yaml").write_text("module: m\n")
    (root / "m" / "tables" / "t.yaml").write_text(TABLE)
    (root / "m" / "tables" / "dot.yaml").write_text(OTHER)
    return root, load_project(str(root))


def f(path: str, **kw) -> Finding:
    return Finding("JS320", Severity.WARNING, path, "m", **kw)


def test_longest_table_name_wins_and_objects_have_their_line(tmp_path, monkeypatch):
    root, p = project(tmp_path)
    monkeypatch.chdir(tmp_path)
    got = locate([f("m.dot.ted.ix.one"), f("m.dot.ted.dot.ted_state_check"), f("m.dot.ted.unknown"),
                  f("m.dot.id"), f("m.dot"), f("other.x"),
                  f("m.dot.ted", location=Location("keep.sql", 3))], p.modules, str(root))
    locs = [(x.location.file, x.location.line) if x.location else None for x in got]
    assert locs == [("schema/m/tables/t.yaml", 9),  # the index entry
                    ("schema/m/tables/t.yaml", 4),  # enum CHECK → its column
                    ("schema/m/tables/t.yaml", 1),  # not declared: the table's document
                    ("schema/m/tables/dot.yaml", 4),
                    ("schema/m/tables/dot.yaml", 2),  # the `table:` line, below the editor comment
                    None,  # not in the schema at all
                    ("keep.sql", 3)]  # a location already set is kept


def test_schema_outside_the_working_directory_is_shown_absolute(tmp_path, monkeypatch):
    root, p = project(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    (got,) = locate([f("m.dot")], p.modules, str(root))
    assert got.location.file == f"{root}/m/tables/dot.yaml"
