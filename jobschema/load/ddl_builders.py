"""The importer's working state: a table and its columns while later statements may still change them
(``ALTER TABLE``, ``COMMENT ON``, ``DROP``), and the word lists that steer the statement reader."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model.objects import Check, Default, ForeignKey, Index, Origin, Policy, PrimaryKey, Sql, UniqueKey
from ..model.types import NativeType

TypeInfo = NativeType

@dataclass
class ColB:
    name: str
    type: TypeInfo
    nullable: bool = True
    default: Default | None = None
    comment: str | None = None
    identity: str | None = None
    generated: Sql | None = None
    collation: str | None = None
    origin: Origin = field(default_factory=Origin)
    on_update: Sql | None = None


@dataclass
class TableB:
    name: str
    namespace: str
    origin: Origin
    columns: list[ColB] = field(default_factory=list)
    comment: str | None = None
    pk: PrimaryKey | None = None
    uniques: list[UniqueKey] = field(default_factory=list)
    indexes: list[Index] = field(default_factory=list)
    fks: list[ForeignKey] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    rls_enabled: bool = False
    rls_forced: bool = False
    policies: list[Policy] = field(default_factory=list)
    engine: str | None = None
    unnamed_fks: int = 0  # the dialect numbers unnamed foreign keys and checks per table
    unnamed_checks: int = 0

    def col(self, name: str) -> ColB | None:
        for c in self.columns:
            if c.name == name or c.name.lower() == name.lower():
                return c
        return None

    def names(self) -> set[str]:
        out = {c.name for c in self.checks} | {u.name for u in self.uniques} | {f.name for f in self.fks}
        if self.pk and self.pk.name:
            out.add(self.pk.name)
        return out



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

