"""What the differ finds: one frozen dataclass per kind of difference, named Verb+Object.

Every change carries the desired object and the live one (either may be ``None``), the desired and live
tables it belongs to, the live object's own name (a constraint's live name may differ from the schema's),
a severity and whether fixing it could destroy or rewrite data. The fix-migration planner reads these;
``diff.findings`` turns them into ``Finding``s for people.

``Add*``    the schema has it, the database does not.
``Modify*`` both have it and it differs; ``kinds`` says what moved.
``Drop*``   the database has it, the schema does not (an unmanaged extra; dropping it would be the fix).
            Each says what its fix ``removes`` and is ``destructive``: the planner leaves it out unless the
            user allows destruction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..finding import Severity
from ..model.objects import Table


@dataclass(frozen=True, kw_only=True)
class Change:
    module: str
    path: str  # module.table[.object]
    namespace: str = "public"
    table: str | None = None
    desired: Any = None
    live: Any = None
    desired_table: Table | None = None
    live_table: Table | None = None
    live_name: str | None = None  # the object's name in the database, when it has one
    severity: Severity = Severity.ERROR
    destructive: bool = False  # fixing it could destroy or rewrite data; True on every change that ``removes``

    object_kind = "object"
    removes: ClassVar[str | None] = None  # what its fix removes (every Drop*): planned only when allowed

    @property
    def name(self) -> str | None:
        for obj in (self.desired, self.live):
            n = getattr(obj, "name", None)
            if n is not None:
                return n
        return self.live_name

    @property
    def qualified_table(self) -> str | None:
        return f"{self.namespace}.{self.table}" if self.table else None


# ------------------------------------------------------------------------------------------ tables

@dataclass(frozen=True, kw_only=True)
class AddTable(Change):
    object_kind = "table"


@dataclass(frozen=True, kw_only=True)
class DropTable(Change):
    destructive: bool = True
    removes = "drops a table and its rows"
    object_kind = "table"


@dataclass(frozen=True, kw_only=True)
class ModifyTableComment(Change):
    object_kind = "table"


@dataclass(frozen=True, kw_only=True)
class ModifyTableOptions(Change):
    """Table options that differ (MySQL: default character set and collation), as (option, desired, live)."""

    options: tuple[tuple[str, str | None, str | None], ...] = ()
    object_kind = "table"


# ----------------------------------------------------------------------------------------- columns

@dataclass(frozen=True, kw_only=True)
class AddColumn(Change):
    object_kind = "column"


@dataclass(frozen=True, kw_only=True)
class DropColumn(Change):
    destructive: bool = True
    removes = "drops a column and its data"
    object_kind = "column"


COLUMN_KINDS = ("type", "null", "default", "identity", "generated", "collation", "on_update", "comment", "visibility",
                "position", "name")


@dataclass(frozen=True, kw_only=True)
class ModifyColumn(Change):
    """``kinds`` ⊆ COLUMN_KINDS: what differs between the desired and the live column."""

    kinds: frozenset[str] = frozenset()
    desired_type: str | None = None  # the dialect's native spelling of each side, for messages
    live_type: str | None = None
    desired_default: str | None = None
    live_default: str | None = None
    desired_collation: str | None = None  # the dialect's name for each side's collation, inherited or not
    live_collation: str | None = None
    enum_missing: tuple[str, ...] = ()  # enum-typed columns (MySQL ENUM): values the live type lacks
    enum_extra: tuple[str, ...] = ()  # … and values it allows beyond the schema's
    object_kind = "column"


# ------------------------------------------------------------------------------------- constraints

@dataclass(frozen=True, kw_only=True)
class AddPrimaryKey(Change):
    object_kind = "primary key"


@dataclass(frozen=True, kw_only=True)
class ModifyPrimaryKey(Change):
    referenced_by: tuple = ()  # (namespace, table, live ForeignKey) of the live keys that depend on it
    object_kind = "primary key"


@dataclass(frozen=True, kw_only=True)
class DropPrimaryKey(Change):
    """A live primary key the schema does not declare (the table has none there)."""

    destructive: bool = True
    removes = "drops a primary key the schema does not declare"
    referenced_by: tuple = ()
    object_kind = "primary key"


@dataclass(frozen=True, kw_only=True)
class AddCheck(Change):
    """A desired CHECK (or enum CHECK, then ``column`` is set) the live table lacks."""

    column: str | None = None
    object_kind = "check"


@dataclass(frozen=True, kw_only=True)
class ModifyCheck(Change):
    """A live CHECK paired with a desired one (by value set on the same column, or by name) that means
    something else. For value-set CHECKs ``missing`` are values the database rejects but the schema
    allows and ``extra`` values the database allows but the schema does not."""

    column: str | None = None
    missing: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()
    object_kind = "check"


@dataclass(frozen=True, kw_only=True)
class DropCheck(Change):
    destructive: bool = True
    removes = "drops a constraint the schema does not declare"
    object_kind = "check"


@dataclass(frozen=True, kw_only=True)
class DuplicateColumnCheck(Change):
    """More than one live CHECK constrains the values of one column: the extra one (``live``) keeps
    enforcing its own values beside the one matched to the schema (``matched``)."""

    column: str
    matched: Any = None
    object_kind = "check"


@dataclass(frozen=True, kw_only=True)
class ModifyConstraintComment(Change):
    """A CHECK, foreign key or index with the schema's meaning whose comment differs (``COMMENT ON``)."""

    of: str = "check"  # check | foreign key | index
    object_kind = "constraint"


@dataclass(frozen=True, kw_only=True)
class ValidateConstraint(Change):
    """A live CHECK or foreign key with the schema's meaning that is NOT VALID: rows written before it was
    added were never checked, so the database does not promise what the schema says."""

    of: str = "check"  # check | foreign key
    object_kind = "constraint"


@dataclass(frozen=True, kw_only=True)
class InvalidateConstraint(Change):
    """A live CHECK or foreign key the schema keeps NOT VALID that is validated: the fix drops it and adds it
    again NOT VALID (no row changes), so a dump of the database matches what the schema builds."""

    of: str = "check"  # check | foreign key
    object_kind = "constraint"


@dataclass(frozen=True, kw_only=True)
class RenamedEquivalent(Change):
    """A live object with the desired object's meaning under another name (``live_name``)."""

    of: str = "constraint"  # check | index | foreign key | unique key | primary key | policy
    object_kind = "renamed"


@dataclass(frozen=True, kw_only=True)
class AddUniqueKey(Change):
    object_kind = "unique key"


@dataclass(frozen=True, kw_only=True)
class ModifyUniqueKey(Change):
    kinds: frozenset[str] = frozenset()
    referenced_by: tuple = ()
    object_kind = "unique key"


@dataclass(frozen=True, kw_only=True)
class DropUniqueKey(Change):
    destructive: bool = True
    removes = "drops a unique key the schema does not declare"
    referenced_by: tuple = ()
    object_kind = "unique key"


@dataclass(frozen=True, kw_only=True)
class AddForeignKey(Change):
    object_kind = "foreign key"


FK_KINDS = ("on_delete", "on_delete_columns", "on_update", "deferrable", "initially_deferred", "match", "references")


@dataclass(frozen=True, kw_only=True)
class ModifyForeignKey(Change):
    kinds: frozenset[str] = frozenset()
    object_kind = "foreign key"


@dataclass(frozen=True, kw_only=True)
class DropForeignKey(Change):
    destructive: bool = True
    removes = "drops a foreign key the schema does not declare"
    object_kind = "foreign key"


# ----------------------------------------------------------------------------------------- indexes

@dataclass(frozen=True, kw_only=True)
class AddIndex(Change):
    object_kind = "index"


INDEX_KINDS = ("columns", "unique", "method", "where", "include")


@dataclass(frozen=True, kw_only=True)
class ModifyIndex(Change):
    kinds: frozenset[str] = frozenset()
    referenced_by: tuple = ()  # a unique index foreign keys reference: (namespace, table, live ForeignKey)
    object_kind = "index"


@dataclass(frozen=True, kw_only=True)
class DropIndex(Change):
    destructive: bool = True
    removes = "drops an index the schema does not declare"
    referenced_by: tuple = ()
    object_kind = "index"


# --------------------------------------------------------------------------------------------- RLS

@dataclass(frozen=True, kw_only=True)
class EnableRls(Change):
    """Row-level security is off on a table whose schema turns it on."""

    object_kind = "rls"


@dataclass(frozen=True, kw_only=True)
class ForceRls(Change):
    """``forced`` is the desired FORCE ROW LEVEL SECURITY state; the live one is the opposite."""

    forced: bool = True
    object_kind = "rls"


@dataclass(frozen=True, kw_only=True)
class DisableRls(Change):
    """Row-level security is on in the database but not in the schema."""

    destructive: bool = True
    removes = "turns row-level security off"
    object_kind = "rls"


@dataclass(frozen=True, kw_only=True)
class AddPolicy(Change):
    object_kind = "policy"


POLICY_KINDS = ("command", "roles", "permissive", "using", "with_check")


@dataclass(frozen=True, kw_only=True)
class ModifyPolicy(Change):
    kinds: frozenset[str] = frozenset()
    object_kind = "policy"


@dataclass(frozen=True, kw_only=True)
class DropPolicy(Change):
    destructive: bool = True
    removes = "drops a row-level security policy the schema does not declare"
    object_kind = "policy"


# ------------------------------------------------------------------------------ views and routines

@dataclass(frozen=True, kw_only=True)
class AddView(Change):
    object_kind = "view"


@dataclass(frozen=True, kw_only=True)
class ModifyView(Change):
    """``kinds`` ⊆ {definition, materialized, security_invoker, check_option, index}."""

    kinds: frozenset[str] = frozenset()
    object_kind = "view"


@dataclass(frozen=True, kw_only=True)
class DropView(Change):
    destructive: bool = True
    removes = "drops a view the schema does not declare"
    object_kind = "view"


@dataclass(frozen=True, kw_only=True)
class AddFunction(Change):
    object_kind = "function"


@dataclass(frozen=True, kw_only=True)
class ModifyFunction(Change):
    """``kinds`` ⊆ {signature, body, returns, language, security, kind}; ``signature`` means a function of
    that name exists with other arguments (``live``)."""

    kinds: frozenset[str] = frozenset()
    object_kind = "function"


@dataclass(frozen=True, kw_only=True)
class DropFunction(Change):
    destructive: bool = True
    removes = "drops a function the schema does not declare"
    object_kind = "function"


@dataclass(frozen=True, kw_only=True)
class AddTrigger(Change):
    object_kind = "trigger"


@dataclass(frozen=True, kw_only=True)
class ModifyTrigger(Change):
    kinds: frozenset[str] = frozenset()
    object_kind = "trigger"


@dataclass(frozen=True, kw_only=True)
class DropTrigger(Change):
    destructive: bool = True
    removes = "drops a trigger the schema does not declare"
    object_kind = "trigger"


@dataclass(frozen=True, kw_only=True)
class AddExtension(Change):
    object_kind = "extension"


@dataclass(frozen=True, kw_only=True)
class DropEnumType(Change):
    """A live enum type in the module's namespace that no column uses and the schema does not declare."""

    destructive: bool = True
    removes = "drops an enum type the schema does not declare"
    detail: str | None = None  # its labels
    users: tuple[str, ...] = ()  # table.column: the live columns using it, each dropped or changed by the fix
    object_kind = "enum type"


@dataclass(frozen=True, kw_only=True)
class UnmanagedObject(Change):
    """Something the schema format cannot describe (extension, rule, sequence, type…): listed, never
    called "in sync"."""

    of: str = "object"
    detail: str | None = None
    object_kind = "unmanaged"


@dataclass(frozen=True, kw_only=True)
class AddUnmanaged(Change):
    """A fact ``inspect`` recorded (``Module.unmanaged``) that the database lacks: ``desired`` is the record."""

    of: str = "object"
    detail: str | None = None  # the recorded definition
    object_kind = "unmanaged"


@dataclass(frozen=True, kw_only=True)
class ModifyUnmanaged(Change):
    """A recorded fact the database has otherwise: ``desired`` is the record, ``live`` the catalog's."""

    of: str = "object"
    detail: str | None = None  # the recorded definition
    live_detail: str | None = None
    object_kind = "unmanaged"


@dataclass(frozen=True)
class Unreadable(Change):
    """Something the audit's user may not read (a view's query without MySQL's SHOW VIEW): not compared,
    and said so."""

    of: str = "object"
    detail: str | None = None
    object_kind = "unreadable"


@dataclass(frozen=True)
class DiffResult:
    changes: list[Change] = field(default_factory=list)

    def __iter__(self):
        return iter(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def of(self, cls: type) -> list:
        return [c for c in self.changes if isinstance(c, cls)]
