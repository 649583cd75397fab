"""MySQL/MariaDB spellings that mean the same thing compare equal; real differences do not.

Each case pairs what the schema (through the MySQL renderer) says with what MariaDB 10.11 or MySQL 8
prints back in information_schema. No database needed.
"""

from __future__ import annotations

import pytest

from jobschema.dialects.mysql import normalize as n
from jobschema.dialects.mysql.inspect import enum_values, live_default, logical_type
from jobschema.dialects.mysql.version import ServerVersion
from jobschema.model.objects import (
    Check,
    Column,
    Default,
    ForeignKey,
    Index,
    IndexPart,
    Module,
    Origin,
    Sql,
    Table,
    View,
)

MARIA = ServerVersion.parse("10.11.19-MariaDB-0+deb12u1")
MYSQL8 = ServerVersion.parse("8.0.36", "MySQL Community Server - GPL")
LIVE = Origin(catalog="db.t.c")


def live_col(name: str, native: str, default: Default | None = None, nullable: bool = True) -> Column:
    return Column(name, logical_type(native), nullable=nullable, default=default, enum=enum_values(native),
                  type_overrides=(("mysql", native),), origin=LIVE)


# -------------------------------------------------------------------------------------------- version

def test_version_predicates():
    assert MARIA.Maria and MARIA.supports_check and MARIA.json_is_longtext and MARIA.views_report_algorithm
    assert MARIA.statement_timeout_variable == "max_statement_time"
    assert not MYSQL8.Maria and MYSQL8.escapes_check_text_twice and not MYSQL8.views_report_algorithm
    assert MYSQL8.statement_timeout_variable == "max_execution_time"
    assert MYSQL8.statement_timeout_value(2.5) == "2500"
    assert not ServerVersion.parse("8.0.15").supports_check
    assert ServerVersion.parse("5.5.5-10.6.12-MariaDB").Maria
    assert ServerVersion.parse("5.5.5-10.6.12-MariaDB").major == 10


# -------------------------------------------------------------------------------------------- types

@pytest.mark.parametrize("native,logical", [
    ("char(36)", "uuid"), ("tinyint(1)", "boolean"), ("datetime(6)", "timestamptz(6)"), ("bigint(20)", "bigint"),
    ("int(11)", "integer"), ("varchar(64)", "varchar(64)"), ("longtext", "text"), ("json", "json"),
    ("decimal(10,2)", "numeric(10,2)"), ("enum('a','b')", "text"), ("double", "double precision"),
])
def test_logical_guess(native, logical):
    assert logical_type(native) == logical


@pytest.mark.parametrize("a,b", [
    ("bigint(20)", "bigint"), ("int(11)", "int"), ("INT", "int"), ("enum('a','b')", "ENUM('a', 'b')"),
    ("datetime(0)", "datetime"), ("decimal(10, 2)", "decimal(10,2)"), ("bigint(20) unsigned", "bigint unsigned"),
    ("int(10) unsigned", "int unsigned"), ("tinyint(4)", "tinyint"), ("smallint(5) unsigned zerofill",
                                                                      "smallint unsigned zerofill"),
])
def test_canonical_type_same(a, b):
    assert n.canonical_type(a) == n.canonical_type(b)


@pytest.mark.parametrize("a,b", [("tinyint(1)", "tinyint(4)"), ("datetime(6)", "datetime(3)"),
                                 ("char(36)", "varchar(36)"), ("enum('a','b')", "enum('b','a')"),
                                 ("int(5)", "int(11)"), ("int(11) unsigned", "int(10) unsigned"),
                                 ("bigint(8)", "bigint")])
def test_canonical_type_differs(a, b):
    assert n.canonical_type(a) != n.canonical_type(b)


def test_desired_types_meet_live_types():
    desired = Table("t", (
        Column("id", "uuid", nullable=False), Column("ok", "boolean"), Column("at", "timestamptz(6)"),
        Column("doc", "jsonb"), Column("status", "text", enum=("pending", "done")), Column("name", "text"),
        Column("n", "bigint"),
    ), primary_key=None, indexes=(Index("t_name_idx", (IndexPart(column="name"),)),))
    module = Module("m", tables=(desired,))
    h = n.MysqlHooks(MARIA).for_module(module)
    live = {"id": "char(36)", "ok": "tinyint(1)", "at": "datetime(6)", "doc": "longtext",
            "status": "enum('pending','done')", "name": "varchar(255)", "n": "bigint(20)"}
    for col in desired.columns:
        assert h.column_type_equal(col, live_col(col.name, live[col.name])), col.name
    # MySQL 8 keeps JSON as json
    assert n.MysqlHooks(MYSQL8).for_module(module).column_type_equal(desired.columns[3], live_col("doc", "json"))
    # an indexed text column must be varchar(255) there, a plain one text
    assert not h.column_type_equal(desired.column("name"), live_col("name", "text"))


# -------------------------------------------------------------------------------------------- enums

def test_enum_values_parse_quotes():
    assert enum_values("enum('a','it''s','b\\\\c')") == ("a", "it's", "b\\c")
    assert enum_values("varchar(3)") is None


def test_enum_delta_names_missing_and_extra():
    d = n.enum_delta(("pending", "running", "done", "failed", "cancelled"), ("pending", "running", "done", "failed"))
    assert d.missing == ("cancelled",) and d.extra == () and d
    d = n.enum_delta(("a", "b"), ("a", "b", "paused"))
    assert d.extra == ("paused",) and d.missing == ()
    d = n.enum_delta(("a", "b"), ("b", "a"))
    assert d.reordered and not d.missing and not d.extra
    assert not n.enum_delta(("a",), ("a",))


# ------------------------------------------------------------------------------------------ defaults

@pytest.mark.parametrize("desired_sql,live_sql,native", [
    ("'pending'", "'pending'", "enum('pending')"),
    ("CURRENT_TIMESTAMP(6)", "current_timestamp(6)", "datetime(6)"),
    ("(CURRENT_TIMESTAMP(6))", "current_timestamp(6)", "datetime(6)"),
    ("CURRENT_TIMESTAMP", "current_timestamp()", "datetime"),
    ("(uuid())", "uuid()", "char(36)"),
    ("(JSON_OBJECT())", "json_object()", "json"),
    ("0", "0", "tinyint(1)"),
    ("0", "'0'", "int"),  # MySQL 8 bare value read back as a literal
    ("3", "3", "int"),
    ("1.50", "1.5", "decimal(5,2)"),
    ("'it''s'", "'it''s'", "varchar(10)"),
    ("('{}')", "'{}'", "json"),
])
def test_default_keys_equal(desired_sql, live_sql, native):
    assert n.default_sql_key(desired_sql, native) == n.default_sql_key(live_sql, native)


@pytest.mark.parametrize("a,b", [("'pending'", "'queued'"), ("CURRENT_TIMESTAMP(6)", "current_timestamp(3)"),
                                 ("0", "1"), ("(uuid())", "json_object()")])
def test_default_keys_differ(a, b):
    assert n.default_sql_key(a, "") != n.default_sql_key(b, "")


def test_mariadb_null_default_is_no_default():
    assert live_default({"column_default": "NULL", "extra": ""}, MARIA) is None
    assert live_default({"column_default": None, "extra": ""}, MARIA) is None
    assert live_default({"column_default": "'pending'", "extra": ""}, MARIA) == Default.literal("pending")
    d = live_default({"column_default": "current_timestamp(6)", "extra": ""}, MARIA)
    assert d.kind == "expression"
    # MySQL 8: bare values; DEFAULT_GENERATED marks expressions
    assert live_default({"column_default": "pending", "extra": ""}, MYSQL8) == Default.literal("pending")
    assert live_default({"column_default": "CURRENT_TIMESTAMP(6)", "extra": "DEFAULT_GENERATED"}, MYSQL8).kind \
        == "expression"


def test_hooks_default_round_trip():
    desired = Column("status", "text", nullable=False, default=Default.literal("pending"), enum=("pending", "done"))
    created = Column("created_at", "timestamptz(6)", default=Default.expr("now()"))
    flag = Column("flag", "boolean", default=Default.literal(False))
    h = n.MysqlHooks(MARIA).for_module(Module("m", tables=(Table("t", (desired, created, flag)),)))
    assert h.default_equal(desired, live_col("status", "enum('pending','done')", Default.literal("pending")))
    assert not h.default_equal(desired, live_col("status", "enum('pending','done')", Default.literal("done")))
    assert h.default_equal(created, live_col("created_at", "datetime(6)",
                                             Default.expr("current_timestamp(6)", (("mysql", "current_timestamp(6)"),))))
    assert h.default_equal(flag, live_col("flag", "tinyint(1)", Default.literal("0")))


# -------------------------------------------------------------------------------------------- checks

@pytest.mark.parametrize("desired,live", [
    # the renderer's translation vs MariaDB's print-back
    ("CAST((target_device_id IS NOT NULL) AS SIGNED) + CAST((target_group_id IS NOT NULL) AS SIGNED) + "
     "CAST((target_all = TRUE) AS SIGNED) = 1",
     "cast(`target_device_id` is not null as signed) + cast(`target_group_id` is not null as signed) + "
     "cast(`target_all` = 1 as signed) = 1"),
    ("status IN ('a', 'b')", "`status` in ('b','a')"),
    ("status IN ('a', 'b')", "(`status` in (_utf8mb4'a',_utf8mb4'b'))"),  # MySQL 8 introducers
    ("status = 'a' OR status = 'b'", "`status` in ('a','b')"),
    ("total_items >= 0", "(`total_items` >= 0)"),
])
def test_check_keys_equal(desired, live):
    assert n.check_meaning(desired).key == n.check_meaning(live).key


def test_check_keys_differ():
    assert n.check_meaning("total >= 0").key != n.check_meaning("total > 0").key
    assert n.check_meaning("status IN ('a','b')").key != n.check_meaning("status IN ('a','c')").key


def test_mysql8_double_escaped_check_text():
    printed = "(`status` in (_utf8mb4\\'a\\',_utf8mb4\\'b\\'))"
    assert n.unescape_check_text(printed, MYSQL8) == "(`status` in (_utf8mb4'a',_utf8mb4'b'))"
    assert n.unescape_check_text(printed, MARIA) == printed
    h = n.MysqlHooks(MYSQL8)
    live = Check("t_chk_1", Sql(printed, (("mysql", printed),)), origin=LIVE)
    desired = Check("t_status_check", Sql("status IN ('a', 'b')"))
    assert h.check_meaning(live).key == h.check_meaning(desired).key
    assert h.check_meaning(live).value_set == ("status", frozenset({"a", "b"}))


def test_check_value_set_from_mariadb_text():
    m = n.check_meaning("`status` in ('pending','running')")
    assert m.value_set == ("status", frozenset({"pending", "running"}))


def test_mariadb_json_valid_check_is_implicit():
    t = Table("t", (Column("doc", "text"), Column("x", "text")))
    auto = Check("doc", Sql("json_valid(`doc`)", (("mysql", "json_valid(`doc`)"),)), origin=LIVE)
    named = Check("t_doc_json", Sql("json_valid(`doc`)", (("mysql", "json_valid(`doc`)"),)), origin=LIVE)
    h = n.MysqlHooks(MARIA)
    assert h.is_implicit_check(t, auto)
    assert not h.is_implicit_check(t, named)  # someone added their own: not the server's
    assert not n.MysqlHooks(MYSQL8).is_implicit_check(t, auto)


# ------------------------------------------------------------------------------------- keys, indexes

def test_fk_rules_default_is_the_engines():
    # a rule left at no action is MariaDB's RESTRICT and MySQL's NO ACTION; a NO ACTION written out is kept
    assert n.fk_rule("RESTRICT") == n.fk_rule("no action") == "restrict"
    assert n.fk_rule("no action", maria=False) == "no action" != n.fk_rule("restrict", maria=False)
    assert n.fk_rule("no action", spelled=True) == "no action"
    assert n.fk_rule("set default") == "restrict"
    assert n.model_rules("RESTRICT", "NO ACTION", True) == {"on_delete": "no action", "on_update": "no action",
                                                            "no_action_spelled": ("on_update",)}
    assert n.model_rules("RESTRICT", "NO ACTION", False) == {"on_delete": "restrict", "on_update": "no action",
                                                             "no_action_spelled": ()}
    spelled = ForeignKey("fk", ("a",), "u", ("id",), no_action_spelled=("on_update",))
    assert n.MysqlHooks(MARIA).foreign_key_kinds(ForeignKey("fk", ("a",), "u", ("id",)), spelled) == {"on_update"}
    assert n.MysqlHooks(MYSQL8).foreign_key_kinds(ForeignKey("fk", ("a",), "u", ("id",)), spelled) == frozenset()
    h = n.MysqlHooks(MARIA)
    d = ForeignKey("fk", ("a",), "u", ("id",), on_delete="set null")
    lv = ForeignKey("fk", ("a",), "u", ("id",), on_delete="set null", on_update="restrict")
    assert h.foreign_key_kinds(d, lv) == frozenset()
    lv2 = ForeignKey("fk", ("a",), "u", ("id",), on_delete="cascade", on_update="restrict")
    assert h.foreign_key_kinds(d, lv2) == {"on_delete"}


def test_fk_rules_from_show_create():
    """A user with only SELECT reads the rules from SHOW CREATE TABLE: MariaDB prints a spelled NO ACTION and
    leaves its default out."""
    from jobschema.dialects.mysql import hidden

    text = ("CREATE TABLE `pets` (`id` int NOT NULL, `owner_id` int DEFAULT NULL, PRIMARY KEY (`id`), "
            "CONSTRAINT `pets_owner` FOREIGN KEY (`owner_id`) REFERENCES `owners` (`id`) ON UPDATE NO ACTION, "
            "CONSTRAINT `pets_vet` FOREIGN KEY (`owner_id`) REFERENCES `owners` (`id`) ON DELETE CASCADE)")
    assert hidden.fk_actions(text) == {"pets_owner": ("restrict", "no action"), "pets_vet": ("cascade", "restrict")}
    assert n.model_rules(*hidden.fk_actions(text)["pets_owner"], True)["no_action_spelled"] == ("on_update",)


def test_implicit_fk_index():
    fk = ForeignKey("fk_dj_user", ("created_by",), "users", ("id",))
    t = Table("deletion_jobs", (Column("created_by", "bigint"),), foreign_keys=(fk,))
    assert n.is_implicit_fk_index(t, Index("fk_dj_user", (IndexPart(column="created_by"),)))
    assert not n.is_implicit_fk_index(t, Index("other", (IndexPart(column="created_by"),)))


def test_index_column_order_matters():
    h = n.MysqlHooks(MARIA)
    a = Index("i", (IndexPart(column="status"), IndexPart(column="scheduled_at")))
    b = Index("i", (IndexPart(column="scheduled_at"), IndexPart(column="status")))
    assert h.index_key(a) != h.index_key(b)
    partial = Index("i", a.parts, where=Sql("status = 'x'"))
    assert h.index_key(a) == h.index_key(partial)  # MySQL has no partial indexes: the renderer warns


# --------------------------------------------------------------------------------------------- views

def test_view_query_rewrite_is_not_drift():
    authored = ("SELECT dj.status, COUNT(*) AS job_count, COUNT(u.id) AS n FROM deletion_jobs dj "
                "LEFT JOIN users u ON u.id = dj.created_by GROUP BY dj.status")
    stored = ("select `dj`.`status` AS `status`,count(0) AS `job_count`,count(`u`.`id`) AS `n` from "
              "(`db1`.`deletion_jobs` `dj` left join `db1`.`users` `u` on(`u`.`id` = `dj`.`created_by`)) "
              "group by `dj`.`status`")
    assert n.query_key(authored, "db1") == n.query_key(stored, "db1")
    assert n.query_key("SELECT id FROM t", "db1") == n.query_key("select `t`.`id` AS `id` from `db1`.`t`", "db1")
    assert n.query_key(authored, "db1") != n.query_key(stored.replace("count(0)", "count(`u`.`id`)"), "db1")
    # a view inspected from one database and compared with another's: columns carry the database too
    inspected = "select `jobs`.`id` AS `id` from `jobs` where `jobs`.`status` <> 'done'"
    other = "select `db2`.`jobs`.`id` AS `id` from `db2`.`jobs` where `db2`.`jobs`.`status` <> 'done'"
    assert n.query_key(inspected, "db2") == n.query_key(other, "db2")
    assert n.query_key(inspected, "db3") != n.query_key(other, "db3")  # another database's table is another table


def test_view_options():
    h = n.MysqlHooks(MARIA)
    d = View("v", (("mysql", "SELECT 1 AS x"),), algorithm="MERGE", security="INVOKER")
    lv = View("v", (("mysql", "select 1 AS `x`"),), algorithm="TEMPTABLE", security="INVOKER")
    assert h.view_option_kinds(d, lv) == {"algorithm"}
    assert h.view_equal(d, lv)  # the query is the same; the algorithm is its own finding
    unknown = View("v", (("mysql", "select 1 AS `x`"),), algorithm=None, security="INVOKER")  # MySQL 8
    assert h.view_option_kinds(d, unknown) == frozenset()


def test_check_kept_as_written_tells_an_or_chain_from_its_in_list():
    """MariaDB prints a CHECK back as written: an OR chain and the IN list of the same values are two clauses
    (other SHOW CREATE text), so the hooks' identity keeps them apart while the value set still pairs them."""
    h = n.MysqlHooks(MARIA)
    chain = Check("c", Sql("`k` = 'a' or `k` = 'a' or `k` = 'b'", (("mysql", "`k` = 'a' or `k` = 'a' or `k` = 'b'"),)),
                  origin=LIVE)
    listed = Check("c", Sql("k IN ('a', 'b')"))
    assert h.check_meaning(chain).value_set == h.check_meaning(listed).value_set == ("k", frozenset({"a", "b"}))
    assert h.check_meaning(chain).identity != h.check_meaning(listed).identity
    assert h.check_meaning(Check("c", Sql("k IN ('b', 'a')"))).identity != h.check_meaning(listed).identity
    # what the server itself rewrites stays equal: a one-value IN is printed as =, parentheses and case go
    one = Check("c", Sql("`k` = 'a'", (("mysql", "`k` = 'a'"),)), origin=LIVE)
    assert h.check_meaning(one).identity == h.check_meaning(Check("c", Sql("k IN ('a')"))).identity
    nested = Check("c", Sql("(k = 'a') OR ((K = 'b') OR k = 'c')"))
    assert h.check_meaning(nested).identity == h.check_meaning(Check("c", Sql("k = 'a' or k = 'b' or k = 'c'"))).identity
    # without the hooks' answer a value set is compared as a set
    assert n.check_meaning("k IN ('b', 'a')").identity == n.check_meaning("k = 'a' OR k = 'b'").identity
