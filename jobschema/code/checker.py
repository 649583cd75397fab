"""The uses of the code against the schema model and, with a DSN, the live catalog: each disagreement a
``Finding`` (JS4xx) at the code's own line and column, with the schema's definition as related location.

Nothing is guessed: a value that is not a literal is counted (JS411), a column an unqualified SQL name may
belong to several tables of is checked only against the one table that has it, and a column without a
readable value set is not checked for values.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass

from ..dialects.base import DEFAULT
from ..finding import Finding, Location, Severity
from ..model.expr import value_set
from ..model.objects import Column, Module, Table
from ..names import HISTORY_TABLE
from . import rules
from . import uses as u


@dataclass(frozen=True)
class Allowed:
    """The values a column accepts, and what says so (``enum`` or a CHECK's name)."""

    values: frozenset[str]
    source: str


def allowed_values(table: Table, column: Column, dialect: str | None = None) -> Allowed | None:
    """The column's enum values intersected with every CHECK that only lists its values; None when nothing
    restricts it to a set (then values are not checked). ``dialect`` is a live catalog's (its CHECK text as
    the server prints it); None reads the schema's expressions in the schema's own language."""
    sets: list[tuple[frozenset[str], str]] = []
    if column.enum is not None:
        sets.append((frozenset(column.enum), "enum"))
    for check in table.checks:
        if dialect is None:
            found = value_set(check.expression.text, DEFAULT)
        else:
            found = value_set(check.expression.override(dialect) or check.expression.text, dialect)
        if found is not None and found[0].lower() == column.name.lower():
            sets.append((found[1], f"CHECK {check.name}"))
    if not sets:
        return None
    values = frozenset.intersection(*(s for s, _ in sets))
    return Allowed(values, " and ".join(sorted({w for _, w in sets})))


class Catalog:
    """Tables by name over some modules (the schema's, or the live one), with their column value sets."""

    def __init__(self, modules: list[Module], dialect: str | None, label: str):
        self.dialect, self.label = dialect, label
        self.by_name: dict[str, list[tuple[Module, Table]]] = defaultdict(list)
        self._columns: dict[int, tuple[Table, dict[str, Column]]] = {}  # by id(table), which it keeps alive
        self._allowed: dict[tuple[int, str], Allowed | None] = {}
        for m in modules:
            for t in m.tables:
                self.by_name[t.name.lower()].append((m, t))
                self.by_name[f"{t.namespace}.{t.name}".lower()].append((m, t))

    def table(self, name: str, prefer: set[str] | None = None) -> tuple[Module, Table] | None:
        found = self.by_name.get(name.lower(), [])
        if prefer:
            preferred = [x for x in found if x[0].name in prefer]
            found = preferred or found
        return found[0] if found else None

    def column(self, table: Table, name: str) -> Column | None:
        held = self._columns.get(id(table))
        if held is None:
            held = self._columns[id(table)] = (table, {})
            for c in reversed(table.columns):  # the first of a name wins, as a scan would find it
                held[1][c.name.lower()] = c
        return held[1].get(name.lower())

    def allowed(self, table: Table, column: Column) -> Allowed | None:
        """``allowed_values`` of a column of this catalog, computed once per column (every use asks)."""
        key = (id(table), column.name)
        if key not in self._allowed:
            self.column(table, column.name)  # keeps the table alive with its id
            self._allowed[key] = allowed_values(table, column, self.dialect)
        return self._allowed[key]


def _vals(values) -> str:
    return ", ".join(sorted(values)) or "(none)"


class Checker:
    def __init__(self, schema: Catalog, schema_dir: str, live: Catalog | None, modules: set[str],
                 base: str = ".", is_catalog=lambda _name: False):
        self.schema, self.live, self.modules = schema, live, modules
        self.is_catalog = is_catalog  # the server's own tables (the dialect's names.is_catalog): not the schema's
        self.schema_dir, self.base = schema_dir, base
        self.findings: list[Finding] = []
        self.used_values: dict[tuple[str, str, str], set[str]] = defaultdict(set)  # (module, table, column)
        self.unresolved: dict[tuple[str, str, str], list[u.Site]] = defaultdict(list)
        self.referenced: set[tuple[str, str]] = set()
        self._seen: set[tuple] = set()
        self._tables: dict[str, tuple[Module, Table] | None] = {}

    def _table(self, name: str) -> tuple[Module, Table] | None:
        if name not in self._tables:
            self._tables[name] = self.schema.table(name, self.modules)
        return self._tables[name]

    # ------------------------------------------------------------------------------------- helpers

    def _schema_location(self, obj) -> Location | None:
        origin = getattr(obj, "origin", None)
        if origin is None or not origin.file:
            return None
        path = origin.file if os.path.isabs(origin.file) else os.path.join(self.schema_dir, origin.file)
        return Location(os.path.relpath(path, self.base), origin.line, origin.col)

    def _add(self, code: str, site: u.Site | None, path: str, message: str, *, module: str | None = None,
             related=None, expected=None, actual=None, hint=None, data=None, location: Location | None = None):
        loc = location or (Location(site.file, site.line, site.col) if site is not None else None)
        key = (code, path, loc, message)
        if key in self._seen:
            return
        self._seen.add(key)
        self.findings.append(Finding(code, rules.RULES[code].severity, path, message, expected=expected,
                                     actual=actual, location=loc, hint=hint, module=module,
                                     data=dict(data or {}),
                                     related=tuple(x for x in (related,) if x is not None)))

    # ------------------------------------------------------------------------------------- uses

    def check_uses(self, uses: list[u.Use]) -> None:
        for use in uses:
            if not use.table:  # a filter object whose table is not a literal
                if use.unresolved and use.column:
                    self.unresolved[("", "", use.column)].append(use.site)
                continue
            found = self._table(use.table)
            if found is None and (self.is_catalog(use.table) or use.table.lower().split(".")[-1] == HISTORY_TABLE):
                continue  # pg_class, information_schema.tables, jobschema_migrations: not the application's tables
            if found is None:
                if use.kind == u.TABLE:  # its columns are not reported again
                    self._add(rules.TABLE_NOT_IN_SCHEMA, use.site, use.table,
                              f"{use.via} uses table {use.table}, which no module of the schema defines")
                continue
            m, t = found
            self.referenced.add((m.name, t.name))
            if use.column is None:
                self._live_table(use, m, t)
                if use.unresolved:  # a whole row from a variable: which columns, which values, not seen
                    self.unresolved[(m.name, t.name, "")].append(use.site)
                continue
            col = self.schema.column(t, use.column)
            if col is None and use.candidates:
                for other in use.candidates:
                    alt = self._table(other)
                    if alt is not None and self.schema.column(alt[1], use.column) is not None:
                        m, t = alt
                        col = self.schema.column(t, use.column)
                        break
                else:
                    continue  # an unqualified name several tables may hold: not guessed
            path = f"{m.name}.{t.name}.{use.column}"
            if col is None:
                self._add(rules.COLUMN_NOT_IN_SCHEMA, use.site, f"{m.name}.{t.name}",
                          f"{use.via} uses column {use.column}, which table {t.name} does not have in the schema",
                          module=m.name, related=self._schema_location(t))
                self._live_column(use, m, t, None)
                continue
            self._live_column(use, m, t, col)
            if use.kind not in (u.WRITE, u.FILTER):
                continue
            allowed = self.schema.allowed(t, col)
            key = (m.name, t.name, col.name)
            if use.unresolved:
                if allowed is not None or self._live_allowed(m, t, col) is not None:
                    self.unresolved[key].append(use.site)
                continue
            if use.value is None:
                continue
            self.used_values[key].add(use.value)
            live_allowed = self._live_allowed(m, t, col)
            def did(p: str, use=use) -> str:
                return (f"writes {use.value!r} into {p}" if use.kind == u.WRITE
                        else f"filters {p} on {use.value!r}")

            live_note = ""
            if live_allowed is not None:
                live_note = (" (the live database allows it)" if use.value in live_allowed.values
                             else " (the live database rejects it too)")
            if allowed is not None and use.value not in allowed.values:
                legacy = dict(col.legacy_values).get(use.value)
                self._add(rules.VALUE_NOT_IN_SCHEMA, use.site, path,
                          f"{use.via} {did(path)}, which the schema does not allow"
                          + (f" (a legacy value the schema rewrites to {legacy!r})" if legacy else "") + live_note,
                          module=m.name, related=self._schema_location(col), expected=_vals(allowed.values),
                          actual=use.value, data={"value": use.value, "schema": sorted(allowed.values),
                                                  "disagree": "code-schema"})
            if live_allowed is not None and use.value not in live_allowed.values:
                in_schema = allowed is None or use.value in allowed.values
                self._add(rules.VALUE_REJECTED_LIVE, use.site, path,
                          f"{use.via} {did(path)}, a value the live database rejects "
                          f"({live_allowed.source} allows {_vals(live_allowed.values)})"
                          + ("; the schema allows it" if in_schema and allowed is not None else ""),
                          module=m.name, related=self._schema_location(col), expected=_vals(live_allowed.values),
                          actual=use.value,
                          hint="apply the fix migration (jobschema audit --write-migration, then jobschema "
                               "migrate) before deploying this code" if in_schema else None,
                          data={"value": use.value, "database": sorted(live_allowed.values),
                                "disagree": "code-database" if in_schema else "code-schema-database"})

    def _live_find(self, m: Module, t: Table):
        if self.live is None:
            return None
        return self.live.table(f"{t.namespace}.{t.name}") or self.live.table(t.name)

    def _live_allowed(self, m: Module, t: Table, col: Column) -> Allowed | None:
        found = self._live_find(m, t)
        if found is None:
            return None
        live_col = self.live.column(found[1], col.name)
        return self.live.allowed(found[1], live_col) if live_col is not None else None

    def _live_table(self, use: u.Use, m: Module, t: Table) -> None:
        if self.live is not None and self._live_find(m, t) is None:
            self._add(rules.TABLE_NOT_IN_DATABASE, use.site, f"{m.name}.{t.name}",
                      f"{use.via} uses table {t.name}, which the live database does not have (the schema does)",
                      module=m.name, related=self._schema_location(t))

    def _live_column(self, use: u.Use, m: Module, t: Table, col: Column | None) -> None:
        if self.live is None:
            return
        found = self._live_find(m, t)
        if found is None:
            self._live_table(use, m, t)
            return
        if self.live.column(found[1], use.column) is None:
            where = "the schema does" if col is not None else "nor does the schema"
            self._add(rules.COLUMN_NOT_IN_DATABASE, use.site, f"{m.name}.{t.name}.{use.column}",
                      f"{use.via} uses column {use.column}, which table {t.name} does not have in the live "
                      f"database ({where})", module=m.name,
                      related=self._schema_location(col if col is not None else t))

    # ------------------------------------------------------------------------------------- value sets

    def check_value_sets(self, value_sets: list[u.ValueSet], mapping: dict[str, str]) -> None:
        names = {vs.name for vs in value_sets}
        for key in sorted(set(mapping) - names):
            self._add(rules.TIE_UNMATCHED, None, key,
                      f"[tool.jobschema.code] map ties {key} to {mapping[key]}, but no scanned file declares "
                      f"a value set named {key}")
        for vs in value_sets:
            target = mapping.get(vs.name) or vs.tie
            if target is None:
                continue
            site = vs.tie_site if vs.tie and vs.name not in mapping else vs.site
            parts = target.split(".")
            module, table, column = (parts if len(parts) == 3 else [None, *parts])
            found = self.schema.table(table, {module} if module else self.modules)
            if found is None or (module and found[0].name != module):
                self._add(rules.TABLE_NOT_IN_SCHEMA, site, target,
                          f"value set {vs.name} is tied to {target}, but the schema has no table {table}"
                          + (f" in module {module}" if module else ""))
                continue
            m, t = found
            self.referenced.add((m.name, t.name))
            col = self.schema.column(t, column)
            path = f"{m.name}.{t.name}.{column}"
            if col is None:
                self._add(rules.COLUMN_NOT_IN_SCHEMA, site, f"{m.name}.{t.name}",
                          f"value set {vs.name} is tied to {target}, but table {t.name} has no column {column}",
                          module=m.name, related=self._schema_location(t))
                continue
            code_values = frozenset(v for v, _ in vs.values)
            self.used_values[(m.name, t.name, col.name)].update(code_values)
            for code, allowed, side in ((rules.VALUE_SET_SCHEMA, self.schema.allowed(t, col), "the schema"),
                                        (rules.VALUE_SET_LIVE, self._live_allowed(m, t, col), "the live database")):
                if allowed is None or allowed.values == code_values:
                    continue
                extra = sorted(code_values - allowed.values)
                missing = sorted(allowed.values - code_values)
                said = "; ".join(x for x in (f"extra (not allowed by {side}): {', '.join(extra)}" if extra else "",
                                             f"missing (allowed by {side}): {', '.join(missing)}" if missing else "")
                                 if x)
                self._add(code, vs.site, path, f"{vs.kind} {vs.name} differs from {path} in {side}: {said}",
                          module=m.name, related=self._schema_location(col), expected=_vals(allowed.values),
                          actual=_vals(code_values), data={"extra": extra, "missing": missing})

    # ------------------------------------------------------------------------------------- what the code lacks

    def report_unused(self, modules: list[Module]) -> None:
        for m in modules:
            for t in m.tables:
                if (m.name, t.name) not in self.referenced:
                    self._add(rules.TABLE_UNUSED, None, f"{m.name}.{t.name}",
                              f"table {t.name} is never referenced by the scanned code", module=m.name,
                              location=self._schema_location(t))
                    continue
                for col in t.columns:
                    key = (m.name, t.name, col.name)
                    allowed = self.schema.allowed(t, col)
                    if allowed is None or key not in self.used_values:
                        continue
                    unused = sorted(allowed.values - self.used_values[key])
                    if unused and not self.unresolved.get(key) and not self.unresolved.get((m.name, t.name, "")):
                        self._add(rules.VALUE_UNUSED, None, ".".join(key),
                                  f"{'.'.join(key)}: the code never uses {', '.join(unused)}", module=m.name,
                                  location=self._schema_location(col), data={"values": unused})
        for key, sites in sorted(self.unresolved.items()):
            first, n = min(sites), len(sites)
            data = {"count": n, "sites": [str(s) for s in sorted(sites)]}
            if not key[2]:
                path = f"{key[0]}.{key[1]}"
                message = (f"{n} row{'s' if n != 1 else ''} written to {path} {'are' if n != 1 else 'is'} not "
                           "an object literal: its columns and values were not checked")
            elif not key[1]:
                path = key[2]
                message = (f"{n} filter object{'s' if n != 1 else ''} on column {key[2]} name{'' if n != 1 else 's'}"
                           " no literal table: not checked")
            else:
                path = ".".join(key)
                message = (f"{n} value{'s' if n != 1 else ''} flowing into {path} "
                           f"{'are not literals' if n != 1 else 'is not a literal'}: not checked")
            self._add(rules.UNRESOLVED, first, path, message, module=key[0] or None, data=data)

    def report_skipped(self, skipped: list[u.Skipped]) -> None:
        for s in skipped:
            self._add(rules.SQL_NOT_READ, s.site, s.site.file, s.reason)


def severity_of(code: str) -> Severity:
    return rules.RULES[code].severity
