"""A large tables/ folder read half in a worker process gives exactly what a serial read gives: the same
project, the same errors in the same order, and the same cache."""

from __future__ import annotations

import pickle

import pytest

from jobschema.errors import LoadError, LoadErrors
from jobschema.load import build, cache, table_files
from jobschema.load.reader import Reader

TABLE = """\
table: t{i:02d}
columns:
  - {{name: id, type: bigint, nullable: false}}
  - name: status
    type: text
    default: a
    enum: [a, b]
  - {{name: payload, type: jsonb, default: {{}}}}
primary_key: [id]
checks:
  - {{name: t{i:02d}_id_check, expression: "id > {i}"}}
"""

# bad files on both sides of the split (the worker reads the second half of the sorted names)
BAD = {
    "t03.yaml": TABLE.format(i=3).replace("type: bigint", "typ: bigint"),
    "t05.yaml": "table: t05\ncolumns: [\n",
    "t07.txt": "not a table\n",
    "t14.yaml": "",
    "t17.yaml": TABLE.format(i=17).replace("default: a", "default: c"),
    "t19.yaml": TABLE.format(i=19).replace('"id > 19"', '"id >"'),
}


def _schema(tmp_path, bad: bool):
    root = tmp_path / "schema"
    tables = root / "m" / "tables"
    tables.mkdir(parents=True)
    (root / "m" / "module.yaml").write_text("module: m\n")
    for i in range(20):
        (tables / f"t{i:02d}.yaml").write_text(TABLE.format(i=i))
    if bad:
        for name, text in BAD.items():
            (tables / name).write_text(text)
    return root


def _load(root, monkeypatch, parallel: bool):
    monkeypatch.setattr(table_files, "PARALLEL_MIN_FILES", 2 if parallel else 10**9)
    try:
        return build.load_project(str(root)), None
    except LoadErrors as exc:
        return None, [e.format() for e in exc.errors]


@pytest.fixture
def no_cache(monkeypatch):
    monkeypatch.setenv("JOBSCHEMA_NO_CACHE", "1")


@pytest.fixture(autouse=True)
def answers(monkeypatch):
    """How many times a worker answered: a worker that fails leaves its half to the serial read, which
    would make every comparison here trivially true."""
    seen: list[int] = []
    real = table_files._worker_result

    def counted(started):
        result = real(started)
        if result is not None:
            seen.append(len(result[0]))
        return result

    monkeypatch.setattr(table_files, "_worker_result", counted)
    return seen


def test_parallel_load_equals_the_serial_load(tmp_path, monkeypatch, no_cache, answers):
    root = _schema(tmp_path, bad=False)
    serial, _ = _load(root, monkeypatch, parallel=False)
    assert answers == []
    parallel, _ = _load(root, monkeypatch, parallel=True)
    assert answers == [10]  # the worker built the second half    assert parallel == serial and len(parallel.modules[0].tables) == 20
    assert [t.origin for t in parallel.modules[0].tables] == [t.origin for t in serial.modules[0].tables]


def test_errors_are_the_same_in_the_same_order(tmp_path, monkeypatch, no_cache, answers):
    root = _schema(tmp_path, bad=True)
    names = sorted(p.name for p in (root / "m" / "tables").iterdir())
    # the raw errors, before LoadErrors sorts them: the order a serial read appends them in
    r_serial, r_parallel = Reader(), Reader()
    folder = str(root / "m" / "tables")
    u_serial: set[str] = set()
    u_parallel: set[str] = set()
    serial = table_files.read_tables(r_serial, folder, "m/tables", "public", u_serial, min_parallel=10**9)
    parallel = table_files.read_tables(r_parallel, folder, "m/tables", "public", u_parallel, min_parallel=2)
    assert parallel == serial and len(answers) == 1
    assert u_parallel == u_serial and {"t03", "t17"} <= u_serial
    assert [e.format() for e in r_parallel.errors] == [e.format() for e in r_serial.errors]
    # both halves had errors to send back, so the merge was exercised
    files = {e.file.rsplit("/", 1)[1] for e in r_serial.errors}
    split = len(names) - len(names) // 2
    assert files & set(names[:split]) and files & set(names[split:])
    _, serial_errors = _load(root, monkeypatch, parallel=False)
    _, parallel_errors = _load(root, monkeypatch, parallel=True)
    assert parallel_errors == serial_errors and len(serial_errors) >= len(BAD) and len(answers) == 2


def test_cold_cache_filled_by_both_processes(tmp_path, monkeypatch, answers):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("JOBSCHEMA_NO_CACHE", raising=False)
    monkeypatch.setattr(cache, "MIN_FILES", 1)
    root = _schema(tmp_path, bad=False)
    fresh, _ = _load(root, monkeypatch, parallel=True)
    entries = cache.FolderCache(str(root / "m" / "tables"), 20).entries
    assert sorted(entries) == [f"t{i:02d}.yaml" for i in range(20)]
    assert all(entry[3] is not None for entry in entries.values())  # every table cached, not only the YAML
    warm, _ = _load(root, monkeypatch, parallel=True)  # warm: read here from the cache, no worker
    assert warm == fresh and answers == [10]


def test_load_error_survives_pickling():
    e = LoadError("bad thing", "m/tables/t.yaml", 3, 4, "fix it")
    back = pickle.loads(pickle.dumps(e))
    assert (back.message, back.file, back.line, back.col, back.hint, str(back)) == (
        e.message, e.file, e.line, e.col, e.hint, str(e))


def test_prestarted_worker_is_taken_by_the_load_or_released(tmp_path, monkeypatch, no_cache, answers):
    root = _schema(tmp_path, bad=False)
    serial, _ = _load(root, monkeypatch, parallel=False)
    monkeypatch.setattr(table_files, "PARALLEL_MIN_FILES", 2)
    table_files.prestart(str(root))
    assert len(table_files._PRESTARTED) == 1
    assert build.load_project(str(root)) == serial and answers == [10] and table_files._PRESTARTED == []
    monkeypatch.setattr(table_files, "PARALLEL_MIN_FILES", 10**9)
    table_files.prestart(str(root))  # a folder below the threshold: no worker
    assert table_files._PRESTARTED == []
    monkeypatch.setattr(table_files, "PARALLEL_MIN_FILES", 2)
    table_files.prestart(str(root))
    pool = table_files._PRESTARTED[0]
    (tmp_path / "empty").mkdir()
    assert build.load_project(str(tmp_path / "empty")).modules == ()  # no folder took the worker
    assert table_files._PRESTARTED == [] and pool._shutdown_thread
