"""PostgreSQL normalisation: texts the server prints back and the texts the schema holds meet in one key."""

from __future__ import annotations

import pytest

from jobschema.dialects.postgres import normalize as n

SAME = [
    ("status IN ('a', 'b')", "((status = ANY (ARRAY['a'::text, 'b'::text])))"),
    ("status IN ('a', 'b')", "status IN ('b', 'a')"),
    ("status IN ('a', 'b')", "status = 'a' OR status = 'b'"),
    ("status IN ('a','b')", "((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))"),
    ("status NOT IN ('a')", "(status <> ALL (ARRAY['a'::text]))"),
    ("'queued'", "'queued'::text"),
    ("'{}'::jsonb", "'{}'::jsonb"),
    ("now()", "CURRENT_TIMESTAMP"),
    ("now()", "transaction_timestamp()"),
    ("-1", "'-1'::integer"),
    ("0", "0"),
    ("total_items >= 0", "((total_items >= 0))"),
    ("(target_device_id IS NOT NULL)::int + (target_all = true)::int = 1",
     "(((((target_device_id IS NOT NULL))::integer + ((target_all = true))::integer) = 1))"),
    ("org_id = auth.uid()", "(org_id = auth.uid())"),
    ("expires_at IS NOT NULL AND status = 'IN_PROGRESS'", "((expires_at IS NOT NULL) AND (status = 'IN_PROGRESS'::text))"),
    ("Status IN ('a')", "status IN ('a')"),
    ("value BETWEEN -1000 AND 1000", "(((value >= ('-1000'::integer)::numeric) AND (value <= (1000)::numeric)))"),
    ("n NOT BETWEEN 1 AND 5", "((n < 1) OR (n > 5))"),
    ("NOT (n BETWEEN 1 AND 5)", "((n < 1) OR (n > 5))"),
]

DIFFERENT = [
    ("status IN ('a', 'b')", "status IN ('a', 'c')"),
    ("total_items >= 0", "total_items > 0"),
    ("now()", "clock_timestamp()"),
    ("'queued'", "'pending'::text"),
    ("a AND b OR c", "a AND (b OR c)"),
    ("(x IS NOT NULL)::int = 1", "(x IS NOT NULL)::boolean = 1"),
    ("n BETWEEN -5 AND 5", "((n >= '-5'::integer) AND (n <= 6))"),
    ("n BETWEEN 1 AND 5", "((n < 1) OR (n > 5))"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_same_meaning(a, b):
    assert n.expression_key(a) == n.expression_key(b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_meaning(a, b):
    assert n.expression_key(a) != n.expression_key(b)


VIEWS_SAME = [
    ("SELECT id, status FROM deletion_jobs", "SELECT deletion_jobs.id, deletion_jobs.status FROM deletion_jobs;"),
    ("SELECT dj.status, COUNT(*) AS n FROM deletion_jobs dj LEFT JOIN users u ON u.id = dj.created_by GROUP BY dj.status",
     "SELECT dj.status, count(*) AS n FROM (deletion_jobs dj LEFT JOIN users u ON ((u.id = dj.created_by))) "
     "GROUP BY dj.status;"),
    ("SELECT CASE WHEN a > 0 THEN round(100.0 * b / a, 2) END AS r FROM t",
     "SELECT CASE WHEN (t.a > 0) THEN round(((100.0 * (t.b)::numeric) / (t.a)::numeric), 2) ELSE NULL::numeric END AS r "
     "FROM t;"),
    ("SELECT (SELECT max(x) FROM s) AS m FROM t WHERE t.d > now() - interval '30 days'",
     "SELECT ( SELECT max(s.x) AS max FROM s) AS m FROM t WHERE (t.d > (now() - '30 days'::interval));"),
]


@pytest.mark.parametrize(("a", "b"), VIEWS_SAME)
def test_view_definitions_same(a, b):
    assert n.query_key(a) == n.query_key(b)


def test_view_definitions_different():
    assert n.query_key("SELECT id FROM t WHERE a = 1") != n.query_key("SELECT id FROM t WHERE a = 2")
    assert n.query_key("SELECT id FROM t") != n.query_key("SELECT id, name FROM t")


@pytest.mark.parametrize(("native", "logical"), [
    ("character varying(64)", "varchar(64)"),
    ("character varying", "varchar"),
    ("timestamp(6) with time zone", "timestamptz(6)"),
    ("timestamp with time zone", "timestamptz"),
    ("timestamp without time zone", "timestamp"),
    ("integer[]", "integer[]"),
    ("character varying(10)[]", "varchar(10)[]"),
    ("numeric(10,2)", "numeric(10,2)"),
    ("character(1)", "char(1)"),
    ("double precision", "double precision"),
    ("time with time zone", "time with time zone"),
    ("my_enum_type", "my_enum_type"),
])
def test_logical_type(native, logical):
    assert n.logical_type(native) == logical


def test_function_results_and_arguments():
    assert n.returns_key("TABLE ( a timestamptz, b int )") == n.returns_key("TABLE(a timestamp with time zone, b integer)")
    assert n.returns_key("SETOF int") == n.returns_key("SETOF integer")
    assert n.arguments_key("p_id uuid, p_n int") == n.arguments_key("p_id uuid, p_n integer")
    assert n.arguments_key("p_id uuid") != n.arguments_key("p_id text")


def test_check_meaning_value_set():
    m = n.check_meaning("((status = ANY (ARRAY['pending'::text, 'running'::text])))")
    assert m.value_set == ("status", frozenset({"pending", "running"}))
    assert m.columns == frozenset({"status"})


def test_each_text_parsed_once():
    n.expression_key.cache_clear()
    for _ in range(3):
        n.expression_key("x IN ('a', 'b', 'c')")
    info = n.expression_key.cache_info()
    assert (info.misses, info.hits) == (1, 2)
