"""The DDL reader and the tidy pass without a database: names, types, locations, tidy rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from dbutil import property_derandomize, property_examples
from hypothesis import given, settings
from hypothesis import strategies as st

from jobschema.dialects.base import get
from jobschema.emit import tidy
from jobschema.errors import LoadError
from jobschema.load.ddl_read import import_sql
from jobschema.load.ddl_replay import rename_ident
from jobschema.model.objects import Default, Sql


def one(sql: str, dialect: str = "postgres"):
    return import_sql([("f.sql", sql)], dialect, "m")


def table(sql: str, name: str, dialect: str = "postgres"):
    t = one(sql, dialect).module.table(name)
    assert t is not None
    return t


@pytest.mark.parametrize("raw,dialect,logical,override", [
    ("integer", "postgres", "integer", None),
    ("int8", "postgres", "bigint", None),
    ("character varying(40)", "postgres", "varchar(40)", None),
    ("timestamp(3) with time zone", "postgres", "timestamptz(3)", None),
    ("timestamp without time zone", "postgres", "timestamp", None),
    ("double precision", "postgres", "double precision", None),
    ("numeric(12, 4)", "postgres", "numeric(12,4)", None),
    ("text[]", "postgres", "text[]", None),
    ("integer ARRAY", "postgres", "integer[]", None),
    ("money", "postgres", "text", "money"),
    ("time with time zone", "postgres", "text", "time with time zone"),
    ("tinyint(1)", "mysql", "boolean", None),
    ("int(11)", "mysql", "integer", None),
    ("int unsigned", "mysql", "integer", "int unsigned"),
    ("datetime(6)", "mysql", "timestamptz(6)", None),
    ("char(36)", "mysql", "uuid", None),
    ("decimal(10,2)", "mysql", "numeric(10,2)", None),
    ("longtext", "mysql", "text", "longtext"),
    ("json", "mysql", "json", None),
    ("tinyint(4)", "mysql", "smallint", "tinyint(4)"),
    ("decimal", "mysql", "numeric(10,0)", None),
    ("real", "mysql", "double precision", None),
    ("time", "mysql", "time(0)", None),
    ("year", "mysql", "smallint", "year"),
    ("timetz", "postgres", "text", "time with time zone"),
    ("float(10)", "postgres", "real", None),
    ("char", "postgres", "char(1)", None),
])
def test_types(raw, dialect, logical, override):
    info = get(dialect).ddl.logical_type(raw)
    assert (info.logical, info.override) == (logical, override)


def test_mysql_enum_type_keeps_order_and_quotes():
    assert get("mysql").ddl.logical_type("enum('b','a','it''s')").enum == ("b", "a", "it's")


def test_postgres_default_constraint_names():
    t = table("""CREATE TABLE t (
        a int PRIMARY KEY, b int UNIQUE, c int REFERENCES t (a) CHECK (c > 0),
        d int, e int, UNIQUE (d, e), CHECK (d < e), CHECK (e > 1));
        CREATE INDEX ON t (d, e);""", "t")
    assert t.primary_key.name is None
    assert [u.name for u in t.uniques] == ["t_b_key", "t_d_e_key"]
    assert [f.name for f in t.foreign_keys] == ["t_c_fkey"]
    assert [c.name for c in t.checks] == ["t_c_check", "t_check", "t_e_check"]
    assert [ix.name for ix in t.indexes] == ["t_d_e_idx"]


def test_mysql_default_constraint_names():
    t = table("""CREATE TABLE p (id int NOT NULL, PRIMARY KEY (id));
        CREATE TABLE t (id int NOT NULL, a int, b int CHECK (b > 0), UNIQUE KEY (a), KEY (b),
        FOREIGN KEY (a) REFERENCES p (id), CHECK (a < 5), PRIMARY KEY (id));""", "t", "mysql")
    assert [u.name for u in t.uniques] == ["a"]
    assert [f.name for f in t.foreign_keys] == ["t_ibfk_1"]
    assert [c.name for c in t.checks] == ["b", "CONSTRAINT_1"]
    assert [ix.name for ix in t.indexes] == ["b"]


def test_expressions_keep_the_authors_text():
    t = table("""CREATE TABLE t (a text, b int,
        CONSTRAINT t_c CHECK (a ~~ 'x%'::text AND b BETWEEN 1 AND 9));
        CREATE INDEX t_i ON t USING btree (lower(a) text_pattern_ops DESC) WHERE b > 0;""", "t")
    assert t.checks[0].expression.text == "a ~~ 'x%'::text AND b BETWEEN 1 AND 9"
    part = t.indexes[0].parts[0]
    assert (part.expression.text, part.opclass, part.descending) == ("lower(a)", "text_pattern_ops", True)
    assert t.indexes[0].where.text == "b > 0"


def test_quoted_and_unquoted_names():
    t = table('CREATE TABLE "Mixed" ("Id" int, plain int, UPPER int);', "Mixed")
    assert [c.name for c in t.columns] == ["Id", "plain", "upper"]
    m = table("CREATE TABLE `Mixed` (`Id` int, Plain int);", "Mixed", "mysql")
    assert [c.name for c in m.columns] == ["Id", "Plain"]


@pytest.mark.parametrize("sql,line,col", [
    ("CREATE TABLE a (id int);\n\nCREATE TABLE b (id int,, x int);", 3, 24),
    ("CREATE TABLE a (id int);\nCREAT TABLE b (id int);", 2, None),
    ("CREATE TABLE a (\n  id int NOT NULLL\n);", 2, None),
    ("CREATE TABLE a (\n  id int CHECK (id > 0\n);", 3, None),
])
def test_bad_sql_is_one_located_error(sql, line, col):
    with pytest.raises(LoadError) as info:
        one(sql)
    assert info.value.line == line
    if col is not None:
        assert info.value.col == col
    assert "\n" not in str(info.value)


def test_nothing_is_dropped_silently():
    r = one("""SET search_path = public;
CREATE TABLE t (id int PRIMARY KEY, v int NOT NULL, CONSTRAINT v_pos CHECK (v > 0) NOT VALID);
GRANT SELECT ON t TO PUBLIC;
CREATE TABLE u (id int PRIMARY KEY, t_id int REFERENCES elsewhere (id));
ALTER TABLE t OWNER TO app;""")
    assert [(n.location, "NOT VALID" in n.message) for n in r.notes][:1] == [("f.sql:2", True)]
    assert any(n.location == "f.sql:4" and "elsewhere" in n.message for n in r.notes)
    assert [n.location for n in r.unmanaged] == ["f.sql:3", "f.sql:4"]
    assert [n.location for n in r.skipped] == ["f.sql:1", "f.sql:5"]
    text = r.unmanaged_sql("postgres")
    assert "GRANT SELECT ON t TO PUBLIC;" in text and "REFERENCES elsewhere" in text


# Clauses the servers accept and sqlglot's grammar lacks: the parser sees them blanked (dialects/ddl_ast.py),
# the reader reads them from the tokens: what the model holds is kept, the rest is a note, never an error.
@pytest.mark.parametrize("sql,dialect,check", [
    ("CREATE TABLE t (a int CHECK (a > 0) NO INHERIT, b int, CHECK (b > 0) NO INHERIT, CHECK (b < 9))", "postgres",
     lambda r: [(c.expression.text, c.no_inherit) for c in r.module.table("t").checks]
     == [("a > 0", True), ("b > 0", True), ("b < 9", False)] and not r.notes),
    ("CREATE TABLE t (a int, b int); CREATE INDEX t_ab ON t (a NULLS FIRST, b DESC NULLS LAST, (a + b) DESC NULLS FIRST)",
     "postgres", lambda r: [p.nulls_first for p in r.module.table("t").indexes[0].parts] == [True, False, None]
     and not r.notes),
    ("CREATE TABLE t (a int, CONSTRAINT c CHECK (a > 0) NOT VALID)", "postgres",
     lambda r: r.module.table("t").checks[0].name == "c" and "NOT VALID" in r.notes[0].message),
    ("CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE t (a int REFERENCES p MATCH FULL ON DELETE SET NULL (a) "
     "NOT DEFERRABLE INITIALLY IMMEDIATE)", "postgres",
     lambda r: (r.module.table("t").foreign_keys[0].match, r.module.table("t").foreign_keys[0].on_delete,
                r.module.table("t").foreign_keys[0].on_delete_columns) == ("full", "set null", ("a",))
     and not r.notes),
    ("CREATE TYPE s.e AS ENUM ('x', 'y'); CREATE TABLE t (a s.e, b bit varying(4))", "postgres",
     lambda r: r.module.table("t").columns[0].enum == ("x", "y")
     and r.module.table("t").columns[1].type_override("postgres") == "bit varying(4)"),
    ("CREATE TABLE t (a int); COMMENT ON COLUMN t.a IS 'x'; COMMENT ON COLUMN t.a IS NULL", "postgres",
     lambda r: r.module.table("t").columns[0].comment is None and not r.unmanaged),
    ("CREATE TABLE t (a int); CREATE INDEX t_a ON ONLY t (a)", "postgres",
     lambda r: r.module.table("t").indexes[0].name == "t_a"),
    ("CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'SELECT 1'; "
     "CREATE FUNCTION g() RETURNS int LANGUAGE sql AS 'SELECT 2'; DROP FUNCTION f(int), g()", "postgres",
     lambda r: r.module.functions == () and not r.skipped),
    ("CREATE TABLE t (id int NOT NULL, v int VISIBLE, PRIMARY KEY USING BTREE (id), KEY k USING HASH (v))",
     "mysql", lambda r: r.module.table("t").primary_key.columns == ("id",) and r.module.table("t").indexes[0].name
     == "k" and "VISIBLE" in r.notes[0].message),
    ("CREATE TABLE t (id int); CREATE INDEX i USING BTREE ON t (id); ALTER TABLE t RENAME AS u", "mysql",
     lambda r: r.module.table("u").indexes[0].name == "i"),
    ("CREATE TABLE t (id int, v int); CREATE INDEX t_v ON t (v) USING HASH", "mysql",
     lambda r: r.module.table("t").indexes[0].method == "hash"),
    ("CREATE TABLE t (a int); CREATE UNIQUE INDEX t_a ON t USING btree (a) INCLUDE (a) NULLS NOT DISTINCT "
     "WHERE a > 0", "postgres", lambda r: (r.module.table("t").indexes[0].where.text, r.module.table("t").indexes[0]
                                           .include) == ("a > 0", ("a",)) and "NULLS" in r.notes[0].message),
])
def test_clauses_sqlglot_cannot_parse_still_import(sql, dialect, check):
    assert check(one(sql, dialect))


def test_each_statement_is_parsed_once(monkeypatch):
    """The reader walks sqlglot's tree of a statement; it never parses the same statement twice."""
    import sqlglot

    calls = []
    real = sqlglot.parse_one
    monkeypatch.setattr(sqlglot, "parse_one", lambda sql, **kw: calls.append(sql) or real(sql, **kw))
    one("""CREATE TABLE p (id int PRIMARY KEY, v text DEFAULT 'x' CHECK (v <> ''));
CREATE TABLE t (id int REFERENCES p (id), CONSTRAINT t_v CHECK (id > 0));
CREATE INDEX t_id ON t (id);
ALTER TABLE t ADD COLUMN w int NOT NULL DEFAULT 0, ADD CONSTRAINT t_w CHECK (w >= 0);
COMMENT ON TABLE t IS 'tee';
DROP INDEX t_id;""")
    assert len(calls) == 6 and len(set(calls)) == 6  # six statements, six parses


def test_serial_from_owned_sequence_and_renames():
    r = one("""CREATE TABLE t (id integer NOT NULL, n int);
CREATE SEQUENCE t_id_seq AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE t_id_seq OWNED BY t.id;
ALTER TABLE ONLY t ALTER COLUMN id SET DEFAULT nextval('t_id_seq'::regclass);
ALTER TABLE t ADD CONSTRAINT t_n CHECK (n > 0);
ALTER TABLE t RENAME COLUMN n TO "N";""")
    t = r.module.table("t")
    assert (t.columns[0].type, t.columns[0].default) == ("serial", None)
    assert t.checks[0].expression.text == '"N" > 0'
    assert not r.unmanaged and not r.notes


def test_rename_ident_touches_identifiers_only():
    assert rename_ident("a > 0 AND 'a' <> a_b AND \"a\" = 1", "a", "B", get("postgres").ddl) == \
        "\"B\" > 0 AND 'a' <> a_b AND \"B\" = 1"


# ---------------------------------------------------------------------------------------------- tidy

@pytest.mark.parametrize("text,clean", [
    ("((status = ANY (ARRAY['a'::text, 'b'::text])))", "status IN ('a', 'b')"),
    ("((a > 0))", "a > 0"),
    ("(a) + (b)", "(a) + (b)"),
    ("(x = 'y'::text)", "x = 'y'"),
    ("'{a}'::text[] = tags", "'{a}'::text[] = tags"),
    ("(s = 'x'::character varying)", "s = 'x'::character varying"),
])
def test_clean_expressions(text, clean):
    assert tidy.clean(text) == clean


def test_enum_checks_become_enum_columns():
    r = one("""CREATE TABLE t (
        s text CHECK (s IN ('b', 'a')),
        v varchar(9) CONSTRAINT v_allowed CHECK (v = ANY (ARRAY['x'::text])),
        o text CHECK (o = 'p' OR o = 'q'),
        n int CHECK (n IN (1, 2)));""")
    t = tidy.tidy_table(r.module.table("t"))
    cols = {c.name: c for c in t.columns}
    assert (cols["s"].enum, cols["s"].enum_check_name) == (("b", "a"), None)
    assert (cols["v"].enum, cols["v"].enum_check_name) == (("x",), "v_allowed")
    assert cols["o"].enum is None and cols["n"].enum is None
    assert [c.name for c in t.checks] == ["t_o_check", "t_n_check"]


@pytest.mark.parametrize("targets,becomes_enum", [((), True), (("postgres",), True), (("postgres", "mysql"), False),
                                                   (("mysql",), False)])
def test_enum_values_must_stay_apart_in_every_target(targets, becomes_enum):
    """MySQL's ENUM compares values without case: 'a' and 'A' stay a CHECK when the module also targets it."""
    t = tidy.tidy_table(one("CREATE TABLE t (s text CHECK (s IN ('a', 'A')));").module.table("t"), targets)
    assert (t.columns[0].enum is not None) == becomes_enum and (not t.checks) == becomes_enum


def test_defaults_become_plain_values():
    r = one("""CREATE TABLE t (a text DEFAULT 'q'::text, b int DEFAULT 0, c boolean DEFAULT true,
        d varchar(5) DEFAULT 'x'::character varying, e text DEFAULT NULL::text, f jsonb DEFAULT '{}'::jsonb,
        g timestamptz DEFAULT now());""")
    cols = {c.name: c.default for c in tidy.tidy_table(r.module.table("t")).columns}
    assert cols["a"] == Default.literal("q") and cols["b"] == Default.literal(0)
    assert cols["c"] == Default.literal(True) and cols["d"] == Default.literal("x") and cols["e"] == Default.literal(None)
    assert cols["f"] == Default.expr("'{}'::jsonb") and cols["g"] == Default.expr("now()")


def test_mysql_expressions_get_a_postgres_text_and_keep_the_original():
    t = table("CREATE TABLE t (a int, b int, CONSTRAINT c CHECK (a DIV 2 > `b`));", "t", "mysql")
    e = t.checks[0].expression
    assert isinstance(e, Sql) and e.override("mysql") in (None, "a DIV 2 > `b`")


# ------------------------------------------------------------ import of the DDL jobschema generates itself

def _generated_cases():
    import os

    from jobschema import api

    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    project = api.load(os.path.join(root, "schema"))
    out = []
    for m in project.modules:
        if m.requires:  # the prelude carries the required module's objects, which import makes its own
            continue
        for d in m.dialects:
            out.append((m.name, d, m.namespace))
    return root, out


_ROOT, _GENERATED = _generated_cases()


@pytest.mark.parametrize("module,dialect,namespace", _GENERATED, ids=[f"{m}-{d}" for m, d, _ in _GENERATED])
def test_import_of_generated_ddl_generates_the_same_ddl(tmp_path, module, dialect, namespace):
    """generate(import(generate(schema))) == generate(schema), line for line (comment lines aside); a module
    outside ``public`` is imported with its namespace, as ``jobschema import --namespace`` would."""
    import glob
    import os

    from jobschema import api

    folder = os.path.join(_ROOT, "generated", module, dialect)
    files = sorted(glob.glob(os.path.join(folder, "*.sql")))
    result = api.import_sql(files, dialect, module, str(tmp_path), namespace=namespace)
    assert not result.notes and not result.unmanaged
    again = api.render_project(api.load(str(tmp_path)), module, dialect).files

    def strip(text: str) -> str:
        return "\n".join(ln for ln in text.splitlines() if ln.strip() and not ln.startswith("-- "))

    for path in files:
        rel = os.path.relpath(path, os.path.join(_ROOT, "generated"))
        with open(path, encoding="utf-8") as fh:
            assert strip(again.get(rel, "")) == strip(fh.read()), rel


# ------------------------------------------------------------------------------ what dump tools wrap around DDL

def test_psql_meta_commands_are_skipped_with_their_line():
    r = one("\\restrict AbC\n\nSET x = 1;\nCREATE TABLE t (id int);\n\\unrestrict AbC\n")
    assert sorted((n.location, n.message.split(" is ")[0]) for n in r.skipped) == [
        ("f.sql:1", "psql meta-command \\restrict"), ("f.sql:3", "SET statement has no schema meaning; skipped"),
        ("f.sql:5", "psql meta-command \\unrestrict")]
    assert r.module.table("t") is not None


def test_mysql_executable_comments_are_opened_in_place():
    from jobschema.dialects.mysql.ddl import unwrap_executable_comments

    text = "/*M!999999\\- enable the sandbox mode */\n/*!50001 CREATE VIEW v AS SELECT '*/' AS x */;\n" \
        "/* plain */ /*M!100100 SET a = 1 */;"
    opened = unwrap_executable_comments(text)
    assert len(opened) == len(text) and opened.index("CREATE") == text.index("CREATE")
    assert "SELECT '*/' AS x" in opened and "/*!" not in opened and opened.count("/*M!") == 1
    assert "/* plain */" in opened and opened.startswith("/*M!999999")
    r = one("CREATE TABLE t (id int);\n/*!50001 CREATE ALGORITHM=UNDEFINED */\n/*!50013 SQL SECURITY INVOKER */\n"
            "/*!50001 VIEW `v` AS select `t`.`id` AS `id` from `t` */;", "mysql")
    assert [(v.name, v.security, v.algorithm) for v in r.module.views] == [("v", "INVOKER", "UNDEFINED")]
    assert r.module.views[0].origin.line == 2


# ------------------------------------------------------------------------------------------- hostile DDL

_CORPUS = sorted((Path(__file__).resolve().parents[1] / "cases" / "import").glob("*/*.sql"))
_WORDS = ["(", ")", ",", ".", "::", ";", "--", "NOT", "NULL", "KEY", "CHECK", "DEFAULT", "'x'", "1", "ON", "USING",
          "CONSTRAINT", "REFERENCES", "AS", "NULLS", "VISIBLE", "NO", "INHERIT", "VALID", "IS", "ONLY", "t", '"q"', "`b`"]


@settings(max_examples=property_examples(2, 20), deadline=None, derandomize=property_derandomize())
@given(st.sampled_from(_CORPUS), st.lists(st.tuples(st.floats(0, 1), st.integers(0, 10**6),
                                                    st.sampled_from(_WORDS)), min_size=1, max_size=3))
def test_mangled_ddl_imports_or_is_one_located_error(path, edits):
    """Whatever words an edit adds, drops or swaps in a corpus script, import ends in a module or in one
    one-line error located in the file: sqlglot's tree, the bridge and the token reader never raise anything
    else (a node where a name should be, a clause the bridge half-matches)."""
    words = path.read_text(encoding="utf-8").split(" ")
    for kind, at, word in edits:
        i = at % len(words)
        if kind < 0.4:
            words.insert(i, word)
        elif kind < 0.7 and len(words) > 1:
            del words[i]
        else:
            words[i] = word
    text = " ".join(words)
    try:
        import_sql([("f.sql", text)], path.parent.name, "m")
    except LoadError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("f.sql:")
        assert 1 <= exc.line <= text.count("\n") + 1
