"""The YAML format's key tables: which keys each mapping takes (True: required) and the words some values
may be. The loader checks files against them and ``docs/json_schema.py`` builds ``schema.json`` from them,
so the format is defined once."""

from __future__ import annotations

import re

MYSQL_SECTION = "mysql"  # a data key: the mapping of MySQL-only settings (charset, collation, engine, options)
MODULE_KEYS = {"module": True, "description": False, "namespace": False, "database": False,
               "dialects": False, "requires": False, "extensions": False, "schemas": False,
               "roles": False, "mysql": False, "unmanaged": False}
UNMANAGED_KEYS = {"kind": True, "name": True, "namespace": False, "table": False, "detail": False}
TABLE_KEYS = {"table": True, "namespace": False, "comment": False, "minimal": False, "columns": True,
              "primary_key": False, "unique": False, "indexes": False, "foreign_keys": False,
              "checks": False, "rls": False, "mysql": False, "lint": False}
COLUMN_KEYS = {"name": True, "type": True, "nullable": False, "default": False, "comment": False,
               "enum": False, "enum_check_name": False, "enum_type": False, "legacy_values": False, "types": False,
               "identity": False, "generated": False, "collation": False, "on_update": False,
               "using": False, "mysql": False, "invisible": False, "virtual": False}
IDENTITY_KEYS = {"generated": True, "start": False, "increment": False, "min_value": False, "max_value": False,
                 "cache": False, "cycle": False}
PK_KEYS = {"name": False, "columns": True, "deferrable": False, "initially_deferred": False}
UNIQUE_KEYS = {"name": True, "columns": True, "nulls_not_distinct": False, "deferrable": False,
               "initially_deferred": False}
INDEX_KEYS = {"name": True, "columns": True, "unique": False, "nulls_not_distinct": False, "method": False,
              "where": False,
              "include": False, "comment": False, "ignored": False, "parser": False}
INDEX_PART_KEYS = {"column": False, "expression": False, "desc": False, "nulls": False, "opclass": False,
                   "length": False}
FK_KEYS = {"name": False, "columns": True, "references": True, "on_delete": False, "on_delete_columns": False,
           "no_action_spelled": False,
           "on_update": False, "deferrable": False, "initially_deferred": False, "match": False, "comment": False,
           "not_valid": False}
REF_KEYS = {"table": True, "columns": True, "namespace": False}
CHECK_KEYS = {"name": True, "expression": True, "no_inherit": False, "inline": False, "comment": False,
              "not_valid": False}
RLS_KEYS = {"enabled": False, "forced": False, "policies": False}
POLICY_KEYS = {"name": True, "command": False, "roles": False, "permissive": False, "using": False,
               "with_check": False, "comment": False}
MYSQL_KEYS = {"engine": False, "charset": False, "collation": False, "options": False}
MYSQL_TEXT_KEYS = {"charset": False, "collation": False}  # a module's or a column's mysql: mapping
LINT_KEYS = {"ignore": True, "reason": True}
DEFAULT_KEYS = {"sql": False, "value": False}

FK_ACTIONS = ("no action", "restrict", "cascade", "set null", "set default")
POLICY_COMMANDS = ("all", "select", "insert", "update", "delete")
INDEX_METHODS = ("btree", "hash", "gin", "gist", "brin", "spgist", "fulltext", "spatial")
IDENTITY = ("always", "by default")
NULLS_ORDER = ("first", "last")
SQL_KEYWORD_DEFAULTS = {"current_timestamp", "current_date", "current_time", "localtimestamp",
                        "localtime", "null", "true", "false", "current_user", "session_user"}
SQL_CALL_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*\s*\(.*\)(\s*::\s*[A-Za-z_ ]+(\[\])?)?$", re.DOTALL)
