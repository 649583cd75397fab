"""The JSON Schema of the YAML format (``jobschema/schema.json``), built from the loader's own tables.

Property names and required flags come from ``load.keys``' key tables (MODULE_KEYS, TABLE_KEYS, …),
choices from its tuples (FK_ACTIONS, POLICY_COMMANDS, …) and the type pattern from ``model.types``; this
module adds only what a key holds and a description for editors. A key the loader accepts but this
module does not describe is an error when the schema is built, so the two cannot drift apart.

Regenerate with ``python -m jobschema.docs.json_schema`` (``--check`` exits 1 when the file is stale).
"""

from __future__ import annotations

import json
import os
import re
import sys
from typing import Any

from ..dialects.base import DEFAULT
from ..dialects.base import names as dialect_names
from ..load import keys
from ..model import types as ltypes
from ..writer import atomic_write

PATH = os.path.join(os.path.dirname(os.path.dirname(__file__)), "schema.json")
SCHEMA_ID = "https://jobschema.dev/schema.json"


NOT_VALID = {"type": "boolean", "description": "PostgreSQL: kept NOT VALID (rows older than the constraint are not "
             "checked); MySQL checks all rows."}

def _ci(word: str) -> str:
    """A case-insensitive regex for a word (JSON Schema patterns have no flags)."""
    out = []
    for ch in word:
        if ch.isalpha():
            out.append(f"[{ch.lower()}{ch.upper()}]")
        elif ch == " ":
            out.append(" +")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def choice_pattern(choices: tuple[str, ...]) -> str:
    """What ``Reader.choice`` accepts: any case, words separated by spaces or underscores."""
    alts = []
    for c in choices:
        words = [_ci(w) for w in c.split()]
        alts.append(r"[\s_]+".join(words))
    return r"^[\s_]*(" + "|".join(alts) + r")[\s_]*$"


def type_pattern() -> str:
    """What ``model.types.parse_type`` accepts: a known name or alias, allowed argument count, ``[]``s."""
    names: dict[str, tuple[int, int]] = dict(ltypes.BASE_TYPES)
    for alias, target in ltypes.ALIASES.items():
        names[alias] = ltypes.BASE_TYPES[target]
    by_arity: dict[tuple[int, int], list[str]] = {}
    for name, arity in names.items():
        by_arity.setdefault(arity, []).append(name)
    alts = []
    for (lo, hi), group in sorted(by_arity.items()):
        words = "|".join(_ci(n) for n in sorted(group, key=lambda n: (-len(n), n)))
        arg_forms = []
        for k in range(lo, hi + 1):
            if k == 0:
                arg_forms.append(r"\(\s*\)")
            else:
                arg_forms.append(r"\(\s*[0-9]+ *" + r"(, *[0-9]+ *)" + f"{{{k - 1}}}" + r"\s*\)")
        args = r"(\s*(" + "|".join(arg_forms) + r"))" + ("?" if lo == 0 else "")
        alts.append(f"({words}){args}")
    return r"^\s*(" + "|".join(alts) + r")\s*(\[\])*\s*$"


# ------------------------------------------------------------------------------------ building blocks

def _nullable(schema: dict) -> dict:
    """Optional keys may be written empty (``comment:``); the loader reads that as absent."""
    return {"anyOf": [schema, {"type": "null"}]}


TEXT = {"type": ["string", "number"]}
# 1-63 characters without leading/trailing whitespace or NUL (the loader counts 63 bytes of UTF-8)
NAME = {"type": ["string", "number"], "minLength": 1, "maxLength": 63,
        "pattern": r"^[^\s\x00]([^\x00]*[^\s\x00])?$"}
BOOL = {"type": "boolean"}
INT = {"type": "integer"}
TEXTS = {"type": "array", "items": TEXT}
TEXT_OR_TEXTS = {"anyOf": [TEXT, TEXTS]}
SQL = {"$ref": "#/$defs/sql"}


def _choice(choices: tuple[str, ...], what: str) -> dict:
    return {"type": "string", "pattern": choice_pattern(choices),
            "description": f"{what}: one of {', '.join(choices)} (any case; '_' works as a space)."}


def _obj(keys: dict[str, bool], props: dict[str, dict], where: str, description: str) -> dict:
    missing = sorted(set(keys) - set(props))
    extra = sorted(set(props) - set(keys))
    if missing or extra:
        raise RuntimeError(f"JSON Schema for {where} is out of step with the loader: "
                           f"undescribed keys {missing}, unknown keys {extra}")
    properties = {}
    for k in keys:  # the loader's order
        p = dict(props[k])
        properties[k] = p if keys[k] else _nullable(p)
    out: dict[str, Any] = {"type": "object", "description": description, "properties": properties,
                           "additionalProperties": False}
    required = [k for k, req in keys.items() if req]
    if required:
        out["required"] = required
    return out


def _d(schema: dict, description: str) -> dict:
    return {**schema, "description": description}


def build_schema() -> dict:
    b = keys
    sql = {
        "description": "An SQL expression written in PostgreSQL SQL, or per dialect: {postgres: ..., mysql: ...}.",
        "anyOf": [
            {"type": ["string", "number", "boolean"]},
            {"type": "object", "properties": {d: TEXT if d == DEFAULT else _nullable(TEXT) for d in dialect_names()},
             "required": [DEFAULT], "additionalProperties": False},
        ],
    }
    default = {
        "description": ("A column default. Numbers and booleans are literals; text on a text or enum column is a "
                        "literal unless it is a function call or SQL keyword; text elsewhere is an SQL "
                        "expression. {value: ...} forces a literal, {sql: ...} an expression; a mapping or list "
                        "on a json/jsonb column is its JSON value."),
        "anyOf": [
            {"type": ["string", "number", "boolean"]},
            {"type": "object", "properties": {"value": {}}, "required": ["value"], "additionalProperties": False},
            {"type": "object", "properties": {"sql": SQL}, "required": ["sql"], "additionalProperties": False},
            {"type": "object", "not": {"anyOf": [{"required": ["sql"]}, {"required": ["value"]}]}},
            {"type": "array"},
        ],
    }
    column = _obj(b.COLUMN_KEYS, {
        "name": _d(NAME, "Column name."),
        "type": {"type": "string", "pattern": type_pattern(),
                 "description": ("Logical type: text, varchar(n), char(n), uuid, boolean, smallint, integer, "
                                 "bigint, numeric(p,s), real, double precision, date, time(p), timestamp(p), "
                                 "timestamptz(p), interval, json, jsonb, bytea, inet, serial, bigserial; "
                                 "any of them followed by [] for an array.")},
        "nullable": _d(BOOL, "Whether NULL is allowed (default true; primary-key columns are always NOT NULL)."),
        "default": default,
        "comment": _d(TEXT, "What the column holds; becomes the column's comment in both engines."),
        "enum": {"type": "array", "items": TEXT, "minItems": 1, "uniqueItems": True,
                 "description": "Allowed values, in order: a named CHECK on PostgreSQL (or the native type named by "
                                "enum_type), ENUM(...) on MySQL. Text types only (text[] with enum_type)."},
        "enum_check_name": _d(NAME, "Name of the CHECK that carries the enum on PostgreSQL "
                                    "(default <table>_<column>_check)."),
        "enum_type": _d({"type": "string", "minLength": 1, "maxLength": 130},
                        "PostgreSQL native enum type carrying the enum values instead of a CHECK: name, "
                        "namespace.name, or a double-quoted part holding a dot; names are exact. One type may "
                        "serve several columns (same values, same order). MySQL keeps its inline ENUM."),
        "legacy_values": {"type": "object", "additionalProperties": {"type": ["string", "integer"]},
                          "description": "Old value -> enum value: what a fix migration rewrites before it "
                                         "adds the constraint."},
        "types": {"type": "object", "properties": {d: _nullable(TEXT) for d in dialect_names()},
                  "additionalProperties": False,
                  "description": "Native type per dialect where the logical mapping is not what you want."},
        "identity": {"oneOf": [_choice(b.IDENTITY, "Identity column (MySQL: AUTO_INCREMENT)"), _obj(
            b.IDENTITY_KEYS, {"generated": _choice(b.IDENTITY, "always or by default"), "start": INT,
                              "increment": INT, "min_value": INT, "max_value": INT, "cache": INT, "cycle": BOOL},
            "identity", "Identity column with its sequence options (PostgreSQL).")]},
        "generated": _d(SQL, "Generated column expression (stored unless virtual)."),
        "virtual": _d(BOOL, "MySQL: the generated column is computed on read (VIRTUAL), not stored; "
                      "PostgreSQL 15 stores it and warns."),
        "invisible": _d(BOOL, "MySQL: the column is left out of SELECT * (INVISIBLE); PostgreSQL warns."),
        "collation": _d(TEXT, "PostgreSQL collation of the column."),
        "on_update": _d(SQL, "MySQL ON UPDATE expression (now() becomes CURRENT_TIMESTAMP(p)); PostgreSQL warns."),
        "using": _d(SQL, "PostgreSQL: expression converting the live values when a fix changes the column's type "
                    "(ALTER COLUMN ... TYPE ... USING), e.g. to_timestamp(happened); required where PostgreSQL "
                    "cannot cast the old type to the new one by itself."),
        "mysql": _obj(b.MYSQL_TEXT_KEYS, {"charset": TEXT, "collation": TEXT}, "mysql",
                      "MySQL character set and collation of the column, where they differ from its table's."),
    }, "a column", "One column.")
    index_part = _obj(b.INDEX_PART_KEYS, {
        "column": TEXT, "expression": SQL, "desc": BOOL,
        "nulls": _choice(b.NULLS_ORDER, "Where NULLs sort (default: last ascending, first descending)"),
        "opclass": TEXT,
        "length": _d({"type": "integer", "minimum": 1}, "MySQL key prefix: index the first n characters."),
    }, "an index part", "One key of an index: exactly one of column or expression.")
    index_part["oneOf"] = [{"required": ["column"]}, {"required": ["expression"]}]
    index = _obj(b.INDEX_KEYS, {
        "name": _d(NAME, "Index name."),
        "columns": {"type": "array", "minItems": 1, "items": {"anyOf": [{"type": "string"}, index_part]},
                    "description": "Column names, or {column|expression, desc, nulls, opclass} parts."},
        "unique": BOOL,
        "method": _choice(b.INDEX_METHODS, "Index method"),
        "where": _d(SQL, "Partial-index predicate (PostgreSQL only; MySQL indexes every row and warns)."),
        "include": _d(TEXTS, "INCLUDE columns (PostgreSQL only)."),
        "nulls_not_distinct": _d(BOOL, "A unique index treating NULLs as equal (PostgreSQL 15; MySQL warns)."),
        "ignored": _d(BOOL, "MySQL: kept up to date but not used by the optimizer (MariaDB IGNORED, MySQL 8 "
                      "INVISIBLE); PostgreSQL warns."),
        "parser": _d(NAME, "MySQL FULLTEXT index parser (WITH PARSER), e.g. ngram."),
        "comment": TEXT,
    }, "an index", "A secondary index.")
    ref = {"anyOf": [
        {"type": "string", "pattern": r"^\s*(?:([A-Za-z_][\w$]*)\s*\.\s*)?([A-Za-z_][\w$]*)\s*\(([^)]*)\)\s*$"},
        _obj(b.REF_KEYS, {"table": TEXT, "columns": TEXT_OR_TEXTS, "namespace": TEXT}, "references",
             "The referenced table and columns."),
    ], "description": "'table(column, ...)' or {table, columns, namespace}."}
    fk = _obj(b.FK_KEYS, {
        "name": _d(NAME, "Constraint name (default <table>_<columns>_fkey)."),
        "columns": TEXT_OR_TEXTS,
        "references": ref,
        "on_delete": _choice(b.FK_ACTIONS, "ON DELETE action"),
        "on_delete_columns": _d(TEXT_OR_TEXTS, "PostgreSQL 15: the key columns ON DELETE SET NULL/SET DEFAULT "
                                "sets (default: all of them)."),
        "on_update": _choice(b.FK_ACTIONS, "ON UPDATE action"),
        "no_action_spelled": _d(TEXT_OR_TEXTS, "The rules (on_delete, on_update) whose no action is written out "
                                "as NO ACTION: MariaDB stores that apart from the RESTRICT a rule left out gets."),
        "deferrable": BOOL, "initially_deferred": BOOL,
        "match": _choice(("simple", "full"), "MATCH type"),
        "not_valid": NOT_VALID,
        "comment": TEXT,
    }, "a foreign key", "A foreign key.")
    check = _obj(b.CHECK_KEYS, {
        "name": _d(NAME, "Constraint name."), "expression": SQL,
        "no_inherit": _d(BOOL, "PostgreSQL NO INHERIT: not enforced on child tables (MySQL has no inheritance)."),
        "inline": _d(BOOL, "MariaDB: written on the column it is named after (MODIFY COLUMN keeps it only so)."),
        "not_valid": NOT_VALID,
        "comment": TEXT,
    }, "a check", "A CHECK constraint.")
    policy = _obj(b.POLICY_KEYS, {
        "name": _d(NAME, "Policy name."),
        "command": _choice(b.POLICY_COMMANDS, "Command the policy applies to"),
        "roles": TEXT_OR_TEXTS, "permissive": BOOL, "using": SQL, "with_check": SQL, "comment": TEXT,
    }, "a policy", "A row-level security policy (PostgreSQL).")
    rls = _obj(b.RLS_KEYS, {
        "enabled": BOOL, "forced": BOOL, "policies": {"type": "array", "items": policy},
    }, "rls", "Row-level security (PostgreSQL only; MySQL output carries a warning).")
    pk_keys = {"name": NAME, "columns": TEXT_OR_TEXTS, "deferrable": BOOL, "initially_deferred": BOOL}
    pk = {"anyOf": [TEXT, TEXTS, _obj(b.PK_KEYS, pk_keys, "primary_key", "A named primary key.")],
          "description": "Primary-key columns, or {name, columns}."}
    unique = _obj(b.UNIQUE_KEYS, {"name": NAME, "columns": TEXT_OR_TEXTS, "nulls_not_distinct": BOOL,
                                  "deferrable": BOOL, "initially_deferred": BOOL},
                  "a unique key", "A unique constraint.")
    lint = _obj(b.LINT_KEYS, {
        "ignore": _d(TEXT_OR_TEXTS, "Rule codes, e.g. [JS103]."),
        "reason": {"type": ["string", "number"], "pattern": r"\S",
                   "description": "Why the rules do not apply (required, not blank)."},
    }, "lint", "Lint rules that do not apply to this table, and why.")
    table = _obj(b.TABLE_KEYS, {
        "table": _d(NAME, "Table name; the file name should match."),
        "namespace": _d(TEXT, "PostgreSQL schema (default: the module's namespace)."),
        "comment": TEXT,
        "minimal": _d(BOOL, "A stand-in for a table documented elsewhere."),
        "columns": {"type": "array", "items": column,
                    "description": "The columns, in order (PostgreSQL allows none: columns: [])."},
        "primary_key": pk,
        "unique": {"type": "array", "items": unique},
        "indexes": {"type": "array", "items": index},
        "foreign_keys": {"type": "array", "items": fk},
        "checks": {"type": "array", "items": check},
        "rls": rls,
        "mysql": _obj(b.MYSQL_KEYS, {"engine": TEXT, "charset": TEXT, "collation": TEXT,
                                     "options": _d(TEXT, "Other table options: row_format=COMPRESSED checksum=1")},
                      "mysql",
                      "MySQL table options; charset and collation default to the module's, else the database's."),
        "lint": lint,
    }, "a table file", "tables/<table>.yaml: one table.")
    module = _obj(b.MODULE_KEYS, {
        "module": _d(NAME, "Module name; must equal the folder name."),
        "description": TEXT,
        "namespace": _d(TEXT, "PostgreSQL schema the tables live in (default public)."),
        "database": _d(TEXT, "Suggested database name (default: the module name)."),
        "dialects": {"type": "array", "items": {"enum": list(dialect_names())},
                     "description": "Dialects to generate (default all)."},
        "requires": _d(TEXTS, "Modules whose objects are created first in the same database."),
        "extensions": _d(TEXTS, "PostgreSQL extensions to create."),
        "schemas": _d(TEXTS, "Extra PostgreSQL schemas this module creates."),
        "roles": _d(TEXTS, "PostgreSQL roles (NOLOGIN) this module creates when they do not exist yet."),
        "mysql": _obj(b.MYSQL_TEXT_KEYS, {"charset": TEXT, "collation": TEXT}, "mysql",
                      "MySQL character set and collation of the module's tables that name none "
                      "(default: the database's)."),
        "unmanaged": {"type": "array", "items": _obj(b.UNMANAGED_KEYS, {
            "kind": _d(TEXT, "What it is: rule, sequence, storage parameters, ..."),
            "name": TEXT,
            "namespace": _d(TEXT, "Its schema (default: the module's)."),
            "table": _d(TEXT, "The table it belongs to, if any."),
            "detail": _d(TEXT, "Its definition as the catalog prints it; audit compares it."),
        }, "unmanaged", "A fact the schema cannot describe, recorded by inspect."),
            "description": "What inspect found that the format cannot describe; audit reports a recorded fact "
                           "that is absent or different."},
    }, "module.yaml", "module.yaml: one module.")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "jobschema schema file",
        "description": ("A jobschema module.yaml (it has a 'module' key) or tables/<table>.yaml (it has a 'table' "
                        "key). Reference: docs/schema-format.md."),
        "$defs": {"sql": sql, "module": module, "table": table},
        "if": {"type": "object", "required": ["module"]},
        "then": {"$ref": "#/$defs/module"},
        "else": {"$ref": "#/$defs/table"},
    }


def render() -> str:
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = render()
    try:
        with open(PATH, encoding="utf-8") as fh:
            current = fh.read()
    except FileNotFoundError:
        current = None
    if "--check" in args:
        if current != text:
            print(f"{PATH} is out of date: run python -m jobschema.docs.json_schema", file=sys.stderr)
            return 1
        return 0
    if current != text:
        atomic_write(PATH, text)
        print(f"wrote {PATH}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
