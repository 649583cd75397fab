"""MySQL/MariaDB online facts without a server: which changes InnoDB makes in place, and what a DDL statement
leaves in the catalog (the post-condition a resumed run probes)."""

from __future__ import annotations

import pytest

from jobschema.dialects.mysql.online import enum_in_place, varchar_in_place
from jobschema.dialects.mysql.recover import postconditions, tables


# 100 → 200 keeps its length prefix at 1 byte per character (100 → 200 bytes) and at 4 (400 → 800), but not at 2
# (200 → 400 bytes): the character set is not always known, so every width must agree (a copy is the safe side)
@pytest.mark.parametrize("live,desired,ok", [(50, 60, True), (50, 63, True), (50, 64, False), (100, 200, False),
                                             (70, 300, False), (60, 50, False), (300, 400, True)])
def test_varchar_widens_in_place_only_within_its_length_prefix(live, desired, ok):
    assert varchar_in_place(live, desired) is ok


def test_enum_changes_in_place_only_by_appending_within_its_storage_size():
    assert enum_in_place(("a", "b"), ("a", "b", "c"))
    assert not enum_in_place(("a", "b"), ("b", "a", "c"))
    assert not enum_in_place(("a", "b"), ("a",))
    assert not enum_in_place(tuple(map(str, range(255))), tuple(map(str, range(256))))


def _probes(sql: str):
    got = postconditions(sql)
    return None if got is None else [(p.kind, p.table, p.name, p.present, p.type_key, p.nullable) for p in got]


def test_postconditions_read_from_the_statement():
    assert _probes("ALTER TABLE t MODIFY COLUMN s enum('a','b') NOT NULL DEFAULT 'a' COMMENT 'x', "
                   "ALGORITHM=INSTANT, LOCK=NONE") == [("column", "t", "s", True, "enum('a','b')", False)]
    assert _probes("ALTER TABLE t ADD COLUMN z INT NULL") == [("column", "t", "z", True, "int", True)]
    assert _probes("ALTER TABLE t DROP COLUMN z") == [("column", "t", "z", False, None, None)]
    # an index dropped and added again under its name: the one added is what shows
    assert _probes("ALTER TABLE t DROP INDEX i, ADD UNIQUE INDEX i (a, b)") == [("index", "t", "i", True, None, None)]
    assert _probes("ALTER TABLE t RENAME INDEX a TO b") == [("index", "t", "a", False, None, None),
                                                            ("index", "t", "b", True, None, None)]
    assert _probes("ALTER TABLE t DROP CONSTRAINT c")[0][:4] == ("constraint", "t", "c", False)
    assert _probes("ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES u (id)")[0][:4] == \
        ("constraint", "t", "f", True)
    assert _probes("CREATE TABLE x (id int)") == [("table", "x", "x", True, None, None)]
    assert _probes("DROP VIEW v") == [("view", "v", "v", False, None, None)]
    for unknown in ("ALTER TABLE t COMMENT = 'x'", "ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (a)",
                    "ALTER TABLE t ENGINE=InnoDB", "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET @a = 1"):
        assert _probes(unknown) is None, unknown


def test_a_digest_covers_the_tables_the_statement_names_and_its_steps():
    assert tables("ALTER TABLE child DROP FOREIGN KEY f", ["parent"]) == ["child", "parent"]
