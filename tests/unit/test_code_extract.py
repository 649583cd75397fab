"""What the extractors read from each language, and where: one row per shape (no database).

Each row is a source snippet and the uses it must yield, as ``kind table.column=value@line:col`` (``?`` for a
value that is not a literal); the column is that of the literal or name itself in the snippet.
"""

from __future__ import annotations

import pytest

from jobschema.code import python, typescript
from jobschema.code.files import language
from jobschema.code.source import Source

EXTRACT = {"typescript": typescript.extract, "tsx": typescript.extract, "javascript": typescript.extract,
           "python": python.extract}


def uses(name: str, text: str, dialect: str = "postgres") -> set[str]:
    lang = language(name)
    ex = EXTRACT[lang](Source(name, text.encode(), lang), dialect)
    out = set()
    for x in ex.uses:
        col = f".{x.column}" if x.column else ""
        val = "=?" if x.unresolved else (f"={x.value}" if x.value is not None else "")
        out.add(f"{x.kind} {x.table}{col}{val}@{x.site.line}:{x.site.col}")
    return out


CASES = {
    "supabase-insert-default": ("a.ts", "db.from('jobs').insert({ status: s || 'queued' });",
                                {"table jobs@1:9", "write jobs.status=queued@1:39", "write jobs.status=?@1:26"}),
    "supabase-insert-row-variable": ("a.ts", "db.from('jobs').insert(rows)", {"table jobs@1:9", "write jobs=?@1:24"}),
    "supabase-update-spread": ("a.ts", "db.from('jobs').update({ ...job, status: 'x' })",
                               {"table jobs@1:9", "write jobs=?@1:26", "write jobs.status=x@1:42"}),
    "python-dict-splat": ("w.py", 'sb.table("jobs").insert({**row, "status": "x"})',
                          {"table jobs@1:10", "write jobs=?@1:26", "write jobs.status=x@1:43"}),
    "supabase-filters": ("a.ts", "db.from('jobs').select('id, state:status').eq('status', 'x').in('kind', ['a', 'b'])",
                         {"table jobs@1:9", "read jobs.id@1:25", "read jobs.status@1:35",
                          "filter jobs.status=x@1:57", "filter jobs.kind=a@1:74", "filter jobs.kind=b@1:79"}),
    "supabase-filter-in-list": ("a.js", "db.from('jobs').filter('status', 'in', '(\"a\",\"b\")')",
                                {"table jobs@1:9", "filter jobs.status=a@1:40", "filter jobs.status=b@1:40"}),
    "supabase-match-upsert": ("a.js", "db.from('jobs').upsert([{ id, status: 'done' }]).match({ status: 'new' })",
                              {"table jobs@1:9", "write jobs.id=?@1:27", "write jobs.status=done@1:39",
                               "filter jobs.status=new@1:66"}),
    "knex": ("a.ts", "knex('items').where({ status: 'queued' }).update({ status: c ? 'a' : 'b' })",
             {"table items@1:6", "filter items.status=queued@1:31", "write items.status=a@1:64",
              "write items.status=b@1:70"}),
    "not-queries": ("a.ts", "Buffer.from('abc'); Array.from('xy'); t('key').toUpperCase(); const s = 'Select a file from it';",
                    set()),
    "tsx": ("a.tsx", "const C = () => <div onClick={() => db.from('jobs').update({ status: 'done' })} />;",
            {"table jobs@1:45", "write jobs.status=done@1:70"}),
    "filter-object": ("a.ts", "q({ table: 'jobs', where: [{ column: 'status', operator: 'eq', value: 'queued' }] })",
                      {"table jobs@1:38", "filter jobs.status=queued@1:71"}),
    "filter-object-other-operator": ("a.ts", "q({ table: 'jobs', where: [{ column: 'n', operator: 'gt', value: '3' }] })",
                                     {"table jobs@1:38", "filter jobs.n@1:38"}),
    "template-sql": ("a.ts", "const q = `UPDATE jobs\n  SET status = 'failed' WHERE status = ${s} AND kind IN ('a')`;",
                     {"table jobs@1:19", "write jobs.status=failed@2:16", "filter jobs.status=?@2:31",
                      "filter jobs.kind=a@2:58"}),
    "sql-insert-values": ("a.js", "const q = \"INSERT INTO jobs (name, status) VALUES ($1, 'queued')\";",
                          {"table jobs@1:24", "write jobs.name=?@1:30", "write jobs.status=queued@1:56"}),
    "sql-join-alias": ("a.ts", "const q = \"SELECT j.id FROM jobs j JOIN items i ON i.job_id = j.id WHERE i.status = 'x'\"",
                       {"table jobs@1:29", "table items@1:41", "read jobs.id@1:21", "read items.job_id@1:54",
                        "read jobs.id@1:65", "filter items.status=x@1:85"}),
    "python-psycopg-positional": ("w.py", 'cur.execute("UPDATE jobs SET status = %s WHERE id = %s", ("done", i))',
                                  {"table jobs@1:21", "write jobs.status=done@1:59", "filter jobs.id=?@1:48"}),
    "python-psycopg-named": ("w.py", 'cur.execute("SELECT id FROM jobs WHERE status = %(s)s", {"s": "new"})',
                             {"table jobs@1:29", "read jobs.id@1:21", "filter jobs.status=new@1:63"}),
    "python-fstring": ("w.py", 'q = f"DELETE FROM jobs WHERE status = \'{s}\' OR kind = \'a\'"',
                       {"table jobs@1:19", "filter jobs.status=?@1:30", "filter jobs.kind=a@1:55"}),
    "python-supabase": ("w.py", 'sb.table("jobs").insert({"status": "queued" if ok else "failed"}).execute()',
                        {"table jobs@1:10", "write jobs.status=queued@1:36", "write jobs.status=failed@1:56"}),
    "columns-count-characters": ("a.ts", "db.from('jobs').update({ note: 'déjà vu', status: 'x' }) // ✓",
                                 {"table jobs@1:9", "write jobs.note=déjà vu@1:32", "write jobs.status=x@1:51"}),
    "concatenated-sql": ("a.ts", "const q = \"UPDATE jobs SET status = '\" + \"x\" + \"'\";",
                         {"table jobs@1:19", "write jobs.status=x@1:43"}),
    "concatenated-sql-operand": ("a.js", "db.query('SELECT id FROM jobs ' +\n  \"WHERE kind = 'a' AND status = \" + s)",
                                 {"table jobs@1:26", "read jobs.id@1:18", "filter jobs.kind=a@2:17",
                                  "filter jobs.status=?@2:25"}),
    "concatenated-not-sql-head": ("a.ts", "const q = prefix + \"SELECT id FROM jobs WHERE status = 'x'\";",
                                  {"table jobs@1:36", "read jobs.id@1:28", "filter jobs.status=x@1:56"}),
    "concatenated-unreadable-whole": ("a.ts", "const q = 'SELECT a FROM jobs ' + \"WHERE (((\";",
                                      {"table jobs@1:26", "read jobs.a@1:19"}),
    "python-implicit-concatenation": ("w.py", 'cur.execute("UPDATE jobs SET status = %s "\n'
                                              '            "WHERE id = %s AND kind = \'a\'", ("done", i))',
                                      {"table jobs@1:21", "write jobs.status=done@2:46", "filter jobs.id=?@2:20",
                                       "filter jobs.kind=a@2:39"}),
    "python-plus-fstring": ("w.py", 'q = ("DELETE FROM jobs " + f"WHERE status = \'{s}\'")',
                            {"table jobs@1:19", "filter jobs.status=?@1:36"}),
    "parameter-from-calls": ("a.ts", "function set(id, status) {\n  return db.from('jobs').update({ status });\n}\n"
                                     "set(1, 'paused');\nset(2, ok ? 'done' : 'failed');\n",
                             {"table jobs@2:18", "write jobs.status=paused@4:8", "write jobs.status=done@5:13",
                              "write jobs.status=failed@5:22"}),
    "parameter-through-two-calls": ("a.ts", "function f(s) { return db.from('jobs').update({ status: s }); }\n"
                                            "const g = (t) => f(t);\ng('deep');\n",
                                    {"table jobs@1:32", "write jobs.status=deep@3:3"}),
    "parameter-exported-keeps-count": ("a.ts", "export function set(status = 'new') {\n"
                                               "  return db.from('jobs').update({ status: status });\n}\nset();\n",
                                       {"table jobs@2:18", "write jobs.status=?@2:35", "write jobs.status=new@1:30"}),
    "parameter-passed-around": ("a.js", "function set(status) { return db.from('jobs').update({ status }); }\n"
                                        "set('x');\nmodule.exports = { set };\n",
                                {"table jobs@1:39", "write jobs.status=?@1:56"}),
    "parameter-assigned": ("a.ts", "function set(s) { s = s.trim(); return db.from('jobs').update({ status: s }); }\n"
                                   "set('x');\n", {"table jobs@1:48", "write jobs.status=?@1:65"}),
    "parameter-spread-call": ("a.ts", "function set(s) { return db.from('jobs').update({ status: s }); }\n"
                                      "set('x');\nset(...args);\n",
                              {"table jobs@1:34", "write jobs.status=?@1:51", "write jobs.status=x@2:5"}),
    "python-parameter-keyword": ("w.py", "def cancel(conn, status):\n"
                                         "    conn.execute('UPDATE jobs SET status = %s', (status,))\n\n"
                                         "cancel(c, 'cancelled')\ncancel(c, status='stopped')\n",
                                 {"table jobs@2:26", "write jobs.status=?@2:35", "write jobs.status=cancelled@4:11",
                                  "write jobs.status=stopped@5:18"}),
    "python-method-not-followed": ("w.py", "class W:\n    def set(self, status):\n"
                                           "        sb.table('jobs').update({'status': status})\n\nset(1, 'x')\n",
                                   {"table jobs@3:18", "write jobs.status=?@3:34"}),
    "parameter-of-a-method-inside": ("a.ts", "function outer(status) {\n"
                                             "  class K { m(status) { return db.from('jobs').update({ status }); } }\n"
                                             "}\nouter('x');\n", {"table jobs@2:40", "write jobs.status=?@2:57"}),
    "python-parameter-of-a-lambda": ("w.py", "def outer(status):\n"
                                             "    return lambda status: sb.table('jobs').update({'status': status})\n\n"
                                             "outer('x')\n", {"table jobs@2:36", "write jobs.status=?@2:52"}),
    "python-not-sql": ("w.py", 'msg = "Select a file from the list"\nhelp = "update settings"', set()),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_extracts(case):
    name, text, expected = CASES[case]
    assert uses(name, text) == expected


def test_enum_members_resolve_to_their_values_across_files(tmp_path):
    from jobschema.code import run

    (tmp_path / "status.ts").write_text("export enum JobStatus { Queued = 'queued', Done = 'done' }\n")
    (tmp_path / "service.ts").write_text("db.from('jobs').update({ status: JobStatus.Queued, kind: job.kind })\n")
    (tmp_path / "w.py").write_text("class S(StrEnum):\n    A = 'a'\n\n"
                                   "sb.table('jobs').insert({'status': S.A.value, 'kind': S.B})\n")
    ex, _n = run.extract_files([str(tmp_path)], "postgres", str(tmp_path))
    got = {(x.column, x.value, x.unresolved) for x in run.resolve_members(ex.uses, ex.value_sets) if x.column}
    # job.kind and S.B (no such member) stay counted, not guessed
    assert got == {("status", "queued", False), ("kind", None, True), ("status", "a", False)}


def test_mysql_dialect_reads_backquoted_sql():
    assert uses("w.py", 'cur.execute("UPDATE `jobs` SET `status` = \'x\'")', "mysql") == {
        "table jobs@1:21", "write jobs.status=x@1:43"}


def test_table_name_from_the_program_is_not_a_table():
    text = "cur.execute(f'INSERT INTO \"{t}\" (id, status) VALUES (1, 2)')\n"
    ex = python.extract(Source("w.py", text.encode(), "python"), "postgres")
    assert ex.uses == []
    assert [s.reason for s in ex.skipped] == [
        "the statement's table name comes from the program (a template or f-string field): not checked"]


def test_statements_of_one_shape_keep_their_own_values_and_places(monkeypatch):
    """A statement is parsed once per shape (string contents masked): each text still yields its own
    literals at their own columns, the same as parsing each text as written; a literal with an escape,
    a JSON path and an interval read as written."""
    from jobschema.code import sqltext

    sql = ("UPDATE shape_jobs SET status = '{a}', note = 'it''s' "
           "WHERE kind IN ('{b}', 'c') AND data->>'{a}' = '{b}' AND t < now() - interval '{n} minutes'")
    lines = [f'const q = "{sql.format(a=a, b=b, n=n)}";'
             for n, (a, b) in enumerate([("queued", "x"), ("failed", "longer-value"), ("a", "")])]
    lines += ["const q = `UPDATE shape_jobs SET status = 'abcde' WHERE kind = 'x'`;",  # a shape to confirm,
              "const q = `UPDATE shape_jobs SET status = '${s}' WHERE kind = 'y'`;",  # then a hole that fits it
              "const q = `UPDATE shape_jobs SET status = 'a\\'b' WHERE kind = 'x'`;"]  # and an escape
    shaped = uses("a.ts", "\n".join(lines))
    assert {x for x in shaped if "@2:" in x} == {
        "table shape_jobs@2:19", "write shape_jobs.status=failed@2:43", "write shape_jobs.note=it's@2:60",
        "filter shape_jobs.kind=longer-value@2:83", "filter shape_jobs.kind=c@2:99",
        "read shape_jobs.data@2:108", "read shape_jobs.t@2:145"}
    monkeypatch.setattr(sqltext, "_masked", lambda text, dialect: None)  # every text parsed as written
    for cache in ("_exact", "_shapes", "_confirmed"):
        monkeypatch.setattr(sqltext, cache, {})
    as_written = set()
    for n, line in enumerate(lines, start=1):
        as_written |= {x.replace("@1:", f"@{n}:") for x in uses("a.ts", line)}
    assert shaped == as_written


def test_unparsable_sql_is_skipped_with_its_reason_not_guessed():
    ex = typescript.extract(Source("a.ts", b"const q = 'SELECT FROM FROM WHERE (';", "typescript"), "postgres")
    assert ex.uses == [] and len(ex.skipped) == 1
    assert (ex.skipped[0].site.line, ex.skipped[0].site.col) == (1, 12)


VALUE_SETS = {
    "ts-union-comment-end": ("a.ts", "type S = 'a' | 'b'; // jobschema: jobs.status", "S", ("a", "b"), "jobs.status"),
    "ts-interface-line-above": ("a.ts", "interface Job {\n  // jobschema: m.jobs.status\n  status: 'a' | null;\n}",
                                "Job.status", ("a",), "m.jobs.status"),
    "ts-enum": ("a.ts", "enum S { A = 'a', B = \"b\" }", "S", ("a", "b"), None),
    "py-enum": ("w.py", "class S(StrEnum):\n    A = 'a'\n    B = 'b'\n", "S", ("a", "b"), None),
    "py-literal-in-class": ("w.py", "class Job:\n    status: Literal['a', 'b']  # jobschema: jobs.status\n",
                            "Job.status", ("a", "b"), "jobs.status"),
    "py-literal-alias": ("w.py", "S = typing.Literal['x']\n", "S", ("x",), None),
}


@pytest.mark.parametrize("case", sorted(VALUE_SETS))
def test_value_sets(case):
    name, text, vs_name, values, tie = VALUE_SETS[case]
    lang = language(name)
    ex = EXTRACT[lang](Source(name, text.encode(), lang), "postgres")
    assert [(v.name, tuple(x for x, _ in v.values), v.tie) for v in ex.value_sets] == [(vs_name, values, tie)]


@pytest.mark.parametrize("name,text", [
    ("a.ts", "type S = string | 'a';"),  # open: any string
    ("a.ts", "enum S { A = 1, B = 2 }"),  # numbers, not stored strings
    ("w.py", "class S(Enum):\n    A = auto()\n"),
    ("w.py", "class S(Base):\n    A = 'a'\n"),  # not an Enum
])
def test_open_or_numeric_sets_are_not_value_sets(name, text):
    lang = language(name)
    assert EXTRACT[lang](Source(name, text.encode(), lang), "postgres").value_sets == []


def test_every_shape_read_has_the_markers_that_let_its_file_be_parsed():
    """A file without markers is not parsed: every snippet that yields a use, a value set or a suppression
    must have them, and a file of plain code must not."""
    from jobschema.code import run

    snippets = [(name, text) for name, text, expected in CASES.values() if expected]
    snippets += [(name, text) for name, text, *_rest in VALUE_SETS.values()]
    snippets += [("a.ts", "// jobschema:ignore JS401 legacy rows\nx();"), ("w.py", "q = (\n  'select id from t')"),
                 ("a.ts", "db?.\n  from<Row>('jobs')"), ("w.py", 'c.execute("""\u00a0SELECT id FROM t""")')]
    for name, text in snippets:
        assert run.MARKERS[language(name)].search(text.encode()), (name, text)
    plain = [("a.tsx", "import React from 'react';\nexport const A = () => <b>{[1, 2].map(String)}</b>;\n"),
             ("w.py", "import os\n\nwith open(os.devnull) as fh:\n    print(fh.read(), 'selected')\n")]
    for name, text in plain:
        assert not run.MARKERS[language(name)].search(text.encode()), (name, text)


def test_a_file_without_markers_is_not_parsed(tmp_path, monkeypatch):
    from jobschema.code import run

    (tmp_path / "plain.ts").write_text("export function f(a: number) { return a * 2; }\nfunction (\n")
    monkeypatch.setattr(run, "Source", None)  # parsing it would fail
    assert run.extract_one(str(tmp_path / "plain.ts"), "postgres").uses == []
