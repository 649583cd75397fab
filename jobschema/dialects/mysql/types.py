"""Logical ↔ MySQL/MariaDB type names: the one map, both directions.

``native`` is used by the renderer and by the audit to know what a desired column should look like
live; ``keyed`` text columns become VARCHAR because MySQL cannot index TEXT. ``logical`` reads a native
type back (inspect and ``import`` alike), and ``canonical`` is the one spelling both sides of a
comparison are brought to.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...model.types import LogicalType, NativeType, parse_type

KEY_TEXT = "varchar(255)"  # an indexed, unique or key text column without an explicit length

_SIMPLE = {
    "text": "text",
    "uuid": "char(36)",
    "boolean": "tinyint(1)",
    "smallint": "smallint",
    "integer": "int",
    "bigint": "bigint",
    "real": "float",
    "double precision": "double",
    "date": "date",
    "json": "json",
    "jsonb": "json",
    "bytea": "longblob",
    "inet": "varchar(45)",
    "serial": "int",
    "bigserial": "bigint",
    "interval": "varchar(64)",
}


def native(spec: str, keyed: bool = False) -> str:
    """MySQL type for a logical type; ``keyed`` text columns become VARCHAR so they can be indexed."""
    t = parse_type(spec)
    return native_of(t, keyed)


def native_of(t: LogicalType, keyed: bool = False) -> str:
    if t.is_array:
        return "json"
    b = t.base
    if b == "text":
        return KEY_TEXT if keyed else "text"
    if b in ("varchar", "char"):
        return f"{b}({t.args[0] if t.args else (255 if b == 'varchar' else 1)})"
    if b == "numeric":
        return "decimal(" + ",".join(str(a) for a in (t.args or (10, 0))) + ")"
    if b == "timestamptz":
        return f"datetime({t.args[0] if t.args else 6})"
    if b in ("timestamp", "time"):
        p = t.args[0] if t.args else (6 if b == "timestamp" else 0)
        name = "datetime" if b == "timestamp" else "time"
        return f"{name}({p})" if p else name
    return _SIMPLE[b]


def precision(spec: str) -> int | None:
    """Fractional-second precision the MySQL column gets (for CURRENT_TIMESTAMP(n) defaults)."""
    t = parse_type(spec)
    if t.is_array:
        return None
    if t.base == "timestamptz":
        return t.args[0] if t.args else 6
    if t.base in ("timestamp", "time"):
        return t.args[0] if t.args else (6 if t.base == "timestamp" else 0)
    return None


# ----------------------------------------------------------------------------------- native → logical

_ENUM_RE = re.compile(r"^(enum|set)\((.*)\)$", re.I | re.S)
_TYPE_RE = re.compile(r"^([a-z ]+?)\s*(?:\(([^)]*)\))?((?:\s+(?:unsigned|signed|zerofill))*)$", re.I)
_INT_WIDTH = re.compile(r"^(tinyint|smallint|mediumint|int|integer|bigint)\((\d+)\)")
# the display width MariaDB prints for an integer type that names none: (signed, unsigned)
_DEFAULT_WIDTH = {"tinyint": (4, 3), "smallint": (6, 5), "mediumint": (9, 8), "int": (11, 10), "integer": (11, 10),
                  "bigint": (20, 20)}
_SPACES = re.compile(r"\s+")

# native base name → logical type, for the names that need no look at their arguments
_LOGICAL = {
    "smallint": "smallint", "mediumint": "integer", "int": "integer", "integer": "integer", "bigint": "bigint",
    "float": "real", "double": "double precision", "double precision": "double precision",
    "real": "double precision",  # REAL is DOUBLE unless sql_mode REAL_AS_FLOAT
    "date": "date", "text": "text", "tinytext": "text", "mediumtext": "text", "longtext": "text", "json": "json",
    "blob": "bytea", "tinyblob": "bytea", "mediumblob": "bytea", "longblob": "bytea", "varbinary": "bytea",
    "binary": "bytea", "year": "smallint", "bool": "boolean", "boolean": "boolean", "uuid": "uuid",
    "inet4": "inet", "inet6": "inet",
}


@lru_cache(maxsize=4096)
def enum_values(column_type: str) -> tuple[str, ...] | None:
    """The values of ``enum('a','b''c')`` in order, or None for any other type."""
    m = _ENUM_RE.match(column_type.strip())
    if not m or m.group(1).lower() != "enum":
        return None
    return tuple(split_quoted(m.group(2)))


def enum_values_kept(values: tuple[str, ...]) -> bool:
    """Whether an ENUM keeps these values apart: MySQL compares them without case and trailing spaces."""
    folded = [v.casefold() for v in values]
    return len(set(folded)) == len(folded) and all(v == v.rstrip(" ") for v in values)


def split_quoted(body: str) -> list[str]:
    """The quoted strings of a MySQL list (``'a','b''c','d\\'e'``), unescaped, in order."""
    out, i, n = [], 0, len(body)
    while i < n:
        if body[i] != "'":
            i += 1
            continue
        i += 1
        buf = []
        while i < n:
            ch = body[i]
            if ch == "\\" and i + 1 < n:
                buf.append({"n": "\n", "t": "\t", "0": "\0", "r": "\r"}.get(body[i + 1], body[i + 1]))
                i += 2
                continue
            if ch == "'":
                if i + 1 < n and body[i + 1] == "'":
                    buf.append("'")
                    i += 2
                    continue
                i += 1
                break
            buf.append(ch)
            i += 1
        out.append("".join(buf))
    return out


@lru_cache(maxsize=4096)
def canonical(native: str) -> str:
    """A MySQL column type in one spelling: lower case, integer display widths dropped where they are the
    server's default (``int(11)``, ``int(10) unsigned``), so ``int(5)`` stays apart from ``int``; ENUM value
    lists re-quoted uniformly, synonyms and the server's implied arguments (``decimal`` is ``decimal(10,0)``,
    ``char`` is ``char(1)``) folded."""
    t = _SPACES.sub(" ", native.strip().lower())
    values = enum_values(native)
    if values is not None:
        return "enum(" + ",".join("'" + v.replace("'", "''") + "'" for v in values) + ")"
    if t.startswith("tinyint(1)"):
        return "tinyint(1)" + t[len("tinyint(1)"):]
    t = _INT_WIDTH.sub(_default_width_dropped, t)
    t = re.sub(r"^integer\b", "int", t)
    t = re.sub(r"^(bool|boolean)$", "tinyint(1)", t)
    t = re.sub(r"^numeric\b", "decimal", t)
    t = re.sub(r"^decimal(?=$| )", "decimal(10,0)", t)
    t = re.sub(r"^decimal\((\d+)\)", r"decimal(\1,0)", t)
    t = re.sub(r"^(real|double precision)$", "double", t)
    t = re.sub(r"^(char|binary)$", r"\1(1)", t)
    t = re.sub(r"^year\(4\)$", "year", t)
    t = re.sub(r"^(datetime|timestamp|time)\(0\)$", r"\1", t)
    t = re.sub(r"\s*,\s*", ",", t)
    return t


def _default_width_dropped(m: re.Match) -> str:
    """``int(11)`` as ``int``; a width other than the server's default stays (MariaDB prints it back)."""
    unsigned = " unsigned" in m.string[m.end():]
    return m.group(1) if int(m.group(2)) == _DEFAULT_WIDTH[m.group(1)][unsigned] else m.group(0)


@lru_cache(maxsize=4096)
def logical(native: str) -> NativeType:
    """The logical type of a native MySQL type, with the native spelling kept as an override whenever the
    logical type would not render back to it: ``char(36)`` → uuid, ``tinyint(1)`` → boolean,
    ``datetime(6)`` → timestamptz(6) (jobschema keeps UTC in DATETIME), ``tinyint(4)`` → smallint
    (override ``tinyint(4)``), ``enum(...)`` → text with its values."""
    spelled = _SPACES.sub(" ", native.strip())
    low = re.sub(r"\s*\(\s*", "(", re.sub(r"\s*([),])", r"\1", re.sub(r",\s*", ",", spelled.lower())))
    values = enum_values(spelled)
    if values is not None:
        return NativeType("text", None, values)
    guess = _guess(low)
    try:
        same = canonical(native_of(parse_type(guess))) == canonical(low)
    except (KeyError, ValueError):
        same = False
    return NativeType(guess, None if same else (spelled if "'" in spelled else low))


def _guess(low: str) -> str:
    m = _TYPE_RE.match(low)
    if not m:
        return "text"
    base, args = " ".join(m.group(1).split()), (m.group(2) or "").replace(" ", "")
    if base == "char":
        return "uuid" if args == "36" else f"char({args or 1})"
    if base == "varchar":
        return f"varchar({args})" if args else "varchar"
    if base == "tinyint":
        return "boolean" if args == "1" else "smallint"
    if base == "bit":
        return "boolean" if args in ("", "1") else "bytea"
    if base in ("decimal", "numeric", "dec", "fixed"):
        p, _, s = args.partition(",")
        return f"numeric({p or 10},{s or 0})"
    if base in ("datetime", "timestamp"):
        return f"timestamptz({args or 0})"
    if base == "time":
        return f"time({args or 0})"
    return _LOGICAL.get(base, "text")
