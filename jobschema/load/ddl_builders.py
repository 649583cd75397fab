"""The importer's working state: the table a statement is changing (a frozen ``Table`` replaced clause by
clause, so ``ALTER TABLE``, ``COMMENT ON`` and ``DROP`` replay on the model itself), and the word lists that
steer the statement reader."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model.objects import Column, Table
from ..model.types import NativeType

TypeInfo = NativeType


def typed(name: str, info: NativeType, dialect: str, namespace: str, **fields) -> Column:
    """A column of the native type ``info`` read from ``dialect``'s DDL, in a table of ``namespace``."""
    enum_ns = info.enum_type[0] if info.enum_type and info.enum_type[0] != namespace else None
    return Column(name=name, type=info.logical, enum=info.enum,
                  type_overrides=((dialect, info.override),) if info.override else (),
                  enum_type=info.enum_type[1] if info.enum_type else None, enum_type_namespace=enum_ns, **fields)


def native_of(col: Column, dialect: str) -> NativeType:
    """What ``typed`` made of a column, back: its logical type, native override and enum values."""
    return NativeType(col.type, col.type_override(dialect), col.enum)


@dataclass
class Draft:
    """The table a statement is reading or changing. It holds the frozen ``Table`` and replaces it
    (``dataclasses.replace``) clause by clause; the importer stores the result back when the statement ends."""

    table: Table

    @property
    def name(self) -> str:
        return self.table.name

    @property
    def namespace(self) -> str:
        return self.table.namespace

    @property
    def columns(self) -> tuple[Column, ...]:
        return self.table.columns

    def col(self, name: str) -> Column | None:
        for c in self.table.columns:
            if c.name == name or c.name.lower() == name.lower():
                return c
        return None

    def names(self) -> set[str]:
        t = self.table
        out = {c.name for c in t.checks} | {u.name for u in t.uniques} | {f.name for f in t.foreign_keys}
        if t.primary_key and t.primary_key.name:
            out.add(t.primary_key.name)
        return out

    def set(self, **changes) -> None:
        self.table = replace(self.table, **changes)

    def add(self, kind: str, obj) -> None:
        """Append to one of the table's tuples (``policies``: to its RLS)."""
        if kind == "policies":
            self.set(rls=replace(self.table.rls, policies=self.table.rls.policies + (obj,)))
        else:
            self.set(**{kind: getattr(self.table, kind) + (obj,)})

    def keep(self, kind: str, wanted) -> None:
        """Keep only the objects of one of the table's tuples for which ``wanted(obj)`` holds."""
        if kind == "policies":
            self.set(rls=replace(self.table.rls, policies=tuple(p for p in self.table.rls.policies if wanted(p))))
        else:
            self.set(**{kind: tuple(x for x in getattr(self.table, kind) if wanted(x))})

    def change(self, kind: str, change) -> None:
        """Replace every object of one of the table's tuples by ``change(obj)``."""
        if kind == "policies":
            self.set(rls=replace(self.table.rls, policies=tuple(change(p) for p in self.table.rls.policies)))
        else:
            self.set(**{kind: tuple(change(x) for x in getattr(self.table, kind))})

    def set_col(self, name: str, **changes) -> None:
        target = self.col(name)
        self.change("columns", lambda c: replace(c, **changes) if c is target else c)


FK_ACTIONS = {"NO ACTION": "no action", "RESTRICT": "restrict", "CASCADE": "cascade", "SET NULL": "set null",
              "SET DEFAULT": "set default"}
COLUMN_STOPS = {"CONSTRAINT", "NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE", "REFERENCES", "CHECK", "GENERATED",
                "COLLATE", "COMMENT", "AUTO_INCREMENT", "ON", "AS", "KEY", "CHARACTER", "CHARSET", "VISIBLE",
                "INVISIBLE", "STORED", "VIRTUAL", "COLUMN_FORMAT", "STORAGE", "COMPRESSION"}
SESSION_WORDS = {"SET", "BEGIN", "COMMIT", "START", "END", "ROLLBACK", "USE", "SELECT", "RESET", "LOCK", "UNLOCK",
                 "ANALYZE", "VACUUM", "CHECKPOINT"}
SQL_VERBS = {"CREATE", "ALTER", "DROP", "COMMENT", "GRANT", "REVOKE", "INSERT", "UPDATE", "DELETE", "DO", "CALL",
             "TRUNCATE", "REFRESH", "CLUSTER", "REINDEX", "SECURITY", "COPY", "WITH", "RENAME", "DELIMITER",
             "VALUES", "EXECUTE", "PREPARE", "DEALLOCATE", "DISCARD", "NOTIFY", "LISTEN", "IMPORT", "REPLACE",
             "LOAD", "FLUSH", "OPTIMIZE", "REPAIR", "INSTALL", "SAVEPOINT", "RELEASE", "XA", "HANDLER", "SHOW",
             "DECLARE", "FETCH", "MOVE", "CLOSE", "EXPLAIN", "SOURCE"} | SESSION_WORDS

CREATE_KINDS = {"TABLE", "INDEX", "VIEW", "FUNCTION", "PROCEDURE", "TRIGGER", "POLICY", "SCHEMA", "EXTENSION",
                "SEQUENCE", "TYPE", "DOMAIN", "ROLE", "USER", "EVENT", "DATABASE", "AGGREGATE", "OPERATOR",
                "RULE", "PUBLICATION", "SUBSCRIPTION", "SERVER", "CAST", "COLLATION", "STATISTICS", "LANGUAGE",
                "TABLESPACE", "CONVERSION", "TRANSFORM", "ACCESS"}
# The block jobschema renders for a module's ``roles`` (dialects/postgres/templates/roles.sql.j2).
ROLES_BLOCK = re.compile(r"^DO\s+\$jobschema_roles\$.*?ARRAY\s*\[([^\]]*)\]", re.S)
EMPTY_SEARCH_PATH = re.compile(r"set_config\s*\(\s*'search_path'\s*,\s*''|search_path\s*(=|TO)\s*''", re.I)
NEXTVAL = re.compile(r"^nextval\(\s*'([^']+)'(?:\s*::\s*regclass)?\s*\)$", re.I)


def default_sequence_options(opts: str) -> bool:
    """Whether sequence options say no more than a serial or identity column's own sequence does."""
    rest = re.sub(r"\b(AS\s+(smallint|integer|bigint)|START\s+(WITH\s+)?1|INCREMENT\s+(BY\s+)?1|NO\s+MINVALUE|"
                  r"NO\s+MAXVALUE|CACHE\s+1|MINVALUE\s+1|NO\s+CYCLE|MAXVALUE\s+(32767|2147483647|9223372036854775807)|"
                  r"SEQUENCE\s+NAME\s+\S+)\b", "", opts, flags=re.I)
    return not rest.strip()

