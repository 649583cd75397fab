"""The MySQL character set and collation rule: own, else the table's, else the module's, else the database's;
a named collation must match exactly, a character set alone matches any of its collations."""

import pytest

from jobschema.dialects.mysql import charsets
from jobschema.model.objects import Column, Module, Table

DB = ("utf8mb4", "utf8mb4_general_ci")


def _table(**kw) -> Table:
    return Table("jobs", (Column("name", "varchar(10)"),), **kw)


@pytest.mark.parametrize(("table", "module", "want"), [
    (_table(), Module("m"), DB),
    (_table(), Module("m", mysql_charset="utf8mb4", mysql_collation="utf8mb4_unicode_ci"),
     ("utf8mb4", "utf8mb4_unicode_ci")),
    (_table(mysql_charset="latin1"), Module("m", mysql_collation="utf8mb4_bin"), ("latin1", None)),
    (_table(mysql_collation="UTF8_general_ci"), Module("m"), (None, "utf8mb3_general_ci")),
])
def test_a_table_inherits_from_its_module_then_the_database(table, module, want):
    assert charsets.of_table(table, module, DB) == want


@pytest.mark.parametrize(("desired", "live", "same"), [
    (("utf8mb4", "utf8mb4_bin"), ("utf8mb4", "utf8mb4_bin"), True),
    (("utf8mb4", "utf8mb4_bin"), ("utf8mb4", "utf8mb4_general_ci"), False),
    (("latin1", None), ("latin1", "latin1_swedish_ci"), True),
    (("latin1", None), ("utf8mb4", "utf8mb4_general_ci"), False),
    ((None, "utf8_bin"), ("utf8mb3", "utf8mb3_bin"), True),
    (charsets.NONE, ("latin1", "latin1_bin"), True),
])
def test_same(desired, live, same):
    assert charsets.same(desired, live) is same


def test_conversions_to_utf8mb4_or_within_a_set_keep_every_character():
    assert charsets.lossless(("latin1", "latin1_swedish_ci"), ("utf8mb4", None))
    assert charsets.lossless(("utf8mb4", "utf8mb4_bin"), (None, "utf8mb4_general_ci"))
    assert not charsets.lossless(("utf8mb4", "utf8mb4_bin"), ("latin1", "latin1_bin"))


def test_clauses_and_labels_round_trip():
    assert charsets.clause(("utf8mb4", "utf8mb4_bin")) == "CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
    assert charsets.clause(("latin1", None), table=True) == "DEFAULT CHARSET=latin1"
    for text in (("latin1", None), (None, "utf8mb4_bin")):
        assert charsets.from_label(charsets.label(text)) == text
