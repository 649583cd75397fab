"""Cross-reference checks over one loaded module, all reported at once.

Runs after every file of the module has been read, because references cross files (a foreign key to a
table defined in another file, a trigger on a table, a module that requires another).
"""

from __future__ import annotations

import difflib

from ..dialects.base import DEFAULT, get
from ..errors import LoadError
from ..model.expr import column_names
from ..model.objects import Module, Origin, Table


def _err(origin: Origin, message: str, hint: str | None = None) -> LoadError:
    return LoadError(message, origin.file, origin.line, origin.col, hint)


def _missing_columns(table: Table, cols: tuple[str, ...] | list[str]) -> list[str]:
    names = {c.name for c in table.columns}
    return [c for c in cols if c not in names]


def _unknown_in_expression(table: Table, text: str) -> str | None:
    """The first column an expression reads that ``table`` lacks (unquoted names fold to lower case)."""
    names = {c.name for c in table.columns}
    for name, quoted in column_names(text, DEFAULT) or []:
        if name not in names and (quoted or name.lower() not in names):
            return name
    return None


def _capable(dialect: str, capability: str) -> bool:
    """Whether the registered dialect has ``capability`` (an unknown name is reported elsewhere)."""
    try:
        return bool(getattr(get(dialect).capabilities, capability))
    except KeyError:
        return False


def _hint(name: str, options: list[str]) -> str | None:
    close = difflib.get_close_matches(name, options, n=1)
    return f"did you mean {close[0]!r}?" if close else None


def validate_module(m: Module, known_modules: set[str], unread: frozenset[str] = frozenset()) -> list[LoadError]:
    """Every cross-reference error of ``m``. A foreign key to a table in ``unread`` (its file had errors of its
    own) is not checked: the file's error is the one to fix, and a second one would send the reader elsewhere."""
    errors: list[LoadError] = []
    for req in m.requires:
        if req not in known_modules:
            errors.append(_err(m.origin, f"module {m.name} requires unknown module {req!r}",
                               _hint(req, sorted(known_modules))))
        elif req == m.name:
            errors.append(_err(m.origin, f"module {m.name} requires itself"))

    seen_tables: dict[tuple[str, str], Table] = {}
    relation_names: dict[tuple[str, str], Origin] = {}  # index/constraint-backed names per namespace

    def claim(ns: str, name: str, origin: Origin, what: str) -> None:
        key = (ns, name)
        if key in relation_names:
            first = relation_names[key]
            errors.append(_err(origin, f"{what} name {name!r} is already used in {ns}",
                               f"first defined at {first}"))
        else:
            relation_names[key] = origin

    for t in m.tables:
        key = (t.namespace, t.name)
        if key in seen_tables:
            errors.append(_err(t.origin, f"table {t.namespace}.{t.name} is defined twice",
                               f"first defined in {seen_tables[key].origin}"))
            continue
        seen_tables[key] = t
        claim(t.namespace, t.name, t.origin, "table")
    for v in m.views:
        claim(v.namespace, v.name, v.origin or m.origin, "view")

    for t in m.tables:
        for derived, what in _derived_names(t):
            if len(derived.encode("utf-8")) > 63:
                errors.append(_err(t.origin, f"{what} of table {t.name} would be named {derived!r}, longer than "
                                   "the 63 bytes PostgreSQL keeps", "give it an explicit name"))
        folding = next((d for d in m.dialects if _capable(d, "enum_values_folded")), None)
        if folding:
            for c in t.columns:
                folded = [v.casefold() for v in c.enum or ()]
                dups = sorted({v for v in c.enum or () if folded.count(v.casefold()) > 1})
                if dups:
                    errors.append(_err(c.origin, f"enum values {', '.join(map(repr, dups))} of {t.name}.{c.name} "
                                       f"differ only in case, which {folding}'s case-insensitive collation rejects",
                                       "use distinct values"))
                for v in c.enum or ():
                    if v != v.rstrip(" "):
                        errors.append(_err(c.origin, f"enum value {v!r} of {t.name}.{c.name} ends in spaces, "
                                           f"which {folding} strips from ENUM values", "remove the trailing spaces"))
        colnames = [c.name for c in t.columns]
        seen_cols: dict[str, Origin] = {}
        for c in t.columns:
            if c.name in seen_cols:
                errors.append(_err(c.origin, f"column {t.name}.{c.name} is defined twice",
                                   f"first at {seen_cols[c.name]}"))
            seen_cols[c.name] = c.origin
        constraint_names: dict[str, Origin] = {}

        def constraint(name: str, origin: Origin, table: Table = t, seen: dict = constraint_names) -> None:
            if name in seen:
                errors.append(_err(origin, f"constraint name {name!r} is used twice on table {table.name}",
                                   f"first at {seen[name]}"))
            seen[name] = origin

        if t.primary_key is not None:
            bad = _missing_columns(t, t.primary_key.columns)
            if bad:
                errors.append(_err(t.primary_key.origin, f"primary key of {t.name} names unknown column "
                                   f"{bad[0]!r}", _hint(bad[0], colnames)))
            pk_name = t.primary_key.name or f"{t.name}_pkey"
            claim(t.namespace, pk_name, t.primary_key.origin, "primary key")
            constraint(pk_name, t.primary_key.origin)
        for u in t.uniques:
            bad = _missing_columns(t, u.columns)
            if bad:
                errors.append(_err(u.origin, f"unique key {u.name} of {t.name} names unknown column {bad[0]!r}",
                                   _hint(bad[0], colnames)))
            claim(t.namespace, u.name, u.origin, "unique key")
            constraint(u.name, u.origin)
        for ix in t.indexes:
            bad = _missing_columns(t, list(ix.columns) + list(ix.include))
            if bad:
                errors.append(_err(ix.origin, f"index {ix.name} of {t.name} names unknown column {bad[0]!r}",
                                   _hint(bad[0], colnames)))
            claim(t.namespace, ix.name, ix.origin, "index")
        for ck in t.checks:
            constraint(ck.name, ck.origin)
            bad = _unknown_in_expression(t, ck.expression.text)
            if bad:
                errors.append(_err(ck.origin, f"check {ck.name} of {t.name} names unknown column {bad!r}",
                                   _hint(bad, colnames)))
        for c in t.columns:
            if c.enum is not None and c.enum_type is None:
                constraint(c.enum_check_name or f"{t.name}_{c.name}_check", c.origin)
        for fk in t.foreign_keys:
            constraint(fk.name, fk.origin)
            bad = _missing_columns(t, fk.columns)
            if bad:
                errors.append(_err(fk.origin, f"foreign key {fk.name} of {t.name} names unknown column "
                                   f"{bad[0]!r}", _hint(bad[0], colnames)))
            if fk.ref_table in unread and (fk.ref_namespace or t.namespace) == m.namespace:
                continue
            target = seen_tables.get((fk.ref_namespace or t.namespace, fk.ref_table)) or next(
                (x for x in m.tables if x.name == fk.ref_table and x.namespace == (fk.ref_namespace or t.namespace)),
                None)
            if target is None:
                errors.append(_err(fk.origin, f"foreign key {fk.name} of {t.name} references unknown table "
                                   f"{fk.ref_table!r}", _hint(fk.ref_table, [x.name for x in m.tables]) or
                                   "define it in this module (a minimal: true table is enough)"))
                continue
            bad = _missing_columns(target, fk.ref_columns)
            if bad:
                errors.append(_err(fk.origin, f"foreign key {fk.name} of {t.name} references unknown column "
                                   f"{target.name}.{bad[0]}", _hint(bad[0], [c.name for c in target.columns])))
                continue
            keys = [tuple(target.primary_key.columns)] if target.primary_key else []
            keys += [tuple(u.columns) for u in target.uniques]
            keys += [tuple(ix.columns) for ix in target.indexes if ix.unique and ix.where is None]
            if tuple(fk.ref_columns) not in keys and sorted(fk.ref_columns) not in [sorted(k) for k in keys]:
                errors.append(_err(fk.origin, f"foreign key {fk.name} of {t.name} references "
                                   f"{target.name}({', '.join(fk.ref_columns)}), which is not a primary or "
                                   "unique key", "add a unique key on those columns"))
            if fk.on_delete_columns and fk.on_delete not in ("set null", "set default"):
                errors.append(_err(fk.origin, f"foreign key {fk.name} of {t.name} lists on_delete_columns but "
                                   f"its ON DELETE action is {fk.on_delete}", "use set null or set default"))
            stray = [c for c in fk.on_delete_columns if c not in fk.columns]
            if stray:
                errors.append(_err(fk.origin, f"foreign key {fk.name} of {t.name}: on_delete_columns names "
                                   f"{stray[0]}, which is not one of its columns"))
            nulled = set(fk.columns if fk.on_update == "set null" else ())
            if fk.on_delete == "set null":
                nulled |= set(fk.on_delete_columns or fk.columns)
            if nulled:
                for cname in (c for c in fk.columns if c in nulled):
                    col = t.column(cname)
                    if col is not None and (not col.nullable or (t.primary_key and cname in t.primary_key.columns)):
                        errors.append(_err(fk.origin, f"foreign key {fk.name} of {t.name} sets {cname} to NULL "
                                           "but the column is NOT NULL", "make the column nullable"))
        pol_names: dict[str, Origin] = {}
        for p in t.rls.policies:
            if p.name in pol_names:
                errors.append(_err(p.origin, f"policy {p.name!r} is defined twice on {t.name}"))
            pol_names[p.name] = p.origin

    errors += _enum_type_errors(m)
    seen_fn: dict[tuple, Origin] = {}
    for f in m.functions:
        key = (f.dialect, f.namespace, f.name, f.arguments)
        if key in seen_fn:
            errors.append(_err(f.origin, f"function {f.signature} is defined twice for {f.dialect}",
                               f"first at {seen_fn[key]}"))
        seen_fn[key] = f.origin
    for tr in m.triggers:
        if not any(t.name == tr.table for t in m.tables):
            errors.append(_err(tr.origin, f"trigger {tr.name} is on unknown table {tr.table!r}",
                               _hint(tr.table, [t.name for t in m.tables])))
    return errors


def _derived_names(t: Table) -> list[tuple[str, str]]:
    """Names jobschema derives when the schema gives none (the same rules the renderers use)."""
    out = []
    if t.primary_key is not None and t.primary_key.name is None:
        out.append((f"{t.name}_pkey", "the primary key"))
    for c in t.columns:
        if c.enum is not None and c.enum_check_name is None and c.enum_type is None:
            out.append((f"{t.name}_{c.name}_check", f"the enum check of column {c.name}"))
    return out


def _enum_type_errors(m: Module) -> list[LoadError]:
    """A native enum type has one label list: every column using it must list the same values in the same
    order. An array of enum values exists only as a PostgreSQL type."""
    errors = []
    first: dict[tuple[str, str], tuple[tuple[str, ...], Origin, str]] = {}
    for t in m.tables:
        for c in t.columns:
            key = c.enum_type_in(t.namespace)
            if key is None or c.enum is None:
                continue
            if key in first and first[key][0] != c.enum:
                errors.append(_err(c.origin, f"enum type {key[0]}.{key[1]} of {t.name}.{c.name} lists other values "
                                   f"than {first[key][2]}", f"first listed at {first[key][1]}; a type has one list"))
            first.setdefault(key, (c.enum, c.origin, f"{t.name}.{c.name}"))
            lacking = [d for d in m.dialects if not _capable(d, "arrays")]
            if lacking and c.type.endswith("[]"):
                having = [d for d in m.dialects if _capable(d, "arrays")]
                errors.append(_err(c.origin, f"{t.name}.{c.name} is an array of enum values, which "
                                   f"{', '.join(lacking)} cannot hold",
                                   f"set the module's dialects: [{', '.join(having)}]" if having
                                   else "use a column type every dialect of the module has"))
    return errors
