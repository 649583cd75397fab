"""The generic walk: desired modules × live catalog → ``Change``s.

module → table → column / primary key / unique / check / foreign key / index / RLS / policy / trigger,
then views, functions and extensions. The walk is the same for every dialect; everything a dialect
spells its own way is asked of its ``DiffHooks`` (``diff.hooks``). No SQL here.

Only the audited module's namespace is searched for extras (objects the schema does not know); a
required module's namespace (``auth`` on Supabase) may hold much else and is only checked for the
objects the schema declares.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..finding import Severity
from ..model.live import LiveCatalog
from ..model.objects import Column, Module, Table
from ..names import HISTORY_TABLE
from . import changes as ch
from .freed_types import freed_enum_types
from .hooks import CheckMeaning, DiffHooks
from .match import pair, pair_checks
from .order import moved

__all__ = ["CheckMeaning", "DiffHooks", "DiffOptions", "diff"]


@dataclass(frozen=True)
class DiffOptions:
    primary_namespace: str = "public"
    # the other namespaces the audited module declares as its own (``schemas``): what they hold besides the
    # schema's objects is reported as in the primary one
    own_namespaces: tuple[str, ...] = ()
    unmanaged_severity: Severity = Severity.WARNING
    comments: bool = True  # report differing table and column comments (warnings: COMMENT ON fixes them)


_KIND_SEVERITY = {
    "type": Severity.ERROR, "null": Severity.ERROR, "default": Severity.WARNING,
    "identity": Severity.WARNING, "generated": Severity.ERROR, "collation": Severity.WARNING,
    "on_update": Severity.WARNING,
    "comment": Severity.WARNING, "visibility": Severity.WARNING, "position": Severity.WARNING,
    "name": Severity.WARNING,
}


def _worst(sevs) -> Severity:
    sevs = list(sevs)
    return min(sevs, key=lambda s: s.rank) if sevs else Severity.INFO


_INDEX_STMT = re.compile(r"^\s*CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?"
                         r"\"?([A-Za-z_][A-Za-z0-9_$]*)\"?", re.I)


class _Walk:
    def __init__(self, desired: Sequence[Module], live: LiveCatalog, hooks: DiffHooks, options: DiffOptions):
        self.desired = list(desired)
        self.live = live
        self.hooks = hooks
        self.opt = options
        self.out: list[ch.Change] = []
        self.main = self.desired[0].name if self.desired else "live"
        self.dialect = hooks.dialect

    def own(self, namespace: str | None) -> bool:
        """Whether the audited module owns ``namespace``: what it holds that the schema lacks is drift."""
        return namespace == self.opt.primary_namespace or namespace in self.opt.own_namespaces

    def add(self, change: ch.Change) -> None:
        self.out.append(change)

    @property
    def extra_sev(self) -> Severity:
        return self.opt.unmanaged_severity

    # -- tables ---------------------------------------------------------------------------------
    def run(self) -> list[ch.Change]:
        live_tables = {(t.namespace, t.name): t for t in self.live.module.tables}
        desired_keys = set()
        for m in self.desired:
            for t in m.tables:
                desired_keys.add((t.namespace, t.name))
                lt = live_tables.get((t.namespace, t.name))
                path = f"{m.name}.{t.name}"
                if lt is None:
                    self.add(ch.AddTable(module=m.name, path=path, namespace=t.namespace, table=t.name,
                                         desired=t, desired_table=t))
                else:
                    self.table(m, t, lt)
        for (ns, name), lt in sorted(live_tables.items()):
            if name == HISTORY_TABLE:  # jobschema migrate's own bookkeeping, never drift
                continue
            if self.own(ns) and (ns, name) not in desired_keys:
                self.add(ch.DropTable(module=self.main, path=f"{self.main}.{name}", namespace=ns, table=name,
                                      live=lt, live_table=lt, live_name=name, severity=self.extra_sev,
                                      destructive=True))
        self.views()
        self.functions()
        self.triggers(desired_keys)
        self.extensions()
        return self.out

    def _base(self, m: Module, t: Table, lt: Table, suffix: str | None = None) -> dict:
        path = f"{m.name}.{t.name}" + (f".{suffix}" if suffix else "")
        return dict(module=m.name, path=path, namespace=t.namespace, table=t.name, desired_table=t, live_table=lt)

    def table(self, m: Module, t: Table, lt: Table) -> None:
        if self.opt.comments and not t.minimal and (t.comment or None) != (lt.comment or None):
            self.add(ch.ModifyTableComment(**self._base(m, t, lt), desired=t, live=lt, severity=Severity.WARNING))
        options = () if t.minimal else self.hooks.table_option_delta(t, lt)
        if options:
            self.add(ch.ModifyTableOptions(**self._base(m, t, lt), desired=t, live=lt, options=options,
                                           severity=Severity.WARNING))
        self.columns(m, t, lt)
        self.primary_key(m, t, lt)
        self.uniques(m, t, lt)
        if self.hooks.checks:
            self.checks(m, t, lt)
        self.foreign_keys(m, t, lt)
        self.indexes(m, t, lt)
        if self.hooks.rls:
            self.rls(m, t, lt)

    # -- columns --------------------------------------------------------------------------------
    def _nullable(self, t: Table, c: Column) -> bool:
        if t.primary_key is not None and c.name in t.primary_key.columns:
            return False
        return c.nullable

    def columns(self, m: Module, t: Table, lt: Table) -> None:
        h = self.hooks
        # by name, the first of a name winning like ``Table.column``: one scan per column was quadratic
        key = h.column_key
        live_by_name = {key(c.name): c for c in reversed(lt.columns)}
        out_of_place = moved([key(c.name) for c in t.columns], [key(c.name) for c in lt.columns]) \
            if h.column_order and not t.minimal else set()
        for c in t.columns:
            lc = live_by_name.get(key(c.name))
            if lc is None:
                self.add(ch.AddColumn(**self._base(m, t, lt, c.name), desired=c))
                continue
            kinds = set()
            if not h.column_type_equal(c, lc):
                kinds.add("type")
            if self._nullable(t, c) != lc.nullable:
                kinds.add("null")
            if not h.default_equal(c, lc):
                kinds.add("default")
            if (c.identity or None) != (lc.identity or None) or (
                    h.identity_options and c.identity and c.identity_options != lc.identity_options):
                kinds.add("identity")
            if h.generated_key(c) != h.generated_key(lc):
                kinds.add("generated")
            if not h.collation_equal(c, lc):
                kinds.add("collation")
            if h.on_update_key(c) != h.on_update_key(lc):
                kinds.add("on_update")
            if self.opt.comments and not t.minimal and (c.comment or None) != (lc.comment or None):
                kinds.add("comment")
            if h.invisible_columns and c.invisible != lc.invisible:
                kinds.add("visibility")
            if key(c.name) in out_of_place:
                kinds.add("position")
            if c.name != lc.name:  # the same column to the server, spelled in another case
                kinds.add("name")
            enum_delta = h.enum_values_delta(c, lc) if "type" in kinds else None
            if kinds:
                self.add(ch.ModifyColumn(
                    **self._base(m, t, lt, c.name), desired=c, live=lc, live_name=lc.name, kinds=frozenset(kinds),
                    desired_type=h.native_type(c), live_type=h.native_type(lc),
                    desired_default=h.default_text(c), live_default=h.default_text(lc),
                    desired_collation=h.collation_text(c) if "collation" in kinds else None,
                    live_collation=h.collation_text(lc) if "collation" in kinds else None,
                    enum_missing=enum_delta[0] if enum_delta else (), enum_extra=enum_delta[1] if enum_delta else (),
                    severity=_worst(_KIND_SEVERITY[k] for k in kinds), destructive="type" in kinds))
        if t.minimal:
            return
        desired_names = {key(c.name) for c in t.columns}
        for lc in lt.columns:
            if key(lc.name) not in desired_names:
                self.add(ch.DropColumn(**self._base(m, t, lt, lc.name), live=lc, live_name=lc.name,
                                       severity=self.extra_sev, destructive=True))

    # -- names ----------------------------------------------------------------------------------
    def renamed(self, m: Module, t: Table, lt: Table, d, lv, of: str, named: bool = True) -> None:
        """Same definition, other name: a warning, since names are schema too (a fix renames). Where the
        schema leaves the object unnamed and the live name is the one the server gives unnamed objects,
        it is only noted (info): the database was built from DDL that named nothing either. A name that
        differs only in case is another name too: MySQL matches it either way but keeps and prints the case
        it was given."""
        dname = d.name or f"{t.name}_pkey"
        if dname == lv.name:
            return
        quiet = not named and self.hooks.is_generated_name(lt, of, lv, lv.name or "")
        self.add(ch.RenamedEquivalent(**self._base(m, t, lt, dname), desired=d, live=lv, live_name=lv.name,
                                      of=of, severity=Severity.INFO if quiet else Severity.WARNING))

    def not_valid(self, m: Module, t: Table, lt: Table, d, lv, of: str) -> bool:
        """A live constraint paired with the schema's whose NOT VALID state differs. Live NOT VALID where the
        schema wants it validated: the rows it never checked may break it (the fix validates it). Live
        validated where the schema keeps it NOT VALID: a warning (the fix adds it again NOT VALID). Its
        comment is compared here too."""
        if not lv.validated and d.validated:
            self.add(ch.ValidateConstraint(**self._base(m, t, lt, d.name), desired=d, live=lv, live_name=lv.name,
                                           of=of))
        elif lv.validated and not d.validated and self.hooks.not_valid_constraints:
            self.add(ch.InvalidateConstraint(**self._base(m, t, lt, d.name), desired=d, live=lv,
                                             live_name=lv.name, of=of, severity=Severity.WARNING))
            return True  # added again under the schema's name and comment
        self.comment(m, t, lt, d, lv, of)
        return False

    def comment(self, m: Module, t: Table, lt: Table, d, lv, of: str) -> None:
        """The comment of a CHECK, foreign key or index paired with the schema's, where the dialect keeps them."""
        if self.opt.comments and self.hooks.constraint_comments and not t.minimal \
                and (d.comment or None) != (lv.comment or None):
            self.add(ch.ModifyConstraintComment(**self._base(m, t, lt, d.name), desired=d, live=lv, live_name=lv.name,
                                                of=of, severity=Severity.WARNING))

    # -- keys -----------------------------------------------------------------------------------
    def referencing(self, lt: Table, key) -> tuple:
        """The live foreign keys (namespace, table, key) that reference ``key``'s columns of ``lt``: dropping the
        key needs them dropped first and added again after."""
        cols = set(key.columns)
        return tuple((t.namespace, t.name, fk) for t in self.live.module.tables for fk in t.foreign_keys
                     if fk.ref_table == lt.name and (fk.ref_namespace or t.namespace) == lt.namespace
                     and set(fk.ref_columns) == cols)

    def index_referencing(self, lt: Table, ix) -> tuple:
        """The live foreign keys that reference a unique index of ``lt`` (one without a predicate): the server
        ties them to it, so dropping it needs them dropped first."""
        if not ix.unique or ix.where is not None or any(p.column is None for p in ix.parts):
            return ()
        return self.referencing(lt, ix)

    def _deferral(self, key) -> tuple[bool, bool]:
        """When a primary or unique key is checked: (deferrable, initially deferred), where the dialect has
        deferrable keys."""
        if not self.hooks.deferrable_keys:
            return (False, False)
        return (key.deferrable, key.deferrable and key.initially_deferred)

    def primary_key(self, m: Module, t: Table, lt: Table) -> None:
        dpk, lpk = t.primary_key, lt.primary_key
        if dpk is None:
            if lpk is not None and not t.minimal:
                self.add(ch.DropPrimaryKey(**self._base(m, t, lt, lpk.name), live=lpk, live_name=lpk.name,
                                           referenced_by=self.referencing(lt, lpk),
                                           severity=self.extra_sev))
            return
        dname = dpk.name or f"{t.name}_pkey"
        if lpk is None:
            self.add(ch.AddPrimaryKey(**self._base(m, t, lt, dname), desired=dpk))
        elif tuple(dpk.columns) != tuple(lpk.columns) or self._deferral(dpk) != self._deferral(lpk):
            self.add(ch.ModifyPrimaryKey(**self._base(m, t, lt, dname), desired=dpk, live=lpk, live_name=lpk.name,
                                          referenced_by=self.referencing(lt, lpk)))
        elif lpk.name and self.hooks.primary_key_names:
            self.renamed(m, t, lt, dpk, lpk, "primary key", named=dpk.name is not None)

    def uniques(self, m: Module, t: Table, lt: Table) -> None:
        p = pair(t.uniques, lt.uniques, key=lambda u: (tuple(u.columns), u.nulls_not_distinct, self._deferral(u)))
        for d, lv in p.renamed:
            self.renamed(m, t, lt, d, lv, "unique key")
        d_only, l_only = list(p.desired_only), list(p.live_only)
        for d, lv in p.changed:
            kinds = set()
            if tuple(d.columns) != tuple(lv.columns):
                kinds.add("columns")
            if d.nulls_not_distinct != lv.nulls_not_distinct:
                kinds.add("nulls_not_distinct")
            if self._deferral(d) != self._deferral(lv):
                kinds.add("deferrable")
            self.add(ch.ModifyUniqueKey(**self._base(m, t, lt, d.name), desired=d, live=lv, live_name=lv.name,
                                        kinds=frozenset(kinds), referenced_by=self.referencing(lt, lv)))
        # a unique key whose columns match but whose NULL handling differs is a modification, not two findings
        for d in list(d_only):
            for lv in l_only:
                if tuple(d.columns) == tuple(lv.columns):
                    kinds = {k for k, same in (("nulls_not_distinct", d.nulls_not_distinct == lv.nulls_not_distinct),
                                               ("deferrable", self._deferral(d) == self._deferral(lv))) if not same}
                    self.add(ch.ModifyUniqueKey(**self._base(m, t, lt, d.name), desired=d, live=lv,
                                                live_name=lv.name, kinds=frozenset(kinds),
                                                referenced_by=self.referencing(lt, lv)))
                    d_only.remove(d)
                    l_only.remove(lv)
                    break
        for d in d_only:
            self.add(ch.AddUniqueKey(**self._base(m, t, lt, d.name), desired=d))
        for lv in l_only:
            self.add(ch.DropUniqueKey(**self._base(m, t, lt, lv.name), live=lv, live_name=lv.name,
                                      severity=self.extra_sev, referenced_by=self.referencing(lt, lv)))

    # -- checks ---------------------------------------------------------------------------------
    def checks(self, m: Module, t: Table, lt: Table) -> None:
        h = self.hooks
        enum_cols = {}
        desired = list(t.checks)
        unnamed = set()  # enum CHECKs the schema leaves to the default name
        for chk, col in h.enum_checks(t):
            desired.append(chk)
            enum_cols[id(chk)] = col.name
            if col.enum_check_name is None:
                unnamed.add(id(chk))
        cache: dict[int, CheckMeaning] = {}

        def meaning(c) -> CheckMeaning:
            if id(c) not in cache:
                cache[id(c)] = h.check_meaning(c)
            return cache[id(c)]

        live_checks = [c for c in lt.checks if not h.is_implicit_check(lt, c)]
        p = pair_checks(desired, live_checks, meaning)
        renamed = []
        for d, lv in p.same + p.renamed:
            if d.no_inherit != lv.no_inherit or h.check_placement_differs(d, lv):  # dropped and added again
                self.add(ch.ModifyCheck(**self._base(m, t, lt, d.name), desired=d, live=lv, live_name=lv.name,
                                        column=enum_cols.get(id(d))))
                continue
            if not self.not_valid(m, t, lt, d, lv, "check") and (d, lv) in p.renamed:
                renamed.append((d, lv))
        for d, lv in renamed:
            self.renamed(m, t, lt, d, lv, "check", named=id(d) not in unnamed)
        for d, lv in p.value_changed:
            dvs, lvs = meaning(d).value_set, meaning(lv).value_set
            missing = tuple(sorted(dvs[1] - lvs[1]))
            extra = tuple(sorted(lvs[1] - dvs[1]))
            if not missing and not extra:  # same values, other shape (e.g. NULL handling): plain change
                self.add(ch.ModifyCheck(**self._base(m, t, lt, d.name), desired=d, live=lv, live_name=lv.name,
                                        column=dvs[0]))
                continue
            self.add(ch.ModifyCheck(**self._base(m, t, lt, d.name), desired=d, live=lv, live_name=lv.name,
                                    column=dvs[0], missing=missing, extra=extra, destructive=bool(extra)))
        for d, lv in p.changed:
            self.add(ch.ModifyCheck(**self._base(m, t, lt, d.name), desired=d, live=lv, live_name=lv.name,
                                    column=enum_cols.get(id(d))))
        for d in p.desired_only:
            col = enum_cols.get(id(d))
            vs = meaning(d).value_set
            self.add(ch.AddCheck(**self._base(m, t, lt, d.name), desired=d,
                                 column=col or (vs[0] if vs else None)))
        for lv, other in p.duplicates:
            mv = meaning(lv)
            col = mv.value_set[0] if mv.value_set else next(iter(mv.columns))
            self.add(ch.DuplicateColumnCheck(**self._base(m, t, lt, lv.name), live=lv, live_name=lv.name,
                                             column=col, matched=other))
        for lv in p.live_only:
            self.add(ch.DropCheck(**self._base(m, t, lt, lv.name), live=lv, live_name=lv.name,
                                  severity=self.extra_sev))

    # -- foreign keys ---------------------------------------------------------------------------
    def foreign_keys(self, m: Module, t: Table, lt: Table) -> None:
        def target(fk, ns):
            return (tuple(fk.columns), fk.ref_namespace or ns, fk.ref_table, tuple(fk.ref_columns))

        def full(fk, ns):
            return target(fk, ns) + tuple(sorted(self.hooks.foreign_key_attrs(fk).items()))

        p = pair(t.foreign_keys, lt.foreign_keys, key=lambda fk: full(fk, t.namespace))
        readded = [(d, lv) for d, lv in p.same + p.renamed if self.not_valid(m, t, lt, d, lv, "foreign key")]
        for d, lv in p.renamed:  # the loader names an unnamed key <table>_<columns>_fkey
            if (d, lv) in readded:
                continue
            self.renamed(m, t, lt, d, lv, "foreign key", named=d.name != f"{t.name}_{'_'.join(d.columns)}_fkey")
        d_only, l_only = list(p.desired_only), list(p.live_only)
        changed = list(p.changed)
        for d in list(d_only):  # same columns and target, other actions: a modification
            for lv in l_only:
                if target(d, t.namespace) == target(lv, t.namespace):
                    changed.append((d, lv))
                    d_only.remove(d)
                    l_only.remove(lv)
                    break
        for d, lv in changed:
            da, la = self.hooks.foreign_key_attrs(d), self.hooks.foreign_key_attrs(lv)
            kinds = {k for k in da if da[k] != la.get(k)}
            if target(d, t.namespace) != target(lv, t.namespace):
                kinds.add("references")
            self.add(ch.ModifyForeignKey(**self._base(m, t, lt, d.name), desired=d, live=lv, live_name=lv.name,
                                         kinds=frozenset(kinds)))
        for d in d_only:
            self.add(ch.AddForeignKey(**self._base(m, t, lt, d.name), desired=d))
        for lv in l_only:
            self.add(ch.DropForeignKey(**self._base(m, t, lt, lv.name), live=lv, live_name=lv.name,
                                       severity=self.extra_sev))

    # -- indexes --------------------------------------------------------------------------------
    def indexes(self, m: Module, t: Table, lt: Table) -> None:
        h = self.hooks
        # an index the server made for a foreign key is implied only while a key on those columns stays: once
        # the fix drops the key, or moves it to other columns, the index is a live index like any other
        kept = replace(lt, foreign_keys=tuple(fk for fk in lt.foreign_keys
                                              if any(tuple(d.columns) == tuple(fk.columns) for d in t.foreign_keys)))
        p = pair([ix for ix in t.indexes if h.index_expressible(t, ix)],
                 [ix for ix in lt.indexes if not h.is_implicit_index(kept, ix)], key=h.index_key)
        for d, lv in p.same + p.renamed:
            self.comment(m, t, lt, d, lv, "index")
        for d, lv in p.renamed:
            self.renamed(m, t, lt, d, lv, "index")
        for d, lv in p.changed:
            dk, lk = h.index_key(d), h.index_key(lv)
            kinds = {name for name, i in (("unique", 0), ("method", 1), ("columns", 2), ("where", 3),
                                          ("include", 4), ("ignored", 5), ("parser", 6), ("comment", 7))
                     if dk[i:i + 1] != lk[i:i + 1]}
            self.add(ch.ModifyIndex(**self._base(m, t, lt, d.name), desired=d, live=lv, live_name=lv.name,
                                    kinds=frozenset(kinds or {"columns"}), referenced_by=self.index_referencing(lt, lv),
                                    severity=Severity.ERROR if d.unique or lv.unique else Severity.WARNING))
        for d in p.desired_only:
            self.add(ch.AddIndex(**self._base(m, t, lt, d.name), desired=d,
                                 severity=Severity.ERROR if d.unique else Severity.WARNING))
        if t.minimal:
            return
        moved = {d.name.lower() for d in t.foreign_keys}
        for lv in p.live_only:
            # the server's index of a key the schema moves to other columns gives way to the one it makes for the
            # key under the same name: nothing the schema declared is lost
            replaced = h.is_implicit_index(lt, lv) and lv.name.lower() in moved
            self.add(ch.DropIndex(**self._base(m, t, lt, lv.name), live=lv, live_name=lv.name,
                                  severity=self.extra_sev, referenced_by=self.index_referencing(lt, lv),
                                  destructive=not replaced))

    # -- row-level security ---------------------------------------------------------------------
    def rls(self, m: Module, t: Table, lt: Table) -> None:
        h = self.hooks
        if t.rls.enabled and not lt.rls.enabled:
            self.add(ch.EnableRls(**self._base(m, t, lt, "rls"), desired=t.rls, live=lt.rls))
        elif lt.rls.enabled and not t.rls.enabled and not t.minimal:
            self.add(ch.DisableRls(**self._base(m, t, lt, "rls"), desired=t.rls, live=lt.rls,
                                   severity=self.extra_sev))
        if t.rls.forced != lt.rls.forced and (t.rls.forced or not t.minimal):
            self.add(ch.ForceRls(**self._base(m, t, lt, "rls"), desired=t.rls, live=lt.rls, forced=t.rls.forced,
                                 severity=Severity.WARNING))

        def pkey(p):
            return (p.command, tuple(sorted(p.roles)), p.permissive, h.expression_key(p.using),
                    h.expression_key(p.with_check))

        pp = pair(t.rls.policies, lt.rls.policies, key=pkey)
        for d, lv in pp.renamed:
            self.add(ch.RenamedEquivalent(**self._base(m, t, lt, d.name), desired=d, live=lv, live_name=lv.name,
                                          of="policy", severity=Severity.INFO))
        for d, lv in pp.changed:
            dk, lk = pkey(d), pkey(lv)
            kinds = {name for name, i in (("command", 0), ("roles", 1), ("permissive", 2), ("using", 3),
                                          ("with_check", 4)) if dk[i] != lk[i]}
            self.add(ch.ModifyPolicy(**self._base(m, t, lt, d.name), desired=d, live=lv, live_name=lv.name,
                                     kinds=frozenset(kinds)))
        for d in pp.desired_only:
            self.add(ch.AddPolicy(**self._base(m, t, lt, d.name), desired=d))
        for lv in pp.live_only:
            self.add(ch.DropPolicy(**self._base(m, t, lt, lv.name), live=lv, live_name=lv.name,
                                   severity=self.extra_sev))

    # -- triggers -------------------------------------------------------------------------------
    def triggers(self, desired_tables: set) -> None:
        h = self.hooks
        live = {(tr.namespace, tr.table, tr.name): tr for tr in self.live.module.triggers}
        seen = set()
        for m in self.desired:
            for tr in m.triggers:
                if tr.dialect != self.dialect:
                    continue
                key = (tr.namespace, tr.table, tr.name)
                seen.add(key)
                path = f"{m.name}.{tr.table}.{tr.name}"
                base = dict(module=m.name, path=path, namespace=tr.namespace, table=tr.table)
                lv = live.get(key)
                if lv is None:
                    self.add(ch.AddTrigger(**base, desired=tr))
                    continue
                kinds = h.trigger_kinds(tr, lv)
                if kinds:
                    self.add(ch.ModifyTrigger(**base, desired=tr, live=lv, live_name=lv.name, kinds=kinds))
        for key, lv in sorted(live.items()):
            if key in seen or not self.own(lv.namespace):
                continue
            self.add(ch.DropTrigger(module=self.main, path=f"{self.main}.{lv.table}.{lv.name}",
                                    namespace=lv.namespace, table=lv.table, live=lv, live_name=lv.name,
                                    severity=self.extra_sev))

    # -- views ----------------------------------------------------------------------------------
    def views(self) -> None:
        h = self.hooks
        live = {(v.namespace, v.name): v for v in self.live.module.views}
        live_ix: dict[tuple[str, str], list] = {}
        for ns, view, ix in self.live.view_indexes:
            live_ix.setdefault((ns, view), []).append(ix)
        seen = set()
        hidden = {(i.namespace, i.name) for i in self.live.unreadable if i.kind == "view definition"}
        for m in self.desired:
            for v in m.views:
                if v.definition(self.dialect) is None:
                    continue
                key = (v.namespace, v.name)
                seen.add(key)
                base = dict(module=m.name, path=f"{m.name}.{v.name}", namespace=v.namespace, table=v.name)
                lv = live.get(key)
                if lv is None:
                    self.add(ch.AddView(**base, desired=v))
                    continue
                kinds = set()
                if v.materialized != lv.materialized:
                    kinds.add("materialized")
                elif key not in hidden and not h.view_equal(v, lv):  # a hidden query is reported below
                    kinds.add("definition")
                kinds |= h.view_option_kinds(v, lv)
                if (v.check_option or None) != (lv.check_option or None):
                    kinds.add("check_option")
                want_ix = {mm.group(1).lower(): s for d, s in v.extra_sql if d in (self.dialect, "*")
                           if (mm := _INDEX_STMT.match(s))}
                have_ix = {ix.name.lower(): ix for ix in live_ix.get(key, [])}
                if set(want_ix) - set(have_ix) or any(
                        h.live_view_index_key(v.namespace, v.name, have_ix[n]) not in (None, h.view_index_key(s))
                        for n, s in want_ix.items() if n in have_ix):
                    kinds.add("index")
                if self.opt.comments and (h.view_comment(v) or None) != (lv.comment or None):
                    kinds.add("comment")
                if kinds:
                    sev = Severity.WARNING if kinds == {"comment"} else Severity.ERROR
                    self.add(ch.ModifyView(**base, desired=v, live=lv, live_name=lv.name, kinds=frozenset(kinds),
                                           severity=sev))
                rebuilt = bool(kinds - {"comment"})  # the fix drops and creates the view, with its indexes
                for name in sorted(set(have_ix) - set(want_ix)) if not rebuilt else ():
                    ix = have_ix[name]
                    self.add(ch.DropIndex(**base | {"path": f"{m.name}.{v.name}.{ix.name}"}, live=ix,
                                          live_name=ix.name, severity=self.extra_sev))
        for key, lv in sorted(live.items()):
            if key in seen or not self.own(key[0]):
                continue
            self.add(ch.DropView(module=self.main, path=f"{self.main}.{lv.name}", namespace=lv.namespace,
                                 table=lv.name, live=lv, live_name=lv.name, severity=self.extra_sev))

    # -- functions ------------------------------------------------------------------------------
    def functions(self) -> None:
        h = self.hooks
        live = {h.function_key(f): f for f in self.live.module.functions}
        used = set()
        for m in self.desired:
            for f in m.functions:
                if f.dialect != self.dialect:
                    continue
                key = h.function_key(f)
                base = dict(module=m.name, path=f"{m.name}.{f.name}", namespace=f.namespace)
                lv = live.get(key)
                if lv is None:
                    same_name = [lf for k, lf in sorted(live.items(), key=lambda kv: str(kv[0]))
                                 if lf.namespace == f.namespace and lf.name == f.name and k not in used]
                    if same_name:
                        lv = same_name[0]
                        used.add(h.function_key(lv))
                        self.add(ch.ModifyFunction(**base, desired=f, live=lv, live_name=lv.signature,
                                                   kinds=frozenset({"signature"})))
                    else:
                        self.add(ch.AddFunction(**base, desired=f))
                    continue
                used.add(key)
                kinds = h.function_kinds(f, lv)
                if kinds:
                    self.add(ch.ModifyFunction(**base, desired=f, live=lv, live_name=lv.signature, kinds=kinds))
        for key, lf in sorted(live.items(), key=lambda kv: str(kv[0])):
            if key in used or not self.own(lf.namespace):
                continue
            self.add(ch.DropFunction(module=self.main, path=f"{self.main}.{lf.name}", namespace=lf.namespace,
                                     live=lf, live_name=lf.signature, severity=self.extra_sev))

    # -- extensions and unmanaged objects ---------------------------------------------------------
    def extensions(self) -> None:
        live = {e.name: e for e in self.live.extensions}
        wanted = set()
        for m in self.desired:
            for e in m.extensions:
                wanted.add(e)
                if e not in live:
                    self.add(ch.AddExtension(module=m.name, path=f"{m.name}.extension.{e}", desired=e,
                                             namespace=m.namespace))
        for name, e in sorted(live.items()):
            if name in wanted:
                continue
            self.add(ch.UnmanagedObject(module=self.main, path=f"{self.main}.extension.{name}", namespace=e.namespace
                                        or "", live=e, live_name=name, of="extension", detail=e.detail,
                                        severity=self.extra_sev))
        declared = {c.enum_type_in(t.namespace) for m in self.desired for t in m.tables for c in t.columns
                    if c.enum_type is not None}
        primary = self.opt.primary_namespace
        recorded = {u.key(m.namespace): (m, u) for m in self.desired for u in m.unmanaged}
        seen = set()
        for item in self.live.unreadable:
            where = f"{item.table}.{item.name}" if item.table else item.name
            self.add(ch.Unreadable(module=self.main, path=f"{self.main}.{where}", namespace=item.namespace or "",
                                   table=item.table, live=item, live_name=item.name, of=item.kind,
                                   detail=item.detail, severity=Severity.WARNING))
        for item in self.live.unmanaged:
            key = item.key(primary)
            where = f"{item.table}.{item.name}" if item.table else item.name
            if key in recorded:
                seen.add(key)
                m, u = recorded[key]
                if (u.detail or None) != (item.detail or None):
                    self.add(ch.ModifyUnmanaged(module=m.name, path=f"{m.name}.{where}", namespace=key[1],
                                                table=item.table, desired=u, live=item, live_name=item.name,
                                                of=item.kind, detail=u.detail, live_detail=item.detail,
                                                severity=self.extra_sev))
                continue
            if item.namespace is not None and not self.own(item.namespace):
                continue
            if item.kind == "enum type":  # no live column uses it (a used one is the column's enum_type)
                if (item.namespace, item.name) in declared:
                    continue  # the schema's columns use it: the fix switches them to it
                self.add(ch.DropEnumType(module=self.main, path=f"{self.main}.{where}", namespace=item.namespace or "",
                                         live=item, live_name=item.name, detail=item.detail, severity=self.extra_sev))
                continue
            self.add(ch.UnmanagedObject(module=self.main, path=f"{self.main}.{where}", namespace=item.namespace or "",
                                        table=item.table, live=item, live_name=item.name, of=item.kind,
                                        detail=item.detail, severity=self.extra_sev))
        for (ns, name), labels, users in freed_enum_types(self.desired, self.live.module, declared, primary):
            detail = ", ".join("'" + v.replace("'", "''") + "'" for v in labels)
            self.add(ch.DropEnumType(module=self.main, path=f"{self.main}.{name}", namespace=ns, live_name=name,
                                     detail=detail, users=users, severity=self.extra_sev))
        for key, (m, u) in recorded.items():
            if u.kind == "namespace" and u.name in self.live.namespaces:
                continue  # a namespace recorded as outside the module that a module now declares: read as its own
            if key not in seen:
                where = f"{u.table}.{u.name}" if u.table else u.name
                self.add(ch.AddUnmanaged(module=m.name, path=f"{m.name}.{where}", namespace=key[1], table=u.table,
                                         desired=u, of=u.kind, detail=u.detail, severity=self.extra_sev))


def diff(desired: Sequence[Module], live: LiveCatalog, hooks: DiffHooks,
         options: DiffOptions | None = None) -> ch.DiffResult:
    """Compare the desired modules (the audited one first, then the ones it requires) with a live catalog."""
    changes = _Walk(desired, live, hooks, options or DiffOptions()).run()
    changes.sort(key=lambda c: (c.path, type(c).__name__, c.live_name or ""))
    return ch.DiffResult(changes)
