"""The folder cache of built YAML values: same model as a fresh parse, never stale, survives corruption."""

from __future__ import annotations

import os

import pytest

from jobschema.load import build, cache
from jobschema.load.tables import read_table

TABLE = """\
table: t{i}
columns:
  - {{name: id, type: bigint, nullable: false}}
  - name: status
    type: text
    default: a
    enum: [a, b]
primary_key: [id]
"""


@pytest.fixture
def schema(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("JOBSCHEMA_NO_CACHE", raising=False)
    monkeypatch.setattr(cache, "MIN_FILES", 1)
    root = tmp_path / "schema"
    (root / "m" / "tables").mkdir(parents=True)
    (root / "m" / "module.yaml").write_text("module: m\n")
    for i in range(3):
        (root / "m" / "tables" / f"t{i}.yaml").write_text(TABLE.format(i=i))
    return root


def _cache_files(tmp_path):
    folder = tmp_path / "cache" / "jobschema"
    return sorted(folder.iterdir()) if folder.exists() else []


def test_cached_load_builds_the_same_project(schema, tmp_path):
    fresh = build.load_project(str(schema))
    assert len(_cache_files(tmp_path)) == 1
    cached = build.load_project(str(schema))
    assert cached == fresh
    t = cached.modules[0].tables[0]
    assert t.origin == fresh.modules[0].tables[0].origin and t.column("status").origin.line == 4


def test_changed_file_is_never_served_from_the_cache(schema):
    build.load_project(str(schema))
    path = schema / "m" / "tables" / "t1.yaml"
    path.write_text(TABLE.format(i=1).replace("[a, b]", "[a, b, c]"))
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # same size class; content decides
    t = build.load_project(str(schema)).modules[0].table("t1")
    assert t.column("status").enum == ("a", "b", "c")


def test_errors_are_reported_with_a_warm_cache(schema):
    build.load_project(str(schema))
    (schema / "m" / "tables" / "t2.yaml").write_text(TABLE.format(i=2).replace("type: bigint", "typ: bigint"))
    with pytest.raises(build.LoadErrors) as exc:
        build.load_project(str(schema))
    assert "m/tables/t2.yaml:3" in str(exc.value)


@pytest.mark.parametrize("garbage", [b"", b"\x00not marshal", b"\xe3\x01\x02", None])
def test_corrupt_cache_file_is_ignored_and_rewritten(schema, tmp_path, garbage):
    fresh = build.load_project(str(schema))
    (path,) = _cache_files(tmp_path)
    if garbage is None:  # valid marshal, wrong shape inside
        import marshal

        path.write_bytes(marshal.dumps((cache._code_key(), {"t0.yaml": (b"x", b"y"), "t1.yaml": 5})))
    else:
        path.write_bytes(garbage)
    assert build.load_project(str(schema)) == fresh
    assert build.load_project(str(schema)) == fresh


def test_cache_is_keyed_by_the_builder_version(schema, tmp_path, monkeypatch):
    fresh = build.load_project(str(schema))
    monkeypatch.setattr(cache, "_KEY", "another builder")
    (path,) = _cache_files(tmp_path)
    before = path.read_bytes()
    assert build.load_project(str(schema)) == fresh
    assert path.read_bytes() != before  # rewritten under the new key


def test_no_cache_env_turns_it_off(schema, tmp_path, monkeypatch):
    monkeypatch.setenv("JOBSCHEMA_NO_CACHE", "1")
    build.load_project(str(schema))
    assert _cache_files(tmp_path) == []


def test_module_namespace_change_rebuilds_cached_tables(schema):
    build.load_project(str(schema))
    (schema / "m" / "module.yaml").write_text("module: m\nnamespace: jobs\n")
    assert {t.namespace for t in build.load_project(str(schema)).modules[0].tables} == {"jobs"}


def test_cached_tables_are_the_model_classes(schema):
    build.load_project(str(schema))
    t = build.load_project(str(schema)).modules[0].table("t0")
    fresh = read_table(build.Reader(), build.load_yaml(str(schema / "m" / "tables" / "t0.yaml"),
                                                        "m/tables/t0.yaml"), "m/tables/t0.yaml", "public")
    assert t == fresh and hash(t) == hash(fresh) and type(t.columns) is tuple


def _with_views(schema):
    views = schema / "m" / "views"
    views.mkdir()
    (views / "v0.sql").write_text("CREATE VIEW v0 AS SELECT id FROM t0;\n")
    (views / "v1.mysql.sql").write_text("CREATE VIEW v1 AS SELECT id FROM t1;\n")
    return views


def test_valid_view_queries_are_not_parsed_again(schema, tmp_path, monkeypatch):
    _with_views(schema)
    fresh = build.load_project(str(schema))
    assert any(p.name.startswith("queries-") for p in _cache_files(tmp_path))
    parsed = []
    monkeypatch.setattr(build.exprmod, "query_problem", lambda *a: parsed.append(a))
    assert build.load_project(str(schema)) == fresh
    assert parsed == []


def test_changed_view_query_is_validated_again(schema):
    views = _with_views(schema)
    build.load_project(str(schema))
    (views / "v0.sql").write_text("CREATE VIEW v0 AS SELECT id FROM t0 WHERE;\n")
    with pytest.raises(build.LoadErrors) as exc:
        build.load_project(str(schema))
    assert "m/views/v0.sql" in str(exc.value) and "not valid postgres SQL" in str(exc.value)
    with pytest.raises(build.LoadErrors):  # an invalid query is never remembered
        build.load_project(str(schema))


def test_view_query_cache_is_keyed_by_sqlglot_version(schema, tmp_path, monkeypatch):
    _with_views(schema)
    build.load_project(str(schema))
    import sqlglot

    monkeypatch.setattr(sqlglot, "__version__", "0.0.0-other")
    parsed = []
    real = build.exprmod.query_problem
    monkeypatch.setattr(build.exprmod, "query_problem", lambda *a: parsed.append(a) or real(*a))
    build.load_project(str(schema))
    assert len(parsed) == 2
