"""Hostile names and literals survive generate → apply → audit on both dialects, as names and as values.

Identifiers with quotes, spaces, dots, reserved words, mixed case and non-ASCII; values and comments with
quotes, backslashes, ``$$``, ``--``, ``*/`` and ``;``. Example counts are small by default; set
JOBSCHEMA_PROPERTY_EXAMPLES for a longer run.
"""

from __future__ import annotations

import os

import yaml
from dbutil import apply_sql_mysql, apply_sql_pg, connect_mysql, connect_pg, temp_mysql_database, temp_pg_database
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobschema import api

EXAMPLES = max(3, int(os.environ.get("JOBSCHEMA_PROPERTY_EXAMPLES", "60")) // 10)
SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

NASTY = ['x"; DROP TABLE users; --', "select", "Mixed Case", "dot.ted", "naïve_ü", "it's", "back`tick",
         "table", "order by", "a b"]
ident_chars = st.sampled_from(list("abcXYZ_ 0.\"'`;-ëü€"))
idents = st.one_of(st.sampled_from(NASTY),
                   st.text(ident_chars, min_size=1, max_size=12).map(str.strip).filter(bool))
values = st.one_of(st.sampled_from(["it's", "back\\slash", "$$", "-- not a comment", "*/", ";", "a'';--"]),
                   st.text(st.sampled_from(list("ab'\\$-*/;\" é")), min_size=1, max_size=10).map(str.rstrip)
                   .filter(bool))


def write_schema(tmp_path, table: str, cols: list[str], enum_vals: list[str], comment: str) -> str:
    root = tmp_path / "schema"
    (root / "m" / "tables").mkdir(parents=True, exist_ok=True)
    (root / "m" / "module.yaml").write_text("module: m\n")
    doc = {
        "table": table,
        "comment": comment,
        "columns": [{"name": "id", "type": "bigint", "nullable": False}]
        + [{"name": c, "type": "varchar(40)", "comment": comment, "default": enum_vals[0]} for c in cols]
        + [{"name": "state", "type": "varchar(40)", "nullable": False, "default": enum_vals[-1],
            "enum": enum_vals, "enum_check_name": "state_ck"}],
        "primary_key": {"name": "pk_t", "columns": ["id"]},
        "indexes": [{"name": "ix_t", "columns": [cols[0], "state"]}],
    }
    (root / "m" / "tables" / "t.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return str(root)


@SETTINGS
@given(table=idents, cols=st.lists(idents, min_size=1, max_size=3, unique_by=str.lower).filter(
           lambda cs: not {"id", "state"} & {c.lower() for c in cs}),
       enum_vals=st.lists(values, min_size=1, max_size=4, unique_by=str.lower), comment=values)
def test_hostile_names_and_literals_apply(tmp_path_factory, pg_server, mysql_server, table, cols, enum_vals, comment):
    root = write_schema(tmp_path_factory.mktemp("h"), table, cols, enum_vals, comment)
    rendered = api.render_project(api.load(root))
    with temp_pg_database(pg_server.dsn) as dsn:
        for path in sorted(p for p in rendered.files if p.startswith("m/postgres/")):
            apply_sql_pg(dsn, rendered.files[path])
        with connect_pg(dsn) as conn:
            names = {r[0] for r in conn.execute("SELECT relname FROM pg_class WHERE relkind = 'r'").fetchall()}
            assert table in names
            got = conn.execute("SELECT obj_description(c.oid, 'pg_class') FROM pg_class c WHERE relname = %s",
                               (table,)).fetchone()[0]
            assert got == comment
            conn.execute(f'INSERT INTO "{table.replace(chr(34), chr(34) * 2)}" (id) VALUES (1)')
            row = conn.execute(f'SELECT state FROM "{table.replace(chr(34), chr(34) * 2)}"').fetchone()
            assert row == (enum_vals[-1],)
        audited = api.audit(dsn, root)  # the audit leg: the live database reads back as the schema
        assert audited.findings == [] and audited.exit_code == 0, [f.to_dict() for f in audited.findings]
    with temp_mysql_database(mysql_server.dsn) as dsn:
        for path in sorted(p for p in rendered.files if p.startswith("m/mysql/")):
            apply_sql_mysql(dsn, rendered.files[path])
        conn = connect_mysql(dsn)
        try:
            with conn.cursor() as cur:
                cur.execute("SELECT table_name, table_comment FROM information_schema.tables "
                            "WHERE table_schema = DATABASE()")
                assert cur.fetchall() == ((table, comment),)
                cur.execute("SELECT column_type FROM information_schema.columns WHERE table_schema = DATABASE() "
                            "AND column_name = 'state'")
                enum_type = cur.fetchone()[0]
                q = "`" + table.replace("`", "``") + "`"
                cur.execute(f"INSERT INTO {q} (id) VALUES (1)")
                cur.execute(f"SELECT state FROM {q}")
                assert cur.fetchone() == (enum_vals[-1],), enum_type
        finally:
            conn.close()
        audited = api.audit(dsn, root)
        assert audited.findings == [] and audited.exit_code == 0, [f.to_dict() for f in audited.findings]


INJECTION = 'x"; DROP TABLE users; --'


def only_users_unmanaged(result) -> bool:
    """The one finding is the ``users`` table the schema does not know (it is there, untouched)."""
    return [(f.code, f.path) for f in result.findings] == [("JS360", "m.users")]


def test_one_value_enum_audits_clean(tmp_path, pg_server, mysql_server):
    """PostgreSQL prints a one-value ``IN`` back as ``=``: still the same CHECK, on both engines."""
    root = write_schema(tmp_path, "t", ["c"], ["a"], "c")
    rendered = api.render_project(api.load(root))
    with temp_pg_database(pg_server.dsn) as dsn:
        for path in sorted(p for p in rendered.files if p.startswith("m/postgres/")):
            apply_sql_pg(dsn, rendered.files[path])
        with connect_pg(dsn) as conn:
            printed = conn.execute("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'state_ck'"
                                   ).fetchone()[0]
        assert "IN" not in printed.upper().replace("CHECK", "") and "=" in printed, printed  # the spelling at stake
        assert api.audit(dsn, root).findings == []
    with temp_mysql_database(mysql_server.dsn) as dsn:
        for path in sorted(p for p in rendered.files if p.startswith("m/mysql/")):
            apply_sql_mysql(dsn, rendered.files[path])
        assert api.audit(dsn, root).findings == []


def test_injection_shaped_table_name_is_created_and_audited_as_a_name(tmp_path, pg_server, mysql_server):
    """A table named like an injection is a name everywhere: created, audited clean, and, once drifted, its
    violating rows counted through the probes' SQL; the ``users`` table beside it survives all of it."""
    bad_values = ["it's", "a'';--", "back\\slash", "$$;--"]
    root = write_schema(tmp_path, INJECTION, ["x`; DROP TABLE users; --"], ["queued", "it's done"], "'; --")
    rendered = api.render_project(api.load(root))
    with temp_pg_database(pg_server.dsn) as dsn:
        apply_sql_pg(dsn, "CREATE TABLE users (id int); INSERT INTO users VALUES (1)")
        for path in sorted(p for p in rendered.files if p.startswith("m/postgres/")):
            apply_sql_pg(dsn, rendered.files[path])
        assert only_users_unmanaged(api.audit(dsn, root, module="m"))
        q = '"' + INJECTION.replace('"', '""') + '"'
        with connect_pg(dsn) as conn:
            conn.execute(f"ALTER TABLE {q} DROP CONSTRAINT state_ck")
            for i, v in enumerate(bad_values, 2):
                conn.execute(f"INSERT INTO {q} (id, state) VALUES (%s, %s)", (i, v))
        drifted = api.audit(dsn, root, module="m")
        counted = [f for f in drifted.findings if f.code == "JS380"]
        assert counted and counted[0].data["rows"] == len(bad_values), [f.to_dict() for f in drifted.findings]
        with connect_pg(dsn) as conn:
            assert conn.execute("SELECT count(*) FROM users").fetchone() == (1,)
            assert conn.execute("SELECT count(*) FROM " + q).fetchone() == (len(bad_values),)
    with temp_mysql_database(mysql_server.dsn) as dsn:
        conn = connect_mysql(dsn)
        try:
            with conn.cursor() as cur:
                cur.execute("CREATE TABLE users (id INT)")
                cur.execute("INSERT INTO users VALUES (1)")
            for path in sorted(p for p in rendered.files if p.startswith("m/mysql/")):
                apply_sql_mysql(dsn, rendered.files[path])
            assert only_users_unmanaged(api.audit(dsn, root, module="m"))
            q = "`" + INJECTION.replace("`", "``") + "`"
            with conn.cursor() as cur:
                cur.execute(f"ALTER TABLE {q} MODIFY state VARCHAR(40) NOT NULL DEFAULT 'queued'")
                for i, v in enumerate(bad_values, 2):
                    cur.execute(f"INSERT INTO {q} (id, state) VALUES (%s, %s)", (i, v))
            drifted = api.audit(dsn, root, module="m")
            counted = [f for f in drifted.findings if f.code == "JS380"]
            assert counted and counted[0].data["rows"] == len(bad_values), [f.to_dict() for f in drifted.findings]
            with conn.cursor() as cur:
                cur.execute("SELECT COUNT(*) FROM users")
                assert cur.fetchone() == (1,)
        finally:
            conn.close()
