"""The JS4xx codes of ``jobschema code``, claimed once in ``jobschema.codes`` beside the lint and audit codes.

Each entry says what disagrees with what: the code with the schema, the code with the live database, or
the schema with nothing in the code. A code is never reused for another meaning once released.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import codes
from ..finding import Severity


@dataclass(frozen=True)
class CodeRule:
    code: str
    name: str
    title: str
    severity: Severity
    help: str


RULES: dict[str, CodeRule] = {}


def _rule(code: str, name: str, title: str, severity: Severity, help: str) -> str:
    codes.claim(code, title, "code", __name__)
    RULES[code] = CodeRule(code, name, title, severity, help)
    return code


VALUE_NOT_IN_SCHEMA = _rule(
    "JS401", "value-not-in-schema", "code writes or filters on a value the schema does not allow", Severity.ERROR,
    "A string literal flows into a column whose enum or value-set CHECK in the schema does not list it: the "
    "insert fails once the schema is applied, and a filter on it never matches. Fix the code or the schema.")
VALUE_REJECTED_LIVE = _rule(
    "JS402", "value-rejected-by-database", "the live database rejects a value the code writes or filters on",
    Severity.ERROR,
    "With --dsn: the live CHECK or ENUM does not accept the literal. This is the seed-001 incident (the code "
    "wrote 'queued', the database allowed pending/running), caught before deploy even when the schema is "
    "right: write and apply the fix migration (`jobschema audit --write-migration`, `jobschema migrate`).")
VALUE_SET_SCHEMA = _rule(
    "JS403", "value-set-differs-from-schema", "a value set declared in code differs from the schema's",
    Severity.WARNING,
    "A TypeScript union or enum, or a Python Enum or Literal, tied to a column, lists values the schema does "
    "not allow (extra) or lacks values it allows (missing). Make the two lists agree.")
VALUE_SET_LIVE = _rule(
    "JS404", "value-set-differs-from-database", "a value set declared in code differs from the live database's",
    Severity.WARNING,
    "With --dsn: the tied value set and the live CHECK or ENUM list different values.")
TABLE_NOT_IN_SCHEMA = _rule(
    "JS405", "table-not-in-schema", "the code uses a table the schema lacks", Severity.ERROR,
    "The code names a table no module of the schema defines: a typo, or a table to add to the schema.")
COLUMN_NOT_IN_SCHEMA = _rule(
    "JS406", "column-not-in-schema", "the code uses a column the schema lacks", Severity.ERROR,
    "The code reads, writes or filters on a column its table does not have in the schema.")
TABLE_NOT_IN_DATABASE = _rule(
    "JS407", "table-not-in-database", "the code uses a table the live database lacks", Severity.ERROR,
    "With --dsn: the table is in the schema (or not) but not in the database the DSN names; apply the "
    "migrations before deploying this code.")
COLUMN_NOT_IN_DATABASE = _rule(
    "JS408", "column-not-in-database", "the code uses a column the live database lacks", Severity.ERROR,
    "With --dsn: the column is not in the live table; apply the migrations before deploying this code.")
VALUE_UNUSED = _rule(
    "JS409", "schema-value-unused", "a value the schema allows is never used by the code", Severity.INFO,
    "The column's values the code never writes, filters on or declares: perhaps a state nothing reaches.")
TABLE_UNUSED = _rule(
    "JS410", "table-unused", "a table of the module is never referenced by the code", Severity.INFO,
    "A table of a module the code uses that no scanned file names (seed 001's batch_checkpoints).")
UNRESOLVED = _rule(
    "JS411", "values-not-checked", "values flow into a constrained column that are not literals", Severity.INFO,
    "Variables and expressions are not guessed: they are counted here, at their first place, so a clean "
    "report says how much it could not see.")
SQL_NOT_READ = _rule(
    "JS412", "not-parsed", "source or SQL text the parsers could not read", Severity.INFO,
    "sqlglot could not read a statement in the module's dialect, or tree-sitter met a syntax error in a file: "
    "the tables, columns and values there were not checked.")
TIE_UNMATCHED = _rule(
    "JS413", "map-entry-unmatched", "a map entry names a value set no scanned file declares", Severity.WARNING,
    "[tool.jobschema.code] map ties a value set by name; no TypeScript union or enum, Python Enum or Literal "
    "of that name was found in the scanned files, so nothing was compared.")
